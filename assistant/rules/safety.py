"""Safety checks shared by the job-ad linter and the interview notes: invisible characters, protected
criteria (Code du travail L1132-1), prompt injection, personal data (PII) and its redaction.

Pure Python and fast. Every finder sanitises its input first and reports offsets into the text it was
given, so a flag's `evidence == text[start:end]` always holds. Matching is accent-insensitive: the rules
run on a *folded* copy of the text that keeps one character per character (see `fold`).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, TypeVar

from . import wordlists as wl

try:  # the regex parser, for the prefilter below (public as sre_parse before Python 3.11)
    from re import _constants as _sc  # type: ignore[attr-defined]
    from re import _parser as _sp  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as _sc  # type: ignore[no-redef]
    import sre_parse as _sp  # type: ignore[no-redef]
from ..errors import InputError
from ..text import fold_pair
from .models import Flag

T = TypeVar("T")
MAX_CHARS = 1_000_000  # far above any notes or ad; a guard against hostile input, not a product limit

# --------------------------------------------------------------------------- sanitising

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

    def flag(self, kind: str, severity: str, message: str, start: int, end: int) -> Flag:
        """A flag whose offsets and evidence refer to the original text."""
        o_start, o_end = self.clean.span_to_original(start, end)
        return Flag(kind=kind, severity=severity, message=message, evidence=self.clean.original[o_start:o_end],
                    start=o_start, end=o_end)  # fmt: skip


def _drop_overlaps(spans: list[tuple[int, int, T]]) -> list[tuple[int, int, T]]:
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


# --------------------------------------------------------------------------- protected criteria

Context = Literal["notes", "ad"]
_WINDOW = 40


@dataclass(frozen=True)
class _CompiledTerm:
    regex: re.Pattern[str]
    not_before: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    need_before: re.Pattern[str] | None
    accents: bool
    literals: tuple[str, ...] | None


def _tail(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(rf"(?:{pattern})\s*$") if pattern else None


def _top_level_alternatives(pattern: str) -> list[str]:
    """Split a regex at its top-level `|` (outside groups and character classes)."""
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


# Prefilter: for each pattern, a set of literal strings one of which every match must contain. When none
# of them occurs in the text (a fast substring test), the pattern cannot match and is not run.


def _required(items: list) -> set[str] | None:
    """Literals one of which every match of the parsed sequence `items` contains (None: unknown)."""
    candidates: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is _sc.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append({run})
            run = ""
        if op is _sc.SUBPATTERN:
            sub = _required(list(av[-1]))
        elif op is _sc.BRANCH:
            alts = [_required(list(alt)) for alt in av[1]]
            sub = None if any(a is None for a in alts) else set().union(*alts)  # type: ignore[arg-type]
        elif op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT) and av[0] >= 1:
            sub = _required(list(av[2]))
        else:
            sub = None
        if sub:
            candidates.append(sub)
    if run:
        candidates.append({run})
    candidates = [c for c in candidates if c and min(map(len, c)) >= 2]
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _pattern_literals(pattern: str) -> tuple[str, ...] | None:
    """The prefilter literals of a pattern, or None when the pattern must always run."""
    try:
        found = _required(list(_sp.parse(pattern)))
    except Exception:  # an exotic construct: no prefilter
        return None
    return tuple(sorted(found)) if found else None


def _may_match(literals: tuple[str, ...] | None, text: str) -> bool:
    return literals is None or any(lit in text for lit in literals)


def _compile_word_start(pattern: str) -> re.Pattern[str]:
    """Compile a pattern whose alternatives all start with \\b, without that \\b.

    Python's `re` scans several times faster when a pattern starts with literals, so the left word
    boundary is checked in code instead (`_starts_word`).
    """
    alternatives = _top_level_alternatives(pattern)
    if not all(a.startswith("\\b") for a in alternatives):
        raise ValueError(f"every alternative must start with \\b: {pattern!r}")
    return re.compile("|".join(f"(?:{a[2:]})" for a in alternatives), re.MULTILINE)


def _starts_word(text: str, pos: int) -> bool:
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "_")


@lru_cache(maxsize=1)
def _compiled_criteria() -> tuple[tuple[wl.Criterion, tuple[_CompiledTerm, ...], re.Pattern[str] | None], ...]:
    out = []
    for crit in wl.CRITERIA:
        terms = tuple(
            _CompiledTerm(_compile_word_start(t.pattern), _tail(t.not_before), re.compile(t.not_after) if t.not_after else None,
                          _tail(t.need_before), t.accents, _pattern_literals(t.pattern))  # fmt: skip
            for t in crit.terms
        )
        out.append((crit, terms, re.compile(crit.ad_ok) if crit.ad_ok else None))
    return tuple(out)


_EQUAL_OPPORTUNITY = re.compile(wl.EQUAL_OPPORTUNITY)
_AD_EXCLUSION = re.compile(wl.AD_EXCLUSION)
_SENTENCE_END = re.compile(r"[.!?;\n]")


class _Sentences:
    """Sentence bounds of a text, and which sentences contain a given kind of statement (computed once)."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.ends = [m.start() for m in _SENTENCE_END.finditer(folded)]  # sorted positions of . ! ? ; newline
        self._hits: dict[str, set[int]] = {}

    def index(self, pos: int) -> int:
        """The number of the sentence holding `pos`."""
        return bisect.bisect_left(self.ends, pos)

    def containing(self, regex: re.Pattern[str]) -> set[int]:
        """Numbers of the sentences in which `regex` matches."""
        if regex.pattern not in self._hits:
            self._hits[regex.pattern] = {self.index(m.start()) for m in regex.finditer(self.folded)}
        return self._hits[regex.pattern]


