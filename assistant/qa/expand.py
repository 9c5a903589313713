"""Cross-lingual query expansion: add the framework's French wording to a question before retrieval.

The guide is French; users ask in English, French or franglais, with abbreviations. The framework holds the
bilingual reading of the guide: glossary terms and aliases, competency labels and cues, interview steps, trial
advice, titles. When a question names one of these (by an alias, a cue or its label), the item's French label
and its `source` quote (the guide's own words) are appended, so BM25 and the embeddings both see the guide's
vocabulary. A few generic English→French recruiting words complete it (derived from the framework's own pairs
and the dev split only; never from the test split).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from ..text import fold
from .shorthand import FRAMING

if TYPE_CHECKING:
    from ..guide.framework import Framework
    from ..guide.knowledge import KnowledgeBase

# Generic recruiting vocabulary (English or colloquial French → the guide's French words).
LEXICON: dict[str, str] = {
    "salary": "salaire rémunération",
    # (stop 44) who runs a step: « RH », "HR" and « DRH » are no names the guide ignores but its hiring process
    "rh": "recruter entretien",
    "hr": "recruter entretien",
    "drh": "recruter entretien",
    "pay": "salaire rémunération",
    "paid": "salaire rémunération",
    "wage": "salaire",
    "earn": "salaire rémunération",
    "earns": "salaire rémunération",
    "earnings": "salaire rémunération",
    "compensation": "salaire rémunération",
    "junior": "débutant",
    "entry level": "débutant",
    "senior": "expérimenté",
    "experienced": "expérimenté",
    "variable": "part variable",
    "bonus": "part variable",
    "commission": "part variable",
    "job title": "intitulé account manager account executive",
    # The job ad, which the guide never names as such: its advice on attracting candidates (titles, selling points).
    "annonce": "attirer le candidat préférez parler valoriser votre organisation",
    "annonces": "attirer le candidat préférez parler valoriser votre organisation",
    "job ad": "attirer le candidat préférez parler valoriser votre organisation",
    "job ads": "attirer le candidat préférez parler valoriser votre organisation",
    "job posting": "attirer le candidat préférez parler valoriser votre organisation",
    "offre d'emploi": "attirer le candidat préférez parler valoriser votre organisation",
    "intitulés": "préférez parler account manager account executive",
    "intitule": "préférez parler account manager account executive",
    "title": "intitulé",
    "degree": "formation diplôme école master",
    "education": "formation école",
    "probation": "période d'essai",
    "trial period": "période d'essai",
    "interview": "entretien",
    "hunter": "chasseurs",
    "hunters": "chasseurs",
    "farmer": "fermiers",
    "farmers": "fermiers",
    "network": "réseau",
    "english": "anglais",
    "soft skills": "soft skills qualités",
    "customers": "clients",
    "clients": "clients",
    "account": "compte",
    "accounts": "comptes",
    "am": "account manager",
    "ams": "account manager",
    "candidate": "candidat",
    "candidates": "candidats",
    "attractive": "attirer valoriser",
    "skills": "compétences",
    "target": "objectifs",
    "targets": "objectifs",
    "quota": "objectifs",
    "sdr": "business development",  # jobs a candidate may come from, which the guide names by their field
    "bdr": "business development",
    "bizdev": "business development",
    "customer success": "relation client",
    # The job's duties in users' words (English, or French other than the guide's): the guide's « Le métier » words.
    "point of contact": "interlocuteur privilégié",
    "main contact": "interlocuteur privilégié",
    "go-to": "interlocuteur privilégié",
    "billing": "facturation",
    "invoicing": "facturation",
    "invoices": "facturation",
    "orders": "commandes",
    "set up": "installation mise en place",
    "setup": "installation mise en place",
    "setting up": "installation mise en place",
    "implementation": "mise en place",
    "training": "formation",
    "new markets": "conquête de nouveaux marchés",
    "encadrer": "management d’une équipe",
    "encadrement": "management d’une équipe",
    "people management": "management d’une équipe",
    "manage people": "management d’une équipe",
    "spend": "budget engagé",
    "add-on": "offres complémentaires",
    "add-ons": "offres complémentaires",
    "trust": "confiance",
    "case study": "étude de cas",
    "role play": "simulation de vente",
    "role-play": "simulation de vente",
    "advisory": "conseil",
    "long term": "long terme",
    "long-term": "long terme",
    # Round 5 of the dev data (qa-dev5): degrees, retention and selling the company in users' words.
    "diplôme": "formation école master",
    "diplômes": "formation école master",
    "diploma": "formation école master",
    "diplomas": "formation école master",
    "business school": "école de commerce",
    "engineering degree": "école d’ingénieur",
    "engineering school": "école d’ingénieur",
    "fidélisation": "satisfaction de la relation client sur le long terme",
    "retention": "satisfaction de la relation client sur le long terme",
    "brag": "valoriser votre organisation",
    "boast": "valoriser votre organisation",
    "show off": "valoriser votre organisation",
    "showcase": "valoriser votre organisation",
    "selling points": "valoriser votre organisation",
    "mettre en avant": "valoriser",
}


@dataclass(frozen=True)
class Trigger:
    """A folded phrase that, found in a question, brings in `expansion`."""

    phrase: str
    expansion: str
    framework: bool = True
    """Whether it names a framework item (strong evidence the guide covers the question), not a generic word."""


@dataclass(frozen=True)
class Expansion:
    """A question with the guide's wording appended."""

    text: str
    framework: bool
    """Whether a framework item (not only a generic word) was named."""


