"""Personal data (GDPR, CNIL recruitment guide): finders for e-mails, phones, NIR, IBAN and postal addresses,
and their redaction into placeholders before any remote LLM call.

Recall comes first: whatever is *shaped* like a NIR, an IBAN, a phone number or an e-mail is flagged and redacted,
whatever its checksum and its separators (space, hyphen, dot, none). A checksum only raises the confidence the
flag's message states ("key checked" vs "looks like"). The digit finders run on the folded text (same length as the
sanitised text: dashes, spaces, apostrophes and fullwidth forms already mapped to ASCII); the address finders run on
the sanitised text, whose capitals they need.

Also found: dates of birth (only after a birth label), profile URLs (LinkedIn, GitHub, ...), social handles and
messenger IDs, French RIB, Luhn-checked card numbers, spelled-out e-mails ("jean dot dupont at gmail dot com").
Generic URLs are kept: a company or product website names the employer, not the candidate.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import InputError
from .models import Flag
from .names import name_spans
from .sanitize import TextView

# A separator inside a number, in the folded text (every space is " ", every dash "-").
_SEP = r"[ \t.\-]"
# A value may follow its label with no space ("NIR264092B03311867", "tel0639981199").
_NIR_START = r"(?:(?<=nir)|(?<=secu)|(?<=insee)|(?<![\w+]))"
_NIR = re.compile(
    rf"{_NIR_START}[1-478](?:{_SEP}?\d){{4}}{_SEP}?(?:\d{_SEP}?\d|2{_SEP}?[ab])(?:{_SEP}?\d){{6}}"
    rf"(?:{_SEP}?\d{_SEP}?\d)?(?![\w])"  # the 2-digit key may be missing: 13 characters still identify a person
)
# An IBAN is read token by token: the country code and check digits, then groups of letters and digits.
_IBAN_START = re.compile(r"(?:(?<=iban)|(?<=rib)|(?<![\w]))[a-z]{2}\d{2}[a-z0-9]*(?![\w])")
# "FR 76 3000 ..." (a space after the country code): a registered country code only.
_IBAN_START_SPACED = re.compile(r"(?:(?<=iban)|(?<=rib)|(?<![\w]))([a-z]{2}) (\d{2})(?![\w])")
_IBAN_NEXT = re.compile(rf"{_SEP}([a-z0-9]+)(?![\w])")
_IBAN_MIN, _IBAN_MAX = 15, 34
# fmt: off
_IBAN_LENGTHS = {  # ISO 13616 registry (and the French overseas codes still written)
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27, "BR": 29,
    "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
    "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
    "HN": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
    "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29,
    "PT": 25, "QA": 29, "RO": 24, "RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
    "SO": 23, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
    "GF": 27, "GP": 27, "MQ": 27, "RE": 27, "PF": 27, "TF": 27, "YT": 27, "NC": 27, "PM": 27, "WF": 27, "BL": 27,
    "MF": 27,
}
# fmt: on
# E-mail: a local part of letters (accents included), digits and the RFC 5322 signs (apostrophe, hyphen, plus, ...),
# "@" or "[at]"/"(at)", then a domain. Possessive runs and a lookbehind on the whole local-part class keep it linear;
# the signs that cannot begin or end a local part are trimmed afterwards.
_LOCAL = r"\w.!#$%&'*+/=?^`{|}~\-"
_AT = r"(?:\s?@\s?|\s?[\[(]at[\])]\s?)"
_DOT = r"(?:\.|\s?[\[(]dot[\])]\s?)"
_EMAIL = re.compile(rf"(?<![{_LOCAL}])[{_LOCAL}]++{_AT}(?:[\w\-]++{_DOT})+[^\W\d_]{{2,24}}(?![\w\-])")
# Phones. International: +CC, 00CC or (+CC), an optional trunk "(0)", then digit groups (E.164: at most 15 digits).
# Possessive runs and bounded repeats: a hostile run of digits and spaces costs linear time.
_PHONE_INTL = re.compile(
    r"(?<![\w+])(?<!\d[.,/\-])(?:\(\s?(?:\+|00)\d{1,3}+\s?\)|(?:\+|00)\s?\d{1,3}+)"
    rf"(?:{_SEP}?\(0\))?{_SEP}?\(?\d++\)?(?:{_SEP}\(?\d++\)?){{0,15}}+(?![\d])"
)
# National, with a trunk 0 (France, UK, Germany, Belgium, Switzerland, ...): 9 to 12 digits, one kind of separator.
_PHONE_LABEL = r"(?:(?<=tel)|(?<=mob)|(?<=gsm)|(?<=fax)|(?<=phone)|(?<![\w+]))(?<!\d[.,/\-])"
_PHONE_NATIONAL = re.compile(
    rf"{_PHONE_LABEL}(?:0\d{{8,11}}+|(?:\(0\d{{1,4}}+\)\s?|0\d{{1,4}}+[ \t.\-/])\d{{2,8}}+(?:[ \t.\-/]\d{{2,8}}+){{0,4}}+)"
    r"(?![\d])"
)
# North American: (202) 555-0147, 202-555-0183, 1 202 555 0147.
_PHONE_NANP = re.compile(
    rf"{_PHONE_LABEL}(?:1[ .\-])?(?:\([2-9]\d\d\)\s?[2-9]\d\d[ .\-]|[2-9]\d\d([ .\-])[2-9]\d\d\1)\d{{4}}(?![\w])"
)
# People's names are found by names.py and redacted only when asked (redact(..., names=True): remote LLM calls).
# The finders below run on the folded text (lowercase, accents removed).
# Date of birth: only a date right after a birth label; a bare date (interview, availability) is no birth date.
_MONTHS = (
    r"(?:janv|janvier|fevr|fevrier|mars|avr|avril|mai|juin|juil|juillet|aout|sept|septembre|oct|octobre|nov|novembre|"
    r"dec|decembre|jan|january|feb|february|march|apr|april|may|june|july|aug|august|sep|september|october|november|"
    r"december)\.?"
)
_DOB = re.compile(
    r"(?<![\w])(?:nee?(?:\s+le)?|date\s+de\s+naissance|date\s+naiss\.?|ddn|dob|d\.o\.b\.?|born(?:\s+on)?|"
    r"birth\s*date|date\s+of\s+birth)\s{0,3}[:.\-]?\s{0,3}"
    rf"(\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}(?:er|st|nd|rd|th)?\s{_MONTHS}\s\d{{2,4}}"
    rf"|{_MONTHS}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}})(?![\w])"
)
# Profile URLs identify the person; a company or product website does not and is kept (no generic URL finder).
# A github.com/gitlab.com path is redacted whatever it names (an organisation page too): recall first.
_PROFILE_URL = re.compile(
    r"(?<![\w.\-/])(?:https?://)?(?:[a-z]{2,3}\.|www\.)?"
    r"(?:linkedin\.com/(?:in|pub)/|github\.com/|gitlab\.com/|twitter\.com/|x\.com/|instagram\.com/|facebook\.com/|"
    r"viadeo\.com/p/|malt\.fr/profile/|stackoverflow\.com/users/|medium\.com/@)[\w%\-.]++(?:/[\w%\-.]++)*+/?"
)
# (stop 53's outside probe of notes) A website the notes call the candidate's own: « site perso : www.julie-martin.fr »,
# "personal website: juliemartin.com", « son portfolio : … », "her blog https://…". Any URL right after such a label;
# a company's or a product's site is kept.
# « son site » is also a company's (« Acme et son site www.acme.fr »): French possessives only with a personal word
# (review of stop 54, which also found "site perso isabelle-martin.fr" cut after "is").
_PERSONAL_SITE = re.compile(
    r"(?<![\w])(?:site\s+(?:web\s+)?(?:perso|personnel)|(?:personal|own)\s+(?:web\s*site|site|page|blog|homepage)|"
    r"portfolio|blog\s+perso|(?:son|sa)\s+(?:blog|portfolio)|(?:son|sa)\s+site(?:\s+web)?(?=\s*(?::|est\b))|"
    r"(?:her|his)\s+(?:blog|site|web\s*site|portfolio))"
    r"\s*(?:[:=\-–,]\s*|(?:est|is|at|is\s+at|:)\s+)?"
    r"((?:https?://)?(?:www\.)?[a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9\-]{1,63}){0,3}\.[a-z]{2,12}(?:/[\w%\-.~/]*)?)"
    r"(?![\w@])"
)
# A social handle: "@" and a name, not inside an e-mail address (nothing word-like or "@" right before it).
_HANDLE = re.compile(r"(?<![\w.@+\-])@[a-z0-9_](?:[a-z0-9_.]{0,38}[a-z0-9_])?(?![\w@])")
_SOCIAL_CONTEXT = re.compile(
    r"(?<![\w])(?:twitter|x|insta|instagram|github|gitlab|tiktok|mastodon|bluesky|threads|telegram|handle|pseudo|"
    r"compte|account|profil|profile|linkedin|youtube|twitch|snapchat|reddit|discord|medium|dribbble|behance)(?![\w])"
)
_CHAT_MENTIONS = frozenset("here channel everyone all mention team".split())
_MESSENGER = re.compile(
    r"(?<![\w])(?:skype|telegram|discord|signal|wechat|teams)(?:\s?(?:id|pseudo|name))?\s{0,3}[:=]\s{0,3}"
    r"((?:live:)?[a-z0-9_][\w.\-]{0,60}[\w])"
)
# A French RIB: bank code (5), branch code (5), account number (11, letters allowed), key (2).
_RIB = re.compile(rf"(?<![\w])\d{{5}}{_SEP}?\d{{5}}{_SEP}?[a-z0-9]{{11}}{_SEP}?\d{{2}}(?![\w])")
# A payment card: 13 to 19 digits, in groups or joined, Luhn-checked (business figures rarely pass it and are never
# that long).
# (a card number never starts with 0: « 0033 6 39 98 77 01 » is a phone, whatever its checksum)
_CARD = re.compile(r"(?<![\w.,+])[1-9](?:[ \-]?\d){12,18}(?![\w])")
# Spelled-out e-mails ("jean dot dupont at gmail dot com", "jean.dupont(a)gmail.com", "jean . dupont @ gmail . com").
# A spaced dot needs a space on both sides: "exemple.fr. Next sentence" does not go on into the next word.
_OBF_DOT = r"(?:\.| \. |[ ]?[\[({<] ?(?:dot|point) ?[\])}>][ ]?| (?:dot|point) )"  # one space each side: the lookbehind below skips starts inside a chain
_OBF_AT = r"(?:[ ]?@[ ]?|[ ]?[\[({<] ?(?:at|a|arobase) ?[\])}>][ ]?|[ \t]+(?P<word>at)[ \t]+|[ \t]+arobase[ \t]+)"
_EMAIL_OBF = re.compile(
    rf"(?<![\w.\-\])}}>])(?<!dot )(?<!point )(?<! \. )(?<![\])}}>] )(?P<local>[\w\-+]++(?:{_OBF_DOT}[\w\-+]++)*+){_OBF_AT}"
    rf"(?P<domain>[\w\-]++(?:{_OBF_DOT}[\w\-]++)++)"
)
_OBF_LAST = re.compile(rf"{_OBF_DOT}([\w\-]+)$")
# Phones: a French number with mixed or doubled separators, split digits, a letter O for the trunk 0, or the trunk
# 0 left out of a mobile ("6 12 34 56 78").
_PHONE_FR_LOOSE = re.compile(
    r"(?:(?<=tel)|(?<=mob)|(?<=gsm)|(?<=fax)|(?<=phone)|(?<![\w+]))(?<!\d[.,/\-])"
    r"(?:[0o][1-9](?:[ \t.\-]{0,2}\d){8}|[67](?:[ .][0-9]{2}){4})(?![\w])"
)
_PARTICLES = r"(?:de\s+la|de\s+l'|d'|du|des|de|la|le|les|l'|aux?)"
_STREET_FR = (
    r"(?:rue|avenue|av\.|bd|boulevard|allée|allee|chemin|place|impasse|quai|route|cours|square|passage|voie|villa|"
    r"faubourg|fbg|chaussée|chaussee|rond-point|lieu-dit|résidence|residence|cité|cite|sentier|hameau|parvis|esplanade)"
)
_ADDRESS_FR = re.compile(
    rf"(?<![\w,.])\d{{1,4}}(?:\s?(?:bis|ter|[a-dA-D])\b)?,?\s+(?i:{_STREET_FR})\s+(?:(?i:{_PARTICLES})\s*)?"
    r"[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*){0,5}"
)
_POSTCODE_CITY = re.compile(
    r",?\s+\d{5}\s+[A-ZÀ-Ý][\w'’\-]*(?:[\s-][A-ZÀ-Ý][\w'’\-]*){0,3}(?:\s+(?:CEDEX|Cedex)(?:\s+\d{1,2})?)?"
)
_ADDRESS_EN = re.compile(
    r"(?<![\w,.])\d{1,5}[A-Za-z]?\s+(?:[A-Z][\w'’\-]*\s+){1,4}"
    r"(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Court|Ct\.?|Place|Pl\.?|Way|"
    r"Square|Sq\.?|Terrace|Close|Crescent|Gardens|Row|Mews|Grove)(?![\w])"
)
# Street types that also name business places ("40 Central Park accounts", "3 Canary Wharf deals"): an address only
# with a town and postcode after it or a word for a home before it.
_ADDRESS_EN_PLACE = re.compile(
    r"(?<![\w,.])\d{1,5}[A-Za-z]?\s+(?:[A-Z][\w'’\-]*\s+){1,4}"
    r"(?:Hill|Park|Walk|Rise|Green|Vale|Parade|Parkway|Pkwy\.?|Highway|Hwy\.?|Circle|Cir\.?|Trail|Wharf|Yard)(?![\w])"
)
_HOME_BEFORE = re.compile(
    r"(?i:\b(?:home|address|lives?|living|lived|resides?|moved|moving|house|flat|apartment|courier|post|ship|send|mail)\b"
    r"[^\n]{0,30})$"
)
# What follows a street in English: the town and a UK postcode ("27 Elm Grove, Reading RG1 5XX"), or a US state and
# ZIP code ("1600 Pine Park, Springfield, IL 62701"). A town alone is left out: it is no more than a place.
_TOWN_POSTCODE_EN = re.compile(
    r",?\s+(?:[A-Z][\w'’\-]*,?\s+){1,3}?(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]{2}\s+\d{5}(?:-\d{4})?)(?![\w])"
)
_NAME_PARTICLES = frozenset("de du des la le les l' d' aux au saint sainte st ste of the".split())
# Words that end a street name ("12 rue de la Paix et ...").
_STREET_NAME_STOPS = frozenset(
    "et and mais but ou or avec with pour for qui who que depuis since il elle he she est is was a à en in on dans "
    "sur chez to at from où where puis then mobile tel tél email".split()
)
# An address without a house number still needs a postcode and a city ("Lieu-dit Les Granges, 24200 Sarlat").
_ADDRESS_FR_NO_NUMBER = re.compile(
    rf"(?<![\w,.])(?i:{_STREET_FR})\s+(?:(?i:{_PARTICLES})\s*)?[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*){{0,5}}"
)
# A flat, building or staircase before the street ("Appt 12, 8 allée des Tilleuls").
_ADDRESS_UNIT = re.compile(
    r"(?<![\w])(?i:appt|apt|app|appartement|bât|bat|bâtiment|batiment|bloc|esc|escalier|étage|etage|porte|logement|boîte|boite)"
    r"\.?\s*(?:n°\s*)?[\w\-]{1,5},?\s+$"
)
_PII_LABELS = {
    "EMAIL": "E-mail address",
    "PHONE": "Phone number",
    "NIR": "French social security number (NIR, key checked)",
    "IBAN": "IBAN (checksum verified)",
    "ADDRESS": "Postal address",
    "DOB": "Date of birth",
    "PROFILE": "Online profile, social handle or messenger ID",
    "CARD": "Payment card number (Luhn checked)",
    "RIB": "French bank details (RIB)",
    "IDDOC": "Identity document number (passport, ID card, residence permit, driving licence)",
    "NAME": "A person's name",  # only ever redacted (redact(..., names=True)), never flagged: see names.py
}
_PII_LABELS_FR = {
    "EMAIL": "Adresse e-mail",
    "PHONE": "Numéro de téléphone",
    "NIR": "Numéro de sécurité sociale (NIR, clé vérifiée)",
    "IBAN": "IBAN (clé de contrôle vérifiée)",
    "ADDRESS": "Adresse postale",
    "DOB": "Date de naissance",
    "PROFILE": "Profil en ligne, pseudonyme ou identifiant de messagerie",
    "CARD": "Numéro de carte bancaire (clé de Luhn vérifiée)",
    "RIB": "Relevé d'identité bancaire (RIB)",
    "IDDOC": "Numéro de pièce d'identité (passeport, carte d'identité, titre de séjour, permis de conduire)",
    "NAME": "Nom d'une personne",
}
_PII_LABELS_UNVERIFIED_FR = {
    "NIR": "Ressemble à un numéro de sécurité sociale (forme d'un NIR ; clé absente ou fausse)",
    "IBAN": "Ressemble à un IBAN (forme d'un numéro de compte ; clé de contrôle ou longueur fausse)",
}
# Shapes whose checksum does not hold: redacted all the same (a typo does not make a number less personal).
_PII_LABELS_UNVERIFIED = {
    "NIR": "Looks like a French social security number (NIR shape; its key is missing or does not match)",
    "IBAN": "Looks like an IBAN (bank account number shape; its checksum or length does not match)",
}


def nir_is_valid(value: str) -> bool:
    """True when `value` (any separators) is a 15-character NIR whose key is 97 - (number mod 97)."""
    digits = re.sub(r"[\W_]", "", value).upper()
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
    """True when `value` (any separators) passes the ISO 13616 mod-97 check and the country's length."""
    iban = re.sub(r"[\W_]", "", value).upper()
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


