"""The only module that builds chat models: backend choice, timeouts, retries, token limits, usage.

Provider imports stay inside functions: importing this module builds no client and opens no connection.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import ConfigError, LLMError
from .settings import Settings

if TYPE_CHECKING:
    import httpx
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

T = TypeVar("T", bound=BaseModel)

DEFAULT_OPENAI_MODEL = "gpt-4.1-mini"

# The wall-clock deadline (time.monotonic()) of the job running in this context: every HTTP request to the LLM,
# every retry and every re-ask stops there, whatever the server does (a slow drip of bytes included).
_DEADLINE: ContextVar[float | None] = ContextVar("llm_deadline", default=None)


class DeadlineExceeded(BaseException):
    """Raised by the HTTP transport when the job's deadline has passed.

    A BaseException on purpose: the OpenAI client retries after any Exception (with back-off sleeps), and a
    passed deadline must end the job at once, through the client and LangChain, to `structured_call`."""


class ReplyTooLarge(BaseException):
    """Raised by the HTTP transport when a reply outgrows what the output budget can produce (`max_reply_bytes`).

    A BaseException like DeadlineExceeded: a reply that size is a misbehaving server, not something to retry."""


def max_reply_bytes(settings: Settings) -> int:
    """The largest HTTP reply body accepted from the LLM: 64 bytes per token of ASSISTANT_LLM_MAX_TOKENS (JSON
    escaping of accented text included) plus 64 KiB for the envelope. A 1,500-token budget gives 160 KiB."""
    return 65536 + 64 * settings.llm_max_tokens


@contextmanager
def deadline(seconds: float) -> Iterator[float]:
    """Run a job under one wall-clock deadline; nested calls keep the earliest one."""
    limit = time.monotonic() + seconds
    outer = _DEADLINE.get()
    token = _DEADLINE.set(limit if outer is None else min(outer, limit))
    try:
        yield limit
    finally:
        _DEADLINE.reset(token)


def _remaining() -> float | None:
    limit = _DEADLINE.get()
    return None if limit is None else limit - time.monotonic()


def deadline_passed() -> bool:
    """Whether the current job's deadline has passed: a request now is refused before it leaves the machine."""
    left = _remaining()
    return left is not None and left <= 0


