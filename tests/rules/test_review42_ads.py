"""Ads: what stop 41's reviews left unflagged beside an equal-opportunity phrase (their inputs, and variants written
before the fix), with the lawful sentences closest to each.
- An age adjective in a part of the sentence that seeks someone is not framed by the phrase: "Equal-opportunity
  employer - young and dynamic team seeks a young graduate" asks for an age (first written as "a spaced dash ends the
  frame", which the review of stop 42 found flagged lawful lists after a dash; see test_review42d.py).
- A verb of selection denied before « les candidatures de … » / "applications from …" turns the group away.
- An incise with no closing comma, or after a longer group (« les femmes enceintes de plus de 3 mois, … »), and
  « on n'en embauchera pas »."""

from __future__ import annotations

import pytest

from support import ad_discriminates

AD_FLAG = [
    "Equal-opportunity employer - young and dynamic team seeks a young graduate.",
    "Equal opportunity employer – we are looking for a young graduate.",
    "Poste ouvert à tous – nous recherchons un jeune diplômé.",
    "Entreprise engagée pour la diversité — profil recherché : jeune diplômée.",
    "Poste ouvert à tous, nous ne prendrons pas en compte les candidatures de femmes enceintes.",
    "Poste ouvert à tous, nous ne retiendrons pas les candidatures de femmes enceintes.",
    "Poste ouvert à tous, nous n'examinerons pas les candidatures des personnes de plus de 55 ans.",
    "Open to all, we will not consider applications from pregnant women.",
    "Poste ouvert à tous, nous ne retiendrons pas les candidatures de personnes de moins de 25 ans.",
    "Open to all, we will not consider applications from women, whatever their experience.",
    "Equal opportunity employer: we do not accept applications from candidates over 50.",
    "Poste ouvert à tous, les seniors, même expérimentés ne seront pas recrutés.",
    "Open to all, pregnant women, even if qualified will not be hired.",
    "Poste ouvert à tous, les femmes enceintes de plus de 3 mois, même qualifiées, ne seront pas retenues.",
    "Poste ouvert à tous, les femmes enceintes, même qualifiées, on n'en embauchera pas.",
    "Poste ouvert à tous, les seniors, même expérimentés, nous n'en recruterons aucun.",
]
AD_LAWFUL = [
    "Equal opportunity employer – we welcome applicants regardless of age, sex or origin.",
    "Poste ouvert à tous – sans distinction d'âge, de sexe ou d'origine.",
    "Equal-opportunity employer - candidates of all ages welcome.",
    "Poste ouvert à tous, nous ne prendrons pas en compte l'âge des candidats.",
    "Open to all, we will not consider age, sex or origin.",
    "Poste ouvert à tous, nous ne retiendrons pas la situation de famille comme critère.",
    "Open to all, we will not consider applications from pregnant women any differently.",
    "Poste ouvert à tous, les seniors, même expérimentés ne seront pas écartés.",
    "Poste ouvert à tous, les femmes enceintes de plus de 3 mois, comme toutes les candidates, ne seront pas écartées.",
    "Poste ouvert à tous, les femmes enceintes, même à temps partiel, on n'en écartera aucune.",
    "Poste ouvert à tous, les seniors, les candidatures sans CV ne seront pas retenues.",
    "Poste ouvert à tous, les seniors, même ceux qui ne sont pas retenus ailleurs sont les bienvenus.",
    "Poste ouvert à tous – y compris aux personnes en situation de handicap, avec aménagement de poste.",
]


@pytest.mark.parametrize("text", AD_FLAG)
def test_an_exclusion_beside_an_equal_opportunity_phrase_is_flagged(text: str) -> None:
    assert ad_discriminates(text)


@pytest.mark.parametrize("text", AD_LAWFUL)
def test_the_closest_lawful_sentences_stay_lawful(text: str) -> None:
    assert not ad_discriminates(text)
