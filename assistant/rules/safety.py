"""Safety checks on pasted text: invisible characters, protected criteria (Code du travail L1132-1), prompt
injection, personal data (PII) and its redaction.

`check_notes` runs them all on interview notes. The finders live in their own modules (sanitize, criteria,
injection, pii); this module is the public entry point the jobs import.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .criteria import criteria_flags, find_protected_criteria
from .demark import MARKUP_CHARS, MARKUP_OR_ENTITY, demarked
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
    `_criteria_under_markup`)."""
    view = TextView.of(text)
    criteria = criteria_flags(view, "notes")
    flags = criteria + _criteria_under_markup(text, criteria) + injection_flags(view) + pii_flags(view)
    flags.sort(key=lambda f: (f.start or 0, f.end or 0))
    return NotesCheck(view.clean.original, view.clean, flags)


def _criteria_under_markup(text: str, found: list[Flag]) -> list[Flag]:
    """The protected criteria that only the notes read without their inline markup show (« Il a **52** ans »,
    « en*cein*te », « en<b>ceinte</b> », « 45&nbsp;ans »), quoted on the notes as written, markup inside included.

    Only the lines holding markup are read again, with a line of context on either side, and a flag counts only
    where markup touches it: plain notes cost one look for a markup character. A span a flag of `found` already
    covers, or one of the same criterion overlaps, is not flagged again."""
    if not any(ch in text for ch in MARKUP_CHARS):
        return []
    marks = [m.span() for m in MARKUP_OR_ENTITY.finditer(text)]
    mark_starts = [s for s, _ in marks]
    taken = _Spans(found)
    extra: list[Flag] = []
    for block_start, block_end in _blocks(text, marks):
        read = demarked(text[block_start:block_end])
        if read.text == text[block_start:block_end]:
            continue
        for f in criteria_flags(TextView.of(read.text), "notes"):
            if f.start is None or f.end is None or f.end <= f.start:
                continue
            start, end = read.span_to_original(f.start, f.end)
            start, end = start + block_start, end + block_start
            # markup inside or right next to it (« _enceinte_ »), else the raw text read it the same way
            near = bisect.bisect_right(mark_starts, end)
            if near == 0 or marks[near - 1][1] < start:
                continue
            if taken.repeats(start, end, f.message):
                continue
            extra.append(f.model_copy(update={"start": start, "end": end, "evidence": text[start:end]}))
    return extra


class _Spans:
    """The flags the notes as written already show, to tell whether a flag found under markup repeats one."""

    def __init__(self, flags: list[Flag]) -> None:
        self.spans = sorted((f.start, f.end, f.message) for f in flags if f.start is not None and f.end is not None)
        self.starts = [s for s, _, _ in self.spans]
        self.max_ends: list[int] = []  # the furthest end among spans[: i + 1]
        for _, e, _ in self.spans:
            self.max_ends.append(max(e, self.max_ends[-1]) if self.max_ends else e)

    def repeats(self, start: int, end: int, message: str) -> bool:
        """Whether a flag overlaps [start, end) with the same message (the same criterion), or covers it whole."""
        i = bisect.bisect_left(self.starts, end) - 1
        while i >= 0 and self.max_ends[i] > start:
            s, e, msg = self.spans[i]
            if e > start and (msg == message or s <= start and end <= e):
                return True
            i -= 1
        return False


def _blocks(text: str, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of whole lines holding the `marks`, each with the line before and the line after it; touching ones
    merged."""
    blocks: list[tuple[int, int]] = []
    for mark_start, mark_end in marks:
        if blocks and mark_end <= blocks[-1][1]:
            continue
        line_start = text.rfind("\n", 0, mark_start) + 1
        start = text.rfind("\n", 0, line_start - 1) + 1 if line_start else 0
        line_end = text.find("\n", mark_end)
        end = len(text) if line_end < 0 else text.find("\n", line_end + 1)
        end = len(text) if end < 0 else end
        if blocks and start <= blocks[-1][1] + 1:
            blocks[-1] = (blocks[-1][0], max(blocks[-1][1], end))
        else:
            blocks.append((start, end))
    return blocks


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
