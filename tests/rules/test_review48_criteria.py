"""Protected criteria stop 48's outside review of `ask` found unflagged, and look-alikes that must stay unflagged.
Every sentence was written by hand after the review's classes (none is copied from its cases)."""

from __future__ import annotations

import pytest

from assistant.rules.safety import find_protected_criteria

FLAGGED = [
    "On préfère ne pas retenir les candidats qui habitent dans le 91.",
    "Des candidats qui vivent en Seine-Saint-Denis, ça pose problème ?",
    "Should we only shortlist French nationals for this role?",
    "Le client veut un commercial avec un nom bien français.",
    "They want someone whose surname sounds foreign filtered out, can we?",
    "The client asked for a white account manager.",
    "Le client ne veut pas d'un account manager noir.",
    "Can I ask the applicant which bank they use?",
    "Je peux lui demander quelle est sa banque ?",
    "Peut-on demander à la candidate si elle est membre d'un parti ?",
    "Is it ok to ask which political party he supports?",
]

NOT_FLAGGED = [
    "Les candidats qui ont géré des comptes clés sont prioritaires.",
    "Le client qui habite à Lyon veut un point mensuel.",
    "Our Black Friday campaign doubled the pipeline.",
    "She holds a black belt and ran the white-glove service for key accounts.",
    "Quel est le nom français du poste ?",
    "Notre client est une banque, laquelle ? BNP.",
    "Our clients are mostly German companies.",
]


@pytest.mark.parametrize("text", FLAGGED)
def test_a_criterion_the_review_found_is_flagged(text: str) -> None:
    assert find_protected_criteria(text, context="notes"), text


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_a_look_alike_is_not_flagged(text: str) -> None:
    assert not find_protected_criteria(text, context="notes"), text
