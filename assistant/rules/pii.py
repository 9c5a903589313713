"""Personal data (GDPR, CNIL recruitment guide): finders for e-mails, phones, NIR, IBAN and postal addresses,
and their redaction into placeholders before any remote LLM call."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import InputError
from .models import Flag
from .sanitize import TextView

_SEP = r"[ \u00a0\u202f.]"
_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b")
_PHONE_FR = re.compile(r"(?<![\w+])(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?[1-9]|\(?0[1-9]\)?)(?:[\s.\-]?\d{2}){4}(?![\d])")
_PHONE_INTL = re.compile(r"(?<![\w+])(?:\+|00)(?!33)[1-9]\d{0,2}(?:[\s.\-]?\(?\d{1,4}\)?){2,6}(?![\d])")
_NIR = re.compile(rf"(?<![\w])[1-478](?:{_SEP}?\d){{4}}{_SEP}?(?:\d{_SEP}?\d|2{_SEP}?[ABab])(?:{_SEP}?\d){{6}}{_SEP}?\d{_SEP}?\d(?![\w])")
_IBAN = re.compile(r"(?<![\w])[A-Za-z]{2}\d{2}(?:[ \u00a0]?[A-Za-z0-9]){11,30}(?![\w])")
_IBAN_LENGTHS = {
    "FR": 27, "MC": 27, "DE": 22, "GB": 22, "IE": 22, "ES": 24, "IT": 27, "BE": 16, "NL": 18, "CH": 21,
    "LU": 20, "PT": 25, "AT": 20, "PL": 28, "SE": 24, "DK": 18, "FI": 18, "NO": 15, "GR": 27,
}
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
# Words that end a street name ("12 rue de la Paix et ...").
_STREET_NAME_STOPS = frozenset(
    "et and mais but ou or avec with pour for qui who que depuis since il elle he she est is was a à en in on dans "
    "sur chez to at from où where puis then mobile tel tél email".split()
)
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
    # words[0] is the street type; the name begins after it
    seen_capital = False
    last_end = None
    for w in words[1:]:
        word = w.group()
        low = word.lower()
        if low in _STREET_NAME_STOPS:
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


def pii_flags(view: TextView) -> list[Flag]:
    """Personal-data flags on an already sanitised text (see `find_pii`)."""
    return [view.flag("pii", "warning", _pii_message(kind), s, e) for s, e, kind in _pii_spans(view)]


def find_pii(text: str) -> list[Flag]:
    """E-mail addresses, phone numbers, NIR, IBAN and postal addresses (kind `pii`, severity warning)."""
    return pii_flags(TextView.of(text))


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


__all__ = ["Redaction", "find_pii", "iban_is_valid", "nir_is_valid", "pii_flags", "redact"]
