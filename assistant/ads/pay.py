"""Pay: read from the brief when it states it, else a visible placeholder (the guide's grid is only a suggestion in
the check's error flag); the pay section is always written by the application, never by the LLM."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from ..guide.framework import Framework
from ..rules.compliance import SalaryRange, parse_salary
from ..rules.models import Flag
from ..text import fold
from .models import AdSection, JobBrief, Salary, SalaryInput
from .wording import format_money, salary_sentence, t

_BARE_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f.,']\d{3})+|\d+(?:[.,]\d+)?)(?![\d\w%€$£])")


def _parse_pay(text: str) -> SalaryRange | None:
    """The pay in a brief's text; a bare figure ("3500", "3 000 - 3 500 brut") is read as an amount in euros."""
    parsed = parse_salary(text)
    if parsed is not None and (parsed.min is not None or parsed.max is not None):
        return parsed
    if re.search(r"[€$£]|\b(?:eur|euros?|usd|gbp)\b|\d\s?k\b", text, re.I):
        return parsed  # a currency is there: the linter's reading stands
    # No currency sign: the hiring manager wrote a figure in a pay field, so it is money (euros by default).
    return parse_salary(_BARE_NUMBER.sub(lambda m: m.group(1) + " €", text))


@dataclass(frozen=True)
class PlannedPay:
    """The pay an ad will state, and what the recruiter should know about how it was read."""

    salary: Salary
    """The amounts, period, basis and source (brief or guide)."""
    flags: list[Flag]
    """Notes on the reading: no basis given, period assumed, unreadable pay, pay taken from the guide."""


PAY_PLACEHOLDER = {"fr": "[salaire à compléter]", "en": "[salary to be confirmed]"}
"""What the ad shows where the brief gives no pay: visible, and an error until the recruiter replaces it."""


def plan_salary(brief: JobBrief, framework: Framework, variable: str | None) -> PlannedPay:
    """Pay from the brief when it reads; else no figure (the ad shows `PAY_PLACEHOLDER`).

    `variable` is the brief's variable pay as it may appear in the ad (screened)."""
    flags: list[Flag] = []
    given = brief.salary
    if isinstance(given, SalaryInput) and (given.min is not None or given.max is not None):
        low, high = given.min, given.max
        if low is not None and high is not None and low > high:
            low, high = high, low
        described = str(given.model_dump(exclude_none=True))
        flags += _range_notes(described, low, high, swapped=False)
        flags += _below_minimum_wage(brief, described, low, given.period, given.basis or "unspecified")
        if given.basis is None:
            flags.append(_basis_flag(str(given.model_dump(exclude_none=True))))
        salary = Salary(
            min=low,
            max=high,
            period=given.period,
            basis=given.basis or "unspecified",
            variable=variable,
            source="brief",
        )
        return PlannedPay(salary, flags)
    if isinstance(given, str):
        parsed = _parse_pay(given)
        unpublishable = _not_starting_pay(given, parsed)
        if unpublishable is not None:
            # OTE, a variable part or a day rate is not a monthly or yearly starting pay: publishing it as the
            # salary would mislead (L5331-3); the ad shows the placeholder and the recruiter gives the fixed pay.
            flags.append(unpublishable)
        elif parsed is not None and (parsed.min is not None or parsed.max is not None):
            low, high = parsed.min, parsed.max
            swapped = low is not None and high is not None and low > high
            if swapped:
                low, high = high, low
            flags += _range_notes(given, low, high, swapped=swapped)
            # Brut or net only when the brief says so: "40 000 € annuel" is not published as gross pay.
            basis = "gross" if parsed.gross is True else "net" if parsed.gross is False else "unspecified"
            if basis == "unspecified":
                flags.append(_basis_flag(given))
            flags += _below_minimum_wage(brief, given, low, parsed.period or "month", basis)
            if parsed.period_assumed:
                period = "per month" if parsed.period == "month" else "per year"
                flags.append(
                    Flag(
                        kind="salary",
                        severity="info",
                        evidence=given,
                        message=(
                            f"The brief's pay (“{given}”) does not say monthly or yearly: read as {period} from the amount "
                            "(below 12,000 = monthly); check it."
                        ),
                        message_fr=(
                            f"La rémunération du brief (« {given} ») ne dit pas si elle est mensuelle ou annuelle : lue "
                            f"comme {'mensuelle' if parsed.period == 'month' else 'annuelle'} d’après le montant "
                            "(moins de 12 000 = mensuelle) ; vérifiez-la."
                        ),
                    )
                )
            salary = Salary(
                min=low,
                max=high,
                period=parsed.period or "month",
                currency=parsed.currency,
                basis=basis,
                variable=variable,
                source="brief",
            )
            return PlannedPay(salary, flags)
        else:
            flags.append(
                Flag(
                    kind="salary",
                    severity="warning",
                    evidence=given,
                    message=(
                        f"The brief's pay (“{given}”) has no readable amount: the ad shows a placeholder to complete; "
                        "give the starting pay or its range."
                    ),
                    message_fr=(
                        f"La rémunération du brief (« {given} ») ne donne aucun montant lisible : l’annonce affiche un "
                        "champ à compléter ; indiquez le salaire d’embauche ou sa fourchette."
                    ),
                )
            )
    # No readable pay: the ad shows a visible placeholder and the check raises an error carrying the guide's
    # grid as a suggestion (`grid_suggestion`); the grid is never written into the ad on its own.
    salary = Salary(
        min=None,
        max=None,
        period=framework.salary.period,
        basis="unspecified",
        variable=variable,
        source="none",
    )
    return PlannedPay(salary, flags)