def _deadline_http_client(settings: Settings) -> httpx.Client:
    """An httpx client whose every request and every byte read respects the job's deadline, and whose replies
    are cut off past `max_reply_bytes` (a 30 MB answer is refused, not parsed and printed)."""
    import httpx

    limit = max_reply_bytes(settings)

    class _Stream(httpx.SyncByteStream):
        def __init__(self, inner: httpx.SyncByteStream) -> None:
            self._inner = inner

        def __iter__(self) -> Iterator[bytes]:
            size = 0
            for chunk in self._inner:
                left = _remaining()
                if left is not None and left <= 0:
                    raise DeadlineExceeded("the job's deadline passed while the LLM was answering")
                size += len(chunk)
                if size > limit:
                    raise ReplyTooLarge(size)
                yield chunk

        def close(self) -> None:
            self._inner.close()

    class _Transport(httpx.HTTPTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            left = _remaining()
            if left is not None:
                if left <= 0:
                    raise DeadlineExceeded("the job's deadline passed before the request")
                # No single wait (connect, each read) may outlast the deadline.
                timeout = dict(request.extensions.get("timeout") or {})
                request.extensions["timeout"] = {
                    key: left if timeout.get(key) is None else min(float(timeout[key]), left)
                    for key in ("connect", "read", "write", "pool")
                }
            response = super().handle_request(request)
            assert isinstance(response.stream, httpx.SyncByteStream)
            response.stream = _Stream(response.stream)
            return response

    return httpx.Client(transport=_Transport(), timeout=settings.llm_timeout)


def model_name(settings: Settings) -> str | None:
    backend = settings.resolved_llm_backend
    if backend == "offline":
        return None
    if backend == "openai":
        return settings.llm_model or DEFAULT_OPENAI_MODEL
    if backend == "local":
        return settings.llm_model or (Path(settings.llm_gguf).stem if settings.llm_gguf else None)
    return settings.llm_model


def describe_backend(settings: Settings) -> str:
    """A one-line description of the active backend, shown to the user everywhere."""
    backend = settings.resolved_llm_backend
    if backend == "offline":
        return "offline (no LLM: extractive and rule-based engine)"
    if backend == "openai":
        return f"openai · {model_name(settings)}"
    if backend == "local":
        from .local_server import running_server

        where = running_server(settings)
        state = f"llama.cpp in-process @ {where.base_url}" if where else "llama.cpp in-process, started on first use"
        return f"local · {model_name(settings) or '?'} ({state})"
    return f"openai-compatible · {settings.llm_model or '?'} @ {settings.llm_base_url}"


def settings_problem(settings: Settings) -> str | None:
    """What keeps the configured LLM backend from being used, as the error `ask` would give, without starting or
    calling anything (`status`); None when the settings are complete."""
    backend = settings.resolved_llm_backend
    try:
        if backend == "local":
            from .local_server import check_local_backend

            check_local_backend(settings)
        elif backend != "offline":
            build_chat_model(settings)  # the OpenAI client is only built: no request is made
    except ConfigError as exc:
        return str(exc)
    return None


def build_chat_model(settings: Settings) -> BaseChatModel | None:
    """A LangChain chat model for the configured backend, or None offline."""
    backend = settings.resolved_llm_backend
    if backend == "offline":
        return None
    from langchain_openai import ChatOpenAI

    common: dict[str, Any] = {
        "timeout": settings.llm_timeout,
        "max_retries": settings.llm_max_retries,  # the client's retries are the only retry budget
        "temperature": settings.llm_temperature,
        "use_responses_api": False,  # chat completions: what every OpenAI-compatible server speaks
        "stream_usage": True,
        "http_client": _deadline_http_client(settings),
    }
    if backend == "openai":
        openai_key = settings.openai_api_key.get_secret_value().strip() if settings.openai_api_key else ""
        if not openai_key:
            raise ConfigError(
                "No key found: set OPENAI_API_KEY, or ASSISTANT_LLM_BASE_URL for an OpenAI-compatible server, "
                "or ASSISTANT_LLM_BACKEND=offline to run without an LLM."
            )
        return ChatOpenAI(
            model=model_name(settings),
            api_key=openai_key,
            base_url=settings.llm_base_url or None,
            max_tokens=settings.llm_max_tokens,
            **common,
        )
    if backend == "local":
        from .local_server import ensure_local_server

        server = ensure_local_server(settings)  # ConfigError (how to fix) when the file or xllamacpp is missing
        return ChatOpenAI(
            model=model_name(settings) or "local",
            api_key="not-needed",
            base_url=server.base_url,
            max_tokens=settings.llm_max_tokens,
            extra_body={"max_tokens": settings.llm_max_tokens},
            **common,
        )
    if not settings.llm_base_url:
        raise ConfigError(
            "ASSISTANT_LLM_BACKEND=openai-compatible needs ASSISTANT_LLM_BASE_URL (e.g. http://127.0.0.1:11434/v1 for Ollama)."
        )
    if not settings.llm_model:
        raise ConfigError("Set ASSISTANT_LLM_MODEL to the model your server serves (e.g. llama3.1 for Ollama).")
    key = settings.llm_api_key or settings.openai_api_key
    return ChatOpenAI(
        model=settings.llm_model,
        # ChatOpenAI refuses to start without a key; local servers ignore it.
        api_key=key.get_secret_value() if key else "not-needed",
        base_url=settings.llm_base_url,
        # max_tokens is sent as max_completion_tokens, which some servers ignore: send both.
        max_tokens=settings.llm_max_tokens,
        extra_body={"max_tokens": settings.llm_max_tokens},
        **common,
    )


@dataclass
class StructuredResult(Generic[T]):
    """The validated output of one structured call (plus at most one re-ask), with what is still wrong."""

    value: T | None
    problems: list[str] = field(default_factory=list)
    usage: dict[str, int] = field(default_factory=dict)
    reasked: bool = False


def _add_usage(total: dict[str, int], raw: Any) -> None:
    meta = getattr(raw, "usage_metadata", None) or {}
    for key in ("input_tokens", "output_tokens", "total_tokens"):
        if isinstance(meta.get(key), int):
            total[key] = total.get(key, 0) + meta[key]
    total["calls"] = total.get("calls", 0) + 1


def _not_the_api(exc: BaseException) -> str | None:
    """What shows that the server at the base URL is not an OpenAI-compatible API (stop 53's outside probe: a web
    page, bad JSON or bytes that are not HTTP were reported as "failed (AttributeError)", "failed (JSONDecodeError)"
    or "Cannot reach … Is the server running?" when it was running), or None."""
    cause: BaseException | None = exc
    seen = 0
    while cause is not None and seen < 20:
        name = cause.__class__.__name__
        if name in ("RemoteProtocolError", "LocalProtocolError", "ProtocolError"):
            if "disconnected without" in str(cause).lower():
                return None  # a server that crashed says the same: "Is the server running?" (review of stop 54)
            return "a reply that is not HTTP"
        if name == "JSONDecodeError":
            return "a reply that is not JSON"
        if name == "AttributeError" and "'str' object has no attribute" in str(cause):
            return "a reply that is not JSON, e.g. a web page"  # the client hands a non-JSON body on as text
        cause, seen = cause.__cause__ or cause.__context__, seen + 1
    return None


def _friendly(exc: BaseException, settings: Settings | None) -> LLMError:
    name = exc.__class__.__name__
    where = describe_backend(settings) if settings else "the LLM backend"
    left = _remaining()
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ReplyTooLarge):
            limit_kib = max_reply_bytes(settings) // 1024 if settings else "?"
            return LLMError(
                f"The LLM ({where}) sent a reply larger than {limit_kib} KiB, more than its output budget "
                "(ASSISTANT_LLM_MAX_TOKENS) can produce; it was discarded unread."
            )
        if isinstance(cause, DeadlineExceeded):
            break
        cause = cause.__cause__ or cause.__context__
    if cause is not None or (left is not None and left <= 0):
        limit = f"{settings.llm_deadline:g} s" if settings else "its deadline"
        return LLMError(
            f"The LLM ({where}) did not finish within {limit} (ASSISTANT_LLM_DEADLINE); the job was stopped there."
        )
    if "Timeout" in name:
        return LLMError(f"The LLM ({where}) did not answer within {settings.llm_timeout if settings else '?'} s.")
    if (what := _not_the_api(exc)) is not None:
        return LLMError(
            f"The LLM ({where}) did not answer like an OpenAI-compatible API ({what}): check ASSISTANT_LLM_BASE_URL "
            "(it usually ends in /v1)."
        )
    if "Connection" in name:
        return LLMError(f"Cannot reach the LLM ({where}): {str(exc).rstrip('.')}. Is the server running?")
    if "Authentication" in name:
        return LLMError(f"The LLM ({where}) refused the API key. Check OPENAI_API_KEY / ASSISTANT_LLM_API_KEY.")
    if "RateLimit" in name:
        return LLMError(f"The LLM ({where}) is rate-limiting requests; try again later.")
    status = getattr(exc, "status_code", None)
    if status is not None:  # an HTTP error from the server: its message is the server's, not the model's output
        return LLMError(f"The LLM ({where}) answered HTTP {status}: {str(exc)[:300].rstrip(' .')}.")
    # Anything else (a parser error, say) may quote the model's output, and so the notes: name it only.
    return LLMError(f"The LLM ({where}) failed ({name}).")


