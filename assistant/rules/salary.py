"""Pay in a job ad: the amount or range it states (or its vague wording), and the guide's salary grid it is
compared with (EU Directive 2023/970 art. 5; see ../shared/standards.md)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from ..errors import InputError
from .sanitize import TextView

if TYPE_CHECKING:
    from ..guide.framework import Framework


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
_YEAR = re.compile(
    r"annuel\w*|par\s+an\b|/\s?an\b|per\s+(?:year|annum)|a\s+year|\bp\.?a\.?\b|yearly|annual\w*|/\s?(?:year|yr)\b|\bk€|\bkeur"
)
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


def salary_in(view: TextView) -> SalaryRange | None:
    """The pay figure or range of a sanitised text: the best-placed candidate (near pay words, a range)."""
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
    evidence = view.clean.original[o_start:o_end]
    return SalaryRange(
        min=mn,
        max=mx,
        period=period,
        period_assumed=assumed,
        currency=currency,
        gross=gross,
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
