"""Tests of the test infrastructure: network guard, OpenAI test server, fake chat model, Chroma server."""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest
from pydantic import BaseModel, ValidationError

import netguard
from chroma_server import HashEmbeddingFunction
from fake_llm import FakeStructuredChatModel
from openai_server import Delay, Error, OpenAIServer, hash_embedding


class Verdict(BaseModel):
    """A small structured-output schema."""

    answer: str
    score: int


# -- network guard -------------------------------------------------------------------------------


@pytest.mark.parametrize("target", [("8.8.8.8", 53), ("2001:4860:4860::8888", 53), ("example.com", 80)])
def test_guard_refuses_create_connection_outside_loopback(target: tuple[str, int]) -> None:
    with pytest.raises(RuntimeError, match="outside loopback is refused"):
        socket.create_connection(target, timeout=1)


def test_guard_refuses_raw_connect_connect_ex_and_dns() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(RuntimeError, match="8.8.8.8"):
            sock.connect(("8.8.8.8", 53))
        with pytest.raises(RuntimeError, match="8.8.8.8"):
            sock.connect_ex(("8.8.8.8", 53))
    with pytest.raises(RuntimeError, match="example.com"):
        socket.getaddrinfo("example.com", 443)


def test_guard_refuses_an_http_client() -> None:
    import httpx

    # httpx wraps nothing here: the guard's RuntimeError surfaces from the transport.
    with pytest.raises(RuntimeError, match="refused in tests"):
        httpx.get("http://example.com/", timeout=2)


def test_guard_allows_loopback_and_unix_sockets(tmp_path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            pass
        with socket.create_connection(("localhost", port), timeout=2):
            pass
        with socket.socket() as sock:
            assert sock.connect_ex(("127.0.0.1", port)) == 0
    assert socket.getaddrinfo("localhost", 80)
    path = str(tmp_path / "s.sock")
    with socket.socket(socket.AF_UNIX) as unix_server:
        unix_server.bind(path)
        unix_server.listen()
        with socket.socket(socket.AF_UNIX) as client:
            client.connect(path)


def test_guard_sets_offline_environment_and_uninstalls_cleanly() -> None:
    assert netguard.guard_installed()
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    assert os.environ["ANONYMIZED_TELEMETRY"] == "False"
    assert os.environ["GRADIO_ANALYTICS_ENABLED"] == "False"
    assert "OPENAI_API_KEY" not in os.environ
    patched = socket.socket.connect
    netguard.uninstall_guard()
    try:
        assert socket.socket.connect is not patched
        assert not netguard.guard_installed()
    finally:
        netguard.install_guard()
    assert socket.socket.connect is patched


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True),
        ("127.5.6.7", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("localhost", True),
        (b"localhost", True),
        ("10.0.0.1", False),
        ("0.0.0.0", False),
        ("example.com", False),
        (None, False),
    ],
)
def test_is_loopback_host(host: object, expected: bool) -> None:
    assert netguard.is_loopback_host(host) is expected


# -- OpenAI-compatible server with the real ChatOpenAI -------------------------------------------


def _chat(server: OpenAIServer, **kwargs):
    from langchain_openai import ChatOpenAI

    options = {"timeout": 5, "max_retries": 0, "max_tokens": 200, **kwargs}
    return ChatOpenAI(base_url=server.base_url, api_key="test", model="test-model", **options)


@pytest.mark.server
def test_function_calling_round_trip(openai_server: OpenAIServer) -> None:
    openai_server.script([{"answer": "oui", "score": 4}])
    result = _chat(openai_server).with_structured_output(Verdict, method="function_calling").invoke("hi")
    assert result == Verdict(answer="oui", score=4)
    sent = openai_server.requests[-1]
    assert sent["tools"][0]["function"]["name"] == "Verdict"
    assert sent["messages"] == [{"role": "user", "content": "hi"}]
    assert sent["max_completion_tokens"] == 200  # ChatOpenAI sends max_tokens under this name
    assert openai_server.pending == 0


