"""Answers pass the protected-criteria screen before they are shown (Code du travail L1132-1), and so do questions.

The guide's own passages never trip it (a test checks every passage), so it catches a model that adds
discriminatory advice ("favour young candidates without children"): such an answer is withheld, and the notice
says why. The screen reads the text as an ad would be read: equal-opportunity statements pass.

A question that brings a protected criterion into hiring (« on cherche plutôt un homme, non ? », "can I ask her if
she plans kids?") gets no passage at all: quoted beside the criterion, any passage reads as the way to apply it
(stop 48's outside review: « Idéalement, il disposera d'une expérience… » as the answer to the first). It gets a
notice that names the criterion and the law, never the question's own words (they can be health data), and the
model is not called.
"""

from __future__ import annotations

import re

from ..rules.criteria import criteria_named
from ..rules.safety import find_protected_criteria
from .models import QUESTION_WITHHELD, WITHHELD, Answer, WithheldReason

REASON: WithheldReason = "protected_criterion"
QUESTION_REASON: WithheldReason = "criterion_in_question"

QUESTION_NOTICE = {
    "fr": "Critère protégé ({labels}) : il ne peut jouer aucun rôle dans le choix, l'évaluation ou la rémunération "
    "d'un·e candidat·e, et une question posée en entretien doit avoir un lien direct et nécessaire avec l'emploi "
    "(Code du travail L1132-1 et L1221-6). Le guide n'en fait pas un critère.",
    "en": "Protected criterion ({labels}): it may play no part in choosing, assessing or paying a candidate, and an "
    "interview question must have a direct and necessary link with the job (Code du travail L1132-1 and L1221-6). "
    "The guide does not make it a criterion.",
}


def question_criteria(question: str) -> list[tuple[str, str, str]]:
    """The protected criteria a question brings in, as rules.criteria.criteria_named gives them, read as an ad is:
    a requirement, a preference or a remark on a person counts, an equal-opportunity statement does not ("equal pay
    between men and women", « ouvert aux personnes handicapées »: a read-through of stop 48 found the notes reading,
    where every mention counts, took those questions' answers)."""
    named = criteria_named(question, context="ad")
    if not any(crit_id == "pregnancy" for crit_id, _, _ in named) and _PREGNANT.search(question):
        # The ad reading excuses a pregnancy named in a sentence that offers something (a perk: « congé maternité
        # proposé »), and a question asks « je lui propose quand même le poste ? » of a pregnant candidate (stop 48's
        # second review): a person's pregnancy named in a question is the criterion, whatever the sentence offers.
        named += [c for c in criteria_named(question, context="notes") if c[0] == "pregnancy"]
    return named


_PREGNANT = re.compile(r"\b(?:enceinte|enceintes|pregnant|pregnancy|grossesse|expecting\s+(?:a\s+baby|twins))\b", re.I)


def withheld_for_question(criteria: list[tuple[str, str, str]], lang: str) -> Answer:
    """The answer to a question that brings in these protected criteria: no passage, a notice naming them."""
    lang = lang if lang in QUESTION_NOTICE else "en"
    labels = ", ".join(fr if lang == "fr" else en for _, en, fr in criteria)
    return Answer(
        answer=QUESTION_WITHHELD[lang],
        abstained=True,
        backend="offline",
        withheld=QUESTION_REASON,
        notice=QUESTION_NOTICE[lang].format(labels=labels),
    )


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
