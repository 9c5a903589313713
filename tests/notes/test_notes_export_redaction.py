"""Scorecard exports keep what the flags promise: no planted phone number, protected-criterion text or pay history
in the Markdown or the JSON; flags quoted by placeholders; file names; stage-aware "not assessed"."""

from __future__ import annotations

import json
from datetime import date

from notes_helpers import draft

from assistant.notes import (
    SCHEMA_VERSION,
    scorecard_filename,
    scorecard_to_json,
    scorecard_to_markdown,
    summarize_notes,
)
from assistant.notes.scorecard import stage_competencies

PHONE = "06 12 34 56 78"
NOTES = (
    "Entretien en face à face.\n"
    f"- Très bonne écoute, reformule les besoins du client ; joignable au {PHONE} pour le suivi.\n"
    "- Elle a 45 ans et deux enfants.\n"
    "- Salaire actuel 62k fixe.\n"
    "- Prétentions 65k.\n"
    "- 6 ans comme account manager chez un éditeur SaaS.\n"
)
SECRETS = (PHONE, "0612345678", "45 ans", "deux enfants", "62k", "Salaire actuel")


def _exports(summary) -> list[str]:
    return [scorecard_to_markdown(summary), json.dumps(scorecard_to_json(summary), ensure_ascii=False)]


def test_exports_carry_no_planted_phone_number_criterion_or_pay_history(services) -> None:
    summary = summarize_notes(NOTES, services, stage="face_to_face", interviewer="Alice Martin")
    kinds = {f.kind for f in summary.flags}
    assert {"pii", "discrimination", "pay_history"} <= kinds
    assert any(PHONE in e.quote for a in summary.competencies for e in a.evidence)  # the planted number is evidence
    for text in _exports(summary):
        for secret in SECRETS:
            assert secret not in text, secret
        # (the Markdown escapes the brackets: "\[téléphone\]" shows as [téléphone])
        for placeholder in ("téléphone", "âge", "rémunération actuelle"):
            assert f"[{placeholder}]" in text or f"\\[{placeholder}\\]" in text, placeholder
    # the scorecard in memory is untouched: the interviewer still sees what the flags point at
    assert any(PHONE in e.quote for a in summary.competencies for e in a.evidence)


def test_json_export_schema_is_stable_for_the_debrief(services) -> None:
    summary = summarize_notes(NOTES, services, stage="face_to_face", interviewer="Alice Martin")
    data = scorecard_to_json(summary)
    json.dumps(data)
    assert (
        data["schema"] == SCHEMA_VERSION and data["stage"] == "face_to_face" and data["interviewer"] == "Alice Martin"
    )
    assert [c["id"] for c in data["competencies"]] == services.framework.competency_ids
    for c in data["competencies"]:
        assert {"id", "label", "status", "rating", "evidence"} <= set(c)
        assert c["status"] in ("assessed", "not_assessed", "not_planned")
        assert all({"quote", "start", "end", "polarity"} <= set(e) for e in c["evidence"])
    assert {"kind", "severity", "message", "quote", "start", "end"} <= set(data["flags"][0])
    assert all({"kind", "quote", "start", "end"} <= set(f) for f in data["facts"])
    assert any(f["kind"] == "salary_expectation" and f["quote"] == "Prétentions 65k." for f in data["facts"])
    assert data["stage_competencies"] == stage_competencies(services.framework, "face_to_face")


def test_llm_rationale_is_scrubbed_in_exports(llm_services) -> None:
    payload = draft(
        ("listening", [("Très bonne écoute, reformule les besoins du client", "positive")], 4),
        rationale="ok",
    )
    payload["assessments"][0]["rationale"] = f"Écoute solide ; rappeler au {PHONE}."
    services, _ = llm_services(payload)
    summary = summarize_notes(NOTES, services)
    for text in _exports(summary):
        assert PHONE not in text and "0612345678" not in text


def test_file_names_say_what_they_are() -> None:
    day = date(2026, 12, 1)
    assert scorecard_filename("face_to_face", "json", day) == "scorecard-face_to_face-2026-12-01.json"
    assert scorecard_filename(None, "md", day) == "scorecard-interview-2026-12-01.md"
    assert scorecard_filename("../../etc", "md", day) == "scorecard-etc-2026-12-01.md"


def test_stage_lists_not_assessed_only_for_what_it_was_meant_to_assess(services) -> None:
    fw = services.framework
    planned = stage_competencies(fw, "face_to_face")
    assert planned and set(planned) < set(fw.competency_ids)
    assert stage_competencies(fw, None) is None
    summary = summarize_notes(NOTES, services, stage="face_to_face")
    status = {a.id: a.status for a in summary.competencies}
    for cid, st in status.items():
        if st == "not_assessed":
            assert cid in planned
        if st == "not_planned":
            assert cid not in planned
    assert {q.competency for q in summary.follow_up_questions} <= set(planned)
    md = scorecard_to_markdown(summary)
    out = [a for a in summary.competencies if a.status == "not_planned"]
    assert out and "Non prévues à cette étape" in md
    assert all(f"| {a.label} |" not in md for a in out)
    # with no stage, every competency without evidence is "not assessed", as before
    plain = summarize_notes(NOTES, services)
    assert {a.status for a in plain.competencies} <= {"assessed", "not_assessed"}
    assert plain.stage_competencies is None


def test_phone_stage_with_no_planned_competency_keeps_the_evidence(services) -> None:
    summary = summarize_notes(NOTES, services, stage="phone")
    planned = stage_competencies(services.framework, "phone")
    assessed = [a for a in summary.competencies if a.status == "assessed"]
    assert assessed  # evidence found is always shown
    assert all(a.status != "not_assessed" or a.id in planned for a in summary.competencies)


def test_english_markdown_headers(services) -> None:
    notes = "Phone screen.\n- Strong listener.\n- Salary expectation: 60k.\n- Notice period: one month.\n"
    md = scorecard_to_markdown(summarize_notes(notes, services, stage="phone", interviewer="Bob"))
    assert "# Interview summary" in md and "## Practical facts" in md and "Interviewer: Bob" in md
    assert "**Salary expectation**: « Salary expectation: 60k. »" in md
