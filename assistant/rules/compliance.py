"""The job-ad linter: French and EU rules for a job ad in Markdown, in French or English.

Stable flag kinds: discrimination, gendered_wording, title, salary, language, date. Each flag quotes the
offending text with its offsets in the ad as given; a flag about something missing (no salary, no date)
has no span. Sources are in ../shared/standards.md and in each message.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from ..errors import InputError
from ..text import Language, detect_language
from . import wordlists as wl
from .models import Flag
from .safety import TextView, _drop_overlaps, find_protected_criteria

if TYPE_CHECKING:
    from ..guide.framework import Framework

MAX_AD_CHARS = 200_000
MAX_TITLE_CHARS = 200  # a first line longer than this is a paragraph, not a title: only its start is checked
Lang = Language
_WORD = re.compile(r"[a-z]+")

# --------------------------------------------------------------------------- salary


class SalaryRange(BaseModel):
    """Pay found in an ad. min/max are None when the ad gives no figure (then `vague` may say why).

    Assumptions: with no period stated, an amount of 12,000 or more is annual, less is monthly; annual
    figures are compared with the guide's monthly grid after dividing by 12 (12 monthly payments, so a
    13th month makes the ad look slightly richer than it is); net figures are not compared.
    """

    min: float | None = None
    max: float | None = None
    period: Literal["month", "year"] | None = None
    period_assumed: bool = Field(False, description="True when the period was inferred from the amount.")
    currency: str = "EUR"
    gross: bool | None = Field(None, description="True: brut/gross; False: net; None: not said.")
    vague: str | None = Field(None, description="A vague wording such as 'selon profil', 'DOE', 'competitive'.")
    evidence: str | None = None
    start: int | None = None
    end: int | None = None

    def monthly(self) -> tuple[float | None, float | None]:
        """(min, max) per month, dividing annual figures by 12 (assumes 12 monthly payments)."""
        factor = 12 if self.period == "year" else 1
        return (None if self.min is None else self.min / factor, None if self.max is None else self.max / factor)


_VAGUE = re.compile(
    r"\bselon\s+(?:profil|experience|exp\b|diplome|competences|niveau|le\s+profil|votre\s+profil)|"
    r"\b(?:salaire|remuneration|package)\s+(?:attractif|attractive|motivante?|interessante?|competitif|competitive|a\s+negocier|a\s+definir)|"
    r"\ba\s+negocier\b|\bnegociable\b|\bdoe\b|\bdepending\s+on\s+(?:experience|profile)|\bcommensurate\s+with\s+experience|"
    r"\bcompetitive\s+(?:salary|pay|package|compensation|remuneration|base)|\battractive\s+(?:salary|pay|package|compensation|remuneration)|"
    r"\bsalary\s+(?:negotiable|to\s+be\s+discussed)|\bto\s+be\s+discussed\b"
)
_NUM = r"\d{1,3}(?:[ .,']\d{3})+(?:,\d{1,2})?|\d+(?:[.,]\d+)?"
_AMOUNT = re.compile(
    rf"(?<![\w.,])(?P<pre>(?:€|\$|£|eur|usd|gbp)\s?)?(?P<num>{_NUM})\s?"
    r"(?P<k>k(?:€|eur)?|m€|m\b|md|millions?|milliards?|billions?)?(?![a-z])\s?(?P<post>€|euros?\b|eur\b|\$|£|usd\b|gbp\b)?"
)
_RANGE_LINK = re.compile(r"\s*(?:-|a|to|et|and|/)\s*$")
_SALARY_WORDS = re.compile(
    r"salaire|remuneration|salary|pay\b|compensation|package|fixe|brut|gross|annuel|mensuel|per\s+(?:year|month|annum)|"
    r"par\s+(?:an|mois)|/\s?(?:an|mois|year|month|yr)\b|k€|base|ote\b|fourchette|range"
)
_MONTH = re.compile(r"mensuel\w*|par\s+mois|/\s?mois|per\s+month|a\s+month|monthly|/\s?month|/\s?mo\b|\bx\s?1[23]\b")
_YEAR = re.compile(r"annuel\w*|par\s+an\b|/\s?an\b|per\s+(?:year|annum)|a\s+year|\bp\.?a\.?\b|yearly|annual\w*|/\s?(?:year|yr)\b|\bk€|\bkeur")
_GROSS = re.compile(r"\bbrut\w*|\bgross\b|before\s+tax")
_NET = re.compile(r"\bnet\b|after\s+tax")
_TRAILING = re.compile(
    r"(?:\s*(?:brut\w*|nets?|gross|mensuel\w*|annuel\w*|par\s+(?:mois|an)|/\s?(?:mois|an|year|month|yr)|per\s+(?:year|month|annum)|"
    r"a\s+(?:year|month)|fixe|annual|monthly|yearly|base)\b[\s,]*)+"
)


def _number(num: str, k: str | None) -> float:
    if k:  # "3,5 k€", "45.5k": a decimal separator
        return float(num.replace(" ", "").replace("'", "").replace(",", ".")) * 1000
    if re.fullmatch(r"\d{1,3}(?:[ .,']\d{3})+(?:,\d{1,2})?", num):
        whole, _, cents = num.rpartition(",") if re.search(r",\d{1,2}$", num) else (num, "", "")
        return float(re.sub(r"[ .,']", "", whole) + ("." + cents if cents else ""))
    return float(num.replace(",", "."))


def _currency(*marks: str | None) -> str | None:
    for mark in marks:
        if mark:
            mark = mark.strip()
            if mark in ("€", "eur", "euro", "euros", "k€", "keur", "m€"):
                return "EUR"
            if mark in ("$", "usd"):
                return "USD"
            if mark in ("£", "gbp"):
                return "GBP"
    return None


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, (len(text) if right < 0 else right)


def _salary_in(view: TextView) -> SalaryRange | None:
    folded = view.folded
    tokens = []
    for m in _AMOUNT.finditer(folded):
        k = (m.group("k") or "").strip()
        if k and k not in ("k", "k€", "keur"):
            continue  # millions: revenue or funding, not pay
        currency = _currency(m.group("pre"), m.group("post"), k if k != "k" else None)
        tokens.append((m, _number(m.group("num"), k or None), currency, bool(k)))
    candidates = []
    i = 0
    while i < len(tokens):
        m1, v1, c1, k1 = tokens[i]
        if i + 1 < len(tokens):
            m2, v2, c2, k2 = tokens[i + 1]
            if _RANGE_LINK.match(folded[m1.end() : m2.start()]) and m2.start() - m1.end() <= 5 and (c1 or c2 or k2):
                if k2 and not k1 and v1 < 1000:
                    v1 *= 1000  # "40-45k", "entre 40 et 45 k€"
                candidates.append((m1.start(), m2.end(), v1, v2, c1 or c2 or "EUR", k1 or k2))
                i += 2
                continue
        if c1 or k1:
            candidates.append((m1.start(), m1.end(), v1, v1, c1 or "EUR", k1))
        i += 1
    best = None
    for s, e, lo, hi, currency, k in candidates:
        left, right = _line_bounds(folded, s, e)
        line = folded[left:right]
        if hi < 100 and not k:
            continue  # "15 %", a bonus in euros per day... not a salary figure
        score = 3 * bool(_SALARY_WORDS.search(line)) + (lo != hi)
        if best is None or score > best[0]:
            best = (score, s, e, lo, hi, currency, k, left, right)
    if best is None:
        return None
    _, s, e, lo, hi, currency, k, left, right = best
    before, after = folded[max(left, s - 40) : s], folded[e : min(right, e + 60)]
    single_min = re.search(r"(?:a\s+partir\s+de|from|des|minimum|min\.?|starting\s+at)\s*$", before)
    single_max = re.search(r"(?:jusqu'a|up\s+to|maximum|max\.?)\s*$", before)
    period: Literal["month", "year"] | None = None
    for window in (after, before):
        month, year = _MONTH.search(window), _YEAR.search(window)
        if month or year:
            period = "month" if month and (not year or month.start() < year.start()) else "year"
            break
    assumed = period is None
    if period is None:
        period = "year" if hi >= 12_000 else "month"  # no monthly salary reaches 12,000 €; few yearly ones are below
    gross = True if _GROSS.search(before + after) else False if _NET.search(before + after) else None
    trailing = _TRAILING.match(folded, e, right)
    end = trailing.end() if trailing else e
    while end > e and folded[end - 1] in " ,":
        end -= 1
    o_start, o_end = view.clean.span_to_original(s, end)
    mn, mx = (lo, None) if (lo == hi and single_min) else (None, hi) if (lo == hi and single_max) else (lo, hi)
    return SalaryRange(min=mn, max=mx, period=period, period_assumed=assumed, currency=currency, gross=gross,
                       evidence=view.clean.original[o_start:o_end], start=o_start, end=o_end)  # fmt: skip


def _vague_in(view: TextView) -> tuple[str, int, int] | None:
    m = _VAGUE.search(view.folded)
    if not m:
        return None
    s, e = view.clean.span_to_original(*m.span())
    return view.clean.original[s:e], s, e


def parse_salary(text: str) -> SalaryRange | None:
    """The pay stated in `text`, or a SalaryRange with min=max=None and `vague` set ('selon profil',
    'DOE', 'competitive salary'), or None when the text says nothing about pay."""
    if not isinstance(text, str):
        raise InputError(f"parse_salary() needs a string, not {type(text).__name__}.")
    view = TextView.of(text)
    found = _salary_in(view)
    vague = _vague_in(view)
    if found is not None:
        if vague:
            found.vague = vague[0]
        return found
    if vague:
        return SalaryRange(vague=vague[0], evidence=vague[0], start=vague[1], end=vague[2])
    return None


# --------------------------------------------------------------------------- gendered wording

_INCLUSIVE_END = re.compile(r"(?:[·.•\-/(]\s?(?:e|ne|fe|euse|rice|trice|ere|ice|le|sse|te)\)?(?:s)?)(?![a-z])")
_INCLUSIVE_DET = re.compile(r"(?:un|le|l')\s*[·.•(/]\s*(?:e|la|une)\)?|la\s*/\s*le|le\s*/\s*la|une?\s+ou\s+une?")
_DET = r"(?:un|une|le|la|l'|du|notre|votre|ce|cette|futur|future|nouveau|nouvelle)"
_PRONOUN_FR = re.compile(
    r"\b(?:il|elle)\s+(?:sera|devra|aura|pourra|disposera|saura|doit|devrait|possede|maitrise|travaillera|rejoindra|gerera|"
    r"accompagnera|interviendra|assurera|managera|prendra|veillera|participera|reportera|rapportera|beneficiera|evoluera|"
    r"est\s+(?:rattachee?|chargee?|responsable|capable|autonome|amenee?|en\s+charge))\b"
)
_IMPERSONAL_AFTER = re.compile(
    r"\s+(?:possible|necessaire|demande|question|utile|important|preferable|souhaitable|bon|appreciable|apprecie|"
    r"indispensable|essentiel|judicieux|envisage|propose|difficile|facile|temps|y\s+avoir)\b"
)
_PAIR_BEFORE = re.compile(r"(?:\b(?:il|elle|he|she|him|his|her|hers|s)\s*(?:/|\bou\b|\bor\b|\(|·)\s*|\(s\)\s*)$")
_PRONOUN_EN = re.compile(r"\b(?:he|she)\s+(?:will|should|must|shall|would|can|could|is|has|needs|may|might)\b|\b(?:he|she)'(?:ll|s|d)\b")
_POSSESSIVE_EN = re.compile(r"\b(?:his|him|himself)\b")
_PAIR_AFTER_EN = re.compile(r"\s*(?:/|\bor\b)\s*(?:her|hers|herself|she|they|their)\b")
_MARKER = re.compile(
    r"(?<![a-z])\(?\s*(?:[fhmw]\s*/\s*[fhmw](?:\s*/\s*[xdn])?|f\s*-\s*h|h\s*-\s*f)\s*\)?(?![a-z])|\((?:all\s+genders|tous\s+genres|e/f)\)"
)
_GENDERED_MESSAGE_FR = (
    "Gendered wording: write the epicene or doubled form (« chargé·e », « un·e », « commercial ou commerciale »); "
    "« H/F » does not make a gendered form lawful (Code du travail L1142-1, L5321-2; Pôle emploi guide, 2010)."
)
_GENDERED_MESSAGE_EN = (
    "Gendered wording: use a neutral form (they, salesperson, 'he or she'); EU Directive 2023/970 art. 5 "
    "asks for gender-neutral ads, and French law applies to ads for jobs in France (L1142-1)."
)


def _fold_word(word: str) -> str:
    return TextView.of(word).folded


_ACCENTED = {_fold_word(f): f for pair in wl.FR_GENDERED_NOUNS for f in pair}  # folded form → written form
_NOUNS = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(_ACCENTED, key=len, reverse=True)) + r")\b")
_COUNTERPART = {_fold_word(m): _fold_word(f) for m, f in wl.FR_GENDERED_NOUNS}
_COUNTERPART |= {f: m for m, f in _COUNTERPART.items()}


def _noun_is_balanced(folded: str, s: int, e: int) -> bool:
    """True when the noun at [s, e) has an inclusive ending or its counterpart right next to it."""
    noun = folded[s:e]
    if _INCLUSIVE_END.match(folded, e):
        return True
    other = re.escape(_COUNTERPART[noun])
    after = folded[e : e + 40]
    before = folded[max(0, s - 40) : s]
    return bool(
        re.match(rf"\s*(?:/|\bou\b|\bet\b|\bor\b|\()\s*(?:(?:une?|la|le|l')\s*)?{other}\b", after)
        or re.search(rf"\b{other}\s*(?:/|\bou\b|\bet\b)\s*(?:(?:une?|la|le|l')\s*)?$", before)
    )


# « rattaché·e à la directrice commerciale », « un entretien avec le directeur »: the noun names someone
# already in post, not the person sought, so it is only worth a note.
_ROLE_HOLDER_BEFORE = re.compile(
    r"(?:\b(?:a|avec|aupres\s+de|par|envers|sous\s+la\s+(?:responsabilite|direction|supervision)\s+de|"
    r"sous\s+l'autorite\s+de|rattachee?\S*\s+a|reporte\w*\s+a|reporting\s+to|report\s+to)\s+)$"
)
_ROLE_HOLDER_MESSAGE = (
    "Gendered noun naming a person already in post (« à la directrice »): fine if it describes that person; "
    "if it describes the job advertised, use the epicene or doubled form (Code du travail L1142-1)."
)
_DEFINITE = re.compile(r"(?:la|le|l'|notre)\b")
# « un homme ou une femme de terrain »: the doubled form the standards recommend.
_DOUBLED_PHRASE_BEFORE = re.compile(r"\b(?:hommes?|femmes?)\s+(?:ou|et)\s+(?:une?\s+|des\s+|la\s+|le\s+)?$")


def _names_role_holder(folded: str, s: int) -> bool:
    """True when a definite determiner at `s` follows a preposition pointing to someone already in post.

    « à un commercial » (indefinite) still describes the person sought: it stays a warning.
    """
    return bool(_DEFINITE.match(folded, s) and _ROLE_HOLDER_BEFORE.search(folded, max(0, s - 50), s))


def _nouns_in(view: TextView, start: int, end: int, need_det: bool) -> list[tuple[int, int]]:
    """Gendered French job nouns in folded[start:end] (after a determiner when `need_det`)."""
    folded = view.folded
    out = []
    for m in _NOUNS.finditer(folded, start, end):
        s, e = m.span()
        if view.lower[s:e] != _ACCENTED[m.group()] or _noun_is_balanced(folded, s, e):
            continue
        if need_det:
            det = re.search(rf"(?:{_INCLUSIVE_DET.pattern})\s*$|\b{_DET}(?:\s+(?:futur|future|nouveau|nouvelle))?\s*$",
                            folded[max(0, s - 20) : s])  # fmt: skip
            if not det or _INCLUSIVE_DET.search(det.group()):
                continue
            s = max(0, s - 20) + det.start()
        out.append((s, e))
    return out


def find_gendered_wording(text: str, language: str | None = None) -> list[Flag]:
    """Gendered forms (warning) and masculine-coded words (info) in an ad, French or English."""
    if not isinstance(text, str):
        raise InputError(f"find_gendered_wording() needs a string, not {type(text).__name__}.")
    lang = _lang(language) if language else detect_language(text)
    view = TextView.of(text)
    return _gendered_flags(view, lang)


def _gendered_flags(view: TextView, lang: Lang) -> list[Flag]:
    folded = view.folded
    spans: list[tuple[int, int, str, str]] = []  # start, end, severity, message
    for pattern in wl.FR_GENDERED_PHRASES:
        for m in re.finditer(pattern, folded):
            if _DOUBLED_PHRASE_BEFORE.search(folded, max(0, m.start() - 20), m.start()):
                continue  # « un homme ou une femme de terrain »
            spans.append((m.start(), m.end(), "warning", _GENDERED_MESSAGE_FR))
    for s, e in _nouns_in(view, 0, len(folded), need_det=True):
        if _names_role_holder(folded, s):
            spans.append((s, e, "info", _ROLE_HOLDER_MESSAGE))
        else:
            spans.append((s, e, "warning", _GENDERED_MESSAGE_FR))
    for m in _PRONOUN_FR.finditer(folded):
        if _PAIR_BEFORE.search(folded, max(0, m.start() - 12), m.start()) or _IMPERSONAL_AFTER.match(folded, m.end()):
            continue
        spans.append((m.start(), m.end(), "warning", _GENDERED_MESSAGE_FR))
    for pattern in wl.EN_GENDERED_NOUNS:
        for m in re.finditer(pattern, folded):
            spans.append((m.start(), m.end(), "warning", _GENDERED_MESSAGE_EN))
    for regex in (_PRONOUN_EN, _POSSESSIVE_EN):
        for m in regex.finditer(folded):
            if _PAIR_BEFORE.search(folded, max(0, m.start() - 12), m.start()) or _PAIR_AFTER_EN.match(folded, m.end()):
                continue
            spans.append((m.start(), m.end(), "warning", _GENDERED_MESSAGE_EN))
    spans = _keep_longest(spans)
    spans += _coded_words(folded, lang)
    spans.sort(key=lambda x: (x[0], x[1]))
    return [view.flag("gendered_wording", sev, msg, s, e) for s, e, sev, msg in spans]  # type: ignore[arg-type]


def _keep_longest(spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    return [(s, e, *rest) for s, e, rest in _drop_overlaps([(s, e, (sev, msg)) for s, e, sev, msg in spans])]


_CODED_EN = re.compile(r"(?<![a-z-])(?:" + "|".join(re.escape(s) for s in wl.EN_MASCULINE_CODED) + r")[a-z-]*")
_CODED_FR = re.compile(r"(?<![a-z-])(?:" + "|".join(re.escape(s) for s in wl.FR_MASCULINE_CODED) + r")[a-z-]*")


def _coded_words(folded: str, lang: Lang) -> list[tuple[int, int, str, str]]:
    """First occurrence of each masculine-coded word (info), with its count in the message."""
    regex = _CODED_EN if lang == "en" else _CODED_FR
    first: dict[str, tuple[int, int]] = {}
    counts: dict[str, int] = {}
    for m in regex.finditer(folded):
        word = m.group()
        first.setdefault(word, m.span())
        counts[word] = counts.get(word, 0) + 1
    if lang == "en":
        note = "Masculine-coded word (Gaucher, Friesen & Kay 2011, JPSP 101(1)): such words lower women's interest in an ad"
    else:
        note = ("Masculine-coded word (French list written for this project, UNVALIDATED, by analogy with "
                "Gaucher, Friesen & Kay 2011)")  # fmt: skip
    return [(s, e, "info", f"{note}; found {counts[w]}×. Consider a neutral wording.") for w, (s, e) in first.items()]


# --------------------------------------------------------------------------- the ad


def _lang(language: str) -> Lang:
    key = str(language).strip().lower().replace("_", "-").split("-")[0]
    if key not in ("fr", "en"):
        raise InputError(f"Unsupported language {language!r}: use 'fr' or 'en'.")
    return key  # type: ignore[return-value]


_LEVELS = {
    "junior": "junior", "debutant": "junior", "debutante": "junior", "entry": "junior", "entry-level": "junior",
    "mid": "mid", "confirme": "mid", "confirmee": "mid", "intermediate": "mid", "medior": "mid",
    "senior": "senior", "experimente": "senior", "experimentee": "senior", "experienced": "senior",
}  # fmt: skip
_DEFAULT_GRID = {"junior": (2920, 3500), "mid": (3500, 5420), "senior": (None, 5420)}  # guide, 2019, monthly gross
_DEFAULT_DISCOURAGED = (
    (r"responsables? (?:de|du|des) comptes?", "Responsable de compte"),
    (r"gestionnaires? (?:de|du|des) comptes?", "Gestionnaire de compte"),
)
_EN_TITLE_WORDS = frozenset(
    "account accounts manager executive key global sales business developer customer success head officer lead "
    "engineer growth owner hunter farmer inside representative relationship director partner".split()
)
_FR_TITLE_WORDS = re.compile(
    r"\b(?:de|des|du|la|le|les|en|charge|chargee|responsable|commercial|commerciale|ingenieur|directeur|directrice|"
    r"comptes?|clients?|clientele|ventes?|conseill\w*|gestionnaire|relation|portefeuille|grands?)\b"
)
_DATE = re.compile(
    r"\b(?:publiee?\s+le|date\s+de\s+publication|mise?\s+en\s+ligne\s+le|posted\s+on|published\s+on|date\s+posted)\b|"
    r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|"
    r"\b\d{1,2}(?:er)?\s+(?:janv|fevr|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec)[a-z.]*\s+(?:19|20)\d{2}\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z.]*\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b|"
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:19|20)\d{2}\b"
)


def _title_span(view: TextView) -> tuple[int, int]:
    """Clean span of the title: the first `# ` heading, else the first non-empty line, without Markdown marks."""
    text = view.clean.text
    m = re.search(r"^#[ \t]+(.+)$", text, re.MULTILINE) or re.search(r"^[ \t]*(\S.*)$", text, re.MULTILINE)
    if not m:
        return 0, 0
    s, e = m.span(1)
    while s < e and text[s] in "#*_ \t":
        s += 1
    while e > s and text[e - 1] in "#*_ \t\r":
        e -= 1
    return s, min(e, s + MAX_TITLE_CHARS)


def _flag(view: TextView, kind: str, severity: str, message: str, span: tuple[int, int] | None = None) -> Flag:
    if span is None:
        return Flag(kind=kind, severity=severity, message=message)  # type: ignore[arg-type]
    return view.flag(kind, severity, message, *span)


def _title_flags(view: TextView, title: tuple[int, int], lang: Lang, framework: Framework | None) -> list[Flag]:
    flags: list[Flag] = []
    folded_title = view.folded[title[0] : title[1]]
    if title[1] > title[0] and not _MARKER.search(folded_title):
        flags.append(_flag(view, "gendered_wording", "warning",
                           "Title without a gender marker: add « (F/H) » or « (H/F) » (English: « (M/F) ») and keep "
                           "the title epicene (Code du travail L1142-1; Pôle emploi guide, 2010).", title))  # fmt: skip
    for s, e in _nouns_in(view, title[0], title[1], need_det=False):
        flags.append(_flag(view, "gendered_wording", "warning",
                           "Gendered job title: « H/F » does not make a gendered form lawful (« vendeuse H/F », "
                           "« commercial H/F » read as one sex); write « commercial·e » or both forms "
                           "(Code du travail L1142-1; Pôle emploi guide, 2010).", (s, e)))  # fmt: skip
    flags += _discouraged_title_flags(view, title, lang, framework)
    return flags


def _discouraged_title_flags(view: TextView, title: tuple[int, int], lang: Lang, framework: Framework | None) -> list[Flag]:
    rules: list[tuple[str, str, str]] = []  # pattern, label, message
    if framework is not None:
        labels = {t.id: t.label for t in framework.titles.recommended}
        for item in framework.titles.discouraged:
            suggest = labels.get(item.suggest, item.suggest)
            for pattern in item.patterns:
                rules.append((pattern, item.label, f"{item.reason.get(lang)} → « {suggest} »"))
    else:
        for pattern, label in _DEFAULT_DISCOURAGED:
            rules.append((pattern, label, "A title with a banking connotation: the guide recommends « Account Manager » "
                                          "or « Account Executive » → « Account Manager »"))  # fmt: skip
    flags: list[Flag] = []
    seen: set[tuple[int, int]] = set()
    for pattern, label, message in rules:
        regex = re.compile(pattern)
        for haystack in (view.lower, view.folded):
            for m in regex.finditer(haystack):
                if m.span() in seen:
                    continue
                seen.add(m.span())
                in_title = title[0] <= m.start() < title[1]
                flags.append(_flag(view, "title", "warning" if in_title else "info",
                                   f"Discouraged title « {label} »{'' if in_title else ' in the text'}: {message} "
                                   "(guide: « Comment attirer le candidat ? »).", m.span()))  # fmt: skip
    return flags


def _level(level: str | None, title_folded: str) -> str | None:
    if level is None:
        for word, value in _LEVELS.items():
            if re.search(rf"\b{word}\b", title_folded):
                return value
        return None
    key = TextView.of(str(level)).folded.strip()
    if key not in _LEVELS:
        raise InputError(f"Unknown level {level!r}: use junior, mid or senior (or débutant, confirmé, expérimenté).")
    return _LEVELS[key]


def _grid(framework: Framework | None, level: str | None) -> tuple[float | None, float | None, str]:
    """(monthly min, monthly max, description) of the guide's grid for the level, or for all levels."""
    if framework is not None:
        factor = 12 if framework.salary.period == "year" else 1
        levels: dict[str, tuple[float | None, float | None]] = {k: (None if v.min is None else v.min / factor, None if v.max is None else v.max / factor)
                  for k, v in framework.salary.levels.items()}  # fmt: skip
        year = framework.salary.year
    else:
        levels = {k: (float(a) if a else None, float(b) if b else None) for k, (a, b) in _DEFAULT_GRID.items()}
        year = 2019
    if level and level in levels:
        lo, hi = levels[level]
        floors = [v[0] for v in levels.values() if v[0] is not None]
        if level != "junior" and floors:
            # The guide states only the junior band and the 5,420 € ceiling: a mid or senior floor would be an
            # interpolation, so pay is compared with the lowest figure the guide gives (the junior floor).
            return min(floors), hi, (
                f"the guide's figures ({year}, monthly gross: from {min(floors):,.0f} € for a junior profile, "
                f"up to {hi:,.0f} €)" if hi else f"the guide's figures ({year}, from {min(floors):,.0f} €)"
            )
        return lo, hi, f"the guide's {level} grid ({year}, monthly gross)"
    mins = [lo for lo, _ in levels.values() if lo is not None]
    maxs = [hi for _, hi in levels.values() if hi is not None]
    return (min(mins) if mins else None), (max(maxs) if maxs else None), f"the guide's grid ({year}, monthly gross, all levels)"


