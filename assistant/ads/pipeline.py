"""Job ads: brief → plan (title, pay, cleaned brief text) → (LLM structured draft | offline composition) → lint.

Only two sources of facts: the brief and the guide's framework. Free text from the brief that names a protected
criterion (or steers to one sex) is left out of the ad and reported as a flag quoting the brief.
"""

from __future__ import annotations

import json
import re
import unicodedata
import weakref
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import ValidationError

from ..errors import InputError, LLMError
from ..guide.models import Citation, ScoredChunk
from ..rules.models import Flag
from ..settings import Settings, get_settings
from ..text import fold, fold_key, sentences
from ..textfile import read_text_input
from .models import AdDraft, AdResult, AdSection, JobAd, JobBrief, Salary, SalaryInput

if TYPE_CHECKING:
    from ..guide.framework import Framework, RecommendedTitle
    from ..guide.knowledge import KnowledgeBase
    from ..services import Services

MAX_BRIEF_BYTES = 256 * 1024
MAX_LIST_ITEMS = 50
MAX_COUNT = 1_000_000  # partners, team sizes: a larger figure is a typo or hostile input
COUNT_FIELDS = ("partners_count", "team_size", "team_to_manage")
TEXT_LIST_FIELDS = ("requirements", "company_pitch", "accounts")
LANGUAGES = ("fr", "en")

# --------------------------------------------------------------------------- brief loading


def _table(groups: dict[str, list[str]]) -> dict[str, str]:
    return {fold_key(word): value for value, words in groups.items() for word in [value, *words]}


# Synonyms are compared through fold_key(), which drops accents, case, plurals and feminine endings.
SENIORITY_SYNONYMS = _table({
    # "jeune diplômé" is understood but never written in an ad: it refers to age (see plan_ad).
    "junior": ["débutant", "débutant accepté", "entry level", "entry-level", "graduate", "premier emploi",
               "première expérience", "jeune diplômé"],
    "mid": ["confirmé", "intermédiaire", "intermediate", "mid-level", "mid level", "medior"],
    "senior": ["expérimenté", "experienced", "expert", "senior confirmé"],
})
CONTRACT_SYNONYMS = _table({
    "CDI": ["permanent", "permanent contract", "contrat à durée indéterminée"],
    "CDD": ["fixed-term", "fixed term contract", "contrat à durée déterminée"],
    "freelance": ["free-lance", "contractor", "indépendant", "portage salarial"],
    "stage": ["internship", "intern", "stagiaire"],
    "alternance": ["apprentissage", "apprenticeship", "work-study", "contrat de professionnalisation"],
    "interim": ["intérim", "temp", "temporary", "travail temporaire"],
})
REMOTE_SYNONYMS = _table({
    "no": ["non", "none", "aucun", "on-site", "onsite", "sur site", "présentiel", "office", "false"],
    "hybrid": ["hybride", "partial", "partiel", "télétravail partiel", "partial remote", "flexible", "true", "yes", "oui"],
    "full": ["full remote", "fully remote", "remote", "100%", "100% remote", "100% télétravail", "télétravail complet",
             "télétravail total", "full télétravail"],
})
LANGUAGE_SYNONYMS = _table({"fr": ["french", "français"], "en": ["english", "anglais"]})
COUNTRY_SYNONYMS = {
    "france": "FR", "belgique": "BE", "belgium": "BE", "suisse": "CH", "switzerland": "CH", "luxembourg": "LU",
    "royaume uni": "GB", "united kingdom": "GB", "uk": "GB", "allemagne": "DE", "germany": "DE", "espagne": "ES",
    "spain": "ES", "italie": "IT", "italy": "IT", "irlande": "IE", "ireland": "IE", "canada": "CA",
    "etats unis": "US", "united states": "US", "usa": "US", "pays bas": "NL", "netherlands": "NL",
}


def _valid_keys() -> list[str]:
    return list(JobBrief.model_fields)


def _invisible_free(text: str) -> str:
    """The text without zero-width, bidi or tag characters, which could hide a word ("jeu\u200bne") from the checks."""
    from ..rules.safety import sanitize

    return sanitize(text).text


def _normalise(field_name: str, value: Any, table: dict[str, str], valid: list[str]) -> str:
    if isinstance(value, bool):
        value = "true" if value else "false"
    if not isinstance(value, str):
        raise InputError(f"`{field_name}` must be text; valid values: {', '.join(valid)}.")
    found = table.get(fold_key(value))
    if found is None:
        raise InputError(f"Unknown {field_name} {value!r}; valid values: {', '.join(valid)}.")
    return found


def _count(field_name: str, value: Any) -> int:
    """A whole count: an int or a string of digits ("12", as a form may send it); never a bool or a fraction."""
    if isinstance(value, bool):  # YAML `true` is not 1 person
        raise InputError(f"`{field_name}` must be a whole number (e.g. 12), not {str(value).lower()}.")
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # JSON may send 12.0
    if isinstance(value, str) and re.fullmatch(r"\s*\d{1,9}\s*", value):
        value = int(value)
    if not isinstance(value, int):
        raise InputError(f"`{field_name}` must be a whole number (e.g. 12), not {value!r}.")
    if not 0 <= value <= MAX_COUNT:
        raise InputError(f"`{field_name}` must be between 0 and {MAX_COUNT:,}, not {value:,}.")
    return value