# --------------------------------------------------------------------------- structured output methods

METHODS: tuple[str, ...] = ("json_schema", "function_calling", "json_mode")
"""The fallback order: constrained JSON, then a tool call, then plain JSON with the schema in the prompt."""

# The method a server accepted after rejecting the configured one, per (backend, base URL, model), for the process.
_CHOSEN: dict[tuple[str, str, str], tuple[str, str]] = {}
_CHOSEN_LOCK = threading.Lock()

# Words in a server's 4xx/5xx message that mean "this way of asking for structure is not supported".
_REJECTION = re.compile(
    r"response_format|json_schema|json schema|json_object|tool|function|grammar|not supported|unsupported|"
    r"not implemented|unrecognized|unknown (?:field|parameter|argument)|extra (?:fields|inputs)",
    re.IGNORECASE,
)


class OutputTruncated(LLMError):
    """The model stopped at its output-token limit (finish_reason "length") before the structured output was complete."""


class _MethodRejected(Exception):
    """The server refused (or ignored) the structured-output method: try the next one."""

    def __init__(self, method: str, why: str) -> None:
        super().__init__(why)
        self.method, self.why = method, why


def _method_key(settings: Settings) -> tuple[str, str, str]:
    gguf = str(settings.llm_gguf or "")
    return (settings.resolved_llm_backend, settings.llm_base_url or gguf, model_name(settings) or "")


def configured_structured_method(settings: Settings | None) -> str:
    """ASSISTANT_LLM_STRUCTURED_METHOD, else json_schema (openai-compatible, local) or function_calling (openai)."""
    if settings is None:
        return "function_calling"
    if settings.llm_structured_method:
        return settings.llm_structured_method
    return "function_calling" if settings.resolved_llm_backend == "openai" else "json_schema"


