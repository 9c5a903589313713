"""Pay in a job ad: the amount or range it states (or its vague wording), and the guide's salary grid it is
compared with (EU Directive 2023/970 art. 5; see ../shared/standards.md)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from ..errors import InputError
from .sanitize import TextView

if TYPE_CHECKING:
    from ..guide.framework import Framework


PayType = Literal["base", "ote", "variable"]


class SalaryRange(BaseModel):
    """Pay found in an ad. min/max are None when the ad gives no figure (then `vague` may say why).

    Assumptions: with no period stated, an amount of 12,000 or more is annual, less is monthly; annual
    figures are compared with the guide's monthly grid after dividing by 12 (12 monthly payments, so a
    13th month makes the ad look slightly richer than it is); net figures are not compared. A day or hourly
    rate (`rate`) has no period and is not compared either.
    """

    min: float | None = None
    max: float | None = None
    period: Literal["month", "year"] | None = None
    period_assumed: bool = Field(False, description="True when the period was inferred from the amount.")
    currency: str = "EUR"
    gross: bool | None = Field(None, description="True: brut/gross; False: net; None: not said.")
    vague: str | None = Field(None, description="A vague wording such as 'selon profil', 'DOE', 'competitive'.")
    pay_type: PayType = Field(
        "base",
        description="base: the fixed (starting) pay, also when the ad does not say fixed; ote: on-target earnings, "
        "variable included ('OTE 70k€', '60 k€ à objectifs atteints'); variable: the variable part alone. An ad "
        "with a base figure reads as base whatever else it states.",
    )
    rate: Literal["day", "hour"] | None = Field(
        None, description="A day rate (TJM) or an hourly rate; `period` is then None."
    )
    evidence: str | None = None
    start: int | None = None
    end: int | None = None

    @property
    def is_starting_pay(self) -> bool:
        """A fixed pay per month or per year: not on-target earnings, a variable part, a day or an hourly rate."""
        return self.pay_type == "base" and self.rate is None

    def monthly(self) -> tuple[float | None, float | None]:
        """(min, max) per month, dividing annual figures by 12 (assumes 12 monthly payments); (None, None) for a
        day or hourly rate."""
        if self.rate is not None:
            return None, None
        factor = 12 if self.period == "year" else 1
        return (None if self.min is None else self.min / factor, None if self.max is None else self.max / factor)


_VAGUE = re.compile(
    r"\bselon\s+(?:profil|experience|exp\b|diplome|competences|niveau|le\s+profil|votre\s+profil)|"
    r"\b(?:salaire|remuneration|package)\s+(?:attractif|attractive|motivante?|interessante?|competitif|competitive|a\s+negocier|a\s+definir)|"
    r"\ba\s+negocier\b|\bnegociable\b|\bdoe\b|\bdepending\s+on\s+(?:experience|profile)|\bcommensurate\s+with\s+experience|"
    r"\bcompetitive\s+(?:salary|pay|package|compensation|remuneration|base)|\battractive\s+(?:salary|pay|package|compensation|remuneration)|"
    r"\bsalary\s+(?:negotiable|to\s+be\s+discussed)|\bto\s+be\s+discussed\b"
)
# English thousands with cents first ("3,500.50"), then thousands with French cents (« 3 500,50 », « 3.500,50 »).
_EN_CENTS = r"\d{1,3}(?:,\d{3})+\.\d{1,2}(?!\d)"
_NUM = rf"{_EN_CENTS}|\d{{1,3}}(?:[ .,']\d{{3}})+(?:,\d{{1,2}})?|\d+(?:[.,]\d+)?"
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
_YEAR = re.compile(
    r"annuel\w*|par\s+an\b|/\s?an\b|per\s+(?:year|annum)|a\s+year|\bp\.?a\.?\b|yearly|annual\w*|/\s?(?:year|yr)\b|\bk€|\bkeur"
)
_DAY = re.compile(
    r"\btjm\b|taux\s+journalier|(?:salaire|remuneration)\s+journalier|\b(?:day|daily)\s+rate|per\s+day\b|\ba\s+day\b|par\s+jour\b|/\s?j(?:our)?\b|/\s?day\b"
)
_HOUR = re.compile(
    r"taux\s+horaire|(?:salaire|remuneration|paie)\s+horaire|\bhourly\b|per\s+hour\b|\ban\s+hour\b|par\s+heure\b|"
    r"\bl'heure\b|/\s?h(?:eure|r|our)?\b|\bbrut\s+horaire|\bph\b"
)
_BOUND_AFTER = re.compile(
    r"[ \t]*(?:(?P<min>minimum|min\b\.?|au\s+minimum|at\s+least|and\s+(?:up|above|over)|ou\s+plus|or\s+more|et\s+plus)"
    r"|(?P<max>maximum|max\b\.?|au\s+maximum|at\s+most|or\s+less|ou\s+moins))"
)
_UNITS = (("month", _MONTH), ("year", _YEAR), ("day", _DAY), ("hour", _HOUR))
# A bracket that holds another amount (a currency or « k » by a figure): « (soit 38 400 € par an) », not
# « (brut annuel, 1re année) » or « (par jour, 5 j/sem) », whose unit is the figure's.
_BRACKETED_FIGURE = re.compile(
    r"\([^()]*?(?:[€$£]\s?\d|\d[\d\s.,']*\s?(?:k€|keur|€|euros?\b|eur\b|k\b|\$|£))[^()]*(?:\)|$)"
)
# The figures whose clause is read to rank them (the first ones by pay type): a long ad of figures stays fast.
_RANKED_FULLY = 200
_GROSS = re.compile(r"\bbrut\w*|\bgross\b|before\s+tax")
_NET = re.compile(r"\bnet\b|after\s+tax")
_TRAILING = re.compile(
    r"(?:\s*(?:brut\w*|nets?|gross|mensuel\w*|annuel\w*|par\s+(?:mois|an)|/\s?(?:mois|an|year|month|yr)|per\s+(?:year|month|annum)|"
    r"an?\s+(?:year|month|day|hour)|(?:de\s+|a\s+)?l'heure|horaires?|ph|fixe|annual|monthly|yearly|base|par\s+(?:jour|heure)|/\s?(?:jour|j|day|heure|hour|hr|h)|"
    r"per\s+(?:day|hour)|ht|hors\s+taxes?)\b[\s,]*)+"
)

# A pay label (folded text) makes a bare figure pay: « Salaire : 3800 - 4600 », "Base: 55,000", « TJM : 450 ».
# Between the label and the figure only qualifiers and punctuation may stand (« Salaire brut annuel : », "Salary range
# from"); a figure far from the label, or followed by another noun (« 3800 clients »), is not pay.
_SALARY_WORDS_OF_LABEL = (
    r"salaires?|remunerations?|salary|salaries|pay|package|fixe|base|basic|compensation|retribution|wages?"
)
_PAY_LABEL = (
    rf"\b(?:{_SALARY_WORDS_OF_LABEL}|tjm|"
    r"taux\s+(?:journalier|horaire)(?:\s+moyen)?|(?:day|daily|hourly)\s+rate|ote|on[-\s]target\s+earnings)\b"
)
# A label of the salary itself, not of a rate (« TJM : ») nor of on-target earnings: what a figure right after it is.
_SALARY_LABEL = re.compile(rf"\b(?:{_SALARY_WORDS_OF_LABEL})\b")
_GAP_WORD = (
    r"brut\w*|gross|nets?|nettes?|annuel\w*|mensuel\w*|fixes?|base|basic|annual|monthly|yearly|range|fourchettes?|"
    r"salariale|propose\w*|offert\w*|envisage\w*|indicati\w*|depart|d'embauche|a\s+l'embauche|starting|initial\w*|"
    r"attracti\w*|motivant\w*|competiti\w*|moyen|de|du|d'|des|entre|from|between|of|is|est|a\s+partir\s+de|"
    r"jusqu'a|up\s+to|min(?:imum)?|max(?:imum)?|environ|approx\w*|around|about|en\s+euros?|euros?|eur|keur|k€|€|ht"
)
_GAP = rf"(?:[\s:=()|*_>\-]|(?:{_GAP_WORD})(?![\w']))*"
_LABEL_BEFORE = re.compile(rf"{_PAY_LABEL}{_GAP}$")
_LABEL_LINE = re.compile(rf"^[\s#>*_|\-]*{_PAY_LABEL}{_GAP}$")
_LINE_START = re.compile(r"^[\s>*_|\-+•]*$")
# What may follow a bare figure that a label made pay: the end, punctuation, or a pay word (« 3800 - 4600 bruts »).
_BARE_AFTER = re.compile(
    r"\s*(?:$|[^\w\s%°]|(?:brut\w*|gross|nets?|nettes?|annuel\w*|mensuel\w*|par|per|a|an|pa|p|fixes?|base|basic|"
    r"hors|plus|et|and|sur|over|x|yearly|monthly|annual\w*|selon|en|depending|dependant|doe|negociable|negotiable|dont|"
    r"incl\w*|excl\w*|avec|with|ote|euros?|eur|variable|primes?|bonus|commissions?|minimum|maximum|min|max|environ|"
    r"approx\w*|ou|or|ht|h|j|jour|day|heure|hour)\b)"
)
_BARE_QUALIFIED = re.compile(
    r"\s*(?:€|euros?\b|eur\b|brut\w*|gross\b|nets?\b|annuel\w*|mensuel\w*|par\s+(?:an|mois|jour|heure)\b|"
    r"per\s+(?:year|annum|month|day|hour)\b|/\s?(?:an|mois|year|month|yr|j|jour|day|h)\b)"
)
# A figure next to these is the company's business, not pay: « 500 k€ de CA », "50k users", « portefeuille de 2 000 000 € ».
_NOT_PAY_AFTER = re.compile(
    r"\s*(?:de\s+|d'|of\s+|in\s+)?(?:ca|chiffre|revenue|arr|mrr|budget|portefeuilles?|portfolios?|pipeline|ventes?|sales|"
    r"deals?|contrats?|transactions?|fundraising|funding|levee|financement|investissements?|clients?|customers?|"
    r"users?|utilisateur\w*|followers?|abonne\w*|downloads?|telechargements?|visit\w*|employes|salaries|collaborat\w*|"
    r"personnes|people|employees|members|membres|commandes|orders|comptes|accounts|leads?|references|produits|"
    r"products|habitants|entreprises|companies|pme|magasins|stores|boutiques|projets|projects|partenaires|partners|"
    r"km|m2|m²)\b"
)
_NOT_PAY_BEFORE = re.compile(
    r"\b(?:ca|chiffre\s+d'affaires|revenue|turnover|budget|portefeuille|portfolio|pipeline|levee\s+de\s+fonds|funding|"
    r"raised|leve|financement|valorisation|valuation|arr|mrr)\b(?:\s*(?:de|of|:|annuel|total|plus\s+de|over|more\s+than|"
    r"~|environ))*\s*$"
    # a benefit's amount is not pay: « budget formation de 2 000 € », « forfait mobilités durables : 300 € »
    r"|\b(?:budget|tickets?\s+restaurants?|titres?\s+restaurants?|cheques?|forfait|indemnit\w*|allowance|stipend|"
    r"mutuelle|remboursement)\b(?:(?!salaire|remuneration|salary|\bpay\b|fixe|€|\$|£|\d)[^,;+.\n]){0,30}$"
    # overtime, on-call or night pay is not the job's pay (stop 38: « Taux horaire des heures sup : 20 € »)
    # (review of stop 38: not « hors heures sup : 2 100 € », « sans astreinte : 38 000 € », "Overtime eligible: $25/h")
    r"|(?<!hors\s)(?<!sans\s)(?<!excluding\s)(?<!excl\.\s)(?<!without\s)(?<!no\s)"
    r"\b(?:heures?\s+sup\w*|overtime|astreintes?|on[-\s]call|majorations?|primes?\s+de\s+nuit|night\s+premium)\b"
    r"(?:(?!salaire|remuneration|salary|fixe|eligible|€|\$|£|\d)[^,;+.\n]){0,30}$"
)
_MAX_PAY_FIGURE = 1_000_000
"""A figure above this is revenue or funding, not pay."""

# What kind of pay a figure is (folded text, in its clause): on-target earnings, the variable part, or the fixed pay.
_OTE = re.compile(
    r"\bote\b|\bon[-\s]target(?:\s+earnings)?|\bpackage\s+(?:global|total)|\bremuneration\s+(?:globale|totale|cible)|"
    r"\bsalaire\s+cible|\btotal\s+(?:compensation|comp|package|target\s+compensation|rewards?)|"
    r"\btarget\s+(?:earnings|compensation)|\b(?:variables?|primes?|bonus|commissions?)\s+(?:inclus\w*|compris\w*|included)|"
    r"\b(?:a\s+|aux\s+)?objectifs?\s+atteints?|\bat\s+target\b|"
    r"\b(?:including|incl\.?|y\s+compris|incluant|comprenant)\s+(?:the\s+|le\s+|la\s+|les\s+)?(?:part\s+)?"
    r"(?:variables?|primes?|bonus|commissions?)\b|\bfixe\s+et\s+variable\b"
)
_VARIABLE = re.compile(r"\b(?:variables?|bonus|primes?|commissions?|incentives?|interessement)\b")
_BASE = re.compile(r"\b(?:fixe|fixed|base|basic)\b")
_VARIABLE_NEXT = re.compile(
    r"^[\s/]*(?:(?:brut\w*|gross|annuel\w*|mensuel\w*|par|per|a|an|mois|year|month|de|d'|en|of|in|on|part|"
    r"jusqu'a|max(?:imum)?)[\s/]*)*(?:variables?|bonus|primes?|commissions?|incentives?)\b(?!\s*(?:inclus|compris|included))"
)
_CLAUSE_BREAK = re.compile(r"[,;+|(]|\.\s")
_INCLUDING = re.compile(r"^\s*(?:dont|including|incl\.?|incluant|y\s+compris)\s*$")


def _number(num: str, k: str | None) -> float:
    if re.fullmatch(_EN_CENTS, num):  # "3,500.50", and "1,200.5k" (a million: over the cap, not pay)
        return float(num.replace(",", "")) * (1000 if k else 1)
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


@dataclass
class _Candidate:
    """A figure or range in the folded text, before it is judged to be pay."""

    start: int
    end: int  # after the last figure and its unit, no trailing blank
    lo: float
    hi: float
    currency: str | None
    k: bool
    bare: bool  # neither a currency nor « k »
    year_like: bool  # written like a year (« 2024 », « 2024-2026 »)
    leading_zero: bool  # « 0145… »: a phone number or a code
    pay_type: PayType = "base"
    mark: tuple[int, int] | None = None  # where the OTE or variable wording is
    fixed: bool = False  # said to be the fixed pay (« fixe », "base")


def _labelled(folded: str, s: int, left: int) -> re.Match[str] | None:
    """The pay label (and the words up to the figure) that makes the figure at `s` pay, on its line or as the
    line above (a heading or « Salaire : » alone on its line); None without one."""
    before = folded[max(left, s - 80) : s]
    found = _LABEL_BEFORE.search(before)
    if found:
        return found
    if not _LINE_START.match(before):
        return None
    above_end = left - 1
    while above_end > 0:
        above_start = folded.rfind("\n", 0, above_end) + 1
        above = folded[above_start:above_end]
        if above.strip():
            return _LABEL_LINE.match(above[-120:])
        above_end = above_start - 1
    return None


def _after_clause(folded: str, e: int, stop: int) -> str:
    """The words after a figure up to the end of its clause: a comma, « + », « ; », or a bracket left open."""
    out = []
    depth = 0
    for i in range(e, stop):
        ch = folded[i]
        if ch == "(":
            close = folded.find(")", i, stop)
            if close < 0:
                break
            depth += 1
        elif ch == ")":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (ch in ",;+|" or (ch == "." and folded[i + 1 : i + 2].isspace())):
            break
        out.append(ch)
    return "".join(out)


def _before_clause(folded: str, start: int, s: int) -> tuple[str, int]:
    """The words before a figure back to the start of its clause, and where they start."""
    text = folded[start:s]
    cuts = list(_CLAUSE_BREAK.finditer(text))
    return (text[cuts[-1].end() :], start + cuts[-1].end()) if cuts else (text, start)


def _classify(folded: str, c: _Candidate, prev_end: int, next_start: int, left: int, right: int) -> None:
    """Set the candidate's pay type (base, ote or variable) from the words of its clause."""
    stop = min(right, next_start, c.end + 60)
    after = _after_clause(folded, c.end, stop)
    variable_next = _VARIABLE_NEXT.match(after)
    if variable_next:
        c.pay_type, c.mark = "variable", (c.end, c.end + variable_next.end())
        return
    ote = _OTE.search(after)
    if ote:
        c.pay_type, c.mark = "ote", (c.end, c.end + ote.end())
        return
    before, at = _before_clause(folded, max(left, prev_end, c.start - 40), c.start)
    # In one clause, OTE wording wins over a variable word, which wins over a fixed one (« prime de base »).
    kinds: tuple[tuple[PayType, re.Pattern[str]], ...] = (("ote", _OTE), ("variable", _VARIABLE), ("base", _BASE))
    for kind, pattern in kinds:
        marks = list(pattern.finditer(before))
        if marks:
            c.pay_type = kind
            if kind == "base":
                c.fixed = True
            else:
                c.mark = (at + marks[-1].start(), c.start)
            return
    c.fixed = bool(_BASE.search(after))


