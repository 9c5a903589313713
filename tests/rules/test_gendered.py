"""Gendered wording: gendered forms (warning) and masculine-coded words (info), French and English."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.rules.compliance import find_gendered_wording

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "knowledge" / "account-manager" / "guide.md"


def assert_spans(text, flags):
    for f in flags:
        if f.start is not None:
            assert text[f.start : f.end] == f.evidence, f


GENDERED_FR = [
    ("Nous cherchons un commercial motivé.", "un commercial"),
    ("Un vrai homme de terrain.", "homme de terrain"),
    ("Il sera rattaché au directeur.", "Il sera"),
    ("Le candidat idéal connaît le SaaS.", "Le candidat"),
    ("Notre future vendeuse accueille les clients.", "Notre future vendeuse"),
]
GENDERED_EN = [
    ("He will manage three accounts.", "He will"),
    ("Our next salesman joins in May.", "salesman"),
    ("The candidate brings his own network.", "his"),
]


@pytest.mark.parametrize("text,evidence", GENDERED_FR)
def test_gendered_wording_fr(text, evidence):
    flags = find_gendered_wording(text, "fr")
    assert evidence in [f.evidence for f in flags if f.severity == "warning"]
    assert_spans(text, flags)


@pytest.mark.parametrize("text,evidence", GENDERED_EN)
def test_gendered_wording_en(text, evidence):
    flags = find_gendered_wording(text, "en")
    assert evidence in [f.evidence for f in flags if f.severity == "warning"]
    assert_spans(text, flags)


EPICENE = [
    ("Nous recherchons un.e account manager.", "fr"),
    ("Nous recherchons un·e commercial·e.", "fr"),
    ("Vous serez chargé·e du suivi; chargé.e de comptes.", "fr"),
    ("Il/elle sera autonome. Il ou elle devra voyager.", "fr"),
    ("Le/La candidat.e idéal.e; le candidat ou la candidate; un commercial ou une commerciale.", "fr"),
    ("Il s'agira de gérer; il sera nécessaire de voyager; il faudra parler anglais.", "fr"),
    ("He or she will manage accounts; s/he will travel; his or her portfolio.", "en"),
    ("Responsable de la relation client, vous êtes l'interlocuteur/l'interlocutrice des clients.", "fr"),
]


@pytest.mark.parametrize("text,lang", EPICENE)
def test_no_flag_on_epicene_forms(text, lang):
    assert [f for f in find_gendered_wording(text, lang) if f.severity == "warning"] == []


def test_masculine_coded_words_are_info_with_their_source():
    en = find_gendered_wording("A competitive, ambitious and driven person who leads. Competitive pay.", "en")
    coded = [f for f in en if f.severity == "info"]
    assert [f.evidence for f in coded] == ["competitive", "ambitious", "driven", "leads"]
    assert all("Gaucher" in f.message for f in coded)
    assert "2×" in coded[0].message
    fr = [f for f in find_gendered_wording("Un profil combatif et ambitieux.", "fr") if f.severity == "info"]
    assert [f.evidence for f in fr] == ["combatif", "ambitieux"]
    assert all("UNVALIDATED" in f.message for f in fr)
    assert [f for f in find_gendered_wording("Un profil curieux et organisé.", "fr") if f.severity == "info"] == []


def test_guide_epicene_forms_are_not_flagged():
    text = GUIDE.read_text(encoding="utf-8")
    flagged = [(f.start, f.end) for f in find_gendered_wording(text, "fr") if f.severity == "warning"]
    for form in ["un.e", "il/elle", "Il/Elle", "Le/La candidat.e", "chargé.e", "du/de la candidat.e", "privilégié.e"]:
        pos = text.find(form)
        assert pos >= 0, form
        while pos >= 0:
            assert all(e <= pos or s >= pos + len(form) for s, e in flagged), form
            pos = text.find(form, pos + 1)