def _criteria_spans(view: TextView, context: Context) -> list[tuple[int, int, wl.Criterion]]:
    spans: list[tuple[int, int, wl.Criterion]] = []
    sentences = _Sentences(view.folded) if context == "ad" else None
    for crit, terms, ad_ok in _compiled_criteria():
        found: list[tuple[int, int, object]] = []
        for term in terms:
            haystack = view.lower if term.accents else view.folded
            if not _may_match(term.literals, haystack):
                continue
            for m in term.regex.finditer(haystack):
                s, e = m.span()
                if s == e or not _starts_word(haystack, s):
                    continue
                before = view.folded[max(0, s - _WINDOW) : s]
                if term.not_before and term.not_before.search(before):
                    continue
                if term.need_before and not term.need_before.search(before):
                    continue
                if term.not_after and term.not_after.match(view.folded, e, e + _WINDOW):
                    continue
                if sentences is not None:
                    # an equal-opportunity statement, or a perk in a sentence that excludes nobody, makes the
                    # mention acceptable ("We offer maternity leave" but not "No pregnant women; maternity leave")
                    n = sentences.index(s)
                    if n in sentences.containing(_EQUAL_OPPORTUNITY):
                        continue
                    if ad_ok and n in sentences.containing(ad_ok) and n not in sentences.containing(_AD_EXCLUSION):
                        continue
                found.append((s, e, crit))
        spans.extend(_drop_overlaps(found))  # type: ignore[arg-type]
    # A span inside another criterion's span ("femme" in "sa femme") adds nothing: keep the outer one.
    out: list[tuple[int, int, wl.Criterion]] = []
    max_end = -1
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if span[1] > max_end:
            out.append(span)
            max_end = span[1]
    return out


def _criterion_message(crit: wl.Criterion, context: Context) -> str:
    if context == "notes":
        return (
            f"Protected criterion ({crit.label}) mentioned in the notes: it must not count in the assessment "
            "(Code du travail L1132-1; L1221-6: what is assessed needs a direct and necessary link with the job)."
        )
    return (
        f"Protected criterion ({crit.label}) in the ad: remove it (Code du travail L1132-1 and L5321-2{crit.law}; "
        "penalties under Code pénal 225-2)."
    )


def find_protected_criteria(text: str, *, context: Context) -> list[Flag]:
    """Mentions of protected criteria (kind `discrimination`, severity error), French and English.

    context="notes": every mention; context="ad": requirements and preferences, not equal-opportunity
    statements or perks (parental leave, health insurance).
    """
    if context not in ("notes", "ad"):
        raise InputError(f"Unknown context {context!r}: use 'notes' or 'ad'.")
    view = TextView.of(text)
    return _criteria_flags(view, context)


def _criteria_flags(view: TextView, context: Context) -> list[Flag]:
    return [
        view.flag("discrimination", "error", _criterion_message(crit, context), s, e)
        for s, e, crit in _criteria_spans(view, context)
    ]


# --------------------------------------------------------------------------- prompt injection

def _compile_injection(pattern: str) -> tuple[re.Pattern[str], tuple[str, ...] | None, bool]:
    """(regex, prefilter literals, whether the regex lost a leading \\b that code must check)."""
    if all(a.startswith("\\b") for a in _top_level_alternatives(pattern)):
        return _compile_word_start(pattern), _pattern_literals(pattern), True
    return re.compile(pattern, re.MULTILINE), _pattern_literals(pattern), False


