"""Review of main at da93473 (stop 34): job-ad inputs that passed the linter with a protected criterion or a request
for pay history in them."""

from __future__ import annotations

import pytest

from assistant.cli import main
from assistant.rules.compliance import lint_ad

HEAD = "# Account Manager (F/H)\n\nPublié le 01/12/2026. Salaire : 38 000 - 45 000 € brut annuel.\n\n"


def kinds(body: str) -> list[str]:
    return [f.kind for f in lint_ad(HEAD + body, language="fr")]


@pytest.mark.parametrize(
    "body",
    [
        "Profil : moins de **35** ans.",
        "Moins de 35 *ans*.",
        "Poste réservé aux hom**mes**.",
        "Candidat de moins de 30&nbsp;ans.",
        "Profil : moins de <strong>35</strong> ans.",
    ],
)
def test_markup_inside_a_criterion_does_not_hide_it(body: str) -> None:
    flags = [f for f in lint_ad(HEAD + body, language="fr") if f.kind == "discrimination"]
    assert flags, body
    for f in flags:  # the flag points at the ad as written
        assert f.evidence == (HEAD + body)[f.start : f.end]


def test_an_html_fragment_that_starts_with_a_paragraph_is_read_as_html() -> None:
    ad = "<p><b>Account Manager (F/H)</b></p><p>Publié le 01/12/2026.</p><p>Moins de <strong>35</strong> ans.</p>"
    assert "discrimination" in [f.kind for f in lint_ad(ad, language="fr")]


def test_emphasis_that_hides_nothing_adds_no_flag() -> None:
    assert "discrimination" not in kinds("Vous gérez **35** comptes et un *portefeuille* de 2 M€.")


@pytest.mark.parametrize(
    "body",
    [
        "Envoyez votre CV en indiquant votre salaire actuel et vos trois derniers bulletins de paie.",
        "Merci de préciser votre rémunération actuelle dans votre candidature.",
        "Joindre vos dernières fiches de paie.",
        "Please include your current salary and salary history with your application.",
        "Tell us what you earn today and attach your last three payslips.",
    ],
)
def test_an_ad_that_asks_for_pay_history_is_an_error(body: str) -> None:
    flags = [f for f in lint_ad(HEAD + body) if f.kind == "pay_history"]
    assert flags and flags[0].severity == "error", body
    assert "2023/970" in flags[0].message


@pytest.mark.parametrize(
    "body",
    [
        "Merci d'indiquer vos prétentions salariales.",
        "Please state your salary expectations.",
        "Your current salary expectations are welcome.",
        "Vous suivez la rémunération actuelle de vos commerciaux dans le CRM.",
        "Le salaire est revu chaque année.",
    ],
)
def test_expectations_and_the_roles_pay_are_not_pay_history(body: str) -> None:
    assert "pay_history" not in [f.kind for f in lint_ad(HEAD + body)]


def test_check_ad_reads_a_front_matter_block_that_is_not_our_export(tmp_path, capsys) -> None:
    ad = tmp_path / "ad.md"
    ad.write_text("---\nRéservé aux hommes de moins de 35 ans, sans enfants.\n---\n" + HEAD + "Rejoignez-nous.\n")
    assert main(["check-ad", str(ad), "--json"]) == 3
    assert "discrimination" in capsys.readouterr().out


@pytest.mark.parametrize(
    "body",
    [
        "We never ask for your salary history.",
        "Nous ne vous demanderons jamais votre salaire actuel.",
        "Vous gérez les bulletins de paie de 300 salariés.",
    ],
)
def test_saying_we_do_not_ask_or_payroll_work_is_not_a_request(body: str) -> None:
    assert "pay_history" not in [f.kind for f in lint_ad(HEAD + body)]


def _draft(services, **values):
    from datetime import date

    from assistant.ads import brief_from_dict, draft_job_ad

    brief = brief_from_dict({"company": "Acme Analytics", "seniority": "junior", **values}, settings=services.settings)
    return draft_job_ad(brief, services, today=date(2026, 12, 1))


def test_a_brief_that_asks_for_pay_history_or_hides_a_criterion_in_markup_keeps_it_out_of_the_ad(services) -> None:
    result = _draft(
        services, requirements="Anglais courant. Merci d'indiquer votre salaire actuel. Moins de **35** ans."
    )
    assert "salaire actuel" not in result.text and "**35**" not in result.text
    assert "Anglais courant" in result.text
    assert {"pay_history", "discrimination"} <= {f.kind for f in result.flags}


def test_a_key_client_with_a_criterion_keeps_only_its_clean_part(services) -> None:
    result = _draft(services, key_clients=["Decathlon (interlocuteurs hommes de moins de 40 ans)"])
    assert "Decathlon" in result.text
    assert "hommes" not in result.text and "40 ans" not in result.text