_PAY_LAW = "EU Directive 2023/970 art. 5; French pay-transparency bill (March 2026)"


def _salary_flags(view: TextView, framework: Framework | None, level: str | None) -> list[Flag]:
    found = _salary_in(view)
    vague = _vague_in(view)
    if found is None:
        if vague:
            return [Flag(kind="salary", severity="warning", evidence=vague[0], start=vague[1], end=vague[2],
                         message=f"« {vague[0]} » is not a pay range: state the starting pay or its range ({_PAY_LAW}).")]  # fmt: skip
        return [Flag(kind="salary", severity="warning",
                     message=f"No pay or pay range in the ad: applicants are entitled to it ({_PAY_LAW}).")]  # fmt: skip
    span = (found.start, found.end)
    flags: list[Flag] = []

    def add(severity: str, message: str) -> None:
        flags.append(Flag(kind="salary", severity=severity, message=message, evidence=found.evidence,  # type: ignore[arg-type]
                          start=span[0], end=span[1]))  # fmt: skip

    if vague:
        flags.append(Flag(kind="salary", severity="info", evidence=vague[0], start=vague[1], end=vague[2],
                          message=f"« {vague[0]} » next to the range: say which objective criteria set the pay ({_PAY_LAW})."))  # fmt: skip
    if found.min is not None and found.max is not None and found.min > found.max:
        add("error", f"Pay range with its minimum ({found.min:,.0f}) above its maximum ({found.max:,.0f}).")
        return flags
    if found.currency != "EUR":
        add("info", f"Pay in {found.currency}: not compared with the guide's grid (EUR).")
        return flags
    if found.gross is False:
        add("info", "Pay stated net: ads usually state gross pay, and the guide's grid is gross; not compared.")
        return flags
    lo, hi, grid = _grid(framework, level)
    mn, mx = found.monthly()
    how = ("annual figure ÷ 12, assuming 12 monthly payments" if found.period == "year" else "monthly figure") + (
        " (period not stated: inferred from the amount)" if found.period_assumed else "")  # fmt: skip
    if mn is not None and lo is not None and mn < lo:
        add("warning", f"Pay below {grid}: {mn:,.0f} € a month < {lo:,.0f} € ({how}).")
    if mx is not None and hi is not None and mx > hi:
        add("warning", f"Pay above {grid}: {mx:,.0f} € a month > {hi:,.0f} € ({how}).")
    return flags


