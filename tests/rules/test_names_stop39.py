"""Names stop 38 left leaking to a remote model (stop 39): a name repeated in lower case or without its accents once a
signal found it (« Marie Durand … durand », « Lefèvre … lefevre »), and a surname written before the first name
inside a sentence (« avec Dupont Jean »). Each case was written by hand; words that are only words stay words."""

from __future__ import annotations

import pytest

from support import names_in


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Candidate : Marie Durand. durand a bien reformulé le besoin.",
            ["Marie Durand", "durand"],
        ),
        (
            "Notes: spoke with Tom Becker. becker was sharp on renewals.",
            ["Tom Becker", "becker"],
        ),
        ("Appel avec M. Lefèvre, puis lefevre a rappelé.", ["Lefèvre", "lefevre"]),
        ("Appel avec M. Lefèvre ; LEFEVRE a rappelé ensuite.", ["Lefèvre", "LEFEVRE"]),
        ("Interviewer: Hélène Kowalczyk. Then kowalczyk asked about churn.", ["Hélène Kowalczyk", "kowalczyk"]),
        ("Vu Amandine Faivre-Leroux. faivre-leroux gère 30 comptes.", ["Amandine Faivre-Leroux", "faivre-leroux"]),
        ("Candidate : Marie Durand. Second tour validé pour durand.", ["Marie Durand", "durand"]),
        # inside an e-mail address the address finder replaces it whole
        ("Bram Kowalski <bram.kowalski@acme.com> a écrit :", ["Bram Kowalski"]),
    ],
)
def test_a_found_name_repeated_in_lower_case_or_unaccented_is_a_name(text: str, names: list[str]) -> None:
    assert names_in(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a surname that is a common word: its lower-case form stays a word
        ("Candidat : Julien Petit. Il gère un petit portefeuille.", ["Julien Petit"]),
        ("Candidate: Emma Young. Young team, strong pipeline; a young company.", ["Emma Young", "Young"]),
        ("Entretien avec Marc Renard. Un renard en négociation.", ["Marc Renard"]),
        # first names that are also words stay words in lower case, as before
        ("Interviewer: Claire Martin. La démo était claire.", ["Claire Martin"]),
        # short words are never taken in lower case
        ("Candidat : Léo Roy. roy", ["Léo Roy"]),
    ],
)
def test_lower_case_words_that_are_words_stay_words(text: str, names: list[str]) -> None:
    assert names_in(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Entretien avec Dupont Jean ce matin. Dupont Jean a bien reformulé.", ["Dupont Jean", "Dupont Jean"]),
        ("Second tour mené par Kowalski Anne-Sophie, très claire.", ["Kowalski Anne-Sophie"]),
        ("Vu aussi Benali Sarah pour le poste de Lyon.", ["Benali Sarah"]),
    ],
)
def test_a_surname_before_the_first_name_inside_a_sentence_is_part_of_the_name(text: str, names: list[str]) -> None:
    assert names_in(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a word starting the sentence before a first name is not a surname
        ("Hier Julie a présenté son plan de compte.", ["Julie"]),
        ("Selon Marc, le besoin est clair.", ["Marc"]),
        # roles, tools and places before a first name are not surnames
        ("Le Head of Sales Marie a mené le second tour.", ["Marie"]),
        ("Elle utilise Salesforce Julie le confirme.", ["Julie"]),
    ],
)
def test_words_before_a_first_name_that_are_no_surname_stay_out(text: str, names: list[str]) -> None:
    assert names_in(text) == names
