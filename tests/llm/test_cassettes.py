"""Real replies of a small model (recorded from Qwen2.5-Coder-1.5B-Instruct Q4_K_M on llama.cpp/xllamacpp with
`python evals/run_llm.py --record FILE`), replayed verbatim through the local OpenAI-compatible test server.

Each cassette in tests/llm/cassettes/ is {"recorded": how, "job": "ask"|"notes"|"ad", "input": the question, the notes
or the brief ("today": the date an ad is drafted on),
"replies": [the server's JSON bodies, in order], "expect": what the pipeline must make of them, "why": optional}. A cassette marked
"derived" changes a recorded reply in one stated way (e.g. ids re-wrapped in brackets, as the issue's run saw)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from assistant.ads import brief_from_dict, draft_job_ad
from assistant.notes import summarize_notes
from assistant.qa import ask
from assistant.rules.compliance import _OTHER_SCRIPT
from assistant.services import Services

from openai_server import Raw
from support import make_settings

CASSETTES = sorted((Path(__file__).parent / "cassettes").glob("*.json"))


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _services(services, server) -> Services:
    settings = make_settings(
        services.settings.data_dir,
        ASSISTANT_LLM_BACKEND="openai-compatible",
        ASSISTANT_LLM_BASE_URL=server.base_url,
        ASSISTANT_LLM_MODEL="qwen2.5-coder-1.5b",
        ASSISTANT_LLM_MAX_RETRIES=0,
    )
    return Services(settings=settings, kb=services.kb, framework=services.framework)


@pytest.mark.server
@pytest.mark.parametrize("path", CASSETTES, ids=[p.stem for p in CASSETTES])
def test_recorded_reply(path: Path, services, openai_server) -> None:
    cassette = _load(path)
    expect = cassette.get("expect", {})
    svc = _services(services, openai_server)
    openai_server.script([Raw(reply) for reply in cassette["replies"]])
    if cassette["job"] == "ask":
        answer = ask(cassette["input"], svc, fallback_offline=True)
        if answer.backend == "offline":  # the fallback: the offline engine's own answer, citations and all
            assert [c.chunk_id for c in answer.citations] == [
                c.chunk_id for c in ask(cassette["input"], services).citations
            ]
        else:
            retrieved = {h.chunk.id for h in services.kb.search(cassette["input"], svc.settings.top_k)}
            assert {c.chunk_id for c in answer.citations} <= retrieved
        if "abstained" in expect:
            assert answer.abstained == expect["abstained"]
        if "backend" in expect:
            assert answer.backend == expect["backend"]
        if "cited_contains" in expect:
            assert any(expect["cited_contains"] in c.text for c in answer.citations)
        if "max_citations" in expect:
            assert len(answer.citations) <= expect["max_citations"]
        for fact in expect.get("facts", []):
            assert fact in answer.answer
        if "notice_contains" in expect:
            assert expect["notice_contains"] in (answer.notice or "")
    elif cassette["job"] == "ad":
        brief = brief_from_dict(cassette["input"], settings=svc.settings)
        result = draft_job_ad(brief, svc, today=date.fromisoformat(cassette["today"]), fallback_offline=True)
        assert result.text.strip() and result.ad.title
        if "backend" in expect:
            assert result.backend == expect["backend"]
        if "notice_contains" in expect:
            assert expect["notice_contains"] in (result.notice or "")
        if expect.get("no_other_script"):
            assert not _OTHER_SCRIPT.search(result.text), result.text
        if "calls" in expect:  # the draft and its one re-ask, nothing more, every reply used
            assert len(openai_server.requests) == expect["calls"] and openai_server.pending == 0
    else:
        notes = cassette["input"]
        summary = summarize_notes(notes, svc, fallback_offline=True)
        for a in summary.competencies:
            assert a.rating is None or 1 <= a.rating <= 5
            for e in a.evidence:
                assert notes[e.start : e.end] == e.quote
        if "backend" in expect:
            assert summary.backend == expect["backend"]
        if "assessed_include" in expect:
            assert set(expect["assessed_include"]) <= {a.id for a in summary.competencies if a.status == "assessed"}
        if "assessed_exclude" in expect:
            assert not set(expect["assessed_exclude"]) & {a.id for a in summary.competencies if a.status == "assessed"}
            assert not set(expect["assessed_exclude"]) & {a.id for a in summary.competencies if a.rating is not None}
        if "dropped_contains" in expect:
            assert any(expect["dropped_contains"] in d for d in summary.dropped)
        if "notice_contains" in expect:
            assert expect["notice_contains"] in summary.notice
    assert openai_server.pending == 0  # every recorded reply was used: no extra call
