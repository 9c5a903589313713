"""End to end in a real browser: Debian's chromium driven by the Python playwright package (never `playwright install`).

One app for the module (launched on 127.0.0.1 by the fixtures in tests/ui/conftest.py); one page per test; waits
are on visible text, never sleeps. Screenshots go to tests/screenshots/ (git-ignored). Set ASSISTANT_REQUIRE_BROWSER=1
(as .ci/run does) to fail instead of skip when chromium is missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from ui_helpers import NOTES_FR, SCREENSHOTS, TIMEOUT_MS, XSS_IMG, XSS_JS_LINK, XSS_MD_IMAGE, XSS_SCRIPT

pytestmark = [pytest.mark.browser, pytest.mark.server]


class Page:
    """A Playwright page on the app, recording every request and dialog it sees."""

    def __init__(self, page: Any, url: str) -> None:
        self.page, self.url = page, url
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open_tab(self, name: str) -> None:
        self.page.get_by_role("tab", name=name).click()

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def assert_inert(self) -> None:
        """No script ran, no dialog opened, no request left the app's host, no remote or broken image was made."""
        assert self.page.evaluate("() => window.__xss === undefined"), "an injected script ran"
        assert self.dialogs == []
        app_host = urlsplit(self.url).netloc
        foreign = [u for u in self.requests if not u.startswith(("data:", "blob:")) and urlsplit(u).netloc != app_host]
        assert foreign == [], f"requests outside the app: {foreign}"
        assert self.page.locator("img[src*='evil.example'], img[src='x'], a[href^='javascript:']").count() == 0


