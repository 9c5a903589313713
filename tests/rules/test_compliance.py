"""The job-ad linter: every rule, French and English, positive and negative, with exact spans."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.rules.compliance import lint_ad
from assistant.rules.criteria import find_protected_criteria
from assistant.text import detect_language

from support import assert_linear_cpu

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "knowledge" / "account-manager" / "guide.md"
SEED = Path("/work/shared/seeds/000_ab6fb0d2c3b8cba9.txt")

GOOD_FR = """# Account Manager (F/H)
Chargé·e de comptes clients

Publiée le 27/11/2026

## L'entreprise
Acme est une jeune entreprise de 40 personnes qui équipe 300 PME. Nous recherchons un·e Account Manager.

## Vos missions
Vous accompagnez un portefeuille de 3 clients et suivez leurs indicateurs de performance.

## Votre profil
Le/La candidat.e idéal.e a 2 ans d'expérience en relation client. Il/elle sera autonome et chargé·e
du suivi des comptes. Anglais courant exigé pour nos clients internationaux.

## Rémunération
De 3 000 € à 3 500 € brut mensuel, plus une part variable de 15 %.

Nous étudions toutes les candidatures, sans distinction d'âge, de sexe, d'origine ou de handicap.
"""

GOOD_EN = """# Account Manager (M/F)

Posted on November 27, 2026

