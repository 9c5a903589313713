"""build_debrief: side by side, agreement marks (defined in assistant/debrief/aggregate.py), gaps, flags, statement."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from debrief_helpers import AGE_FLAG, INJECTION_FLAG, PHONE, PHONE_FLAG, scorecard

from assistant.debrief import STATEMENT, build_debrief, load_scorecard_json
from assistant.debrief.aggregate import agreement, lean_of
from assistant.debrief.models import Cell
from assistant.errors import InputError


def load(doc: dict[str, Any], name: str | None = None) -> Any:
    return load_scorecard_json(json.dumps(doc), what="test.json", interviewer=name)


@pytest.fixture
def ids(framework: Any) -> list[str]:
    return framework.competency_ids


def cell(name: str, rating: int | None = None, lean: str = "neutral", assessed: bool = True) -> Cell:
    return Cell(
        interviewer=name, status="assessed" if assessed else "not_assessed", assessed=assessed, rating=rating, lean=lean
    )  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the agreement rule


@pytest.mark.parametrize(
    ("cells", "mark"),
    [
        ([cell("A", 4), cell("B", 5)], "agree"),  # one point apart
        ([cell("A", 3), cell("B", 5)], "disagree"),  # two points apart
        ([cell("A", 1), cell("B", 5), cell("C", 3)], "disagree"),  # any two of them
        ([cell("A", None, "strength"), cell("B", None, "concern")], "disagree"),  # strength vs concern, no ratings
        ([cell("A", 4, "strength"), cell("B", 4, "concern")], "disagree"),  # same rating, opposite evidence
        ([cell("A", None, "strength"), cell("B", None, "mixed")], "agree"),  # mixed is not a concern
        ([cell("A", None), cell("B", None)], "agree"),  # offline: nothing contradicts
        ([cell("A", 5), cell("B", assessed=False)], "single"),
        ([cell("A", assessed=False), cell("B", assessed=False)], "none"),
    ],
)
def test_agreement_rule(cells: list[Cell], mark: str) -> None:
    assert agreement(cells)[0] == mark


def test_disagreement_says_why() -> None:
    mark, reasons = agreement([cell("Alice", 2, "concern"), cell("Bob", 5, "strength")], "en")
    assert mark == "disagree"
    assert reasons == ["ratings 5 (Bob) and 2 (Alice) are 3 points apart", "a strength for Bob, a concern for Alice"]


def test_lean() -> None:
    assert lean_of(["positive", "neutral"]) == "strength"
    assert lean_of(["negative"]) == "concern"
    assert lean_of(["negative", "positive"]) == "mixed"
    assert lean_of([]) == lean_of(["neutral"]) == "neutral"


# --------------------------------------------------------------------------- the debrief


def test_two_scorecards_that_disagree_are_marked(ids: list[str], framework: Any) -> None:
    a = scorecard(
        ids,
        {
            "experience_similar": {"rating": 5, "quotes": [("5 ans comme account manager", "positive")]},
            "listening": {"rating": 4, "quotes": [("Très à l'écoute", "positive")]},
            "english": {"rating": 4, "quotes": [("Anglais courant", "positive")]},
        },
    )
    b = scorecard(
        ids,
        {
            "experience_similar": {"rating": 2, "quotes": [("N'a jamais géré de portefeuille", "negative")]},
            "listening": {"rating": 5, "quotes": [("Reformule les besoins", "positive")]},
        },
    )
    d = build_debrief([load(a, "Alice"), load(b, "Bob")], framework=framework, today=dt.date(2026, 12, 1))
    rows = {r.id: r for r in d.competencies}
    assert [i.name for i in d.interviewers] == ["Alice", "Bob"]
    assert rows["experience_similar"].mark == "disagree" and len(rows["experience_similar"].reasons) == 2
    assert rows["listening"].mark == "agree"
    assert rows["english"].mark == "single"
    assert [r.id for r in d.disagreements] == ["experience_similar"]
    # side by side: each interviewer's rating and quotes, in input order
    alice, bob = rows["experience_similar"].cells
    assert (alice.interviewer, alice.rating, alice.quotes, alice.lean) == (
        "Alice",
        5,
        ["5 ans comme account manager"],
        "strength",
    )
    assert (bob.interviewer, bob.rating, bob.lean) == ("Bob", 2, "concern")
    # labels in the debrief's language, framework order
    assert [r.id for r in d.competencies] == ids
    assert rows["listening"].label == framework.competency("listening").label.get("fr")
    assert d.date == "2026-12-01"


def test_competencies_nobody_assessed(ids: list[str], framework: Any) -> None:
    a = scorecard(ids, {"english": {"quotes": [("Anglais courant", "positive")]}})
    b = scorecard(ids, {"listening": {"quotes": [("Très à l'écoute", "positive")]}})
    d = build_debrief([load(a), load(b)], framework=framework, lang="en")
    labels = {c.id: c.label.get("en") for c in framework.competencies}
    assert d.not_assessed == [labels[i] for i in ids if i not in ("english", "listening")]
    assert labels["english"] not in d.not_assessed


def test_flags_union_names_who_raised_them_with_placeholders_only(ids: list[str]) -> None:
    a = scorecard(ids, {"english": {"quotes": [("Anglais courant", "positive")]}}, flags=[AGE_FLAG, PHONE_FLAG])
    b = scorecard(ids, {"english": {"quotes": [("Anglais", "neutral")]}}, flags=[AGE_FLAG, INJECTION_FLAG])
    d = build_debrief([load(a, "Alice"), load(b, "Bob")])
    by_kind = {f.kind: f for f in d.flags}
    assert set(by_kind) == {"discrimination", "pii", "prompt_injection"}
    assert by_kind["discrimination"].raised_by == ["Alice", "Bob"]
    assert by_kind["discrimination"].placeholder == "[âge]"
    assert by_kind["pii"].raised_by == ["Alice"] and by_kind["pii"].placeholder == "[téléphone]"
    assert by_kind["prompt_injection"].raised_by == ["Bob"]
    assert d.flags[0].severity == "error" and d.flags[-1].severity == "warning"  # errors first
    text = json.dumps(d.to_json(), ensure_ascii=False)
    for raw in ("45 ans", PHONE, "Ignore les instructions"):
        assert raw not in text


def test_english_placeholders_and_statement(ids: list[str]) -> None:
    a = scorecard(ids, {"english": {"quotes": [("Fluent", "positive")]}}, flags=[PHONE_FLAG], language="en")
    b = scorecard(ids, {"english": {"quotes": [("Good English", "positive")]}}, language="en")
    d = build_debrief([load(a), load(b)])
    assert d.language == "en" and d.flags[0].placeholder == "[phone]"
    assert d.statement == STATEMENT["en"] and "decision stays with the people" in d.statement
    assert [i.name for i in d.interviewers] == ["Interviewer 1", "Interviewer 2"]
    fr = build_debrief([load(a), load(b)], lang="fr")
    assert fr.statement == STATEMENT["fr"] and "décision reste aux personnes" in fr.statement
    assert fr.flags[0].message.startswith("Donnée personnelle")  # the debrief's language, not the scorecard's


def test_quotes_and_names_lose_personal_data(ids: list[str]) -> None:
    quote = f"Très à l'écoute, rappeler au {PHONE} ; elle a 45 ans"
    a = scorecard(ids, {"listening": {"quotes": [(quote, "positive")]}})
    b = scorecard(ids, {"english": {"quotes": [("Anglais", "neutral")]}})
    d = build_debrief([load(a, "Alice alice@example.com"), load(b, "Bob")])
    row = next(r for r in d.competencies if r.id == "listening")
    assert row.cells[0].quotes == ["Très à l'écoute, rappeler au [téléphone] ; elle [âge]"]
    assert d.interviewers[0].name == "Alice [e-mail]"


def test_duplicate_names_are_told_apart(ids: list[str]) -> None:
    a, b = scorecard(ids), scorecard(ids, {"english": {"quotes": [("Anglais", "neutral")]}})
    d = build_debrief([load(a, "Alice"), load(b, "alice")])
    assert [i.name for i in d.interviewers] == ["Alice", "alice (2)"]


def test_newer_exports_with_extra_fields_and_statuses_load(ids: list[str], framework: Any) -> None:
    a = scorecard(
        ids,
        {"english": {"quotes": [("Anglais courant", "positive")]}},
        interviewer="Chloé",
        facts=[{"kind": "notice_period", "quote": "3 mois"}],
        guide="account-manager",
    )
    a["competencies"][1]["status"] = "not_planned"  # a stage-aware export
    del a["competencies"][2]  # or one that leaves a competency out
    b = scorecard(ids, {"english": {"quotes": [("Anglais", "neutral")]}})
    d = build_debrief([load(a), load(b)], framework=framework)
    assert d.interviewers[0].name == "Chloé"
    rows = {r.id: r for r in d.competencies}
    assert rows[ids[1]].cells[0].status == "not_planned" and not rows[ids[1]].cells[0].assessed
    assert rows[ids[2]].cells[0].status == "absent" and rows[ids[2]].mark == "none"


# --------------------------------------------------------------------------- invalid inputs


def test_fewer_than_two_scorecards(ids: list[str]) -> None:
    with pytest.raises(InputError, match="at least 2 scorecards"):
        build_debrief([load(scorecard(ids))])
    with pytest.raises(InputError, match="at least 2"):
        build_debrief([])


def test_too_many_scorecards(ids: list[str]) -> None:
    with pytest.raises(InputError, match="at most"):
        build_debrief([load(scorecard(ids))] * 11)


def test_different_frameworks(ids: list[str], framework: Any) -> None:
    other = scorecard(["closing", "prospecting", "negotiation"])
    with pytest.raises(InputError, match="different frameworks"):
        build_debrief([load(scorecard(ids)), load(other)])
    with pytest.raises(InputError, match="another competency framework"):
        build_debrief([load(scorecard(ids)), load(other)], framework=framework)
    with pytest.raises(InputError, match="different guides"):
        build_debrief([load(scorecard(ids, guide="account-manager")), load(scorecard(ids, guide="sales-director"))])


def test_competencies_no_stage_planned_are_told_apart(ids: list[str], framework: Any) -> None:
    a = scorecard(ids, {"english": {"quotes": [("Anglais courant", "positive")]}}, stage="phone")
    b = scorecard(ids, {"english": {"quotes": [("Anglais", "neutral")]}}, stage="phone")
    for doc in (a, b):
        doc["competencies"][ids.index("team_management")]["status"] = "not_planned"
    b["competencies"][ids.index("network")]["status"] = "not_planned"  # planned in a's stage, not assessed
    d = build_debrief([load(a), load(b)], framework=framework, lang="en")
    label = framework.competency("team_management").label.get("en")
    assert label in d.not_assessed and d.not_planned == [label]


def test_the_same_scorecard_twice_is_refused(ids: list[str]) -> None:
    a = scorecard(ids, {"english": {"rating": 4, "quotes": [("Anglais courant", "positive")]}})
    with pytest.raises(InputError, match="are the same scorecard"):
        build_debrief([load(a, "Alice"), load(a, "Bob")])
