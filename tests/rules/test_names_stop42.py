"""A surname written first at the start of a line, before a first name and a separator (« Dupont Sophie, 7 ans
d'AM », "Garnier Élodie : 5 ans AM"): stop 41 left it reaching a remote model. Written here; a word that starts a
sentence before a first name with no separator after the pair stays a word (« Hier Julie a rappelé »)."""

from __future__ import annotations

import pytest

from support import names_in


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Dupont Sophie, 7 ans d'AM chez Acme.", ["Dupont Sophie"]),
        ("Garnier Élodie : 5 ans AM, 40 comptes.", ["Garnier Élodie"]),
        ("Martin Sophie, 7 ans d'AM.", ["Martin Sophie"]),
        ("Notes du 12/03\nKowalczyk Anna (visio) – 6 ans AM en SaaS.", ["Kowalczyk Anna"]),
        ("Rousseau Thomas - 40 comptes PME.", ["Rousseau Thomas"]),
    ],
)
def test_a_surname_first_at_a_line_start_is_a_name(text: str, names: list[str]) -> None:
    assert names_in(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Hier Julie a rappelé le client.", ["Julie"]),
        ("Bonjour Sophie, voici mes notes.", ["Sophie"]),
        ("Merci Julie, bonne soirée.", ["Julie"]),
        ("Excel : bon niveau.", []),
        ("Selon Marc, le besoin est clair.", ["Marc"]),
        ("Rappeler Julie : proposer le 14.", ["Julie"]),
        ("Per Tom, the budget is fixed.", ["Tom"]),
        ("Côté Sophie : RAS.", ["Sophie"]),
    ],
)
def test_a_word_before_a_first_name_stays_a_word(text: str, names: list[str]) -> None:
    assert names_in(text) == names
