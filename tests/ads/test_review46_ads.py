"""Stop 46's hostile review of the ad drafter and linter (briefs written by a reviewer who never read the code).

1. A brief sentence holding a protected criterion used to be cut at « et », "and" and parentheses, and the rest was
   published: « Idéalement entre 25 », « E, uniquement », « Vous avez entre 22, une première expérience ». Only parts
   between commas or semicolons that stand on their own are kept now; otherwise the whole sentence goes.
2. Wordings the lexicon missed, in the drafter and the linter alike.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.ads import brief_from_dict, draft_job_ad
from assistant.ads.models import AdResult
from assistant.rules.safety import find_protected_criteria
from assistant.services import Services

TODAY = date(2026, 12, 6)


def draft(services: Services, **values: object) -> AdResult:
    return draft_job_ad(
        brief_from_dict({"company": "Acme", **values}, settings=services.settings), services, today=TODAY
    )


# --------------------------------------------------------------------------- 1. no fragment of a flagged sentence


@pytest.mark.parametrize(
    ("field", "value", "fragments"),
    [
        (
            "company_pitch",
            "Nous cherchons un profil jeune et dynamique pour rejoindre une équipe soudée. Idéalement entre 25 et 30 ans.",
            ["entre 25", "rejoindre une équipe soudée"],
        ),
        ("requirements", "- Maîtrise d'un CRM.\n- Jeune diplômé(e) uniquement.", ["E, uniquement", "uniquement"]),
        (
            "requirements",
            "- Vous avez entre 22 et 28 ans et une première expérience en vente.",
            ["entre 22", "une première expérience en vente."],
        ),
        ("requirements", "- Candidat(e) de moins de 35 ans.", ["Candidat, e", "- Candidat"]),
        ("requirements", "- Étudiant(e)s de moins de 25 ans s'abstenir.", ["s'abstenir", "Étudiant, e"]),
        ("requirements", "- Excellent relationnel et moins de 30 ans.", ["Excellent relationnel"]),
        ("requirements", "- Young and dynamic, under 30 and fluent in Spanish.", ["fluent in Spanish", "dynamic"]),
    ],
)
def test_no_fragment_of_a_flagged_sentence_reaches_the_ad(
    services, field: str, value: str, fragments: list[str]
) -> None:
    result = draft(services, **{field: value})
    assert any(f.kind == "discrimination" and f.severity == "error" for f in result.flags), result.flags
    body = result.text.casefold()
    for fragment in fragments:
        assert fragment.casefold() not in body, (fragment, result.text)
    assert find_protected_criteria(result.text, context="ad") == []


def test_clean_parts_between_commas_are_still_kept(services) -> None:
    result = draft(services, requirements="- Maîtrise de Salesforce, moins de 30 ans, anglais courant.")
    assert "Maîtrise de Salesforce" in result.text and "anglais courant" in result.text.casefold()
    assert "30 ans" not in result.text


# --------------------------------------------------------------------------- 2. wordings the lexicon missed

FLAGGED = [
    # age
    ("Not more than thirty years old.", "age"),
    ("Candidates must be under thirty-five years old.", "age"),
    ("Recent graduate only.", "age"),
    ("Must be a recent grad (class of 2024 or 2025).", "age"),
    ("We are looking for fresh blood.", "age"),
    ("25-30 yo.", "age"),
    ("Moins de 35 ands.", "age"),
    ("Senior s'abstenir.", "age"),
    ("Seniors need not apply.", "age"),
    # sex
    ("H uniquement.", "sex"),
    ("Femmes uniquement.", "sex"),
    ("Recherche JH dynamique.", "sex"),
    # origin
    ("Passeport UE uniquement.", "origin"),
    ("Français(e) de naissance.", "origin"),
    ("Must be a citizen of Ireland.", "origin"),
    ("Irish citizens only.", "origin"),
    # family
    ("Single, able to travel at short notice.", "family"),
    # health, appearance
    ("Physically fit.", "health"),
    ("Bonne condition physique exigée.", "health"),
    ("Minimum 1m70.", "appearance"),
    ("Taille minimum 1,75 m.", "appearance"),
    # residence
    ("Pas de banlieue, pas de 93.", "residence"),
    ("Résidant(e) du 16e arrondissement.", "residence"),
    # elected mandate, religion, union, economic vulnerability
    ("Pas d'élu(e) local(e).", "elected_mandate"),
    ("No headscarves.", "religion"),
    ("We are a union-free workplace.", "union"),
    ("Ne pas être au chômage depuis plus d'un an.", "economic_vulnerability"),
    ("Must not be on benefits.", "economic_vulnerability"),
    ("Long-term unemployed need not apply.", "economic_vulnerability"),
]

NOT_FLAGGED = [
    "Congé maternité et paternité allongés.",
    "Maternity leave topped up to full pay.",
    "Jeune entreprise de la e-santé.",
    "Âge moyen des comptes : 4 ans.",
    "A single point of contact for 30 accounts.",
    "A single, clear quota.",
    "Physical presence at the office three days a week.",
    "Taille de l'équipe : 12 personnes.",
    "Mutuelle santé prise en charge à 100 %.",
    "Must be eligible to work in the EU.",
    "Work permit for Ireland required.",
    "Passionné(e) de voile et de sport.",
    "Senior Account Manager (F/H).",
    "Poste senior : 5 ans d'expérience minimum.",
    "Clients : citizens' advice bureaus and councils.",
    "Fresh ideas welcome.",
    "Our clients include union federations and mutual insurers.",
    "Bureau à 10 minutes de la gare, accessible depuis toute la banlieue.",
    "Accompagner les demandeurs d'emploi de longue durée fait partie de nos missions.",
    # false positives the review found: maternity wards and markets, the age of accounts
    "Connaissance du marché de la maternité et de la puériculture.",
    "Nos clients : établissements de santé, maternités, crèches.",
    "Experience selling into pregnancy-care and elderly-care markets.",
    "We build a native app for health insurers and maternity clinics.",
    "Average account age: 4 years.",
]


@pytest.mark.parametrize(("text", "criterion"), FLAGGED)
def test_the_linter_flags_wordings_it_missed(text: str, criterion: str) -> None:
    found = find_protected_criteria(text, context="ad")
    assert found, text
    assert any(criterion.replace("_", " ") in f.message or criterion in f.message for f in found), [
        f.message for f in found
    ]


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_lawful_wordings_stay_clean(text: str) -> None:
    assert find_protected_criteria(text, context="ad") == [], text


def test_a_brief_with_the_missed_wordings_drafts_a_clean_ad(services) -> None:
    requirements = "\n".join(f"- {t}" for t, _ in FLAGGED)
    result = draft(services, requirements="- Maîtrise d'un CRM.\n" + requirements)
    assert "Maîtrise d'un CRM." in result.text
    assert find_protected_criteria(result.text, context="ad") == []
    for text, _ in FLAGGED:
        assert text.rstrip(".") not in result.text, text


@pytest.mark.parametrize(
    "text",
    [
        "Has a back condition, asked for an ergonomic chair.",
        "He mentioned a heart condition.",
        "Elle a un problème de dos.",
    ],
)
def test_a_health_condition_in_notes_is_flagged(text: str) -> None:
    """(stop 46's notes review) a health condition the interviewer wrote down raised no flag."""
    assert any("health" in f.message for f in find_protected_criteria(text, context="notes")), text


@pytest.mark.parametrize("text", ["The client had a back-office problem.", "Medical devices sector, 6 years."])
def test_health_words_about_other_things_are_not_flagged(text: str) -> None:
    assert find_protected_criteria(text, context="notes") == [], text


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ("Pendant sa maternité, elle a gardé ses comptes.", "pregnancy"),
        ("Back from maternity leave in March, asked about part-time.", "pregnancy"),
        ("She is pregnant.", "pregnancy"),
        ("Too old for a fast-paced team, in his late fifties.", "age"),
        ("Candidate's age: 52.", "age"),
    ],
)
def test_the_same_words_about_a_person_still_flag(text: str, criterion: str) -> None:
    assert any(criterion in f.message for f in find_protected_criteria(text, context="notes")), text


