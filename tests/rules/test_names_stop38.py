"""Names stop 37 left as false names: an AI assistant called Claude among tools, a country that is a first name after
« en » or "in" (« Expansion en Jordan », "based in Georgia"). Each case was written by hand; the same words naming a
person stay names."""

from __future__ import annotations

import pytest

from support import names_in


@pytest.mark.parametrize(
    "text",
    [
        "Utilise Claude et ChatGPT pour préparer ses QBR.",
        "Uses ChatGPT, Claude and Copilot to draft follow-ups.",
        "Prépare ses comptes rendus avec l'IA (Claude).",
        "Expansion en Jordan et au Liban l'an dernier.",
        "Opened the office in Jordan in 2022.",
        "Her biggest client is based in Georgia.",
        "Deux ans en poste à Charlotte, aux États-Unis.",
    ],
)
def test_tools_and_places_that_are_first_names_are_not_names(text: str) -> None:
    assert names_in(text) == [], text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Entretien mené avec Claude Martin, notre DG.", "Claude Martin"),
        ("Jordan Lefèvre a très bien reformulé.", "Jordan Lefèvre"),
        ("Point avec Claude sur le pricing ce matin.", "Claude"),
        ("Had a call with Jordan about the renewal.", "Jordan"),
    ],
)
def test_the_same_words_naming_someone_stay_names(text: str, name: str) -> None:
    assert name in names_in(text), text


# review of stop 38: the first version of these exceptions hid real people (« j'ai », the verb « a », a possessive)
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("J'ai appelé Claude hier pour le débrief.", "Claude"),
        ("Claude est très motivé, j'ai apprécié son énergie.", "Claude"),
        ("Claude travaille chez Mistral.", "Claude"),
        ("Spoke with Claude about her AI roadmap.", "Claude"),
        ("Claude, ingénieur IA, 5 ans d'expérience.", "Claude"),
        ("Elle a Charlotte comme manager.", "Charlotte"),
        ("Il a Jordan comme binôme.", "Jordan"),
        ("Intro call in Jordan's office.", "Jordan"),
        ("Moved at Charlotte's request.", "Charlotte"),
    ],
)
def test_people_beside_the_exceptions_stay_names(text: str, name: str) -> None:
    assert name in names_in(text), text