_INJECTION = tuple(_compile_injection(p) for p in wl.INJECTION_PATTERNS)
_INJECTION_COMPACT = tuple((re.compile(p), _pattern_literals(p)) for p in wl.INJECTION_COMPACT)
_PAST_PARTICIPLE = re.compile(r"(?:ignor|oubli|contourn|not|attribu|donn|[eé]valu|accord)ée?s?\b")
_COMPACT_KEEP = re.compile(r"[a-z0-9]")
_COMPACT_DROP = re.compile(r"[^a-z0-9]+")
# Letters split by spaces or punctuation ("i g n o r e", "ig.no.re"): the compact search only counts then.
_SPLIT_LETTERS = re.compile(r"\b[a-z]\W+[a-z]\W+[a-z]\b|[a-z][._*·|/\\+~^-][a-z]")
_INJECTION_MESSAGE = (
    "Text addressed to the AI (prompt injection): it is ignored, never used as evidence, and cannot change "
    "the assessment (OWASP LLM01)."
)


def _injection_spans(view: TextView) -> list[tuple[int, int, object]]:
    found: list[tuple[int, int, object]] = []
    for regex, literals, word_start in _INJECTION:
        if not _may_match(literals, view.folded):
            continue
        for m in regex.finditer(view.folded):
            s, e = m.span()
            if word_start and not _starts_word(view.folded, s):
                continue
            while s < e and view.folded[s] in " \t\r\n.!?;:,>])\"'":  # a role marker's left context
                s += 1
            if s == e or _PAST_PARTICIPLE.match(view.lower, s):
                continue
            found.append((s, e, None))
    # Compact pass: letters and digits only, for words split by spaces or punctuation.
    compact = _COMPACT_DROP.sub("", view.folded)
    positions: list[int] = []  # compact index → folded index, built on the first (rare) hit
    for regex, literals in _INJECTION_COMPACT:
        if not _may_match(literals, compact):
            continue
        for m in regex.finditer(compact):
            positions = positions or [c.start() for c in _COMPACT_KEEP.finditer(view.folded)]
            s, e = positions[m.start()], positions[m.end() - 1] + 1
            if _PAST_PARTICIPLE.match(view.lower, s) or not _SPLIT_LETTERS.search(view.folded, s, e):
                continue
            found.append((s, e, None))
    return _merge_overlaps(found)


def _merge_overlaps(spans: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """Overlapping injection spans become their union: every part of an order stays excluded from evidence."""
    merged: list[tuple[int, int, object]] = []
    for s, e, tag in sorted(spans, key=lambda x: (x[0], x[1])):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e), merged[-1][2])
        else:
            merged.append((s, e, tag))
    return merged


def find_injections(text: str) -> list[Flag]:
    """Instructions aimed at the AI (kind `prompt_injection`, severity error), French and English."""
    view = TextView.of(text)
    return [view.flag("prompt_injection", "error", _INJECTION_MESSAGE, s, e) for s, e, _ in _injection_spans(view)]


# --------------------------------------------------------------------------- personal data

_SEP = r"[ \u00a0\u202f.]"
_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b")
_PHONE_FR = re.compile(r"(?<![\w+])(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?[1-9]|\(?0[1-9]\)?)(?:[\s.\-]?\d{2}){4}(?![\d])")
_PHONE_INTL = re.compile(r"(?<![\w+])(?:\+|00)(?!33)[1-9]\d{0,2}(?:[\s.\-]?\(?\d{1,4}\)?){2,6}(?![\d])")
_NIR = re.compile(rf"(?<![\w])[1-478](?:{_SEP}?\d){{4}}{_SEP}?(?:\d{_SEP}?\d|2{_SEP}?[ABab])(?:{_SEP}?\d){{6}}{_SEP}?\d{_SEP}?\d(?![\w])")
_IBAN = re.compile(r"(?<![\w])[A-Za-z]{2}\d{2}(?:[ \u00a0]?[A-Za-z0-9]){11,30}(?![\w])")
_IBAN_LENGTHS = {"FR": 27, "MC": 27, "DE": 22, "GB": 22, "IE": 22, "ES": 24, "IT": 27, "BE": 16, "NL": 18, "CH": 21,
                 "LU": 20, "PT": 25, "AT": 20, "PL": 28, "SE": 24, "DK": 18, "FI": 18, "NO": 15, "GR": 27}  # fmt: skip
