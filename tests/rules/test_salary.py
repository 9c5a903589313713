"""Salary parsing: figures, ranges, periods, currencies and vague wordings in an ad."""

from __future__ import annotations

import pytest

from assistant.rules.salary import parse_salary

SALARIES = [
    ("2 920 €", 2920, 2920, "month", None),
    ("2\u202f920\u00a0€ brut", 2920, 2920, "month", True),
    ("2920€", 2920, 2920, "month", None),
    ("3,5 k€", 3500, 3500, "month", None),
    ("35k", 35000, 35000, "year", None),
    ("35 000 - 45 000 € brut annuel", 35000, 45000, "year", True),
    ("de 3000 à 3500 € brut mensuel", 3000, 3500, "month", True),
    ("€45,000 per year", 45000, 45000, "year", None),
    ("Salaire : 40-45K€", 40000, 45000, "year", None),
    ("entre 40 et 45 k€ brut/an", 40000, 45000, "year", True),
    ("2 500 € net par mois", 2500, 2500, "month", False),
    ("jusqu'à 5 420 € bruts mensuels", None, 5420, "month", True),
    ("à partir de 3 000 € brut par mois", 3000, None, "month", True),
]


@pytest.mark.parametrize("text,lo,hi,period,gross", SALARIES)
def test_parse_salary(text, lo, hi, period, gross):
    s = parse_salary(text)
    assert s is not None
    assert (s.min, s.max, s.period, s.currency, s.gross) == (lo, hi, period, "EUR", gross)
    assert text[s.start : s.end] == s.evidence


@pytest.mark.parametrize(
    "text", ["Salaire selon profil.", "Pay: DOE", "Competitive salary and benefits", "Selon expérience"]
)
def test_parse_salary_vague(text):
    s = parse_salary(text)
    assert s is not None and s.min is None and s.max is None and s.vague
    assert text[s.start : s.end] == s.vague


@pytest.mark.parametrize(
    "text", ["Aucune information.", "CA de 10 M€, 5 000 clients, fondée en 2019, 15 % de variable."]
)
def test_parse_salary_none(text):
    assert parse_salary(text) is None


def test_parse_salary_currency_and_period_assumption():
    usd = parse_salary("$60,000 - $70,000 a year")
    assert usd is not None and usd.currency == "USD"
    bare = parse_salary("Rémunération : 3 200 €")
    assert bare is not None and bare.period == "month" and bare.period_assumed