def brief_from_dict(data: dict[str, Any], *, settings: Settings | None = None) -> JobBrief:
    """Validate a brief given as a mapping (a parsed file or the UI form); InputError says what to fix."""
    if not isinstance(data, dict):
        raise InputError(f"A brief must be a mapping of keys to values, not {type(data).__name__}.")
    limit = (settings or get_settings()).max_field_chars
    valid = _valid_keys()
    unknown = [str(k) for k in data if k not in valid]
    if unknown:
        raise InputError(f"Unknown key(s) in the brief: {', '.join(unknown)}. Valid keys: {', '.join(valid)}.")
    values: dict[str, Any] = {}
    for key, value in data.items():
        if value is None or (isinstance(value, str) and not value.strip()) or value == []:
            continue  # an empty form field means "not given"
        if key in TEXT_LIST_FIELDS and isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = "\n".join(value)  # requirements written as a YAML list
        if isinstance(value, str):
            value = _invisible_free(value).strip()
            if len(value) > limit:
                raise InputError(f"`{key}` is {len(value)} characters long; the limit is {limit}. Shorten it.")
        values[key] = value
    if not str(values.get("company", "")).strip():
        raise InputError("The brief has no `company`: add the hiring company's name (company: ...).")
    seniority_raw = values.get("seniority")
    if "seniority" in values:
        values["seniority"] = _normalise("seniority", values["seniority"], SENIORITY_SYNONYMS, ["junior", "mid", "senior"])
    if "contract" in values:
        values["contract"] = _normalise("contract", values["contract"], CONTRACT_SYNONYMS,
                                        ["CDI", "CDD", "freelance", "stage", "alternance", "interim"])
    if "remote" in values:
        values["remote"] = _normalise("remote", values["remote"], REMOTE_SYNONYMS, ["no", "hybrid", "full"])
    if "language" in values:
        values["language"] = _normalise("language", values["language"], LANGUAGE_SYNONYMS, ["fr", "en"])
    if "country" in values:
        country = values["country"]
        if not isinstance(country, str):
            raise InputError("`country` must be a country name or an ISO code such as FR.")
        code = COUNTRY_SYNONYMS.get(" ".join(re.sub(r"[^a-z]+", " ", fold(country)).split()))
        if code is None and re.fullmatch(r"[A-Za-z]{2}", country):
            code = country.upper()
        if code is None:
            raise InputError(f"Unknown country {country!r}: give an ISO code such as FR, BE, CH, GB.")
        values["country"] = code
    if "key_clients" in values:
        clients = values["key_clients"]
        if isinstance(clients, str):
            clients = [c.strip() for c in re.split(r"[,;\n]", clients) if c.strip()]
        if not isinstance(clients, list) or not all(isinstance(c, (str, int, float)) for c in clients):
            raise InputError("`key_clients` must be a list of client names (or a comma-separated text).")
        if len(clients) > MAX_LIST_ITEMS:
            raise InputError(f"`key_clients` has {len(clients)} names; the limit is {MAX_LIST_ITEMS}.")
        clients = [_invisible_free(str(c)).strip() for c in clients]
        for name in clients:
            if len(name) > limit:
                raise InputError(f"A `key_clients` entry is {len(name)} characters long; the limit is {limit}.")
        values["key_clients"] = [c for c in clients if c]
    for name in COUNT_FIELDS:
        if name in values:
            values[name] = _count(name, values[name])
    if isinstance(values.get("salary"), (int, float)) and not isinstance(values.get("salary"), bool):
        values["salary"] = f"{values['salary']:g}"  # `salary: 3500` in YAML: a bare amount, read like "3500"
    try:
        brief = JobBrief.model_validate(values)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'brief'}: {err['msg']}" for err in exc.errors(include_url=False)
        )
        raise InputError(f"The brief is not valid: {problems}.") from exc
    if brief.date_posted and brief.valid_through and brief.valid_through < brief.date_posted:
        raise InputError(f"`valid_through` ({brief.valid_through}) is before `date_posted` ({brief.date_posted}): "
                         "the ad would expire before it is published.")
    if isinstance(seniority_raw, str) and "jeune" in fold(seniority_raw):
        brief._seniority_note = seniority_raw  # kept to warn that "jeune" refers to age
    return brief


def load_brief(path: Path, *, settings: Settings | None = None) -> JobBrief:
    """Read a brief from a YAML or JSON file."""
    path = Path(path)
    text = read_text_input(path, what="brief", max_bytes=MAX_BRIEF_BYTES)
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            data = yaml.safe_load(text)  # YAML is a superset of JSON
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: not valid {'JSON' if path.suffix.lower() == '.json' else 'YAML'}: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: a brief is a mapping of keys to values (company: ..., seniority: ...).")
    return brief_from_dict(data, settings=settings)


# --------------------------------------------------------------------------- the plan: facts every backend shares


@dataclass
class AdPlan:
    """What the ad will say, decided before any wording: title, pay, kept brief text, flags about the brief."""

    brief: JobBrief
    lang: str
    title: RecommendedTitle
    profile: str  # farmer | hunter | both
    key_accounts: bool
    international: bool
    salary: Salary
    date_posted: date
    pitch: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    accounts: str | None = None
    sector: str | None = None
    key_clients: list[str] = field(default_factory=list)
    location: str | None = None
    flags: list[Flag] = field(default_factory=list)

    @property
    def title_text(self) -> str:
        return f"{self.title.label} (F/H)"


_KEY_ACCOUNTS = re.compile(r"\b(?:comptes? cles?|key accounts?|grands? comptes?|strategic accounts?|comptes? strategiques?|kam)\b")
_INTERNATIONAL = re.compile(
    r"\b(?:internationa\w*|global\w*|worldwide|monde|mondia\w*|multi ?pays|multinational\w*|anglais|english|"
    r"europe\w*|emea|apac|etranger\w*|abroad|cross border)\b"
)
_HUNTER = re.compile(r"\b(?:prospect\w*|nouveaux clients|new clients|new business|chasseur|hunter|conquete\w*|"
                     r"acquisition|new logos|demarch\w*|conquerir|win new)\b")
_FARMER = re.compile(r"\b(?:clients? existants?|existing (?:clients|customers|accounts)|portefeuille existant|"
                     r"fidelis\w*|retention|farmer|fermier|upsell|renouvel\w*|renewals?)\b")
_GENDER_MARK = re.compile(r"\s*[(\[]?\s*(?:[HFMW]\s*/\s*[HFMW]|[HF]\s*/\s*[HF]\s*/\s*[XN])\s*[)\]]?\s*$", re.I)


def _brief_text(brief: JobBrief) -> str:
    parts = [brief.sector, brief.accounts, brief.requirements, brief.company_pitch, brief.requested_title]
    return fold(" ".join(p for p in parts if p))


def plan_ad(brief: JobBrief, framework: Framework, lang: str, *, today: date | None = None) -> AdPlan:
    """Decide the facts of the ad from the brief and the framework (no wording yet)."""
    from ..rules import compliance

    text = _brief_text(brief)
    profile = brief.profile or (
        "both" if _HUNTER.search(text) and _FARMER.search(text) else "hunter" if _HUNTER.search(text) else "farmer"
    )
    key_accounts = bool(_KEY_ACCOUNTS.search(text))
    international = bool(_INTERNATIONAL.search(text))
    flags: list[Flag] = []
    title = _choose_title(brief, framework, lang, key_accounts=key_accounts, international=international,
                          profile=profile, flags=flags)
    salary = _plan_salary(brief, framework, lang, flags, compliance)
    note = getattr(brief, "_seniority_note", None)
    if note:
        flags.append(Flag(
            kind="discrimination", severity="warning", evidence=note,
            message=f"The level “{note}” refers to age: the ad says it is open to entry-level candidates instead.",
        ))
    today = today or date.today()
    flags += _date_flags(brief, today)
    plan = AdPlan(
        brief=brief, lang=lang, title=title, profile=profile, key_accounts=key_accounts, international=international,
        salary=salary, date_posted=brief.date_posted or today,
    )
    plan.pitch = _clean_text(brief.company_pitch, "company_pitch", framework, lang, flags)
    plan.requirements = _clean_text(brief.requirements, "requirements", framework, lang, flags)
    plan.accounts = " ".join(_clean_text(brief.accounts, "accounts", framework, lang, flags)) or None
    plan.sector = " ".join(_clean_text(brief.sector, "sector", framework, lang, flags)) or None
    plan.location = " ".join(_clean_text(brief.location, "location", framework, lang, flags)) or None
    plan.salary.variable = " ".join(_clean_text(brief.variable_pay, "variable_pay", framework, lang, flags)) or None
    if not plan.salary.variable and framework.salary.variable_pct:
        flags.append(Flag(kind="salary", severity="info", message=(
            "No variable pay in the brief: the ad mentions the guide's usual range "
            f"({framework.salary.variable_pct.min:g} to {framework.salary.variable_pct.max:g} %); confirm it or remove it.")))
    for client in brief.key_clients:
        if _clean_text(client, "key_clients", framework, lang, flags):
            plan.key_clients.append(client)
    plan.flags = flags
    return plan


