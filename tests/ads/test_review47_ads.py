"""Stop 47's hostile review of the ad linter and drafter (147 ads and briefs written by a reviewer who never read the
code; the exact wordings below are theirs).

1. Wordings the lexicon missed: ties and dependants, abbreviations (« Célib. sans enf. », « Nat. française »),
   citizenship, appearance, residence named without a verb, a hyphenated mother tongue, union membership.
2. Indirect criteria (warnings, ads only): how recently the applicant graduated (an indirect age criterion, like an
   experience cap) and a non-smoker requirement (private life, not a protected criterion of L1132-1).
3. Look-alikes that raised errors: what the clients sell, a company's age, the team's nationalities, an accessible
   office, a recognised union.
4. The drafter cut « Nat. française exigée » at the abbreviation's full stop and published both halves.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.ads import brief_from_dict, draft_job_ad
from assistant.ads.models import AdResult
from assistant.rules.compliance import lint_ad
from assistant.rules.safety import find_protected_criteria
from assistant.services import Services

TODAY = date(2026, 12, 6)


def draft(services: Services, **values: object) -> AdResult:
    return draft_job_ad(
        brief_from_dict({"company": "Acme", **values}, settings=services.settings), services, today=TODAY
    )


def an_ad(line: str) -> str:
    return (
        "# Account Manager (F/H)\n\n*Publiée le 6 décembre 2026*\n\nChargé·e de comptes clients, CDI à Lyon.\n\n"
        f"- {line}\n\nSalaire : 3 000 € à 3 400 € bruts mensuels.\n"
    )


# --------------------------------------------------------------------------- 1. protected criteria the lexicon missed

FLAGGED = [
    # family situation
    ("Disponible et sans attaches, prêt(e) à voyager", "family"),
    ("Sans attache, mobile", "family"),
    ("Libre de toute attache familiale", "family"),
    ("Célib. sans enf., dispo de suite", "family"),
    ("No dependants", "family"),
    ("No dependents, free to relocate", "family"),
    ("No dependants or family ties", "family"),
    ("Childless candidates preferred", "family"),
    ("Perfect for a fresh graduate with no dependants.", "family"),
    # origin, nationality
    ("Nat. française exigée", "origin"),
    ("Citoyenneté française obligatoire", "origin"),
    # appearance, religion
    ("Belle présentation", "appearance"),
    ("Healthy BMI", "appearance"),
    ("Youthful energy and look", "age"),
    ("Early twenties", "age"),
    ("Pas de barbe ni de voile", "appearance"),
    # place of residence
    ("Banlieue s'abstenir", "residence"),
    ("Habitant Lyon uniquement", "residence"),
    ("Résidence : Lyon uniquement", "residence"),
    ("Domicilié(e) à Lyon", "residence"),
    # mother tongue, union, date of birth
    ("Mother-tongue English", "mother tongue"),
    ("Must not be a member of any union", "union"),
    ("Must provide a photo and DOB", "age"),
]


@pytest.mark.parametrize(("text", "criterion"), FLAGGED)
def test_the_linter_flags_wordings_it_missed(text: str, criterion: str) -> None:
    found = find_protected_criteria(text, context="ad")
    assert found, text
    assert any(criterion.replace("_", " ") in f.message for f in found), [f.message for f in found]


@pytest.mark.parametrize(("text", "criterion"), FLAGGED)
def test_the_missed_wordings_are_errors_in_an_ad(text: str, criterion: str) -> None:
    assert any(f.kind == "discrimination" and f.severity == "error" for f in lint_ad(an_ad(text))), text


# --------------------------------------------------------------------------- 2. indirect criteria: warnings

GRADUATION = [
    "Première expérience, idéalement moins de 3 ans après le diplôme",
    "Moins de 3 ans après le diplôme",
    "Diplômé(e) depuis moins de 2 ans",
    "Idéalement moins de 3 ans d'ancienneté de diplôme",
    "Sortie d'école récente exigée",
    "Candidat issu de la promo 2025.",
    "Recent graduate (graduated 2023 or later)",
    "Fresh graduate",
    "Fresh graduates welcome (Class of 2024)",
    "Graduated within the last 2 years",
    "Graduated in the last 3 years",
    "Max 5 years since graduation",
]
SMOKING = [
    "Non-fumeur",
    "Non fumeuse",
    "Non-fumeur(se) impératif",
    "Pas de fumeurs",
    "Non-smoker",
    "No smokers",
    "Smoke-free lifestyle required",
]


@pytest.mark.parametrize("text", GRADUATION)
def test_how_recently_one_graduated_is_an_indirect_age_criterion(text: str) -> None:
    found = [f for f in lint_ad(an_ad(text)) if f.kind == "discrimination"]
    assert found, text
    assert any(f.severity == "warning" and "graduat" in f.message.casefold() for f in found), found


@pytest.mark.parametrize("text", SMOKING)
def test_a_non_smoker_requirement_is_a_private_life_warning(text: str) -> None:
    found = [f for f in lint_ad(an_ad(text)) if f.kind == "private_life"]
    assert found and all(f.severity == "warning" for f in found), text
    assert "L1121-1" in found[0].message


NOT_INDIRECT = [
    "Diplôme de niveau bac+3 minimum.",
    "Formation : école de commerce ou université.",
    "Graduate degree in business or equivalent experience.",
    "Graduate programme open to career changers.",
    "Espace fumeur sur la terrasse.",
    "Bureaux non-fumeurs, comme la loi l'impose.",
    "Promotion 2025 de nos offres de printemps.",
    "Vous faites la promotion de nos offres auprès des clients.",
]


@pytest.mark.parametrize("text", NOT_INDIRECT)
def test_a_degree_or_the_smoking_ban_is_no_indirect_criterion(text: str) -> None:
    assert [f for f in lint_ad(an_ad(text)) if f.kind in ("discrimination", "private_life")] == [], text


# --------------------------------------------------------------------------- 3. look-alikes

NOT_FLAGGED = [
    "Nous équipons les marques digital natives (DNVB) et les enseignes physiques.",
    "We sell to digitally native brands and kids' fashion retailers.",
    "Lumen est une entreprise jeune (créée en 2021) et rentable.",
    "Nos clients : enseignes de prêt-à-porter homme, femme et enfant.",
    "Lumen édite une application de suivi de grossesse pour les maternités.",
    "Our customers include young fashion brands and baby-care retailers.",
    "We recognise a trade union and negotiate pay collectively.",
    "Team size: 25, across 9 nationalities.",
    "Our office is wheelchair accessible.",
]


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_lawful_wordings_stay_clean(text: str) -> None:
    assert find_protected_criteria(text, context="ad") == [], text


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ("Vous êtes jeune et dynamique.", "age"),
        ("Native speaker only.", "mother tongue"),
        ("No union members.", "union"),
        ("Pas de femmes enceintes.", "pregnancy"),
        ("Candidates with kids need not apply.", "family"),
        ("Wheelchair users need not apply.", "health"),
        ("Nationalité française exigée.", "origin"),
    ],
)
def test_the_same_words_about_the_applicant_still_flag(text: str, criterion: str) -> None:
    found = find_protected_criteria(text, context="ad")
    assert any(criterion in f.message for f in found), (text, [f.message for f in found])


# --------------------------------------------------------------------------- 4. the drafter


def test_a_brief_with_the_missed_wordings_drafts_a_clean_ad(services) -> None:
    wordings = [t for t, _ in FLAGGED] + GRADUATION + SMOKING
    result = draft(services, requirements="- Maîtrise d'un CRM.\n" + "\n".join(f"- {t}" for t in wordings))
    assert "Maîtrise d'un CRM." in result.text
    assert [f for f in lint_ad(result.text) if f.kind in ("discrimination", "private_life")] == []
    for text in wordings:
        assert text.rstrip(".") not in result.text, text
    for piece in ("française exigée", "Nat.", "Célib.", "fumeu", "smok", "graduat", "attache", "dependants"):
        assert piece not in result.text, piece


def test_an_abbreviation_does_not_cut_a_sentence_in_two(services) -> None:
    """« Nat. française exigée. » was published as two bullets, « Nat. » and « française exigée. »."""
    result = draft(services, requirements="Maîtrise d'un CRM. Nat. française exigée. Sortie d'école récente.")
    assert "Maîtrise d'un CRM." in result.text
    assert "française" not in result.text and "Nat." not in result.text
    quoted = [f.evidence for f in result.flags if f.evidence]
    assert any("Nat. française exigée" in q for q in quoted), quoted


def test_a_flagged_sentences_other_half_is_not_published_alone(services) -> None:
    """ "We want a digital native, recent graduate." left "Recent graduate." in the ad."""
    result = draft(services, language="en", company_pitch="We want a digital native, recent graduate.")
    assert "graduate" not in result.text.casefold()


def test_a_part_taken_out_leaves_no_separator_behind(services) -> None:
    """« un portefeuille d'une dizaine de comptes clés ; compte dans une banque française exigé » gave « …clés ;. »."""
    result = draft(
        services, accounts="un portefeuille d'une dizaine de comptes clés ; compte dans une banque française exigé"
    )
    assert "Votre périmètre : un portefeuille d'une dizaine de comptes clés." in result.text
    assert "banque" not in result.text


