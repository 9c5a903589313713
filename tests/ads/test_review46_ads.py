"""Stop 46's hostile review of the ad drafter and linter (briefs written by a reviewer who never read the code).

1. A brief sentence holding a protected criterion used to be cut at « et », "and" and parentheses, and the rest was
   published: « Idéalement entre 25 », « E, uniquement », « Vous avez entre 22, une première expérience ». Only parts
   between commas or semicolons that stand on their own are kept now; otherwise the whole sentence goes.
2. Wordings the lexicon missed, in the drafter and the linter alike.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.ads import brief_from_dict, draft_job_ad
from assistant.ads.models import AdResult
from assistant.rules.safety import find_protected_criteria
from assistant.services import Services

TODAY = date(2026, 12, 6)


def draft(services: Services, **values: object) -> AdResult:
    return draft_job_ad(
        brief_from_dict({"company": "Acme", **values}, settings=services.settings), services, today=TODAY
    )


# --------------------------------------------------------------------------- 1. no fragment of a flagged sentence


@pytest.mark.parametrize(
    ("field", "value", "fragments"),
    [
        (
            "company_pitch",
            "Nous cherchons un profil jeune et dynamique pour rejoindre une équipe soudée. Idéalement entre 25 et 30 ans.",
            ["entre 25", "rejoindre une équipe soudée"],
        ),
        ("requirements", "- Maîtrise d'un CRM.\n- Jeune diplômé(e) uniquement.", ["E, uniquement", "uniquement"]),
        (
            "requirements",
            "- Vous avez entre 22 et 28 ans et une première expérience en vente.",
            ["entre 22", "une première expérience en vente."],
        ),
        ("requirements", "- Candidat(e) de moins de 35 ans.", ["Candidat, e", "- Candidat"]),
        ("requirements", "- Étudiant(e)s de moins de 25 ans s'abstenir.", ["s'abstenir", "Étudiant, e"]),
        ("requirements", "- Excellent relationnel et moins de 30 ans.", ["Excellent relationnel"]),
        ("requirements", "- Young and dynamic, under 30 and fluent in Spanish.", ["fluent in Spanish", "dynamic"]),
    ],
)
def test_no_fragment_of_a_flagged_sentence_reaches_the_ad(
    services, field: str, value: str, fragments: list[str]
) -> None:
    result = draft(services, **{field: value})
    assert any(f.kind == "discrimination" and f.severity == "error" for f in result.flags), result.flags
    body = result.text.casefold()
    for fragment in fragments:
        assert fragment.casefold() not in body, (fragment, result.text)
    assert find_protected_criteria(result.text, context="ad") == []


def test_clean_parts_between_commas_are_still_kept(services) -> None:
    result = draft(services, requirements="- Maîtrise de Salesforce, moins de 30 ans, anglais courant.")
    assert "Maîtrise de Salesforce" in result.text and "anglais courant" in result.text.casefold()
    assert "30 ans" not in result.text
