"""The ad's own words in French and English: dates, money, pay sentences, contract and remote labels, joins."""

from __future__ import annotations

import re
from datetime import date

from .models import Salary


def t(lang: str, fr: str, en: str) -> str:
    """The French or the English wording, by the ad's language."""
    return fr if lang == "fr" else en


_MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
CONTRACT_LABELS = {
    "fr": {
        "CDI": "CDI",
        "CDD": "CDD",
        "freelance": "freelance",
        "stage": "stage",
        "alternance": "alternance",
        "interim": "intérim",
    },
    "en": {
        "CDI": "permanent contract (CDI)",
        "CDD": "fixed-term contract (CDD)",
        "freelance": "freelance",
        "stage": "internship",
        "alternance": "work-study (alternance)",
        "interim": "temporary (intérim)",
    },
}
CONTRACT_PHRASES = {
    "fr": {
        "CDI": "en CDI",
        "CDD": "en CDD",
        "freelance": "en freelance",
        "stage": "en stage",
        "alternance": "en alternance",
        "interim": "en intérim",
    },
    "en": {
        "CDI": "on a permanent contract (CDI)",
        "CDD": "on a fixed-term contract (CDD)",
        "freelance": "as a freelancer",
        "stage": "as an intern",
        "alternance": "on a work-study contract (alternance)",
        "interim": "on a temporary assignment (intérim)",
    },
}


def contract_words(table: dict[str, dict[str, str]], contract: str, lang: str, country: str) -> str:
    """A contract's label or phrase. The French name in brackets (« (CDI) ») tells an English reader of a job in France
    which French contract it is; for a job elsewhere the French term names no contract there (review of stop 46: a
    Dublin ad read "permanent contract (CDI)")."""
    words = table[lang][contract]
    if lang == "en" and country.upper() != "FR":
        words = re.sub(r"\s*\([^()]*\)$", "", words)
    return words


REMOTE_LABELS = {
    "fr": {"no": "sur site", "hybrid": "télétravail partiel", "full": "télétravail complet"},
    "en": {"no": "on site", "hybrid": "hybrid remote", "full": "fully remote"},
}


def format_date(day: date, lang: str) -> str:
    """27 novembre 2026 / 27 November 2026."""
    months = _MONTHS_FR if lang == "fr" else _MONTHS_EN  # not strftime: its month names follow the process locale
    return f"{day.day} {months[day.month - 1]} {day.year}"


CURRENCY_SIGNS = {"EUR": "€", "GBP": "£", "USD": "$"}


def format_money(amount: float, lang: str, currency: str = "EUR") -> str:
    """2 920 € / €2,920 (other currencies by their sign or code)."""
    whole = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    sign = CURRENCY_SIGNS.get(currency, currency)
    if lang == "fr":
        return f"{whole.replace(',', ' ').replace('.', ',')} {sign}"
    return f"{sign}{whole}" if len(sign) == 1 else f"{whole} {sign}"


def salary_sentence(salary: Salary, lang: str) -> str:
    """The pay amount of an ad, e.g. '2 920 € à 3 500 € bruts mensuels'; empty without figures."""
    basis = {
        "fr": {"gross": "bruts ", "net": "nets ", "unspecified": ""},
        "en": {"gross": "gross ", "net": "net ", "unspecified": ""},
    }[lang][salary.basis]
    per = {"fr": {"month": "mensuels", "year": "annuels"}, "en": {"month": "per month", "year": "per year"}}[lang][
        salary.period
    ]
    per = f"{basis}{per}"
    low = format_money(salary.min, lang, salary.currency) if salary.min is not None else None
    high = format_money(salary.max, lang, salary.currency) if salary.max is not None else None
    if low and high:
        amount = low if low == high else t(lang, f"{low} à {high}", f"{low} to {high}")
    elif low:
        amount = t(lang, f"à partir de {low}", f"from {low}")
    elif high:
        amount = t(lang, f"jusqu’à {high}", f"up to {high}")
    else:
        return ""
    return f"{amount} {per}"


def lower_first(text: str) -> str:
    """Lowercase the first letter, unless the first word is an acronym (KPI, CRM)."""
    word = text.split(" ", 1)[0]
    return text if len(word) > 1 and word.isupper() else text[:1].lower() + text[1:]


def join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (" et " if lang == "fr" else " and ") + items[-1]