def _phrase(text: str) -> str:
    # "hr" after a number is an hour ("a 1 hr interview"), not the « RH » of the lexicon.
    return _HOURS.sub(r"\1 hour", re.sub(r"[^a-z0-9%+]+", " ", fold(text)).strip())


_HOURS = re.compile(r"(\d) hrs?\b")


def _contains(haystack: str, phrase: str) -> bool:
    return bool(phrase) and f" {phrase} " in f" {haystack} "


T = TypeVar("T")
_CACHE: dict[int, tuple[Framework, tuple[Trigger, ...]]] = {}
_VOCAB: dict[int, tuple[Framework, frozenset[str]]] = {}
_KNOWN: dict[int, tuple[Framework, frozenset[str]]] = {}


def _per_framework(cache: dict[int, tuple[Framework, T]], framework: Framework, build: Callable[[Framework], T]) -> T:
    """`build(framework)`, computed once per framework object (the cache holds the framework, so its id is never
    reused meanwhile)."""
    cached = cache.get(id(framework))
    if cached is not None and cached[0] is framework:
        return cached[1]
    value = build(framework)
    cache[id(framework)] = (framework, value)
    return value


def framework_vocabulary(framework: Framework) -> frozenset[str]:
    """Every search token of the framework's text, both languages (a word of it is not foreign to the guide), except
    the competencies' note cues: those are the words of interview notes ("sdr", "csm", "win rate"), what a candidate
    did, not subjects the guide covers. A question about recruiting an SDR is not answered by the guide because an
    SDR background counts as evidence in notes."""
    return _per_framework(_VOCAB, framework, _build_vocabulary)


def _build_vocabulary(framework: Framework) -> frozenset[str]:
    from ..guide.knowledge import tokenize

    words: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.update(tokenize(value))
        elif isinstance(value, dict):
            for k, v in value.items():
                if k != "cues":
                    walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(framework.model_dump())
    return frozenset(words)


def known_vocabulary(framework: Framework) -> frozenset[str]:
    """The framework's tokens plus those of the expansion lexicon and the shorthand list: words the assistant knows
    how to read, even where the guide never uses them ("salary", "probation", "xp")."""
    return _per_framework(_KNOWN, framework, _build_known)


def _build_known(framework: Framework) -> frozenset[str]:
    from ..guide.knowledge import tokenize
    from .shorthand import SHORTHAND

    words = set(framework_vocabulary(framework))
    for phrase in (*LEXICON, *SHORTHAND):
        words.update(tokenize(phrase))
    return frozenset(words)


SHOUTING_SHARE = 0.6
"""A question whose words are at least this share in capitals is typed in capitals, not full of acronyms."""
_NAME = re.compile(r"(?<![\w'’-])([A-Za-zÀ-ÿ][\w+#.-]*[\w+#]|[A-Z]{2,})")
# What comes before a word that starts a sentence: the question's start, a sentence's end, a new line or an opening
# quote, then any bullets, numbers or quotes. Such a word is capitalised for its place, not as a name.
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s|\n|[\"«“])[\s*•>#\d.)\"'«“(-]*$")
# Days and months are capitalised in English but name nothing the guide could lack.
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july august "
    "september october november december".split()
)