def _current_method(settings: Settings | None) -> str:
    if settings is not None:
        with _CHOSEN_LOCK:
            chosen = _CHOSEN.get(_method_key(settings))
        if chosen:
            return chosen[0]
    return configured_structured_method(settings)


def structured_method_in_use(settings: Settings) -> str:
    """The structured-output method this process uses for the configured backend, and why (for `status`)."""
    if settings.resolved_llm_backend == "offline":
        return "none (offline)"
    with _CHOSEN_LOCK:
        chosen = _CHOSEN.get(_method_key(settings))
    if chosen:
        return f"{chosen[0]} (the server rejected {chosen[1]}; used for the rest of this process)"
    origin = "ASSISTANT_LLM_STRUCTURED_METHOD" if settings.llm_structured_method else "default"
    return f"{configured_structured_method(settings)} ({origin})"


def reset_structured_methods() -> None:
    """Forget the methods chosen by fallback (tests)."""
    with _CHOSEN_LOCK:
        _CHOSEN.clear()


def _remember(settings: Settings, method: str, rejected: str) -> None:
    with _CHOSEN_LOCK:
        _CHOSEN[_method_key(settings)] = (method, rejected)


def _next_method(method: str) -> str | None:
    i = METHODS.index(method) if method in METHODS else len(METHODS)
    return METHODS[i + 1] if i + 1 < len(METHODS) else None


def _is_rejection(exc: BaseException) -> bool:
    status = getattr(exc, "status_code", None)
    return status in (400, 404, 415, 422, 500, 501) and bool(_REJECTION.search(str(exc)))


def _schema_instruction(schema: type[BaseModel]) -> str:
    return (
        "\n\nReply with one JSON object and nothing else (no prose, no Markdown fence), valid against this JSON "
        f"schema:\n{json.dumps(schema.model_json_schema(), ensure_ascii=False)}"
    )


def _with_schema_in_prompt(messages: Sequence[BaseMessage], schema: type[BaseModel]) -> list[BaseMessage]:
    """json_mode: the schema goes into the (first) system message; chat templates want one system message, first."""
    from langchain_core.messages import SystemMessage

    out = list(messages)
    if out and isinstance(out[0], SystemMessage) and isinstance(out[0].content, str):
        out[0] = SystemMessage(content=out[0].content + _schema_instruction(schema))
    else:
        out.insert(0, SystemMessage(content=_schema_instruction(schema).strip()))
    return out


def _with_max_tokens(model: BaseChatModel, max_tokens: int | None) -> BaseChatModel:
    """A copy of a ChatOpenAI-like model with another output budget (other models are returned unchanged)."""
    if max_tokens is None or "max_tokens" not in type(model).model_fields:
        return model
    update: dict[str, Any] = {"max_tokens": max_tokens}
    extra = getattr(model, "extra_body", None)
    if isinstance(extra, dict) and "max_tokens" in extra:
        update["extra_body"] = {**extra, "max_tokens": max_tokens}
    return model.model_copy(update=update)


def _finish_reason(raw: Any) -> str | None:
    meta = getattr(raw, "response_metadata", None) or {}
    reason = meta.get("finish_reason")
    return str(reason) if reason else None


def _truncated(settings: Settings | None, budget: int | None) -> OutputTruncated:
    limit = budget or (settings.llm_max_tokens if settings else None)
    where = describe_backend(settings) if settings else "the LLM backend"
    return OutputTruncated(
        f"The LLM ({where}) stopped at its output limit ({limit or '?'} tokens) before its structured answer was "
        "complete. A larger model (or ASSISTANT_LLM_MAX_TOKENS) may fit; the offline engine needs no LLM."
    )


