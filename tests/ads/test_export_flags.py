"""Ad exports that keep what the flags promise: they carry the open flags (front matter, HTML comment, JSON-LD
field), quote left-out text with placeholders, are named ad-<company>-<date>, and read back for check-ad and for
JSON-LD regenerated from an edited text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from assistant.ads import brief_from_dict, draft_job_ad
from assistant.ads import export as ex
from assistant.ads.check import check_ad_text
from assistant.cli import main
from assistant.rules.html import HtmlText, looks_like_html

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 27)


def draft(services, **values):
    return draft_job_ad(
        brief_from_dict({"company": "Acme Analytics", **values}, settings=services.settings), services, today=TODAY
    )


@pytest.fixture
def cli_env(monkeypatch, session_settings, kb):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(session_settings.data_dir))
    monkeypatch.setenv("ASSISTANT_LLM_BACKEND", "offline")
    monkeypatch.chdir(ROOT)
    return session_settings


def test_markdown_export_lists_the_open_flags_in_front_matter(services) -> None:
    result = draft(services, seniority="junior", requirements="Anglais courant. Moins de 30 ans.")
    out = ex.markdown_with_flags(result.text, result.flags, "fr")
    assert out.startswith("---\n")
    meta = yaml.safe_load(out.split("---\n")[1])
    assert {f["kind"] for f in meta["flags"]} >= {"salary", "discrimination"}
    assert "error" in meta["open_flags"]
    assert ex.strip_front_matter(out) == result.text
    # the protected criterion the brief asked for is quoted with a placeholder, never as written
    assert "30 ans" not in out and "[âge]" in out
    english = ex.markdown_with_flags(result.text, result.flags, "en")
    assert "[age]" in english and "30 ans" not in english.split("---\n")[1]


def test_a_clean_ad_says_so_and_its_json_ld_stays_pure(services) -> None:
    result = draft(services, seniority="junior", salary="3 000 € brut mensuel", variable_pay="10 % sur objectifs")
    errors = [f for f in result.flags if f.severity != "info"]
    assert not errors, errors
    data = ex.jsonld_with_flags(ex.ad_to_jsonld(result), [], "fr")
    assert ex.FLAGS_FIELD not in data
    assert yaml.safe_load(ex.markdown_with_flags(result.text, [], "fr").split("---\n")[1])["flags"] == []


def test_html_export_carries_its_flags_in_a_comment_after_the_doctype(services) -> None:
    result = draft(services, company_pitch="Une équipe -- soudée --> et <b>jeune</b>.")
    page = ex.html_with_flags(ex.ad_to_html(result), result.flags, "fr")
    assert page.startswith("<!DOCTYPE html>\n<!--\nhiring-assistant open flags:")
    comment = page[page.index("<!--") + 4 : page.index("-->")]
    assert "--" not in comment and "<b>" not in comment
    assert "ERROR salary" in comment


def test_json_ld_export_has_a_flags_field_when_flags_are_open(services) -> None:
    result = draft(services)
    data = ex.jsonld_with_flags(ex.ad_to_jsonld(result), result.flags, "fr")
    assert data["@type"] == "JobPosting" and "baseSalary" not in data  # no pay given: none invented
    assert any(f["severity"] == "error" and f["kind"] == "salary" for f in data[ex.FLAGS_FIELD])


def test_export_file_names_say_what_they_are(services) -> None:
    ad = draft(services, company="L'Atelier Été & Co").ad
    assert ex.export_filename(ad, "md") == "ad-l-atelier-ete-co-2026-11-27.md"
    assert ex.company_slug("!!!") == "company"


def test_json_ld_is_regenerated_from_the_edited_text(services) -> None:
    result = draft(services, seniority="junior", key_clients=["Decathlon"])
    same = ex.ad_from_markdown(result.text, result.ad)
    assert same.title == result.ad.title and [s.id for s in same.sections] == [s.id for s in result.ad.sections]
    assert ex.ad_markdown(same) == result.text  # reading back the draft changes nothing
    edited = (
        result.text.replace("# Account Manager (F/H)", "# Account Executive (F/H)")
        .replace("[salaire à compléter]", "3 100 € à 3 300 € bruts mensuels")
        .replace("Parmi nos clients : Decathlon.", "Parmi nos clients : Decathlon et la SNCF.")
    )
    data = ex.ad_to_jsonld(ex.ad_from_markdown(edited, result.ad))
    assert data["title"] == "Account Executive (F/H)"
    assert data["baseSalary"]["value"]["minValue"] == 3100 and data["baseSalary"]["value"]["maxValue"] == 3300
    assert "SNCF" in data["employerOverview"] and "SNCF" in data["description"]
    assert data["datePosted"] == "2026-11-27" and data["hiringOrganization"]["name"] == "Acme Analytics"


@pytest.mark.parametrize(
    "pay",
    ["OTE 70 k€ (variable inclus)", "60 k€ à objectifs atteints", "TJM 450 € HT", "jusqu'à 15 k€ de variable"],
)
def test_json_ld_base_salary_is_never_an_ote_a_variable_or_a_day_rate(services, pay: str) -> None:
    # An edited pay section holding only on-target earnings, a variable part or a day rate is no base salary.
    result = draft(services, seniority="junior")
    edited = result.text.replace("[salaire à compléter]", pay)
    assert pay in edited
    data = ex.ad_to_jsonld(ex.ad_from_markdown(edited, result.ad))
    assert "baseSalary" not in data


def test_the_html_export_reads_back_as_the_ad_not_as_a_doctype_title(services) -> None:
    result = draft(services, salary="3 000 € brut mensuel", seniority="junior")
    page = ex.html_with_flags(ex.ad_to_html(result), result.flags, "fr")
    assert looks_like_html(page) and not looks_like_html(result.text)
    assert HtmlText.of(page).text.lstrip().startswith("# Account Manager (F/H)\n")  # the <h1> is the title
    flags = check_ad_text(page, framework=services.framework, level="junior")
    assert not [f for f in flags if f.severity != "info"], flags
    assert not any("DOCTYPE" in (f.evidence or "") for f in flags)


def test_check_ad_on_our_own_exports(cli_env, capsys, tmp_path) -> None:
    for fmt in ("md", "html"):
        out = tmp_path / f"ad.{fmt}"
        assert main(["draft-ad", "examples/brief-fr.yaml", "--format", fmt, "-o", str(out)]) == 0
        written = out.read_text(encoding="utf-8")
        assert written.startswith("---\n" if fmt == "md" else "<!DOCTYPE html>\n<!--")
        capsys.readouterr()
        assert main(["check-ad", str(out), "--json"]) == 0, capsys.readouterr()
        flags = json.loads(capsys.readouterr().out)["flags"]
        assert not [f for f in flags if f["severity"] != "info"], flags
    jsonld = tmp_path / "ad.json"
    assert main(["draft-ad", "examples/brief-fr.yaml", "--format", "jsonld", "-o", str(jsonld)]) == 0
    assert json.loads(jsonld.read_text(encoding="utf-8"))["@type"] == "JobPosting"


def test_check_ad_fails_an_exported_ad_with_a_pay_placeholder(cli_env, capsys, tmp_path) -> None:
    brief = tmp_path / "brief.yaml"
    brief.write_text("company: Acme\nseniority: junior\n", encoding="utf-8")
    out = tmp_path / "ad.md"
    assert main(["draft-ad", str(brief), "-o", str(out)]) == 3  # no pay: an error, so the exit code says so
    assert "severity: error" in out.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["check-ad", str(out), "--level", "junior"]) == 3
    assert "2,920" in capsys.readouterr().out  # the grid, as a suggestion in the message
