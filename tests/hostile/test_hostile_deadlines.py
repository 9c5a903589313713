"""Deadlines, not timeouts: one wall-clock limit per job, whatever a misbehaving server does."""

from __future__ import annotations

import time

import pytest

from assistant.ads import draft_job_ad, load_brief
from assistant.errors import LLMError
from assistant.llm import build_chat_model
from assistant.notes import summarize_notes
from assistant.qa import ask
from assistant.services import Services

from openai_server import Delay, Drip, Raw
from support import ROOT, make_settings

DEADLINE = 3.0


def _services(tmp_path, server, kb, framework, **env) -> Services:
    settings = make_settings(
        tmp_path / "data",
        ASSISTANT_LLM_BACKEND="openai-compatible",
        ASSISTANT_LLM_BASE_URL=server.base_url,
        ASSISTANT_LLM_MODEL="test-model",
        ASSISTANT_LLM_STRUCTURED_METHOD="json_schema",
        ASSISTANT_LLM_DEADLINE=str(DEADLINE),
        **env,
    )
    return Services(settings, kb=kb, framework=framework)


def _run_job(job: str, services: Services) -> None:
    if job == "ask":
        ask("Quel salaire pour un account manager débutant ?", services)
    elif job == "draft-ad":
        draft_job_ad(load_brief(ROOT / "examples" / "brief-fr.yaml"), services)
    else:
        summarize_notes("Très bonne maîtrise d'Excel et des KPI ; a construit un business plan.", services)


# A per-request timeout far above the deadline, and the client's retries: only the deadline can stop these.
MODES = {
    "drip": lambda: [Drip(0.5, {"answer": "x", "abstain": False, "citations": []})] * 6,
    "hang": lambda: [Delay(60)] * 6,
}


@pytest.mark.slow
@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("job", ["ask", "draft-ad", "summarize"])
def test_every_job_stops_at_its_deadline(tmp_path, openai_server, kb, framework, job, mode) -> None:
    openai_server.script(MODES[mode]())
    services = _services(
        tmp_path, openai_server, kb, framework, ASSISTANT_LLM_TIMEOUT="30", ASSISTANT_LLM_MAX_RETRIES="2"
    )
    assert services.chat_model is not None  # built (and langchain imported) before the clock starts
    started = time.monotonic()
    with pytest.raises(LLMError, match="ASSISTANT_LLM_DEADLINE"):
        _run_job(job, services)
    took = time.monotonic() - started
    # Generous for loaded machines (retrieval runs before the deadline starts); unbounded before (245 s).
    assert took < DEADLINE + 10.0, f"{job} against a {mode} server took {took:.1f} s with a {DEADLINE} s deadline"


def test_a_fast_server_is_not_affected(tmp_path, openai_server, kb, framework) -> None:
    hits = kb.search("Quel salaire pour un account manager débutant ?", 5)
    openai_server.script([{"answer": "2 920 € à 3 500 € par mois.", "abstain": False, "citations": [hits[0].chunk.id]}])
    answer = ask("Quel salaire pour un account manager débutant ?", _services(tmp_path, openai_server, kb, framework))
    assert not answer.abstained or answer.notice  # it answered (or was withheld by the figure check), without error


def test_the_client_carries_the_deadline_transport(tmp_path) -> None:
    settings = make_settings(
        tmp_path / "d",
        ASSISTANT_LLM_BACKEND="openai-compatible",
        ASSISTANT_LLM_BASE_URL="http://127.0.0.1:9/v1",
        ASSISTANT_LLM_MODEL="m",
    )
    model = build_chat_model(settings)
    assert type(model.http_client._transport).__name__ == "_Transport"  # type: ignore[union-attr]


def test_deadline_setting_is_validated(tmp_path) -> None:
    with pytest.raises(Exception, match="ASSISTANT_LLM_DEADLINE|llm_deadline"):
        make_settings(tmp_path / "d", ASSISTANT_LLM_DEADLINE="0")


@pytest.mark.parametrize("job", ["ask", "draft-ad", "summarize"])
def test_a_huge_reply_is_refused_unread_with_a_message_that_says_so(
    tmp_path, openai_server, kb, framework, job
) -> None:
    """A 3 MB reply (issue 11, class 6) ends the job with an error naming the output budget; nothing is parsed,
    retried or printed, and the message is not mistaken for notes that are too long."""
    huge = "x" * 3_000_000
    body = {
        "id": "c1",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": huge}}],
    }
    openai_server.script([Raw(body)] * 4)
    services = _services(tmp_path, openai_server, kb, framework, ASSISTANT_LLM_MAX_RETRIES="2")
    with pytest.raises(LLMError) as caught:
        _run_job(job, services)
    message = str(caught.value)
    assert "ASSISTANT_LLM_MAX_TOKENS" in message and "KiB" in message and "xxxx" not in message
    assert "notes" not in message.lower()
    assert openai_server.pending == 3  # one request, no retry of a reply that size
