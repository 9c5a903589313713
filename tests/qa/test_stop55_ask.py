"""Stop 54's blind measure and its leftovers: "What are the main responsibilities…" got the definition of the job,
not the guide's four axes; « qestions a poser en entretien » (a typo on the topic word) got the interview steps, not
the guide's list of questions."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.qa import ask, pay_abroad
from assistant.qa.offline import asks_for_interview_question, gives_figure
from assistant.qa.screen import question_criteria


@pytest.mark.parametrize(
    ("question", "axis"),
    [
        ("What are the main responsibilities of an account manager?", "Tracking performance indicators"),
        ("What does an account manager do day to day?", "Winning new markets"),
        ("quelles sont les missions d'un AM ?", "Suivi des indicateurs de performance"),
        ("c quoi les taches principales d'un account manager", "Conquête de nouveaux marchés"),
        ("Les responsabilités d'un account manager ?", "Management d’une équipe"),
        ("AM : missions principales ?", "Accompagnement du portefeuille client"),
    ],
)
def test_the_jobs_missions_are_the_guides_four_axes(services: Any, question: str, axis: str) -> None:
    answer = ask(question, services)
    assert not answer.abstained, question
    assert axis in answer.answer, answer.answer
    assert any("4 axes" in c.text or "conquête de nouveaux marchés" in c.text for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        # what candidates look for (« diversité dans ses missions »), not what the job is
        ("les candidats AM cherchent de la diversité dans leurs missions ?", "Suivi des indicateurs de performance"),
        ("What do AM candidates want from their missions?", "Tracking performance indicators"),
        # a hunter's job: the passage on the two profiles
        ("un AM chasseur il fait quoi exactement ? que de la prospec ?", "Suivi des indicateurs de performance"),
        # another job's missions
        ("What are the main responsibilities of a sales director?", "Tracking performance indicators"),
    ],
)
def test_other_questions_on_missions_do_not_get_the_axes(services: Any, question: str, absent: str) -> None:
    assert absent not in ask(question, services).answer


@pytest.mark.parametrize(
    "question",
    [
        "qestions a poser en entretien ?",
        "quelles qestions poser a un AM ?",
        "good intervew questions for an AM?",
        "questons a poser en entretien",
    ],
)
def test_a_typo_on_questions_still_asks_for_the_question_list(services: Any, question: str) -> None:
    assert asks_for_interview_question(question)
    answer = ask(question, services)
    assert not answer.abstained
    assert answer.citations[0].text.count("?") >= 3, answer.citations[0].text[:200]


# Stop 55's blind measure of `ask` (45 questions written from the guide alone, frozen before the first run): what it
# found, and look-alikes written here.


@pytest.mark.parametrize(
    "question",
    [
        "how do i make our company look attractive to account manager candidates",
        "How to make the job look attractive?",
        "comment rendre notre offre attractive ?",
    ],
)
def test_an_attractive_employer_is_no_question_on_looks(services: Any, question: str) -> None:
    assert question_criteria(question) == []
    assert ask(question, services).withheld is None


@pytest.mark.parametrize("question", ["is she attractive?", "the candidate looks attractive, should we hire?"])
def test_a_persons_looks_are_still_a_protected_criterion(question: str) -> None:
    assert "appearance" in [c[0] for c in question_criteria(question)]


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("how much does an account manager make in London?", "london"),
        ("How much does a senior AM make in Germany?", "germany"),
        ("combien touche un AM à Genève ?", "geneve"),
    ],
)
def test_pay_abroad_asked_with_make_or_touche(services: Any, question: str, place: str) -> None:
    assert place in pay_abroad(question)
    answer = ask(question, services)
    assert answer.abstained and answer.notice and not answer.citations


@pytest.mark.parametrize(
    "question",
    [
        "how much revenue does an AM make in London?",
        "how do I make our London office attractive to AMs?",
        "How much does an account manager make?",
    ],
)
def test_make_is_pay_only_when_the_pay_is_asked(question: str) -> None:
    assert pay_abroad(question) == []


def test_a_duration_needs_a_duration_not_any_number(services: Any) -> None:
    question = "combien de temps dure en moyenne le recrutement d'un account manager ?"
    assert not gives_figure("l’account manager gère généralement jusqu’à 3 clients.", question)
    assert gives_figure("un profil expérimenté (5 ans et plus)", question)
    assert gives_figure("un entretien de 45 min", "how long is the first interview?")
    answer = ask(question, services)
    assert answer.abstained and answer.notice and not answer.citations


def test_a_glossary_name_asked_in_text_speak_gets_the_name_only_answer(services: Any) -> None:
    answer = ask("c quoi une DMP (data management platform) ?", services)
    assert "sans le définir" in answer.answer or "no definition" in answer.answer, answer.answer


# Tried and not kept: options typed in lowercase that the guide never uses (« pipedrive ou zoho ? ») abstaining with
# the choice notice. On dev it withheld answerable questions whose options are paraphrases the guide words otherwise
# (« chasse vs élevage », "an angry or leaving customer").
@pytest.mark.parametrize(
    "question",
    [
        "fermier ou chasseur pour une PME ?",
        "les candidats AM ils veulent du terrain ou bosser a distance ?",
        "entretien tel ou face a face en premier ?",
        "chasse vs élevage : dans le guide, un account manager c'est plutôt lequel des deux ?",
        "give me interview questions from the guide to test how an AM candidate deals with an angry or leaving customer",
    ],
)
def test_options_the_guide_words_otherwise_are_still_answered(services: Any, question: str) -> None:
    assert not ask(question, services).abstained


# The review of stop 55's first changes: what they broke, reproduced.


@pytest.mark.parametrize(
    "question",
    [
        "That candidate is very attractive, should we hire her?",
        "The team said she is attractive, is that a plus?",
        "that guy is fat, can we still hire him?",
        "At the office she was really pretty",
    ],
)
def test_looks_after_an_employer_word_are_still_a_criterion(question: str) -> None:
    assert "appearance" in [c[0] for c in question_criteria(question)]


@pytest.mark.parametrize(
    "question",
    [
        "Who has responsibility for the final hiring decision?",
        "Which questions test a sense of responsibility?",
        "Comment formuler les axes d'amélioration dans le debrief ?",
        "quelles questions poser sur ses missions précédentes ?",
        # the post's level, a question on titles (the blind set, re-run after the first fixes)
        "poste avec des responsabilités, on l'appelle comment ? KAM ?",
        "a job with more responsibilities: which title?",
    ],
)
def test_other_questions_do_not_get_the_jobs_axes(services: Any, question: str) -> None:
    answer = ask(question, services)
    assert "Suivi des indicateurs de performance :" not in answer.answer
    assert "Tracking performance indicators:" not in answer.answer


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("L'entretien dure 1h30.", "Combien de temps dure un entretien ?"),
        ("Un entretien de 30mn suffit.", "combien de temps pour le premier appel ?"),
        ("L'annonce tient en 300 mots.", "How long should the job ad be?"),
    ],
)
def test_durations_and_lengths_written_short_are_figures(text: str, question: str) -> None:
    assert gives_figure(text, question)


@pytest.mark.parametrize(
    "question",
    [
        "How much effort does an AM make in Berlin to onboard clients?",
        "How much difference does the London office make?",
    ],
)
def test_how_much_of_something_else_is_no_pay_abroad(question: str) -> None:
    assert pay_abroad(question) == []


# The second review of stop 55.


def test_a_persons_looks_made_attractive_are_still_a_criterion() -> None:
    assert "appearance" in [
        c[0] for c in question_criteria("Her smile makes her really attractive, should we hire her?")
    ]


def test_money_made_in_london_is_pay_abroad() -> None:
    assert "london" in pay_abroad("How much money does an account manager make in London?")


def test_effort_made_is_no_pay_question(services: Any) -> None:
    answer = ask("How much effort does an AM make in Berlin to onboard clients?", services)
    assert "2920" not in answer.answer.replace(" ", "")


def test_a_length_answers_how_long_only_for_a_text() -> None:
    assert not gives_figure("Il a 3 pages de références.", "Combien de temps dure le process ?")
    assert gives_figure("L'annonce tient en 300 mots.", "How long should the job ad be?")
