"""Reading a brief: a YAML/JSON file or a form's mapping → a validated JobBrief, with errors that say what to fix."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..errors import InputError
from ..rules.safety import find_injections, sanitize
from ..settings import Settings, get_settings
from ..text import fold, fold_key
from ..textfile import read_text_input
from .models import JobBrief

MAX_BRIEF_BYTES = 256 * 1024
MAX_LIST_ITEMS = 50
MAX_COUNT = 1_000_000  # partners, team sizes: a larger figure is a typo or hostile input
COUNT_FIELDS = ("partners_count", "team_size", "team_to_manage")
TEXT_LIST_FIELDS = ("requirements", "company_pitch", "accounts")
LANGUAGES = ("fr", "en")
DERIVED_FIELDS = ("seniority_wording",)  # set by brief_from_dict, never read from the brief


def _table(groups: dict[str, list[str]]) -> dict[str, str]:
    return {fold_key(word): value for value, words in groups.items() for word in [value, *words]}


# Synonyms are compared through fold_key(), which drops accents, case, plurals and feminine endings.
SENIORITY_SYNONYMS = _table(
    {
        # "jeune diplômé" is understood but never written in an ad: it refers to age (see plan_ad).
        "junior": [
            "débutant",
            "débutant accepté",
            "entry level",
            "entry-level",
            "graduate",
            "premier emploi",
            "première expérience",
            "jeune diplômé",
        ],
        "mid": ["confirmé", "intermédiaire", "intermediate", "mid-level", "mid level", "medior"],
        "senior": ["expérimenté", "experienced", "expert", "senior confirmé"],
    }
)
CONTRACT_SYNONYMS = _table(
    {
        "CDI": ["permanent", "permanent contract", "contrat à durée indéterminée"],
        "CDD": ["fixed-term", "fixed term contract", "contrat à durée déterminée"],
        "freelance": ["free-lance", "contractor", "indépendant", "portage salarial"],
        "stage": ["internship", "intern", "stagiaire"],
        "alternance": ["apprentissage", "apprenticeship", "work-study", "contrat de professionnalisation"],
        "interim": ["intérim", "temp", "temporary", "travail temporaire"],
    }
)
REMOTE_SYNONYMS = _table(
    {
        "no": ["non", "none", "aucun", "on-site", "onsite", "sur site", "présentiel", "office", "false"],
        "hybrid": [
            "hybride",
            "partial",
            "partiel",
            "télétravail partiel",
            "partial remote",
            "flexible",
            "true",
            "yes",
            "oui",
        ],
        "full": [
            "full remote",
            "fully remote",
            "remote",
            "100%",
            "100% remote",
            "100% télétravail",
            "télétravail complet",
            "télétravail total",
            "full télétravail",
        ],
    }
)
LANGUAGE_SYNONYMS = _table({"fr": ["french", "français"], "en": ["english", "anglais"]})
COUNTRY_SYNONYMS = {
    "france": "FR",
    "belgique": "BE",
    "belgium": "BE",
    "suisse": "CH",
    "switzerland": "CH",
    "luxembourg": "LU",
    "royaume uni": "GB",
    "united kingdom": "GB",
    "uk": "GB",
    "allemagne": "DE",
    "germany": "DE",
    "espagne": "ES",
    "spain": "ES",
    "italie": "IT",
    "italy": "IT",
    "irlande": "IE",
    "ireland": "IE",
    "canada": "CA",
    "etats unis": "US",
    "united states": "US",
    "usa": "US",
    "pays bas": "NL",
    "netherlands": "NL",
}


# ISO 3166-1 alpha-2 (the officially assigned codes).
ISO_COUNTRIES = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB
GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH
KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX
MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE
SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC
VE VG VI VN VU WF WS YE YT ZA ZM ZW""".split()
)

# Free text people write for remote work and contracts ("hybride, 2 jours de télétravail", "CDI (permanent)"),
# read by keyword when it is not one of the listed values. Order matters: the first match wins.
_REMOTE_WORDS = (
    (
        "no",
        re.compile(r"\b(?:pas de (?:teletravail|remote)|no remote|sans teletravail|sur site|on ?site|presentiel)\b"),
    ),
    ("full", re.compile(r"\b(?:full|fully|complet|total|integral)\b|\b100 ?%")),
    ("hybrid", re.compile(r"\b(?:hybrid\w*|teletravail|remote|jours?|days?|partiel\w*)\b")),
)
_CONTRACT_WORDS = (
    ("CDI", re.compile(r"\bcdi\b|\bpermanent\b|\bindetermine")),
    ("CDD", re.compile(r"\bcdd\b|\bfixed[- ]term\b|\bdetermine")),
    ("alternance", re.compile(r"\balternance\b|\bapprenti\w*|\bwork[- ]study\b")),
    ("stage", re.compile(r"\bstages?\b|\bintern(?:ship)?\b|\bstagiaire\b")),
    ("freelance", re.compile(r"\bfree[- ]?lance\b|\bindependant\b|\bcontractor\b")),
    ("interim", re.compile(r"\binterim\b|\btemporary\b")),
)
# A minus sign before an amount, not a range dash between two amounts ("3000 - 4000 €").
_NEGATIVE_AMOUNT = re.compile(r"(?:^|[^\d\s€$£%kK])\s*[-−]\s?\d")


def _valid_keys() -> list[str]:
    return [name for name in JobBrief.model_fields if name not in DERIVED_FIELDS]


def _invisible_free(text: str) -> str:
    """The text without zero-width, bidi or tag characters, which could hide a word ("jeu\u200bne") from the checks."""
    return sanitize(text).text


