"""The hostile review of stop 45's QA changes (small talk, the language notice, shorthand follow-ups, questions after
pasted material): each case is one of its reproductions, or a variant written by hand."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.qa import SMALL_TALK_NOTICE, Turn, ask, small_talk
from assistant.qa.conversation import focus, is_follow_up
from assistant.text import other_language

SALARY_FR = "Quel salaire pour un AM junior ?"
SALARY_EN = "What salary for a junior AM?"

AD = """Account Manager H/F – CDI – Nantes
Fleetly, éditeur SaaS de gestion de flottes (120 salariés), recrute son/sa futur·e Account Manager.
Rattaché·e à Julie Moreau, Head of Sales, vous gérez un portefeuille de 60 clients PME et ETI du transport routier.
Missions : suivi des comptes, renouvellements annuels, ventes additionnelles, comités de pilotage trimestriels,
remontée des besoins au produit, reporting hebdomadaire dans HubSpot. Profil : bac+5 école de commerce, 3 ans
d'expérience en B2B, anglais professionnel. Rémunération : 42-48 k€ fixe + 15 % variable, télétravail 2 jours.
"""


# --------------------------------------------------------------------------- small talk


@pytest.mark.parametrize("text", ["50 000 €, c'est bien ?", "€45,000 - good?", "45 000 € c'est top ?", "Top 3 ?"])
def test_a_figure_or_a_question_mark_is_not_small_talk(text: str) -> None:
    assert not small_talk(text)


def test_a_pay_figure_after_a_salary_question_is_a_follow_up(services: Any) -> None:
    first = ask(SALARY_FR, services)
    answer = ask("3 000 €, c'est bien ?", services, history=[Turn.of(SALARY_FR, first)])
    assert answer.notice not in SMALL_TALK_NOTICE.values()


def test_small_talk_after_an_english_conversation_is_answered_in_english(services: Any) -> None:
    first = ask(SALARY_EN, services)
    assert ask("ok", services, history=[Turn.of(SALARY_EN, first)]).notice == SMALL_TALK_NOTICE["en"]


# --------------------------------------------------------------------------- shorthand in follow-ups


@pytest.mark.parametrize(
    ("first", "question"),
    [
        (SALARY_FR, "Et en CDI ?"),
        (SALARY_FR, "Et pour un sales ?"),
        (SALARY_FR, "Et pour un sales senior ?"),
        (SALARY_EN, "And for sales?"),
    ],
)
def test_qualifiers_that_are_also_shorthand_stay_qualifiers(first: str, question: str) -> None:
    assert is_follow_up(question, [Turn(question=first)])


# --------------------------------------------------------------------------- the other-language notice


@pytest.mark.parametrize(
    "text",
    [
        "Il y a des AM en mi-temps ?",
        "Y a-t-il un mi-temps ?",
        "Mi-temps : y a-t-il un salaire réduit ?",
        "Responsable com ou DA ?",
        "Dispo mi-mars, y tient",
        "Veut un mi-temps. Y tient.",
        "Para-commercial, y a du potentiel",
        "Ex-DA, passé par la com",
        "Candidate says im ready, wo knows",
    ],
)
def test_french_and_english_with_shared_words_are_not_another_language(text: str) -> None:
    assert other_language(text) is None


def test_the_language_notice_reads_the_question_not_the_paste(services: Any) -> None:
    spanish_ad = (
        "Buscamos un Account Manager para nuestra oficina de Madrid. El candidato ideal tiene experiencia en ventas "
        "B2B y una cartera de clientes en el sector de la logística. Ofrecemos un salario competitivo, formación "
        "continua y un ambiente de trabajo dinámico. Es importante que tenga un nivel alto de inglés y que sea "
        "una persona muy organizada, con capacidad para trabajar por objetivos. Las funciones principales son el "
        "seguimiento de las cuentas, la renovación de los contratos y la venta de nuevos servicios a los clientes "
        "que ya tenemos.\n\nQuel salaire proposer pour ce poste en France ?"
    )
    answer = ask(spanish_ad, services)
    assert answer.understood_as == "Quel salaire proposer pour ce poste en France ?"
    assert "ni en français ni en anglais" not in (answer.notice or "")


# --------------------------------------------------------------------------- the question after pasted material


@pytest.mark.parametrize(
    "message",
    [
        # a URL with a query string
        "Que penses-tu de cette annonce ?\n\n" + AD + "\nPostulez ici : https://jobs.fleetly.example/apply?ref=am",
        # the question on top, the ad ending with its own question
        "Que dit le guide de cette annonce ?\n\n" + AD + "\nPrêt(e) à relever le défi ?",
        # an ad's title asks, the request at the end has no question mark
        "Envie de rejoindre une scale-up ?\n" + AD + "\nDis-moi ce que le guide en pense.",
        # a signature that asks
        AD + "\nDis-moi ce que tu en penses.\nMarie Durand – Une question ? Appelez le 01 23 45 67 89",
        # several questions, one per line, read together as before
        "\n".join(
            [
                "Quel salaire pour un AM junior dans une PME de logistique à Nantes ?",
                "Quelles soft skills faut-il vérifier pendant les entretiens avec les candidats ?",
                "Combien d'étapes d'entretien le guide recommande-t-il pour ce type de poste ?",
                "Quel intitulé de poste utiliser pour attirer les meilleurs profils du marché ?",
                "Faut-il demander une étude de cas écrite ou orale au dernier tour ?",
                "Quelle part de variable proposer pour rester attractif face aux concurrents ?",
                "Comment gérer la période d'essai avec un nouveau compte clé à reprendre ?",
                "Et pour un senior ?",
            ]
        ),
    ],
)
def test_no_question_is_taken_from_the_pasted_material(message: str) -> None:
    assert len(message) >= 500
    assert focus(message) is None


@pytest.mark.parametrize(
    ("tail", "question"),
    [
        (
            "\n\nHow much should we offer a Sr. Account Manager in Lyon?",
            "How much should we offer a Sr. Account Manager in Lyon?",
        ),
        ("\n\nQuel salaire pour un AM avec 3.5 ans ?", "Quel salaire pour un AM avec 3.5 ans ?"),
        (
            "\n\nMerci d'avance. Quelles soft skills vérifier ?\nBonne journée !",
            "Merci d'avance. Quelles soft skills vérifier ?",
        ),
        ("\n\n- Quel salaire ?\n- Quelles soft skills ?", "- Quel salaire ?\n- Quelles soft skills ?"),
    ],
)
def test_the_question_after_a_paste_is_taken_whole(tail: str, question: str) -> None:
    assert focus(AD + tail) == question


def test_a_follow_up_after_a_paste_continues_the_conversation(services: Any) -> None:
    first = ask(SALARY_FR, services)
    answer = ask(AD + "\n\nEt pour un senior ?", services, history=[Turn.of(SALARY_FR, first)])
    assert answer.understood_as and "salaire" in answer.understood_as
    assert not answer.abstained and "5420" in answer.answer


# --------------------------------------------------------------------------- the second review of the same changes

Q = "Quel salaire proposer pour ce poste ?"


@pytest.mark.parametrize(
    "message",
    [
        AD.rstrip() + "\n" + Q,  # the question on the line after the paste
        AD + "\n\n" + Q + "\n\nCordialement,\nMarie Durand\nChargée de recrutement",  # a signature block
        AD + "\n\n" + Q + "\n\nThanks,\nJohn",
        AD + "\n---\n" + Q,  # a separator instead of a blank line
        AD + "\n———\n" + Q,
        (AD + "\n\n" + Q).replace("\n", "\r"),  # old Mac line endings
        AD + "\n \u00a0\n" + Q,  # a blank line holding a non-breaking space
        Q + "\n\nLe 3 déc. 2026 à 10:12, Julie Moreau a écrit :\n> " + AD.replace("\n", "\n> "),  # a reply on top
    ],
)
def test_the_question_is_found_after_or_above_the_paste(message: str) -> None:
    assert focus(message) == Q


@pytest.mark.parametrize(
    "message",
    [
        # the request at the end has no question mark, the ad's title asks: read whole
        "Envie de rejoindre une scale-up ?\n" + AD + "\nDis-moi ce que le guide en pense.",
        # a question on top that is not a reply to an email, with the paste below: read whole
        "Que dit le guide de cette annonce ?\n\n" + AD,
    ],
)
def test_without_a_clear_question_the_message_is_read_whole(message: str) -> None:
    assert focus(message) is None


def test_quadratic_trailing_punctuation_is_gone() -> None:
    from support import assert_linear_cpu

    assert_linear_cpu(focus, lambda n: AD + "\n\nQuel salaire " + "!" * n, 40_000)


def test_small_talk_keeps_the_language_of_the_last_question(services: Any) -> None:
    first = ask(SALARY_EN, services)
    ok = ask("ok", services, history=[Turn.of(SALARY_EN, first)])
    turns = [Turn.of(SALARY_EN, first), Turn.of("ok", ok)]
    assert ask("super", services, history=turns).notice == SMALL_TALK_NOTICE["en"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("¿Cuánto cobra un AM en mi empresa?", "Spanish"),
        ("¿Y para un senior?", "Spanish"),
        ("Mi puoi dire lo stipendio?", "Italian"),
        ("Wo verdient man mehr?", "German"),
    ],
)
def test_short_questions_with_a_clear_sign_keep_the_notice(text: str, language: str) -> None:
    assert other_language(text) == language


# --------------------------------------------------------------------------- the third review

ADQ = AD + "\nPrêt(e) à relever le défi ?"


@pytest.mark.parametrize(
    "message",
    [
        # a request without a question mark after an ad that ends with its own question: not a sign-off
        ADQ + "\n\nCorrige cette annonce stp",
        ADQ + "\n\nPlease review this ad",
        ADQ + "\n\nMerci de relire cette annonce.",
        ADQ + "\n\nThanks for checking this ad.",
        ADQ + "\n\nQuel salaire pour ce poste",
        AD + "\nEt vous ?\n\nCorrige stp",
        # a quoted email's question is not the user's
        "Réponds-lui stp, je ne sais pas quoi dire.\n\nLe 3 déc., Julie a écrit :\n> " + ADQ.replace("\n", "\n> "),
        # two questions in a row, the first from the ad: which one is asked is not known
        ADQ + "\nQuel salaire proposer ?",
        # a forwarded email's subject line, or an ad's title above a quote, is no question on top
        "Objet : Annonce AM – des retours ?\nDe : Julie Moreau\n\n"
        + AD
        + "\n\nPeux-tu regarder ça et me dire ce que le guide en pense.",
        "Envie de rejoindre Fleetly ?\n> " + AD.replace("\n", "\n> "),
        # the line after the question adds to it
        AD + "\n\nQuel salaire afficher ?\nC'est pour un junior",
    ],
)
def test_what_is_not_clearly_the_user_s_question_is_read_whole(message: str) -> None:
    assert focus(message) is None


def test_unicode_line_separators_are_line_breaks() -> None:
    assert focus(AD.rstrip().replace("\n", "\u2028") + "\u2029" + Q) == Q