# The French minimum wage (SMIC) at 1 January 2026: 12,02 € gross an hour, 1 823,03 € gross a month for 35 hours a
# week (ministère du Travail, as reported by apecita-media.com/smic-une-revalorisation-de-118-au-1er-janvier-2026 and
# interiminfo.com); about 1 443 € net a month (the same sources give it as an estimate). Revalued each 1 January:
# update these with the decree.
SMIC_MONTHLY_GROSS = 1823.03
SMIC_MONTHLY_NET = 1443.11
SMIC_AS_OF = "1 January 2026"
_WAGE_CONTRACTS = ("CDI", "CDD", "interim")  # interns (gratification) and apprentices (by age) have other minimums


def _below_minimum_wage(brief: JobBrief, given: str, low: float | None, period: str, basis: str) -> list[Flag]:
    """A warning when a job in France is offered less than the SMIC for full time (unlawful unless part-time)."""
    if brief.country != "FR" or brief.contract not in _WAGE_CONTRACTS or not low:
        return []
    monthly = low / 12 if period == "year" else low
    floor = SMIC_MONTHLY_NET if basis == "net" else SMIC_MONTHLY_GROSS
    if monthly >= floor:
        return []
    kind = "net" if basis == "net" else "brut"
    french = f"{floor:,.2f}".replace(",", "\u202f").replace(".", ",")
    return [
        Flag(
            kind="salary",
            severity="warning",
            evidence=given,
            message=(
                f"The brief's pay (“{given}”) is below the French minimum wage for full time (SMIC, {SMIC_AS_OF}: "
                f"{floor:,.2f} € {'net' if basis == 'net' else 'gross'} a month for 35 hours): unlawful for a full-time "
                "job (Code du travail, L3231-1 and following); if the job is part-time, say so in the ad."
            ),
            message_fr=(
                f"La rémunération du brief (« {given} ») est inférieure au SMIC à temps plein (1er janvier 2026 : "
                f"{french} € {kind} par mois pour 35 heures) : illicite pour un temps plein (Code du travail, L3231-1 et "
                "suivants) ; si le poste est à temps partiel, indiquez-le dans l’annonce."
            ),
        )
    ]


WIDE_RANGE = 3.0
"""A range whose top is more than this many times its bottom is not a range applicants can rely on (EU Directive
2023/970 art. 5 asks for the starting pay or its range): most likely a typo (« 3 000 – 3 000 000 »)."""
_AS_YOU_LIKE = re.compile(
    r"\b(?:selon\s+(?:profil|experience|exp\.?)|a\s+negocier|negociable|a\s+definir|depending\s+on\s+experience|"
    r"negotiable|doe|to\s+be\s+discussed|tbd)\b"
)