_PARTICLES = r"(?:de\s+la|de\s+l'|d'|du|des|de|la|le|les|l'|aux?)"
_STREET_FR = (
    r"(?:rue|avenue|av\.|bd|boulevard|allée|allee|chemin|place|impasse|quai|route|cours|square|passage|voie|villa|"
    r"faubourg|fbg|chaussée|chaussee|rond-point|lieu-dit|résidence|residence|cité|cite|sentier|hameau|parvis|esplanade)"
)
_ADDRESS_FR = re.compile(
    rf"(?<![\w,.])\d{{1,4}}(?:\s?(?:bis|ter|[a-dA-D])\b)?,?\s+(?i:{_STREET_FR})\s+(?:(?i:{_PARTICLES})\s*)?"
    r"[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*){0,5}"
)
_POSTCODE_CITY = re.compile(r",?\s+\d{5}\s+[A-ZÀ-Ý][\w'’\-]*(?:[\s-][A-ZÀ-Ý][\w'’\-]*){0,3}(?:\s+(?:CEDEX|Cedex)(?:\s+\d{1,2})?)?")
_ADDRESS_EN = re.compile(
    r"(?<![\w,.])\d{1,5}[A-Za-z]?\s+(?:[A-Z][\w'’\-]*\s+){1,4}"
    r"(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Court|Ct\.?|Place|Pl\.?|Way|"
    r"Square|Sq\.?|Terrace|Close|Crescent|Gardens|Row|Mews)(?![\w])"
)
_NAME_PARTICLES = {"de", "du", "des", "la", "le", "les", "l'", "d'", "aux", "au", "saint", "sainte", "st", "ste", "of", "the"}
_PII_LABELS = {
    "EMAIL": "E-mail address",
    "PHONE": "Phone number",
    "NIR": "French social security number (NIR, key checked)",
    "IBAN": "IBAN (checksum verified)",
    "ADDRESS": "Postal address",
}


def nir_is_valid(value: str) -> bool:
    """True when `value` (spaces allowed) is a 15-character NIR whose key is 97 - (number mod 97)."""
    digits = re.sub(r"[\s.]", "", value).upper()
    if len(digits) != 15 or digits[0] not in "123478":
        return False
    dept = digits[5:7]
    body = digits[:5] + {"2A": "19", "2B": "18"}.get(dept, dept) + digits[7:13]
    if not (body + digits[13:]).isdigit():
        return False
    month = int(digits[3:5])
    if not (1 <= month <= 12 or 20 <= month <= 42 or 50 <= month <= 99):
        return False
    return 97 - int(body) % 97 == int(digits[13:])