@dataclass(frozen=True)
class _Span:
    """One finding in the sanitised text."""

    start: int
    end: int
    kind: str  # EMAIL, PHONE, NIR, IBAN or ADDRESS: the placeholder's name
    verified: bool = False  # the checksum holds (NIR, IBAN): only the message's confidence depends on it


def _iban_span(text: str, m: re.Match[str]) -> _Span | None:
    """The IBAN that starts at `m`: the longest run of groups whose checksum holds, else the groups its shape allows."""
    s, pos = m.start(), m.end()
    total = len(m.group().replace(" ", ""))
    expected = _IBAN_LENGTHS.get(m.group()[:2].upper())
    ends = [pos]
    lengths = [total]
    while total < (expected or _IBAN_MAX):
        n = _IBAN_NEXT.match(text, pos)
        if n is None:
            break
        group = n.group(1)
        # letters only: a bank code right after "GB82", never a word further on ("... 967 pour le")
        bank_code = len(ends) == 1 and total == 4 and len(group) == 4
        if total + len(group) > _IBAN_MAX or not (bank_code or any(c.isdigit() for c in group)):
            break
        total += len(group)
        pos = n.end()
        ends.append(pos)
        lengths.append(total)
        if expected is None and len(group) < 4:  # a short group ends a grouped IBAN of an unknown country
            break
    for e, length in zip(reversed(ends), reversed(lengths), strict=True):
        if length == (expected or length) and iban_is_valid(text[s:e]):
            return _Span(s, e, "IBAN", verified=True)
    return _Span(s, ends[-1], "IBAN") if total >= _IBAN_MIN else None