def _date_flags(brief: JobBrief, today: date) -> list[Flag]:
    """A publication date in the past, or an expiry date already gone, is most likely a stale brief."""
    flags = []
    if brief.date_posted and (today - brief.date_posted).days > 1:
        flags.append(Flag(kind="date", severity="warning", evidence=brief.date_posted.isoformat(), message=(
            f"The brief's publication date {brief.date_posted.isoformat()} is in the past (today is {today.isoformat()}): "
            "an ad is dated the day it is published (Code du travail L5332-1); check the date.")))
    if brief.valid_through and brief.valid_through < today:
        flags.append(Flag(kind="date", severity="warning", evidence=brief.valid_through.isoformat(), message=(
            f"The brief's expiry date {brief.valid_through.isoformat()} has passed: the ad would be published expired.")))
    return flags


def _t(lang: str, fr: str, en: str) -> str:
    return fr if lang == "fr" else en


def _choose_title(
    brief: JobBrief, framework: Framework, lang: str, *, key_accounts: bool, international: bool, profile: str,
    flags: list[Flag],
) -> RecommendedTitle:
    """The requested title when the guide recommends it; a discouraged one is replaced by its suggestion."""
    level = brief.seniority
    recommended = framework.titles.recommended
    requested = brief.requested_title
    problems = _offending(requested, framework, lang, title=True) if requested else []
    if requested and problems:  # "Vendeuse H/F", "Jeune commercial": never used, the guide's title instead
        flags.append(_brief_flag("requested_title", requested, problems, lang))
        requested = None
    if requested:
        bare = _GENDER_MARK.sub("", requested).strip()
        for bad in framework.titles.discouraged:
            if any(re.search(p, fold(bare)) or re.search(p, bare.casefold()) for p in bad.patterns):
                suggestion = framework.title(bad.suggest)
                flags.append(Flag(
                    kind="title", severity="warning", evidence=requested,
                    message=f"Requested title “{requested}” is discouraged: {bad.reason.en} The ad uses “{suggestion.label}”.",
                ))
                return suggestion
        for title in recommended:
            if fold(bare) == fold(title.label) or fold(bare) in {fold(title.id.replace("_", " ")), fold(title.id)}:
                if level in title.levels:
                    return title
                flags.append(Flag(
                    kind="title", severity="info", evidence=requested,
                    message=f"The guide keeps “{title.label}” for levels {', '.join(title.levels)}; title chosen by level instead.",
                ))
                break
        else:
            flags.append(Flag(
                kind="title", severity="info", evidence=requested,
                message=f"“{requested}” is not one of the guide's recommended titles; the ad uses one of them.",
            ))
    scope = "key_accounts" if key_accounts or (brief.team_to_manage or 0) > 0 else "standard"
    fits = [t for t in recommended if t.scope == scope and level in t.levels]
    if scope == "key_accounts" and fits:
        wanted = "global_account_manager" if international else "key_account_manager"
        return next((t for t in fits if t.id == wanted), next((t for t in fits if t.id == "key_account_manager"), fits[0]))
    standard = [t for t in recommended if t.scope == "standard" and level in t.levels] or recommended
    if profile == "hunter":
        return next((t for t in standard if t.id == "account_executive"), standard[0])
    return next((t for t in standard if t.id == "account_manager"), standard[0])


_BARE_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f.,']\d{3})+|\d+(?:[.,]\d+)?)(?![\d\w%€$£])")


def _parse_pay(text: str, compliance: Any) -> Any:
    """The pay in a brief's text; a bare figure ("3500", "3 000 - 3 500 brut") is read as an amount in euros."""
    parsed = compliance.parse_salary(text)
    if parsed is not None and (parsed.min is not None or parsed.max is not None):
        return parsed
    if re.search(r"[€$£]|\b(?:eur|euros?|usd|gbp)\b|\d\s?k\b", text, re.I):
        return parsed  # a currency is there: the linter's reading stands
    # No currency sign: the hiring manager wrote a figure in a pay field, so it is money (euros by default).
    return compliance.parse_salary(_BARE_NUMBER.sub(lambda m: m.group(1) + " €", text))


def _plan_salary(brief: JobBrief, framework: Framework, lang: str, flags: list[Flag], compliance: Any) -> Salary:
    """Pay from the brief when it reads; else the guide's grid for the level, marked as such."""
    variable = brief.variable_pay
    given = brief.salary
    if isinstance(given, SalaryInput) and (given.min is not None or given.max is not None):
        low, high = given.min, given.max
        if low is not None and high is not None and low > high:
            low, high = high, low
        if given.basis is None:
            flags.append(_basis_flag(str(given.model_dump(exclude_none=True))))
        return Salary(min=low, max=high, period=given.period, basis=given.basis or "unspecified", variable=variable,
                      source="brief")
    if isinstance(given, str):
        parsed = _parse_pay(given, compliance)
        if parsed is not None and (parsed.min is not None or parsed.max is not None):
            low, high = parsed.min, parsed.max
            if low is not None and high is not None and low > high:
                low, high = high, low
            # Brut or net only when the brief says so: "40 000 € annuel" is not published as gross pay.
            basis = "gross" if parsed.gross is True else "net" if parsed.gross is False else "unspecified"
            if basis == "unspecified":
                flags.append(_basis_flag(given))
            if parsed.period_assumed:
                period = "per month" if parsed.period == "month" else "per year"
                flags.append(Flag(kind="salary", severity="info", evidence=given, message=(
                    f"The brief's pay (“{given}”) does not say monthly or yearly: read as {period} from the amount "
                    "(below 12,000 = monthly); check it.")))
            return Salary(min=low, max=high, period=parsed.period or "month", currency=parsed.currency,
                          basis=basis, variable=variable, source="brief")
        flags.append(Flag(
            kind="salary", severity="warning", evidence=given,
            message=f"The brief's pay (“{given}”) has no readable amount: the ad shows the guide's figures instead; give a range.",
        ))
    grid = framework.salary.levels.get(brief.seniority)
    low = grid.min if grid else None
    high = grid.max if grid else None
    if low is None and brief.seniority == "senior":
        # The guide gives seniors only a ceiling ("jusqu'à 5420 €"): the range starts where the junior one ends.
        junior = framework.salary.levels.get("junior")
        low = junior.max if junior else None
    if given is None:  # an unreadable pay already has its warning: no second, contradictory note
        level = f"{brief.seniority} level" + ("" if "seniority" in brief.model_fields_set else " (the brief gives no level)")
        stated = "" if guide_states_band(framework, low, high) else " (interpolated: the guide gives no band for this level)"
        flags.append(Flag(
            kind="salary", severity="info",
            message=(f"No pay in the brief: the ad shows a range from the guide's {framework.salary.year} grid for the "
                     f"{level}{stated}; confirm before publishing."),
        ))
    return Salary(min=low, max=high, period=framework.salary.period, basis=framework.salary.basis,
                  variable=variable, source="guide")


def _basis_flag(given: str) -> Flag:
    return Flag(kind="salary", severity="info", evidence=given, message=(
        f"The brief's pay (“{given}”) says neither brut/gross nor net: the ad states the amount without either; "
        "add brut or net."))


