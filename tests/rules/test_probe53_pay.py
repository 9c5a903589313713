"""Pay history that stop 53's two outside probes found unflagged (EU Directive 2023/970 art. 5(2)): recorded in
interview notes, or asked for by an ad or a brief. Phrasings of the same classes written here, and look-alikes that
must stay clean."""

from __future__ import annotations

import pytest

from assistant.rules.compliance import find_pay_history_request
from assistant.rules.pay_history import find_pay_history

NOTES_HISTORY = [
    # the probe's sentences
    "She's on 55 base now, OTE 80",
    "Rému N-1 : 50k fixe + 10k variable",
    "Fixe actuel 45 / variable 10",
    "Salary history: 42k (2021), 47k (2023)",
    "En freelance à 450€/jour depuis 1 an",
    "top performer on a 45k base",
    "Salary expectations: same as now (52k) plus a car",
    "Prétentions : idem actuel (52k) + tickets resto",
    # the same classes, other words
    "He's on 62 base, 20 variable.",
    "Salaire actuel : 48",
    "Variable N-1 : 9k.",
    # (review of stop 53) the expectation beside it does not cancel it
    "She's on 55 base now, wants 62.",
    "On 55 base in her current role.",
    "Prev. salary 48k",
    "Wants the same as today (61k).",
    "Historique de rémunération : 38k puis 44k.",
]

NOTES_CLEAN = [
    "Prétentions : 55k fixe.",
    "Salary expectations: 60k base.",
    "She manages 45 accounts on a 2M base.",
    "Fixe du poste : 45-52k selon la grille.",
    "On 12 accounts she grew revenue 20%.",
    "Current base of 40 clients, mostly SMBs.",
    "Same as now: weekly pipeline review with her manager.",
    # (review of stop 53) a wish beside "now", a firm's day rate, business figures
    "Vise 55k et plus de responsabilités que maintenant.",
    "Veut 50k, en full remote comme actuellement.",
    "Ses consultants sont placés à TJM 650",
    "GRR at 92 gross",
    "on a 120 base of SMB accounts",
    "his base 150 users",
    "Salary at our company is 50k.",
    "Le variable chez nos concurrents est de 30k.",
]

AD_REQUESTS = [
    # the probe's sentences
    "Indiquez votre rémunération N-1.",
    "Quel est votre brut annuel aujourd'hui ?",
    "Pour postuler : CV + salaire actuel + préavis.",
    "Candidature : CV, LM, rémunération brute annuelle actuelle (fixe/variable).",
    "Merci de nous communiquer vos éléments de rémunération (fiche de paie de décembre).",
    "| Salaire actuel | à préciser |",
    "Salary history required.",
    "We will match your previous compensation.",
    "merci d'indiquer votre variable actuel",
    # the same classes, other words
    "Envoyez CV et dernière fiche de paie à jobs@acme.fr.",
    "Précisez votre package actuel dans votre candidature.",
    "Current salary required with every application.",
    "Nous nous alignons sur votre salaire actuel.",
    # (second review of stop 53) « sans » is a condition here, not a negation
    "Aucune candidature ne sera étudiée sans votre salaire actuel.",
    "Pas de candidature sans bulletin de salaire.",
    "Envoyez-nous sans tarder votre salaire actuel.",
    "Send us without delay your current salary.",
    "Quel est votre salaire actuel : 30, 40, 50 k€ ?",
    "Merci de préciser votre salaire actuel : 40 à 45 k€ attendus.",
]

AD_CLEAN = [
    "Salaire : 45 000 – 52 000 € brut annuel, selon expérience.",
    "Vos fiches de paie sont dématérialisées.",
    "Le salaire du poste est revu chaque année.",
    "Indiquez vos prétentions salariales.",
    "Please state your salary expectations.",
    "Notre grille de salaire actuelle est publiée en interne.",
    "Pour postuler, envoyez votre CV et quelques lignes sur vous.",
    "Tired of what you earn now? Join us.",
    "Rémunération : 48 k€ fixe + variable (10 %).",
    # (review of stop 53) a promise not to ask, the pay offered
    "Current salary not required.",
    "Salaire actuel non requis.",
    "Engagés pour l'égalité salariale, nous ne demandons jamais votre salaire actuel.",
    "Nos salaires sont alignés sur une grille publique, pas sur votre salaire actuel.",
    "Postulez même si votre salaire actuel est plus bas.",
    "Candidature anonyme : ni photo, ni âge, ni salaire actuel.",
    "Fixe aujourd'hui : 40 à 45 k€",
    # (second review of stop 53) the future, here, the pay offered
    "Combien vous gagnerez ? Entre 45 et 55 k€",
    "Wondering what you're earning with us? 55k base.",
]


@pytest.mark.parametrize("text", NOTES_HISTORY)
def test_pay_history_in_notes_is_flagged(text: str) -> None:
    assert find_pay_history(text), text


@pytest.mark.parametrize("text", NOTES_CLEAN)
def test_notes_without_pay_history_stay_clean(text: str) -> None:
    assert find_pay_history(text) == [], text


@pytest.mark.parametrize("text", AD_REQUESTS)
def test_an_ad_asking_pay_history_is_flagged(text: str) -> None:
    assert find_pay_history_request(text), text


@pytest.mark.parametrize("text", AD_CLEAN)
def test_ad_text_asking_nothing_stays_clean(text: str) -> None:
    assert find_pay_history_request(text) == [], text
