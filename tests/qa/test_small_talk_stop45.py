"""A thanks, a greeting or an « ok » is not a question: it gets no passage of the guide (stop 44's review: « merci ! »,
"ok" and "thanks" were answered with the glossary entry on DPM), but a reply that says what to ask. Written by hand."""

from __future__ import annotations

import pytest

from assistant.qa import SMALL_TALK_NOTICE, ask

SMALL_TALK = [
    "ok",
    "OK !",
    "merci !",
    "Merci beaucoup, super clair",
    "ok merci",
    "thanks",
    "Thank you so much!",
    "bonjour",
    "Salut :)",
    "hello",
    "d'accord, parfait",
    "great, got it 👍",
    "top, merci bcp",
    "oui",
]

# Questions that begin or end with a courtesy: the courtesy is not the question.
QUESTIONS = [
    "merci ! et quel salaire pour un AM senior ?",
    "ok, et que faire pendant la période d'essai ?",
    "thanks! what are the interview steps?",
    "Bonjour, c'est quoi le churn ?",
    "super, quelles soft skills chez un account manager ?",
]


@pytest.mark.parametrize("text", SMALL_TALK)
def test_small_talk_gets_no_passage_but_says_what_to_ask(services, text: str) -> None:
    answer = ask(text, services)
    assert answer.abstained and not answer.citations
    assert answer.notice in SMALL_TALK_NOTICE.values()


@pytest.mark.parametrize("text", QUESTIONS)
def test_a_question_after_a_courtesy_is_answered(services, text: str) -> None:
    answer = ask(text, services)
    assert not answer.abstained and answer.citations
    assert answer.notice not in SMALL_TALK_NOTICE.values()


def test_small_talk_after_a_question_is_not_read_as_a_follow_up(services) -> None:
    history = [{"question": "Quel salaire pour un AM junior ?", "answer": "2 500 à 3 000 € brut mensuel."}]
    answer = ask("merci !", services, history=history)
    assert answer.abstained and not answer.citations and not answer.understood_as


def test_the_reply_is_in_the_language_of_the_message(services) -> None:
    assert ask("thanks a lot", services).notice == SMALL_TALK_NOTICE["en"]
    assert ask("merci beaucoup", services).notice == SMALL_TALK_NOTICE["fr"]