def _phone_ok(value: str, national: bool) -> bool:
    """Enough digits for a phone number, and (national numbers) one kind of separator, so that dates stay out."""
    digits = sum(c.isdigit() for c in value)
    if not national:
        return 8 <= digits <= 15
    seps = {c for c in value if not c.isdigit()} - {"(", ")", "/"}  # "(020) 7946 0958", "030/1234 5678"
    groups = len(re.findall(r"\d+", value))
    return len(seps) <= 1 and (10 <= digits <= 12 or (digits == 9 and groups >= 3))


def _intl_phone_end(text: str, m: re.Match[str]) -> int:
    """End of an international number: trailing groups dropped beyond E.164's 15 digits, and a lone trailing digit
    ("+33 6 39 98 12 34 2 fois par semaine") that no numbering plan writes."""
    end = m.end()
    while True:
        value = text[m.start() : end]
        cut = re.search(rf"{_SEP}\(?(\d+)\)?$", value)
        if cut is None:
            break
        digits = sum(c.isdigit() for c in value)
        if digits > 15 or (len(cut.group(1)) == 1 and digits - 1 >= 8):
            end = m.start() + cut.start()
        else:
            break
    return end


def _address_spans(text: str) -> list[_Span]:
    """French and English postal addresses, on the sanitised text (capitals matter)."""
    found: list[_Span] = []
    for regex, needs_postcode in ((_ADDRESS_FR, False), (_ADDRESS_FR_NO_NUMBER, True)):
        for m in regex.finditer(text):
            s = m.start()
            e = _trim_street_name(text, s + len(re.match(r"[^a-zA-Z]*", m.group()).group()), m.end())  # type: ignore[union-attr]
            post = _POSTCODE_CITY.match(text, e)
            if post:
                e = post.end()
            elif needs_postcode:
                continue
            while unit := _ADDRESS_UNIT.search(text, max(0, s - 40), s):
                s = unit.start()
            found.append(_Span(s, e, "ADDRESS"))
    for m in _ADDRESS_EN.finditer(text):
        tail = _TOWN_POSTCODE_EN.match(text, m.end())
        found.append(_Span(m.start(), tail.end() if tail else m.end(), "ADDRESS"))
    for m in _ADDRESS_EN_PLACE.finditer(text):
        tail = _TOWN_POSTCODE_EN.match(text, m.end())
        if tail or _HOME_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            found.append(_Span(m.start(), tail.end() if tail else m.end(), "ADDRESS"))
    return found


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


