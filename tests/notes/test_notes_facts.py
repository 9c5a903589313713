"""Practical facts (salary expectation, availability, location, next steps, the candidate's questions): each backed
by a verbatim quote, offline by patterns, in LLM mode verified like evidence; pay history is a flag, never a fact."""

from __future__ import annotations

import re

import pytest
from notes_helpers import draft

from assistant.notes import summarize_notes
from assistant.notes.facts import offline_facts
from assistant.notes.models import ScorecardDraft
from assistant.notes.prepare import prepare

FACTS_FR = (
    "Entretien téléphonique.\n"
    "- 5 ans chez Acme comme account manager, très bonne écoute.\n"
    "- Prétentions salariales : 48-52k fixe.\n"
    "- Salaire actuel 45k.\n"
    "- Préavis de 3 mois, disponible à partir de septembre.\n"
    "- Souhaite 2 jours de télétravail par semaine, ne veut pas déménager.\n"
    "- Prochaine étape : entretien face à face avec la directrice commerciale, à planifier semaine prochaine.\n"
    "- A demandé comment est calculée la part variable.\n"
)
FACTS_EN = (
    "Phone screen.\n"
    "- Strong listener, 4 years in SaaS account management.\n"
    "- Salary expectation: 60-65k base.\n"
    "- Currently earns 55k.\n"
    "- Notice period: one month, can start early March.\n"
    "- Fully remote today, open to hybrid with 2 office days.\n"
    "- Next step: case study, will send it on Monday.\n"
    "- She asked about the team's churn targets.\n"
)
EXPECTED = {
    "fr": {
        "salary_expectation": "Prétentions salariales : 48-52k fixe.",
        "availability": "Préavis de 3 mois, disponible à partir de septembre.",
        "location": "Souhaite 2 jours de télétravail par semaine, ne veut pas déménager.",
        "next_steps": "Prochaine étape : entretien face à face avec la directrice commerciale, à planifier semaine "
        "prochaine.",
        "candidate_question": "A demandé comment est calculée la part variable.",
    },
    "en": {
        "salary_expectation": "Salary expectation: 60-65k base.",
        "availability": "Notice period: one month, can start early March.",
        "location": "Fully remote today, open to hybrid with 2 office days.",
        "next_steps": "Next step: case study, will send it on Monday.",
        "candidate_question": "She asked about the team's churn targets.",
    },
}


@pytest.mark.parametrize(("lang", "notes"), [("fr", FACTS_FR), ("en", FACTS_EN)])
def test_offline_facts_are_found_and_quoted_verbatim(lang: str, notes: str) -> None:
    facts = offline_facts(prepare(notes, 20_000))
    assert {f.kind: f.quote for f in facts} == EXPECTED[lang]
    for f in facts:
        assert notes[f.start : f.end] == f.quote


@pytest.mark.parametrize(
    "line",
    [
        "Très disponible pour ses clients, répond dans l'heure.",  # reactivity, not availability
        "I asked about her biggest failure.",  # the interviewer's question
        "Je lui ai demandé pourquoi il part.",
        "Noticed renewals were late and built a calendar.",  # "noticed" is no notice period
        "To check: salary expectations.",  # no figure: not an expectation
        "A négocié un contrat de 800 k€.",  # a deal, not pay
        "Souhaite évoluer vers un poste de KAM.",  # a wish, no figure
    ],
)
def test_near_misses_are_not_facts(line: str) -> None:
    kinds = {f.kind for f in offline_facts(prepare(f"- {line}\n- Bonne écoute.\n", 20_000))}
    assert kinds <= {"next_steps"} if line.startswith("To check") else not kinds, kinds


def test_pay_history_is_a_flag_never_a_fact_nor_evidence(services) -> None:
    summary = summarize_notes(FACTS_FR, services, stage="phone")
    flag = next(f for f in summary.flags if f.kind == "pay_history")
    assert flag.severity == "error" and "45" not in (flag.evidence or "")
    assert FACTS_FR[flag.start : flag.end] == "Salaire actuel 45k"
    texts = [f.quote for f in summary.facts] + [e.quote for a in summary.competencies for e in a.evidence]
    assert texts and not any("45k" in t or "Salaire actuel" in t for t in texts)
    assert {f.kind for f in summary.facts} == set(EXPECTED["fr"])
    assert "rémunération" in summary.excluded


def test_llm_facts_are_verified_and_offline_ones_fill_the_gaps(llm_services) -> None:
    payload = draft(("listening", [("Strong listener, 4 years in SaaS account management.", "positive")], 4))
    payload["facts"] = [
        {"kind": "salary_expectation", "quote": "Salary expectation: 60-65k base."},  # verbatim: kept
        {"kind": "availability", "quote": "Available immediately."},  # not in the notes: dropped
        {"kind": "salary", "quote": "Currently earns 55k."},  # pay history (alias kind): dropped
        {"kind": "weather", "quote": "Sunny."},  # unknown kind: dropped by the schema, not the scorecard
    ]
    services, _ = llm_services(payload)
    summary = summarize_notes(FACTS_EN, services)
    by_kind = {f.kind: f.quote for f in summary.facts}
    assert by_kind == EXPECTED["en"]  # the availability came from the patterns once the LLM's was dropped
    assert not any("55k" in f.quote for f in summary.facts)
    assert any(d.startswith("fact availability") for d in summary.dropped)
    assert all(re.fullmatch(r"[\w ,:;().'\-/0-9]+", d) and "Available" not in d for d in summary.dropped)


def test_facts_in_the_schema_are_optional_and_small() -> None:
    schema = ScorecardDraft.model_json_schema()
    assert "facts" in schema["properties"] and "facts" not in schema.get("required", [])
    assert ScorecardDraft.model_validate({"assessments": []}).facts == []
    fact = schema["$defs"]["FactDraft"]
    assert set(fact["properties"]) == {"kind", "line"}  # the model gives a line number; code copies the line
    assert ScorecardDraft.model_validate({"facts": {"notice": "Préavis de 3 mois."}}).facts[0].kind == "availability"


def _eval_notes(name: str) -> str:
    import glob

    import yaml

    [path] = glob.glob(f"evals/notes*/{name}.yaml")
    return yaml.safe_load(open(path, encoding="utf-8"))["notes"]


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        (
            "t01-fr-visio-kam-solide",
            {
                "next_steps": "next step : étude de cas avec le head of sales",
                "availability": "dispo sous 2 mois (préavis)",
            },
        ),
        (
            "t02-en-payments-strong",
            {"next_steps": "next step: case study with Head of Sales", "availability": "notice period 3 months"},
        ),
        (
            "t14-fr-logistique-seulement",
            {"salary_expectation": "prétentions : 42-45k fixe + variable", "availability": "dispo sous 1 mois"},
        ),
        ("t04-en-poor-listener", {"salary_expectation": "salary expectations 45k fixed"}),
        # near-misses from real notes: a header naming the interview, a skill, a role play, an expense
        ("02-en-strong", {}),
        ("14-en-pii-iban", {}),
        ("19-en-long-case-study", {}),
    ],
)
def test_facts_on_annotated_notes(case: str, expected: dict[str, str]) -> None:
    notes = _eval_notes(case)
    facts = offline_facts(prepare(notes, 20_000))
    got = {(f.kind, f.quote) for f in facts}
    assert set(expected.items()) <= got
    if not expected:
        assert got == set()
    assert all(notes[f.start : f.end] == f.quote and "\n" not in f.quote for f in facts)
