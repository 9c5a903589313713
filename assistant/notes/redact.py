"""The scorecard as it may leave the app (downloads, CLI output): never the personal data, protected-criterion text or
pay history that a flag says must not be kept.

Every flag is quoted by a placeholder naming what it stood for (`[téléphone]`, `[âge]`, `[rémunération actuelle]`),
with its offsets kept so an interviewer holding the notes can find the passage. Every other text (evidence quotes,
strengths, concerns, facts, the LLM's rationales) has the flagged spans and any personal data replaced the same way.
The debrief (assistant/debrief/redact.py) uses these same tables, so the two exports read alike.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypeVar

from ..rules import wordlists as wl
from ..rules.pay_history import PLACEHOLDER as PAY_PLACEHOLDER
from ..rules.pay_history import find_pay_history
from ..rules.pii import PLACEHOLDER_KINDS
from ..rules.safety import find_protected_criteria, redact

if TYPE_CHECKING:
    from pydantic import BaseModel

    from ..rules.models import Flag
    from .models import InterviewSummary

    M = TypeVar("M", bound=BaseModel)

PII = {
    "PHONE": ("téléphone", "phone"),
    "EMAIL": ("e-mail", "email"),
    "NIR": ("n° de sécurité sociale", "social security number"),
    "IBAN": ("IBAN", "IBAN"),
    "ADDRESS": ("adresse", "address"),
    "DOB": ("date de naissance", "date of birth"),
    "PROFILE": ("profil en ligne", "online profile"),
    "CARD": ("n° de carte", "card number"),
    "RIB": ("RIB", "bank details"),
    "IDDOC": ("pièce d'identité", "ID document"),
    "NAME": ("nom", "name"),  # never produced by the exports' redaction, but a "[NAME_1]" the notes hold is read
}
CRITERIA = {
    "age": ("âge", "age"),
    "sex": ("sexe", "sex"),
    "family": ("situation de famille", "family situation"),
    "pregnancy": ("grossesse", "pregnancy"),
    "origin": ("origine", "origin"),
    "religion": ("religion", "religion"),
    "union": ("activité syndicale", "union activity"),
    "political": ("opinions politiques", "political opinions"),
    "sexual_orientation": ("orientation sexuelle", "sexual orientation"),
    "gender_identity": ("identité de genre", "gender identity"),
    "appearance": ("apparence physique", "physical appearance"),
    "health": ("état de santé", "health"),
    "residence": ("lieu de résidence", "place of residence"),
    "family_name": ("nom de famille", "family name"),
    "bank": ("domiciliation bancaire", "bank domiciliation"),
    "whistleblower": ("lanceur d'alerte", "whistleblower status"),
    "elected_mandate": ("mandat électif", "elected mandate"),
    "language": ("langue", "language"),
    "genetic": ("caractéristiques génétiques", "genetic characteristics"),
    "economic_vulnerability": ("vulnérabilité économique", "economic vulnerability"),
    "morals": ("mœurs", "morals"),
}
KINDS = {
    "discrimination": ("critère protégé", "protected criterion"),
    "pii": ("donnée personnelle", "personal data"),
    "prompt_injection": ("instruction adressée à l'IA", "text aimed at the AI"),
    "pay_history": (PAY_PLACEHOLDER["fr"][1:-1], PAY_PLACEHOLDER["en"][1:-1]),
}
FLAGGED = ("texte signalé", "flagged text")
NOT_KEPT = ("pii", "discrimination", "pay_history", "prompt_injection")
"""Flag kinds whose text an export never carries (prompt injection: hostile text, no use outside the app)."""

PII_TOKEN = re.compile(rf"\[({'|'.join(PLACEHOLDER_KINDS)})_\d+\]")
_LABEL_TO_CRITERION = {c.label: c.id for c in wl.CRITERIA}
_IN_PARENS = re.compile(r"\(([^()]+)\)")


def pick(pair: tuple[str, str], lang: str) -> str:
    """`[French]` or `[English]` of a placeholder pair."""
    return f"[{pair[1] if lang == 'en' else pair[0]}]"


def criterion_placeholder(message: str, evidence: str | None, lang: str) -> str:
    """A protected-criterion flag's placeholder: its criterion named in the message, else found in its text."""
    messages = [message or ""] + [f.message for f in find_protected_criteria(evidence or "", context="notes")]
    for msg in messages:
        for label in _IN_PARENS.findall(msg):
            cid = _LABEL_TO_CRITERION.get(label.strip())
            if cid in CRITERIA:
                return pick(CRITERIA[cid], lang)
    return pick(KINDS["discrimination"], lang)