def iban_is_valid(value: str) -> bool:
    """True when `value` (spaces allowed) passes the ISO 13616 mod-97 check and the country's length."""
    iban = re.sub(r"\s", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    if _IBAN_LENGTHS.get(iban[:2], len(iban)) != len(iban):
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def _trim_street_name(text: str, start: int, end: int) -> int:
    """End of the street name: stop at a linking word, or at a lowercase word after a capitalised one."""
    words = list(re.finditer(r"[^\W\d_][\w'’\-]*", text[start:end]))
    stop = {"et", "and", "mais", "but", "ou", "or", "avec", "with", "pour", "for", "qui", "who", "que", "depuis",
            "since", "il", "elle", "he", "she", "est", "is", "was", "a", "à", "en", "in", "on", "dans", "sur",
            "chez", "to", "at", "from", "où", "where", "puis", "then", "mobile", "tel", "tél", "email"}  # fmt: skip
    # words[0] is the street type; the name begins after it
    seen_capital = False
    last_end = None
    for w in words[1:]:
        word = w.group()
        low = word.lower()
        if low in stop:
            break
        if low in _NAME_PARTICLES:
            continue
        if seen_capital and word[0].islower():
            break
        seen_capital = seen_capital or word[0].isupper()
        last_end = start + w.end()
    return last_end if last_end is not None else end


def _pii_spans(view: TextView) -> list[tuple[int, int, str]]:
    text = view.clean.text
    found: list[tuple[int, int, str]] = []
    taken = bytearray(len(text) + 1)  # characters already inside a finding

    def free(s: int, e: int) -> bool:
        return not any(taken[s:e])

    def add(s: int, e: int, kind: str) -> None:
        found.append((s, e, kind))
        taken[s:e] = b"\x01" * (e - s)

    for m in _NIR.finditer(text):
        if nir_is_valid(m.group()):
            add(m.start(), m.end(), "NIR")
    for m in _IBAN.finditer(text):
        s, e = m.span()
        # the pattern may swallow a following word: shrink from the right until the checksum holds
        while e - s >= 15:
            if iban_is_valid(text[s:e]):
                if free(s, e):
                    add(s, e, "IBAN")
                break
            e -= 1
            while e > s and text[e - 1] in " \u00a0":
                e -= 1
    for m in _EMAIL.finditer(text):
        if free(*m.span()):
            add(m.start(), m.end(), "EMAIL")
    for regex in (_PHONE_FR, _PHONE_INTL):
        for m in regex.finditer(text):
            digits = re.sub(r"\D", "", m.group())
            if 9 <= len(digits) <= 15 and free(*m.span()):
                add(m.start(), m.end(), "PHONE")
    for m in _ADDRESS_FR.finditer(text):
        s = m.start()
        e = _trim_street_name(text, s + len(re.match(r"[^a-zA-Z]*", m.group()).group()), m.end())  # type: ignore[union-attr]
        post = _POSTCODE_CITY.match(text, e)
        if post:
            e = post.end()
        if free(s, e):
            add(s, e, "ADDRESS")
    for m in _ADDRESS_EN.finditer(text):
        if free(*m.span()):
            add(m.start(), m.end(), "ADDRESS")
    return sorted(found)


def _pii_message(kind: str) -> str:
    return (
        f"{_PII_LABELS[kind]}: personal data. It is replaced by a placeholder before any remote LLM call and "
        "should not be kept in the record (GDPR data minimisation; CNIL recruitment guide)."
    )


def find_pii(text: str) -> list[Flag]:
    """E-mail addresses, phone numbers, NIR, IBAN and postal addresses (kind `pii`, severity warning)."""
    view = TextView.of(text)
    return _pii_flags(view)


def _pii_flags(view: TextView) -> list[Flag]:
    return [view.flag("pii", "warning", _pii_message(kind), s, e) for s, e, kind in _pii_spans(view)]


# --------------------------------------------------------------------------- redaction

_PLACEHOLDER = re.compile(r"\[(EMAIL|PHONE|NIR|IBAN|ADDRESS)_(\d+)\]")


@dataclass(frozen=True)
class Redaction:
    """Text with personal data replaced by placeholders such as [EMAIL_1], and the way back."""

    text: str
    mapping: dict[str, str]  # placeholder → original value (first spelling seen)
    flags: list[Flag] = field(default_factory=list)  # offsets into the text that was redacted

    def restore(self, s: str) -> str:
        """Put the original values back in place of the placeholders (unknown placeholders stay)."""
        if not isinstance(s, str):
            raise InputError(f"restore() needs a string, not {type(s).__name__}.")
        return _PLACEHOLDER.sub(lambda m: self.mapping.get(m.group(0), m.group(0)), s)


def redact(text: str) -> Redaction:
    """Replace e-mails, phones, NIR, IBAN and addresses with stable placeholders (same value → same one)."""
    view = TextView.of(text)
    spans = _pii_spans(view)
    flags = [view.flag("pii", "warning", _pii_message(kind), s, e) for s, e, kind in spans]
    original = view.clean.original
    taken = {m.group(0) for m in _PLACEHOLDER.finditer(original)}  # never reuse a token already in the text
    counters: dict[str, int] = {}
    by_key: dict[tuple[str, str], str] = {}
    mapping: dict[str, str] = {}
    parts: list[str] = []
    pos = 0
    for flag, (_, _, kind) in zip(flags, spans):
        assert flag.start is not None and flag.end is not None
        value = original[flag.start : flag.end]
        # Exact value as the key, so that restore(redact(x).text) == x always holds.
        key = (kind, value)
        placeholder = by_key.get(key)
        if placeholder is None:
            while True:
                counters[kind] = counters.get(kind, 0) + 1
                placeholder = f"[{kind}_{counters[kind]}]"
                if placeholder not in taken:
                    break
            by_key[key] = placeholder
            mapping[placeholder] = value
        parts.append(original[pos : flag.start])
        parts.append(placeholder)
        pos = flag.end
    parts.append(original[pos:])
    return Redaction("".join(parts), mapping, flags)


# --------------------------------------------------------------------------- notes


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
    """Sanitise notes and run the three finders; every offset refers to the ORIGINAL text."""
    view = TextView.of(text)
    flags = _criteria_flags(view, "notes")
    flags += [view.flag("prompt_injection", "error", _INJECTION_MESSAGE, s, e) for s, e, _ in _injection_spans(view)]
    flags += _pii_flags(view)
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
