"""What a hostile review of stop 39's QA rules found (read-only helper; inputs in /work/scratch/review39/findings.py,
machine-local, copied here): pay questions read as set abroad though the place is the clients', the company's or the
candidate's past, or no pay is asked; pay abroad missed; a recruiting verb's next word read as a job (« recruter
vite un AM »); a choice abstained on though one option is the guide's own ("Excel or Google Sheets")."""

from __future__ import annotations

import pytest

from assistant.qa import ask
from assistant.qa.offline import unknown_choice, unknown_job
from assistant.qa.shorthand import pay_abroad

NOT_PAY_ABROAD = [
    "What salary for an AM whose accounts are in Spain?",
    "What salary for an AM whose key accounts are mostly in Germany?",
    "AM salary for a role covering key accounts in Germany and Austria?",
    "Quel salaire pour un AM qui couvre la zone Espagne ?",
    "Quel salaire pour un AM qui gère nos distributeurs en Italie ?",
    "Quel salaire pour un AM qui gère nos partenaires en Italie ?",
    "salaire d'un AM qui gère les filiales en Espagne ?",
    "Quel salaire pour un AM qui voyage souvent en Allemagne ?",
    "What's the gross salary for an AM in Paris with a UK-based team?",
    "salaire AM, la boîte est une filiale d'un groupe américain (siège à New York) ?",
    "salaire d'un AM à Paris pour une startup de Berlin ?",
    "Quel salaire pour un AM recruté par notre bureau parisien, la maison mère est à Zurich ?",
    "combien gagne un AM chez Michelin, qui a des usines au Canada ?",
    "Quel salaire pour un AM avec une expérience de 3 ans à Londres ?",
    "What salary for an AM who studied in London?",
    "Quel salaire pour un AM diplômé d'une école de commerce à Barcelone ?",
    "Quel salaire pour un AM qui a travaillé chez Amazon à Dublin ?",
    "salaire d'un AM de retour de 5 ans à New York ?",
    "salaire d'un AM qui vient d'Inde ?",
    "Salaire d'un AM ? L'entretien se fera à Genève.",
    "Quel fixe pour un AM qui gère 2 M$ de CA ?",
    "Quel salaire pour un AM qui vend des abonnements en dollars ?",
    "AM salary in euros, please, not in dollars",
    "Combien de clients gère un AM à Bruxelles ?",
    "combien de comptes gère un account manager basé à Genève ?",
    "Quelle grille d'entretien pour recruter un AM à Bruxelles ?",
    "scoring grid for interviewing an AM in London?",
    "Quel niveau d'anglais pour un AM payé en francs suisses ?",
]

PAY_ABROAD_MISSED = [
    ("salaire d'un AM à l'étranger ?", "etranger"),
    ("salaire d'un AM hors de France ?", "hors de france"),
    ("AM salary in the US?", "the us"),
    ("AM salary in Swiss francs?", "swiss francs"),
    ("AM salary in Seattle?", "seattle"),
    ("Quelle prime pour un AM à Madrid ?", "madrid"),
    ("Quel variable pour un AM à Madrid ?", "madrid"),
    ("salaire d'un AM à Monaco ?", "monaco"),
    ("AM salary in INR?", "inr"),
    ("What should an AM earn abroad?", "abroad"),
]

NO_UNKNOWN_JOB = [
    "on recrute pour notre startup un account manager, quelles étapes ?",
    "on recrute pour le poste d'AM : quelles questions poser ?",
    "recruter avec une étude de cas ?",
    "recruter avec quel process un AM ?",
    "recruiting with a case study for AM?",
    "recruter chez un concurrent ?",
    "recruter dans la banque ?",
    "hiring from banking for the AM role?",
    "recruter parmi nos commerciaux un AM ?",
    "recruter à Lyon un account manager ?",
    "recruter aujourd'hui un AM, quelles compétences ?",
    "recruter vite un AM ?",
    "comment embaucher rapidement un AM ?",
    "how to hire quickly an AM?",
    "how to recruit a bilingual AM?",
    "hiring multilingual AMs?",
    "hiring remote AMs: what does the guide say?",
    "hiring a seasoned AM?",
    "how to hire a rockstar account manager?",
    "recruter le meilleur AM ?",
    "recruter les meilleurs AM ?",
    "recruter un jeune diplômé pour le poste d'AM ?",
    "hiring a graduate as AM?",
    "recruter un vendeur pour gérer nos clients existants ?",
    "how to hire a salesperson to manage key accounts?",
]

KNOWN_OPTION = [
    "Excel or Google Sheets for the AM?",
    "Excel ou Google Sheets ?",
    "Excel or Python for an AM?",
    "English or Spanish for an AM?",
    "BtoB ou BtoC pour un AM ?",
]


@pytest.mark.parametrize("question", NOT_PAY_ABROAD)
def test_pay_in_france_with_a_place_that_is_not_the_job_s_is_no_pay_abroad(question: str) -> None:
    assert pay_abroad(question) == []


@pytest.mark.parametrize(("question", "place"), PAY_ABROAD_MISSED)
def test_pay_abroad_the_review_found_missed(question: str, place: str) -> None:
    assert place in pay_abroad(question)


@pytest.mark.parametrize("question", NO_UNKNOWN_JOB)
def test_recruiting_an_am_however_worded_is_no_unknown_job(services, question: str) -> None:
    assert unknown_job(question, services.kb, services.framework) == []


@pytest.mark.parametrize("question", KNOWN_OPTION)
def test_a_choice_with_an_option_the_guide_names_is_no_unknown_choice(services, question: str) -> None:
    assert unknown_choice(question, services.kb, services.framework) == []


def test_the_pay_abroad_notice_writes_places_as_the_question_does(services) -> None:
    assert "Genève" in (ask("Salaire d'un AM à Genève ?", services).notice or "")
    assert "UK" in (ask("What's the gross salary for an AM in the UK?", services).notice or "")
