"""A language switch in a real browser keeps the results shown, and errors reach a French page in French (Debian's
chromium, see test_browser.py).

- a scorecard summarised on a French page is still there after FR → EN, its headers, statuses and flags in English,
  and back again;
- an empty Summarise on a French page shows the notes' check in French, not the code's English.
"""

from __future__ import annotations

from typing import Any

import pytest
from ui_helpers import NOTES_FR, TIMEOUT_MS

from assistant.ui.i18n import t

pytestmark = [pytest.mark.browser, pytest.mark.server]


def open_french_page(browser: Any, url: str) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(url)
    page.locator("#status").get_by_text("Moteur").wait_for()
    page.get_by_role("tab", name=t("app.tab.notes", "fr"), exact=True).click()
    return page


def rows(page: Any) -> list[str]:
    """The scorecard's rows as shown (Gradio 6 draws them as role=row divs), cell texts joined."""
    return [" | ".join(c.inner_text() for c in r.get_by_role("gridcell").all()) for r in _rows(page)]


def _rows(page: Any) -> list[Any]:
    return [r for r in page.locator("#notes-scorecard [role=row]").all() if r.get_by_role("gridcell").count()]


def test_switching_language_keeps_the_scorecard(browser: Any, served: tuple[Any, str]) -> None:
    page = open_french_page(browser, served[1])
    try:
        page.locator("#notes-text textarea").fill(NOTES_FR)
        page.locator("#notes-go").click()
        # summarising embeds the notes: slow on a busy machine, so a longer wait than the page's default
        page.locator("#notes-notice").get_by_text("pas été conservées").wait_for(timeout=6 * TIMEOUT_MS)
        table = page.locator("#notes-scorecard")
        table.get_by_text("évalué", exact=True).first.wait_for()
        shown_fr = rows(page)
        assert shown_fr and "reformule les besoins" in table.inner_text()

        page.locator("#lang-toggle").get_by_text("EN", exact=True).click()
        page.locator("#notes-notice").get_by_text("not stored").wait_for()
        table.get_by_text("assessed", exact=True).first.wait_for()
        table.get_by_text(t("notes.col.competency", "en"), exact=True).first.wait_for()
        assert len(rows(page)) == len(shown_fr) and "reformule les besoins" in table.inner_text()
        assert "évalué" not in table.inner_text() and "Flags (" in page.locator("#notes-flags").inner_text()

        page.locator("#lang-toggle").get_by_text("FR", exact=True).click()
        page.locator("#notes-notice").get_by_text("pas été conservées").wait_for()
        table.get_by_text(t("notes.col.competency", "fr"), exact=True).first.wait_for()
        assert rows(page) == shown_fr  # the very same rows, statuses in French again
    finally:
        page.context.close()


def test_an_error_on_a_french_page_is_in_french(browser: Any, served: tuple[Any, str]) -> None:
    page = open_french_page(browser, served[1])
    try:
        page.locator("#notes-go").click()
        page.get_by_text(t("msg.notes.empty", "fr")).first.wait_for()
        assert page.get_by_text("notes are empty").count() == 0
    finally:
        page.context.close()