@pytest.fixture(scope="module")
def context(browser: Any) -> Iterator[Any]:
    """One browser context for the module, so Gradio's assets are fetched once (each test has its own page)."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    yield context
    context.close()


@pytest.fixture
def app_page(context: Any, served: tuple[Any, str]) -> Iterator[Page]:
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    wrapped = Page(page, served[1])
    page.goto(served[1])
    page.get_by_text("Backend:").wait_for()
    yield wrapped
    page.close()


def test_page_shows_backend_and_index(app_page: Page) -> None:
    status = app_page.page.locator("#status")
    status.get_by_text("offline").wait_for()
    assert "ready" in status.inner_text()
    app_page.assert_inert()


# --------------------------------------------------------------------------- ask the guide


def ask(app_page: Page, question: str) -> Any:
    app_page.open_tab("Ask the guide")
    app_page.page.locator("#ask-question textarea").fill(question)
    app_page.page.locator("#ask-send").click()
    return app_page.page.locator("#ask-chat")


def test_ask_tab_answers_with_citations(app_page: Page) -> None:
    chat = ask(app_page, "Quel salaire pour un account manager débutant ?")
    chat.get_by_text("Answered by: offline").wait_for()
    assert chat.get_by_text("[1] Grille de salaire").is_visible()
    assert chat.locator("blockquote").first.is_visible()  # the cited passage, quoted
    assert "2920 €" in chat.inner_text()
    app_page.screenshot("ask")
    app_page.assert_inert()


def test_ask_tab_says_when_the_guide_does_not_cover_it(app_page: Page) -> None:
    chat = ask(app_page, "What is the capital of Peru?")
    chat.get_by_text("does not cover").wait_for()
    assert "Sources" not in chat.inner_text()


def test_ask_tab_shows_a_plain_error(app_page: Page) -> None:
    ask(app_page, "   ")
    app_page.page.get_by_text("The question is empty").first.wait_for()


def test_ask_tab_echoes_hostile_questions_inert(app_page: Page) -> None:
    chat = ask(app_page, f"Quel salaire ? {XSS_SCRIPT} {XSS_IMG} {XSS_MD_IMAGE} {XSS_JS_LINK}")
    chat.get_by_text("Answered by").wait_for()
    text = chat.inner_text()
    assert "<script>" in text and "evil.example" in text  # shown as text, not run or loaded
    app_page.assert_inert()


# --------------------------------------------------------------------------- interview notes


def test_notes_example_loads_into_the_box(app_page: Page) -> None:
    page = app_page.page
    app_page.open_tab("Summarise interview notes")
    page.locator("#notes-example input").click()
    page.get_by_role("option", name="notes-en.txt").click()
    page.locator("#notes-load-example").click()
    from playwright.sync_api import expect

    expect(page.locator("#notes-text textarea")).not_to_have_value("", timeout=TIMEOUT_MS)


def summarise(app_page: Page, notes: str) -> Any:
    app_page.open_tab("Summarise interview notes")
    app_page.page.locator("#notes-text textarea").fill(notes)
    app_page.page.locator("#notes-go").click()
    notice = app_page.page.locator("#notes-notice")
    notice.get_by_text("not stored").wait_for()
    return notice


def test_notes_tab_flags_first_scorecard_quotes_and_notice(app_page: Page) -> None:
    page = app_page.page
    notice = summarise(app_page, NOTES_FR)
    flags = page.locator("#notes-flags")
    assert "discrimination" in flags.inner_text() and "45 ans" in flags.inner_text()
    table = page.locator("#notes-scorecard")
    table.get_by_text("reformule les besoins du client", exact=False).first.wait_for()
    assert table.get_by_text("assessed", exact=True).first.is_visible()
    assert "45 ans" not in table.inner_text()  # a protected criterion is not evidence
    assert "décision" in notice.inner_text() or "decision" in notice.inner_text()
    assert page.locator("#notes-details").get_by_text("Follow-up questions").is_visible()
    # flags are above the scorecard
    assert flags.bounding_box()["y"] < table.bounding_box()["y"]
    app_page.screenshot("notes")
    # A download is written only now, on request, and served from the app.
    page.get_by_role("button", name="Download Markdown").click()
    link = page.locator("#notes-download a").first
    link.wait_for()
    with page.expect_download() as download:
        link.click()
    assert Path(download.value.path()).read_text(encoding="utf-8").startswith("# ")
    app_page.assert_inert()


def test_notes_upload_fills_the_box_and_leaves_no_file(app_page: Page, tmp_path: Path, private_tmp: Path) -> None:
    notes_file = tmp_path / "interview-notes-upload.txt"
    notes_file.write_text(NOTES_FR, encoding="utf-8")
    app_page.open_tab("Summarise interview notes")
    app_page.page.locator("#notes-upload input[type=file]").set_input_files(str(notes_file))
    box = app_page.page.locator("#notes-text textarea")
    from playwright.sync_api import expect

    expect(box).to_have_value(re.compile("reformule les besoins"), timeout=TIMEOUT_MS)
    assert not list(private_tmp.rglob("interview-notes-upload.txt"))  # Gradio's copy was deleted once read


def test_notes_tab_renders_hostile_notes_inert(app_page: Page) -> None:
    hostile = (
        NOTES_FR
        + f"- Très à l'écoute du client {XSS_SCRIPT} {XSS_IMG}\n"
        + f"- Suit ses KPI {XSS_MD_IMAGE} {XSS_JS_LINK}\n"
    )
    summarise(app_page, hostile)
    page = app_page.page
    page.locator("#notes-scorecard").get_by_text("evil.example", exact=False).first.wait_for()
    app_page.screenshot("notes-xss")
    app_page.assert_inert()


def test_notes_tab_shows_a_plain_error(app_page: Page) -> None:
    app_page.open_tab("Summarise interview notes")
    app_page.page.locator("#notes-go").click()
    app_page.page.get_by_text("notes are empty").first.wait_for()


# --------------------------------------------------------------------------- draft a job ad


def brief_field(page: Any, name: str) -> Any:
    return page.locator(f"#brief-{name} textarea, #brief-{name} input").first


def fill_brief(page: Any, **values: str) -> None:
    for name, value in values.items():
        brief_field(page, name).fill(value)


def test_ad_tab_drafts_title_flags_and_passages(app_page: Page) -> None:
    page = app_page.page
    app_page.open_tab("Draft a job ad")
    page.locator("#ad-example input").click()
    page.get_by_role("option", name="brief-fr.yaml").click()
    page.locator("#ad-load-example").click()
    from playwright.sync_api import expect

    expect(brief_field(page, "company")).to_have_value("Lumen Analytics", timeout=TIMEOUT_MS)
    fill_brief(page, requested_title="Responsable de compte")
    page.locator("#ad-draft").click()
    ad = page.locator("#ad-text")
    ad.get_by_text("(F/H)").first.wait_for()
    assert "Lumen Analytics" in ad.inner_text() and "Decathlon" in ad.inner_text()
    flags = page.locator("#ad-flags")
    flags.get_by_text("Responsable de compte").first.wait_for()
    page.get_by_text("Guide passages used").first.click()
    page.locator("#ad-passages blockquote").first.wait_for(state="visible")
    app_page.screenshot("ad")
    page.get_by_role("button", name="Download JSON-LD").click()
    page.locator("#ad-download a").first.wait_for()
    app_page.assert_inert()


def test_ad_tab_renders_hostile_brief_inert(app_page: Page) -> None:
    page = app_page.page
    app_page.open_tab("Draft a job ad")
    fill_brief(
        page,
        company=f"Acme {XSS_SCRIPT}",
        sector=f"SaaS {XSS_IMG}",
        company_pitch=f"{XSS_MD_IMAGE} {XSS_JS_LINK}",
        requirements=f"Anglais courant {XSS_IMG}",
    )
    page.locator("#ad-draft").click()
    page.locator("#ad-text").get_by_text("(F/H)").first.wait_for()
    app_page.screenshot("ad-xss")
    app_page.assert_inert()


def test_ad_tab_shows_a_plain_error(app_page: Page) -> None:
    app_page.open_tab("Draft a job ad")
    app_page.page.locator("#ad-draft").click()
    app_page.page.get_by_text("no `company`", exact=False).first.wait_for()
