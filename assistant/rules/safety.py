"""Safety checks on pasted text: invisible characters, protected criteria (Code du travail L1132-1), prompt
injection, personal data (PII) and its redaction.

`check_notes` runs them all on interview notes. The finders live in their own modules (sanitize, criteria,
injection, pii); this module is the public entry point the jobs import.
"""

from __future__ import annotations

from dataclasses import dataclass

from .criteria import criteria_flags, find_protected_criteria, with_criteria_under_markup
from .injection import find_injections, injection_flags
from .models import Flag
from .pii import Redaction, find_pii, iban_is_valid, nir_is_valid, pii_flags, redact
from .sanitize import Sanitized, TextView, sanitize


@dataclass(frozen=True)
class NotesCheck:
    """Everything the safety checks found in interview notes; offsets refer to the original notes."""

    original: str
    sanitized: Sanitized
    flags: list[Flag]

    @property
    def discrimination(self) -> list[Flag]:
        return [f for f in self.flags if f.kind == "discrimination"]

    @property
    def injections(self) -> list[Flag]:
        return [f for f in self.flags if f.kind == "prompt_injection"]

    @property
    def pii(self) -> list[Flag]:
        return [f for f in self.flags if f.kind == "pii"]

    def excluded_spans(self) -> list[tuple[int, int]]:
        """Original spans that must never be used as evidence (protected criteria and injections)."""
        return [(f.start or 0, f.end or 0) for f in self.flags if f.kind in ("discrimination", "prompt_injection")]


def check_notes(text: str) -> NotesCheck:
    """Sanitise notes and run the three finders; every offset refers to the ORIGINAL text.

    Protected criteria are also looked for in the notes read without their inline markup (see
    `with_criteria_under_markup`)."""
    view = TextView.of(text)
    criteria = with_criteria_under_markup(text, criteria_flags(view, "notes"), "notes")
    flags = criteria + injection_flags(view) + pii_flags(view)
    flags.sort(key=lambda f: (f.start or 0, f.end or 0))
    return NotesCheck(view.clean.original, view.clean, flags)


__all__ = [
    "NotesCheck",
    "Redaction",
    "Sanitized",
    "TextView",
    "check_notes",
    "find_injections",
    "find_pii",
    "find_protected_criteria",
    "iban_is_valid",
    "nir_is_valid",
    "redact",
    "sanitize",
]