def _title_is_english(folded_title: str) -> bool:
    words = _WORD.findall(_MARKER.sub(" ", folded_title))
    return any(w in _EN_TITLE_WORDS for w in words) and not _FR_TITLE_WORDS.search(" ".join(words))


def _language_flags(view: TextView, title: tuple[int, int], lang: Lang, job_in_france: bool,
                    framework: Framework | None) -> list[Flag]:  # fmt: skip
    if not job_in_france:
        return []
    span = title if title[1] > title[0] else None
    if lang != "fr":
        return [_flag(view, "language", "error",
                      "The ad is not in French: an ad for a job in France must be written in French "
                      "(Code du travail L5331-4; fine up to 450 €, R5334-1).", span)]  # fmt: skip
    folded = view.folded
    if span is None or not _title_is_english(folded[title[0] : title[1]]):
        return []
    # A French descriptive line: the line right under the title, or the role's French description near the top.
    rest = folded[title[1] :].lstrip("\n\r\t *_#")
    next_line = rest.split("\n", 1)[0] if rest else ""
    is_heading = view.clean.text[title[1] :].lstrip("\n\r\t ").startswith("#")
    is_date = re.match(r"\s*(?:publiee?|date|mise?\s+en\s+ligne)\b", next_line)
    if next_line and not is_heading and not is_date and _FR_TITLE_WORDS.search(next_line):
        return []
    if framework is not None and TextView.of(framework.role.description_fr).folded in folded[: title[1] + 600]:
        return []
    example = framework.role.description_fr if framework is not None else "chargé·e de comptes clients"
    return [_flag(view, "language", "warning",
                  f"English title with no French description: add a French line under it, e.g. « {example} » "
                  "(Code du travail L5331-4: a foreign term needs a French description).", span)]  # fmt: skip


