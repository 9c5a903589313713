"""The "Draft a job ad" tab's handlers, without a browser."""

from __future__ import annotations

import re
import stat
from pathlib import Path
from typing import Any

import pytest
from ui_helpers import XSS_IMG, XSS_JS_LINK, XSS_MD_IMAGE, XSS_SCRIPT, brief_values

from assistant.errors import InputError
from assistant.ui.ad_tab import BRIEF_FIELDS, ad_download, brief_dict, draft_ad, example_briefs, example_values

FIELDS = [f for f, _ in BRIEF_FIELDS]


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


def test_draft_ad_renders_title_flags_and_passages(services: Any) -> None:
    result, ad_md, flags_md, passages = draft_ad(dict(zip(FIELDS, brief_values(), strict=True)), services)
    assert "(F/H)" in result.ad.title and "(F/H)" in ad_md
    assert "Acme Analytics" in ad_md
    assert "Responsable de compte" in flags_md  # the discouraged title is flagged, quoted
    assert "Guide passages used" in passages and "> " in passages


def test_draft_ad_rejects_a_brief_without_company(services: Any) -> None:
    with pytest.raises(InputError, match="company"):
        draft_ad(dict(zip(FIELDS, brief_values(company="  "), strict=True)), services)


def test_draft_ad_keeps_hostile_fields_inert(services: Any) -> None:
    values = brief_values(
        company=f"Acme {XSS_SCRIPT}", sector=f"SaaS {XSS_IMG}", company_pitch=f"{XSS_MD_IMAGE} {XSS_JS_LINK}"
    )
    _, ad_md, flags_md, _ = draft_ad(dict(zip(FIELDS, values, strict=True)), services)
    for out in (ad_md, flags_md):
        assert "<script" not in out.lower() and "<img" not in out.lower()
        assert not re.search(r"!\[[^\]]*\]\(", out)  # no Markdown image at all
        assert not re.search(r"\]\(\s*javascript:", out, re.I)  # no javascript: link


def test_ad_downloads_are_written_only_on_request(services: Any, private_tmp: Path) -> None:
    with pytest.raises(InputError, match="Draft an ad first"):
        ad_download(None, "md")
    result, *_ = draft_ad(dict(zip(FIELDS, brief_values(), strict=True)), services)
    paths = {fmt: Path(ad_download(result, fmt)) for fmt in ("md", "html", "jsonld")}
    for path in paths.values():
        assert path.is_relative_to(private_tmp) and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "(F/H)" in paths["md"].read_text()
    assert "<html" in paths["html"].read_text().lower()
    assert '"JobPosting"' in paths["jsonld"].read_text()


def test_an_example_brief_loaded_in_the_form_drafts_the_cli_ad(services: Any) -> None:
    from assistant.ads import draft_job_ad, load_brief

    assert {"brief-fr.yaml", "brief-en.yaml"} <= set(example_briefs())
    for name, path in example_briefs().items():
        form = dict(zip(FIELDS, example_values(name), strict=True))
        from_form = draft_ad(form, services)[0]
        from_file = draft_job_ad(load_brief(path), services)
        assert from_form.text == from_file.text, name  # nothing is lost or changed through the form
    with pytest.raises(InputError, match="Pick an example"):
        example_values(None)  # type: ignore[arg-type]
