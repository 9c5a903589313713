"""A Chroma server that accepts connections and never answers: every command fails in bounded time, clearly."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from assistant.cli import main


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP server on 127.0.0.1 that accepts, reads, and never writes a byte."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    stop = threading.Event()
    held: list[socket.socket] = []

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
                held.append(conn)
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    server.close()


@pytest.mark.parametrize("argv", [["status"], ["ask", "Quel salaire ?"], ["ingest"]])
def test_silent_chroma_server_is_a_clear_error_within_the_timeout(
    silent_server, tmp_path, monkeypatch, capsys, argv
) -> None:
    monkeypatch.setenv("CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("CHROMA_PORT", str(silent_server))
    monkeypatch.setenv("ASSISTANT_CHROMA_TIMEOUT", "1")
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ASSISTANT_LLM_BACKEND", "offline")
    started = time.monotonic()
    code = main(argv)
    took = time.monotonic() - started
    out, err = capsys.readouterr()
    assert took < 8, f"{argv[0]} took {took:.1f} s against a silent Chroma server"
    text = out + err
    assert "Chroma server" in text and "ASSISTANT_CHROMA_TIMEOUT" in text, text
    if argv[0] != "status":
        assert code == 2
