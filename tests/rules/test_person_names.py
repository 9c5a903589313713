"""People's names are pseudonymised before a remote LLM call (review of da93473: "person names are not pseudonymised").

GDPR and the CNIL's recruitment guide: minimise and pseudonymise before sending personal data to a third party
(../shared/standards.md). Names are replaced only in what a remote model receives (redact(..., names=True)); they are
never flagged, and the exports keep them.
"""

from __future__ import annotations

import pytest

from assistant.rules.names import name_spans
from assistant.rules.pii import find_pii, redact

from support import names_in


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # labels
        ("Candidat : Jean-Baptiste Kowalski\nKowalski a bien reformulé.", ["Jean-Baptiste Kowalski", "Kowalski"]),
        ("Interviewer: Claire Martin\nCandidate: Ahmed Haddad", ["Claire Martin", "Ahmed Haddad"]),
        ("Name: Tom O'Brien\nStrong discovery.", ["Tom O'Brien"]),
        ("Nom : DUPONT\nTrès à l'écoute. DUPONT relance bien.", ["DUPONT", "DUPONT"]),
        ("Referee: Laura Nguyen (ex-manager)", ["Laura Nguyen"]),
        ("[3] Candidate: Priya Raman", ["Priya Raman"]),
        ("De : Julie Martin <j@x.fr>\nÀ : Marc Petit", ["Julie Martin", "Marc Petit"]),
        # titles
        ("Entretien avec Mme Nadia Benali, très à l'écoute.", ["Nadia Benali"]),
        ("Mr. Smith described his quota.", ["Smith"]),
        ("Reçu par M. Lefèvre et Madame Girard.", ["Lefèvre", "Girard"]),
        # greetings and sign-offs in a quoted e-mail
        ("Bonjour Julie,\nvoici mon retour sur le candidat.", ["Julie"]),
        ("Hi Tom, quick notes below.", ["Tom"]),
        ("Très bon échange.\nCordialement,\nMarc Lefèvre", ["Marc Lefèvre"]),
        # first names, with a surname after (or an upper-case one before)
        ("Sarah was great on discovery; Sarah's pipeline is solid.", ["Sarah", "Sarah"]),
        ("DUPONT Marie - visio 45 min", ["DUPONT Marie"]),
        ("Échange avec Léa N. sur son portefeuille.", ["Léa N."]),
        ("Notes sur Claire D. (A) vs Bram V. (B).", ["Claire D.", "Bram V."]),
        ("Reçu par M. Caron.", ["Caron"]),
        ("Dr. Martin a vu le dossier.", ["Martin"]),
        ("Hi. Tom was late to the call.", ["Tom"]),  # a known first name, not the greeting, finds him
        ("@Bastien merci. Je le passe en étude de cas.", ["Bastien"]),  # a colleague is a person too
        ("Anne-Sophie de Villiers a présenté son plan.", ["Anne-Sophie de Villiers"]),
        ("rdv avec thomas demain, très bon feeling", ["thomas"]),
        # an ambiguous first name inside a sentence, or with a surname
        ("A parlé avec Claire du pipeline.", ["Claire"]),
        ("Claire Dubois a présenté son plan.", ["Claire Dubois"]),
        # upper case is the same name
        ("Candidat : Yasmine Belkacem\nBELKACEM : bonne négo.", ["Yasmine Belkacem", "BELKACEM"]),
    ],
)
def test_names_are_found(text: str, names: list[str]) -> None:
    assert names_in(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Claire et précise, sa présentation a convaincu.",
        "Grâce à son réseau, il a ouvert trois comptes.",
        "Poste : Account Manager – 12/03 – visio 45 min",
        "Candidat : Account Manager senior, 5 ans d'expérience",
        "Profil Hunter plutôt que Farmer.",
        "Utilise Salesforce et HubSpot tous les jours.",
        "Will she ramp up fast? Hard to say.",
        "Lundi, rencontre avec le Head of Sales.",
        "En mars, il a signé Orange et SNCF.",
        "Available to start in June; notice period one month.",
        "Rose from 2 to 5 accounts in a year.",
        "Il porte un jean et une veste, il se marie en juin.",
        "Très bonne écoute. Anglais courant.",
        "Contact : Orange Business",
        "Hello team, notes below.",
        "LI headline (pasted): top performer.",
        "Vu en visio. Plan B. Puis appel.",
        # a greeting ends its sentence: the next capital starts a sentence, not a name
        "Merci. Pourtant il a bien répondu.",
        "Hello. Strong answer on pricing.",
        "Bonjour. Candidat motivé, Salesforce au quotidien.",
        "",
    ],
)
def test_words_that_are_no_ones_name_stay(text: str) -> None:
    assert names_in(text) == []


def test_redact_with_names_replaces_every_mention_and_restores_exactly() -> None:
    notes = (
        "Candidat : Jean-Baptiste Kowalski\n"
        "Kowalski a très bien reformulé les besoins.\n"
        "Mail : jb.kowalski@example.com\n"
        "Sarah (manager) l'a trouvé solide ; Sarah le recommande."
    )
    r = redact(notes, names=True)
    for value in ("Jean-Baptiste", "Kowalski", "Sarah", "jb.kowalski@example.com"):
        assert value not in r.text
    assert r.text.count("[NAME_") == 4 and "[EMAIL_1]" in r.text
    assert r.mapping["[NAME_1]"] == "Jean-Baptiste Kowalski"
    # same value, same placeholder
    sarahs = [p for p, v in r.mapping.items() if v == "Sarah"]
    assert len(sarahs) == 1 and r.text.count(sarahs[0]) == 2
    assert r.restore(r.text) == notes


def test_names_are_only_redacted_when_asked_and_never_flagged() -> None:
    notes = "Candidat : Jean Dupont\nJean relance bien ses clients."
    assert redact(notes).text == notes  # the exports' redaction keeps the name the interviewer wrote
    assert find_pii(notes) == []


def test_a_placeholder_the_notes_already_hold_is_never_given_to_a_name() -> None:
    notes = "Candidat : Jean Dupont\nLe modèle a écrit [NAME_1] hier."
    r = redact(notes, names=True)
    assert r.mapping.get("[NAME_1]") is None
    assert r.restore(r.text) == notes


def test_a_name_inside_an_email_is_one_email_placeholder() -> None:
    r = redact("Écrire à Julie Martin : julie.martin@example.com", names=True)
    assert r.text == "Écrire à [NAME_1] : [EMAIL_1]"


@pytest.mark.parametrize("size", [20_000, 60_000])
def test_long_notes_are_read_in_bounded_time(size: int) -> None:
    import time

    chunk = "Claire Dubois a parlé avec Sarah. Grâce à Max, M. Petit et Mme Benali ont signé. "
    text = (chunk * (size // len(chunk) + 1))[:size]
    t = time.process_time()
    spans = name_spans(text)
    assert spans  # a generous bound, far above the measured time, so that a quadratic scan fails
    assert time.process_time() - t < 10
