"""A choice between names the guide never uses, left open with « ou autre » / "or another" (stop 40, tenth dev round:
« quel logiciel d'onboarding salarié : Workelo, Notion ou autre ? » was answered from the guide's integration
passage). Written here."""

from __future__ import annotations

import pytest

from assistant.qa import ask
from assistant.qa.offline import unknown_choice


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("pour l'onboarding, on prend Workelo, Notion ou autre ?", "Workelo"),
        ("Should we buy Lemlist or another sequencing tool for our AMs?", "Lemlist"),
        ("pour enregistrer les appels, on prend Gong ou un autre outil ?", "Gong"),
        ("Which ATS: Teamtailor or something else?", "Teamtailor"),
    ],
)
def test_unknown_names_left_open_with_another_option_are_a_choice(services, question: str, name: str) -> None:
    assert name in unknown_choice(question, services.kb, services.framework)


@pytest.mark.parametrize(
    "question",
    [
        "Excel ou autre tableur, le guide en parle ?",
        "un AM ou un autre profil pour gérer nos grands comptes ?",
        "le guide recommande-t-il Account Manager ou un autre intitulé ?",
    ],
)
def test_an_option_the_guide_knows_left_open_is_no_unknown_choice(services, question: str) -> None:
    assert unknown_choice(question, services.kb, services.framework) == []


def test_the_choice_abstains_with_its_notice(services) -> None:
    answer = ask("pour l'onboarding de notre AM, on prend Workelo, Notion ou autre ?", services)
    assert answer.abstained
    assert "Workelo" in (answer.notice or "")
