"""Sanitised text shared by every finder and the job-ad linter: invisible characters removed, NFC applied,
a map back to the original offsets, and the folded copies the rules match on.

Every finder reports offsets into the text it was given, so a flag's `evidence == text[start:end]` always
holds. Matching is accent-insensitive: the rules run on a *folded* copy of the text that keeps one character
per character (`assistant.text.fold_pair`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TypeVar

from ..errors import InputError
from ..text import fold_pair
from .models import Flag, Severity

T = TypeVar("T")
MAX_CHARS = 1_000_000  # far above any notes or ad; a guard against hostile input, not a product limit

# Zero-width, bidi controls, soft hyphen, word joiners, invisible separators, variation selectors, tag
# characters (ASCII smuggling), Hangul fillers, and C0/C1 controls other than tab and newlines.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e007f\U000e0100-\U000e01ef"
    "\U0001d173-\U0001d17a\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]+"
)


@dataclass(frozen=True)
class Sanitized:
    """Text with invisible characters removed and NFC applied, plus a map back to the original."""

    original: str
    text: str
    removed: int
    _starts: tuple[int, ...] | None = field(default=None, repr=False)  # clean index → original start
    _ends: tuple[int, ...] | None = field(default=None, repr=False)  # clean index → original end

    def to_original(self, offset: int) -> int:
        """The original offset of clean offset `offset` (len(text) maps to len(original))."""
        if self._starts is None:
            return offset
        if offset >= len(self.text):
            return len(self.original)
        return self._starts[max(offset, 0)]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering clean span [start, end)."""
        if self._starts is None or self._ends is None:
            return start, end
        if end <= start:
            pos = self.to_original(start)
            return pos, pos
        return self._starts[start], self._ends[min(end, len(self.text)) - 1]


def _check_text(text: object, what: str = "text") -> str:
    if not isinstance(text, str):
        raise InputError(f"The {what} must be a string, not {type(text).__name__}.")
    if len(text) > MAX_CHARS:
        raise InputError(f"The {what} is too long ({len(text):,} characters; the limit is {MAX_CHARS:,}).")
    return text


def sanitize(text: str) -> Sanitized:
    """Strip invisible/bidi/tag characters and normalise to NFC, keeping a map to the original offsets."""
    text = _check_text(text)
    if not _INVISIBLE.search(text) and unicodedata.is_normalized("NFC", text):
        return Sanitized(text, text, 0)
    kept: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _INVISIBLE.finditer(text):
        kept.append(text[pos : m.start()])
        index.extend(range(pos, m.start()))
        pos = m.end()
    kept.append(text[pos:])
    index.extend(range(pos, len(text)))
    stripped = "".join(kept)
    removed = len(text) - len(stripped)
    if unicodedata.is_normalized("NFC", stripped):
        return Sanitized(text, stripped, removed, tuple(index), tuple(i + 1 for i in index))
    # NFC may merge a base and its combining marks (or split a few characters): normalise cluster by
    # cluster, mapping every output character to the cluster's original span.
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(stripped):
        j = i + 1
        while j < len(stripped) and unicodedata.combining(stripped[j]):
            j += 1
        piece = unicodedata.normalize("NFC", stripped[i:j])
        out.append(piece)
        starts.extend([index[i]] * len(piece))
        ends.extend([index[j - 1] + 1] * len(piece))
        i = j
    return Sanitized(text, "".join(out), removed, tuple(starts), tuple(ends))


@dataclass(frozen=True)
class TextView:
    """One sanitised text and its folded forms, shared by the finders and the job-ad linter."""

    clean: Sanitized
    lower: str  # lowercase, accents kept
    folded: str  # lowercase, accents removed

    @classmethod
    def of(cls, text: str) -> TextView:
        """Sanitise `text` and fold it."""
        clean = sanitize(text)
        lower, folded = fold_pair(clean.text)
        return cls(clean, lower, folded)

    def flag(
        self, kind: str, severity: Severity, message: str, start: int, end: int, *, message_fr: str | None = None
    ) -> Flag:
        """A flag whose offsets and evidence refer to the original text (`message` in English, `message_fr` French)."""
        o_start, o_end = self.clean.span_to_original(start, end)
        evidence = self.clean.original[o_start:o_end]
        return Flag(
            kind=kind,
            severity=severity,
            message=message,
            message_fr=message_fr,
            evidence=evidence,
            start=o_start,
            end=o_end,
        )


def drop_overlaps(spans: list[tuple[int, int, T]]) -> list[tuple[int, int, T]]:
    """Of each chain of overlapping spans keep the longest (ties: the earliest); linear after sorting."""
    kept: list[tuple[int, int, T]] = []
    best: tuple[int, int, T] | None = None
    chain_end = -1
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if best is not None and span[0] < chain_end:
            if span[1] - span[0] > best[1] - best[0]:
                best = span
            chain_end = max(chain_end, span[1])
            continue
        if best is not None:
            kept.append(best)
        best, chain_end = span, span[1]
    if best is not None:
        kept.append(best)
    return kept


__all__ = ["MAX_CHARS", "Sanitized", "TextView", "drop_overlaps", "sanitize"]
