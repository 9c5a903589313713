"""Pay the hostile review of stop 37 found misread after its own pay changes (salary.py): a crash on English cents
before « k », an hourly salary losing to a benefit, a bracketed estimate chosen over the stated pay, brackets with a
digit losing their unit, hourly and day labels missed, and a slow ranking. Each case was written by hand."""

from __future__ import annotations

import pytest

from assistant.rules.compliance import lint_ad
from assistant.rules.salary import parse_salary

from support import assert_linear_cpu


@pytest.mark.parametrize("text", ["Salary: 1,200.5k", "Salaire : 3,500.50 k€", "Budget: 1,000.00k"])
def test_english_cents_before_k_never_crash(text: str) -> None:
    parse_salary(text)
    lint_ad(f"# Account Manager (F/H)\n\nVous gérez un portefeuille.\n\n{text}\n")


@pytest.mark.parametrize(
    ("text", "lo", "period", "rate"),
    [
        # the labelled pay wins over a benefit, a business figure, a bracketed estimate or another rate
        ("Salaire : 14 €/h. Aide au logement 300 € par mois.", 14, None, "hour"),
        ("Salaire : 25 €/h. CA moyen par vendeur : 40 000 € par an.", 25, None, "hour"),
        ("Rémunération : 15 €/h + primes (environ 2 800 € mensuels)", 15, None, "hour"),
        ("TJM : 450 € (soit environ 9 000 € par mois)", 450, None, "day"),
        ("Heures sup : 25 €/h. Salaire : 18 €/h.", 18, None, "hour"),
        ("Astreinte : 100 €/jour. TJM : 500 €.", 500, None, "day"),
        # a bracket with a digit but no second amount keeps its unit
        ("Rémunération : 9 500 € (brut annuel, 1re année d'apprentissage)", 9500, "year", None),
        ("Salaire : 450 € (par jour, 5 j/sem)", 450, None, "day"),
        ("Salaire : 15 € (brut de l'heure, 35 h/semaine)", 15, None, "hour"),
        # hourly and day labels
        ("Salaire horaire : 12,50 €", 12.5, None, "hour"),
        ("Rémunération horaire : 12,50 € brut", 12.5, None, "hour"),
        ("Rémunération : 12,50 € l'heure", 12.5, None, "hour"),
        ("Salaire journalier : 150 € brut", 150, None, "day"),
    ],
)
def test_the_stated_pay_and_its_unit(text: str, lo: float, period: str | None, rate: str | None) -> None:
    pay = parse_salary(text)
    assert pay is not None
    assert (pay.min, pay.period, pay.rate) == (lo, period, rate)
    assert text[pay.start : pay.end] == pay.evidence


@pytest.mark.parametrize("unit", ["1k ", "45k ", "3 800 € "])
def test_an_ad_full_of_figures_is_ranked_in_linear_time(unit: str) -> None:
    assert_linear_cpu(parse_salary, lambda n: (unit * (n // len(unit)))[:n], 100_000)
