"""Placeholders for what a debrief must not carry: personal data and protected-criterion text.

A flag is never quoted: it is shown by a placeholder naming what it stood for (`[téléphone]`, `[âge]`). Every text
taken from a scorecard (quotes, names, messages) has its personal data and protected-criterion mentions replaced the
same way, whatever the scorecard's own export did.
"""

from __future__ import annotations

import re

from ..notes.redact import FLAGGED, KINDS, PII, PII_TOKEN, criterion_placeholder, pick
from ..notes.redact import scrub as scrub_free_text
from ..rules.safety import redact

# The placeholder tables are the scorecard export's (assistant/notes/redact.py), so both exports read alike.
_PII_IN_MESSAGE = [
    (re.compile(r"\b(?:phone|téléphone)", re.I), "PHONE"),
    (re.compile(r"\b(?:e-?mail|courriel)", re.I), "EMAIL"),
    (re.compile(r"\b(?:NIR|social security|sécurité sociale)", re.I), "NIR"),
    (re.compile(r"\bIBAN\b", re.I), "IBAN"),
    (re.compile(r"\b(?:address|adresse)", re.I), "ADDRESS"),
]


def scrub(text: str, lang: str, *, criteria: bool = True) -> str:
    """`text` with personal data replaced by placeholders; with `criteria` (the default), protected-criterion
    mentions and pay history too (an older scorecard export may still carry them)."""
    if not text:
        return text
    if criteria:
        return scrub_free_text(text, lang)
    return PII_TOKEN.sub(lambda m: pick(PII[m.group(1)], lang), redact(text).text)


def flag_placeholder(kind: str, message: str, evidence: str | None, lang: str) -> str:
    """What stands for a flag's text in the debrief: `[téléphone]`, `[âge]`, `[texte signalé]`… never the text."""
    if kind == "discrimination":
        return criterion_placeholder(message, evidence, lang)
    if kind == "pii" and evidence:
        tokens = PII_TOKEN.findall(redact(evidence).text)
        if tokens:
            return pick(PII[tokens[0]], lang)
    if kind == "pii":  # the text was already a placeholder (a redacted export): name it from the message
        for pattern, key in _PII_IN_MESSAGE:
            if pattern.search(message or ""):
                return pick(PII[key], lang)
    return pick(KINDS.get(kind, FLAGGED), lang)