# (stop 53's outside probe) An identity document's number after its name: "Passport no. 18AB12345", « CNI n° 123456789012 »,
# « titre de séjour : 1234567890 »; the number holds a digit. And an e-mail at a webmail without its ending
# ("sophie.durand@protonmail", "j.doe@gmail"): only known providers, so "@Acme" (a handle) stays a handle.
_ID_DOC = re.compile(
    r"\b(?:passports?|passeports?|cni|carte\s+(?:nationale\s+)?d'identite|id\s+card|identity\s+card|national\s+id|"
    r"titre\s+de\s+sejour|residence\s+permit|permis\s+de\s+conduire|driving\s+licen[cs]e|driver'?s\s+license)"
    r"\s*+(?:(?:no\.?|n°|n\s?o\.?|nr\.?|number|numero|num\.?|#)\s*+)?(?:[:=]\s*+)?"
    r"((?=[a-z0-9]*\d)[a-z0-9]{6,14})\b"
)
_WEBMAIL_NO_TLD = re.compile(
    rf"(?<![{_LOCAL}])[{_LOCAL}]++@(?:gmail|googlemail|protonmail|proton|hotmail|outlook|yahoo|icloud|gmx|orange|free|"
    r"wanadoo|laposte|sfr|live|aol|msn)(?![\w.@-])"
)


