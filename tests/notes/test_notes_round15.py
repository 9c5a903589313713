"""Issue 9, the fifteenth dev round (evals/notes-heldout/h229-h243), tested on notes written here: a job ad pasted
below the notes under a divider (« ---- PJ : annonce ---- », "=== Job description ===") is the job's text, its
requirements no evidence; a divider that names no ad (a forwarded message) changes nothing."""

from __future__ import annotations

import pytest
from notes_helpers import statuses as _status

from assistant.notes import summarize_notes

_NOTES = (
    "Entretien AM – 3 ans AM chez un grossiste en fournitures, 40 comptes PME.\n"
    "- Négo annuelle : a tenu ses prix face à un acheteur qui voulait -8 %, contre un engagement de 2 ans.\n"
    "\n"
    "{divider}\n"
    "Account Manager (H/F) – Lyon\n"
    "Requirements: a strong network among retail buyers; experience leading a small team is a plus.\n"
    "You will be in charge of 30 key accounts.\n"
)


@pytest.mark.parametrize(
    "divider",
    [
        "---- PJ : annonce (EN) ----",
        "=== Job description ===",
        "--- Attached: job ad ---",
        "----- Copie de l'annonce -----",
    ],
)
def test_a_job_ad_pasted_under_a_divider_is_no_evidence(services, divider: str) -> None:
    status = _status(summarize_notes(_NOTES.format(divider=divider), services))
    assert status["network"] != "assessed"
    assert status["team_management"] != "assessed"
    assert status["sales_temperament"] == "assessed"  # the notes above the divider still count


def test_a_divider_that_names_no_ad_changes_nothing(services) -> None:
    notes = _NOTES.format(divider="---- Forwarded message ----").replace(
        "Requirements: a strong network among retail buyers; experience leading a small team is a plus.",
        "Huge network among retail buyers: introduced us to two of them last year.",
    )
    assert _status(summarize_notes(notes, services))["network"] == "assessed"
