"""Issue 9: a request for an interview question to ask is answered from the guide's list of questions; degrees,
client retention and the company's selling points in users' words reach the guide's passages. Phrasings of my own,
none from the eval files."""

from __future__ import annotations

import pytest

from assistant.qa import ask
from assistant.qa.offline import asks_for_interview_question


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Any smart question to test whether a candidate really knows how to win back an unhappy client?", True),
        ("Une question à poser pour vérifier qu'il connaît les outils CRM ?", True),
        ("quelles questions je pose pour tester son sens du conseil ?", True),
        ("What should we talk about with the candidate during the interview?", False),
        ("Quel est le salaire d'un account manager confirmé ?", False),
        ("Quelles questions sont interdites en entretien ?", False),  # about the law, not a request
        ("What kind of questions will the candidate ask us?", False),
    ],
)
def test_a_request_for_an_interview_question_is_recognised(question: str, expected: bool) -> None:
    assert asks_for_interview_question(question) is expected


def test_a_request_for_an_interview_question_cites_the_guides_questions(services) -> None:
    answer = ask(
        "Give me a killer question to check how a candidate would keep a long-standing client from leaving.", services
    )
    assert not answer.abstained
    assert "client historique" in answer.citations[0].text


@pytest.mark.parametrize(
    "question, contains",
    [
        ("Quels diplômes le guide préfère-t-il pour ce poste ?", "master en école de commerce"),
        ("Should I only look at people from a business school?", "école de commerce"),
        ("What should we boast about in our account manager posting?", "valoriser votre organisation"),
    ],
)
def test_users_words_for_degrees_and_selling_points_reach_the_guide(services, question: str, contains: str) -> None:
    answer = ask(question, services)
    assert not answer.abstained
    assert any(contains in c.text for c in answer.citations)


def test_a_question_in_another_language_gets_a_notice(services) -> None:
    answer = ask(
        "¿Cuál es el salario de un account manager junior en Francia y qué pide la guía para el puesto?", services
    )
    assert answer.notice and ("French or English" in answer.notice or "ni en français ni en anglais" in answer.notice)
    answer = ask("Quel salaire pour un account manager junior ?", services)
    assert not answer.notice or "anglais" not in answer.notice
