"""Protected criteria (Code du travail L1132-1) in notes and ads, French and English, with exact spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.rules.criteria import find_protected_criteria
from assistant.rules.safety import check_notes

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "knowledge" / "account-manager" / "guide.md"
SEED = Path("/work/shared/seeds/000_ab6fb0d2c3b8cba9.txt")


def _spans_ok(text: str, flags) -> None:
    for f in flags:
        assert f.start is not None and f.end is not None
        assert text[f.start : f.end] == f.evidence, f


# --------------------------------------------------------------------------- notes and ads

NOTES_POSITIVE = [
    ("Elle a 45 ans, très dynamique.", "a 45 ans"),
    ("Profil de moins de 30 ans.", "moins de 30 ans"),
    ("Candidat dans la cinquantaine.", "dans la cinquantaine"),
    ("Né en 1975 à Lyon.", "Né en 1975"),
    ("Un peu trop vieux pour l'équipe.", "trop vieux"),
    ("He is 52 years old.", "52 years old"),
    ("She seems too old for the team.", "too old"),
    ("Préfère un homme pour ce poste.", "homme"),
    ("We'd rather hire a man.", "man"),
    ("Mariée, deux enfants.", "Mariée"),
    ("Mariée, deux enfants.", "enfants"),
    ("Mère célibataire, garde d'enfants compliquée.", "Mère célibataire"),
    ("Married with three kids.", "Married"),
    ("Mother of two.", "Mother of"),
    ("Elle est enceinte de 4 mois.", "enceinte"),
    ("Congé maternité prévu en mars.", "Congé maternité"),
    ("She is pregnant.", "pregnant"),
    ("D'origine maghrébine.", "D'origine maghrébine"),
    ("Fort accent du sud.", "accent du sud"),
    ("Nationalité française exigée.", "Nationalité française exigée"),
    ("Foreign-sounding name.", "Foreign-sounding name"),
    ("Musulmane, porte le voile.", "Musulmane"),
    ("Musulmane, porte le voile.", "porte le voile"),
    ("Va à la mosquée le vendredi.", "mosquée"),
    ("Goes to church every Sunday.", "church"),
    ("Syndiqué à la CGT.", "Syndiqué"),
    ("Former union member.", "union member"),
    ("Militant politique d'extrême gauche.", "Militant politique"),
    ("Known for his political views.", "political views"),
    ("Il est gay.", "gay"),
    ("Personne transgenre.", "transgenre"),
    ("Physique agréable, bonne présentation.", "Physique agréable"),
    ("Physique agréable, bonne présentation.", "bonne présentation"),
    ("Overweight but friendly.", "Overweight"),
    ("Souvent malade, arrêt maladie l'an dernier.", "malade"),
    ("Souvent malade, arrêt maladie l'an dernier.", "arrêt maladie"),
    ("Travailleur handicapé (RQTH).", "handicapé"),
    ("Has a disability.", "disability"),
    ("Habite en banlieue, loin du bureau.", "Habite en"),
    ("Lives in a rough neighbourhood.", "Lives in"),
    ("Nom à consonance étrangère.", "Nom à consonance étrangère"),
    ("Interdit bancaire depuis 2020.", "Interdit bancaire"),
    ("Ancienne lanceuse d'alerte chez son employeur.", "lanceuse d'alerte"),
    ("Conseiller municipal dans sa commune.", "Conseiller municipal"),
    ("Parle arabe à la maison.", "Parle arabe à la maison"),
    ("Test ADN évoqué.", "Test ADN"),
    ("Bénéficiaire du RSA.", "RSA"),
    ("Was homeless for a year.", "homeless"),
]


@pytest.mark.parametrize("text,evidence", NOTES_POSITIVE)
def test_protected_criteria_in_notes(text, evidence):
    flags = find_protected_criteria(text, context="notes")
    assert evidence in [f.evidence for f in flags], [f.evidence for f in flags]
    assert all(f.kind == "discrimination" and f.severity == "error" for f in flags)
    assert all("L1132-1" in f.message and "L1221-6" in f.message for f in flags)
    _spans_ok(text, flags)


NOTES_NEGATIVE = [
    "5 ans d'expérience en B2B, dont 3 ans chez un éditeur SaaS.",
    "Plus de 10 ans d'expérience dans le secteur.",
    "A travaillé pour une jeune entreprise puis une jeune pousse de la fintech.",
    "Worked at a young company, then as senior account manager.",
    "Relation de confiance avec un client historique.",
    "Score CSAT de 4/5 chez son ancien client.",
    "Anglais courant, a géré des clients internationaux.",
    "Parle anglais couramment et un peu d'allemand.",
    "Connaît la nationalité des clients de son portefeuille.",
    "Gère des comptes dans le secteur de la santé; mutuelle santé prise en charge.",
    "Met l'accent sur la satisfaction client.",
    "Pratique la voile en compétition.",
    "Sens de l'écoute, esprit d'analyse, force de propositions.",
    "Spécialisé dans une zone géographique: le Grand Est.",
    "Chiffre d'affaires de 2 M€ sur son portefeuille, 15 clients.",
    "Created the company in 2012 with a partner; leads a team of 4.",
    "Il a ignoré le client pendant deux semaines.",
    "Manager de proximité, présent depuis 20 ans sur le marché.",
    "Marie Dupont, account manager chez Acme.",
    "Prière de joindre un CV.",
]


@pytest.mark.parametrize("text", NOTES_NEGATIVE)
def test_no_false_alarm_on_ordinary_notes(text):
    assert find_protected_criteria(text, context="notes") == []


AD_OK = [
    "Nous recrutons sans distinction d'âge, de sexe, d'origine ou de handicap.",
    "We welcome applications from all backgrounds, regardless of age, gender or disability.",
    "Poste ouvert aux personnes en situation de handicap.",
    "Rejoignez une jeune entreprise en forte croissance.",
    "Join a young company as Senior Account Manager.",
    "5 ans d'expérience minimum, anglais courant exigé.",
    "Avantages : congé maternité et paternité allongé, mutuelle santé prise en charge à 100 %.",
    "Benefits: generous parental leave and health insurance.",
    "Équilibre vie professionnelle / vie privée respecté.",
]


@pytest.mark.parametrize("text", AD_OK)
def test_ad_context_allows_equal_opportunity_and_perks(text):
    assert find_protected_criteria(text, context="ad") == []


AD_BAD = [
    ("Jeune diplômé, moins de 30 ans.", "moins de 30 ans"),
    ("Nationalité française exigée.", "Nationalité française exigée"),
    ("Candidate must be under 35.", "under 35"),
    ("Bonne présentation exigée.", "bonne présentation"),
    ("Anglais langue maternelle.", "langue maternelle"),
    ("Native English speaker required.", "Native English speaker"),
    ("Résider à moins de 20 km du bureau.", "Résider à moins"),
    ("Pas de femmes enceintes.", "enceintes"),
]


@pytest.mark.parametrize("text,evidence", AD_BAD)
def test_ad_context_flags_requirements(text, evidence):
    flags = find_protected_criteria(text, context="ad")
    assert evidence.lower() in [f.evidence.lower() for f in flags], [f.evidence for f in flags]
    assert all("L5321-2" in f.message for f in flags)
    _spans_ok(text, flags)


def test_age_message_cites_l5331_2():
    (flag,) = find_protected_criteria("Moins de 30 ans.", context="ad")
    assert "L5331-2" in flag.message


def test_protected_criteria_bad_context():
    with pytest.raises(InputError):
        find_protected_criteria("x", context="cv")  # type: ignore[arg-type]


@pytest.mark.parametrize("path", [GUIDE, SEED], ids=["guide", "seed"])
@pytest.mark.parametrize("context", ["notes", "ad"])
def test_no_discrimination_flag_on_the_guide(path, context):
    if not path.exists():
        pytest.skip(f"{path} not found")
    assert find_protected_criteria(path.read_text(encoding="utf-8"), context=context) == []


# --------------------------------------------------------------------------- place of residence: a person's residence is a protected criterion; the job's location is not

RESIDENCE_AD_BAD = [
    ("Habite Paris.", "Habite"),
    ("Vous habitez impérativement dans le 92.", "habitez impérativement dans"),
    ("Résidence obligatoire à moins de 10 km de l'agence.", "Résidence obligatoire"),
    ("Must live in Lyon.", "Must live in"),
    ("Candidates must reside in Paris.", "must reside in"),
]
RESIDENCE_AD_OK = [
    "Poste basé à Paris, accessible en transports en commun.",
    "Localisation : Lyon.",
    "The role is based in Paris, two days remote.",
    "Déplacements en Île-de-France à prévoir.",
    "Le client habite à Lyon et nous rencontre chaque mois.",
]


@pytest.mark.parametrize("text,evidence", RESIDENCE_AD_BAD)
def test_residence_requirement_in_an_ad_is_flagged(text, evidence):
    flags = find_protected_criteria(text, context="ad")
    assert evidence in [f.evidence for f in flags], [f.evidence for f in flags]
    assert all("place of residence" in f.message for f in flags)
    _spans_ok(text, flags)


@pytest.mark.parametrize("text", RESIDENCE_AD_OK)
def test_job_location_is_not_a_residence_requirement(text):
    assert find_protected_criteria(text, context="ad") == []


def test_residence_in_notes_is_flagged_but_not_a_client_home():
    text = "Elle habite Créteil, bonne écoute du client."
    flags = check_notes(text).discrimination
    assert [f.evidence for f in flags] == ["habite"]
    assert "Créteil" in text[flags[0].start : flags[0].end + 9]
    assert check_notes("Le client habite à Lyon; elle l'a fidélisé en 6 mois.").flags == []
    assert check_notes("Habitué aux grands comptes; a été habité par le doute au début.").flags == []


# --------------------------------------------------------------------------- perks and doubled forms are lawful; exclusions stay errors

PERKS_OK = [
    "We offer maternity and paternity leave.",
    "Nous proposons un congé maternité et paternité au-delà du minimum légal.",
    "- Parental leave, flexible hours",
    "Parental leave, flexible hours and a family-friendly culture.",
    "Vous êtes un homme ou une femme de terrain.",
    "You will manage the Women's apparel and Men's footwear accounts.",
    "Vous gérez le rayon femme et la collection homme de nos clients.",
]


@pytest.mark.parametrize("text", PERKS_OK)
def test_no_discrimination_error_on_perks_doubled_forms_and_product_lines(text):
    assert find_protected_criteria(text, context="ad") == []


@pytest.mark.parametrize(
    "text,evidence",
    [
        ("Pas de femme enceinte.", "enceinte"),
        ("No pregnant candidates.", "pregnant"),
        # a perk in the same sentence does not excuse an exclusion
        ("No pregnant candidates, maternity leave policy applies.", "pregnant"),
        # "leave" alone is not a perk: only leave offered by the employer (maternity, parental...) is
        ("She is pregnant, so she will probably take leave soon.", "pregnant"),
        ("Poste réservé aux hommes.", "hommes"),
        ("Must be a woman.", "woman"),
    ],
)
def test_exclusions_stay_errors_next_to_perks(text, evidence):
    assert evidence in [f.evidence for f in find_protected_criteria(text, context="ad")]


# --------------------------------------------------------------------------- age limits, birth years, photo, height, origin, accent, native language

MORE_AD_CRITERIA = [
    ("Candidates over 40 need not apply.", "Candidates over 40", "age"),
    ("Over 40 need not apply.", "Over 40", "age"),
    ("Né(e) après 1995.", "Né(e) après 1995", "age"),
    ("Applicants must be born after 1990.", "born after 1990", "age"),
    ("Candidat(e)s de moins de trente ans.", "moins de trente ans", "age"),
    ("Entre vingt-cinq et trente-cinq ans.", "Entre vingt-cinq et trente-cinq ans", "age"),
    ("Photo obligatoire avec le CV.", "Photo obligatoire", "physical appearance"),
    ("CV avec photo exigé.", "CV avec photo", "physical appearance"),
    ("Please include a recent photo with your application.", "include a recent photo", "physical appearance"),
    ("Taille minimum 1m70.", "Taille minimum 1m70", "physical appearance"),
    ("Origine marocaine.", "Origine marocaine", "origin"),
    ("Of Moroccan origin.", "Of Moroccan origin", "origin"),
    ("Native-level French required.", "Native-level", "mother tongue"),
    ("Français langue maternelle exigé.", "langue maternelle", "mother tongue"),
    ("Anglais natif.", "Anglais natif", "mother tongue"),
]


@pytest.mark.parametrize("text,evidence,label", MORE_AD_CRITERIA)
def test_age_photo_origin_and_language_requirements_in_ads(text, evidence, label):
    flags = find_protected_criteria(text, context="ad")
    hit = [f for f in flags if f.evidence == evidence]
    assert hit, [f.evidence for f in flags]
    assert f"({label}" in hit[0].message, hit[0].message
    _spans_ok(text, flags)


LOOK_ALIKES = [
    "Français courant exigé, anglais professionnel.",
    "Fluent French and conversational English.",
    "L'entreprise existe depuis plus de 20 ans.",
    "Présente depuis plus de trente ans sur le marché.",
    "Appellation d'origine contrôlée, produits d'origine française.",
    "Our products of European origin sell in 12 countries.",
    "Une entreprise de taille moyenne; photos des produits sur le site.",
    "Vous justifiez de 10 ans d'expérience minimum.",
    "Met l'accent sur le suivi; put an accent on KPIs.",
    "Accent mis sur la relation client.",
    "Over 40 clients in the portfolio.",
    "You must live our values every day.",
    "Télétravail depuis votre domicile dans la limite de 2 jours.",
    "Origine technique du problème identifiée en 2 jours.",
    "Accent stratégique sur la fidélisation.",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_no_false_alarm_on_look_alike_wording(text):
    assert find_protected_criteria(text, context="ad") == []
    assert find_protected_criteria(text, context="notes") == []


def test_accent_in_notes_is_flagged():
    flags = find_protected_criteria("Heavy Indian accent.", context="notes")
    assert [f.evidence for f in flags] == ["Indian accent"]


# --------------------------------------------------------------------------- paraphrased remarks


@pytest.mark.parametrize(
    "text, expected",
    [
        ("she has two little ones at home so she'll prob want to leave early", True),
        ("she's expecting in October, so timing could be tricky for us", True),
        ("Elle a deux petits à la maison.", True),
        ("We are expecting in October a new CRM rollout.", False),
        ("He is expecting a call from the client.", False),
        ("A signé deux petits contrats ce trimestre.", False),
        # seventh notes round: the candidate's belly, as an allusion to a pregnancy
        ("vu son ventre le calendrier risque d'être serré pour septembre", True),
        ("Avec son ventre arrondi, elle ne pourra pas faire les salons.", True),
        ("her bump is showing, she'd be off by spring", True),
        ("Avec son gros ventre, elle ne tiendra pas les tournées.", True),
        ("noticed her baby bump, might not stay long", True),
        ("Le ventre mou du marché, ce sont les PME : elle le sait.", False),
        ("Elle en a dans le ventre, elle a tenu tête au directeur achats.", False),
        ("She went in with a knot in her stomach and still closed it.", False),
        ("a bump in churn last quarter, she fixed it", False),
        ("Got her bump to Senior AE in 2023.", False),
        ("Asked for her bump in comp at review time.", False),
        ("Il écoute son ventre pour qualifier ses leads.", False),
    ],
)
def test_paraphrased_family_and_pregnancy_remarks_from_the_held_out_notes(text: str, expected: bool) -> None:
    assert bool(find_protected_criteria(text, context="notes")) is expected, text


# --------------------------------------------------------------------------- strikes and unions that are not the candidate's


@pytest.mark.parametrize(
    "text",
    [
        "their main plant went on strike for a week, she rerouted the orders",
        "the drivers went on strike in March, so deliveries slipped",
        "the port was on strike and she found another carrier",
        "clients : communes, intercommunalités, syndicats mixtes",
        "vend aux syndicats intercommunaux d'énergie et aux syndicats des eaux",
        "gère le syndicat de copropriété de l'immeuble client",
    ],
)
def test_strikes_and_public_bodies_that_are_not_the_candidate_are_not_flagged(text: str) -> None:
    assert find_protected_criteria(text, context="notes") == [], text


@pytest.mark.parametrize(
    "text",
    [
        "she went on strike with her colleagues last year",
        "I went on strike in 2022, he told us",
        "syndiquée à la CGT",
        "très engagé dans son syndicat",
        "était délégué syndical",
    ],
)
def test_the_candidates_own_strike_or_union_is_still_flagged(text: str) -> None:
    flags = find_protected_criteria(text, context="notes")
    assert flags and all(f.kind == "discrimination" for f in flags), text
