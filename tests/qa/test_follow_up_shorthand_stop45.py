"""Follow-ups typed in SMS French or shorthand (stop 44's review: « et pr 1 confirmé ? » after a salary question was
answered with the glossary entry on CES: « pr » counted as a topic word), and "hr" after a number, an hour, not « RH »
(the same review). Written by hand for this file."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.qa import Turn, ask
from assistant.qa.conversation import is_follow_up, topic_terms

SALARY_FR = "Quel salaire pour un account manager junior ?"


@pytest.mark.parametrize(
    "question",
    [
        "et pr 1 confirmé ?",
        "et pr un senior ?",
        "pr un senior ?",
        "Et avec 5 ans d'xp ?",
        "et pr qqn avec 3 yrs ?",
        "et ds une startup ?",
    ],
)
def test_shorthand_follow_ups_are_follow_ups(question: str) -> None:
    assert topic_terms(question) == ""
    assert is_follow_up(question, [Turn(question=SALARY_FR)])


@pytest.mark.parametrize(
    "question",
    [
        "et pr les soft skills ?",  # a topic of its own
        "pq la période d'essai ?",
        "et ds l'annonce, quel intitulé ?",
    ],
)
def test_shorthand_questions_with_a_topic_are_new_questions(question: str) -> None:
    assert not is_follow_up(question, [Turn(question=SALARY_FR)])


def test_the_shorthand_follow_up_is_answered_from_the_salary_grid(services: Any) -> None:
    first = ask(SALARY_FR, services)
    history = [Turn.of(SALARY_FR, first)]
    follow = ask("et pr 1 confirmé ?", services, history=history)
    assert follow.understood_as and "salaire" in follow.understood_as
    assert not follow.abstained and [c.section for c in follow.citations] == ["Grille de salaire"]


def test_hr_after_a_number_is_an_hour_not_human_resources() -> None:
    from assistant.qa.expand import lexicon_words

    assert "recruter" not in lexicon_words("is a 1 hr interview enough for an AM?")
    assert "recruter" not in lexicon_words("the case study takes 2 hrs")
    assert "recruter" in lexicon_words("what does HR check in the first interview?")
    assert "recruter" in lexicon_words("notre RH fait le premier appel")
