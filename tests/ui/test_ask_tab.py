"""The "Ask the guide" tab's handlers, without a browser: answers, the conversation's state, both languages."""

from __future__ import annotations

from typing import Any

import pytest
from ui_helpers import XSS_MD_IMAGE, XSS_SCRIPT, live_link

from assistant.errors import InputError
from assistant.guide.models import Citation
from assistant.qa import Answer
from assistant.ui.ask_tab import EXAMPLE_KEYS, answer_markdown, build_ask_tab, chat_turn, new_conversation
from assistant.ui.i18n import Binder, t


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
    history = chat_turn("Quel salaire pour un account manager débutant ?", [], services).messages
    assert [m["role"] for m in history] == ["user", "assistant"]
    reply = history[1]["content"]
    assert "2920" in reply and "Grille de salaire" in reply and "Sources" in reply


def test_chat_turn_abstains_outside_the_guide(services: Any) -> None:
    history = chat_turn("What is the capital of Peru?", [{"role": "user", "content": "hi"}], services).messages
    assert len(history) == 3 and "does not cover" in history[-1]["content"]


def test_chat_turn_echoes_the_question_inert(services: Any) -> None:
    history = chat_turn(f"Quel salaire ? {XSS_SCRIPT} {XSS_MD_IMAGE}", [], services).messages
    assert "<script" not in history[0]["content"] and not live_link(history[0]["content"])


@pytest.mark.parametrize("bad", ["", "   ", "?!", "x" * 5000])
def test_chat_turn_rejects_bad_questions(services: Any, bad: str) -> None:
    with pytest.raises(InputError):
        chat_turn(bad, [], services)


def test_chat_turn_names_the_llm_and_falls_back_when_it_fails(llm_services: Any, kb: Any) -> None:
    hits = kb.search("salaire account manager débutant", 5)
    answer = {"answer": "De 2920 à 3500 € par mois.", "abstain": False, "citations": [hits[0].chunk.id]}
    services, _ = llm_services(answer, model_name="fake-llm")
    reply = chat_turn("Quel salaire pour un account manager débutant ?", [], services).messages[-1]["content"]
    assert "De 2920 à 3500 € par mois." in reply and "fake-llm" in reply

    services, _ = llm_services(TimeoutError("slow"), TimeoutError("slow"), model_name="fake-llm")
    reply = chat_turn("Quel salaire pour un account manager débutant ?", [], services).messages[-1]["content"]
    assert "offline answer" in reply and "Answered by: offline" in reply


# --------------------------------------------------------------------------- the conversation


def test_chat_turn_carries_the_conversation_in_its_turns(services: Any) -> None:
    first = chat_turn("Quel salaire pour un account manager junior ?", [], services, [], "fr")
    assert len(first.turns) == 1 and first.turns[0]["citations"]
    second = chat_turn("Et pour un senior ?", first.messages, services, first.turns, "fr")
    assert [m["role"] for m in second.messages] == ["user", "assistant"] * 2
    reply = second.messages[-1]["content"]
    assert "Compris comme" in reply and "salaire" in reply and "5420" in reply and "Grille de salaire" in reply
    assert len(second.turns) == 2 and second.turns[-1]["understood_as"]
    # The first answer keeps its own citations in the chat.
    assert "Grille de salaire" in second.messages[1]["content"]
    # The same words without the turns are not understood as the salary question (the grid may still come second:
    # « senior » is one of its levels, and the sentence naming it is chosen since stop 54).
    alone = chat_turn("Et pour un senior ?", [], services, [], "fr")
    assert "Compris comme" not in alone.messages[-1]["content"] and not alone.turns[-1].get("understood_as")
    assert not alone.messages[-1]["content"].startswith("La fourchette")


def test_turns_kept_in_state_are_bounded(services: Any) -> None:
    turns = [{"question": f"Question {n} ?", "answer": "z" * 1000} for n in range(40)]
    out = chat_turn("Quelles soft skills faut-il rechercher ?", [], services, turns, "fr")
    assert len(out.turns) <= 6 and sum(len(str(turn)) for turn in out.turns) < 8000


def test_new_conversation_clears_chat_turns_and_box() -> None:
    assert new_conversation() == ([], [], "")


def test_abstention_and_labels_follow_the_page_language(services: Any) -> None:
    fr = chat_turn("What is the capital of Peru?", [], services, [], "fr").messages[-1]["content"]
    en = chat_turn("Quelle est la capitale du Pérou ?", [], services, [], "en").messages[-1]["content"]
    assert "Le guide ne couvre pas cette question." in fr and "Réponse de" in fr and "does not" not in fr
    assert "The guide does not cover this question." in en and "Answered by" in en and "ne couvre" not in en


def test_withheld_answer_says_why_in_the_page_language(llm_services: Any, kb: Any) -> None:
    services, model = llm_services(model_name="fake-llm")
    question = "Quel profil privilégier ?"
    chunk = kb.search(question, services.settings.top_k)[0].chunk.id
    text = "Le guide recommande de privilégier les candidats jeunes et sans enfants."
    model.script([{"answer": text, "abstain": False, "citations": [chunk]}] * 2)
    reply = chat_turn(question, [], services, [], "fr").messages[-1]["content"]
    assert "jeunes" not in reply and "critère protégé" in reply and "L1132-1" in reply


def test_build_ask_tab_binds_texts_and_offers_examples_in_each_language(services: Any) -> None:
    import gradio as gr

    ui = Binder("fr")
    with gr.Blocks():
        ui.state = gr.State("fr")
        build_ask_tab(services, ui)
    texts_fr, texts_en = ui.texts("fr"), ui.texts("en")
    flat_fr = [v for d in texts_fr for v in d.values()]
    flat_en = [v for d in texts_en for v in d.values()]
    for key in EXAMPLE_KEYS:
        assert t(key, "fr") in flat_fr and t(key, "en") in flat_en
    assert "Nouvelle conversation" in flat_fr and "New conversation" in flat_en
    # The question box's value (what the user types) is never relabelled.
    question = next(c for c in ui.components if getattr(c, "elem_id", None) == "ask-question")
    assert "value" not in texts_fr[ui.components.index(question)]


def test_build_ask_tab_defaults_to_english(services: Any) -> None:
    import gradio as gr

    with gr.Blocks() as demo:
        build_ask_tab(services)
    labels = [getattr(block, "label", None) for block in demo.blocks.values()]
    assert "Your question" in labels and "Conversation with the guide" in labels