def test_the_json_ld_file_cannot_close_a_script_element(services) -> None:
    import json

    from assistant.ads import export

    result = _draft(services, location="</script><script>alert(1)</script>")
    text = export.jsonld_text(export.jsonld_with_flags(export.ad_to_jsonld(result), result.flags, "fr"))
    assert "</script" not in text.lower() and "<script" not in text.lower()
    data = json.loads(text)  # still valid JSON, the same strings
    assert "</script><script>alert(1)</script>" in json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    "line",
    ["Publié le : à compléter.", "Date de publication : TBD.", "Posted on: [date]", "Prise de poste le 01/09/2026."],
)
def test_a_publication_label_with_no_date_or_another_date_is_no_publication_date(line: str) -> None:
    ad = f"# Account Manager (F/H)\n\n{line}\n\nSalaire : 38 000 - 45 000 € brut annuel.\n"
    assert "date" in [f.kind for f in lint_ad(ad, language="fr")]


@pytest.mark.parametrize(
    "line",
    [
        "Publiée le 27/11/2026",
        "*Publiée le 1er décembre 2026*",
        "27/11/2026",
        "Posted on December 1, 2026",
        "Mise en ligne le 01/12/2026 – CDI à Lyon",
        "Date de publication : 2026-12-01",
    ],
)
def test_a_dated_ad_needs_no_date_warning(line: str) -> None:
    ad = f"# Account Manager (F/H)\n\n{line}\n\nSalaire : 38 000 - 45 000 € brut annuel.\n"
    assert "date" not in [f.kind for f in lint_ad(ad, language="fr")]


# The second review (of 2b7c2ee, 095e133 and 6bfeba9): holes and regressions of the first fixes.
@pytest.mark.parametrize(
    "body",
    [
        "Ouvert à tous les candidats de 25 à 35 ans.",
        "Ouvert à tous, 35 ans maximum.",
        "Ouvert à tous, les hommes seront privilégiés.",
        "Ouvert à tous, célibataire souhaité.",
        "Open to all genders, women favoured.",
        "Poste ouvert aux personnes handicapées, sauf en fauteuil roulant.",
        "Moins de&#32;35&#32;ans.",
        "Moins de 35&thinsp;ans.",
        "Moins de 35 <!-- x --> ans.",
    ],
)
def test_second_review_criteria_still_flagged(body: str) -> None:
    assert "discrimination" in kinds(body), body


@pytest.mark.parametrize(
    "body",
    [
        "Equal opportunity employer: we consider all applicants regardless of age, only full-time roles.",
        "Nous recrutons sans distinction d'âge, uniquement des profils expérimentés en SaaS.",
        "Poste ouvert aux personnes en situation de handicap, de préférence avec une expérience en B2B.",
        "Notre solution est originaire de Lyon.",
        "Notre équipe, originaire de Lyon, grandit.",
        "Vous avez de 3 à 5 ans d'expérience.",
    ],
)
def test_second_review_lawful_wording_is_clean(body: str) -> None:
    assert "discrimination" not in kinds(body), body


@pytest.mark.parametrize(
    "body",
    [
        "Don't forget to include your current salary!",
        "N'oubliez pas de préciser votre salaire actuel.",
        "Pas de lettre de motivation : envoyez votre CV et votre salaire actuel.",
        "Merci d'indiquer votre dernier salaire brut annuel.",
        "What is your current base?",
        "How much do you make now?",
        "Current salary: ____",
        "Indiquez votre salaire **actuel**.",
        "Indiquez votre salaire&#32;actuel.",
    ],
)
def test_second_review_pay_history_requests(body: str) -> None:
    assert "pay_history" in kinds(body), body


@pytest.mark.parametrize(
    "body",
    [
        "Vos bulletins de paie sont dématérialisés.",
        "Vous analysez l'historique des rémunérations de l'entreprise.",
        "You maintain employees' salary history records in Workday.",
        "Tired of what you earn now? Join us.",
        "Vous améliorez votre salaire actuel grâce à notre variable déplafonné.",
        "Your previous salary will not be asked.",
    ],
)
def test_second_review_pay_words_that_ask_for_nothing(body: str) -> None:
    assert "pay_history" not in kinds(body), body


@pytest.mark.parametrize(
    "line",
    [
        "**Publiée le** 01/12/2026",
        "| Publiée le | 01/12/2026 |",
        "Mis à jour le 02/12/2026",
        "Publié le lundi 1er décembre 2026",
        "Publiée le 1/12/26",
        "Date : 01.12.2026",
    ],
)
def test_second_review_common_dates_are_read(line: str) -> None:
    ad = f"# Account Manager (F/H)\n\n{line}\n\nSalaire : 38 000 - 45 000 € brut annuel.\n"
    assert "date" not in [f.kind for f in lint_ad(ad, language="fr")]