def _more_spans(text: str, clean: str) -> list[_Span]:
    """Dates of birth, profiles and handles, RIB, payment cards, spelled-out e-mails, loosely written phones."""
    found: list[_Span] = []
    for m in _DOB.finditer(text):
        found.append(_Span(m.start(1), m.end(1), "DOB"))
    for m in _ID_DOC.finditer(text):
        found.append(_Span(m.start(1), m.end(1), "IDDOC"))
    for m in _WEBMAIL_NO_TLD.finditer(text):
        found.append(_Span(m.start(), m.end(), "EMAIL"))
    for m in _PROFILE_URL.finditer(text):
        found.append(_Span(m.start(), m.end(), "PROFILE"))
    for m in _PERSONAL_SITE.finditer(text):
        found.append(_Span(m.start(1), m.end(1), "PROFILE"))
    for m in _HANDLE.finditer(text):
        name = clean[m.start() + 1 : m.end()]
        # "@Bastien", "@nina", "@here": in chat threads a mention names a colleague or a tool, not the candidate.
        # A handle is redacted when shaped like a username (a digit, "_" or ".") or with a social-network word
        # on its line within 40 characters ("suivre @jbdurand sur X", "insta : @jb"); a bare "@nina" is kept.
        if name.lower() in _CHAT_MENTIONS:
            continue
        line_start = max(text.rfind("\n", max(0, m.start() - 40), m.start()) + 1, m.start() - 40, 0)
        line_end = text.find("\n", m.end(), m.end() + 40)
        line_end = line_end if line_end >= 0 else min(len(text), m.end() + 40)
        near = text[line_start : m.start()] + " " + text[m.end() : line_end]
        if not (re.search(r"[\d_.]", name) or _SOCIAL_CONTEXT.search(near)):
            continue
        found.append(_Span(m.start(), m.end(), "PROFILE"))
    for m in _MESSENGER.finditer(text):
        found.append(_Span(m.start(1), m.end(1), "PROFILE"))
    for m in _RIB.finditer(text):
        found.append(_Span(m.start(), m.end(), "RIB"))
    for m in _CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 13 <= len(digits) <= 19 and _luhn_ok(digits):
            found.append(_Span(m.start(), m.end(), "CARD", verified=True))
    for m in _EMAIL_OBF.finditer(text):
        last = _OBF_LAST.search(m.group("domain"))
        tld = last.group(1) if last else ""
        if not (2 <= len(tld) <= 24 and tld.isalpha()):
            continue
        local = m.group("local")
        # "meet at google dot com", "rendez-vous at home dot com": a bare "at" needs a local part shaped like an
        # address (a dot, a digit or "_"); "jean at gmail dot com" is therefore missed (precision over recall here).
        if m.group("word") and not re.search(r"[.\d_]|\s(?:dot|point)\s", local):
            continue
        found.append(_Span(m.start(), m.end(), "EMAIL"))
    for m in _PHONE_FR_LOOSE.finditer(text):
        # a loose number is written in groups of one or two digits; a group of three or more is a date or a time
        # (« 01.12.2026 14.05 », tests/hostile), which the strict finders judge
        if re.search(r"\d{3,}", m.group(0)):
            continue
        found.append(_Span(m.start(), m.end(), "PHONE"))
    return found


