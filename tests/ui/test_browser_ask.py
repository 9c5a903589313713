"""Asking the guide as a conversation in a real browser (Debian's chromium, see test_browser.py): a follow-up is
understood from the previous question, each answer keeps its own citations, "New conversation" forgets it all,
and the tab speaks the page's language (an example question, the abstention)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from ui_helpers import SCREENSHOTS, TIMEOUT_MS

from assistant.ui.i18n import t

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.fixture
def page_fr(browser: Any, served: tuple[Any, str]) -> Iterator[Any]:
    """The app in French (the browser says so), on the Ask tab."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(served[1])
    page.locator("#status").get_by_text("Index").wait_for()
    page.get_by_role("tab", name=t("app.tab.ask", "fr"), exact=True).click()
    page.locator("#ask-new").get_by_text("Nouvelle conversation").wait_for()
    yield page
    context.close()


def send(page: Any, question: str) -> None:
    page.locator("#ask-question textarea").fill(question)
    page.locator("#ask-send").click()


def wait_for_answers(page: Any, n: int) -> None:
    from playwright.sync_api import expect

    expect(page.locator("#ask-chat").get_by_text("Réponse de : offline")).to_have_count(n, timeout=TIMEOUT_MS)


def test_a_follow_up_is_answered_from_the_previous_question(page_fr: Any) -> None:
    page = page_fr
    chat = page.locator("#ask-chat")
    send(page, "Quel salaire pour un account manager junior ?")
    wait_for_answers(page, 1)
    send(page, "Et pour un senior ?")
    wait_for_answers(page, 2)
    text = chat.inner_text()
    assert "Compris comme : salaire — Et pour un senior ?" in text
    assert "5420" in text
    assert chat.get_by_text("[1] Grille de salaire").count() == 2  # each answer shows its own citation
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "ask-follow-up.png"), full_page=True)

    # A new conversation forgets the salary question: the same words are no longer a follow-up.
    page.locator("#ask-new").click()
    from playwright.sync_api import expect

    expect(chat.get_by_text("Réponse de : offline")).to_have_count(0, timeout=TIMEOUT_MS)
    send(page, "Et pour un senior ?")
    wait_for_answers(page, 1)
    assert "Compris comme" not in chat.inner_text()


def test_examples_and_abstention_are_in_the_page_language(page_fr: Any) -> None:
    page = page_fr
    from playwright.sync_api import expect

    page.get_by_role("button", name=t("ask.example.soft_skills", "fr"), exact=True).click()
    expect(page.locator("#ask-question textarea")).to_have_value(t("ask.example.soft_skills", "fr"))
    assert page.get_by_role("button", name=t("ask.example.soft_skills", "en"), exact=True).count() == 0
    send(page, "What is the capital of Peru?")
    wait_for_answers(page, 1)
    text = page.locator("#ask-chat").inner_text()
    assert "Le guide ne couvre pas cette question." in text and "does not cover" not in text


def test_the_chat_bin_button_also_forgets_the_conversation(page_fr: Any) -> None:
    from playwright.sync_api import expect

    page = page_fr
    chat = page.locator("#ask-chat")
    send(page, "Quel salaire pour un account manager junior ?")
    wait_for_answers(page, 1)
    chat.get_by_role("button", name="Effacer la conversation").click()  # Gradio's own label, in the browser's locale
    expect(chat.get_by_text("Réponse de : offline")).to_have_count(0, timeout=TIMEOUT_MS)
    send(page, "Et pour un senior ?")
    wait_for_answers(page, 1)
    assert "Compris comme" not in chat.inner_text()
