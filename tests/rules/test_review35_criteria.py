"""Defects found by the review of da93473 (stop 34) in the protected-criteria checks, each fixed by its class and tested here with its
lawful counterpart:
- an equal-opportunity statement or a perk excuses only the mention it frames, never a restrictive criterion next
  to it (an age threshold, « de préférence », « idéal pour », « sans enfants »);
- word-list gaps (origin, disability, age, looks, residence, bank, political opinions), in ads and in notes;
- one-sex title markers « (H/H) » are no gender marker; « (H ou F) » and « (HF) » are;
- lawful inclusive wording (« ouvert aux travailleurs handicapés », "of all ages") is not an error."""

from __future__ import annotations

import pytest
from notes_helpers import flag_kinds

from assistant.rules.compliance import lint_ad, title_flags
from assistant.rules.criteria import find_protected_criteria
from assistant.rules.gendered import MARKER


def _ad(text: str) -> list[str]:
    return [f.evidence for f in find_protected_criteria(text, context="ad")]


def _ad_errors(text: str) -> list[str]:
    ad = "# Account Manager (F/H)\n\nChargé·e de comptes clients.\n\n" + text + "\n"
    return [f.evidence for f in lint_ad(ad) if f.kind == "discrimination" and f.severity == "error"]


# --------------------------------------------------------------------------- 1. equal opportunity frames one mention


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Poste ouvert aux personnes de moins de 35 ans.", "moins de 35 ans"),
        ("Hommes ou femmes, célibataires de préférence.", "célibataires"),
        ("Open to candidates under 30.", "under 30"),
        ("Notre équipe inclusive recherche un homme de moins de 35 ans, sans enfants.", "moins de 35 ans"),
        ("Notre équipe inclusive recherche un homme de moins de 35 ans, sans enfants.", "enfants"),
        ("Télétravail possible : idéal pour une mère de famille.", "famille"),
        ("Congé maternité : nous préférons les candidates qui n'en prendront pas.", "Congé maternité"),
        ("We welcome all applicants, ideally under 40.", "under 40"),
        ("Diversité et inclusion : profil de plus de 50 ans idéalement.", "plus de 50 ans"),
        ("Equal opportunity employer; mutuelle offerte, idéal pour un jeune papa.", "jeune papa"),
        ("Notre équipe inclusive recherche un homme.", "homme"),
        ("Our inclusive team is looking for a man.", "man"),
    ],
)
def test_equal_opportunity_does_not_excuse_a_restriction(text: str, evidence: str) -> None:
    assert any(evidence in flagged for flagged in _ad(text)), _ad(text)


@pytest.mark.parametrize(
    "text",
    [
        "Poste ouvert aux personnes handicapées.",
        "Poste ouvert à tous, hommes ou femmes.",
        "Nous recrutons sans distinction de sexe : un homme ou une femme.",
        "Equal opportunity: whether you are a man or a woman, apply.",
        "Nous recrutons sans distinction d'âge, de sexe ou d'origine.",
        "Candidates are considered regardless of age, gender or religion.",
        "We welcome applicants of all ages.",
        "Nous proposons un congé maternité rallongé.",
        "Télétravail possible, mutuelle prise en charge à 100 % pour toute la famille.",
        "Our company does not discriminate on the basis of age, sex or disability.",
    ],
)
def test_equal_opportunity_still_excuses_what_it_frames(text: str) -> None:
    assert _ad(text) == []


# --------------------------------------------------------------------------- 2. word-list gaps


@pytest.mark.parametrize(
    "text",
    [
        "Vous êtes blanc.",
        "Must be white.",
        "Profil caucasien.",
        "Candidats originaires du Maghreb s'abstenir.",
        "Patronyme français.",
        "Must have a French-sounding name.",
        "Pas de personnes en fauteuil roulant.",
        "Idéalement trentenaire.",
        "Candidat·e né·e dans les années 90.",
        "Max. 35 years.",
        "Candidates must be between 25 and 35.",
        "Profil de moins de 35 balais.",
        "Vous êtes mince.",
        "Vous êtes belle.",
        "Must be slim.",
        "Must be attractive.",
        "Vous résidez à Lyon ou en proche banlieue.",
        "Pas de candidats du 93.",
        "Candidats de province s'abstenir.",
        "Parisien·ne de préférence.",
        "Compte bancaire dans une banque française.",
        "Must bank with Barclays.",
        "Apolitique.",
    ],
)
def test_ad_gaps_are_flagged(text: str) -> None:
    assert _ad(text), text


