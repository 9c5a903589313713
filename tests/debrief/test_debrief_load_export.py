"""Loading scorecards (files, JSON text, notes scored one by one), invalid inputs, and exports without personal data."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from debrief_helpers import AGE_FLAG, NOTES_A, NOTES_B, PHONE, PHONE_FLAG, scorecard

from assistant.debrief import (
    MAX_SCORECARD_BYTES,
    build_debrief,
    debrief_filename,
    debrief_to_json,
    debrief_to_markdown,
    load_scorecard_json,
    read_scorecard_file,
    score_notes,
    scorecard_from_summary,
)
from assistant.errors import InputError


@pytest.fixture
def ids(framework: Any) -> list[str]:
    return framework.competency_ids


# --------------------------------------------------------------------------- invalid inputs, clear errors


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("{not json", r"x\.json is not valid JSON \(line 1"),
        ("", "is empty"),
        ("   \n", "is empty"),
        ("[1, 2, 3]", "is not a scorecard"),
        ('{"answer": "2920 €", "citations": []}', "is not a scorecard"),  # an `ask --json` answer
        ('{"competencies": []}', "not a valid scorecard"),
        ('{"competencies": [{"id": "x"}]}', r"not a valid scorecard \(competencies\.0\.status"),
        ('{"competencies": [{"id": "x", "status": "assessed", "rating": 9}]}', "rating"),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON"),  # too deep for the parser: a message, not a crash
        ('{"schema": "debrief/1", "competencies": []}', "is a debrief, not a scorecard"),
        ('{"schema": "jobposting", "competencies": []}', "is not a scorecard"),
    ],
)
def test_invalid_json_is_a_clear_error(text: str, match: str) -> None:
    with pytest.raises(InputError, match=match):
        load_scorecard_json(text, what="x.json")


def test_errors_never_quote_the_content() -> None:
    secret = "Jeanne Dupont 06 12 34 56 78"
    doc = {"competencies": [{"id": "x", "status": "assessed", "rating": secret}]}
    with pytest.raises(InputError) as err:
        load_scorecard_json(json.dumps(doc), what="x.json")
    assert secret not in str(err.value)


def test_a_file_too_big_is_refused(tmp_path: Path, ids: list[str]) -> None:
    big = tmp_path / "big.json"
    big.write_text(json.dumps(scorecard(ids)) + " " * MAX_SCORECARD_BYTES)
    with pytest.raises(InputError, match=r"big\.json: .* bytes; a scorecard export is at most"):
        read_scorecard_file(big)
    with pytest.raises(InputError, match="at most"):
        load_scorecard_json(big.read_text(), what="big.json")


def test_file_errors_name_the_file_only(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="^missing.json: no such file"):
        read_scorecard_file(tmp_path / "missing.json")
    with pytest.raises(InputError, match="is a folder"):
        read_scorecard_file(tmp_path)
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"é": 1}'.encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_scorecard_file(latin)


def test_a_file_loads(tmp_path: Path, ids: list[str]) -> None:
    path = tmp_path / "alice.json"
    path.write_text(json.dumps(scorecard(ids, interviewer="Alice")), encoding="utf-8")
    card = read_scorecard_file(path)
    assert card.interviewer == "Alice" and card.source == "json" and len(card.card.competencies) == len(ids)


# --------------------------------------------------------------------------- real scorecards, both exports


@pytest.fixture
def scored(services: Any) -> tuple[Any, Any]:
    """Two interviewers' notes, each scored on its own by summarize_notes (offline)."""
    return score_notes(NOTES_A, services, interviewer="Alice"), score_notes(NOTES_B, services, interviewer="Bob")


def test_the_exports_of_summarize_load(services: Any) -> None:
    from assistant.notes import summarize_notes

    summary = summarize_notes(NOTES_A, services)
    # what `summarize --format json` prints and what the notes tab's JSON download writes: summary.to_json()
    text = json.dumps(summary.to_json(), ensure_ascii=False, indent=2, default=str)
    from_json = load_scorecard_json(text, what="alice.json")
    from_summary = scorecard_from_summary(summary)
    assert from_json.card == from_summary.card
    assert [c.id for c in from_json.card.competencies] == services.framework.competency_ids


