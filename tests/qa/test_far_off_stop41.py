"""Far-off questions the offline engine answered (QA dev rounds 10 and 11: snow in Chamonix, de-duplicating an array in
JavaScript, a soft-boiled egg): at most one of their four or more topic words is known to the guide, even read with
one typo, and neither retrieval agreement nor a framework item says otherwise (stop 41). Questions with typos the
guide does answer stay answered. Every question here was written by hand for this test; none is taken from an eval
file."""

from __future__ import annotations

import pytest

from assistant.qa import ask
from assistant.qa.offline import loosely_known


@pytest.mark.parametrize(
    "question",
    [
        "what's the best way to get rid of aphids on my roses?",
        "quelle pression pour les pneus d'un vélo de route ?",
        "quel vin servir avec une raclette entre amis ?",
        "how many hours of daylight does Reykjavik get in December?",
        pytest.param(
            "comment faire briller des chaussures en cuir sans cirage ?",
            marks=pytest.mark.xfail(
                strict=True,
                reason="not yet: « sans » and « briller » (read as « brillant ») count as two words the guide knows",
            ),
        ),
    ],
)
def test_a_far_off_question_is_not_answered(services, question: str) -> None:
    answer = ask(question, services)
    assert answer.abstained, answer.answer[:200]


@pytest.mark.parametrize(
    "question",
    [
        "quelle grile de salair pour un AM débutan ?",
        "kel sont les soft skils a évalué en entretient ?",
        "what questions shoud I ask in the phone intervew with an acount manager?",
        "comment se passe la periode d'esai pour un AM ?",
    ],
)
def test_a_question_with_typos_on_a_subject_the_guide_treats_is_answered(services, question: str) -> None:
    answer = ask(question, services)
    assert not answer.abstained
    assert answer.citations


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("temperatur", True),  # one letter missing
        ("portefeuile", True),  # one letter missing inside
        ("clients", True),
        ("entretient", True),  # one letter added
        ("marathon", False),
        ("eau", False),  # too short to be read as a typo
    ],
)
def test_a_word_one_edit_from_the_guides_is_loosely_known(services, word: str, known: bool) -> None:
    from assistant.qa.expand import known_vocabulary

    assert loosely_known(word, services.kb, known_vocabulary(services.framework)) is known