def structured_call(
    model: BaseChatModel | None,
    schema: type[T],
    messages: Sequence[BaseMessage],
    *,
    validate: Callable[[T], list[str]] | None = None,
    settings: Settings | None = None,
    max_tokens: int | None = None,
) -> StructuredResult[T]:
    """One structured call; on invalid output or `validate` problems, one bounded re-ask quoting them.

    The method is json_schema by default for OpenAI-compatible and local servers; a server that rejects it (an HTTP
    error naming the feature, or a reply with no tool call) gets the next method once (json_schema → function_calling
    → json_mode with the schema in the prompt), remembered for the process. `max_tokens` overrides the output budget
    of this call. Output cut at the budget raises OutputTruncated (an LLMError). The whole of it (requests, the
    client's retries, the re-ask) runs under one deadline (ASSISTANT_LLM_DEADLINE)."""
    if model is None:
        raise LLMError("No LLM is configured (offline backend): this job runs its offline engine instead.")
    sized = _with_max_tokens(model, max_tokens)
    method = _current_method(settings)
    usage: dict[str, int] = {}
    with deadline(settings.llm_deadline if settings else 90.0):
        while True:
            runnable = sized.with_structured_output(schema, method=method, include_raw=True)  # type: ignore[arg-type]
            sent = _with_schema_in_prompt(messages, schema) if method == "json_mode" else list(messages)
            try:
                return _call_with_one_reask(runnable, schema, sent, validate, settings, method, usage, max_tokens)
            except _MethodRejected as rejected:
                following = _next_method(rejected.method)
                if settings is None or following is None:
                    raise LLMError(
                        f"The LLM ({describe_backend(settings) if settings else 'backend'}) rejected every "
                        f"structured-output method ({rejected.why}). Set ASSISTANT_LLM_STRUCTURED_METHOD or run offline."
                    ) from None
                _remember(settings, following, rejected.method)
                method = following


def _call_with_one_reask(
    runnable: Any,
    schema: type[T],
    messages: Sequence[BaseMessage],
    validate: Callable[[T], list[str]] | None,
    settings: Settings | None,
    method: str,
    usage: dict[str, int],
    budget: int | None,
) -> StructuredResult[T]:
    from langchain_core.messages import HumanMessage

    history = list(messages)
    value: T | None = None
    problems: list[str] = []
    for attempt in range(2):
        try:
            out: dict[str, Any] = runnable.invoke(history)  # type: ignore[assignment]  # include_raw=True: a dict
        except (DeadlineExceeded, ReplyTooLarge) as exc:
            raise _friendly(exc, settings) from None
        except ValidationError as exc:  # some fakes and parsers raise instead of reporting
            out = {"raw": None, "parsed": None, "parsing_error": exc}
        except Exception as exc:
            if type(exc).__name__ == "LengthFinishReasonError":  # openai's parse() on finish_reason "length"
                usage["calls"] = usage.get("calls", 0) + 1
                raise _truncated(settings, budget) from None
            if attempt == 0 and settings is not None and _is_rejection(exc):
                usage["calls"] = usage.get("calls", 0) + 1
                raise _MethodRejected(method, f"{method}: HTTP {getattr(exc, 'status_code', '?')}") from exc
            raise _friendly(exc, settings) from exc
        raw = out.get("raw")
        _add_usage(usage, raw)
        parsed, error = out.get("parsed"), out.get("parsing_error")
        if parsed is None and _finish_reason(raw) == "length":
            raise _truncated(settings, budget)
        if (
            parsed is None
            and attempt == 0
            and settings is not None
            and method == "function_calling"
            and raw is not None
            and not getattr(raw, "tool_calls", None)
        ):  # the server ignored the tool (xllamacpp does): not the model's fault, not worth a re-ask
            raise _MethodRejected(method, "function_calling: the reply had no tool call")
        if parsed is not None and not isinstance(parsed, schema):
            try:
                parsed = schema.model_validate(parsed)
            except ValidationError as exc:
                parsed, error = None, exc
        if parsed is None:
            value = None
            problems = [f"the output did not match the schema: {str(error or 'no structured output')[:800]}"]
        else:
            value = parsed
            problems = validate(parsed) if validate else []
        if not problems or attempt == 1:
            break
        left = _remaining()
        if left is not None and left <= 0:
            break  # no time left for a re-ask: report what is wrong
        previous = parsed.model_dump_json() if parsed is not None else _raw_text(raw)
        history = list(messages) + [
            HumanMessage(
                content="Your previous answer was rejected. Fix these problems and answer again in the same format:\n- "
                + "\n- ".join(problems)
                + f"\n\nYour previous answer was:\n{previous[:4000]}"
            )
        ]
    return StructuredResult(value=value, problems=problems, usage=usage, reasked=len(history) > len(messages))


def _raw_text(raw: Any) -> str:
    if raw is None:
        return "(nothing)"
    calls = getattr(raw, "tool_calls", None)
    if calls:
        return str(calls[0].get("args"))
    return str(getattr(raw, "content", raw))
