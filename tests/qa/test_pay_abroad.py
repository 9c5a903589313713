"""Pay questions set outside France (stop 39). The guide's salary grid is French and in euros (« entre 2920 € et
3500 € mensuel »); it names no other country, city or currency. Asked for an AM's pay in Madrid or in Swiss francs, the
offline engine answered with the French grid as if it applied there. It now abstains and says why; the grid still
answers pay questions set in France, and a foreign place that is only the clients' does not count. Every question
here was written by hand for this test, none taken from an eval file."""

from __future__ import annotations

import pytest

from assistant.qa import ask
from assistant.qa.shorthand import pay_abroad


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("salaire d'un account manager senior à Madrid ?", "madrid"),
        ("What should we pay a mid-level account manager in Dublin?", "dublin"),
        ("Rémunération d'un account manager débutant au Luxembourg, en brut annuel ?", "luxembourg"),
        ("AM salary in USD for our first New York hire?", "usd"),
        ("combien en francs suisses pour un AM expérimenté ?", "francs suisses"),
        ("fixe + variable d'un AM basé en Allemagne ?", "allemagne"),
        ("what would an account manager earn in £ per year?", "£"),
    ],
)
def test_a_pay_question_set_abroad_names_the_place(question: str, place: str) -> None:
    assert place in pay_abroad(question)


@pytest.mark.parametrize(
    "question",
    [
        "Quel salaire pour un account manager débutant ?",
        "Salaire d'un account manager expérimenté à Lyon ?",
        "Our AM will look after clients in Germany: what salary range does the guide give?",
        "Nos clients sont en Belgique : quelle rémunération pour un AM junior ?",
        "Is English needed for an AM whose clients are in Spain?",  # no pay asked
        "What does the guide say about pay in 2026?",  # a year, no place
    ],
)
def test_pay_in_france_or_clients_abroad_is_no_pay_abroad(question: str) -> None:
    assert pay_abroad(question) == []


def test_the_offline_engine_abstains_on_pay_abroad_and_says_why(services) -> None:
    fr = ask("salaire d'un account manager senior à Madrid ?", services)
    assert fr.abstained and "Madrid" in (fr.notice or "") and "euros" in (fr.notice or "")
    en = ask("What should we pay a mid-level account manager in Dublin?", services)
    assert en.abstained and "Dublin" in (en.notice or "") and "euros" in (en.notice or "")


def test_the_grid_still_answers_pay_in_france_and_with_clients_abroad(services) -> None:
    assert "2920" in ask("Salaire d'un account manager débutant à Lyon ?", services).answer
    clients = ask("Nos clients sont en Belgique : quelle rémunération pour un AM débutant ?", services)
    assert not clients.abstained and "2920" in clients.answer
