"""The linter on the project's own HTML export, and words that are not the ad's wording: company names, French
words in an English ad. Each hit comes with its near-miss."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.ads.export import ad_to_html, ad_to_markdown
from assistant.ads.models import AdSection, JobAd, Salary
from assistant.rules.compliance import find_gendered_wording, lint_ad

TODAY = date(2026, 11, 27)


def _ad(**over: object) -> JobAd:
    values: dict = {
        "title": "Account Manager (F/H)",
        "descriptive_line": "chargé·e de comptes clients",
        "company": "Acme Analytics",
        "location": "Lyon",
        "salary": Salary(min=3000, max=3400, source="brief"),
        "date_posted": TODAY,
        "sections": [
            AdSection(id="company", heading="À propos d'Acme Analytics", paragraphs=["Acme Analytics recrute."]),
            AdSection(id="missions", heading="Vos missions", bullets=["Suivi des indicateurs", "Accompagnement"]),
            AdSection(id="pay", heading="Rémunération", paragraphs=["Salaire : 3 000 € à 3 400 € bruts mensuels."]),
        ],
    }
    values.update(over)
    return JobAd(**values)


def _key(flags: list) -> list[tuple[str, str, str | None]]:
    return sorted((f.kind, f.severity, f.evidence) for f in flags)


# --------------------------------------------------------------------------- the HTML export


@pytest.mark.parametrize("standalone", [True, False])
def test_html_export_lints_like_its_markdown(standalone: bool) -> None:
    ad = _ad()
    html = ad_to_html(ad, standalone=standalone)
    flags = lint_ad(html)
    assert not any("<" in (f.evidence or "") or "DOCTYPE" in (f.evidence or "") for f in flags)
    assert not any(f.kind == "gendered_wording" and "gender marker" in f.message for f in flags)
    assert _key(flags) == _key(lint_ad(ad_to_markdown(ad)))


def test_html_flags_point_into_the_html_and_are_not_doubled_by_the_json_ld() -> None:
    ad = _ad(
        sections=[AdSection(id="missions", heading="Vos missions", paragraphs=["Le commercial suit ses comptes."])]
    )
    html = ad_to_html(ad)
    hits = [f for f in lint_ad(html) if f.kind == "gendered_wording" and f.severity == "warning"]
    assert [f.evidence for f in hits] == ["Le commercial"]  # once, though the JSON-LD description repeats it
    f = hits[0]
    assert f.start is not None and f.end is not None and html[f.start : f.end] == "Le commercial"
    assert f.start > html.index("<body>")


def test_html_title_is_the_h1_text() -> None:
    html = ad_to_html(_ad(title="Account Manager"))  # near-miss: the marker is really missing
    missing = [f for f in lint_ad(html) if "gender marker" in f.message]
    assert len(missing) == 1 and missing[0].evidence == "Account Manager"
    assert html[missing[0].start : missing[0].end] == "Account Manager"
    assert html.index("<h1>") < missing[0].start


def test_html_entities_are_read_as_the_characters_they_stand_for() -> None:
    ad = _ad(title="Chargé·e d'affaires (F/H)")  # ' is &#x27; in the HTML
    html = ad_to_html(ad)
    assert "&#x27;" in html
    assert _key(lint_ad(html)) == _key(lint_ad(ad_to_markdown(ad)))


def test_markdown_ad_title_detection_is_unchanged() -> None:
    md = "Account Manager\n\nAcme recrute. Publiée le 27/11/2026. Salaire : 3 000 € brut mensuel."
    missing = [f for f in lint_ad(md) if "gender marker" in f.message]
    assert [f.evidence for f in missing] == ["Account Manager"]


def test_hostile_html_is_linted_in_linear_time() -> None:
    import time

    for junk in ("<a" * 40_000, "<!--" * 40_000, "&#x" * 40_000, "<script>" + "x" * 100_000):
        started = time.process_time()
        lint_ad("<!DOCTYPE html>\n<h1>Account Manager (F/H)</h1>" + junk)
        assert time.process_time() - started < 5


def test_check_ad_accepts_the_html_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli import main

    path = tmp_path / "ad.html"
    path.write_text(ad_to_html(_ad()), encoding="utf-8")
    code = main(["check-ad", str(path), "--json"])
    out = capsys.readouterr().out
    assert code == 0
    assert "DOCTYPE" not in out and "gender marker" not in out


# --------------------------------------------------------------------------- company names


EN_AD = "# Account Manager (M/F)\n\nPosted on 27 November 2026. Pay: €40,000 to €45,000 a year.\n\n{body}\n"
FR_AD = "# Chargé·e de comptes (F/H)\n\nPubliée le 27/11/2026. Salaire : 3 000 € brut mensuel.\n\n{body}\n"


def _gendered(body: str, lang: str) -> list[str | None]:
    text = (EN_AD if lang == "en" else FR_AD).format(body=body)
    return [f.evidence for f in find_gendered_wording(text, lang)]


@pytest.mark.parametrize(
    "body",
    [
        "Acme Analytics is hiring. Join Acme Analytics and its clients.",
        "Join Lumen Analytics, where you manage accounts.",
        "Nova Conseil partners with us; Nova Conseil is based in Lyon.",
        "Our client Dominant Logistics Group is hiring.",
    ],
)
def test_company_names_are_not_gendered_wording(body: str) -> None:
    assert _gendered(body, "en") == []


def test_company_names_near_misses_still_count() -> None:
    assert _gendered("Acme Analytics wants strong analytical skills.", "en") == ["analytical"]
    assert _gendered("Acme Analytics needs a salesman.", "en") == ["salesman"]
    assert _gendered("You are dominant in negotiations.", "en") == ["dominant"]
    assert _gendered("## Our Ambitious Team\n\nAcme Analytics is hiring.", "en") == ["Ambitious"]  # Title Case


def test_french_company_names_are_not_gendered_wording_either() -> None:
    assert _gendered("Rejoignez Leader Conseil, à Lyon.", "fr") == []
    assert _gendered("Rejoignez Nova Conseil, leader du secteur.", "fr") == ["leader"]  # near-miss


# --------------------------------------------------------------------------- French words in an English ad


@pytest.mark.parametrize(
    "body",
    [
        "You will report to our directeur commercial.",
        "Le commercial de l'équipe will train you.",
        "In French the role is « un vendeur », but we mean any salesperson.",
        "Il sera is not English; the team says it anyway.",
    ],
)
def test_french_words_in_an_english_ad_are_not_gendered_wording(body: str) -> None:
    assert _gendered(body, "en") == []


def test_french_words_in_a_french_ad_still_count() -> None:
    assert _gendered("Le commercial suivra ses comptes.", "fr") == ["Le commercial"]
    assert _gendered("Il sera rattaché à la direction.", "fr") == ["Il sera"]


def test_english_gendered_words_in_an_english_ad_still_count() -> None:
    assert _gendered("He will manage key accounts.", "en") == ["He will"]


def test_english_ad_with_a_french_title_noun_gets_no_gendered_title_flag() -> None:
    text = EN_AD.replace("Account Manager (M/F)", "Commercial (M/F)").format(body="You will manage accounts.")
    assert not [f for f in lint_ad(text, language="en") if f.kind == "gendered_wording"]
    fr = FR_AD.replace("Chargé·e de comptes (F/H)", "Commercial (F/H)").format(body="Vous gérez des comptes.")
    assert [f.evidence for f in lint_ad(fr, language="fr") if f.kind == "gendered_wording"] == ["Commercial"]