def test_clients_and_accommodations_in_a_brief_reach_the_ad(services) -> None:
    """(stop 47's second ads review) these innocent sentences were cut from drafted ads as discriminatory."""
    pitch = (
        "Nous aménageons les horaires pour les fêtes religieuses. "
        "Nos clients sont des centres de lutte contre le cancer et des centres de santé mentale."
    )
    result = draft(services, company_pitch=pitch)
    assert "fêtes religieuses" in result.text and "santé mentale" in result.text


# --------------------------------------------------------------------------- 5. gendered nouns the linter missed


@pytest.mark.parametrize(
    "text",
    [
        "Commerciale dynamique recherchée.",
        "Hôtesse d'accueil bilingue pour le salon client.",
        "Ideal for a guy who loves to hunt deals.",
        "Sales rep (m)",
        "Vendeur expérimenté souhaité.",
        # (probe of stop 53) a team or the readers called "guys"
        "Hey guys, we are hiring an account manager!",
        "Join a great team of sales guys in Berlin.",
        # (review of stop 54)
        "Hey, guys! We are hiring.",
        "A team of 5 guys in Berlin.",
        "You'll fit right in with the guys.",
        "Join our team of five guys in Dublin.",
    ],
)
def test_a_one_sex_job_noun_or_marker_is_gendered_wording(text: str) -> None:
    from assistant.rules.compliance import find_gendered_wording

    assert [f for f in find_gendered_wording(text, None) if f.severity == "warning"], text


