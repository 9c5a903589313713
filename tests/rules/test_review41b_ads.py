"""Ads: what a second hostile review of stop 41 found in 6a79ca8 (read-only helper; its inputs, copied here).
- Lawful: a negation inside the incise ("pregnant women will, under no circumstances, be rejected", « ne seront, en
  aucun cas, écartées ») and equal treatment after a pronoun (« nous ne les sélectionnons jamais sur leur âge »): the
  incise reading now keeps the incise's negation, and the pronoun form must be the whole clause.
- Flagged: more pronoun forms (« nous ne les prendrons pas », « nous les écarterons », "we are not hiring", "we'll
  not hire", "we do not want", "we reject") and « pourront » before the incise.
Left: « les femmes enceintes, même qualifiées, on n'en embauchera pas » (a partitive pronoun)."""

from __future__ import annotations

import pytest

from support import ad_discriminates

AD_FLAG = [
    "Poste ouvert à tous, les femmes enceintes, quelle que soit leur expérience, nous ne les prendrons pas.",
    "Poste ouvert à tous, les femmes enceintes, même qualifiées, nous les écarterons.",
    "Poste ouvert à tous, les femmes enceintes ne pourront, toutefois, pas être retenues.",
    "Open to all, pregnant women, even if qualified, we won't be hiring.",
    "Open to all, pregnant women, even if qualified, we are not hiring.",
    "Open to all, pregnant women, even if qualified, we'll not hire.",
    "Open to all, pregnant women, even if qualified, we do not want.",
    "Open to all, pregnant women, even if qualified, we reject.",
]
AD_LAWFUL = [
    "Open to all: pregnant women will, under no circumstances, be rejected.",
    "Open to all: pregnant women will, at no stage, be excluded.",
    "Open to all: disabled applicants would, in no case, be turned away.",
    "Poste ouvert à tous : les femmes enceintes ne seront, en aucun cas, écartées.",
    "Poste ouvert à tous : les candidats handicapés ne seront, sous aucun prétexte, refusés.",
    "Poste ouvert à tous : les seniors ne sont, en aucune façon, écartés.",
    "Poste ouvert à tous : les mères de famille ne seront, jamais, refusées pour ce motif.",
    "Poste ouvert à tous : les seniors, comme tous les candidats, nous ne les sélectionnons jamais sur leur âge.",
    "Poste ouvert à tous : les personnes handicapées, à compétences égales, nous ne les considérons pas différemment.",
    "Poste ouvert à tous : les femmes enceintes, comme toute candidate, nous ne les retenons pas moins.",
]


@pytest.mark.parametrize("text", AD_FLAG)
def test_a_group_turned_away_after_an_incise_is_flagged(text: str) -> None:
    assert ad_discriminates(text)


@pytest.mark.parametrize("text", AD_LAWFUL)
def test_a_negation_in_the_incise_or_equal_treatment_stays_lawful(text: str) -> None:
    assert not ad_discriminates(text)
