"""Protected criteria in notes, from the fifteenth notes dev round (h229-h243, met blind) and its neighbours.

- A return to work on medical grounds (« repris en mi-temps thérapeutique ») is health.
- Not flagged: "a bit old-school" (a way of working), "the good ones live in Gainsight" and "a native speaker of
  Salesforce" (a tool).
- Still flagged: the employer's own equal-opportunity statement pasted in the notes (a job ad, an e-mail footer): a
  first version excused it when it named no one, and a review found remarks on the candidate it hid.
"""

from __future__ import annotations

import pytest

from assistant.rules.compliance import lint_ad

from support import criterion_labels

FLAGGED = [
    ("Elle a repris en mi-temps thérapeutique après son opération, en 2022.", "state of health or disability"),
    ("Temps partiel thérapeutique jusqu'en mars.", "state of health or disability"),
    ("Rather old for the team, a bit slow.", "age"),
    ("Native speaker of German, fluent French.", "mother tongue"),
    ("She lives in Croydon, long commute.", "place of residence"),
    ("Nous accueillons tous les profils, sans distinction d'âge : elle a 58 ans, un peu vieille.", "age"),
    ("We welcome applicants of all ages, he is 61 though.", "age"),
    ("We are an equal opportunity employer. She is pregnant.", "pregnancy"),
    ("Open to all ages but she is too old.", "age"),
    ("Nous recrutons sans distinction d'âge, mais 58 ans c'est trop.", "age"),
]
NOT_FLAGGED = [
    "My gut: solid, a bit old-school for where the market is going.",
    "Rather old-fashioned in her follow-up: letters, not e-mails.",
    "In my view the good ones live in Gainsight and let the health scores tell them where to go.",
    "She's a native speaker of Salesforce: went straight to asking about CPQ.",
]
# The employer's equal-opportunity statement pasted in notes stays flagged: excusing it hid remarks on the candidate
# beside it ("We are an equal-opportunity employer - pregnant, due in March"; review of stop 41).
EMPLOYER_STATEMENTS_IN_NOTES = [
    "We welcome applicants of all ages, backgrounds, religions and sexual orientations.",
    "Acme is an equal opportunity employer: we consider all applicants regardless of age, religion or disability.",
    "We are an equal-opportunity employer - pregnant, due in March.",
]


@pytest.mark.parametrize(("text", "label"), FLAGGED)
def test_a_remark_on_the_candidate_is_flagged(text: str, label: str) -> None:
    assert any(found.startswith(label) for found in criterion_labels(text)), criterion_labels(text)


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_a_way_of_working_or_a_tool_is_not_flagged(text: str) -> None:
    assert criterion_labels(text) == set()


def test_a_hyphenated_equal_opportunity_employer_frames_the_criteria_it_names_in_an_ad() -> None:
    ad = "We are an equal-opportunity employer and welcome applicants of all ages and religions."
    assert not [f for f in lint_ad(ad) if f.kind == "discrimination"]


def test_an_exclusion_beside_a_hyphenated_equal_opportunity_phrase_is_still_flagged_in_an_ad() -> None:
    ad = "We are an equal-opportunity employer, but pregnant women will not be hired."
    assert [f for f in lint_ad(ad) if f.kind == "discrimination"]


@pytest.mark.parametrize("text", EMPLOYER_STATEMENTS_IN_NOTES)
def test_an_equal_opportunity_statement_in_notes_is_still_flagged(text: str) -> None:
    assert criterion_labels(text)