def unknown_names(question: str, kb: KnowledgeBase, framework: Framework) -> list[str]:
    """The names the question uses that the guide never does: acronyms ("NPS") and capitalised words past the first
    ("Python"), unknown to the guide's passages, the framework's vocabulary and the query-expansion lexicon."""
    from ..guide.knowledge import tokenize

    words = re.findall(r"[^\W\d_]{2,}", question)
    if len(words) >= 3 and sum(w.isupper() for w in words) >= SHOUTING_SHARE * len(words):
        return []  # a question typed in capitals: its case tells no names apart (its unknown words still count)
    vocabulary = framework_vocabulary(framework)
    names = []
    for m in _NAME.finditer(question):
        word = m.group(1)
        acronym = len(word) >= 2 and word.isupper() and word.isalpha()
        if not (acronym or (word[0].isupper() and not word.isupper())):
            continue
        if not acronym and _SENTENCE_START.search(question, 0, m.start()):
            continue
        folded = fold(word)
        if folded in _CALENDAR:
            continue
        if acronym and (folded in FRAMING or not tokenize(word)):
            continue  # a common word in capitals is emphasis ("NOT", « PAS », « JAMAIS »), not an acronym
        if folded in LEXICON or folded in vocabulary or any(kb.known(t) for t in tokenize(word)):
            continue
        names.append(word)
    return list(dict.fromkeys(names))


# A question about what to call the job: the role's own name is then what it asks about.
_NAMING = re.compile(
    r"\b(?:intitul\w*|titres?|titles?|appeler|appelle|nommer|call(?:ed)?|name[sd]?|nom|libelle|key\s+account|"
    r"global\s+account|account\s+executive|responsable\s+de\s+comptes?|gestionnaire\s+de\s+comptes?)\b"
)


def role_tokens(question: str, framework: Framework) -> frozenset[str]:
    """The tokens of the role's own name ("account", "manager"), which BM25 leaves out of a question's query unless
    the question asks what to call the job. Nearly every question names the role, and the passage on job titles
    repeats it four times: on dev, BM25 ranked that passage high for questions about anything (a written case study,
    English, managing people)."""
    from ..guide.knowledge import tokenize

    if _NAMING.search(fold(question)):
        return frozenset()
    return frozenset(tokenize(f"{framework.role.fr} {framework.role.en}"))


def _triggers(framework: Framework) -> tuple[Trigger, ...]:
    return _per_framework(_CACHE, framework, _build_triggers)


def _build_triggers(framework: Framework) -> tuple[Trigger, ...]:
    out: list[Trigger] = []

    role = {_phrase(framework.role.fr), _phrase(framework.role.en)}

    def add(phrases: list[str], expansion: str, min_len: int = 2, framework_item: bool = True) -> None:
        for p in phrases:
            key = _phrase(p)
            if len(key) >= min_len and key not in role:  # the role's own name is in nearly every question
                out.append(Trigger(key, expansion, framework_item))

    for entry in framework.glossary:
        add([entry.term, *entry.aliases], f"{entry.term} {entry.source}")
    for comp in framework.competencies:
        # A one-word cue ("process", "excel") still expands the question, but is too generic to count as evidence.
        cues = [*comp.cues.en, *comp.cues.fr, comp.label.en]
        add([c for c in cues if " " in c.strip()], f"{comp.label.fr} {comp.source}", min_len=4)
        add([c for c in cues if " " not in c.strip()], f"{comp.label.fr} {comp.source}", 4, framework_item=False)
    for step in framework.interview.steps:
        add([step.label.en, step.label.fr], f"{step.label.fr} {step.source}")
    for profile in framework.missions.profiles:
        add([profile.label.en, profile.label.fr], f"{profile.label.fr} {profile.source}")
    for axis in framework.missions.axes:
        add([axis.label.en, axis.label.fr], f"{axis.label.fr} {axis.source}")
    for point in framework.selling_points:
        add([point.label.en, point.label.fr], point.source)
    for title in framework.titles.recommended:
        add([title.label], title.source)
    for bad in framework.titles.discouraged:
        add([bad.label], bad.source)
    for phrase, words in LEXICON.items():
        add([phrase], words, framework_item=False)
    return tuple(out)


def expansion(question: str, framework: Framework) -> Expansion:
    """The question followed by the French wording of every framework item or word it names."""
    key = _phrase(question)
    added: list[str] = []
    named = False
    for trig in _triggers(framework):
        if _contains(key, trig.phrase):
            named = named or trig.framework
            if trig.expansion not in added:
                added.append(trig.expansion)
    return Expansion(question if not added else f"{question}\n{' '.join(added)}", named)


def lexicon_words(question: str) -> str:
    """The French words the generic lexicon gives for a question's English or colloquial words (no framework
    item's wording)."""
    key = _phrase(question)
    return " ".join(words for phrase, words in LEXICON.items() if _contains(key, _phrase(phrase)))


def expand(question: str, framework: Framework) -> str:
    """The expanded question's text."""
    return expansion(question, framework).text