def _pii_spans(view: TextView) -> list[_Span]:
    """Every finding, overlapping ones merged (the union is hidden; the kind is the longest finding's)."""
    text = view.folded  # same length as view.clean.text
    found: list[_Span] = []
    for m in _NIR.finditer(text):
        found.append(_Span(m.start(), m.end(), "NIR", verified=nir_is_valid(m.group())))
    for m in _IBAN_START.finditer(text):
        span = _iban_span(text, m)
        if span is not None:
            found.append(span)
    for m in _IBAN_START_SPACED.finditer(text):
        if m.group(1).upper() in _IBAN_LENGTHS:
            span = _iban_span(text, m)
            if span is not None:
                found.append(span)
    found += _more_spans(text, view.clean.text)
    for m in _EMAIL.finditer(text):
        s, e = m.span()
        while s < e and not text[s].isalnum():  # a quote or a sign before the local part is not part of it
            s += 1
        found.append(_Span(s, e, "EMAIL"))
    for m in _PHONE_INTL.finditer(text):
        e = _intl_phone_end(text, m)
        if _phone_ok(text[m.start() : e], national=False):
            found.append(_Span(m.start(), e, "PHONE"))
    for regex in (_PHONE_NATIONAL, _PHONE_NANP):
        for m in regex.finditer(text):
            if regex is _PHONE_NANP or _phone_ok(m.group(), national=True):
                found.append(_Span(m.start(), m.end(), "PHONE"))
    found += _address_spans(view.clean.text)
    return _merge(found)


