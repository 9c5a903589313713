"""A scripted OpenAI-compatible HTTP server on 127.0.0.1, to test the real OpenAI/LangChain clients offline.

Usage:
    with OpenAIServer() as server:
        server.script([{"answer": "x"}, "plain text", Error(429, "slow down"), Delay(10)])
        ChatOpenAI(base_url=server.base_url, api_key="test", model="test-model", ...)
        server.requests[-1]["messages"]   # the chat-completion bodies the client sent

Each chat completion consumes one scripted item:
    dict (or a pydantic model) -> a tool call to the request's tools[0] (what with_structured_output(method="function_calling")
                    expects); with a `response_format` or no tools, the dict as JSON message content.
    str          -> plain message content.
    Error(s, b)  -> HTTP status s with an OpenAI-style error body.
    Delay(s, then=item) -> sleep s seconds, then serve `then` (default: the text "(delayed reply)").
    Raw(body, status=200) -> that JSON body verbatim (for malformed replies).
    Drip(interval, then=item) -> the headers at once, then the body of `then` one byte every `interval` seconds.
An empty queue answers 500 with a message saying so. Embeddings and /models do not use the queue.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import math
import re
import struct
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

EMBEDDING_DIM = 64
MODEL_IDS = ("test-model", "test-embedding")


@dataclass(frozen=True)
class Error:
    """A scripted HTTP error reply."""

    status: int
    body: Any = "scripted error"


@dataclass(frozen=True)
class Delay:
    """Wait `seconds` before replying with `then` (to test client timeouts)."""

    seconds: float
    then: Any = "(delayed reply)"


@dataclass(frozen=True)
class Drip:
    """Send the headers of a reply with `then`, then its body one byte every `interval` seconds (a server that
    keeps a connection alive without ever finishing in time)."""

    interval: float
    then: Any = "(dripped reply)"


@dataclass(frozen=True)
class Raw:
    """Reply with this JSON body verbatim."""

    body: Any
    status: int = 200


@dataclass
class Logged:
    """One HTTP request as received: method, path, headers (lower-case keys), JSON body or None."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any = None


def hash_embedding(text: str, dim: int = EMBEDDING_DIM) -> list[float]:
    """A deterministic unit vector: hashed bag of lower-cased words (shared words -> similar vectors)."""
    vec = [0.0] * dim
    words = re.findall(r"\w+", text.lower()) or [text]
    for word in words:
        digest = hashlib.sha256(word.encode("utf-8")).digest()
        index = int.from_bytes(digest[:4], "little") % dim
        vec[index] += 1.0 if digest[4] & 1 else -1.0
    norm = math.sqrt(sum(v * v for v in vec))
    if norm == 0.0:  # words cancelled out: fall back to a fixed axis so the vector is never zero
        vec[int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "little") % dim] = 1.0
        return vec
    return [v / norm for v in vec]


def _count_tokens(value: Any) -> int:
    """A rough, deterministic token count (words) of any JSON value."""
    if isinstance(value, str):
        return len(re.findall(r"\w+|[^\w\s]", value))
    if isinstance(value, dict):
        return sum(_count_tokens(v) for v in value.values())
    if isinstance(value, list):
        return sum(_count_tokens(v) for v in value)
    return 0