def _normalise(field_name: str, value: Any, table: dict[str, str], valid: list[str]) -> str:
    if isinstance(value, bool):
        value = "true" if value else "false"
    if not isinstance(value, str):
        raise InputError(f"`{field_name}` must be text; valid values: {', '.join(valid)}.")
    found = table.get(fold_key(value))
    words = {"remote": _REMOTE_WORDS, "contract": _CONTRACT_WORDS}.get(field_name, ())
    folded = fold(value)
    for code, pattern in words:
        if found is None and pattern.search(folded):
            found = code
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


def _problems(exc: ValidationError) -> str:
    """Pydantic's errors in the brief's own words: field paths without the validator's internals (review of stop 46:
    « salary.function-after[_ordered(), SalaryInput].currency »), and for a field that may be text or a mapping
    (`salary`), only what is wrong with the form given."""
    found: list[tuple[str, str]] = []
    for err in exc.errors(include_url=False):
        path = ".".join(str(p) for p in err["loc"] if re.fullmatch(r"[A-Za-z_]\w*|\d+", str(p)))
        found.append((path or "brief", err["msg"]))
    deeper = {path.split(".")[0] for path, _ in found if "." in path}
    kept = [(path, msg) for path, msg in found if not (path in deeper and msg.startswith("Input should be a valid"))]
    return "; ".join(dict.fromkeys(f"{path}: {msg}" for path, msg in kept))


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
    if not isinstance(values["company"], str):
        raise InputError("`company` must be the company's name, as text.")
    aimed_at_ai = find_injections(values["company"])
    if aimed_at_ai:
        raise InputError(
            f"`company` holds text aimed at the AI (“{aimed_at_ai[0].evidence}”): give only the company's name."
        )
    if isinstance(values.get("salary"), (int, float)) and not isinstance(values.get("salary"), bool):
        # `salary: 3500` in YAML: a bare amount, read like "3500" (and `-3000` is caught below as negative)
        values["salary"] = f"{values['salary']:g}"
    if isinstance(values.get("salary"), str) and _NEGATIVE_AMOUNT.search(values["salary"]):
        raise InputError(
            f"`salary` {values['salary']!r} has a negative amount: give the pay as positive figures "
            "(e.g. 3 000 à 3 500 € brut mensuel)."
        )
    seniority_raw = values.get("seniority")
    if "seniority" in values:
        values["seniority"] = _normalise(
            "seniority", values["seniority"], SENIORITY_SYNONYMS, ["junior", "mid", "senior"]
        )
    if "contract" in values:
        values["contract"] = _normalise(
            "contract",
            values["contract"],
            CONTRACT_SYNONYMS,
            ["CDI", "CDD", "freelance", "stage", "alternance", "interim"],
        )
    if "remote" in values:
        values["remote"] = _normalise("remote", values["remote"], REMOTE_SYNONYMS, ["no", "hybrid", "full"])
    if "language" in values:
        values["language"] = _normalise("language", values["language"], LANGUAGE_SYNONYMS, ["fr", "en"])
    if "country" in values:
        country = values["country"]
        if isinstance(country, bool):  # YAML reads `country: NO` (Norway) as false (review of stop 46)
            raise InputError(
                '`country` was read as a yes/no value: YAML takes NO, no, off as false. Quote the code: country: "NO".'
            )
        if not isinstance(country, str):
            raise InputError("`country` must be a country name or an ISO code such as FR.")
        code = COUNTRY_SYNONYMS.get(" ".join(re.sub(r"[^a-z]+", " ", fold(country)).split()))
        if code is None and country.strip().upper() in ISO_COUNTRIES:
            code = country.strip().upper()
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
    try:
        brief = JobBrief.model_validate(values)
    except ValidationError as exc:
        raise InputError(f"The brief is not valid: {_problems(exc)}.") from exc
    if brief.date_posted and brief.valid_through and brief.valid_through < brief.date_posted:
        raise InputError(
            f"`valid_through` ({brief.valid_through}) is before `date_posted` ({brief.date_posted}): "
            "the ad would expire before it is published."
        )
    if isinstance(seniority_raw, str) and fold(seniority_raw).strip() != brief.seniority:
        brief = brief.model_copy(update={"seniority_wording": seniority_raw})
    return brief


class DuplicateKeyError(ValueError):
    """A brief that gives a key twice."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKeyError(f"the key `{key}` is given twice; keep one")
        seen[key] = value
    return seen


class _UniqueKeyLoader(yaml.SafeLoader):
    """yaml.SafeLoader that refuses a mapping with a key given twice (PyYAML keeps the last one silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()  # a set: a brief of many keys must not cost a quadratic scan
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str):
                if key in seen:
                    raise DuplicateKeyError(f"the key `{key}` is given twice; keep one")
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_brief(path: Path, *, settings: Settings | None = None) -> JobBrief:
    """Read a brief from a YAML or JSON file."""
    path = Path(path)
    text = read_text_input(path, what="brief", max_bytes=MAX_BRIEF_BYTES)
    kind = "JSON" if path.suffix.lower() == ".json" else "YAML"
    try:
        # YAML is a superset of JSON; a key given twice is an error in both (review of stop 46: the last value won)
        data = json.loads(text, object_pairs_hook=_unique_keys) if kind == "JSON" else yaml.load(text, _UniqueKeyLoader)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: not valid {kind}: {exc}") from exc
    except DuplicateKeyError as exc:
        raise InputError(f"{path}: {exc}.") from None
    except ValueError as exc:  # YAML's own date reading: `date_posted: 2026-02-30`
        raise InputError(f"{path}: a value is not valid: {exc} (dates are YYYY-MM-DD).") from None
    except RecursionError:
        raise InputError(f"{path}: the {kind} is nested too deeply to be a brief; a brief is a flat mapping.") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: a brief is a mapping of keys to values (company: ..., seniority: ...).")
    try:
        return brief_from_dict(data, settings=settings)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