_PRIORITY = {
    "NIR": 0,
    "IBAN": 1,
    "RIB": 2,
    "CARD": 3,
    "EMAIL": 4,
    "PROFILE": 5,
    "PHONE": 6,
    "DOB": 7,
    "ADDRESS": 8,
    "IDDOC": 9,
    "NAME": 10,
}


def _merge(spans: list[_Span]) -> list[_Span]:
    """Overlapping findings become one: their union, named after the longest (ties: NIR, IBAN, e-mail, phone)."""
    merged: list[_Span] = []
    group: list[_Span] = []
    group_end = -1

    def close() -> None:
        if group:
            best = min(group, key=lambda sp: (-(sp.end - sp.start), _PRIORITY[sp.kind]))
            merged.append(_Span(group[0].start, group_end, best.kind, best.verified))

    for sp in sorted(spans, key=lambda sp: (sp.start, -sp.end)):
        if sp.end <= sp.start:
            continue
        if group and sp.start < group_end:
            group.append(sp)
            group_end = max(group_end, sp.end)
            continue
        close()
        group, group_end = [sp], sp.end
    close()
    return merged


def _pii_message(span: _Span) -> str:
    label = (
        _PII_LABELS[span.kind]
        if span.verified or span.kind not in _PII_LABELS_UNVERIFIED
        else _PII_LABELS_UNVERIFIED[span.kind]
    )
    return (
        f"{label}: personal data. It is replaced by a placeholder before any remote LLM call and "
        "should not be kept in the record (GDPR data minimisation; CNIL recruitment guide)."
    )


def _pii_message_fr(span: _Span) -> str:
    label = (
        _PII_LABELS_FR[span.kind]
        if span.verified or span.kind not in _PII_LABELS_UNVERIFIED_FR
        else _PII_LABELS_UNVERIFIED_FR[span.kind]
    )
    return (
        f"{label} : donnée personnelle. Elle est remplacée par un marqueur avant tout appel à un LLM distant et "
        "ne doit pas être conservée dans le dossier (RGPD, minimisation des données ; guide CNIL du recrutement)."
    )


def _pii_flag(view: TextView, span: _Span) -> Flag:
    return view.flag("pii", "warning", _pii_message(span), span.start, span.end, message_fr=_pii_message_fr(span))


