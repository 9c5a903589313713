"""Equal-opportunity statements in the first person plural (stop 38's leftover): "We do not discriminate on age"
erred on "age" because only "does not discriminate" was read as one. Written here; a restriction beside such a
statement still errs."""

from __future__ import annotations

import pytest

from assistant.rules.criteria import find_protected_criteria


def _ad(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_protected_criteria(text, context="ad")]


@pytest.mark.parametrize(
    "text",
    [
        "We do not discriminate on age, gender or origin.",
        "We don't discriminate on the basis of age, sex, religion or disability.",
        "We never discriminate on grounds of age or gender.",
        "Our hiring team will not discriminate on the basis of pregnancy or family status.",
        "We have a policy of no discrimination on the basis of age, sex or origin.",
        "Nous ne faisons aucune discrimination liée à l'âge, au sexe ou à l'origine.",
    ],
)
def test_a_first_person_equal_opportunity_statement_excuses_the_criteria_it_names(text: str) -> None:
    assert _ad(text) == []


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("We do not discriminate on age, but candidates must be under 35.", "under 35"),
        ("We don't discriminate, though we prefer men for this role.", "men"),
    ],
)
def test_a_restriction_beside_it_still_errs(text: str, evidence: str) -> None:
    assert any(evidence in flagged for flagged in _ad(text)), _ad(text)
