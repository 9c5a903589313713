"""Personal data stop 53's outside probe of notes found unflagged in evidence quotes, phrasings of the same classes
written here, and look-alikes."""

from __future__ import annotations

import pytest

from assistant.rules.pii import find_pii


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Passport no. 18AB12345, English fluent", "18AB12345"),
        ("sent her portfolio from sophie.durand@protonmail yesterday", "sophie.durand@protonmail"),
        ("CNI n° 123456789012 photocopiée par erreur", "123456789012"),
        ("Titre de séjour : 7501234567, valable 2028", "7501234567"),
        ("Driving licence number DUPON657281JD9 seen at reception", "DUPON657281JD9"),
        ("Réponse depuis jean.martin@gmail hier soir", "jean.martin@gmail"),
    ],
)
def test_an_identity_number_or_a_webmail_address_is_personal_data(text: str, value: str) -> None:
    assert value in [f.evidence for f in find_pii(text)], [f.evidence for f in find_pii(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Passport control in Dublin took an hour.",
        "Carte d'identité : à fournir à l'embauche.",
        "ID card number ABCDEFG is not a number.",
        "Mentioned @Acme as her last employer.",
        "She moved the team from Outlook to Gmail.",
    ],
)
def test_look_alikes_hold_no_identity_number_or_address(text: str) -> None:
    assert not [f for f in find_pii(text) if f.message.startswith(("Identity", "E-mail"))], text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Site perso : www.julie-martin.fr", "www.julie-martin.fr"),
        ("Her personal website: juliemartin.io, very polished", "juliemartin.io"),
        ("portfolio https://juliemartin.com/work", "https://juliemartin.com/work"),
        ("son blog est julie.substack.com", "julie.substack.com"),
        # (review of stop 54) no separator, a comma, "is at"
        ("site perso isabelle-martin.fr", "isabelle-martin.fr"),
        ("Her website, juliemartin.com", "juliemartin.com"),
        ("his website is at jm.dev", "jm.dev"),
        # (second review of stop 54) « son site » with a label's separator is the candidate's
        ("Julie nous a montré son site : www.julie-martin.fr", "www.julie-martin.fr"),
        ("Son site web : julie-martin.fr", "julie-martin.fr"),
    ],
)
def test_a_website_the_notes_call_the_candidates_own_is_personal_data(text: str, value: str) -> None:
    """(stop 53's outside probe of notes) A personal website went to the scorecard and the model unredacted."""
    assert value in [f.evidence for f in find_pii(text)], [f.evidence for f in find_pii(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Notre site : www.acme.fr",
        "Acme et son site www.acme.fr",
        "Elle a cité https://www.salesforce.com dans sa présentation",
        "Portfolio solide de 40 comptes. Pipeline bien tenu.",
        "portfolio: 40 accounts, mostly retail.",
    ],
)
def test_a_company_site_or_a_portfolio_of_accounts_is_no_personal_site(text: str) -> None:
    assert not find_pii(text), [f.evidence for f in find_pii(text)]