def _is_pay(folded: str, c: _Candidate, left: int, right: int) -> bool:
    """Whether a figure reads as pay: a unit or a pay label, and nothing around it that makes it another number."""
    if c.hi > _MAX_PAY_FIGURE:
        return False
    after = folded[c.end : min(right, c.end + 120)]
    if c.hi < 100 and not c.k and not (c.currency and _hourly(folded, c, left, after)):
        return False  # "15 %", a bonus in euros per day... not a salary figure (but « 15 €/h » is)
    if _NOT_PAY_AFTER.match(after) or _NOT_PAY_BEFORE.search(folded[max(left, c.start - 60) : c.start]):
        return False
    if not c.bare:
        return True
    if c.leading_zero:
        return False
    label = _labelled(folded, c.start, left)
    if label is None or not _BARE_AFTER.match(after) or re.match(r"\s*:", after):
        return False  # « Rémunération 2026 : » is a heading's year
    if c.year_like and not _BARE_QUALIFIED.match(after) and (c.lo != c.hi or not re.search(r"[:|]", label.group())):
        return False  # « Package 2026 », « Package : 2024-2026 » (but « Salaire : 2000 » is pay)
    return True


def _hourly(folded: str, c: _Candidate, left: int, after: str) -> bool:
    """An hourly unit right after the figure (« 15 €/h », « 12,50 € brut de l'heure ») or a label right before it
    (« Taux horaire : 12,50 € », "Hourly rate: €15")."""
    return bool(
        _HOUR.match(after.lstrip())
        or _HOUR.search(after[:24])
        or _HOUR.search(folded[max(left, c.start - 30) : c.start])
    )