@pytest.mark.server
def test_include_raw_gives_usage(openai_server: OpenAIServer) -> None:
    openai_server.script([{"answer": "yes", "score": 2}])
    out = _chat(openai_server).with_structured_output(Verdict, method="function_calling", include_raw=True).invoke("hi")
    assert out["parsed"] == Verdict(answer="yes", score=2)
    assert out["parsing_error"] is None
    usage = out["raw"].usage_metadata
    assert usage["input_tokens"] > 0 and usage["output_tokens"] > 0
    assert usage["total_tokens"] == usage["input_tokens"] + usage["output_tokens"]


@pytest.mark.server
def test_json_schema_round_trip(openai_server: OpenAIServer) -> None:
    openai_server.script([{"answer": "json", "score": 5}])
    result = _chat(openai_server).with_structured_output(Verdict, method="json_schema").invoke("hi")
    assert result == Verdict(answer="json", score=5)
    sent = openai_server.requests[-1]
    assert sent["response_format"]["type"] == "json_schema"
    assert "tools" not in sent


@pytest.mark.server
@pytest.mark.parametrize("method", ["function_calling", "json_schema"])
def test_bad_data_raises_validation_error(openai_server: OpenAIServer, method: str) -> None:
    openai_server.script([{"answer": "x", "score": "not a number"}])
    with pytest.raises(ValidationError):
        _chat(openai_server).with_structured_output(Verdict, method=method).invoke("hi")


@pytest.mark.server
def test_plain_and_streamed_text(openai_server: OpenAIServer) -> None:
    openai_server.script(["bonjour", "un deux trois"])
    model = _chat(openai_server)
    assert model.invoke("hi").content == "bonjour"
    assert "".join(chunk.content for chunk in model.stream("hi")) == "un deux trois"
    assert openai_server.requests[-1]["stream"] is True


@pytest.mark.server
def test_streamed_usage_and_tool_call(openai_server: OpenAIServer) -> None:
    openai_server.script(["a b", {"answer": "s", "score": 1}])
    model = _chat(openai_server, stream_usage=True)
    chunks = list(model.stream("hi"))
    total = chunks[0]
    for chunk in chunks[1:]:
        total = total + chunk
    assert total.content == "a b"
    assert total.usage_metadata["total_tokens"] > 0
    assert openai_server.requests[-1]["stream_options"] == {"include_usage": True}
    streamed = _chat(openai_server, streaming=True).with_structured_output(Verdict, method="function_calling")
    assert streamed.invoke("hi") == Verdict(answer="s", score=1)


@pytest.mark.server
def test_delay_makes_the_client_time_out(openai_server: OpenAIServer) -> None:
    import openai

    openai_server.script([Delay(5)])
    start = time.monotonic()
    with pytest.raises(openai.APITimeoutError):
        _chat(openai_server, timeout=0.5).invoke("hi")
    assert time.monotonic() - start < 3


@pytest.mark.server
def test_scripted_error_and_empty_queue(openai_server: OpenAIServer) -> None:
    import openai

    openai_server.script([Error(429, "slow down")])
    with pytest.raises(openai.RateLimitError, match="slow down"):
        _chat(openai_server).invoke("hi")
    with pytest.raises(openai.InternalServerError, match="no scripted reply left"):
        _chat(openai_server).invoke("hi")


@pytest.mark.server
def test_embeddings_and_models(openai_server: OpenAIServer) -> None:
    import openai
    from langchain_openai import OpenAIEmbeddings

    # check_embedding_ctx_length=False: otherwise LangChain tokenises with tiktoken, which downloads its tables.
    emb = OpenAIEmbeddings(
        base_url=openai_server.base_url, api_key="test", model="test-embedding", check_embedding_ctx_length=False
    )
    docs = emb.embed_documents(["recruter un account manager", "salaire junior"])
    query = emb.embed_query("recruter un account manager")
    assert len(docs) == 2 and len(docs[0]) == 64
    assert query == pytest.approx(docs[0], abs=1e-6)
    assert query == pytest.approx(hash_embedding("recruter un account manager"), abs=1e-6)
    assert docs[0] != pytest.approx(docs[1], abs=1e-6)
    assert openai_server.embedding_requests[0]["input"] == ["recruter un account manager", "salaire junior"]
    client = openai.OpenAI(base_url=openai_server.base_url, api_key="test", max_retries=0)
    assert "test-model" in [m.id for m in client.models.list()]
    plain = client.embeddings.create(model="m", input="x y", encoding_format="float", dimensions=8)
    assert len(plain.data[0].embedding) == 8


