"""A surname written first at the start of a sentence, before a first name and a verb (« Rousseau Thomas a géré 40
comptes »): stop 42 left it reaching a remote model (only a separator after the pair counted). Written here; a word
that opens a sentence before a first name and a verb, and is no surname, stays a word."""

from __future__ import annotations

import pytest

from support import names_in


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Rousseau Thomas a géré 40 comptes PME.", ["Rousseau Thomas"]),
        ("Entretien du 3/12. Kowalczyk Anna est arrivée à l'heure.", ["Kowalczyk Anna"]),
        ("Nguyen Linh has run 30 accounts in Lyon.", ["Nguyen Linh"]),
        ("Schmidt Anna was calm during the role-play.", ["Schmidt Anna"]),
        ("Lefebvre Julie gère 25 comptes clés depuis 2021.", ["Lefebvre Julie"]),
    ],
)
def test_a_surname_first_before_a_verb_is_a_name(text: str, names: list[str]) -> None:
    assert names_in(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Hier Julie a rappelé le client.", ["Julie"]),
        ("Aussi Julie a bien préparé.", ["Julie"]),
        ("Bref Julie est solide.", ["Julie"]),
        ("Sinon Marc a tout repris.", ["Marc"]),
        ("Today Julie was late.", ["Julie"]),
        ("Also Julie has two kids' names in her notes.", ["Julie"]),
        ("Finally Tom said yes.", ["Tom"]),
        ("Client Julie a validé.", ["Julie"]),
        ("Excel Julie a dit non.", ["Julie"]),
    ],
)
def test_a_word_before_a_first_name_and_a_verb_stays_a_word(text: str, names: list[str]) -> None:
    assert names_in(text) == names