def _range_notes(given: str, low: float | None, high: float | None, *, swapped: bool) -> list[Flag]:
    """What the ad changes in the brief's range, said rather than done silently (review of stop 46): a range written
    highest first, « selon profil » beside figures (left out: the range is what applicants get), and a range too wide
    to be one."""
    notes: list[Flag] = []
    if swapped:
        notes.append(
            Flag(
                kind="salary",
                severity="info",
                evidence=given,
                message=f"The brief's pay (“{given}”) gives the range highest first: the ad states it lowest first.",
                message_fr=(
                    f"La rémunération du brief (« {given} ») donne la fourchette en commençant par le haut : "
                    "l’annonce la donne du plus bas au plus haut."
                ),
            )
        )
    words = _AS_YOU_LIKE.search(fold(given))
    if words:
        notes.append(
            Flag(
                kind="salary",
                severity="info",
                evidence=given,
                message=(
                    f"The brief's pay (“{given}”) adds « {words.group(0)} » to its figures: left out, the ad states the "
                    "range, which is what applicants are entitled to know (EU Directive 2023/970 art. 5)."
                ),
                message_fr=(
                    f"La rémunération du brief (« {given} ») ajoute « {words.group(0)} » à ses montants : écarté, "
                    "l’annonce donne la fourchette, que les candidat·es ont le droit de connaître (directive (UE) "
                    "2023/970, art. 5)."
                ),
            )
        )
    if low and high and high > WIDE_RANGE * low:
        notes.append(
            Flag(
                kind="salary",
                severity="warning",
                evidence=given,
                message=(
                    f"The brief's pay range (“{given}”) is implausibly wide (the top is {high / low:.0f} times the "
                    "bottom): check the figures; a range applicants can rely on is what the EU Directive 2023/970 "
                    "art. 5 asks for."
                ),
                message_fr=(
                    f"La fourchette du brief (« {given} ») est anormalement large (le haut vaut {high / low:.0f} fois "
                    "le bas) : vérifiez les montants ; la directive (UE) 2023/970, art. 5, demande une fourchette "
                    "sur laquelle les candidat·es peuvent compter."
                ),
            )
        )
    return notes


def _not_starting_pay(given: str, parsed: SalaryRange | None) -> Flag | None:
    """A warning when the brief's pay is on-target earnings, variable pay only or a day/hourly rate; else None."""
    if parsed is None or parsed.is_starting_pay or (parsed.min is None and parsed.max is None):
        return None
    fixed = "give the fixed (base) pay or its range (the OTE or variable part can go in the variable pay)"
    fixed_fr = "indiquez le fixe (salaire de base) ou sa fourchette (le variable peut figurer dans la part variable)"
    if parsed.pay_type == "ote":
        en = "is on-target earnings (OTE, variable pay included), not the fixed pay"
        fr = "est une rémunération à objectifs atteints (variable compris), pas le fixe"
    elif parsed.pay_type == "variable":
        en, fr = "is variable pay only, not the fixed pay", "n’est que la part variable, pas le fixe"
    else:  # a day or an hourly rate
        en = f"is a{' day' if parsed.rate == 'day' else 'n hourly'} rate, and an ad states pay per month or per year"
        fr = f"est un taux {'journalier' if parsed.rate == 'day' else 'horaire'}, et l’annonce indique un salaire mensuel ou annuel"
        fixed, fixed_fr = "give the pay per month or per year", "indiquez la rémunération mensuelle ou annuelle"
    return Flag(
        kind="salary",
        severity="warning",
        evidence=given,
        message=f"The brief's pay (“{given}”) {en}: the ad shows a placeholder to complete; {fixed}.",
        message_fr=f"La rémunération du brief (« {given} ») {fr} : l’annonce affiche un champ à compléter ; {fixed_fr}.",
    )


def _basis_flag(given: str) -> Flag:
    return Flag(
        kind="salary",
        severity="info",
        evidence=given,
        message=(
            f"The brief's pay (“{given}”) says neither brut/gross nor net: the ad states the amount without either; "
            "add brut or net."
        ),
        message_fr=(
            f"La rémunération du brief (« {given} ») ne dit ni brut ni net : l’annonce donne le montant sans "
            "l’un ni l’autre ; précisez brut ou net."
        ),
    )