def guide_states_band(framework: Framework, low: float | None, high: float | None) -> bool:
    """True when the guide's own salary sentence gives both bounds (the junior band); False for interpolated bands."""
    source = re.sub(r"[\s\u00a0\u202f]", "", framework.salary.source or "")
    return low is not None and high is not None and all(f"{v:g}" in source for v in (low, high))


# --------------------------------------------------------------------------- keeping protected criteria out


def _units(text: str) -> list[str]:
    """Sentences and lines of a free-text field."""
    parts = re.split(r"\n+|(?<=[.!?;])\s+|\s+[•·]\s+|^\s*[-*•]\s+", text, flags=re.M)
    return [p.strip(" -*•\t") for p in parts if p and p.strip(" -*•\t")]


def _offending(text: str, framework: Framework, lang: str, *, title: bool = False) -> list[Flag]:
    """Protected criteria and gendered forms in a piece of brief text (the linter's own rules).

    Masculine-coded words (info) are not a reason to leave text out; the linter still reports them on the ad.
    """
    from ..rules import compliance, safety

    found = safety.find_protected_criteria(text, context="ad")
    found += [f for f in compliance.find_gendered_wording(text, lang) if f.severity != "info"]
    if title:  # a title is checked as a title: a gendered noun needs no determiner there ("Vendeuse H/F")
        as_title = f"# {_GENDER_MARK.sub('', text).strip()} (F/H)\n"
        found += [f for f in compliance.lint_ad(as_title, framework=framework, language=lang, date_posted=date.today(),
                                                job_in_france=False)
                  if f.kind in ("gendered_wording", "discrimination") and f.severity != "info"]
    return found


def _clean_text(text: str | None, field_name: str, framework: Framework, lang: str, flags: list[Flag]) -> list[str]:
    """The sentences of a brief field that may appear in the ad; each left-out part becomes a flag quoting it."""
    if not text:
        return []
    kept: list[str] = []
    for unit in _units(text):
        problems = _offending(unit, framework, lang)
        if not problems:
            kept.append(unit)
            continue
        # Keep the clean parts of the sentence ("Profil commercial, moins de 30 ans" → "Profil commercial").
        parts = [p.strip(" .") for p in re.split(r",|\bet\b|\band\b", unit) if p.strip(" .")]
        bad = {p: found for p in parts if (found := _offending(p, framework, lang))}
        if not bad:  # the criterion spans the parts: the whole sentence goes
            flags.append(_brief_flag(field_name, unit, problems, lang))
            continue
        for part, found in bad.items():
            flags.append(_brief_flag(field_name, part, found, lang))
        rest = ", ".join(p for p in parts if p not in bad)
        if len(re.findall(r"\w", rest)) >= 3 and not _offending(rest, framework, lang):
            kept.append(rest[0].upper() + rest[1:] + ("" if rest[-1] in ".!?…" else "."))
    return kept


def _brief_flag(field_name: str, quote: str, problems: list[Flag], lang: str) -> Flag:
    kind = "discrimination" if any(p.kind == "discrimination" for p in problems) else "gendered_wording"
    why = problems[0].message if problems else ""
    return Flag(
        kind=kind, severity="error" if kind == "discrimination" else "warning", evidence=quote,
        message=(f"The brief ({field_name}) asks for “{quote}”: a protected criterion, left out of the ad. {why}"
                 if kind == "discrimination" else
                 f"The brief ({field_name}) has gendered wording “{quote}”: left out of the ad. {why}").strip(),
    )


# --------------------------------------------------------------------------- retrieval and citations

SECTION_QUERIES = {
    "company": "valoriser votre organisation clients prestigieux nombre de partners taille de l'équipe expertise secteur",
    "missions": "le métier s'articule autour de 4 axes accompagnement portefeuille client indicateurs de performance",
    "profile": "compétences à viser culture marketing expérience formation soft skills",
    "pay": "grille de salaire fourchette débutant mensuel part variable",
    "process": "process d'entretien téléphonique face à face étude de cas",
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text.replace("**", ""))).casefold().strip()


def _chunks_for(kb: KnowledgeBase, sources: list[str]) -> list[str]:
    """Ids of the smallest chunks that contain each framework source quote verbatim."""
    ids: list[str] = []
    for source in sources:
        needle = _norm(source)
        holders = [c for c in kb.chunks if needle in _norm(c.text)]
        if holders:
            best = min(holders, key=lambda c: len(c.text))
            if best.id not in ids:
                ids.append(best.id)
    return ids


_RETRIEVED: dict[tuple[int, int], tuple[weakref.ref[Any], dict[str, list[ScoredChunk]]]] = {}


def retrieve_sections(kb: KnowledgeBase, k: int = 4) -> dict[str, list[ScoredChunk]]:
    """The guide passages retrieved for each section of an ad (the queries are fixed: computed once per KB)."""
    cached = _RETRIEVED.get((id(kb), k))
    if cached is not None and cached[0]() is kb:
        hits = cached[1]
    else:
        hits = {section: kb.search(query, k=k) for section, query in SECTION_QUERIES.items()}
        _RETRIEVED[(id(kb), k)] = (weakref.ref(kb), hits)
    return {section: list(h) for section, h in hits.items()}


# --------------------------------------------------------------------------- offline composition

_MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre"]
_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
CONTRACT_LABELS = {
    "fr": {"CDI": "CDI", "CDD": "CDD", "freelance": "freelance", "stage": "stage", "alternance": "alternance",
           "interim": "intérim"},
    "en": {"CDI": "permanent contract (CDI)", "CDD": "fixed-term contract (CDD)", "freelance": "freelance",
           "stage": "internship", "alternance": "work-study (alternance)", "interim": "temporary (intérim)"},
}
CONTRACT_PHRASES = {
    "fr": {"CDI": "en CDI", "CDD": "en CDD", "freelance": "en freelance", "stage": "en stage",
           "alternance": "en alternance", "interim": "en intérim"},
    "en": {"CDI": "on a permanent contract (CDI)", "CDD": "on a fixed-term contract (CDD)", "freelance": "as a freelancer",
           "stage": "as an intern", "alternance": "on a work-study contract (alternance)",
           "interim": "on a temporary assignment (intérim)"},
}
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
    basis = {"fr": {"gross": "bruts ", "net": "nets ", "unspecified": ""},
             "en": {"gross": "gross ", "net": "net ", "unspecified": ""}}[lang][salary.basis]
    per = {"fr": {"month": "mensuels", "year": "annuels"}, "en": {"month": "per month", "year": "per year"}}[lang][salary.period]
    per = f"{basis}{per}"
    low = format_money(salary.min, lang, salary.currency) if salary.min is not None else None
    high = format_money(salary.max, lang, salary.currency) if salary.max is not None else None
    if low and high:
        amount = low if low == high else _t(lang, f"{low} à {high}", f"{low} to {high}")
    elif low:
        amount = _t(lang, f"à partir de {low}", f"from {low}")
    elif high:
        amount = _t(lang, f"jusqu’à {high}", f"up to {high}")
    else:
        return ""
    return f"{amount} {per}"


