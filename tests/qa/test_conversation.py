"""Asking the guide as a conversation: follow-ups carried from the previous turn, new questions not, a bounded
history, the LLM's rewrite in its one call, and answers screened for protected criteria before they are shown."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.prompts import load_prompt
from assistant.qa import WITHHELD, Answer, Turn, ask, screened
from assistant.qa.conversation import (
    MAX_HISTORY_CHARS,
    MAX_TURNS,
    bounded,
    is_follow_up,
    prompt_history,
    resolve,
    topic_terms,
)

SALARY_FR = "Quel salaire pour un account manager junior ?"
SALARY_EN = "What salary for a junior account manager?"


def turn(question: str, **kw: Any) -> Turn:
    return Turn(question=question, **kw)


# --------------------------------------------------------------------------- what a follow-up is


def test_topic_terms_leave_out_qualifiers_and_function_words() -> None:
    assert topic_terms(SALARY_FR) == "salaire"
    assert topic_terms(SALARY_EN) == "salary"
    assert topic_terms("Et pour un senior ?") == ""
    assert topic_terms("What about someone with 5 years of experience?") == ""
    assert topic_terms("Quelles soft skills faut-il rechercher ?") == "soft skills rechercher"


@pytest.mark.parametrize(
    "question",
    [
        "Et pour un senior ?",
        "Et pour un profil expérimenté ?",
        "Pour un junior ?",
        "Et avec 5 ans d'expérience ?",
        "Senior ?",
        "What about a senior?",
        "And for seniors?",
        "And for someone with 5 years of experience?",
        "Same for a senior one?",
    ],
)
def test_short_elliptic_questions_are_follow_ups(question: str) -> None:
    assert is_follow_up(question, [turn(SALARY_FR)])


@pytest.mark.parametrize(
    "question",
    [
        "Quel salaire pour un senior ?",  # a full question: its own topic, answered as asked
        "Et quelles soft skills faut-il rechercher ?",  # opens like a follow-up, names its own topic
        "Et la capitale du Pérou ?",  # out of scope: must not inherit "salaire"
        "What is the difference between a farmer and a hunter?",  # "and" inside, not an opener
        "And what about the trial period?",
        "Quelles questions poser en entretien ?",
        "Et pour un senior, quelle part variable et quel intitulé faut-il proposer dans l'annonce ?",  # too long
    ],
)
def test_new_questions_are_not_follow_ups(question: str) -> None:
    assert not is_follow_up(question, [turn(SALARY_FR)])


def test_no_history_no_follow_up() -> None:
    assert not is_follow_up("Et pour un senior ?", [])
    assert resolve("Et pour un senior ?", []).text == "Et pour un senior ?"


def test_a_follow_up_carries_the_topic_not_the_qualifiers() -> None:
    resolved = resolve("Et pour un senior ?", [turn(SALARY_FR)])
    assert resolved.follow_up and resolved.topic == "salaire" and "junior" not in resolved.text
    assert resolved.language == "fr"
    # A chain of follow-ups keeps the first question's topic.
    chained = resolve(
        "Et pour un junior ?", [turn(SALARY_FR), turn("Et pour un senior ?", understood_as=resolved.text)]
    )
    assert chained.topic == "salaire"


def test_a_short_follow_up_takes_the_conversation_language() -> None:
    assert resolve("Senior?", [turn(SALARY_EN, language="en")]).language == "en"
    assert resolve("What about a senior?", [turn(SALARY_FR)]).language == "en"


# --------------------------------------------------------------------------- the history is bounded


def test_history_keeps_the_last_turns_only() -> None:
    turns = [turn(f"Question {n} sur le salaire ?") for n in range(MAX_TURNS + 5)]
    kept = bounded(turns)
    assert len(kept) == MAX_TURNS and kept[-1].question == turns[-1].question


def test_history_is_bounded_in_characters_and_accepts_plain_dicts() -> None:
    big = {"question": "Quel salaire ?", "answer": "x" * 1500, "citations": ["a"]}
    kept = bounded([big] * MAX_TURNS)
    assert sum(t.size() for t in kept) <= MAX_HISTORY_CHARS and len(kept) < MAX_TURNS
    assert all(isinstance(t, Turn) for t in kept)


def test_a_turn_keeps_only_the_start_of_its_answer(services: Any) -> None:
    answer = ask(SALARY_FR, services)
    t = Turn.of(SALARY_FR, answer)
    assert len(t.answer) <= 400 and t.citations == [c.chunk_id for c in answer.citations]


def test_ask_bounds_a_huge_history(services: Any) -> None:
    history = [{"question": "Quel salaire ?", "answer": "y" * 10_000}] * 50
    answer = ask("Quelles soft skills faut-il rechercher ?", services, history=history)
    assert not answer.abstained


def test_the_prompt_sees_the_last_two_turns_only() -> None:
    text = prompt_history([turn("Q1 ?"), turn("Q2 ?", answer="A2"), turn("Q3 ?", understood_as="Q3 full ?")])
    assert "Q1" not in text and "Q2" in text and "A2" in text and "Q3 full ?" in text


# --------------------------------------------------------------------------- offline answers


def _conversation(services: Any, *questions: str) -> list[Answer]:
    history: list[Turn] = []
    answers = []
    for q in questions:
        answer = ask(q, services, history=history)
        answers.append(answer)
        history.append(Turn.of(q, answer, history))
    return answers


def test_offline_follow_up_in_french_is_answered_from_the_previous_topic(services: Any) -> None:
    first, follow = _conversation(services, SALARY_FR, "Et pour un senior ?")
    assert not follow.abstained and "5420" in follow.answer
    assert follow.understood_as and "salaire" in follow.understood_as
    assert [c.section for c in follow.citations] == ["Grille de salaire"]
    assert first.understood_as is None and first.citations  # each answer keeps its own citations
    # Without the conversation the same words are not read as the salary question.
    alone = ask("Et pour un senior ?", services)
    # not understood as the salary question (the grid may come second: « senior » names one of its levels, and the
    # sentence naming it is chosen since stop 54)
    assert alone.understood_as is None and not alone.answer.startswith("La fourchette")


def test_offline_follow_up_in_english(services: Any) -> None:
    _, follow = _conversation(services, SALARY_EN, "What about a senior?")
    assert not follow.abstained and "5420" in follow.answer and "2920" not in follow.answer
    assert follow.answer.startswith("The guide's salary grid")


def test_offline_new_question_does_not_inherit_the_topic(services: Any) -> None:
    _, peru, skills = _conversation(
        services, SALARY_FR, "Et la capitale du Pérou ?", "Quelles soft skills faut-il rechercher ?"
    )
    assert peru.abstained and peru.understood_as is None and "ne couvre pas" in peru.answer
    assert not skills.abstained and skills.understood_as is None and "2920" not in skills.answer
    assert "Sens de l’écoute" in skills.answer


# --------------------------------------------------------------------------- with an LLM


def test_llm_gets_the_history_and_rewrites_the_follow_up_in_one_call(llm_services: Any, kb: Any) -> None:
    hits = kb.search("salaire account manager expérimenté", 5)
    grid = next(h.chunk.id for h in hits if "5420" in h.chunk.text)
    reply = {
        "standalone_question": "Quel salaire pour un account manager senior ?",
        "answer": "Jusqu’à 5420 € pour un profil expérimenté.",
        "abstain": False,
        "citations": [grid],
    }
    services, model = llm_services(reply)
    history = [Turn(question=SALARY_FR, answer="Entre 2920 € et 3500 €.", citations=[grid])]
    answer = ask("Et pour un senior ?", services, history=history)
    assert len(model.calls) == 1  # the rewrite costs no extra call
    assert not answer.abstained and "5420" in answer.answer
    assert answer.understood_as == "Quel salaire pour un account manager senior ?"
    assert [c.chunk_id for c in answer.citations] == [grid]
    human = model.calls[0][-1].content
    assert "Previous turns" in human and SALARY_FR in human and "Et pour un senior ?" in human
    assert f"[{grid}]" in human  # retrieval was on the resolved question (or the previous answer's passage)


def test_llm_english_follow_up_without_a_rewrite_is_understood_from_the_offline_resolution(
    llm_services: Any, kb: Any
) -> None:
    services, model = llm_services(model_name="fake-llm")
    hits = kb.search("salary — What about a senior?", services.settings.top_k)
    grid = next(h.chunk.id for h in hits if "5420" in h.chunk.text)
    model.script(
        [{"answer": "Up to 5420 € a month for an experienced profile.", "abstain": False, "citations": [grid]}]
    )
    answer = ask("What about a senior?", services, history=[Turn(question=SALARY_EN, language="en")])
    assert not answer.abstained and answer.understood_as == "salary — What about a senior?"
    assert "English" in model.calls[0][0].content  # answered in the follow-up's language
    assert len(model.calls) == 1


def test_llm_failure_falls_back_to_the_offline_follow_up(llm_services: Any) -> None:
    services, _ = llm_services(TimeoutError("slow"), TimeoutError("slow"))
    answer = ask("Et pour un senior ?", services, history=[Turn(question=SALARY_FR)], fallback_offline=True)
    assert answer.backend == "offline" and "5420" in answer.answer and answer.notice
    assert answer.understood_as == "salaire — Et pour un senior ?"


def test_llm_prompt_has_no_history_block_without_a_conversation(llm_services: Any, kb: Any) -> None:
    grid = next(h.chunk.id for h in kb.search("salaire débutant", 5) if "2920" in h.chunk.text)
    reply = {
        "standalone_question": "ignored",
        "answer": "Entre 2920 € et 3500 €.",
        "abstain": False,
        "citations": [grid],
    }
    services, model = llm_services(reply)
    answer = ask(SALARY_FR, services)
    assert "Previous turns" not in model.calls[0][-1].content
    assert answer.understood_as is None  # a rewrite with no conversation is ignored


def test_llm_citations_are_still_verified_in_a_conversation(llm_services: Any) -> None:
    bad = {
        "standalone_question": "Quel salaire senior ?",
        "answer": "Environ 9999 €.",
        "abstain": False,
        "citations": ["made-up"],
    }
    services, _ = llm_services(bad, bad)
    answer = ask("Et pour un senior ?", services, history=[Turn(question=SALARY_FR)])
    # the model's answer is not shown: the offline answer to the follow-up is, with a notice (stop 55)
    assert "9999" not in answer.answer and "made-up" not in [c.chunk_id for c in answer.citations]
    assert answer.notice and all(services.kb.get(c.chunk_id) is not None for c in answer.citations)


def test_ask_prompt_variables_match_what_qa_passes() -> None:
    messages = load_prompt("ask").render(question="q", passages="[id] (s)\ntext", language="French", history="")
    human = messages[1].content
    assert human.startswith("Passages from the guide:")  # the question last, where a small model reads it best
    assert human.index("text") < human.index("Question:") and human.rstrip().endswith(">>>")
    assert "senior" not in messages[0].content  # an example in the rules was answered instead of the question


# --------------------------------------------------------------------------- protected criteria (issue 11, class 4)


@pytest.mark.parametrize(
    ("question", "text"),
    [
        (
            "Quel profil privilégier ?",
            "Le guide recommande de privilégier les candidats jeunes et sans enfants, plus disponibles.",
        ),
        ("Which profile should I favour?", "The guide recommends hiring young candidates without children."),
        ("Quel profil privilégier ?", "Préférez un homme de moins de 30 ans pour ce poste de chasseur."),
    ],
)
def test_llm_answer_with_discriminatory_advice_is_withheld(
    llm_services: Any, kb: Any, question: str, text: str
) -> None:
    services, model = llm_services(model_name="fake-llm")
    chunk = kb.search(question, services.settings.top_k)[0].chunk.id
    model.script([{"answer": text, "abstain": False, "citations": [chunk]}] * 2)
    answer = ask(question, services)
    assert answer.abstained and answer.withheld == "protected_criterion" and answer.citations == []
    assert text not in answer.answer and answer.answer in WITHHELD.values()
    assert answer.notice and "protected criterion" in answer.notice and "L1132-1" in answer.notice


def test_the_guide_itself_never_triggers_the_screen(kb: Any) -> None:
    for chunk in kb.chunks:
        answer = Answer(answer=chunk.text, abstained=False, backend="offline")
        assert screened(answer, "fr") is answer, chunk.section


def test_offline_answers_pass_the_screen(services: Any) -> None:
    for q in [SALARY_FR, "Quelles soft skills faut-il rechercher ?", "Comment gérer la période d'essai ?"]:
        answer = ask(q, services)
        assert not answer.abstained and answer.withheld is None


def test_an_equal_opportunity_statement_is_not_withheld() -> None:
    answer = Answer(
        answer="Le recrutement doit se faire sans discrimination d'âge, de sexe ou de situation familiale.",
        abstained=False,
        backend="x",
    )
    assert screened(answer, "fr") is answer
