"""Backend choice, configuration errors, the bounded re-ask, and strict prompt files."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from assistant.errors import ConfigError
from assistant.llm import build_chat_model, describe_backend, structured_call
from assistant.prompts import PROMPTS_DIR, load_prompt

from fake_llm import FakeStructuredChatModel
from support import make_settings


def test_backend_resolution(tmp_path: Path) -> None:
    assert make_settings(tmp_path, ASSISTANT_LLM_BACKEND="auto").resolved_llm_backend == "offline"
    assert make_settings(tmp_path, ASSISTANT_LLM_BACKEND="auto", OPENAI_API_KEY="sk-x").resolved_llm_backend == "openai"
    s = make_settings(
        tmp_path, ASSISTANT_LLM_BACKEND="auto", ASSISTANT_LLM_BASE_URL="http://127.0.0.1:1/v1", ASSISTANT_LLM_MODEL="m"
    )
    assert s.resolved_llm_backend == "openai-compatible" and "127.0.0.1:1" in describe_backend(s)
    assert build_chat_model(make_settings(tmp_path)) is None
    assert "offline" in describe_backend(make_settings(tmp_path))


def test_missing_configuration_says_how_to_fix_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        build_chat_model(make_settings(tmp_path, ASSISTANT_LLM_BACKEND="openai"))
    with pytest.raises(ConfigError, match="ASSISTANT_LLM_MODEL"):
        build_chat_model(
            make_settings(
                tmp_path, ASSISTANT_LLM_BACKEND="openai-compatible", ASSISTANT_LLM_BASE_URL="http://127.0.0.1:9/v1"
            )
        )
    with pytest.raises(ConfigError, match="ASSISTANT_LLM_BASE_URL"):
        build_chat_model(make_settings(tmp_path, ASSISTANT_LLM_BACKEND="openai-compatible"))


def test_compatible_model_has_timeout_retries_and_max_tokens(tmp_path: Path) -> None:
    s = make_settings(
        tmp_path,
        ASSISTANT_LLM_BASE_URL="http://127.0.0.1:9/v1",
        ASSISTANT_LLM_MODEL="m",
        ASSISTANT_LLM_BACKEND="auto",
        ASSISTANT_LLM_TIMEOUT=7,
        ASSISTANT_LLM_MAX_TOKENS=321,
    )
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

    result = structured_call(
        fake, Pair, [HumanMessage(content="x")], validate=lambda p: ["b must be 2"] if p.b != 2 else []
    )
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
    messages = load_prompt("ask").render(question="q", passages="[id] (s)\ntext", language="French", history="")
    assert "French" in messages[0].content and "[id]" in messages[1].content


# --------------------------------------------------------------------------- structured output on real servers


def _compatible(tmp_path: Path, server, **env: object):
    return make_settings(
        tmp_path,
        ASSISTANT_LLM_BACKEND="openai-compatible",
        ASSISTANT_LLM_BASE_URL=server.base_url,
        ASSISTANT_LLM_MODEL="test-model",
        ASSISTANT_LLM_MAX_RETRIES=0,
        **env,
    )


@pytest.fixture(autouse=True)
def _forget_chosen_methods():
    from assistant.llm import reset_structured_methods

    reset_structured_methods()
    yield
    reset_structured_methods()


def test_json_schema_is_the_default_for_compatible_servers(tmp_path: Path, openai_server) -> None:
    from langchain_core.messages import HumanMessage

    from assistant.llm import structured_method_in_use

    s = _compatible(tmp_path, openai_server)
    assert structured_method_in_use(s) == "json_schema (default)"
    assert structured_method_in_use(
        make_settings(tmp_path, ASSISTANT_LLM_BACKEND="openai", OPENAI_API_KEY="k")
    ).startswith("function_calling")
    openai_server.script([{"a": 1, "b": 2}])
    result = structured_call(build_chat_model(s), Pair, [HumanMessage(content="x")], settings=s)
    assert result.value == Pair(a=1, b=2)
    sent = openai_server.requests[-1]
    assert sent["response_format"]["type"] == "json_schema" and "tools" not in sent


def test_a_rejected_method_falls_back_once_and_is_remembered(tmp_path: Path, openai_server) -> None:
    from langchain_core.messages import HumanMessage

    from assistant.llm import structured_method_in_use

    from openai_server import Error

    s = _compatible(tmp_path, openai_server)
    model = build_chat_model(s)
    openai_server.script([Error(400, "response_format type json_schema is not supported"), {"a": 1, "b": 2}])
    result = structured_call(model, Pair, [HumanMessage(content="x")], settings=s)
    assert result.value == Pair(a=1, b=2) and result.usage["calls"] == 2
    assert [("tools" in r, "response_format" in r) for r in openai_server.requests[-2:]] == [
        (False, True),
        (True, False),
    ]
    assert structured_method_in_use(s).startswith("function_calling (the server rejected json_schema")
    openai_server.script([{"a": 3, "b": 4}])  # the next call goes straight to the chosen method
    assert structured_call(model, Pair, [HumanMessage(content="x")], settings=s).value == Pair(a=3, b=4)
    assert "tools" in openai_server.requests[-1]


def test_a_server_that_ignores_tools_gets_json_mode_with_the_schema_in_the_prompt(
    tmp_path: Path, openai_server
) -> None:
    from langchain_core.messages import HumanMessage, SystemMessage

    from assistant.llm import structured_method_in_use

    s = _compatible(tmp_path, openai_server, ASSISTANT_LLM_STRUCTURED_METHOD="function_calling")
    openai_server.script(['{"a": 1, "b": 2}', {"a": 1, "b": 2}])  # text instead of a tool call, as xllamacpp does
    result = structured_call(
        build_chat_model(s), Pair, [SystemMessage(content="S"), HumanMessage(content="x")], settings=s
    )
    assert result.value == Pair(a=1, b=2)
    last = openai_server.requests[-1]
    assert last["response_format"] == {"type": "json_object"}
    assert last["messages"][0]["role"] == "system" and '"b"' in last["messages"][0]["content"]
    assert structured_method_in_use(s).startswith("json_mode")


def test_truncated_output_is_a_clear_error(tmp_path: Path, openai_server) -> None:
    from langchain_core.messages import HumanMessage

    from assistant.llm import OutputTruncated

    from openai_server import Raw

    s = _compatible(tmp_path, openai_server)
    cut = {
        "id": "x",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [
            {"index": 0, "finish_reason": "length", "message": {"role": "assistant", "content": '{"a": 1, "b'}}
        ],
        "usage": {"prompt_tokens": 5, "completion_tokens": 5, "total_tokens": 10},
    }
    for method in ("json_schema", "json_mode"):
        s = _compatible(tmp_path, openai_server, ASSISTANT_LLM_STRUCTURED_METHOD=method)
        openai_server.script([Raw(cut)])
        with pytest.raises(OutputTruncated, match="output limit"):
            structured_call(build_chat_model(s), Pair, [HumanMessage(content="x")], settings=s, max_tokens=77)
        assert openai_server.requests[-1]["max_tokens"] == 77


# --------------------------------------------------------------------------- the local backend


def test_local_backend_says_how_to_fix_a_missing_model_or_extra(tmp_path: Path, monkeypatch) -> None:
    import sys

    s = make_settings(tmp_path, ASSISTANT_LLM_BACKEND="local")
    with pytest.raises(ConfigError, match="ASSISTANT_LLM_GGUF"):
        build_chat_model(s)
    missing = make_settings(tmp_path, ASSISTANT_LLM_BACKEND="local", ASSISTANT_LLM_GGUF=str(tmp_path / "nope.gguf"))
    with pytest.raises(ConfigError, match="local_model.py fetch"):
        build_chat_model(missing)
    gguf = tmp_path / "model.gguf"
    gguf.write_bytes(b"GGUF")
    present = make_settings(tmp_path, ASSISTANT_LLM_BACKEND="auto", ASSISTANT_LLM_GGUF=str(gguf))
    assert present.resolved_llm_backend == "local" and not present.should_redact_pii
    assert describe_backend(present).startswith("local · model (llama.cpp in-process, started on first use)")
    monkeypatch.setitem(sys.modules, "xllamacpp", None)  # import fails as if the extra were not installed
    with pytest.raises(ConfigError, match=r"hiring-assistant\[local\]"):
        build_chat_model(present)


def _raised_from(outer: BaseException, cause: BaseException) -> BaseException:
    try:
        try:
            raise cause
        except BaseException as inner:
            raise outer from inner
    except BaseException as exc:
        return exc


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (AttributeError("'str' object has no attribute 'model_dump'"), "a reply that is not JSON, e.g. a web page"),
        (ValueError("x"), None),
        (AttributeError("'NoneType' object has no attribute 'x'"), None),
    ],
)
def test_a_server_that_is_not_the_api_is_said_so(tmp_path: Path, error: BaseException, said: str | None) -> None:
    """(stop 53's outside probe) A web page or bad JSON at the base URL was "failed (AttributeError)"; bytes that are
    not HTTP, "Cannot reach … Is the server running?" while it ran."""
    import json

    import httpx
    import openai

    from assistant.llm import _friendly

    settings = make_settings(tmp_path, ASSISTANT_LLM_BASE_URL="http://127.0.0.1:9/v1", ASSISTANT_LLM_MODEL="m")
    message = str(_friendly(error, settings))
    assert (said in message and "ASSISTANT_LLM_BASE_URL" in message) if said else "OpenAI-compatible" not in message
    bad_json = json.JSONDecodeError("Expecting value", "{x", 1)
    assert "not JSON" in str(_friendly(bad_json, settings))
    request = httpx.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
    garbage = httpx.RemoteProtocolError("illegal status line: bytearray(b'garbage')")
    message = str(_friendly(_raised_from(openai.APIConnectionError(request=request), garbage), settings))
    assert "not HTTP" in message and "Is the server running" not in message
    # a server that closes with no reply may have crashed: (review of stop 54)
    closed = httpx.RemoteProtocolError("Server disconnected without sending a response.")
    assert "Is the server running" in str(
        _friendly(_raised_from(openai.APIConnectionError(request=request), closed), settings)
    )
    refused = _raised_from(openai.APIConnectionError(request=request), httpx.ConnectError("Connection refused"))
    assert "Is the server running" in str(_friendly(refused, settings))


def test_an_http_error_notice_ends_its_sentence(tmp_path: Path) -> None:
    import httpx
    import openai

    from assistant.llm import _friendly

    settings = make_settings(tmp_path, ASSISTANT_LLM_BASE_URL="http://127.0.0.1:9/v1", ASSISTANT_LLM_MODEL="m")
    response = httpx.Response(500, request=httpx.Request("POST", "http://127.0.0.1:9/v1"), json={"error": "boom"})
    message = str(
        _friendly(openai.InternalServerError("Error code: 500 - boom", response=response, body=None), settings)
    )
    assert message.endswith("boom.")