def _lower_first(text: str) -> str:
    """Lowercase the first letter, unless the first word is an acronym (KPI, CRM)."""
    word = text.split(" ", 1)[0]
    return text if len(word) > 1 and word.isupper() else text[:1].lower() + text[1:]


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (" et " if lang == "fr" else " and ") + items[-1]


# The guide's sentence behind the farmer wording (not a framework item, so quoted here for the citation).
FARMER_SOURCE = "construire et de maintenir un lien de confiance avec les différents interlocuteurs"


def _skill_line(label: str, description: str) -> str:
    """'Label — description', or just the description when it repeats the label."""
    if fold(label) in fold(description):
        return description[:1].upper() + description[1:]
    return f"{label} — {_lower_first(description)}"


def compose_offline(plan: AdPlan, framework: Framework) -> tuple[list[AdSection], dict[str, list[str]], dict[str, Any]]:
    """The ad's sections written from templates, with the framework sources each section used."""
    lang, brief = plan.lang, plan.brief
    t = lambda fr, en: _t(lang, fr, en)  # noqa: E731
    sources: dict[str, list[str]] = {}

    # The company: the guide's four selling points, filled only from the brief.
    paragraphs = list(plan.pitch)
    contract = CONTRACT_PHRASES[lang][brief.contract]
    where = f" {t('à', 'in')} {plan.location}" if plan.location and brief.remote != "full" else ""
    article = "an" if plan.title.label[:1] in "AEIOU" else "a"
    paragraphs.insert(0, t(f"{brief.company} recrute un·e {plan.title.label} (F/H) {contract}{where}.",
                           f"{brief.company} is hiring {article} {plan.title.label}{where} {contract}."))
    facts: list[str] = []
    used_points = []
    for point in framework.selling_points:
        if point.brief_field == "key_clients" and plan.key_clients:
            facts.append(t(f"Parmi nos clients : {_join(plan.key_clients, lang)}.",
                           f"Our clients include {_join(plan.key_clients, lang)}."))
        elif point.brief_field == "partners_count" and brief.partners_count:
            facts.append(t(f"{brief.partners_count} partners (clients) nous font déjà confiance.",
                           f"{brief.partners_count} partners (clients) already work with us."))
        elif point.brief_field == "team_size" and brief.team_size:
            n = brief.team_size
            facts.append(t(f"Vous rejoindrez une équipe de {n} personne{'s' if n > 1 else ''}.",
                           f"You will join a team of {n} {'people' if n > 1 else 'person'}."))
        elif point.brief_field == "sector" and plan.sector:
            facts.append(t(f"Notre secteur d’expertise : {plan.sector}.", f"Our sector of expertise: {plan.sector}."))
        else:
            continue
        used_points.append(point.source)
    if facts:
        paragraphs.append(" ".join(facts))
    of = "d’" if fold(brief.company[:1]) in "aeiouyh" else "de "
    company = AdSection(id="company", heading=t(f"À propos {of}{brief.company}", f"About {brief.company}"),
                        paragraphs=paragraphs)
    sources["company"] = used_points

    # The missions: the four axes, chosen by profile (hunter/farmer) and team.
    intro = t("Interlocuteur ou interlocutrice privilégié·e de vos clients, vous gérez et développez un portefeuille "
              "client après la signature du contrat.",
              "As your clients' main point of contact, you manage and grow a client portfolio once the contract is signed.")
    intros = [intro]
    mission_sources = [framework.role.source] if framework.role.source else []
    if plan.accounts:
        intros.append(t(f"Votre périmètre : {plan.accounts}", f"Your scope: {plan.accounts}").rstrip(".") + ".")
    profiles = {p.id: p for p in framework.missions.profiles}
    if plan.profile in ("farmer", "both") and "farmer" in profiles:
        intros.append(t("Vous vous occupez des clients existants : vous construisez et maintenez un lien de confiance avec "
                        "vos interlocuteurs, afin de confirmer voire d’accroître le budget engagé par le client et de "
                        "proposer des offres complémentaires.",
                        "You look after existing clients: you build and maintain trust with your contacts, to confirm or "
                        "grow the budget each client commits and to offer complementary products."))
        mission_sources += [profiles["farmer"].source, FARMER_SOURCE]
    if plan.profile in ("hunter", "both") and "hunter" in profiles:
        intros.append(t("Vous prospectez afin de faire signer de nouveaux contrats.",
                        "You prospect to sign new contracts."))
        mission_sources.append(profiles["hunter"].source)
    bullets = []
    for axis in framework.missions.axes:
        if axis.id == "new_markets" and plan.profile == "farmer":
            continue
        if axis.id == "team_management":
            if not brief.team_to_manage:
                continue
            n = brief.team_to_manage
            bullets.append(t(f"{axis.label.fr} — encadrer une équipe de {n} personne{'s' if n > 1 else ''}.",
                             f"{axis.label.en} — leading a team of {n} {'people' if n > 1 else 'person'}."))
        else:
            bullets.append(f"{axis.label.get(lang)} — {_lower_first(axis.details.get(lang))}")
        mission_sources.append(axis.source)
    missions = AdSection(id="missions", heading=t("Vos missions", "What you will do"), paragraphs=intros, bullets=bullets)
    sources["missions"] = mission_sources

    # The profile: experience by level, education, skills, soft skills, the brief's own (clean) requirements.
    comp = {c.id: c for c in framework.competencies}
    senior_years = framework.salary.levels.get("senior")
    years = senior_years.from_years if senior_years and senior_years.from_years else None
    experience = {
        "junior": t("Débutant·e accepté·e : une première expérience en relation client, consulting, gestion de projet "
                    "ou business development est appréciée.",
                    "Entry level welcome: a first experience in customer relations, consulting, project management or "
                    "business development is a plus."),
        "mid": t("Vous avez une expérience significative dans un poste similaire ; une expérience en relation client, "
                 "consulting, gestion de projet, organisation ou business development est particulièrement appréciée.",
                 "You have significant experience in a similar role; experience in customer relations, consulting, "
                 "project management, operations or business development is especially welcome."),
        "senior": t(f"Vous avez {'au moins ' + str(years) + ' ans d’' if years else 'une solide '}expérience dans un poste similaire, "
                    "idéalement complétée par une expérience en conseil, gestion de projet ou business development.",
                    f"You have {'at least ' + str(years) + ' years of ' if years else 'solid '}experience in a similar role, "
                    "ideally alongside consulting, project management or business development experience."),
    }[brief.seniority]
    education = t(f"Formation : {_lower_first(comp['education'].description.fr)}",
                  f"Education: {_lower_first(comp['education'].description.en)}")
    profile_sources = [comp["experience_similar"].source, comp["experience_adjacent"].source, comp["education"].source]
    if brief.seniority == "senior" and years:
        profile_sources.append(framework.salary.source)
    skill_ids = ["marketing_culture", "data_kpi", "sales_temperament", "conflict_resolution"]
    if plan.international:
        skill_ids.append("english")
    if brief.seniority != "junior":
        skill_ids.append("process_improvement")
    if plan.sector or plan.key_accounts:
        skill_ids.append("sector_knowledge")
    if plan.profile in ("hunter", "both"):
        skill_ids.append("network")
    if brief.team_to_manage:
        skill_ids.append("team_management")
    skill_bullets, skills = [], []
    for cid in skill_ids:
        c = comp[cid]
        if cid == "english":
            line = t("Anglais — un bon niveau est requis, dans un contexte international.",
                     "English — a good level is required, in an international context.")
        else:
            line = _skill_line(c.label.get(lang), c.description.get(lang))
        skill_bullets.append(line)
        skills.append(c.label.get(lang))
        profile_sources.append(c.source)
    soft = [c for c in framework.competencies if c.group == "soft_skill"]
    soft_labels = [_lower_first(c.label.get(lang)) for c in soft]
    skill_bullets.append(t(f"Qualités attendues : {_join(soft_labels, lang)}.", f"Soft skills: {_join(soft_labels, lang)}."))
    skills.extend(c.label.get(lang) for c in soft)
    profile_sources.extend(c.source for c in soft)
    if plan.requirements:
        skill_bullets.extend(plan.requirements)
    profile = AdSection(id="profile", heading=t("Votre profil", "About you"), paragraphs=[experience, education],
                        bullets=skill_bullets)
    sources["profile"] = profile_sources

    pay = pay_section(plan, framework)
    sources["pay"] = [framework.salary.source]

    steps = framework.interview.steps
    process = AdSection(
        id="process", heading=t("Processus de recrutement", "Hiring process"),
        bullets=[f"{s.label.get(lang)} — {_lower_first(s.description.get(lang))}" for s in steps],
    )
    sources["process"] = [s.source for s in steps]
    extra = {"skills": skills, "experience": experience, "education": education}
    return [company, missions, profile, pay, process], sources, extra