# --------------------------------------------------------------------------- 3. pay read without a word


def _pay_flags(result: AdResult) -> list[str]:
    return [f.message for f in result.flags if f.kind == "salary"]


def test_a_range_given_highest_first_is_stated_lowest_first_with_a_note(services) -> None:
    result = draft(services, salary="5 000 € - 3 000 € brut mensuel")
    assert "3 000 € à 5 000 €" in result.text
    assert any("highest first" in m for m in _pay_flags(result)), _pay_flags(result)


def test_selon_profil_beside_a_range_is_reported_as_left_out(services) -> None:
    result = draft(services, salary="3 000 € - 3 400 € brut mensuel, ou selon profil")
    assert "selon profil" not in result.text
    assert any("selon profil" in m for m in _pay_flags(result)), _pay_flags(result)


@pytest.mark.parametrize("salary", ["3 000 € - 300 000 € brut mensuel", {"min": 3000, "max": 3000000}])
def test_an_implausibly_wide_range_is_flagged(services, salary) -> None:
    result = draft(services, salary=salary)
    assert any("wide" in m for m in _pay_flags(result)), _pay_flags(result)


def test_an_ordinary_range_gets_none_of_these_notes(services) -> None:
    result = draft(services, salary="3 000 € - 3 400 € brut mensuel")
    assert not any(w in m for m in _pay_flags(result) for w in ("highest first", "selon profil", "wide"))


