"""Run a local Chroma server (`chroma run`, chromadb 1.5's Rust CLI) in a child process for tests."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from openai_server import hash_embedding

STARTUP_TIMEOUT_S = 30.0


class ChromaEndpoint(NamedTuple):
    """Where the test Chroma server listens; unpacks as (host, port)."""

    host: str
    port: int


class ChromaUnavailable(RuntimeError):
    """The chroma CLI is not installed (the fixture turns this into a skip)."""


def find_chroma_cli() -> str | None:
    """The `chroma` executable next to this interpreter (the venv's bin), else on PATH."""
    beside = Path(sys.executable).parent / ("chroma.exe" if os.name == "nt" else "chroma")
    if beside.exists():
        return str(beside)
    return shutil.which("chroma")


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now (a small race remains until the child binds it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _heartbeat(host: str, port: int) -> bool:
    import chromadb  # imported late: only tests that start a server pay for it

    try:
        client = chromadb.HttpClient(host=host, port=port)
        client.heartbeat()
        return True
    except Exception:  # connection refused while the server boots, or not ready yet
        return False


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Terminate the child's whole process group, then kill it if it lingers."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=5)


class HashEmbeddingFunction:
    """A tiny deterministic Chroma embedding function, so Chroma never loads its default ONNX model."""

    def __init__(self, dim: int = 32) -> None:
        self.dim = dim

    def __call__(self, input: list[str]) -> list[Any]:  # noqa: A002 - Chroma's parameter name
        import numpy as np  # Chroma's client expects numpy vectors from an embedding function

        return [np.asarray(hash_embedding(text, self.dim), dtype=np.float32) for text in input]

    def embed_query(self, input: list[str]) -> list[Any]:  # noqa: A002
        return self(input)

    @staticmethod
    def name() -> str:
        return "test-hash"

    def get_config(self) -> dict[str, Any]:
        return {"dim": self.dim}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> HashEmbeddingFunction:
        return HashEmbeddingFunction(int(config.get("dim", 32)))

    def is_legacy(self) -> bool:
        return False

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine", "l2", "ip"]


@contextmanager
def run_chroma_server(data_dir: Path, timeout: float = STARTUP_TIMEOUT_S) -> Iterator[ChromaEndpoint]:
    """Start `chroma run --path data_dir` on 127.0.0.1:<free port>, wait for the heartbeat, stop it on exit."""
    cli = find_chroma_cli()
    if cli is None:
        raise ChromaUnavailable(
            "the `chroma` CLI (installed with chromadb) was not found beside the interpreter or on PATH"
        )
    host, port = "127.0.0.1", free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    log_path = data_dir.parent / f"chroma-{port}.log"
    # The socket guard does not reach child processes: the environment switches telemetry off.
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [cli, "run", "--path", str(data_dir), "--host", host, "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,  # its own process group, so teardown can kill every child it spawns
        )
    try:
        deadline = time.monotonic() + timeout
        while not _heartbeat(host, port):
            if proc.poll() is not None:
                tail = log_path.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"chroma run exited with code {proc.returncode}; log tail:\n{tail}")
            if time.monotonic() > deadline:
                tail = log_path.read_text(errors="replace")[-2000:]
                raise RuntimeError(
                    f"chroma run gave no heartbeat on {host}:{port} within {timeout:.0f} s; log tail:\n{tail}"
                )
            time.sleep(0.2)
        yield ChromaEndpoint(host, port)
    finally:
        _stop(proc)


__all__ = [
    "ChromaEndpoint",
    "HashEmbeddingFunction",
    "ChromaUnavailable",
    "find_chroma_cli",
    "free_port",
    "run_chroma_server",
]