def pay_section(plan: AdPlan, framework: Framework) -> AdSection:
    """The pay section, always written by the application (never by the LLM): figures must be the brief's or the guide's."""
    lang, salary = plan.lang, plan.salary
    t = lambda fr, en: _t(lang, fr, en)  # noqa: E731
    paragraphs = []
    amount = salary_sentence(salary, lang)
    if amount:
        line = t(f"Salaire : {amount}", f"Salary: {amount}")
        if salary.source == "guide" and guide_states_band(framework, salary.min, salary.max):
            line += t(f" (fourchette indicative pour ce niveau, d’après la grille {framework.salary.year} du guide de recrutement).",
                      f" (indicative range for this level, from the hiring guide's {framework.salary.year} grid).")
        elif salary.source == "guide":
            line += guide_grid_note(framework, lang)
        else:
            line += "."
        paragraphs.append(line)
    pct = framework.salary.variable_pct
    if salary.variable:
        paragraphs.append(t(f"Part variable : {salary.variable.rstrip('.')}.", f"Variable pay: {salary.variable.rstrip('.')}."))
    elif pct:
        paragraphs.append(t(
            f"Une part variable indexée sur l’atteinte d’objectifs peut s’y ajouter : elle représente de {pct.min:g} à "
            f"{pct.max:g} % du salaire dans la plupart des contrats d’account manager.",
            f"A variable part tied to targets may be added: it is {pct.min:g} to {pct.max:g}% of pay in most account "
            "manager contracts.",
        ))
    return AdSection(id="pay", heading=t("Rémunération", "Pay"), paragraphs=paragraphs)


def guide_grid_note(framework: Framework, lang: str) -> str:
    """For an interpolated band: what the guide itself says, so the ad never passes the estimate off as the guide's."""
    grid = framework.salary.levels
    junior, senior = grid.get("junior"), grid.get("senior")
    year = framework.salary.year
    if not (junior and junior.min is not None and junior.max is not None):
        return _t(lang, " (fourchette indicative, estimée ; à confirmer).", " (indicative, estimated range; to be confirmed).")
    jlo, jhi = format_money(junior.min, lang), format_money(junior.max, lang)
    top = ""
    if senior and senior.max is not None:
        top_fr = format_money(senior.max, lang)
        after = f" à partir de {senior.from_years:g} ans d’expérience" if senior.from_years else " pour un profil expérimenté"
        after_en = f" from {senior.from_years:g} years of experience" if senior.from_years else " for an experienced profile"
        top = _t(lang, f" et jusqu’à {top_fr}{after}", f" and up to {top_fr}{after_en}")
    return _t(
        lang,
        f" (fourchette indicative, estimée : la grille {year} du guide de recrutement donne {jlo} à {jhi} mensuels pour "
        f"un profil débutant{top} ; cette fourchette est une interpolation entre ces chiffres, pas un chiffre du guide).",
        f" (indicative, estimated range: the hiring guide's {year} grid gives {jlo} to {jhi} a month for entry-level "
        f"profiles{top}; this range is interpolated between those figures, not a figure from the guide).",
    )


def _header_fields(plan: AdPlan) -> dict[str, Any]:
    brief = plan.brief
    return {
        "language": plan.lang, "level": brief.seniority, "company": brief.company, "location": plan.location,
        "country": brief.country, "remote": brief.remote, "contract": brief.contract, "salary": plan.salary,
        "date_posted": plan.date_posted, "valid_through": brief.valid_through,
    }


def _descriptive_line(plan: AdPlan) -> str:
    return plan.title.description.get(plan.lang)


# --------------------------------------------------------------------------- LLM drafting


def _passages(hits: dict[str, list[ScoredChunk]]) -> tuple[str, dict[str, ScoredChunk]]:
    seen: dict[str, ScoredChunk] = {}
    for section_hits in hits.values():
        for hit in section_hits:
            seen.setdefault(hit.chunk.id, hit)
    text = "\n\n".join(f"[{cid}] ({h.chunk.section})\n{h.chunk.text}" for cid, h in seen.items())
    return text, seen


def _facts(plan: AdPlan, framework: Framework) -> str:
    """The brief's facts, already cleaned of protected criteria, as the LLM sees them."""
    brief = plan.brief
    facts = {
        "company": brief.company,
        "sector": plan.sector,
        "level": brief.seniority,
        "location": plan.location,
        "remote": brief.remote,
        "contract": brief.contract,
        "key_clients": plan.key_clients or None,
        "partners_count": brief.partners_count,
        "team_size": brief.team_size,
        "accounts": plan.accounts,
        "team_to_manage": brief.team_to_manage,
        "profile": plan.profile,
        "international_context": plan.international,
        "requirements_from_hiring_manager": plan.requirements or None,
        "company_pitch": plan.pitch or None,
    }
    return yaml.safe_dump({k: v for k, v in facts.items() if v not in (None, [], "")}, allow_unicode=True, sort_keys=False)


def _titles(plan: AdPlan, framework: Framework) -> str:
    lines = [f"- {plan.title.label} (F/H): {plan.title.description.get(plan.lang)}  <- the best fit for this brief"]
    for t in framework.titles.recommended:
        if t.id != plan.title.id and plan.brief.seniority in t.levels:
            lines.append(f"- {t.label} (F/H): {t.description.get(plan.lang)} (scope {t.scope})")
    return "\n".join(lines)