def flag_placeholder(flag: Flag, lang: str) -> str:
    """What stands for a flag's text in an export: `[téléphone]`, `[âge]`, `[rémunération actuelle]`…"""
    if flag.kind == "discrimination":
        return criterion_placeholder(flag.message, flag.evidence, lang)
    if flag.kind == "pii":
        tokens = PII_TOKEN.findall(redact(flag.evidence or "").text)
        return pick(PII[tokens[0]], lang) if tokens else pick(KINDS["pii"], lang)
    return pick(KINDS.get(flag.kind, FLAGGED), lang)


def scrub(text: str, lang: str) -> str:
    """Free text (an LLM's rationale) with personal data, protected-criterion mentions and pay history replaced."""
    if not text:
        return text
    for f in sorted(find_pay_history(text, lang), key=lambda f: -(f.start or 0)):
        text = text[: f.start] + pick(KINDS["pay_history"], lang) + text[f.end :]
    # overlapping mentions (« Sa **femme** »: « femme » as written, « Sa **femme** » read through the markup) are one
    # span, replaced once with the first mention's placeholder
    spans: list[tuple[int, int, str]] = []
    for f in sorted(find_protected_criteria(text, context="notes"), key=lambda f: (f.start or 0, -(f.end or 0))):
        start, end = f.start or 0, f.end or 0
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]), spans[-1][2])
        else:
            spans.append((start, end, criterion_placeholder(f.message, f.evidence, lang)))
    for start, end, placeholder in reversed(spans):
        text = text[:start] + placeholder + text[end:]
    return PII_TOKEN.sub(lambda m: pick(PII[m.group(1)], lang), redact(text).text)


def _mask_quote(model: M, spans: list[tuple[int, int, str]], lang: str) -> M:
    """A copy of a quote-bearing model (Evidence, PracticalFact) with every flagged span inside it replaced."""
    start, end, quote = model.start, model.end, model.quote  # type: ignore[attr-defined]
    if end - start != len(quote):  # offsets do not map onto the quote: scrub it as free text
        return model.model_copy(update={"quote": scrub(quote, lang)})
    out, pos = [], 0
    for s, e, placeholder in spans:
        a, b = max(s, start) - start, min(e, end) - start
        if a >= b or a < pos:
            continue
        out += [quote[pos:a], placeholder]
        pos = b
    masked = "".join(out) + quote[pos:]
    # anything a finder sees in the quote alone (a phone number the notes split oddly) goes too
    return model.model_copy(update={"quote": scrub(masked, lang)})


def export_summary(summary: InterviewSummary) -> InterviewSummary:
    """A copy of the scorecard fit to leave the app: flags quoted by placeholders, flagged spans and personal data
    replaced in every quote and free text. Offsets, ids, statuses and ratings are unchanged."""
    lang = summary.language
    spans = sorted(
        (f.start, max(f.end or f.start, f.start + 1), flag_placeholder(f, lang))
        for f in summary.flags
        if f.kind in NOT_KEPT and f.start is not None
    )
    flags = [
        f.model_copy(update={"evidence": flag_placeholder(f, lang)}) if f.kind in NOT_KEPT and f.evidence else f
        for f in summary.flags
    ]
    competencies = [
        c.model_copy(
            update={
                "evidence": [_mask_quote(e, spans, lang) for e in c.evidence],
                "rationale": scrub(c.rationale, lang),
            }
        )
        for c in summary.competencies
    ]
    return summary.model_copy(
        update={
            "flags": flags,
            "competencies": competencies,
            "strengths": [_mask_quote(e, spans, lang) for e in summary.strengths],
            "concerns": [_mask_quote(e, spans, lang) for e in summary.concerns],
            "facts": [_mask_quote(f, spans, lang) for f in summary.facts],
            "recommendation_rationale": scrub(summary.recommendation_rationale, lang),
            "interviewer": scrub(summary.interviewer or "", lang) or None,
        }
    )
