"""A figure labelled as overtime, on-call pay or a premium is not the job's pay (stop 37's leftover: « Package
attractif. Taux horaire des heures sup : 20 €. » read as an hourly base pay, so no missing-pay warning). Each case was
written by hand."""

from __future__ import annotations

import pytest

from assistant.rules.compliance import lint_ad
from assistant.rules.salary import parse_salary


@pytest.mark.parametrize(
    "text",
    [
        "Package attractif. Taux horaire des heures sup : 20 €.",
        "Rémunération motivante. Heures supplémentaires payées 25 €/h.",
        "Competitive package. Overtime rate: £18 per hour.",
        "Astreintes rémunérées 150 € par semaine.",
        "On-call allowance: €40 a day.",
        "Majoration de nuit : 3 €/h.",
    ],
)
def test_an_overtime_or_on_call_figure_alone_is_no_pay(text: str) -> None:
    pay = parse_salary(text)  # « Package attractif » alone is vague pay: no figure
    assert pay is None or (pay.min, pay.max) == (None, None), text


@pytest.mark.parametrize(
    ("text", "lo"),
    [
        ("Salaire : 14 €/h, heures sup majorées à 25 %.", 14),
        ("Taux horaire : 12 € (heures sup : 15 €).", 12),
        ("Heures sup : 25 €/h. Salaire : 18 €/h.", 18),
        ("Salaire : 2 200 € brut par mois, astreintes en plus (150 €/semaine).", 2200),
    ],
)
def test_the_pay_beside_overtime_is_still_read(text: str, lo: float) -> None:
    pay = parse_salary(text)
    assert pay is not None and pay.min == lo, text


def test_an_ad_stating_only_overtime_gets_the_missing_pay_finding() -> None:
    ad = "# Préparateur·rice de commandes (H/F)\n\nEntrepôt de Lyon, CDI.\n\nPackage attractif. Taux horaire des heures sup : 20 €.\n"
    plain = "# Préparateur·rice de commandes (H/F)\n\nEntrepôt de Lyon, CDI.\n\nPackage attractif.\n"
    missing = {(f.kind, f.message) for f in lint_ad(plain) if f.kind == "salary"}
    assert missing
    assert missing <= {(f.kind, f.message) for f in lint_ad(ad) if f.kind == "salary"}


# review of stop 38: the exclusion hid the real pay, or missed extra pay
@pytest.mark.parametrize(
    ("text", "lo"),
    [
        ("Rémunération hors heures supplémentaires : 2 100 € brut mensuel.", 2100),
        ("Salaire hors heures sup : 1 900 € brut/mois.", 1900),
        ("Poste sans astreinte : 38 000 € brut annuel.", 38000),
        ("Overtime eligible: $25/hour.", 25),
    ],
)
def test_pay_stated_without_overtime_is_read(text: str, lo: float) -> None:
    pay = parse_salary(text)
    assert pay is not None and pay.min == lo, text


@pytest.mark.parametrize("text", ["Overtime pay: $30/hour.", "Prime de nuit : 15 €/h"])
def test_extra_pay_named_as_such_is_no_pay(text: str) -> None:
    pay = parse_salary(text)
    assert pay is None or (pay.min, pay.max) == (None, None), text
