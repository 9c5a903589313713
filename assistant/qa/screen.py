"""Answers pass the protected-criteria screen before they are shown (Code du travail L1132-1).

The guide's own passages never trip it (a test checks every passage), so it catches a model that adds
discriminatory advice ("favour young candidates without children"): such an answer is withheld, and the notice
says why. The screen reads the text as an ad would be read: equal-opportunity statements pass.
"""

from __future__ import annotations

from ..rules.safety import find_protected_criteria
from .models import WITHHELD, Answer, WithheldReason

REASON: WithheldReason = "protected_criterion"


def protected_notice(text: str) -> str | None:
    """Why `text` must not be shown (the protected-criterion words it uses), or None when it may be."""
    found = find_protected_criteria(text, context="ad")
    if not found:
        return None
    quoted = ", ".join(dict.fromkeys(f"«{f.evidence}»" for f in found if f.evidence))
    return (
        f"The answer was withheld because it refers to a protected criterion ({quoted}): age, family situation, "
        "sex, origin and the other criteria of Code du travail L1132-1 must play no part in hiring."
    )


def screened(answer: Answer, lang: str) -> Answer:
    """The answer, or a withheld copy (no citations, a notice saying why) when its text names a protected criterion."""
    if answer.abstained:
        return answer
    notice = protected_notice(f"{answer.answer}\n{answer.understood_as or ''}")
    if notice is None:
        return answer
    return answer.model_copy(
        update={
            "answer": WITHHELD.get(lang, WITHHELD["en"]),
            "abstained": True,
            "citations": [],
            "withheld": REASON,
            "notice": notice,
        }
    )
