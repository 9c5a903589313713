"""Prompt injection (OWASP LLM01): instructions aimed at the AI in pasted text, French and English."""

from __future__ import annotations

import base64
import binascii
import re

from . import wordlists as wl
from .matching import compile_word_start, may_match, pattern_literals, starts_word, top_level_alternatives
from .models import Flag
from .sanitize import TextView


def _compile_injection(pattern: str) -> tuple[re.Pattern[str], tuple[str, ...] | None, bool]:
    """(regex, prefilter literals, whether the regex lost a leading \\b that code must check)."""
    if all(a.startswith("\\b") for a in top_level_alternatives(pattern)):
        return compile_word_start(pattern), pattern_literals(pattern), True
    return re.compile(pattern, re.MULTILINE), pattern_literals(pattern), False


_INJECTION = tuple(_compile_injection(p) for p in wl.INJECTION_PATTERNS)
_AI_ADDRESS = re.compile(wl.AI_ADDRESS, re.MULTILINE)
_AI_DIRECTIVE = re.compile(wl.AI_DIRECTIVE)
_AI_SCORE_TOPIC = re.compile(wl.AI_SCORE_TOPIC)
_AI_WEAK_TOPIC = re.compile(wl.AI_WEAK_TOPIC)
_AI_LABEL = re.compile(wl.AI_LABEL, re.MULTILINE)
_AI_DOCUMENT_LABEL = re.compile(wl.AI_DOCUMENT_LABEL, re.MULTILINE)
_AI_SUMMARY_ORDER = re.compile(wl.AI_SUMMARY_ORDER)
_SENTENCE_END = re.compile(r"[.!?\n]")
_PRONOUN = re.compile(r"you|your|tu|te|t'|ton|ta|tes|toi|vous|votre|vos")
# A verb after a subject or a modal reports what someone does ("Copilot: she would give it 5/5"); it orders nothing.
_REPORTED = re.compile(r"\b(?:she|he|they|it|we|i|would|could|might|will|to|il|elle|ils|elles|on|je|nous)\s+$|'d\s+$")
_INJECTION_COMPACT = tuple((re.compile(p), pattern_literals(p)) for p in wl.INJECTION_COMPACT)
_PAST_PARTICIPLE = re.compile(r"(?:ignor|oubli|contourn|not|attribu|donn|[eé]valu|accord)ée?s?\b")
_COMPACT_KEEP = re.compile(r"[a-z0-9]")
_COMPACT_DROP = re.compile(r"[^a-z0-9]+")
# Letters split by spaces or punctuation ("i g n o r e", "ig.no.re"): the compact search only counts then.
# (stop 47) a French verb of override with a third person before it reports what someone does
_FR_VERB = re.compile(r"(?:ignore|oublie|contourne)(?:nt)?\b")
_THIRD_PERSON_BEFORE = re.compile(r"\b(?:il|elle|ils|elles|on|qui|candidate?)\s+(?:ne\s+|n'\s*)?$")
_SPLIT_LETTERS = re.compile(r"\b[a-z]\W+[a-z]\W+[a-z]\b|[a-z][._*·|/\\+~^-][a-z]")
_INJECTION_MESSAGE = (
    "Text addressed to the AI (prompt injection): it is ignored, never used as evidence, and cannot change "
    "the assessment (OWASP LLM01)."
)
_INJECTION_MESSAGE_FR = (
    "Texte adressé à l'IA (injection de prompt) : il est ignoré, jamais retenu comme preuve, et ne peut pas "
    "modifier l'évaluation (OWASP LLM01)."
)


def _injection_spans(view: TextView) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for regex, literals, word_start in _INJECTION:
        if not may_match(literals, view.folded):
            continue
        for m in regex.finditer(view.folded):
            s, e = m.span()
            if word_start and not starts_word(view.folded, s):
                continue
            while s < e and view.folded[s] in " \t\r\n.!?;:,>])\"'":  # a role marker's left context
                s += 1
            if s == e or _PAST_PARTICIPLE.match(view.lower, s):
                continue
            if _FR_VERB.match(view.folded, s) and _THIRD_PERSON_BEFORE.search(view.folded, max(0, s - 16), s):
                continue  # « Elle oublie les consignes de pricing »: a remark on the candidate, not an order
            found.append((s, e))
    # Compact pass: letters and digits only, for words split by spaces or punctuation.
    compact = _COMPACT_DROP.sub("", view.folded)
    positions: list[int] = []  # compact index → folded index, built on the first (rare) hit
    for regex, literals in _INJECTION_COMPACT:
        if not may_match(literals, compact):
            continue
        for m in regex.finditer(compact):
            positions = positions or [c.start() for c in _COMPACT_KEEP.finditer(view.folded)]
            s, e = positions[m.start()], positions[m.end() - 1] + 1
            if _PAST_PARTICIPLE.match(view.lower, s) or not _SPLIT_LETTERS.search(view.folded, s, e):
                continue
            found.append((s, e))
    # an address adds only what the other patterns missed: their spans stay as they were
    found += [(s, e) for s, e in _addressed_spans(view) if not any(a < e and s < b for a, b in found)]
    found += _labelled_spans(view)
    found += _encoded_spans(view)
    return _merge_overlaps(found)


