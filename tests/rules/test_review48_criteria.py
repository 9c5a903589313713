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
    # a read-through of stop 48's change: kept flagged
    "C'est un handicapé, on peut le prendre ?",
    "On le traite comme un handicapé.",
    "Is a handicap a valid reason to reject a candidate?",
    "Le client veut un account manager blanc.",
    "Un profil qui habite dans le 93, ça pose problème ?",
    "Les postulants qui habitent en banlieue, on les écarte ?",
]

NOT_FLAGGED = [
    "Les candidats qui ont géré des comptes clés sont prioritaires.",
    "Le client qui habite à Lyon veut un point mensuel.",
    "Our Black Friday campaign doubled the pipeline.",
    "She holds a black belt and ran the white-glove service for key accounts.",
    "Quel est le nom français du poste ?",
    "Notre client est une banque, laquelle ? BNP.",
    "Our clients are mostly German companies.",
    # a read-through of stop 48's change and the second outside review of ask: no longer flagged
    "Is a lack of English a handicap for an AM?",
    "Sans école de commerce, il voit ça comme un handicap.",
    "Which party pays the recruitment fee, the client or us?",
    "Does it matter which bank she worked for as an AM?",
    "Our client is a bank with our team embedded, what salary?",
    "Y a-t-il un nom plus français pour le poste d'account manager ?",
    "Is there a job title name that sounds French?",
    "Le candidat a piloté l'opération commerciale Black Friday, quel niveau ?",
    # the second outside review of ask
    "Quelle est la nationalité des créateurs du tableau de bord prospectif ?",
    "What nationality were the founders of the method?",
    "Does our customers' nationality matter for the level of English?",
    "Faut-il parler de l'âge de la relation avec ce compte en entretien ?",
    "Should we mention the age of the partnership with the client?",
]


@pytest.mark.parametrize("text", FLAGGED)
def test_a_criterion_the_review_found_is_flagged(text: str) -> None:
    assert find_protected_criteria(text, context="notes"), text


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_a_look_alike_is_not_flagged(text: str) -> None:
    assert not find_protected_criteria(text, context="notes"), text