def _without_bracketed_figures(window: str) -> str:
    """`window` with the brackets that hold another figure blanked: « 3 200 € brut (soit 38 400 € par an) » is monthly
    pay with its yearly equivalent, whose unit is not the figure's. A bracket with no figure keeps its unit
    (« 3 200 € (brut mensuel) »). Blanks keep the length, so positions still compare."""
    return _BRACKETED_FIGURE.sub(lambda m: " " * len(m.group()), window)


def _rate(folded: str, c: _Candidate, left: int, right: int) -> Literal["day", "hour"] | None:
    """A day or hourly rate, only from the figure's own clause (« TJM 450 € », « 15 €/h »): « 45 k€, tickets
    restaurant 10 €/jour » is a yearly figure. The nearest unit word wins: « 3 800 € brut mensuel (25 €/h) » is
    monthly."""
    s, e = c.start, c.end
    clause_after = _without_bracketed_figures(_after_clause(folded, e, min(right, e + 60)))
    clause_before = _without_bracketed_figures(_before_clause(folded, max(left, s - 40), s)[0])
    for window, nearest_last in ((clause_after, False), (clause_before, True)):
        hits = [
            (m.end() if nearest_last else -m.start(), unit)
            for unit, pattern in _UNITS
            for m in pattern.finditer(window)
        ]
        if hits:
            unit = max(hits)[1]
            return "day" if unit == "day" else "hour" if unit == "hour" else None
    return None