def test_openai_server_context_manager_stops() -> None:
    with OpenAIServer() as server:
        port = server.port
        server.script([Delay(30)])
        threading.Thread(target=_post_quietly, args=(port,), daemon=True).start()
        time.sleep(0.2)
    start = time.monotonic()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    assert time.monotonic() - start < 2


def _post_quietly(port: int) -> None:
    import httpx

    try:
        httpx.post(f"http://127.0.0.1:{port}/v1/chat/completions", json={"messages": []}, timeout=5)
    except httpx.HTTPError:
        pass


# -- fake chat model -----------------------------------------------------------------------------


def test_fake_model_structured_output_and_calls() -> None:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import HumanMessage, SystemMessage

    model = FakeStructuredChatModel(responses=[{"answer": "a", "score": 1}, "plain"])
    assert isinstance(model, BaseChatModel)
    messages = [SystemMessage("sys"), HumanMessage("notes")]
    structured = model.with_structured_output(Verdict, method="function_calling")
    assert structured.invoke(messages) == Verdict(answer="a", score=1)
    assert model.invoke("hello").content == "plain"
    assert [m.content for m in model.calls[0]] == ["sys", "notes"]
    assert model.call_kwargs[0]["tools"][0]["function"]["name"] == "Verdict"
    assert model.structured_requests[0]["method"] == "function_calling"
    model.script([{"answer": "d", "score": 2}])
    assert model.with_structured_output(Verdict).invoke("x") == Verdict(answer="d", score=2)
    assert model.structured_requests[-1]["method"] == "json_schema"  # the default, as in ChatOpenAI
    assert model.call_kwargs[-1]["response_format"] == {"type": "json_schema"}


@pytest.mark.parametrize("method", ["function_calling", "json_schema"])
def test_fake_model_validation_error_then_reask(method: str) -> None:
    model = FakeStructuredChatModel(responses=[{"answer": "a", "score": "bad"}, {"answer": "b", "score": 2}])
    structured = model.with_structured_output(Verdict, method=method)
    with pytest.raises(ValidationError):
        structured.invoke("first")
    assert structured.invoke("second") == Verdict(answer="b", score=2)
    assert len(model.calls) == 2


def test_fake_model_include_raw_usage_and_parsing_error() -> None:
    model = FakeStructuredChatModel(responses=[{"answer": "a", "score": 3}, {"score": 3}])
    structured = model.with_structured_output(Verdict, method="function_calling", include_raw=True)
    good = structured.invoke("x")
    assert good["parsed"] == Verdict(answer="a", score=3) and good["parsing_error"] is None
    assert good["raw"].usage_metadata["output_tokens"] > 0
    bad = structured.invoke("x")
    assert bad["parsed"] is None and isinstance(bad["parsing_error"], ValidationError)


def test_fake_model_raises_scripted_exception_and_runs_dry() -> None:
    model = FakeStructuredChatModel(responses=[TimeoutError("too slow")])
    with pytest.raises(TimeoutError, match="too slow"):
        model.invoke("x")
    with pytest.raises(RuntimeError, match="no scripted response left"):
        model.invoke("x")


# -- Chroma server -------------------------------------------------------------------------------


@pytest.mark.server
def test_chroma_server_collection_round_trip(chroma_server) -> None:
    import chromadb

    host, port = chroma_server
    client = chromadb.HttpClient(host=host, port=port)
    collection = client.create_collection("infra-test", embedding_function=HashEmbeddingFunction())
    try:
        collection.add(
            ids=["a", "b", "c"],
            documents=["salaire d'un account manager junior", "questions d'entretien", "période d'essai"],
        )
        found = collection.query(query_texts=["salaire account manager"], n_results=2)
        assert found["ids"][0][0] == "a"
        assert collection.count() == 3
    finally:
        client.delete_collection("infra-test")
