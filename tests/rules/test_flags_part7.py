"""Issue 9, part 7: false safety flags on notes by outside writers. A year is not pay, an account's value is not the
candidate's pay, and "live" as in real time is not a place of residence; real remarks are still flagged."""

from __future__ import annotations

import pytest

from assistant.rules.criteria import find_protected_criteria
from assistant.rules.pay_history import find_pay_history


@pytest.mark.parametrize(
    "text",
    [
        "T : relancer sa base en 2023 avec la nouvelle offre",
        "sold the add-on to his base in 2021",
        "Mon plus gros client, je l'ai repris à 90 k€, il est à 210 k€ cette année.",
        "the account was at 300k when she took it over, it is at 520k now",
    ],
)
def test_business_figures_and_years_are_not_pay_history(text: str) -> None:
    assert find_pay_history(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "salaire actuel 2500 net par mois",
        "il est à 52 k€ fixe chez son employeur actuel",
        "currently on 48k base at Acme",
        "sa base est à 45k, variable 10k",
        "gagne 3 200 € brut par mois",
        "gère 40 comptes depuis 3 ans chez Acme et il est à 57k aujourd'hui",
    ],
)
def test_pay_history_is_still_flagged(text: str) -> None:
    assert [f.kind for f in find_pay_history(text)] == ["pay_history"]


@pytest.mark.parametrize(
    "text",
    [
        "wrote the follow-up e-mail live in ten minutes, very clear",
        "the platform went live in March at her biggest client",
        "built the quote live in the call with the buyer",
    ],
)
def test_live_in_real_time_is_not_residence(text: str) -> None:
    assert find_protected_criteria(text, context="notes") == []


@pytest.mark.parametrize(
    "text",
    ["lives in the suburbs, 1h30 from the office", "she lives in Roubaix with her parents", "doesn't live in Paris"],
)
def test_residence_is_still_flagged(text: str) -> None:
    assert find_protected_criteria(text, context="notes") != []


@pytest.mark.parametrize(
    "text",
    [
        "un accent qui chante, pas d'ici je dirais",
        "elle n'est pas d'ici, ça se sent",
        "he's not from around here, you can tell",
        "a un accent marqué, à voir avec nos clients",
    ],
)
def test_origin_by_hint_is_flagged(text: str) -> None:
    assert [f.kind for f in find_protected_criteria(text, context="notes")] != []


@pytest.mark.parametrize(
    "text",
    [
        "pas d'ici la fin du mois, le client signe en janvier",
        "met un accent prononcé sur la relation client",
        "not from here on: the rest is about the renewal",
    ],
)
def test_dates_and_emphasis_are_not_origin(text: str) -> None:
    assert find_protected_criteria(text, context="notes") == []
