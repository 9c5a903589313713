"""Pytest plugin with the shared test infrastructure: network guard, OpenAI test server, Chroma server.

Load it from tests/conftest.py with `pytest_plugins = ["fixtures_infra"]` (tests/ is on sys.path through
`pythonpath = ["tests"]` in pyproject.toml).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import netguard
from chroma_server import ChromaEndpoint, ChromaUnavailable, run_chroma_server
from openai_server import OpenAIServer


def pytest_configure(config: pytest.Config) -> None:
    """Install the guard before collection, so imports and session fixtures are covered too."""
    netguard.install_guard()


def pytest_unconfigure(config: pytest.Config) -> None:
    """Restore sockets and environment at the end of the run."""
    netguard.uninstall_guard()


@pytest.fixture(autouse=True)
def _no_internet() -> Iterator[None]:
    """Refuse non-loopback sockets in every test (re-installs the guard if a test removed it)."""
    netguard.install_guard()
    yield


@pytest.fixture
def openai_server() -> Iterator[OpenAIServer]:
    """A fresh scripted OpenAI-compatible server on 127.0.0.1 (`.base_url`, `.script([...])`, `.requests`)."""
    with OpenAIServer() as server:
        yield server


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaEndpoint]:
    """A `chroma run` server for the session, on 127.0.0.1; yields (host, port)."""
    data_dir: Path = tmp_path_factory.mktemp("chroma-server") / "data"
    try:
        with run_chroma_server(data_dir) as endpoint:
            yield endpoint
    except ChromaUnavailable as exc:
        pytest.skip(str(exc))