def lint_ad(
    text: str,
    *,
    framework: Framework | None = None,
    language: str | None = None,
    level: str | None = None,
    date_posted: date | None = None,
    job_in_france: bool = True,
) -> list[Flag]:
    """Every rule on a Markdown job ad; flags sorted by position (flags without a span last)."""
    if not isinstance(text, str):
        raise InputError(f"The ad must be text, not {type(text).__name__}.")
    if not text.strip():
        raise InputError("The ad is empty.")
    if len(text) > MAX_AD_CHARS:
        raise InputError(f"The ad is too long ({len(text):,} characters; the limit is {MAX_AD_CHARS:,}).")
    if date_posted is not None and not isinstance(date_posted, date):
        raise InputError("date_posted must be a date.")
    view = TextView.of(text)
    lang = _lang(language) if language else detect_language(text)
    title = _title_span(view)
    lvl = _level(level, view.folded[title[0] : title[1]])

    flags = find_protected_criteria(text, context="ad")
    flags += _gendered_flags(view, lang)
    seen = {(f.kind, f.start, f.end) for f in flags}
    for flag in _title_flags(view, title, lang, framework):
        if (flag.kind, flag.start, flag.end) not in seen:  # the body scan may have flagged the same noun
            flags.append(flag)
    flags += _salary_flags(view, framework, lvl)
    flags += _language_flags(view, title, lang, job_in_france, framework)
    if date_posted is None and not _DATE.search(view.folded):
        flags.append(Flag(kind="date", severity="warning",
                          message="No publication date: every published job offer is dated (Code du travail L5332-1)."))  # fmt: skip
    order = {"error": 0, "warning": 1, "info": 2}
    flags.sort(key=lambda f: (f.start is None, f.start or 0, order[f.severity]))
    return flags


__all__ = ["SalaryRange", "detect_language", "find_gendered_wording", "lint_ad", "parse_salary"]
