"""Cue words in another sense than the competency's (stop 37, from the classes of the dev notes' false positives).

Each line was written here for its class, not copied from a dev note: « un avenant » is a contract amendment, not a
pleasant manner; the sales team or "inside sales" is a department or a job, not a sales temperament; a LinkedIn
profile or job board is not a network; a commercial proposal is a document; a scheduling conflict is no conflict
handled; engineers who fix a machine are no engineering degree; the purchasing committee is the client's.
"""

from __future__ import annotations

import pytest
from notes_helpers import statuses as _status

from assistant.notes import summarize_notes

_HEAD = "Entretien AM – 3 ans AM chez un grossiste, 40 comptes.\n- "


@pytest.mark.parametrize(
    ("line", "cid"),
    [
        ("Gère les renouvellements et les avenants de 60 contrats de maintenance.", "interpersonal"),
        ("Le client a signé un avenant pour deux sites de plus.", "interpersonal"),
        ("Two years in inside sales before this job, inbound orders only.", "sales_temperament"),
        ("All his accounts were signed by the sales team; he runs renewals.", "sales_temperament"),
        ("Found us through LinkedIn Jobs.", "network"),
        ("Her LinkedIn profile lists a different end date for the last job.", "network"),
        ("M'a envoyé son profil LinkedIn après l'appel.", "network"),
        ("Weakest part of the day: the commercial proposals exercise.", "proactivity"),
        ("Trained the juniors on pricing proposals.", "proactivity"),
        ("Relisait les propositions commerciales des juniors.", "proactivity"),
        ("Conflit d'agenda avec le manager, deuxième tour décalé à jeudi.", "conflict_resolution"),
        ("Scheduling conflict on my side, we cut the call at 40 min.", "conflict_resolution"),
        ("Two of their engineers fixed the scanner the same day.", "education"),
        ("The purchasing committee meets once a quarter, she knows its members.", "education"),
    ],
)
def test_cue_words_in_another_sense_are_not_evidence(services, line: str, cid: str) -> None:
    st = _status(summarize_notes(_HEAD + line + "\n", services))
    assert st[cid] != "assessed", line


@pytest.mark.parametrize(
    ("line", "cid"),
    [
        ("Très avenante, le courant passe tout de suite avec les acheteurs.", "interpersonal"),
        ("Strong sales instinct: closed the upsell in the role-play without a discount.", "sales_temperament"),
        ("Prospecte activement sur LinkedIn et via son réseau d'anciens clients.", "network"),
        ("A proposé de lui-même une nouvelle offre au client, signée le mois suivant.", "proactivity"),
        ("Gère bien les conflits clients : a désamorcé une menace de résiliation.", "conflict_resolution"),
        ("Diplôme d'ingénieur (INSA Lyon).", "education"),
        ("Avant : 1 an comme sales assistant en boutique de téléphonie, vente au comptoir.", "sales_temperament"),
        ("Fait des propositions à ses clients sans qu'on les lui demande.", "proactivity"),
    ],
)
def test_the_same_words_in_the_competencys_sense_still_count(services, line: str, cid: str) -> None:
    st = _status(summarize_notes(_HEAD + line + "\n", services))
    assert st[cid] == "assessed", line