def guide_states_band(framework: Framework, low: float | None, high: float | None) -> bool:
    """True when the guide's own salary sentence gives both bounds (the junior band); False for interpolated bands."""
    source = re.sub(r"[\s\u00a0\u202f]", "", framework.salary.source or "")
    return low is not None and high is not None and all(f"{v:g}" in source for v in (low, high))


def pay_section(salary: Salary, framework: Framework, lang: str) -> AdSection:
    """The pay section, always written by the application (never by the LLM): the brief's figures, else a placeholder.

    The guide's grid is never written here on its own, and neither is a variable part the brief did not give."""
    say = partial(t, lang)
    amount = salary_sentence(salary, lang) or PAY_PLACEHOLDER[lang]
    paragraphs = [say(f"Salaire : {amount}.", f"Salary: {amount}.")]
    if salary.variable:
        paragraphs.append(
            say(f"Part variable : {salary.variable.rstrip('.')}.", f"Variable pay: {salary.variable.rstrip('.')}.")
        )
    return AdSection(id="pay", heading=say("Rémunération", "Pay"), paragraphs=paragraphs)


@dataclass(frozen=True)
class GridSuggestion:
    """The guide's grid for a level, offered to the recruiter (in a flag and a fix), never written on its own."""

    salary: Salary
    """The band: the guide's own for junior; interpolated between its figures for mid and senior."""
    amount: str
    """The band as the ad would state it, e.g. '2 920 € à 3 500 € bruts mensuels'."""
    interpolated: bool
    """True when the guide gives no band for this level (the figures are the guide's bounds around it)."""
    year: int | str
    """The grid's year."""


def grid_suggestion(framework: Framework, level: str, lang: str) -> GridSuggestion | None:
    """The guide's grid for `level` as a pay the recruiter may apply; None when the guide has no grid."""
    grid = next((g for key, g in framework.salary.levels.items() if key == level), None)
    low = grid.min if grid else None
    high = grid.max if grid else None
    if low is None and level == "senior":
        # The guide gives seniors only a ceiling ("jusqu'à 5420 €"): the range starts where the junior one ends.
        junior = framework.salary.levels.get("junior")
        low = junior.max if junior else None
    if low is None and high is None:
        return None
    salary = Salary(min=low, max=high, period=framework.salary.period, basis=framework.salary.basis, source="guide")
    return GridSuggestion(
        salary=salary,
        amount=salary_sentence(salary, lang),
        interpolated=not guide_states_band(framework, low, high),
        year=framework.salary.year,
    )


def guide_grid_note(framework: Framework, lang: str) -> str:
    """For an interpolated band: what the guide itself says, so the ad never passes the estimate off as the guide's."""
    grid = framework.salary.levels
    junior, senior = grid.get("junior"), grid.get("senior")
    year = framework.salary.year
    if not (junior and junior.min is not None and junior.max is not None):
        return t(
            lang, " (fourchette indicative, estimée ; à confirmer).", " (indicative, estimated range; to be confirmed)."
        )
    jlo, jhi = format_money(junior.min, lang), format_money(junior.max, lang)
    top = ""
    if senior and senior.max is not None:
        top_fr = format_money(senior.max, lang)
        after = (
            f" à partir de {senior.from_years:g} ans d’expérience"
            if senior.from_years
            else " pour un profil expérimenté"
        )
        after_en = (
            f" from {senior.from_years:g} years of experience" if senior.from_years else " for an experienced profile"
        )
        top = t(lang, f" et jusqu’à {top_fr}{after}", f" and up to {top_fr}{after_en}")
    return t(
        lang,
        f" (fourchette indicative, estimée : la grille {year} du guide de recrutement donne {jlo} à {jhi} mensuels pour "
        f"un profil débutant{top} ; cette fourchette est une interpolation entre ces chiffres, pas un chiffre du guide).",
        f" (indicative, estimated range: the hiring guide's {year} grid gives {jlo} to {jhi} a month for entry-level "
        f"profiles{top}; this range is interpolated between those figures, not a figure from the guide).",
    )
