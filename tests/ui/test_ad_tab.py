"""The "Draft a job ad" tab's handlers, without a browser: draft, edit with live checks, apply fixes, download."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from ui_helpers import XSS_IMG, XSS_JS_LINK, XSS_MD_IMAGE, XSS_SCRIPT, brief_values

from assistant.errors import InputError
from assistant.ui.ad_tab import (
    BRIEF_FIELDS,
    ad_download,
    apply_choice,
    brief_dict,
    check_text,
    draft_ad,
    example_briefs,
    example_values,
    fix_choices,
    flags_panel,
    preview_markdown,
)
from assistant.ui.i18n import catalog

FIELDS = [f for f, _ in BRIEF_FIELDS]


def drafted(services: Any, lang: str = "en", **changes: Any) -> tuple[Any, Any, str, str]:
    return draft_ad(dict(zip(FIELDS, brief_values(**changes), strict=True)), services, lang)


def test_brief_dict_drops_blanks_splits_clients_and_counts() -> None:
    out = brief_dict(
        {
            "company": " Acme ",
            "sector": "",
            "key_clients": "A, B;C\n",
            "team_size": " 12 ",
            "partners_count": None,
            "team_to_manage": 3.0,
        }
    )
    assert out == {"company": "Acme", "key_clients": ["A", "B", "C"], "team_size": 12, "team_to_manage": 3}
    for bad in (2.5, "2.5", "twelve"):
        with pytest.raises(InputError, match="whole number"):
            brief_dict({"team_size": bad})
    with pytest.raises(InputError, match="nombre entier"):
        brief_dict({"team_size": "douze"}, "fr")


def test_every_ad_text_has_both_languages() -> None:
    texts = {k: v for k, v in catalog().items() if k.startswith("ad.")}
    assert {f"ad.field.{name}" for name in FIELDS} <= set(texts)
    assert all(fr and en for fr, en in texts.values())


def test_draft_ad_opens_the_text_with_title_flags_fixes_and_passages(services: Any) -> None:
    session, checked, notice, passages = drafted(services)
    assert checked.text == session.result.text and "(F/H)" in checked.text
    preview = preview_markdown(checked.text, "en")
    assert "Acme Analytics" in preview and "# Responsable de compte (F/H)" in preview  # the requested title, used
    panel = flags_panel(checked, session, "en")
    assert "Responsable de compte" in panel and "fix available" in panel
    assert "salaire à compléter" in panel and "ERROR" in panel  # no pay in the brief: an error, not the grid
    labels = [label for label, _ in fix_choices(checked, "en")]
    assert any("Account Manager" in label for label in labels)
    assert any("2 920 €" in label for label in labels)  # the guide's junior grid, as a suggestion only
    assert "2 920" not in checked.text
    assert "Drafted by: offline" in notice
    assert "Guide passages used" in passages and "> " in passages
    fr_panel = flags_panel(checked, session, "fr")
    assert "ERREUR" in fr_panel and "correction proposée" in fr_panel


def test_editing_the_text_updates_the_flags(services: Any) -> None:
    session, checked, *_ = drafted(services)
    edited = checked.text.replace("## Votre profil", "## Votre profil\n\nMoins de 30 ans, homme de terrain.")
    again = check_text(edited, session, services)
    kinds = {f.kind for f in again.flags if f.severity == "error"}
    assert "discrimination" in kinds
    assert any(f.kind == "discrimination" for f in again.fixes)
    # the brief's notes stay whatever the edit
    assert all(note in again.flags for note in session.notes)


def test_applying_fixes_updates_the_text_and_clears_the_flags(services: Any) -> None:
    session, checked, *_ = drafted(services)
    for wanted in ("title", "salary"):
        while any(fix.kind == wanted for fix in checked.fixes):  # the title is also named in the first sentence
            index = next(i for i, fix in enumerate(checked.fixes) if fix.kind == wanted)
            before = len([f for f in checked.flags if f.kind == wanted])
            checked, applied = apply_choice(str(index), checked.fixes, checked.text, session, services, "en")
            assert applied and len([f for f in checked.flags if f.kind == wanted]) == before - 1
        assert not [f for f in checked.flags if f.kind == wanted and f.start is not None]
    assert checked.text.startswith("# Account Manager (F/H)") and "[salaire à compléter]" not in checked.text
    assert not [f for f in checked.flags if f.severity == "error"]


def test_a_fix_picked_before_an_edit_is_refused_not_misapplied(services: Any) -> None:
    session, checked, *_ = drafted(services)
    index = next(i for i, fix in enumerate(checked.fixes) if fix.kind == "salary")
    edited = "Intro.\n" + checked.text  # everything moved
    again, applied = apply_choice(str(index), checked.fixes, edited, session, services, "en")
    assert not applied and again.text == edited
    with pytest.raises(InputError, match="Pick a fix"):
        apply_choice(None, checked.fixes, checked.text, session, services, "en")


def test_a_pasted_ad_is_checked_and_fixed_without_a_draft(services: Any) -> None:
    pasted = "# Vendeuse grands comptes\n\nNous cherchons un commercial de moins de 30 ans.\n"
    checked = check_text(pasted, None, services)
    kinds = {f.kind for f in checked.flags}
    assert {"discrimination", "gendered_wording", "salary", "date"} <= kinds
    index = next(i for i, f in enumerate(checked.fixes) if f.kind == "discrimination")
    fixed, applied = apply_choice(str(index), checked.fixes, pasted, None, services, "fr")
    assert applied and "30 ans" not in fixed.text
    with pytest.raises(InputError, match="Rédigez"):
        ad_download(None, pasted, "md", services, "fr")


def test_draft_ad_rejects_a_brief_without_company(services: Any) -> None:
    with pytest.raises(InputError, match="company"):
        drafted(services, company="  ")


def test_draft_ad_keeps_hostile_fields_inert(services: Any) -> None:
    session, checked, notice, _ = drafted(
        services, company=f"Acme {XSS_SCRIPT}", sector=f"SaaS {XSS_IMG}", company_pitch=f"{XSS_MD_IMAGE} {XSS_JS_LINK}"
    )
    for out in (preview_markdown(checked.text, "en"), flags_panel(checked, session, "en"), notice):
        assert "<script" not in out.lower() and "<img" not in out.lower()
        assert not re.search(r"!\[[^\]]*\]\(", out)  # no Markdown image at all
        assert not re.search(r"\]\(\s*javascript:", out, re.I)  # no javascript: link
    typed = checked.text + f"\n{XSS_SCRIPT} {XSS_MD_IMAGE} {XSS_JS_LINK}\n"
    out = preview_markdown(typed, "en")
    assert "<script" not in out.lower() and not re.search(r"!\[[^\]]*\]\(", out)


def test_ad_downloads_use_the_edited_text_and_carry_the_flags(services: Any, private_tmp: Path) -> None:
    with pytest.raises(InputError, match="Draft an ad first"):
        ad_download(None, "", "md", services)
    session, checked, *_ = drafted(services)
    edited = checked.text.replace("Acme Analytics recrute", "Acme Analytics, éditeur lyonnais, recrute")
    paths = {fmt: Path(ad_download(session, edited, fmt, services)) for fmt in ("md", "html", "json")}
    day = session.result.ad.date_posted.isoformat()
    for fmt, path in paths.items():
        assert path.is_relative_to(private_tmp) and stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.name == f"ad-acme-analytics-{day}.{fmt}"
        assert "éditeur lyonnais" in path.read_text(encoding="utf-8")
    md = paths["md"].read_text(encoding="utf-8")
    assert md.startswith("---\n") and "severity: error" in md and "kind: salary" in md
    page = paths["html"].read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>\n<!--") and "ERROR salary" in page
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert data["@type"] == "JobPosting" and data["title"] == "Responsable de compte (F/H)"
    assert any(f["severity"] == "error" for f in data["hiringAssistantFlags"])
    assert "éditeur lyonnais" in data["employerOverview"]


def test_a_fixed_ad_downloads_its_fixes_and_json_ld_from_the_edit(services: Any, private_tmp: Path) -> None:
    session, checked, *_ = drafted(services)
    while any(f.kind in ("title", "salary") for f in checked.fixes):
        index = next(i for i, f in enumerate(checked.fixes) if f.kind in ("title", "salary"))
        checked, _ = apply_choice(str(index), checked.fixes, checked.text, session, services, "en")
    data = json.loads(Path(ad_download(session, checked.text, "json", services)).read_text(encoding="utf-8"))
    assert data["title"] == "Account Manager (F/H)"
    assert data["baseSalary"]["value"]["minValue"] == 2920 and data["baseSalary"]["value"]["maxValue"] == 3500
    assert not [f for f in data.get("hiringAssistantFlags", []) if f["severity"] == "error"]


def test_an_example_brief_loaded_in_the_form_drafts_the_cli_ad(services: Any) -> None:
    from assistant.ads import draft_job_ad, load_brief

    assert {"brief-fr.yaml", "brief-en.yaml"} <= set(example_briefs())
    for name, path in example_briefs().items():
        form = dict(zip(FIELDS, example_values(name), strict=True))
        from_form = draft_ad(form, services)[0].result
        from_file = draft_job_ad(load_brief(path), services)
        assert from_form.text == from_file.text, name  # nothing is lost or changed through the form
    with pytest.raises(InputError, match="Pick an example"):
        example_values(None)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="Choisissez"):
        example_values("", "fr")
