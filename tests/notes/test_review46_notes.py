"""Stop 46's outside review of the scorecard (30 notes annotated by a reviewer who never read the code).

Its main class of false positives: a line that lists topics for a later round names competencies without any
evidence about the candidate (« questions à poser au 2e tour : exemple de négo, utilisation d'Excel », "to probe in
F2F: negotiation, Excel forecasting, English level"). Such lines are topics not covered yet. A line where the
candidate did something with the same words stays evidence.
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
        "- questions à poser au 2e tour : exemple de négo, utilisation d'Excel",
        "- À vérifier au 2e tour : anglais, Excel.",
        "- to probe in F2F: negotiation, Excel forecasting, English level, conflict handling",
        "- Questions for round 2: negotiation example, CRM use.",
        "- Also must prepare better questions on negotiation next time.",
        "- Please probe her English and her network.",
    ],
)
def test_topics_left_for_a_later_round_are_not_evidence(services, line: str) -> None:
    assert _assessed(services, line) == set(), line


@pytest.mark.parametrize(
    ("line", "competency"),
    [
        ("- Knows how to probe a client's needs: asked five questions before proposing anything.", "listening"),
        ("- Renegotiated three renewals with upsell, questions to the buyer well prepared.", "sales_temperament"),
        ("- Anglais courant, négo simulée en anglais sans difficulté.", "english"),
    ],
)
def test_what_the_candidate_did_with_the_same_words_stays_evidence(services, line: str, competency: str) -> None:
    assert competency in _assessed(services, line), line
