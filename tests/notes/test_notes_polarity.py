"""Polarity of a passage of notes: cue phrases, negation, held-out phrasings."""

from __future__ import annotations

import pytest

from assistant.notes.polarity import polarity


@pytest.mark.parametrize(
    "text, expected",
    [
        ("N'a jamais géré de portefeuille client.", "negative"),
        ("Pas de notion de marketing.", "negative"),
        ("Aucune expérience en management.", "negative"),
        ("Could not describe a single client portfolio.", "negative"),
        ("Has never built a dashboard.", "negative"),
        ("Weak on figures.", "negative"),
        ("Lacks structure.", "negative"),
        ("Struggled with the complaint scenario.", "negative"),
        ("Anglais faible.", "negative"),
        ("Manque de rigueur.", "negative"),
        ("Ne maîtrise pas Excel.", "negative"),
        ("Très bonne écoute, reformule bien.", "positive"),
        ("Strong negotiation skills.", "positive"),
        ("Pas de souci avec Excel.", "positive"),
        ("Master en école de commerce.", "neutral"),
    ],
)
def test_polarity_is_negation_aware(text, expected):
    assert polarity(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Very organised, never missed a deadline.", "positive"),
        ("très réactive, a rappelé le client sans attendre le lundi", "positive"),
        ("English so-so (B1 max)", "negative"),
        ("n'a jamais managé d'équipe", "negative"),
    ],
)
def test_polarity_on_held_out_phrasings(text: str, expected: str) -> None:
    assert polarity(text) == expected