def _error_body(message: str, kind: str = "server_error", code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": None, "code": code}}


class OpenAIServer:
    """A threaded OpenAI-compatible server with a scripted reply queue; use as a context manager."""

    def __init__(self, embedding_dim: int = EMBEDDING_DIM) -> None:
        self.embedding_dim = embedding_dim
        self.requests: list[dict[str, Any]] = []  # chat-completion request bodies, in order
        self.embedding_requests: list[dict[str, Any]] = []  # embeddings request bodies
        self.log: list[Logged] = []  # every request, any path
        self._queue: list[Any] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._ids = itertools.count(1)
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> OpenAIServer:
        """Bind a free port on 127.0.0.1 and serve in a daemon thread."""
        handler = type("Handler", (_Handler,), {"app": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="openai-test-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; pending Delay replies are cut short."""
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None

    def __enter__(self) -> OpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The bound TCP port."""
        assert self._httpd is not None, "server not started"
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        """The URL to give a client as base_url, ending in /v1."""
        return f"http://127.0.0.1:{self.port}/v1"

    # -- scripting -------------------------------------------------------------------------------
    def script(self, items: Iterable[Any]) -> None:
        """Append replies to the queue (see the module docstring for the item types)."""
        with self._lock:
            self._queue.extend(items)

    @property
    def pending(self) -> int:
        """How many scripted replies are left."""
        with self._lock:
            return len(self._queue)

    def reset(self) -> None:
        """Empty the queue and the records."""
        with self._lock:
            self._queue.clear()
            self.requests.clear()
            self.embedding_requests.clear()
            self.log.clear()

    def _next_item(self) -> tuple[bool, Any]:
        with self._lock:
            if not self._queue:
                return False, None
            return True, self._queue.pop(0)

    def _wait(self, seconds: float) -> bool:
        """Sleep; False when the server is stopping."""
        return not self._stopping.wait(seconds)

    # -- replies ---------------------------------------------------------------------------------
    def chat_reply(self, body: dict[str, Any], item: Any) -> tuple[str | None, list[dict[str, Any]] | None, str]:
        """Turn a scripted item into (content, tool_calls, finish_reason) for one request."""
        if hasattr(item, "model_dump"):  # a pydantic model: script its data
            item = item.model_dump(mode="json")
        if isinstance(item, dict):
            tools = body.get("tools") or []
            wants_content = bool(body.get("response_format")) or not tools
            if wants_content:
                return json.dumps(item, ensure_ascii=False), None, "stop"
            name = tools[0].get("function", {}).get("name") or tools[0].get("name") or "tool"
            call = {
                "id": f"call_test_{next(self._ids)}",
                "type": "function",
                "function": {"name": name, "arguments": json.dumps(item, ensure_ascii=False)},
            }
            return None, [call], "tool_calls"
        return str(item), None, "stop"

    def usage(self, body: dict[str, Any], content: str | None, tool_calls: Any) -> dict[str, int]:
        """Deterministic usage counts for a request and its reply."""
        prompt = max(1, _count_tokens(body.get("messages", [])))
        completion = max(1, _count_tokens(content or "") + _count_tokens(tool_calls or []))
        return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


class _Handler(BaseHTTPRequestHandler):
    app: OpenAIServer
    protocol_version = "HTTP/1.1"  # keep-alive, as the httpx client expects

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence stderr logging
        return

    # -- plumbing --------------------------------------------------------------------------------
    def _read_json(self) -> Any:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        if not raw:
            return None
        try:
            return json.loads(raw)
        except ValueError:
            return {"_unparsable_body": raw.decode("utf-8", "replace")}

    def _send_json(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (e.g. its timeout fired during a Delay)

    def _send_dripping(self, status: int, payload: Any, interval: float) -> None:
        data = json.dumps(payload).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            for i in range(len(data)):
                self.wfile.write(data[i : i + 1])
                self.wfile.flush()
                if not self.app._wait(interval):
                    return
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up

    def _record(self, body: Any) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        self.app.log.append(Logged(self.command, self.path, headers, body))

    def _route(self) -> str:
        path = self.path.split("?", 1)[0].rstrip("/")
        return path[3:] if path.startswith("/v1") else path

    # -- verbs -----------------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802
        self._record(None)
        route = self._route()
        if route == "/models":
            data = [{"id": m, "object": "model", "created": 0, "owned_by": "test"} for m in MODEL_IDS]
            self._send_json(200, {"object": "list", "data": data})
        elif route.startswith("/models/"):
            self._send_json(200, {"id": route[8:], "object": "model", "created": 0, "owned_by": "test"})
        else:
            self._send_json(404, _error_body(f"test server: no route GET {self.path}", "not_found"))

    def do_POST(self) -> None:  # noqa: N802
        body = self._read_json()
        self._record(body)
        route = self._route()
        if not isinstance(body, dict) or "_unparsable_body" in body:
            self._send_json(400, _error_body("test server: request body is not a JSON object", "invalid_request_error"))
        elif route == "/chat/completions":
            self.app.requests.append(body)
            self._chat(body)
        elif route == "/embeddings":
            self.app.embedding_requests.append(body)
            self._embeddings(body)
        else:
            # e.g. /responses: ChatOpenAI only uses it for some models/options; tests should not.
            self._send_json(404, _error_body(f"test server: no route POST {self.path}", "not_found"))

    # -- endpoints -------------------------------------------------------------------------------
    def _chat(self, body: dict[str, Any]) -> None:
        found, item = self.app._next_item()
        if not found:
            n = len(self.app.requests)
            message = f"openai test server: no scripted reply left for chat request #{n}; call server.script([...])"
            self._send_json(500, _error_body(message))
            return
        drip: float | None = None
        while isinstance(item, (Delay, Drip)):
            if isinstance(item, Drip):
                drip = item.interval
            elif not self.app._wait(item.seconds):
                return
            item = item.then
        if isinstance(item, Error):
            payload = item.body if isinstance(item.body, dict) else _error_body(str(item.body), "test_error")
            self._send_json(item.status, payload)
            return
        if isinstance(item, Raw):
            self._send_json(item.status, item.body)
            return
        content, tool_calls, finish = self.app.chat_reply(body, item)
        usage = self.app.usage(body, content, tool_calls)
        completion_id = f"chatcmpl-test-{next(self.app._ids)}"
        model = body.get("model") or "test-model"
        if body.get("stream"):
            include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
            self._stream(completion_id, model, content, tool_calls, finish, usage if include_usage else None)
            return
        message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": None}
        if tool_calls:
            message["tool_calls"] = tool_calls
        send = self._send_json if drip is None else lambda status, payload: self._send_dripping(status, payload, drip)
        send(
            200,
            {
                "id": completion_id,
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
                "usage": usage,
                "system_fingerprint": None,
            },
        )

    def _stream(
        self,
        completion_id: str,
        model: str,
        content: str | None,
        tool_calls: list[dict[str, Any]] | None,
        finish: str,
        usage: dict[str, int] | None,
    ) -> None:
        created = int(time.time())

        def chunk(delta: dict[str, Any], finish_reason: str | None = None, **extra: Any) -> dict[str, Any]:
            choices = [{"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}]
            return {
                "id": completion_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": choices,
                **extra,
            }

        events = [chunk({"role": "assistant", "content": ""})]
        if tool_calls:
            for i, call in enumerate(tool_calls):
                head = {
                    "index": i,
                    "id": call["id"],
                    "type": "function",
                    "function": {"name": call["function"]["name"], "arguments": ""},
                }
                events.append(chunk({"tool_calls": [head]}))
                args = call["function"]["arguments"]
                for start in range(0, len(args), 16):
                    events.append(
                        chunk({"tool_calls": [{"index": i, "function": {"arguments": args[start : start + 16]}}]})
                    )
        for piece in re.findall(r"\S+\s*|\s+", content or ""):
            events.append(chunk({"content": piece}))
        events.append(chunk({}, finish))
        if usage is not None:
            events.append(
                {
                    "id": completion_id,
                    "object": "chat.completion.chunk",
                    "created": created,
                    "model": model,
                    "choices": [],
                    "usage": usage,
                }
            )
        try:
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.send_header("cache-control", "no-cache")
            self.send_header("connection", "close")  # no content-length: the end of stream is the close
            self.end_headers()
            for event in events:
                self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def _embeddings(self, body: dict[str, Any]) -> None:
        raw = body.get("input")
        if isinstance(raw, str):
            inputs: list[Any] = [raw]
        elif isinstance(raw, list) and raw and all(isinstance(x, int) for x in raw):
            inputs = [raw]  # a single token list
        elif isinstance(raw, list) and raw:
            inputs = raw
        else:
            self._send_json(
                400, _error_body("test server: 'input' must be a string or a non-empty list", "invalid_request_error")
            )
            return
        dim = int(body.get("dimensions") or self.app.embedding_dim)
        as_base64 = body.get("encoding_format") == "base64"  # the openai client asks for base64 by default
        data = []
        for i, item in enumerate(inputs):
            text = item if isinstance(item, str) else " ".join(f"tok{t}" for t in item)
            vec = hash_embedding(text, dim)
            encoded: Any = base64.b64encode(struct.pack(f"<{dim}f", *vec)).decode("ascii") if as_base64 else vec
            data.append({"object": "embedding", "index": i, "embedding": encoded})
        tokens = sum(_count_tokens(x) if isinstance(x, str) else len(x) for x in inputs)
        self._send_json(
            200,
            {
                "object": "list",
                "data": data,
                "model": body.get("model") or "test-embedding",
                "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
            },
        )


__all__ = ["Delay", "Error", "Logged", "OpenAIServer", "Raw", "EMBEDDING_DIM", "hash_embedding"]
