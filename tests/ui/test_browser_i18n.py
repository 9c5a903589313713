"""The interface in French and English, and on a phone, in a real browser (Debian's chromium, see test_browser.py).

- the page load picks the browser's language, the header's FR | EN toggle switches it, and a page in one language
  shows no text of the other from the catalog (quotes from the guide or the notes aside);
- at 390 px wide every tab is a visible, clickable button: none hides behind Gradio's "…" menu.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from ui_helpers import SCREENSHOTS, TIMEOUT_MS

from assistant.ui.i18n import catalog, t

pytestmark = [pytest.mark.browser, pytest.mark.server]

TAB_KEYS = ["app.tab.ad", "app.tab.notes", "app.tab.debrief", "app.tab.ask"]  # in the page's order


def open_page(browser: Any, url: str, *, locale: str, width: int = 1280, height: int = 1000) -> Any:
    """A new context (its own Accept-Language) and page on the app, once the page load has relabelled it."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale=locale)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(url)
    page.locator("#status").get_by_text("Index").wait_for()
    return page


def tab_names(lang: str) -> list[str]:
    return [t(key, lang) for key in TAB_KEYS]


def other_language_texts(lang: str) -> list[str]:
    """Catalog texts of the other language that a page in `lang` must not show (plain texts that differ)."""
    other = "fr" if lang == "en" else "en"
    index = 0 if other == "fr" else 1
    out = []
    for pair in catalog().values():
        text = pair[index]
        if text == pair[1 - index] or re.search(r"[{}#*`\[\]\n<>]", text):
            continue  # the same in both languages, a template, or Markdown whose rendered text differs
        out.append(text)
    return out


def assert_only(page: Any, lang: str) -> None:
    """Every tab of the page shows no text of the other language from the catalog."""
    forbidden = other_language_texts(lang)
    for key in TAB_KEYS:
        page.get_by_role("tab", name=t(key, lang), exact=True).click()
        body = page.locator("body").inner_text()
        found = [s for s in forbidden if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", body)]
        assert found == [], f"page in {lang} (tab {t(key, lang)!r}) shows {found}"


def wait_for_tabs(page: Any, lang: str) -> None:
    for name in tab_names(lang):
        page.get_by_role("tab", name=name, exact=True).wait_for()


def test_page_load_follows_the_browser_language(browser: Any, served: tuple[Any, str]) -> None:
    for locale, lang in (("fr-FR", "fr"), ("en-GB", "en")):
        page = open_page(browser, served[1], locale=locale)
        wait_for_tabs(page, lang)
        page.wait_for_function(f"() => document.title === {t('app.title', lang)!r}")
        assert page.locator(f"#lang-toggle input[value='{lang}']").is_checked()
        assert_only(page, lang)
        page.context.close()


def test_toggle_switches_every_label_and_back(browser: Any, served: tuple[Any, str]) -> None:
    page = open_page(browser, served[1], locale="fr-FR")
    wait_for_tabs(page, "fr")
    status_fr = page.locator("#status").inner_text()
    page.locator("#lang-toggle").get_by_text("EN", exact=True).click()
    wait_for_tabs(page, "en")
    page.locator("#status").get_by_text("Backend").wait_for()
    assert page.locator("#status").inner_text() != status_fr
    page.wait_for_function(f"() => document.title === {t('app.title', 'en')!r}")
    assert_only(page, "en")
    page.locator("#lang-toggle").get_by_text("FR", exact=True).click()
    wait_for_tabs(page, "fr")
    page.locator("#status").get_by_text("Moteur").wait_for()
    assert_only(page, "fr")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "i18n-fr.png"), full_page=True)
    page.context.close()


@pytest.mark.parametrize("locale", ["fr-FR", "en-US"])
def test_every_tab_is_reachable_at_390px(browser: Any, served: tuple[Any, str], locale: str) -> None:
    lang = locale[:2]
    page = open_page(browser, served[1], locale=locale, width=390, height=844)
    wait_for_tabs(page, lang)
    tabs = page.get_by_role("tab")
    assert tabs.count() == len(TAB_KEYS)
    assert not page.locator(".overflow-menu button, button[aria-label='More tabs']").is_visible()
    for name in tab_names(lang):
        tab = page.get_by_role("tab", name=name, exact=True)
        assert tab.is_visible()
        box = tab.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, (name, box)
        tab.click()  # a real click at its place on the page: nothing covers it
        assert tab.get_attribute("aria-selected") == "true"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390 + 1  # no sideways scrolling
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"phone-{lang}.png"), full_page=True)
    page.context.close()