Acme is a young company serving 300 clients. As our Account Manager, you will look after three key clients.
The ideal candidate has two years of experience; he or she will report to the Head of Sales.
Salary: €42,000 - €48,000 gross per year, plus a variable part.
We welcome applications from all backgrounds.
"""


def kinds(flags, kind=None, severity=None):
    return [f for f in flags if (kind is None or f.kind == kind) and (severity is None or f.severity == severity)]


def assert_spans(text, flags):
    for f in flags:
        if f.start is not None:
            assert text[f.start : f.end] == f.evidence, f


# --------------------------------------------------------------------------- language detection


def test_detect_language():
    assert detect_language(GOOD_FR) == "fr"
    assert detect_language(GOOD_EN) == "en"
    assert detect_language("") == "fr"
    with pytest.raises(InputError):
        detect_language(42)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- whole ads


@pytest.mark.parametrize("ad,lang", [(GOOD_FR, "fr"), (GOOD_EN, "en")])
def test_a_good_ad_has_no_warning(ad, lang, framework):
    flags = lint_ad(ad, framework=framework, level="mid" if lang == "en" else "junior", job_in_france=(lang == "fr"))
    assert kinds(flags, severity="error") == [] and kinds(flags, severity="warning") == [], flags


def test_every_flag_carries_its_span(framework):
    ad = (
        "# Vendeuse H/F - Responsable de compte\n\u200b"
        "Nous recherchons un commercial jeune et dynamique, moins de 30 ans, homme de terrain. Il sera basé à Paris.\n"
        "Le candidat idéal est ambitieux. Salaire selon profil. Nationalité française exigée."
    )
    flags = lint_ad(ad, framework=framework)
    assert_spans(ad, flags)
    found = {(f.kind, f.evidence) for f in flags}
    for expected in [
        ("gendered_wording", "Vendeuse"),
        ("title", "Responsable de compte"),
        ("gendered_wording", "un commercial"),
        ("discrimination", "jeune"),
        ("discrimination", "moins de 30 ans"),
        ("gendered_wording", "homme de terrain"),
        ("gendered_wording", "Il sera"),
        ("gendered_wording", "Le candidat"),
        ("salary", "selon profil"),
        ("discrimination", "Nationalité française exigée"),
        ("date", None),
    ]:
        assert expected in found, (expected, sorted(found, key=str))


# --------------------------------------------------------------------------- discrimination


def test_discrimination_in_an_ad():
    ad = "# Account Manager (F/H)\nChargé·e de comptes clients\nPubliée le 01/12/2026\nMoins de 35 ans, bonne présentation.\n3 000 € brut mensuel."
    flags = kinds(lint_ad(ad), "discrimination")
    assert [f.evidence for f in flags] == ["Moins de 35 ans", "bonne présentation"]
    assert all(f.severity == "error" and "L1132-1" in f.message for f in flags)
    en = "# Account Manager (M/F)\nMust be under 30 and a native English speaker. Posted on 2026-11-27. €3,000 a month."
    assert {f.evidence for f in kinds(lint_ad(en, job_in_france=False), "discrimination")} == {
        "under 30",
        "native English speaker",
    }


def test_no_discrimination_on_equal_opportunity_statements():
    assert kinds(lint_ad(GOOD_FR), "discrimination") == []
    assert kinds(lint_ad(GOOD_EN, job_in_france=False), "discrimination") == []


@pytest.mark.parametrize("path", [GUIDE, SEED], ids=["guide", "seed"])
def test_no_discrimination_flag_on_the_guide(path):
    if not path.exists():
        pytest.skip(f"{path} not found")
    assert find_protected_criteria(path.read_text(encoding="utf-8"), context="ad") == []


# --------------------------------------------------------------------------- gendered title


@pytest.mark.parametrize(
    "title,flagged",
    [
        ("Account Manager (F/H)", False),
        ("Account Manager (H/F)", False),
        ("Account Manager H/F", False),
        ("Account Manager F/H", False),
        ("Account Manager (M/F)", False),
        ("Account Manager (W/M)", False),
        ("Account Manager", True),
        ("Chargé de comptes", True),
    ],
)
def test_title_gender_marker(title, flagged):
    flags = lint_ad(f"# {title}\nChargé·e de comptes clients\n", language="fr")
    marker = [f for f in kinds(flags, "gendered_wording") if "gender marker" in f.message]
    assert bool(marker) == flagged
    if flagged:
        assert marker[0].evidence == title


@pytest.mark.parametrize(
    "title,evidence",
    [
        ("Vendeuse H/F", "Vendeuse"),
        ("Commercial H/F", "Commercial"),
        ("Chargé de comptes (F/H)", "Chargé"),
        ("Ingénieur commercial (H/F)", "Ingénieur"),
    ],
)
def test_gendered_title_despite_the_marker(title, evidence):
    flags = kinds(lint_ad(f"# {title}\n"), "gendered_wording", "warning")
    assert evidence in [f.evidence for f in flags]


@pytest.mark.parametrize(
    "title",
    ["Commercial·e (F/H)", "Chargé·e de comptes (F/H)", "Vendeur ou vendeuse (H/F)", "Commercial/Commerciale H/F"],
)
def test_epicene_titles(title):
    assert [f for f in kinds(lint_ad(f"# {title}\n"), "gendered_wording") if f.severity == "warning"] == []


# --------------------------------------------------------------------------- discouraged title


def test_discouraged_title_with_the_framework(framework):
    ad = "# Gestionnaire de compte (F/H)\nPubliée le 27/11/2026. 3 000 € brut mensuel."
    (flag,) = kinds(lint_ad(ad, framework=framework), "title")
    assert flag.severity == "warning" and flag.evidence == "Gestionnaire de compte"
    assert "Account Manager" in flag.message
    assert ad[flag.start : flag.end] == flag.evidence


def test_discouraged_title_without_a_framework():
    (flag,) = kinds(lint_ad("# Responsable de comptes H/F\n"), "title")
    assert flag.evidence == "Responsable de comptes" and "Account Manager" in flag.message


def test_recommended_title_is_not_flagged(framework):
    assert kinds(lint_ad(GOOD_FR, framework=framework), "title") == []
    assert kinds(lint_ad("# Key Account Manager (F/H)\nChargé·e de comptes clés\n", framework=framework), "title") == []


# --------------------------------------------------------------------------- salary


def _salary_flags(body, **kw):
    return kinds(
        lint_ad(f"# Account Manager (F/H)\nChargé·e de comptes clients\nPubliée le 27/11/2026\n{body}\n", **kw),
        "salary",
    )


def test_salary_missing():
    (flag,) = _salary_flags("Un poste passionnant.")
    assert flag.severity == "warning" and flag.evidence is None and "2023/970" in flag.message
    (flag,) = kinds(
        lint_ad("# Account Manager (M/F)\nPosted on 2026-11-27. A great role.", job_in_france=False), "salary"
    )
    assert "2023/970" in flag.message


@pytest.mark.parametrize(
    "body,evidence",
    [
        ("Salaire selon profil.", "selon profil"),
        ("Rémunération selon expérience.", "selon expérience"),
        ("Pay: DOE.", "DOE"),
        ("Competitive salary.", "Competitive salary"),
    ],
)
def test_salary_vague(body, evidence):
    (flag,) = _salary_flags(body)
    assert flag.severity == "warning" and flag.evidence == evidence


def test_salary_within_the_grid(framework):
    assert _salary_flags("De 3 000 € à 3 500 € brut mensuel.", framework=framework, level="junior") == []
    assert (
        _salary_flags("45 000 - 55 000 € brut annuel.", framework=framework, level="mid") == []
    )  # 3 750-4 583 a month


def test_salary_below_junior_grid(framework):
    (flag,) = _salary_flags("2 500 € brut mensuel.", framework=framework, level="débutant")
    assert flag.severity == "warning" and "below" in flag.message and "2,920" in flag.message
    assert flag.evidence == "2 500 € brut mensuel"


def test_salary_above_senior_grid_annual_divided_by_12(framework):
    (flag,) = _salary_flags("70 000 - 80 000 € brut annuel.", framework=framework, level="senior")
    assert flag.severity == "warning" and "above" in flag.message and "÷ 12" in flag.message


def test_salary_level_from_the_title_and_default_grid():
    flags = kinds(
        lint_ad("# Account Manager Junior (F/H)\nChargé·e de comptes\nPubliée le 27/11/2026\n3 600 € brut mensuel\n"),
        "salary",
    )
    assert len(flags) == 1 and "above" in flags[0].message and "junior" in flags[0].message
    # no level: compared with the whole grid (2,920 to 5,420)
    assert _salary_flags("3 600 € brut mensuel") == []
    assert "above" in _salary_flags("6 000 € brut mensuel")[0].message


def test_salary_min_above_max_is_an_error():
    (flag,) = _salary_flags("De 3 500 € à 3 000 € brut mensuel.")
    assert flag.severity == "error"


def test_salary_net_is_not_compared():
    (flag,) = _salary_flags("2 000 € net par mois.")
    assert flag.severity == "info" and "net" in flag.message


# --------------------------------------------------------------------------- language


def test_english_ad_for_a_job_in_france_is_an_error():
    (flag,) = kinds(lint_ad(GOOD_EN), "language")
    assert flag.severity == "error" and "L5331-4" in flag.message
    assert kinds(lint_ad(GOOD_EN, job_in_france=False), "language") == []
    assert kinds(lint_ad(GOOD_FR, language="en"), "language")[0].severity == "error"


def test_english_title_needs_a_french_line(framework):
    ad = "# Account Manager (F/H)\n\n## L'entreprise\nPubliée le 27/11/2026. Vous rejoindrez notre équipe de vente."
    (flag,) = kinds(lint_ad(ad, framework=framework), "language")
    assert flag.severity == "warning" and flag.evidence == "Account Manager (F/H)"
    assert "chargé·e de comptes clients" in flag.message
    assert kinds(lint_ad(GOOD_FR, framework=framework), "language") == []
    assert kinds(lint_ad("# Account Manager (F/H)\nPubliée le 27/11/2026\nVous gérez nos clients.\n"), "language")
    assert kinds(lint_ad("# Account Manager (F/H)\n\nResponsable de la relation avec nos clients.\n"), "language") == []
    assert kinds(lint_ad("# Account Manager – chargé·e de comptes (F/H)\nBlabla.\n"), "language") == []
    assert kinds(lint_ad("# Chargé·e d'affaires (F/H)\nVous gérez nos clients.\n"), "language") == []


# --------------------------------------------------------------------------- date


@pytest.mark.parametrize(
    "body,flagged",
    [
        ("Un poste passionnant.", True),
        ("Publiée le 27/11/2026.", False),
        ("Date de publication : 27 novembre 2026", False),
        ("Posted on November 27, 2026", False),
        ("2026-11-27", False),
    ],
)
def test_publication_date(body, flagged):
    flags = kinds(
        lint_ad(f"# Account Manager (F/H)\nChargé·e de comptes clients\n{body}\n3 000 € brut mensuel\n"), "date"
    )
    assert bool(flags) == flagged
    if flagged:
        assert "L5332-1" in flags[0].message and flags[0].severity == "warning"


def test_date_posted_argument():
    ad = "# Account Manager (F/H)\nChargé·e de comptes clients\n3 000 € brut mensuel\n"
    assert kinds(lint_ad(ad, date_posted=date(2026, 11, 27)), "date") == []


# --------------------------------------------------------------------------- bad input and speed


@pytest.mark.parametrize("bad", ["", "   \n", 42, None, "x" * 200_001])
def test_bad_input(bad):
    with pytest.raises(InputError):
        lint_ad(bad)  # type: ignore[arg-type]


def test_bad_options():
    with pytest.raises(InputError):
        lint_ad(GOOD_FR, level="stagiaire")
    with pytest.raises(InputError):
        lint_ad(GOOD_FR, language="de")
    with pytest.raises(InputError):
        lint_ad(GOOD_FR, date_posted="2026-11-27")  # type: ignore[arg-type]


def test_hostile_text_is_handled():
    ad = "# Account Manager (F/H)\u202e\u200b\x00\n" + "\u0301" * 50 + "<script>alert(1)</script>" + "9" * 5000
    flags = lint_ad(ad)
    assert_spans(ad, flags)


def test_lint_takes_linear_time_up_to_20000_characters(framework):
    text = (GOOD_FR + "\n" + GUIDE.read_text(encoding="utf-8")) * 2
    # A super-linear rule fails this on any machine; the time itself (about 85 ms at 20,000 characters, stop 40) is
    # printed by `hiring-assistant bench` as the ad editor's check per edit. Bounds in seconds (0.1, then 0.3) failed
    # on loaded machines.
    assert_linear_cpu(lambda t: lint_ad(t, framework=framework), lambda n: text[:n], 20_000)


# --------------------------------------------------------------------------- single lines in a whole ad

_HEAD_FR = "# Account Manager (F/H)\n\nPubliée le 1er mars 2026\n\nChargé·e de comptes clients.\n\nSalaire : 3 000 – 3 400 € brut mensuel.\n\n"
_HEAD_EN = "# Account Manager (F/H)\n\nPosted 1 March 2026\n\nChargé·e de comptes clients.\n\nSalary: €3,000 - €3,400 gross monthly.\n\n"


def _lint_line(line: str, lang: str = "fr") -> list:
    ad = (_HEAD_FR if lang == "fr" else _HEAD_EN) + line
    flags = [f for f in lint_ad(ad, job_in_france=(lang == "fr")) if f.kind != "language"]
    assert_spans(ad, flags)
    return flags


@pytest.mark.parametrize(
    "line,lang",
    [
        ("We offer maternity and paternity leave.", "en"),
        ("Nous proposons un congé maternité et paternité au-delà du minimum légal.", "fr"),
        ("Benefits:\n- Parental leave, flexible hours\n- Lunch vouchers", "en"),
        ("Vous êtes un homme ou une femme de terrain.", "fr"),
        ("You will manage the Women's apparel and Men's footwear accounts.", "en"),
    ],
)
def test_lawful_lines_have_no_error_or_warning(line, lang):
    flags = _lint_line(line, lang)
    assert [f for f in flags if f.severity in ("error", "warning")] == [], flags


def test_a_named_role_holder_is_only_info():
    flags = _lint_line("Vous serez rattaché·e à la directrice commerciale. Entretien avec le directeur général.")
    gendered = kinds(flags, "gendered_wording")
    assert [f.evidence for f in gendered] == ["la directrice", "le directeur"]
    assert all(f.severity == "info" for f in gendered)
    # the person sought is still a warning
    flags = _lint_line("Nous recrutons la directrice commerciale de notre filiale.")
    assert [(f.evidence, f.severity) for f in kinds(flags, "gendered_wording")] == [("la directrice", "warning")]
    flags = _lint_line("Ce poste s'adresse à un commercial confirmé.")
    assert [(f.evidence, f.severity) for f in kinds(flags, "gendered_wording")] == [("un commercial", "warning")]


@pytest.mark.parametrize(
    "line,lang,kind,evidence",
    [
        ("Pas de femme enceinte.", "fr", "discrimination", "enceinte"),
        ("No pregnant candidates.", "en", "discrimination", "pregnant"),
        ("Vous êtes un homme de terrain.", "fr", "gendered_wording", "homme de terrain"),
        ("Habite Paris.", "fr", "discrimination", "Habite"),
        ("Vous habitez impérativement dans le 92.", "fr", "discrimination", "habitez impérativement dans"),
        ("Résidence obligatoire à moins de 10 km.", "fr", "discrimination", "Résidence obligatoire"),
        ("Must live in Lyon.", "en", "discrimination", "Must live in"),
        ("Candidates must reside in Paris.", "en", "discrimination", "must reside in"),
        ("Candidates over 40 need not apply.", "en", "discrimination", "Candidates over 40"),
        ("Né(e) après 1995.", "fr", "discrimination", "Né(e) après 1995"),
        ("Applicants must be born after 1990.", "en", "discrimination", "born after 1990"),
        ("Candidat·e de moins de trente ans.", "fr", "discrimination", "moins de trente ans"),
        ("Photo obligatoire.", "fr", "discrimination", "Photo obligatoire"),
        ("CV avec photo exigé.", "fr", "discrimination", "CV avec photo"),
        ("Taille minimum 1m70.", "fr", "discrimination", "Taille minimum 1m70"),
        ("Origine marocaine.", "fr", "discrimination", "Origine marocaine"),
        ("Native-level French required.", "en", "discrimination", "Native-level"),
        ("Français langue maternelle exigé.", "fr", "discrimination", "langue maternelle"),
    ],
)
def test_discriminatory_and_gendered_lines_are_flagged(line, lang, kind, evidence):
    flags = _lint_line(line, lang)
    hit = [f for f in flags if f.kind == kind and f.evidence == evidence]
    assert hit, [(f.kind, f.evidence) for f in flags]
    assert hit[0].severity == ("error" if kind == "discrimination" else "warning")


@pytest.mark.parametrize(
    "line,lang",
    [
        ("Poste basé à Paris (75), accessible en transports en commun.", "fr"),
        ("Localisation : Lyon.", "fr"),
        ("The role is based in Paris.", "en"),
        ("Déplacements en Île-de-France.", "fr"),
        ("Français courant, anglais professionnel.", "fr"),
        ("Fluent French; conversational English is a plus.", "en"),
    ],
)
def test_locations_and_fluency_are_not_discrimination(line, lang):
    assert kinds(_lint_line(line, lang), "discrimination") == []
