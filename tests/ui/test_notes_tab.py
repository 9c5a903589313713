"""The "Summarise interview notes" tab's handlers, without a browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ui_helpers import NOTES_FR, XSS_IMG, XSS_MD_IMAGE, XSS_SCRIPT, live_link

from assistant.errors import InputError
from assistant.ui.notes_tab import SCORECARD_HEADERS, example_notes, example_notes_text, notes_download, summarize


def test_summarize_flags_first_scorecard_and_notice(services: Any) -> None:
    summary, flags_md, rows, details, notice = summarize(NOTES_FR, "phone", services)
    assert "discrimination" in flags_md and "45 ans" in flags_md
    assert len(rows) == len(services.framework.competencies)
    assert all(len(r) == len(SCORECARD_HEADERS) for r in rows)
    assessed = [r for r in rows if r[1] == "assessed"]
    assert assessed and any("« " in r[3] for r in assessed)
    assert not any("45 ans" in r[3] for r in rows)  # a protected criterion never counts as evidence
    assert all(r[2] == "" for r in rows)  # offline: no invented ratings
    assert "Follow-up questions" in details
    assert summary.notice.split(".")[0] in notice and "not stored" in notice


@pytest.mark.parametrize("bad", ["", "   ", None, "x" * 30_000])
def test_summarize_rejects_bad_notes(services: Any, bad: Any) -> None:
    with pytest.raises(InputError):
        summarize(bad, "", services)


def test_summarize_rejects_an_unknown_stage(services: Any) -> None:
    with pytest.raises(InputError, match="stage"):
        summarize(NOTES_FR, "lunch", services)


def test_summary_renders_hostile_notes_inert(services: Any) -> None:
    notes = NOTES_FR + f"- Très à l'écoute {XSS_SCRIPT} {XSS_IMG} {XSS_MD_IMAGE}\n"
    _, flags_md, rows, details, notice = summarize(notes, "", services)
    for out in (flags_md, details, notice):
        assert "<script" not in out and "<img" not in out and not live_link(out)


def test_notes_downloads_only_on_request(services: Any, private_tmp: Path) -> None:
    with pytest.raises(InputError, match="Summarise notes first"):
        notes_download(None, "md")
    summary, *_ = summarize(NOTES_FR, "", services)
    md, js = Path(notes_download(summary, "md")), Path(notes_download(summary, "json"))
    assert md.is_relative_to(private_tmp) and js.is_relative_to(private_tmp)
    assert md.read_text().startswith("# ") and '"competencies"' in js.read_text()


def test_example_notes_load(services: Any) -> None:
    assert {"notes-fr.txt", "notes-en.txt"} <= set(example_notes())
    text = example_notes_text("notes-fr.txt")
    assert text.strip() and summarize(text, "", services)[2]
    with pytest.raises(InputError):
        example_notes_text("../../etc/passwd")