def _assemble(plan: AdPlan, framework: Framework, draft: AdDraft, retrieved: dict[str, ScoredChunk]) -> JobAd:
    """A JobAd from the LLM's wording plus the application's facts (pay, date, company) and checked citations."""
    from ..rules.markup import sanitize_markdown

    def clean(text: str | None) -> str:
        # Model text is untrusted: no raw HTML, images or script links; one line, no heading marks.
        return re.sub(r"\s+", " ", sanitize_markdown(text or "")).strip().lstrip("#").strip()

    by_id = {s.id: s for s in draft.sections if s.id != "pay"}
    sections = []
    for sid in ("company", "missions", "profile", "pay", "process"):
        if sid == "pay":
            sections.append(pay_section(plan, framework))
        elif sid in by_id:
            s = by_id[sid]
            sections.append(AdSection(
                id=sid, heading=clean(s.heading), paragraphs=[p for p in map(clean, s.paragraphs) if p],
                bullets=[b for b in map(clean, s.bullets) if b],
                citations=[c for c in dict.fromkeys(s.citations) if c in retrieved],
            ))
    return JobAd(title=clean(draft.title), descriptive_line=clean(draft.descriptive_line) or _descriptive_line(plan),
                 sections=sections, skills=[x for x in map(clean, draft.skills) if x],
                 experience=clean(draft.experience) or None, education=clean(draft.education) or None,
                 **_header_fields(plan))


REWORDABLE = ("gendered_wording", "title", "language")

# --------------------------------------------------------------------------- claims the model may not invent

# A figure: "500", "9 999", "9,8", "15 %", "45k". Glued to letters ("B2B", "CO2", "Q1") it is a name, not a claim.
_FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f.']\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)\s?(k(?![a-z]))?(?![a-z\d])",
                     re.I)
# Benefits a candidate reads as promises (L5331-3): stated only when the brief states them. Matched on casefolded
# text with accents kept, so that "primé" (award-winning) is not "prime" (bonus).
BENEFITS = {
    "company car": r"\bv(?:oiture|[ée]hicule)s? de (?:fonction|soci[ée]t[ée]|service)\b|\bcompany cars?\b",
    "meal vouchers": r"\b(?:tickets?|titres?|cartes?)[- ]restaurants?\b|\bswile\b|\bmeal (?:vouchers?|allowance)\b",
    "health insurance": r"\bmutuelles?\b|\bpr[ée]voyance\b|\b(?:private )?health (?:insurance|cover|plan)\b",
    "stock options": r"\bstock[- ]?options?\b|\bbspce\b|\bactions? gratuites?\b|\bequity\b|\bshare options?\b|\brsus?\b",
    "bonus": r"(?<!est un )(?<!is a )\bbonus(?:es)?\b|\bprimes?\b|\b13(?:e|ème|th)[- ]mois\b|\b13th[- ]month\b|"
             r"\btreizi[èe]me mois\b|\bint[ée]ressement\b|\bprofit[- ]sharing\b",
    "extra days off": r"\brtt\b|\bjours? de (?:cong[ée]s|repos) (?:suppl[ée]mentaires?|offerts?)\b|\bextra (?:days off|holidays?|leave)\b|"
                      r"\bunlimited (?:pto|holidays?|leave)\b",
    "gym / sport": r"\bsalle de sport\b|\bgym(?: membership)?\b|\babonnement sportif\b",
    "relocation": r"\brelocation\b|\baide au d[ée]m[ée]nagement\b",
}
_BENEFITS = {name: re.compile(pattern) for name, pattern in BENEFITS.items()}


def amounts(text: str) -> set[float]:
    """Every figure in a text, as a number ("9 999 €" → 9999, "45k" → 45000, "9,8/10" → 9.8 and 10)."""
    out = set()
    for m in _FIGURE.finditer(unicodedata.normalize("NFC", text or "")):
        num = m.group(1)
        if re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f.']\d{3})+(?:,\d+)?", num):
            value = float(re.sub(r"[ \u00a0\u202f.']", "", num).replace(",", "."))
        else:
            value = float(num.replace(",", "."))
        out.add(value * 1000 if m.group(2) else value)
    return out


def _benefits(text: str) -> set[str]:
    folded = unicodedata.normalize("NFC", text or "").casefold().replace("’", "'")
    return {name for name, regex in _BENEFITS.items() if regex.search(folded)}


@dataclass
class ClaimSources:
    """What the model's text may draw figures and benefits from: the brief, the framework, the cited passages."""

    figures: set[float]
    benefits: set[str]
    passages: dict[str, set[float]]  # chunk id → its figures

    def problems(self, text: str, citations: list[str]) -> list[str]:
        """Why this text states something its sources do not (empty when it is supported)."""
        allowed = self.figures.union(*(self.passages.get(c, set()) for c in citations))
        figures = sorted(f for f in amounts(text) if f not in allowed)
        out = [f"the figure {f:g} is in neither the brief, the guide's framework nor the passages cited" for f in figures]
        out += [f"the benefit “{b}” is not in the brief" for b in sorted(_benefits(text) - self.benefits)]
        return out


def claim_sources(plan: AdPlan, framework: Framework, retrieved: dict[str, ScoredChunk]) -> ClaimSources:
    """The brief's facts (as the model saw them, plus pay and dates) and the framework's figures."""
    brief = plan.brief
    brief_text = " ".join(str(x) for x in (
        _facts(plan, framework), brief.salary if isinstance(brief.salary, str) else "",
        plan.salary.variable or "", brief.variable_pay or "") if x)
    figures = amounts(brief_text) | amounts(framework.model_dump_json())
    figures |= {v for v in (plan.salary.min, plan.salary.max) if v is not None}
    for day in (plan.date_posted, brief.valid_through):
        if day:
            figures |= {float(day.day), float(day.month), float(day.year)}
    passages = {cid: amounts(hit.chunk.text) for cid, hit in retrieved.items()}
    return ClaimSources(figures=figures, benefits=_benefits(brief_text), passages=passages)


def _model_texts(ad: JobAd) -> list[tuple[str, str, list[str]]]:
    """(where, text, citations) for every piece of the model's wording in an ad (pay is the application's)."""
    cited = [c for s in ad.sections for c in s.citations]
    out = [("descriptive_line", ad.descriptive_line or "", cited), ("experience", ad.experience or "", cited),
           ("education", ad.education or "", cited)]
    out += [("skills", x, cited) for x in ad.skills]
    for s in ad.sections:
        if s.id != "pay":
            out += [(s.id, x, s.citations) for x in [*s.paragraphs, *s.bullets]]
    return [x for x in out if x[1]]


def claim_problems(ad: JobAd, sources: ClaimSources) -> list[str]:
    """The re-ask's list of unsupported figures and benefits in the model's wording."""
    out = []
    for where, text, cited in _model_texts(ad):
        why = sources.problems(text, cited)
        if why:
            out.append(f"unsupported_claim ({where}): {'; '.join(why)}: state only the brief's facts, or remove it "
                       f"(offending text: “{text}”)")
    return out