def _candidates(folded: str) -> list[_Candidate]:
    """Every figure and range of the folded text, with its unit."""
    tokens = []
    for m in _AMOUNT.finditer(folded):
        k = (m.group("k") or "").strip()
        if k and k not in ("k", "k€", "keur"):
            continue  # millions: revenue or funding, not pay
        currency = _currency(m.group("pre"), m.group("post"), k if k != "k" else None)
        end = m.end()
        while end > m.start() and folded[end - 1].isspace():
            end -= 1
        tokens.append((m.start(), end, m.group("num"), _number(m.group("num"), k or None), currency, bool(k)))
    out: list[_Candidate] = []
    i = 0
    while i < len(tokens):
        s1, e1, n1, v1, c1, k1 = tokens[i]
        year1 = bool(re.fullmatch(r"(?:19|20)\d\d", n1))
        if i + 1 < len(tokens):
            s2, e2, n2, v2, c2, k2 = tokens[i + 1]
            if _RANGE_LINK.match(folded[e1:s2]) and s2 - e1 <= 5:
                if k2 and not k1 and v1 < 1000:
                    v1 *= 1000  # "40-45k", "entre 40 et 45 k€"
                elif not k1 and v1 < 1000 and v1 * 1000 <= v2 <= v1 * 2000:
                    v1 *= 1000  # « 40 - 45 000 € »: the thousands written once
                year = year1 and bool(re.fullmatch(r"(?:19|20)\d\d", n2)) and 0 <= v2 - v1 <= 20
                unit = bool(c1 or c2 or k1 or k2)
                out.append(_Candidate(s1, e2, v1, v2, c1 or c2, k1 or k2, not unit, year, n1.startswith("0")))
                i += 2
                continue
        out.append(_Candidate(s1, e1, v1, v1, c1, k1, not (c1 or k1), year1, n1.startswith("0")))
        i += 1
    return out


