"""The `local` LLM backend: a GGUF model served in-process by llama.cpp (the optional `xllamacpp` wheel) on 127.0.0.1.

Started lazily, once per process and model file, the first time a chat model is built; used through the same
OpenAI-compatible client as any other server. The app never downloads a model: ASSISTANT_LLM_GGUF names a file.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError, LLMError
from .settings import Settings

INSTALL_HINT = "pip install 'hiring-assistant[local]'"
FETCH_HINT = (
    "point ASSISTANT_LLM_GGUF at an instruct model in GGUF format (e.g. Qwen2.5 Instruct Q4_K_M); in a checkout, "
    "`python evals/local_model.py fetch` downloads and verifies Qwen2.5-Coder-1.5B-Instruct and prints its path"
)


@dataclass
class LocalServer:
    """A running in-process llama.cpp server."""

    gguf: Path
    base_url: str
    """The OpenAI base URL, http://127.0.0.1:PORT/v1."""
    handle: Any
    """The xllamacpp.Server: the native server lives as long as this object."""


_SERVERS: dict[Path, LocalServer] = {}
_LOCK = threading.Lock()


def gguf_path(settings: Settings) -> Path:
    """The configured GGUF file; ConfigError saying how to get one when it is unset or missing."""
    if settings.llm_gguf is None:
        raise ConfigError(f"ASSISTANT_LLM_BACKEND=local needs ASSISTANT_LLM_GGUF=/path/to/model.gguf: {FETCH_HINT}.")
    path = Path(settings.llm_gguf).expanduser()
    if not path.is_file():
        raise ConfigError(f"ASSISTANT_LLM_GGUF={path} is not a file: {FETCH_HINT}.")
    return path


def _import_xllamacpp() -> Any:
    try:
        import xllamacpp  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError as exc:
        raise ConfigError(
            f"The local backend needs the llama.cpp server wheel xllamacpp ({exc}): {INSTALL_HINT}, "
            "or use ASSISTANT_LLM_BACKEND=openai-compatible with a running server (Ollama, llama.cpp, vLLM)."
        ) from None
    return xllamacpp


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(host_url: str, timeout: float) -> None:
    limit = time.monotonic() + timeout
    while time.monotonic() < limit:
        try:
            with urllib.request.urlopen(host_url + "/health", timeout=2) as r:  # noqa: S310 - loopback only
                if r.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise LLMError(f"The local llama.cpp server ({host_url}) was not ready after {timeout:.0f} s.")


def check_local_backend(settings: Settings) -> None:
    """ConfigError saying how to fix it when the local backend cannot start (no GGUF file, no xllamacpp), without
    starting anything (`status`)."""
    gguf_path(settings)
    _import_xllamacpp()


def ensure_local_server(settings: Settings, *, ready_timeout: float = 180.0) -> LocalServer:
    """The process's server for the configured GGUF, started on first use (about 2 s for a 1.5B model)."""
    path = gguf_path(settings).resolve()
    with _LOCK:
        running = _SERVERS.get(path)
        if running is not None:
            return running
        xllamacpp = _import_xllamacpp()
        port = _free_port()
        params = xllamacpp.CommonParams()
        params.model.path = str(path)
        params.port = port
        params.hostnames = ["127.0.0.1"]  # loopback only
        params.n_ctx = settings.llm_local_ctx
        threads = settings.llm_local_threads or max(1, min(os.cpu_count() or 2, 8))
        params.cpuparams.n_threads = threads
        params.cpuparams_batch.n_threads = threads
        params.use_jinja = True
        try:
            handle = xllamacpp.Server(params)
        except Exception as exc:  # a corrupt or unsupported file
            raise LLMError(f"llama.cpp could not load {path.name}: {type(exc).__name__}: {str(exc)[:200]}") from None
        host_url = f"http://127.0.0.1:{port}"
        _wait_ready(host_url, ready_timeout)
        server = LocalServer(gguf=path, base_url=host_url + "/v1", handle=handle)
        _SERVERS[path] = server
        return server


def running_server(settings: Settings) -> LocalServer | None:
    """The server already started for the configured GGUF, if any (never starts one)."""
    if settings.llm_gguf is None:
        return None
    return _SERVERS.get(Path(settings.llm_gguf).expanduser().resolve())
