"""Fixtures of the kit tests: the real guide chunked, offline services without a knowledge base, a private temp dir."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from support import make_settings


@pytest.fixture(scope="session")
def guide(session_settings: Any) -> Any:
    """The real guide, chunked (no index, no embeddings)."""
    from assistant.guide.chunking import load_guide

    return load_guide(session_settings.guide_dir)


@pytest.fixture(scope="session")
def guide_body(session_settings: Any) -> str:
    from assistant.guide.framework import load_guide_text

    return load_guide_text(session_settings.guide_dir)[1]


@pytest.fixture
def kit_services(tmp_path: Path, framework: Any) -> Any:
    """Offline services with the real framework; the kit never needs the knowledge base."""
    from assistant.services import Services

    return Services(settings=make_settings(tmp_path / "data"), framework=framework)


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private GRADIO_TEMP_DIR for one test (mode 0700)."""
    path = tmp_path / "gradio"
    path.mkdir(mode=0o700)
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(path))
    return path
