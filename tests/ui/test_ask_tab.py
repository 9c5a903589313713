"""The "Ask the guide" tab's handlers, without a browser."""

from __future__ import annotations

from typing import Any

import pytest
from ui_helpers import XSS_MD_IMAGE, XSS_SCRIPT, live_link

from assistant.errors import InputError
from assistant.guide.models import Citation
from assistant.qa import Answer
from assistant.ui.ask_tab import answer_markdown, chat_turn


def test_answer_markdown_cites_sections_and_quotes_passages() -> None:
    answer = Answer(
        answer="Entre 2920 € et 3500 € [1]",
        abstained=False,
        citations=[Citation(chunk_id="c1", section="Grille de salaire", text="La fourchette " + "x" * 600)],
        backend="offline",
    )
    out = answer_markdown(answer)
    assert "**[1] Grille de salaire**" in out and "> La fourchette" in out
    assert "…" in out and len(out) < 1000  # the passage is cut
    assert "*Answered by: offline*" in out


def test_answer_markdown_says_when_the_guide_does_not_cover_it() -> None:
    answer = Answer(
        answer="The guide does not cover this question.", abstained=True, backend="offline", notice="LLM down."
    )
    out = answer_markdown(answer)
    assert "does not cover" in out and "Sources" not in out and "LLM down." in out


def test_chat_turn_answers_with_citations(services: Any) -> None:
    history = chat_turn("Quel salaire pour un account manager débutant ?", [], services)
    assert [m["role"] for m in history] == ["user", "assistant"]
    reply = history[1]["content"]
    assert "2920" in reply and "Grille de salaire" in reply and "Sources" in reply


def test_chat_turn_abstains_outside_the_guide(services: Any) -> None:
    history = chat_turn("What is the capital of Peru?", [{"role": "user", "content": "hi"}], services)
    assert len(history) == 3 and "does not cover" in history[-1]["content"]


def test_chat_turn_echoes_the_question_inert(services: Any) -> None:
    history = chat_turn(f"Quel salaire ? {XSS_SCRIPT} {XSS_MD_IMAGE}", [], services)
    assert "<script" not in history[0]["content"] and not live_link(history[0]["content"])


@pytest.mark.parametrize("bad", ["", "   ", "?!", "x" * 5000])
def test_chat_turn_rejects_bad_questions(services: Any, bad: str) -> None:
    with pytest.raises(InputError):
        chat_turn(bad, [], services)


def test_chat_turn_names_the_llm_and_falls_back_when_it_fails(llm_services: Any, kb: Any) -> None:
    hits = kb.search("salaire account manager débutant", 5)
    answer = {"answer": "De 2920 à 3500 € par mois.", "abstain": False, "citations": [hits[0].chunk.id]}
    services, _ = llm_services(answer, model_name="fake-llm")
    reply = chat_turn("Quel salaire pour un account manager débutant ?", [], services)[-1]["content"]
    assert "De 2920 à 3500 € par mois." in reply and "fake-llm" in reply

    services, _ = llm_services(TimeoutError("slow"), TimeoutError("slow"), model_name="fake-llm")
    reply = chat_turn("Quel salaire pour un account manager débutant ?", [], services)[-1]["content"]
    assert "offline answer" in reply and "Answered by: offline" in reply