@pytest.mark.parametrize(
    "text",
    [
        "- Originaire du Maroc, très bonne écoute, reformule bien.",
        "- Il est blanc et très à l'aise à l'oral.",
        "- Trentenaire, maîtrise parfaitement Salesforce.",
        "- Elle se déplace en fauteuil roulant.",
        "- Candidate ronde, tenue négligée.",
        "- Il a voté RN aux dernières élections.",
        "- Il a 52 balais.",
    ],
)
def test_notes_gaps_are_flagged(text: str) -> None:
    assert "discrimination" in flag_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "- A rédigé un livre blanc sur la prospection.",
        "- Wrote a white paper on churn; sold a white-label platform.",
        "- Face à une page blanche, il a structuré tout le plan de compte.",
        "- Le produit, originaire du Japon, se vend bien en GMS.",
        "- Works on slim margins in retail, still hit 110 %.",
        "- Margins are slim in this sector.",
        "- A bouclé une ronde de financement de 3 M€ côté client.",
        "- Closed the deal right after the client's funding round.",
        "- Une belle réussite sur le compte Danone.",
        "- Couvre la province pour un grossiste, 120 clients.",
        "- 93 % de renouvellement sur son portefeuille.",
        "- Managed between 25 and 35 accounts at a time.",
        "- Gère entre 25 et 35 clients par trimestre.",
        "- La marge est mince sur ce segment.",
        "- Notre entreprise a 30 ans, elle a vendu à 12 enseignes.",
        "- Le client est originaire de Lyon, il a signé en deux rendez-vous.",
        "- Vend des fauteuils roulants électriques aux EHPAD.",
        "- Les profils du 75 sont rares sur ce marché.",
        "- Managed the bank account with HSBC for the client.",
        "- Gros comptes parisiens uniquement dans son portefeuille.",
        "- Le produit est blanc, la marque est connue.",
        "- Il vote pour la solution la moins chère en comité.",
        "- Remplit les cases blanches du tableau de suivi chaque lundi.",
        "- This white paper on churn was hers; our team white-glove service too.",
    ],
)
def test_notes_business_senses_are_not_flagged(text: str) -> None:
    assert "discrimination" not in flag_kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vous publierez un livre blanc par trimestre.",
        "You will sell our white-label platform.",
        "Vous couvrez la province (Grand Ouest) pour notre réseau de distributeurs.",
        "Objectif : 93 % de renouvellement.",
        "You will manage between 25 and 35 accounts.",
        "Vous gérez entre 25 et 35 clients.",
        "Nous vendons des produits originaires d'Italie.",
        "Slim margins, high volumes: a demanding market.",
        "Nous préférons les candidatures par e-mail.",
        "Idéalement, vous avez 3 ans d'expérience en SaaS.",
        "Nous accueillons toutes les candidatures, de préférence avant le 15 janvier.",
        "Nous avons signé un accord avec les syndicats.",
        "Vous prospectez des clients parisiens de préférence.",
    ],
)
def test_ad_business_senses_are_not_flagged(text: str) -> None:
    assert _ad(text) == []


# --------------------------------------------------------------------------- 3. title markers


@pytest.mark.parametrize("marker", ["(H/H)", "(F/F)", "(M/M)", "(W/W)"])
def test_one_sex_markers_are_no_marker(marker: str) -> None:
    assert not MARKER.search(f"account manager {marker}".lower())
    flags = title_flags(f"Account Manager {marker}", language="fr")
    assert any(f.kind == "gendered_wording" and f.severity == "warning" for f in flags)


@pytest.mark.parametrize(
    "marker", ["(H ou F)", "(F ou H)", "(HF)", "(FH)", "(F/H)", "(H/F)", "(M/F)", "(H/F/X)", "(m/w/d)"]
)
def test_inclusive_markers_are_accepted(marker: str) -> None:
    assert MARKER.search(f"account manager {marker}".lower())


# --------------------------------------------------------------------------- 4. lawful inclusive wording


@pytest.mark.parametrize(
    "text",
    [
        "Ce poste est ouvert aux travailleurs handicapés.",
        "Les candidatures RQTH sont les bienvenues.",
        "Candidates of all ages, genders and backgrounds are welcome.",
        "Parité femmes/hommes dans l'équipe de direction.",
        "Accord de télétravail signé avec les organisations syndicales.",
        "Notre entreprise a 30 ans.",
        "Nous vendons des produits pour bébés et jeunes parents.",
        "Vous suivrez l'état de santé du portefeuille client.",
        "Vous habitez la relation client au quotidien.",
    ],
)
def test_lawful_inclusive_wording_is_not_an_error(text: str) -> None:
    assert _ad_errors(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ce poste n'est pas ouvert aux travailleurs handicapés.",
        "Vous habitez à Lyon.",
        "Il a 30 ans.",
        "Vous êtes en bonne santé.",
        "Hommes uniquement.",
        "Vous êtes noire.",
        "The candidate is Black.",
    ],
)
def test_their_unlawful_counterparts_still_are(text: str) -> None:
    assert _ad(text), text


def test_a_post_not_open_to_disabled_workers_is_still_flagged() -> None:
    """« non ouvert » negates the welcome as « n'est pas ouvert » does (tests/hostile's ad_fr_hit_disability_01)."""
    from assistant.rules.compliance import lint_ad

    for body in ("Poste non ouvert aux travailleurs handicapés.", "Poste non-ouvert aux travailleurs handicapés."):
        ad = f"# Account Manager (F/H)\n\nPubliée le 01/12/2026.\n\n{body}\n"
        assert "discrimination" in [f.kind for f in lint_ad(ad, language="fr")], body
