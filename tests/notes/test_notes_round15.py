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


# Review of stop 41: dividers that name the offer made, an announcement or a fit check, and the candidate's facts
# after them; and the recruiter's own notes after a closing divider.
_AFTER_DIVIDER = (
    "Entretien AM – 3 ans AM chez un grossiste en fournitures, 40 comptes PME.\n"
    "\n"
    "{divider}\n"
    "A managé 3 AM juniors pendant 2 ans, entretiens mensuels et objectifs trimestriels.\n"
)


@pytest.mark.parametrize(
    "divider",
    [
        "=== Offre acceptée ? ===",
        "----- Offre -----",
        "--- Annonce de la décision ---",
        "---- Annonce : vu avec elle ----",
        "==== JD vs candidate ====",
    ],
)
def test_a_divider_naming_the_offer_or_an_announcement_silences_nothing(services, divider: str) -> None:
    status = _status(summarize_notes(_AFTER_DIVIDER.format(divider=divider), services))
    assert status["team_management"] == "assessed", divider


@pytest.mark.parametrize("closing", ["---- Mes notes ----", "=== Interview notes ===", "---- Fin de l'annonce ----"])
def test_the_pasted_ad_ends_at_the_next_divider(services, closing: str) -> None:
    notes = (
        "Entretien AM – 3 ans AM chez un grossiste en fournitures, 40 comptes PME.\n"
        "\n"
        "---- PJ : annonce ----\n"
        "Account Manager (H/F) – Lyon, 30 comptes clés.\n"
        f"{closing}\n"
        "A managé 3 AM juniors pendant 2 ans, entretiens mensuels et objectifs trimestriels.\n"
    )
    assert _status(summarize_notes(notes, services))["team_management"] == "assessed", closing
