"""Issue 9, the sixteenth dev round (evals/notes-heldout/h244-h258): a section title in capitals (« SYNTHÈSE DU
CONSULTANT », "CURRENT STATE") and what the guide or the ad asks of the job (« Selon le guide, il doit avoir une bonne
culture marketing… ») are no evidence. Lines written here, not copied from the round."""

from __future__ import annotations

import pytest

from assistant.notes.prepare import non_evidence_reason

NOT_EVIDENCE = [
    ("SYNTHÈSE DU CONSULTANT", "header"),
    ("CURRENT STATE", "header"),
    ("## PARCOURS", "header"),
    ("Selon le guide, il doit avoir une bonne culture marketing et savoir résoudre les conflits.", "pitch"),
    ("Per the JD, the AM must own renewals and be great with Excel.", "pitch"),
    ("D'après l'annonce, le poste demande un bon niveau d'anglais.", "pitch"),
]
EVIDENCE = [
    "EXCELLENT NEGOTIATOR, HELD HER PRICES",  # shouted, with a judgement
    "SALESFORCE ADMIN 3 YEARS",  # a figure: a fact, not a title
    "Selon le guide il faut Excel : elle a montré son tableau de suivi des renouvellements.",
    "Selon elle, son portefeuille a grandi de 20 %.",
]


@pytest.mark.parametrize(("line", "reason"), NOT_EVIDENCE)
def test_titles_and_the_jobs_requirements_are_not_evidence(line: str, reason: str) -> None:
    assert non_evidence_reason(line) == reason


@pytest.mark.parametrize("line", EVIDENCE)
def test_shouted_facts_and_what_the_candidate_did_stay(line: str) -> None:
    assert non_evidence_reason(line) == ""


# A first line that titles the meeting may end (or start) with a comment; a long part in the middle is evidence as
# before.
TITLES = [
    "Dernier tour — Léa Morel — AM Grands comptes Est — 14/02 — 45 min avec Marc (DAF), surtout du pricing",
    "ROLE-PLAY WRITE-UP (kept short, as agreed) — Tom Ellis — AM Retail — 06/03",
]
NOT_TITLES = [
    "Visio 12/03 — Léa Morel — 6 ans AM chez un éditeur de paie avec 40 comptes PME — AM Grands comptes",
]


@pytest.mark.parametrize("line", TITLES)
def test_a_first_line_title_with_a_comment_is_a_header(line: str) -> None:
    assert non_evidence_reason(line, first_line=True) == "header"


@pytest.mark.parametrize("line", NOT_TITLES)
def test_a_first_line_with_facts_in_its_middle_stays(line: str) -> None:
    assert non_evidence_reason(line, first_line=True) == ""