def drop_unsupported(ad: JobAd, sources: ClaimSources) -> list[Flag]:
    """Remove each sentence or bullet that still states an unsupported figure or benefit; one flag per removal."""
    flags: list[Flag] = []

    def flag(text: str, why: list[str]) -> None:
        from ..rules.safety import find_protected_criteria

        criteria = find_protected_criteria(text, context="ad")
        if criteria:  # "Moins de 30 ans" goes for its figure, but the recruiter must learn it was a protected criterion
            flags.append(Flag(kind="discrimination", severity="error", evidence=text, message=(
                f"Left out of the ad: the model wrote a protected criterion. {criteria[0].message}")))
        flags.append(Flag(kind="unsupported_claim", severity="warning", evidence=text, message=(
            "Left out of the ad: the model wrote something the brief does not support (" + "; ".join(why) + "). "
            "False or misleading claims about a job are an offence (Code du travail L5331-3); add it to the brief if true.")))

    def kept(text: str, cited: list[str]) -> str:
        parts = []
        for sentence in sentences(text):
            why = sources.problems(sentence, cited)
            if why:
                flag(sentence, why)
            else:
                parts.append(sentence)
        return " ".join(parts)

    def keep_item(text: str, cited: list[str]) -> bool:
        why = sources.problems(text, cited)
        if why:
            flag(text, why)
        return not why

    cited_all = [c for s in ad.sections for c in s.citations]
    for s in ad.sections:
        if s.id == "pay":
            continue
        s.paragraphs = [p for p in (kept(x, s.citations) for x in s.paragraphs) if p]
        s.bullets = [b for b in s.bullets if keep_item(b, s.citations)]
    ad.skills = [x for x in ad.skills if keep_item(x, cited_all)]
    for name in ("descriptive_line", "experience", "education"):
        value = getattr(ad, name)
        if value:
            setattr(ad, name, kept(value, cited_all) or None)
    return flags


def _draft_problems(plan: AdPlan, framework: Framework, draft: AdDraft, retrieved: dict[str, ScoredChunk]) -> list[str]:
    """What a re-ask must fix: the linter's errors on the would-be ad, a bad title, missing sections."""
    from .export import ad_markdown

    problems = []
    labels = [t.label for t in framework.titles.recommended]
    bare = _GENDER_MARK.sub("", draft.title).strip()
    if not re.search(r"\((?:F/H|H/F)\)", draft.title):
        problems.append(f"title: '{draft.title}' must end with '(F/H)' or '(H/F)'")
    if fold(bare) not in {fold(label) for label in labels}:
        problems.append(f"title: '{bare}' is not one of the recommended titles {labels}")
    missing = [s for s in ("company", "missions", "profile") if s not in {x.id for x in draft.sections}]
    if missing:
        problems.append(f"sections: missing {missing}")
    ad = _assemble(plan, framework, draft, retrieved)
    problems += claim_problems(ad, claim_sources(plan, framework, retrieved))
    for flag in lint(ad_markdown(ad), plan, framework):
        # Errors, and the warnings the model can fix by rewording (pay is the application's, not the model's).
        if flag.severity == "error" or (flag.severity == "warning" and flag.kind in REWORDABLE):
            problems.append(f"{flag.kind}: {flag.message}" + (f" (offending text: “{flag.evidence}”)" if flag.evidence else ""))
    return problems


def llm_draft(
    plan: AdPlan, framework: Framework, hits: dict[str, list[ScoredChunk]], services: Services,
) -> tuple[JobAd, list[str], dict[str, int], list[Flag]]:
    """One structured call (plus one bounded re-ask on linter errors and unsupported claims).

    Returns the ad, what is still wrong, usage, and a flag for each unsupported claim dropped after the re-ask.
    """
    from ..llm import structured_call
    from ..prompts import load_prompt

    passages, retrieved = _passages(hits)
    messages = load_prompt("draft_ad").render(
        language="French" if plan.lang == "fr" else "English",
        facts=_facts(plan, framework),
        titles=_titles(plan, framework),
        passages=passages or "(no passage found)",
    )
    result = structured_call(
        services.chat_model, AdDraft, messages,
        validate=lambda d: _draft_problems(plan, framework, d, retrieved), settings=services.settings,
    )
    if result.value is None:
        raise LLMError(f"The LLM's ad could not be used: {'; '.join(result.problems)}")
    ad = _assemble(plan, framework, result.value, retrieved)
    dropped = drop_unsupported(ad, claim_sources(plan, framework, retrieved))
    still_wrong = [p for p in result.problems if not p.startswith("unsupported_claim")]
    return ad, still_wrong, result.usage, dropped


# --------------------------------------------------------------------------- the job


def lint(text: str, plan: AdPlan, framework: Framework) -> list[Flag]:
    """The compliance linter on an ad's text, with the brief's level, date and country."""
    from ..rules.compliance import lint_ad

    return list(lint_ad(text, framework=framework, language=plan.lang, level=plan.brief.seniority,
                        date_posted=plan.date_posted, job_in_france=plan.brief.country == "FR"))


def _dedupe(flags: list[Flag]) -> list[Flag]:
    seen, out = set(), []
    for f in flags:
        key = (f.kind, f.severity, f.evidence, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def draft_job_ad(
    brief: JobBrief, services: Services, *, language: str | None = None, today: date | None = None,
    fallback_offline: bool = False,
) -> AdResult:
    """Draft a job ad from a brief: offline from templates, or with one structured LLM call; always linted."""
    from .export import ad_markdown

    lang = language or brief.language
    if lang not in LANGUAGES:
        raise InputError(f"Unknown language {lang!r}; valid values: fr, en.")
    framework = services.framework
    plan = plan_ad(brief, framework, lang, today=today)
    hits = retrieve_sections(services.kb)
    notice = None
    usage: dict[str, int] = {}
    still_wrong: list[str] = []
    ad: JobAd | None = None
    backend, model_name = "offline", None
    if services.chat_model is not None:
        try:
            ad, still_wrong, usage, dropped = llm_draft(plan, framework, hits, services)
            plan.flags.extend(dropped)
            backend, model_name = services.backend, services.model_name
        except LLMError as exc:
            if not fallback_offline:
                raise
            notice = f"{exc} Showing the offline draft instead."
    if ad is None:
        sections, sources, extra = compose_offline(plan, framework)
        for section in sections:
            section.citations = _section_citations(services.kb, hits.get(section.id, []), sources.get(section.id, []))
        ad = JobAd(title=plan.title_text, descriptive_line=_descriptive_line(plan), sections=sections,
                   **extra, **_header_fields(plan))
    text = ad_markdown(ad)
    flags = _dedupe(plan.flags + lint(text, plan, framework))
    if still_wrong:
        notice = ("The model's draft still breaks rules after one correction; review the flags. " + (notice or "")).strip()
    if any(f.kind == "unsupported_claim" for f in flags):
        notice = ("Sentences stating figures or benefits the brief does not give were left out of the model's draft; "
                  "see the unsupported_claim flags. " + (notice or "")).strip()
    cited = [cid for s in ad.sections for cid in s.citations]
    citations = [Citation(chunk_id=c.id, section=c.section, text=c.text)
                 for c in (services.kb.get(cid) for cid in dict.fromkeys(cited)) if c is not None]
    return AdResult(ad=ad, text=text, flags=flags, citations=citations, backend=backend, model=model_name,
                    notice=notice, usage=usage)


def _section_citations(kb: KnowledgeBase, hits: list[ScoredChunk], sources: list[str]) -> list[str]:
    """The chunks a section drew on: retrieved hits holding a source quote first, then the other source chunks."""
    grounded = _chunks_for(kb, sources)
    first = [h.chunk.id for h in hits if h.chunk.id in grounded]
    return first + [cid for cid in grounded if cid not in first]
