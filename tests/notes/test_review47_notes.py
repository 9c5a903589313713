"""Stop 47's outside notes (25 notes annotated by a reviewer who never read the code, before any run).

Three classes of false positives there, none in the dev notes: a topic the interviewer leaves for the next round
(« On verra la négo et le management au prochain tour »), a topic that "didn't come up", and the candidate's other
recruitment process ("Has another process at final stage elsewhere, we need to move fast"), which is logistics.
Each line below names a competency's words without saying anything about the candidate's level.
"""

from __future__ import annotations

import pytest
from notes_helpers import assessed_in_line

from assistant.notes import summarize_notes

_assessed = assessed_in_line


@pytest.mark.parametrize(
    "line",
    [
        "- On verra la négo et le management au prochain tour.",
        "- on verra l'anglais et la négociation au 2e entretien",
        "- We'll see her negotiation skills in the next round.",
        "- Not sure about her network outside of her current company, didn't come up really.",
        "- Negotiation never came up.",
        "- Has another process at final stage elsewhere, we need to move fast",
        "- Another offer on the table, wants an answer by Friday.",
    ],
)
def test_a_topic_for_later_or_another_process_is_not_evidence(services, line: str) -> None:
    assert _assessed(services, line) == set(), line


@pytest.mark.parametrize(
    ("line", "competency"),
    [
        (
            "- A négocié seule le renouvellement de son plus gros compte, on verra si elle tient le rythme.",
            "sales_temperament",
        ),
        ("- Streamlined the renewal process at her company, the topic came up twice.", "process_improvement"),
        (
            "- Ran the onboarding process for 40 new accounts, another process she rebuilt from scratch.",
            "process_improvement",
        ),
    ],
)
def test_evidence_beside_the_same_words_stays_evidence(services, line: str, competency: str) -> None:
    assert competency in _assessed(services, line), line


def test_a_birth_date_on_a_form_is_an_age_remark() -> None:
    """« Née le : 14/02/1991 » at the top of a candidate form was taken for personal data only."""
    from assistant.rules.safety import find_protected_criteria

    found = find_protected_criteria("Fiche candidat\nNée le : 14/02/1991\n", context="notes")
    assert [f.evidence for f in found] == ["Née le : 14/02/1991"]
    assert "age" in found[0].message


# --------------------------------------------------------------------------- a second outside set (stop 47)

SCORECARD = (
    "AM Interview Scorecard — Candidate: R. Hale — Interviewer: J. Lee\n"
    "Experience (similar role): 4 — 5 yrs KAM in medical devices, 6 hospital groups\n"
    "Data / KPIs:\n"
    "Conflict resolution:\n"
    "Organisation :\n"
    "Réactivité : ?\n"
    "Amélioration des process : –\n"
    "Proactivity: 4 — pitched a consignment-stock model to a client, now rolled out to 3 accounts\n"
)


def test_a_field_left_empty_is_no_evidence(services) -> None:
    """A scorecard's labels left blank ("Data / KPIs:", « Réactivité : ? ») were quoted as evidence of their topic."""
    summary = summarize_notes(SCORECARD, services)
    assessed = {a.id: [e.quote for e in a.evidence] for a in summary.competencies if a.status == "assessed"}
    assert set(assessed) >= {"experience_similar", "proactivity"}, assessed
    for cid in ("data_kpi", "conflict_resolution", "organisation", "reactivity", "process_improvement"):
        assert cid not in assessed, (cid, assessed.get(cid))


def test_a_label_above_its_items_still_gives_them_their_topic(services) -> None:
    notes = "Entretien Léa\nNégociation :\n- a obtenu +8 % sur son plus gros compte sans le perdre\n"
    summary = summarize_notes(notes, services)
    quotes = [e.quote for a in summary.competencies if a.id == "sales_temperament" for e in a.evidence]
    assert quotes and all("8 %" in q for q in quotes), quotes


@pytest.mark.parametrize(
    "line",
    [
        "- Her English wasn't tested, ask in round 3.",
        "- we didn't really cover his numbers.",
        "- À voir en 2e tour : anglais et gestion d'équipe.",
        "- English hasn't been assessed yet.",
        "- Disponible pour un entretien la semaine du 14.",
        "- Available for a call on Thursday.",
        "tl;dr lean yes",
        "| Area | Observation | Rating |\n|---|---|---|",
    ],
)
def test_second_outside_set_lines_that_say_nothing_of_the_candidate(services, line: str) -> None:
    assert _assessed(services, line) == set(), line