def _label_units(folded: str, c: _Candidate, left: int) -> None:
    """A bare figure under a label that gives its unit (« Salaire (k€) : 38-46 », « Salaire (€) : 3800 »)."""
    label = _labelled(folded, c.start, left)
    if label is None:
        return
    if re.search(r"k€|keur", label.group()):
        c.lo, c.hi = (v * 1000 if v < 1000 else v for v in (c.lo, c.hi))
        c.k, c.currency = True, "EUR"
    elif re.search(r"€|\beuros?\b|\beur\b", label.group()):
        c.currency = "EUR"


def salary_in(view: TextView) -> SalaryRange | None:
    """The pay figure or range of a sanitised text: the best-placed candidate (near pay words, a range).

    The fixed pay wins over on-target earnings and variable pay; a SalaryRange of another `pay_type` comes back only
    when the text states no fixed pay."""
    folded = view.folded
    found = _candidates(folded)
    kept: list[tuple[_Candidate, int, int]] = []
    # each line's start, found once: a long ad may hold thousands of figures on one line
    starts = [0] + [m.end() for m in re.finditer("\n", folded)]
    ends = [i - 1 for i in starts[1:]] + [len(folded)]
    pay_words: dict[int, bool] = {}
    for c in found:
        left = starts[bisect_right(starts, c.start) - 1]
        right = ends[bisect_right(starts, max(c.start, c.end - 1)) - 1]  # a range may run onto the next line
        if c.bare:
            _label_units(folded, c, left)
        if _is_pay(folded, c, left, right):
            kept.append((c, left, right))
    for n, (c, left, right) in enumerate(kept):
        prev_end = kept[n - 1][0].end if n else 0
        next_start = kept[n + 1][0].start if n + 1 < len(kept) else len(folded)
        _classify(folded, c, prev_end, next_start, left, right)
        if n + 1 < len(kept) and c.pay_type == "base" and c.mark is None:
            nxt = kept[n + 1][0]
            if _INCLUDING.match(folded[c.end : nxt.start]):
                _classify(folded, nxt, c.end, len(folded), left, right)
                if nxt.pay_type == "variable":  # « 60 k€ dont 10 k€ de variable »: 60 k€ includes the variable
                    c.pay_type, c.mark = "ote", (c.start, nxt.mark[1] if nxt.mark else nxt.end)
    best = None
    rank = {"base": 0, "ote": 1, "variable": 2}
    ranked = sorted(range(len(kept)), key=lambda n: (rank[kept[n][0].pay_type], not kept[n][0].fixed, n))
    for n in sorted(ranked[:_RANKED_FULLY]):
        c, left, right = kept[n]
        if left not in pay_words:
            pay_words[left] = bool(_SALARY_WORDS.search(folded, left, right))
        # In one pay type: the figure a salary label introduces (« Salaire : 14 €/h », not the housing aid after it),
        # then one outside brackets (« (environ 2 800 € mensuels) » is an estimate), then a monthly or yearly figure
        # over a rate (overtime, on-call pay, a freelance option), then any label (« TJM : 500 € » over on-call
        # pay), then pay words on the line and a range.
        label = _labelled(folded, c.start, left)
        salary_label = label is not None and _SALARY_LABEL.search(label.group()) is not None
        near = max(left, c.start - 200)
        bracketed = folded.count("(", near, c.start) > folded.count(")", near, c.start)
        rate = _rate(folded, c, left, right)
        score = (
            -rank[c.pay_type],
            c.fixed,
            salary_label,
            not bracketed,
            rate is None,
            label is not None,
            3 * pay_words[left] + (c.lo != c.hi),
        )
        if best is None or score > best[0]:
            best = (score, c, left, right, rate)
    if best is None:
        return None
    _, c, left, right, rate = best
    s, e, lo, hi = c.start, c.end, c.lo, c.hi
    before, after = folded[max(left, s - 40) : s], folded[e : min(right, e + 60)]
    single_min = bool(re.search(r"(?:a\s+partir\s+de|from|des|minimum|min\.?|starting\s+at)\s*$", before))
    single_max = bool(re.search(r"(?:jusqu'a|up\s+to|maximum|max\.?)\s*$", before))
    period: Literal["month", "year"] | None = None
    for window in (_without_bracketed_figures(after), before) if rate is None else ():
        month, year = _MONTH.search(window), _YEAR.search(window)
        if month or year:
            period = "month" if month and (not year or month.start() < year.start()) else "year"
            break
    assumed = period is None and rate is None
    if assumed:
        period = "year" if hi >= 12_000 else "month"  # no monthly salary reaches 12,000 €; few yearly ones are below
    gross = True if _GROSS.search(before + after) else False if _NET.search(before + after) else None
    trailing = _TRAILING.match(folded, e, right)
    end = trailing.end() if trailing else e
    while end > e and folded[end - 1] in " ,":
        end -= 1
    bound_after = _BOUND_AFTER.match(folded, end, right)  # « 45 k€ minimum », "50k and up", « 45 k€ brut max »
    if bound_after is not None and lo == hi:
        single_min = single_min or bound_after.group("min") is not None
        single_max = single_max or bound_after.group("max") is not None
        end = max(end, bound_after.end())
    if c.mark is not None:  # the evidence of on-target earnings or variable pay names it: « OTE 70k€ »
        s, end = min(s, c.mark[0]), max(end, c.mark[1])
        while end > s and folded[end - 1] in " ,:":
            end -= 1
        if folded[end : end + 1] == ")" and folded.count("(", s, end) > folded.count(")", s, end):
            end += 1  # « 45 k€ (variable inclus) »: the bracket the wording opened closes in the evidence
    o_start, o_end = view.clean.span_to_original(s, end)
    mn, mx = (lo, None) if (lo == hi and single_min) else (None, hi) if (lo == hi and single_max) else (lo, hi)
    evidence = view.clean.original[o_start:o_end]
    return SalaryRange(
        min=mn,
        max=mx,
        period=period,
        period_assumed=assumed,
        currency=c.currency or "EUR",
        gross=gross,
        pay_type=c.pay_type,
        rate=rate,
        evidence=evidence,
        start=o_start,
        end=o_end,
    )


