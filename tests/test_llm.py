"""Backend choice, configuration errors, the bounded re-ask, and strict prompt files."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from assistant.errors import ConfigError
from assistant.llm import build_chat_model, describe_backend, structured_call
from assistant.prompts import PROMPTS_DIR, load_prompt
from support import make_settings
from fake_llm import FakeStructuredChatModel


def test_backend_resolution(tmp_path: Path) -> None:
    assert make_settings(tmp_path, ASSISTANT_LLM_BACKEND="auto").resolved_llm_backend == "offline"
    assert make_settings(tmp_path, ASSISTANT_LLM_BACKEND="auto", OPENAI_API_KEY="sk-x").resolved_llm_backend == "openai"
    s = make_settings(tmp_path, ASSISTANT_LLM_BACKEND="auto", ASSISTANT_LLM_BASE_URL="http://127.0.0.1:1/v1", ASSISTANT_LLM_MODEL="m")
    assert s.resolved_llm_backend == "openai-compatible" and "127.0.0.1:1" in describe_backend(s)
    assert build_chat_model(make_settings(tmp_path)) is None
    assert "offline" in describe_backend(make_settings(tmp_path))


def test_missing_configuration_says_how_to_fix_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        build_chat_model(make_settings(tmp_path, ASSISTANT_LLM_BACKEND="openai"))
    with pytest.raises(ConfigError, match="ASSISTANT_LLM_MODEL"):
        build_chat_model(make_settings(tmp_path, ASSISTANT_LLM_BACKEND="openai-compatible", ASSISTANT_LLM_BASE_URL="http://127.0.0.1:9/v1"))
    with pytest.raises(ConfigError, match="ASSISTANT_LLM_BASE_URL"):
        build_chat_model(make_settings(tmp_path, ASSISTANT_LLM_BACKEND="openai-compatible"))


def test_compatible_model_has_timeout_retries_and_max_tokens(tmp_path: Path) -> None:
    s = make_settings(tmp_path, ASSISTANT_LLM_BASE_URL="http://127.0.0.1:9/v1", ASSISTANT_LLM_MODEL="m",
                      ASSISTANT_LLM_BACKEND="auto", ASSISTANT_LLM_TIMEOUT=7, ASSISTANT_LLM_MAX_TOKENS=321)
    model = build_chat_model(s)  # builds, connects nowhere
    assert model.request_timeout == 7 and model.max_retries == 1
    assert model.max_tokens == 321 and model.extra_body == {"max_tokens": 321}


class Pair(BaseModel):
    a: int
    b: int


def test_structured_call_reasks_once_on_invalid_output() -> None:
    fake = FakeStructuredChatModel(responses=[{"a": "not a number"}, {"a": 1, "b": 2}])
    from langchain_core.messages import HumanMessage

    result = structured_call(fake, Pair, [HumanMessage(content="give a pair")])
    assert result.value == Pair(a=1, b=2) and result.reasked and not result.problems
    assert result.usage["calls"] == 2
    assert "rejected" in fake.calls[1][-1].content


def test_structured_call_stops_after_one_reask() -> None:
    fake = FakeStructuredChatModel(responses=[{"a": 1, "b": 9}, {"a": 1, "b": 9}, {"a": 1, "b": 2}])
    from langchain_core.messages import HumanMessage

    result = structured_call(fake, Pair, [HumanMessage(content="x")], validate=lambda p: ["b must be 2"] if p.b != 2 else [])
    assert result.problems == ["b must be 2"] and len(fake.calls) == 2


def test_every_prompt_file_is_consistent() -> None:
    names = sorted(p.stem for p in PROMPTS_DIR.glob("*.yaml"))
    assert "ask" in names
    for name in names:
        load_prompt(name)  # declared variables == used variables, or ConfigError


def test_prompt_render_is_strict(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text("variables: [x]\nsystem: 'S {x}'\nhuman: 'H'\n", encoding="utf-8")
    prompt = load_prompt("p", tmp_path)
    with pytest.raises(ConfigError, match="missing"):
        prompt.render()
    with pytest.raises(ConfigError, match="unexpected"):
        prompt.render(x=1, y=2)
    assert prompt.render(x="{braces} stay")[0].content == "S {braces} stay"
    (tmp_path / "q.yaml").write_text("variables: []\nsystem: 'S {x}'\nhuman: 'H'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="declares"):
        load_prompt("q", tmp_path)


def test_ask_prompt_gets_exactly_what_qa_passes() -> None:
    messages = load_prompt("ask").render(question="q", passages="[id] (s)\ntext", language="French")
    assert "French" in messages[0].content and "[id]" in messages[1].content
