"""What the offline engine answered on the ninth dev round though the guide is silent (stop 39): recruiting for a job
the guide never names (« recruter un.e boulanger.ère »), and a choice between names the guide never uses ("Gong or
Modjo"). Every question here was written by hand for this test; none is taken from an eval file."""

from __future__ import annotations

import pytest

from assistant.qa import ask
from assistant.qa.offline import unknown_job


@pytest.mark.parametrize(
    ("question", "job"),
    [
        ("comment recruter un.e fleuriste pour ma boutique ?", "fleuriste"),
        ("We're hiring a locksmith next month: which interview steps?", "locksmith"),
        ("quelles compétences chercher pour embaucher une sage-femme ?", "sage"),
        ("how should I recruit a good beekeeper?", "beekeeper"),
    ],
)
def test_recruiting_for_a_job_the_guide_never_names_is_found(services, question: str, job: str) -> None:
    assert job in unknown_job(question, services.kb, services.framework)


@pytest.mark.parametrize(
    "question",
    [
        "comment recruter un account manager ?",
        "hiring a junior AM: which salary?",
        "recruter un bon profil d'account manager, par où commencer ?",
        "we want to hire someone with a strong sales background",
        "recruter une personne autonome et rigoureuse ?",
        "is it better to hire a farmer or a hunter?",
        "on recrute un.e KAM, quel titre mettre dans l'annonce ?",
        "how do we hire our first AM?",
        "recruter quelqu'un qui vient du customer success ?",
        "pour embaucher un commercial sédentaire, que dit le guide ?",
        # "hire" as a noun, and a pronoun after the verb
        "Our new hire will mostly work remotely: does the guide expect that?",
        "why is this such a risky hire according to the guide?",
        "la recrue qu'on vient d'embaucher, elle commence lundi : que prévoir ?",
    ],
)
def test_recruiting_an_account_manager_or_a_profile_is_no_unknown_job(services, question: str) -> None:
    assert unknown_job(question, services.kb, services.framework) == []


def test_recruiting_for_an_unknown_job_abstains(services) -> None:
    assert ask("comment recruter un.e fleuriste pour ma boutique ?", services).abstained
    assert ask("We're hiring a locksmith next month: which interview steps?", services).abstained
    assert not ask("comment recruter un account manager ?", services).abstained


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Pipedrive or Zoho for our AMs' account plans, which one?", "Zoho"),
        ("pour les visios avec les comptes clés, Whereby ou Livestorm ?", "Livestorm"),
        ("Should we train the new AM on Sandler vs Miller Heiman?", "Sandler"),
    ],
)
def test_a_choice_between_names_the_guide_never_uses_abstains_and_names_them(
    services, question: str, named: str
) -> None:
    answer = ask(question, services)
    assert answer.abstained and named in (answer.notice or ""), (answer.answer, answer.notice)


@pytest.mark.parametrize(
    "question",
    [
        "Is it better to hire a farmer or a hunter for a portfolio of key accounts?",
        "pendant la période d'essai, qui accompagne la recrue : les RH ou son manager ?",
        "CSAT or CES: which does the guide define as the effort score?",
    ],
)
def test_a_choice_the_guide_speaks_of_is_answered(services, question: str) -> None:
    assert not ask(question, services).abstained