def vague_in(view: TextView) -> tuple[str, int, int] | None:
    """A vague pay wording ('selon profil', 'DOE') as (evidence, start, end) in the original text."""
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
    found = salary_in(view)
    vague = vague_in(view)
    if found is not None:
        if vague:
            found.vague = vague[0]
        return found
    if vague:
        return SalaryRange(vague=vague[0], evidence=vague[0], start=vague[1], end=vague[2])
    return None


# --------------------------------------------------------------------------- the guide's grid

_LEVELS = {
    "junior": "junior",
    "debutant": "junior",
    "debutante": "junior",
    "entry": "junior",
    "entry-level": "junior",
    "mid": "mid",
    "confirme": "mid",
    "confirmee": "mid",
    "intermediate": "mid",
    "medior": "mid",
    "senior": "senior",
    "experimente": "senior",
    "experimentee": "senior",
    "experienced": "senior",
}
_DEFAULT_GRID = {"junior": (2920, 3500), "mid": (3500, 5420), "senior": (None, 5420)}  # guide, 2019, monthly gross


def canonical_level(level: str) -> str:
    """junior, mid or senior for a level or one of its synonyms (débutant, confirmé, expérimenté…)."""
    key = TextView.of(str(level)).folded.strip()
    if key not in _LEVELS:
        raise InputError(f"Unknown level {level!r}: use junior, mid or senior (or débutant, confirmé, expérimenté).")
    return _LEVELS[key]