def test_the_redacted_scorecard_export_loads(services: Any) -> None:
    """The notes' JSON export (scorecard/1: placeholders in flags and quotes, stage-aware statuses) loads as is."""
    from assistant.notes import summarize_notes
    from assistant.notes.export import scorecard_to_json

    doc = scorecard_to_json(summarize_notes(NOTES_A, services, stage="phone"))
    card = load_scorecard_json(json.dumps(doc, ensure_ascii=False), what="alice.json")
    assert card.card.stage == "phone" and len(card.card.competencies) == len(services.framework.competency_ids)
    other = load_scorecard_json(json.dumps(scorecard_to_json(summarize_notes(NOTES_B, services))), what="bob.json")
    d = build_debrief([card, other], framework=services.framework)
    text = debrief_to_json(d)
    assert PHONE not in text and "45 ans" not in text
    assert {f.placeholder for f in d.flags} >= {"[âge]", "[téléphone]"}
    assert json.loads(text)["schema"] == "debrief/1"
    with pytest.raises(InputError, match="is a debrief, not a scorecard"):
        load_scorecard_json(text, what="debrief.json")


def test_notes_are_scored_independently(services: Any, scored: tuple[Any, Any]) -> None:
    from assistant.notes import summarize_notes

    alice, bob = scored
    alone = scorecard_from_summary(summarize_notes(NOTES_A, services))
    assert alice.card == alone.card  # Bob's notes changed nothing in Alice's scorecard
    assert alice.source == bob.source == "notes"


def test_empty_notes_name_the_box(services: Any) -> None:
    with pytest.raises(InputError, match="^Bob's notes: "):
        score_notes("   ", services, what="Bob's notes")


def test_exports_carry_no_planted_phone_number(services: Any, scored: tuple[Any, Any], tmp_path: Path) -> None:
    alice, bob = scored
    # the phone number is inside an evidence quote and a flag of Alice's own scorecard…
    raw = json.dumps(alice.card.model_dump(), ensure_ascii=False)
    assert PHONE in raw and "45 ans" in raw
    d = build_debrief([alice, bob], framework=services.framework, today=dt.date(2026, 12, 1))
    md, js = debrief_to_markdown(d), debrief_to_json(d)
    # …and never in the debrief's exports, which quote it with a placeholder
    for text in (md, js):
        assert PHONE not in text and PHONE.replace(" ", "") not in text
        assert "45 ans" not in text and "a 45" not in text
    assert "téléphone" in md and "[téléphone]" in js and "[âge]" in js
    assert json.loads(js)["statement"].startswith("La décision reste aux personnes")
    assert debrief_filename(d, "md") == "debrief-2026-12-01.md"
    assert debrief_filename(d, "json") == "debrief-2026-12-01.json"


def test_notes_that_disagree(services: Any, scored: tuple[Any, Any]) -> None:
    """Offline scorecards have no ratings: a strength in one interviewer's notes and a concern in another's is the
    disagreement."""
    d = build_debrief(list(scored), framework=services.framework)
    row = next(r for r in d.competencies if r.id == "experience_similar")
    assert [c.lean for c in row.cells] == ["strength", "concern"]
    assert row.mark == "disagree" and row.reasons == ["point fort pour Alice, point de vigilance pour Bob"]
    assert [c.rating for c in row.cells] == [None, None]
    listening = next(r for r in d.competencies if r.id == "listening")
    assert listening.mark == "single"
    assert d.not_assessed and framework_label(services, "network") in d.not_assessed


def framework_label(services: Any, cid: str) -> str:
    return services.framework.competency(cid).label.get("fr")


def test_markdown_export(ids: list[str]) -> None:
    a = scorecard(
        ids,
        {"english": {"rating": 5, "quotes": [("Anglais courant <script>x</script>", "positive")]}},
        flags=[AGE_FLAG, PHONE_FLAG],
        recommendation="advance",
        stage="phone",
    )
    b = scorecard(ids, {"english": {"rating": 2, "quotes": [("![x](http://evil.example/p.png) hésitant", "negative")]}})
    d = build_debrief(
        [
            load_scorecard_json(json.dumps(a), what="a", interviewer="Alice"),
            load_scorecard_json(json.dumps(b), what="b"),
        ],
        lang="en",
        today=dt.date(2026, 12, 1),
    )
    md = debrief_to_markdown(d)
    assert md.startswith("# Interview debrief — 2026-12-01\n\n> The decision stays with the people hiring.")
    assert "| Competency | Agreement | Alice | Interviewer 2 |" in md
    assert (
        "| English | ≠ disagree | 5/5 + « Anglais courant &lt;script&gt;x&lt;/script&gt; » | 2/5 − « \\!\\[x\\]" in md
    )
    assert "<script" not in md and not re.search(r"(?<!\\)\]\s*\(", md)  # no live link or image
    assert "**Alice** — stage phone · imported scorecard · their scorecard's suggestion: advance" in md
    assert "## Competencies nobody assessed" in md and "## Disagreements to discuss" in md
    assert "| Network |" not in md and "\n- Network\n" in md  # listed once, not as a row of blanks
    assert "(raised by: Alice)" in md and "[age]" in md.replace("\\", "")
    assert "- **protected criterion** (error) \\[age\\] — Protected criterion mentioned" in md  # no stable ids