@pytest.mark.parametrize(
    ("salary", "contract", "below"),
    [
        ("1 200 € brut mensuel", "CDI", True),
        ("20 000 € brut annuel", "CDD", True),
        ("1 300 € net mensuel", "CDI", True),
        ("2 000 € brut mensuel", "CDI", False),
        ("1 500 € net mensuel", "CDI", False),
        ("800 € mensuels", "stage", False),  # an intern's allowance is not a wage
        ("1 200 € brut mensuel", "alternance", False),  # apprentices have their own minimum, by age
    ],
)
def test_pay_below_the_minimum_wage_is_flagged_for_a_job_in_france(
    services, salary: str, contract: str, below: bool
) -> None:
    result = draft(services, salary=salary, contract=contract)
    assert any("SMIC" in m for m in _pay_flags(result)) is below, _pay_flags(result)


def test_the_minimum_wage_is_a_french_rule(services) -> None:
    result = draft(services, salary="1 200 € brut mensuel", country="IE", language="en", location="Dublin")
    assert not any("SMIC" in m for m in _pay_flags(result))


# --------------------------------------------------------------------------- 4. experience caps (indirect age)

CAPS = [
    "5 à 8 ans d'expérience max.",
    "Pas plus de 3 ans d'expérience.",
    "Expérience : 2 ans maximum.",
    "Maximum 5 years of experience.",
    "No more than 3 years' experience.",
    "Profil surqualifié s'abstenir.",
    "Overqualified candidates need not apply.",
]
NO_CAP = [
    "Au moins 5 ans d'expérience en gestion de comptes clés.",
    "Expérience : 3 à 5 ans en vente B2B.",
    "5 years of experience minimum.",
    "Up to 30 accounts, maximum 5 days of travel a month.",
    "Gérer au maximum 40 comptes.",
]


@pytest.mark.parametrize("text", CAPS)
def test_an_experience_cap_is_a_warning_in_an_ad(text: str) -> None:
    from assistant.rules.compliance import lint_ad

    ad = f"# Account Manager (F/H)\n\n*Publiée le 6 décembre 2026*\n\n- {text}\n\nSalaire : 3 000 € à 3 400 € bruts mensuels.\n"
    caps = [f for f in lint_ad(ad) if f.kind == "discrimination"]
    assert caps and all(f.severity == "warning" for f in caps), caps
    assert "experience" in caps[0].message.casefold()


@pytest.mark.parametrize("text", NO_CAP)
def test_a_minimum_or_a_workload_is_no_experience_cap(text: str) -> None:
    from assistant.rules.compliance import lint_ad

    ad = f"# Account Manager (F/H)\n\n*Publiée le 6 décembre 2026*\n\n- {text}\n\nSalaire : 3 000 € à 3 400 € bruts mensuels.\n"
    assert [f for f in lint_ad(ad) if f.kind == "discrimination"] == []


def test_a_brief_with_an_experience_cap_drafts_an_ad_without_it(services) -> None:
    result = draft(services, requirements="- Maîtrise d'un CRM.\n- 5 à 8 ans d'expérience max.\n- Senior s'abstenir.")
    assert "8 ans" not in result.text and "Maîtrise d'un CRM." in result.text
    caps = [f for f in result.flags if "8 ans" in (f.evidence or "")]
    assert caps and caps[0].severity == "warning", result.flags


def test_the_leave_of_the_person_the_hire_replaces_is_not_about_the_candidate() -> None:
    """(stop 46's notes review) a context line about the colleague being replaced raised a pregnancy flag."""
    text = "Contexte : on recrute pour remplacer Julie, partie en congé maternité."
    assert find_protected_criteria(text, context="notes") == []
    assert find_protected_criteria("Elle rentre de congé maternité en mars.", context="notes")