@pytest.mark.parametrize(
    "text",
    [
        "Commercial·e dynamique recherché·e.",
        "Hôte ou hôtesse d'accueil bilingue.",
        "Commercial ou commerciale recherché(e).",
        "Temps de travail : 35 h (hebdo).",
        "The guys at our Dublin office will onboard you.",
    ],
)
def test_balanced_or_unrelated_wording_is_not_gendered(text: str) -> None:
    from assistant.rules.compliance import find_gendered_wording

    assert [f for f in find_gendered_wording(text, None) if f.severity == "warning"] == [], text


def test_an_adjective_before_sought_is_no_job_noun() -> None:
    from assistant.rules.compliance import find_gendered_wording

    for text in ("Profil commercial recherché.", "Un profil expert recherché pour ce poste."):
        assert [f for f in find_gendered_wording(text, None) if f.severity == "warning"] == [], text


def test_a_job_outside_france_gets_no_french_contract_name(services) -> None:
    """(stop 46's review) a Dublin ad read "Permanent contract (CDI)"; an English ad for a job in France keeps it."""
    dublin = draft(services, language="en", country="IE", location="Dublin", contract="CDI")
    assert "(CDI)" not in dublin.text and "ermanent contract" in dublin.text
    paris = draft(services, language="en", country="FR", location="Paris", contract="CDI")
    assert "(CDI)" in paris.text


@pytest.mark.parametrize(
    ("text", "criterion"),
    [("Profil : H, 25-35", "sex"), ("Profil : H, 25-35", "age"), ("Profil : F.", "sex"), ("Profil : 25-35", "age")],
)
def test_a_profile_given_as_a_sex_letter_and_an_age_bracket_is_flagged(text: str, criterion: str) -> None:
    """(stop 46's review, left then) « Profil : H, 25-35 » raised nothing."""
    assert any(criterion in f.message for f in find_protected_criteria(text, context="ad")), text


@pytest.mark.parametrize(
    "text", ["Profil : 25-35 comptes PME.", "Profil : hunter, 3-5 ans d'expérience.", "Profil : H/F"]
)
def test_a_profile_line_without_a_sex_or_an_age_stays_clean(text: str) -> None:
    assert find_protected_criteria(text, context="ad") == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Our offices are non-smoking.",
        "Non-smoking office in central Lyon.",
        "Nos bureaux sont non-fumeurs.",
        "Les opérations promo 2025 en magasin.",
        "Recent graduates and experienced sellers alike are welcome.",
    ],
)
def test_the_premises_a_promotion_or_an_open_door_is_no_indirect_criterion(text: str) -> None:
    assert [f for f in lint_ad(an_ad(text)) if f.kind in ("discrimination", "private_life")] == [], text


@pytest.mark.parametrize("text", ["You will report to a guy named Tom."])
def test_a_host_or_a_named_colleague_is_no_gendered_wording(text: str) -> None:
    from assistant.rules.compliance import find_gendered_wording

    assert [f for f in find_gendered_wording(text, None) if f.severity == "warning"] == [], text


def test_the_restaurant_chain_is_no_gendered_wording() -> None:
    from assistant.rules.compliance import find_gendered_wording

    for text in (
        "Our clients include Five Guys and other restaurant chains.",
        "Join a team of Five Guys, our largest restaurant client.",
        "Hello Guys Inc. is a client.",
        "A team of guys and girls.",
    ):
        assert not [f for f in find_gendered_wording(text, "en") if f.severity == "warning"], text
