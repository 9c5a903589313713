"""Stop 46's outside review of the scorecard (30 notes annotated by a reviewer who never read the code).

Its main class of false positives: a line that lists topics for a later round names competencies without any
evidence about the candidate (« questions à poser au 2e tour : exemple de négo, utilisation d'Excel », "to probe in
F2F: negotiation, Excel forecasting, English level"). Such lines are topics not covered yet. A line where the
candidate did something with the same words stays evidence.
"""

from __future__ import annotations

import pytest
from notes_helpers import assessed_in_line

from assistant.notes import summarize_notes

_assessed = assessed_in_line


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


TERSE = (
    "AM - cand #17 - phone\n"
    "exp 4/5 - 6y AM, agency side (media buying), big FMCG clients\n"
    "comms 3/5 - ok, bit rambly\n"
    "nums 2/5 - no excel beyond basics\n"
)


def test_a_terse_scored_line_is_an_item_of_its_own_and_no_date(services) -> None:
    """ "exp 4/5 - 6y AM…" was read as a header dated the 4th of May, and "comms 3/5 - ok, bit rambly" was joined to it:
    the experience was quoted with the next line, or not at all."""
    from assistant.notes.prepare import non_evidence_reason

    assert non_evidence_reason("exp 4/5 - 6y AM, agency side (media buying), big FMCG clients") == ""
    assert non_evidence_reason("visio 4/5 - Paris office") == "header"  # a meeting's date stays one
    assert non_evidence_reason("Entretien tel – 3/5 – 30 min") == "header"
    summary = summarize_notes(TERSE, services)
    quotes = {a.id: [e.quote for e in a.evidence] for a in summary.competencies if a.evidence}
    assert quotes.get("experience_similar") == ["exp 4/5 - 6y AM, agency side (media buying), big FMCG clients"]
    assert all("\n" not in q for qs in quotes.values() for q in qs), quotes
