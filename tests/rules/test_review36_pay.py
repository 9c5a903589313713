"""Pay the hostile review of stop 35 found misread (salary.py): a rate elsewhere in the ad outranking the salary,
hourly pay after its label, a yearly equivalent in brackets making monthly pay yearly.

A wrong reading is a wrong JSON-LD baseSalary and a wrong « no pay stated » warning (Loi 2025, Directive (EU)
2023/970 art. 5: ../shared/standards.md). Each case was written by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.rules.compliance import lint_ad
from assistant.rules.salary import parse_salary


@pytest.mark.parametrize(
    ("text", "lo", "hi", "period"),
    [
        # a day or hourly rate elsewhere (overtime, on-call, a freelance option) is not the salary
        ("Heures supplémentaires payées 25 €/h. Salaire : 2 500 € brut mensuel.", 2500, 2500, "month"),
        ("Astreinte : 150 €/jour. Salaire : 3 800 € brut mensuel.", 3800, 3800, "month"),
        ("Salaire : 45 000 € brut annuel. Freelance possible : TJM 400 - 500 €.", 45000, 45000, "year"),
        ("CDI ou freelance (TJM 400 - 500 €). Salaire CDI : 45 000 € brut annuel.", 45000, 45000, "year"),
        # a yearly equivalent in brackets does not make monthly pay yearly (nor the other way round)
        ("Salaire : 3 200 € - 3 800 € brut (soit 38 400 € - 45 600 € par an)", 3200, 3800, "month"),
        ("Salaire : 45 000 € brut (soit 3 750 € par mois)", 45000, 45000, "year"),
        # a unit in brackets with no figure still counts
        ("Salaire : 3 200 € (brut mensuel)", 3200, 3200, "month"),
    ],
)
def test_the_salary_wins_over_rates_and_bracketed_equivalents(text: str, lo: float, hi: float, period: str) -> None:
    pay = parse_salary(text)
    assert pay is not None
    assert (pay.min, pay.max, pay.period, pay.rate, pay.pay_type) == (lo, hi, period, None, "base")
    assert text[pay.start : pay.end] == pay.evidence


@pytest.mark.parametrize(
    ("text", "amount", "rate", "evidence"),
    [
        ("TJM : 450 €", 450, "day", "450 €"),
        ("Taux horaire : 12,50 € brut", 12.5, "hour", "12,50 € brut"),
        ("Hourly rate: €15", 15, "hour", "€15"),
        ("Rémunération : 12,50 € brut de l'heure", 12.5, "hour", "12,50 € brut de l'heure"),
        ("Pay: 15 € an hour", 15, "hour", "15 € an hour"),
        ("Salaire : 15 €/h", 15, "hour", "15 €/h"),
    ],
)
def test_a_rate_alone_is_read_as_a_rate(text: str, amount: float, rate: str, evidence: str) -> None:
    pay = parse_salary(text)
    assert pay is not None
    assert (pay.min, pay.max, pay.rate, pay.period) == (amount, amount, rate, None)
    assert pay.evidence == evidence


def test_an_ad_with_overtime_pay_before_its_salary_is_not_said_to_state_no_pay() -> None:
    ad = (
        "# Account Manager (F/H)\n\nVous gérez un portefeuille de clients.\n\n"
        "Heures supplémentaires payées 25 €/h. Salaire : 2 500 € brut mensuel.\n"
    )
    flags = [f for f in lint_ad(ad, language="fr", date_posted=date(2026, 12, 1)) if f.kind == "salary"]
    assert not any(f.severity == "warning" and f.start is None for f in flags), flags
    assert all("25" not in (f.evidence or "") for f in flags), flags


@pytest.mark.parametrize(
    ("text", "lo", "hi", "evidence"),
    [
        # a lower or upper bound written after the figure
        ("Salaire : 45 k€ minimum", 45000, None, "45 k€ minimum"),
        ("Salary: 50k and up", 50000, None, "50k and up"),
        ("Salaire : 45 000 € ou plus", 45000, None, "45 000 € ou plus"),
        ("Salaire : 45 k€ max", None, 45000, "45 k€ max"),
        ("Salaire : 45 000 € brut annuel minimum", 45000, None, "45 000 € brut annuel minimum"),
        ("Salaire : 45 k€ + variable", 45000, 45000, "45 k€"),
        # cents after an English thousands separator
        ("Salary: €3,500.50 per month", 3500.5, 3500.5, "€3,500.50 per month"),
        ("Salary: 45,000.00 EUR", 45000, 45000, "45,000.00 EUR"),
        ("Salaire : 3.500,50 € par mois", 3500.5, 3500.5, "3.500,50 € par mois"),
    ],
)
def test_bounds_after_the_figure_and_english_cents(
    text: str, lo: float | None, hi: float | None, evidence: str
) -> None:
    pay = parse_salary(text)
    assert pay is not None
    assert (pay.min, pay.max, pay.evidence) == (lo, hi, evidence)
    assert text[pay.start : pay.end] == pay.evidence


def test_the_evidence_of_variable_pay_in_brackets_closes_its_bracket() -> None:
    pay = parse_salary("Salaire : 45 k€ (variable inclus), tickets restaurant.")
    assert pay is not None and pay.pay_type == "ote"
    assert pay.evidence == "45 k€ (variable inclus)"