def pii_flags(view: TextView) -> list[Flag]:
    """Personal-data flags on an already sanitised text (see `find_pii`)."""
    return [_pii_flag(view, sp) for sp in _pii_spans(view)]


def find_pii(text: str) -> list[Flag]:
    """E-mail addresses, phone numbers, NIR, IBAN and postal addresses (kind `pii`, severity warning)."""
    return pii_flags(TextView.of(text))


# --------------------------------------------------------------------------- redaction

PLACEHOLDER_KINDS = tuple(_PII_LABELS)
"""The kinds a placeholder names ("[EMAIL_1]", "[DOB_2]"), one per finder."""
_KINDS = "|".join(PLACEHOLDER_KINDS)
_PLACEHOLDER = re.compile(rf"\[({_KINDS})_(\d+)\]")
# What a model may make of a placeholder-like string the notes contain ("[email_1]", "[ EMAIL-01 ]", "［ＥＭＡＩＬ＿１］"):
# any bracket, any case, spaces, a hyphen or nothing for the underscore, leading zeros.
_PLACEHOLDER_LIKE = re.compile(rf"[\[(<{{‹«]\s*({_KINDS})\s*[_\-]?\s*0*(\d{{1,9}})\s*[\])>}}›»]", re.IGNORECASE)


def _reserved_placeholders(*texts: str) -> set[str]:
    """Placeholders the text already holds in any spelling a model could normalise: never given to a real value."""
    reserved: set[str] = set()
    for text in texts:
        folded = unicodedata.normalize("NFKC", text)
        reserved |= {f"[{m.group(1).upper()}_{int(m.group(2))}]" for m in _PLACEHOLDER_LIKE.finditer(folded)}
    return reserved


@dataclass(frozen=True)
class Redaction:
    """Text with personal data replaced by placeholders such as [EMAIL_1], and the way back."""

    text: str
    mapping: dict[str, str]  # placeholder → original value (first spelling seen)
    flags: list[Flag] = field(default_factory=list)  # offsets into the text that was redacted

    def restore(self, s: str) -> str:
        """Put the original values back in place of the placeholders (unknown placeholders stay), in one pass."""
        if not isinstance(s, str):
            raise InputError(f"restore() needs a string, not {type(s).__name__}.")
        return _PLACEHOLDER.sub(lambda m: self.mapping.get(m.group(0), m.group(0)), s)


def redact(text: str, *, names: bool = False, public: str = "", known_names: Iterable[str] = ()) -> Redaction:
    """Replace e-mails, phones, NIR, IBAN, addresses and the other findings with stable placeholders (same value →
    same one). With `names`, people's names too (`[NAME_1]`, see names.py): what a remote LLM receives is
    pseudonymised; the exports, which keep the name the interviewer wrote, do not ask for it. A name written whole
    in `public` (text sent beside it anyway, e.g. the guide's passages: its author, the authors it cites) is kept.
    `known_names`: names found in a larger text `text` was cut from, replaced wherever they occur here."""
    view = TextView.of(text)
    spans = _pii_spans(view)
    if names:
        clean = view.clean.text
        found = [
            _Span(s, e, "NAME")
            for s, e in name_spans(clean, known_names)
            if not (public and re.search(rf"(?<!\w){re.escape(clean[s:e])}(?!\w)", public))
        ]
        spans = _merge(spans + found)
    flags = [_pii_flag(view, sp) for sp in spans]
    original = view.clean.original
    # Never hand out a token the notes already contain, even spelt differently or with invisible characters inside:
    # restoring the model's echo of the user's own "[EMAIL_1]" must give back "[EMAIL_1]", not somebody's address.
    taken = _reserved_placeholders(original, view.clean.text)
    counters: dict[str, int] = {}
    by_key: dict[tuple[str, str], str] = {}
    mapping: dict[str, str] = {}
    parts: list[str] = []
    pos = 0
    for flag, sp in zip(flags, spans, strict=True):
        assert flag.start is not None and flag.end is not None
        value = original[flag.start : flag.end]
        # Exact value as the key, so that restore(redact(x).text) == x always holds.
        key = (sp.kind, value)
        placeholder = by_key.get(key)
        if placeholder is None:
            while True:
                counters[sp.kind] = counters.get(sp.kind, 0) + 1
                placeholder = f"[{sp.kind}_{counters[sp.kind]}]"
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
