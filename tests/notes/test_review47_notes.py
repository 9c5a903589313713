"""Stop 47's outside notes (25 notes annotated by a reviewer who never read the code, before any run).

Three classes of false positives there, none in the dev notes: a topic the interviewer leaves for the next round
(« On verra la négo et le management au prochain tour »), a topic that "didn't come up", and the candidate's other
recruitment process ("Has another process at final stage elsewhere, we need to move fast"), which is logistics.
Each line below names a competency's words without saying anything about the candidate's level.
"""

from __future__ import annotations

import pytest

from assistant.notes import summarize_notes

HEAD = "Préqualif tél – Nadia – AM junior\n- 3 ans d'account management chez un éditeur SaaS, 40 comptes PME\n"


def _assessed(services, line: str) -> set[str]:
    summary = summarize_notes(HEAD + line + "\n", services)
    return {a.id for a in summary.competencies if a.status == "assessed" and any(e.quote in line for e in a.evidence)}


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
