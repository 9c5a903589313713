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


# --------------------------------------------------------------------------- the hostile review of this change

# Inputs from a read-only hostile review of 3446b05 (machine-local /work/scratch/review39/findings.py), as it expected
# them: list shapes of surname-first names, parts of a hyphenated name, words that are no address, surnames that are
# words too.
REVIEWED = [
    ("1. Dupont Jean\n2. Martin Paul\n3. Kowalski Anna", ["Dupont Jean", "Martin Paul", "Kowalski Anna"]),
    ("- Dupont Jean : ok\n- Benali Sarah : ko", ["Dupont Jean", "Benali Sarah"]),
    ("Candidats vus : Dupont Jean, Benali Sarah, Kowalski Anna.", ["Dupont Jean", "Benali Sarah", "Kowalski Anna"]),
    (
        "Candidate : Marie Durand-Martin. Durand a bien répondu, Martin aussi.",
        ["Marie Durand-Martin", "Durand", "Martin"],
    ),
    ("Vu Amandine Faivre-Leroux. faivre a bien répondu.", ["Amandine Faivre-Leroux", "faivre"]),
    ("Candidate : Marie Durand. durand/martin ont validé.", ["Marie Durand", "durand"]),
    ("Candidate : Marie Durand. durand.Elle a bien répondu.", ["Marie Durand", "durand"]),
    ("Candidate : Marie Durand. <durand> ok", ["Marie Durand", "durand"]),
    ("→ Rappeler Julie demain. Il faut rappeler le client.", ["Julie"]),
    ("Candidat : Paul Léger. Un léger retard au démarrage.", ["Paul Léger"]),
    ("Candidate : Anne Courtois. Très courtois en entretien.", ["Anne Courtois"]),
    ("Candidat : Luc Clair. Le besoin est clair.", ["Luc Clair"]),
    ("Candidat : Paul Jeune. Un profil jeune mais solide.", ["Paul Jeune"]),
    ("Candidate : Julie Parent. Elle est parent solo.", ["Julie Parent"]),
    ("Candidat : Luc Gentil. Très gentil mais peu incisif.", ["Luc Gentil"]),
    ("Candidate : Anne Cousin. Son cousin travaille chez nous.", ["Anne Cousin"]),
    ("Candidat : Luc Masse. Une masse de comptes.", ["Luc Masse"]),
    ("Candidat : Luc Breton. Il est breton.", ["Luc Breton"]),
    ("Candidat : Luc Sauvage. Un côté sauvage.", ["Luc Sauvage"]),
    ("Candidate: Tom Major. major accounts.", ["Tom Major"]),
    ("Candidate: Tom Power. power user of the CRM.", ["Tom Power"]),
    ("Candidate: Tom Keen. keen on renewals.", ["Tom Keen"]),
    ("Candidate: Emma Swift. swift follow-up on the deal.", ["Emma Swift"]),
    ("Candidate: Tom Bright. bright and curious.", ["Tom Bright"]),
    ("Candidate: Tom Small. small accounts.", ["Tom Small"]),
    ("Candidate: Tom Case. use case.", ["Tom Case"]),
    ("Candidate: Tom Story. good story.", ["Tom Story"]),
    ("Candidate: Tom Gold. gold standard.", ["Tom Gold"]),
    ("Candidate: Tom Nice. nice guy.", ["Tom Nice"]),
]


@pytest.mark.parametrize(("text", "names"), REVIEWED)
def test_what_the_review_found(text: str, names: list[str]) -> None:
    assert names_in(text) == names


# A capitalised word before a first name may still be taken with it (« chez Orange Julie »: the model sees a
# placeholder, nothing leaks), but it is a weak signal: its other spellings stay words.
SPREAD = [
    ("Le client Total Marie gère. Au total, 30 comptes.", ["Marie"]),
    ("ok Super Julie a fini. super démo.", ["Julie"]),
    ("Il a dit Bravo Marc devant l'équipe. bravo pour la démo.", ["Marc"]),
    ("Elle était chez Orange Julie aussi. Le dossier orange.", ["Julie"]),
    ("We met Amazing Julie today.", ["Julie"]),
    ("Le recruteur Cabinet Julie.", ["Julie"]),
    ("J'ai vu Décathlon Marie gère les comptes.", ["Marie"]),
]


@pytest.mark.parametrize("text", [t for t, _ in SPREAD])
def test_a_weak_surname_is_not_spread_to_its_lower_case(text: str) -> None:
    found = names_in(text)
    assert all(name[:1].isupper() for name in found), found
