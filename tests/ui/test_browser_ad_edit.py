"""In Chromium: draft an ad, edit it, see a flag appear, apply its fix, see it go, download the edited text.

Uses the app and browser of tests/ui/conftest.py and test_browser.py (Debian's chromium, never `playwright install`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_browser import Page
from ui_helpers import TIMEOUT_MS

from assistant.ui.i18n import t

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.fixture
def en_page(browser: Any, served: tuple[Any, str]) -> Iterator[Page]:  # noqa: F811
    """A page of the app in English (the browser asks for English)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1100}, accept_downloads=True, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    wrapped = Page(page, served[1])
    page.goto(served[1])
    page.locator("#status").wait_for()
    yield wrapped
    context.close()


def test_edit_the_ad_apply_a_fix_and_download_the_edit(en_page: Page) -> None:
    from playwright.sync_api import expect

    page = en_page.page
    page.get_by_role("tab", name=t("app.tab.ad", "en")).click()
    page.locator("#brief-company input, #brief-company textarea").first.fill("Acme Analytics")
    page.locator("#ad-draft").click()
    editor = page.locator("#ad-editor textarea")
    expect(editor).to_have_value(re.compile(r"\(F/H\)"), timeout=TIMEOUT_MS)
    flags = page.locator("#ad-flags")
    expect(flags).to_contain_text("salaire à compléter")  # no pay in the brief: an error with the grid as suggestion

    # Edit: a sentence of our own, and a protected criterion; the check runs as we type.
    text = editor.input_value()
    assert "Moins de 30 ans" not in text
    edited = text.replace("recrute un·e", "recrute dès aujourd’hui un·e", 1).replace(
        "## Votre profil\n\n", "## Votre profil\n\nMoins de 30 ans.\n\n", 1
    )
    editor.fill(edited[:-1])  # pasted...
    editor.press_sequentially(edited[-1])  # ...and typed, as a recruiter would
    expect(page.locator("#ad-text")).to_contain_text("dès aujourd’hui")  # the preview follows the text
    expect(flags).to_contain_text("30 ans", timeout=TIMEOUT_MS)
    en_page.screenshot("ad-edit-flagged")

    # Apply the fix the flag offers: the sentence goes, and so does the flag.
    page.locator("#ad-fix input").click()
    page.get_by_role("option", name=re.compile("Moins de 30 ans")).click()
    page.locator("#ad-apply").click()
    expect(editor).not_to_have_value(re.compile("Moins de 30 ans"), timeout=TIMEOUT_MS)
    expect(flags).not_to_contain_text("Moins de 30 ans", timeout=TIMEOUT_MS)
    assert "dès aujourd’hui" in editor.input_value()  # the rest of the edit is kept
    en_page.screenshot("ad-edit-fixed")

    # The download is the edited text, with its open flags, named for the company and the date.
    page.locator("#ad-dl-md").click()
    link = page.locator("#ad-download a").first
    link.wait_for()
    with page.expect_download() as download:
        link.click()
    assert re.fullmatch(r"ad-acme-analytics-\d{4}-\d{2}-\d{2}\.md", download.value.suggested_filename)
    body = Path(download.value.path()).read_text(encoding="utf-8")
    assert body.startswith("---\n") and "severity: error" in body  # the pay placeholder is still open
    assert "dès aujourd’hui" in body and "Moins de 30 ans" not in body
    en_page.assert_inert()