def level_in_title(title_folded: str) -> str | None:
    """The level a folded title names ("Account Manager Senior" → senior), or None."""
    for word, value in _LEVELS.items():
        if re.search(rf"\b{word}\b", title_folded):
            return value
    return None


def _eur(amount: float, lang: str) -> str:
    """2920 → '2,920' (English) or '2 920' (French, narrow no-break space)."""
    text = f"{amount:,.0f}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def grid(framework: Framework | None, level: str | None, *, lang: str = "en") -> tuple[float | None, float | None, str]:
    """(monthly min, monthly max, description) of the guide's grid for the level, or for all levels.

    The description is in English, or in French with `lang="fr"`.
    """
    if framework is not None:
        factor = 12 if framework.salary.period == "year" else 1
        levels: dict[str, tuple[float | None, float | None]] = {
            k: (None if v.min is None else v.min / factor, None if v.max is None else v.max / factor)
            for k, v in framework.salary.levels.items()
        }
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
            floor = _eur(min(floors), lang)
            if lang == "fr":
                described = (
                    f"les chiffres du guide ({year}, brut mensuel : à partir de {floor} € pour un profil junior, "
                    f"jusqu'à {_eur(hi, lang)} €)"
                    if hi
                    else f"les chiffres du guide ({year}, à partir de {floor} €)"
                )
            else:
                described = (
                    f"the guide's figures ({year}, monthly gross: from {floor} € for a junior profile, "
                    f"up to {_eur(hi, lang)} €)"
                    if hi
                    else f"the guide's figures ({year}, from {floor} €)"
                )
            return min(floors), hi, described
        if lang == "fr":
            return lo, hi, f"la grille {_LEVEL_FR.get(level, level)} du guide ({year}, brut mensuel)"
        return lo, hi, f"the guide's {level} grid ({year}, monthly gross)"
    mins = [lo for lo, _ in levels.values() if lo is not None]
    maxs = [hi for _, hi in levels.values() if hi is not None]
    described = (
        f"la grille du guide ({year}, brut mensuel, tous niveaux)"
        if lang == "fr"
        else f"the guide's grid ({year}, monthly gross, all levels)"
    )
    return (min(mins) if mins else None), (max(maxs) if maxs else None), described


_LEVEL_FR = {"junior": "junior", "mid": "confirmé", "senior": "senior"}


__all__ = ["SalaryRange", "canonical_level", "grid", "level_in_title", "parse_salary", "salary_in", "vague_in"]