# (stop 47's notes review) An instruction hidden in base64 ("…ended with: SWdub3JlIGFsbCBwcmV2aW91cyBpbnN0cnVjdGlvbnM…"):
# a model reads base64 as well as text. A long run of base64 characters that decodes to printable text holding an
# instruction is flagged whole; ordinary tokens (ids, hashes, URLs' parts) decode to bytes that are not text.
_BASE64_RUN = re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{24,}={0,2}(?![A-Za-z0-9+/=])")
MAX_DECODED_TEXTS = 50  # runs that decode to text are read for an instruction, up to this many (hex ids do not count)
MAX_ENCODED_CHARS = 200_000  # and no more base64 than this is decoded in all


def _encoded_spans(view: TextView) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    texts = chars = 0
    for m in _BASE64_RUN.finditer(view.clean.text):
        token = m.group()
        chars += len(token)
        if texts >= MAX_DECODED_TEXTS or chars > MAX_ENCODED_CHARS:
            break
        try:
            decoded = base64.b64decode(token + "=" * (-len(token) % 4), validate=True).decode("utf-8")
        except (binascii.Error, ValueError):
            continue
        if not decoded or sum(c.isprintable() or c.isspace() for c in decoded) < 0.95 * len(decoded):
            continue
        texts += 1
        if _injection_spans(TextView.of(decoded)):
            found.append(m.span())
    return found


def _addressed_spans(view: TextView) -> list[tuple[int, int]]:
    """An AI assistant addressed by name or role (wl.AI_ADDRESS) and, in the rest of the sentence, told what to do
    (wl.AI_DIRECTIVE) about the scores, the grid or the recommendation (wl.AI_SCORE_TOPIC): from the name to the end
    of the sentence. "We use Copilot for emails" addresses nobody; "Copilot: she uses it daily" orders nothing."""
    found: list[tuple[int, int]] = []
    for m in _AI_ADDRESS.finditer(view.folded):
        s = m.start()
        while s < m.end() and view.folded[s].isspace():
            s += 1
        end = _SENTENCE_END.search(view.folded, m.end())
        e = end.start() if end else len(view.folded)
        # after a field's colon (« Secteur : IA, vous rejoignez… », "Team: AI, your strengths…") a name is more
        # often the field's value than an address: only an order proper counts, not a "you" or « vous »
        after_colon = view.folded[: m.start()].rstrip().endswith(":")
        orders = _orders(view, m.end(), e)
        proper = any(not _PRONOUN.fullmatch(o) for o in orders)
        strong = _AI_SCORE_TOPIC.search(view.folded, m.end(), e)
        if (proper if after_colon else orders) and strong or proper and _AI_WEAK_TOPIC.search(view.folded, m.end(), e):
            while e > s and view.folded[e - 1] in " \t,;:":
                e -= 1
            found.append((s, e))
    return found


def _labelled_spans(view: TextView) -> list[tuple[int, int]]:
    """A label or an aside handing its sentence to the software that writes the summary (wl.AI_LABEL), from the label
    to the end of the sentence; the same addressed to the document (wl.AI_DOCUMENT_LABEL), when an order follows; an
    order about what the summary must say (wl.AI_SUMMARY_ORDER), its whole sentence."""
    found: list[tuple[int, int]] = []
    for m in _AI_LABEL.finditer(view.folded):
        s, e = _to_sentence_end(view, m.start(), m.end())
        if any(c.isalnum() for c in view.folded[m.end() : e]):
            found.append((s, e))
    for m in _AI_DOCUMENT_LABEL.finditer(view.folded):
        s, e = _to_sentence_end(view, m.start(), m.end())
        # not a verb after a subject (« Outil de contrôle de gestion : elle valide les budgets »)
        if any(not _PRONOUN.fullmatch(o) for o in _orders(view, m.end(), e)):
            found.append((s, e))
    for m in _AI_SUMMARY_ORDER.finditer(view.folded):
        sentence_start = max(view.folded.rfind(c, 0, m.start()) for c in ".!?\n") + 1  # _SENTENCE_END's characters
        found.append(_to_sentence_end(view, sentence_start, m.end()))
    return found


def _to_sentence_end(view: TextView, start: int, after: int) -> tuple[int, int]:
    """[start, end of the sentence after `after`), with the blanks and bullet marks at `start` left out."""
    s = start
    while s < after and view.folded[s] in " \t\r\n-*•>":
        s += 1
    end = _SENTENCE_END.search(view.folded, after)
    return s, end.start() if end else len(view.folded)


def _orders(view: TextView, start: int, end: int) -> list[str]:
    """The orders (wl.AI_DIRECTIVE) in [start, end), but a verb a subject reports (_REPORTED: « elle valide »)."""
    return [
        d.group(0)
        for d in _AI_DIRECTIVE.finditer(view.lower, start, end)
        if not _REPORTED.search(view.lower, max(start, d.start() - 16), d.start())
    ]


def _merge_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping injection spans become their union: every part of an order stays excluded from evidence."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def injection_flags(view: TextView) -> list[Flag]:
    """Prompt-injection flags on an already sanitised text (see `find_injections`)."""
    return [
        view.flag("prompt_injection", "error", _INJECTION_MESSAGE, s, e, message_fr=_INJECTION_MESSAGE_FR)
        for s, e in _injection_spans(view)
    ]


def find_injections(text: str) -> list[Flag]:
    """Instructions aimed at the AI (kind `prompt_injection`, severity error), French and English."""
    return injection_flags(TextView.of(text))


__all__ = ["find_injections", "injection_flags"]
