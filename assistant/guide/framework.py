"""Load and validate a guide folder: guide.md (front matter + Markdown) and framework.yaml (its structured reading)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator, model_validator

from ..errors import InputError, KnowledgeError

GUIDE_FILE = "guide.md"
FRAMEWORK_FILE = "framework.yaml"
MAX_FILE_BYTES = 2_000_000  # a guide is a few pages; anything bigger is a mistake, not a guide
MIN_SOURCE_CHARS = 10

# The scorecard schema shared by every guide: exports, evals and the interview summary depend on these ids.
COMPETENCY_IDS: tuple[str, ...] = (
    "experience_similar", "experience_adjacent", "marketing_culture", "data_kpi", "sales_temperament",
    "conflict_resolution", "english", "process_improvement", "sector_knowledge", "network", "education",
    "team_management", "organisation", "listening", "interpersonal", "reactivity", "proactivity",
)  # fmt: skip
SCALE_ANCHORS: tuple[str, ...] = ("1", "3", "5")

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Source = Annotated[str, StringConstraints(strip_whitespace=True, min_length=MIN_SOURCE_CHARS)]
Level = Literal["junior", "mid", "senior"]


def _lang_key(lang: str) -> Literal["fr", "en"]:
    """'fr', 'FR', 'fr-FR', 'en_GB' → 'fr' / 'en'; anything else is an InputError."""
    key = str(lang).strip().lower().replace("_", "-").split("-")[0]
    if key == "fr":
        return "fr"
    if key == "en":
        return "en"
    raise InputError(f"Unsupported language {lang!r}: use 'fr' or 'en'.")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A bilingual text."""

    fr: NonEmpty
    en: NonEmpty

    def get(self, lang: str) -> str:
        """The text in `lang` ('fr' or 'en', region suffixes accepted)."""
        return self.fr if _lang_key(lang) == "fr" else self.en


class SourcedText(Text):
    """A bilingual text with the guide passage it comes from."""

    source: Source


class GuideInfo(_Strict):
    id: NonEmpty
    title: NonEmpty
    language: Literal["fr", "en"]
    year: int


class Role(_Strict):
    fr: NonEmpty
    en: NonEmpty
    description_fr: NonEmpty
    description_en: NonEmpty
    source: Source | None = None

    def get(self, lang: str) -> str:
        """The role name in `lang`."""
        return self.fr if _lang_key(lang) == "fr" else self.en

    def description(self, lang: str) -> str:
        """The descriptive line in `lang` (e.g. the French line an English title needs in a French ad)."""
        return self.description_fr if _lang_key(lang) == "fr" else self.description_en


class RecommendedTitle(_Strict):
    id: NonEmpty
    label: NonEmpty
    scope: Literal["standard", "key_accounts"]
    levels: list[Level] = Field(min_length=1)
    description: Text
    source: Source


class DiscouragedTitle(_Strict):
    id: NonEmpty
    label: NonEmpty
    patterns: list[NonEmpty] = Field(min_length=1)
    reason: Text
    suggest: NonEmpty
    source: Source

    @field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            if pattern != pattern.lower():
                raise ValueError(f"pattern {pattern!r} must be lowercase (text is lowercased before matching)")
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} is not a valid regular expression: {exc}") from exc
        return patterns


class Titles(_Strict):
    recommended: list[RecommendedTitle] = Field(min_length=1)
    discouraged: list[DiscouragedTitle] = Field(default_factory=list)


class SellingPoint(_Strict):
    id: NonEmpty
    label: Text
    brief_field: Literal["key_clients", "partners_count", "team_size", "sector"]
    source: Source


class Axis(_Strict):
    id: NonEmpty
    label: Text
    details: Text
    source: Source


class Profile(_Strict):
    id: NonEmpty
    label: Text
    description: Text
    source: Source


class Missions(_Strict):
    axes: list[Axis] = Field(min_length=1)
    profiles: list[Profile] = Field(default_factory=list)
    scope: SourcedText | None = None


class Cues(_Strict):
    """Words and phrases that signal a competency in interview notes, per language."""

    fr: list[NonEmpty] = Field(min_length=1)
    en: list[NonEmpty] = Field(min_length=1)

    @field_validator("fr", "en")
    @classmethod
    def _normalised(cls, cues: list[str]) -> list[str]:
        for cue in cues:
            if cue != cue.lower():
                raise ValueError(f"cue {cue!r} must be lowercase")
            if "’" in cue:
                raise ValueError(f"cue {cue!r}: write apostrophes as ' (notes are normalised the same way)")
        duplicates = sorted({c for c in cues if cues.count(c) > 1})
        if duplicates:
            raise ValueError(f"duplicate cues: {duplicates}")
        return cues

    def get(self, lang: str) -> list[str]:
        """The cues in `lang`."""
        return list(self.fr if _lang_key(lang) == "fr" else self.en)


class Competency(_Strict):
    id: NonEmpty
    group: Literal["experience", "hard_skill", "soft_skill", "education"]
    label: Text
    description: Text
    cues: Cues
    scale: dict[str, Text]
    source: Source

    @field_validator("scale", mode="before")
    @classmethod
    def _scale_keys(cls, value: Any) -> Any:
        # YAML reads an unquoted `1:` as an int key; accept it, and require the three anchors.
        if not isinstance(value, dict):
            return value
        scale = {str(k): v for k, v in value.items()}
        missing = [k for k in SCALE_ANCHORS if k not in scale]
        unknown = [k for k in scale if k not in {"1", "2", "3", "4", "5"}]
        if missing or unknown:
            raise ValueError(
                f"scale needs anchors {list(SCALE_ANCHORS)} (ratings 1 to 5); missing {missing}, unknown {unknown}"
            )
        return scale

    def anchor(self, rating: int, lang: str) -> str | None:
        """The anchor text for a rating, when the scale defines one."""
        text = self.scale.get(str(rating))
        return text.get(lang) if text else None


class StepFocus(_Strict):
    """A competency the guide's description of a step says that step assesses, with the guide's words for it."""

    competency: NonEmpty
    source: Source


class InterviewStep(_Strict):
    id: NonEmpty
    label: Text
    description: Text
    source: Source
    assesses: list[StepFocus] = Field(default_factory=list)
    """Competencies the step's own description names (besides those its questions probe), each quoted."""
    background: list[NonEmpty] = Field(default_factory=list)
    """Headings of guide sections to show verbatim in the step's interview kit (e.g. what the candidate seeks)."""


class Question(_Strict):
    id: NonEmpty
    text: Text
    stage: NonEmpty
    competencies: list[NonEmpty] = Field(min_length=1)
    source: Source


class Topic(_Strict):
    id: NonEmpty
    label: Text
    source: Source


class Interview(_Strict):
    steps: list[InterviewStep] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)
    topics: list[Topic] = Field(default_factory=list)


class TrialAdvice(_Strict):
    id: NonEmpty
    text: Text
    source: Source


class SalaryLevel(_Strict):
    min: int | None = Field(None, ge=0)
    max: int | None = Field(None, ge=0)
    from_years: int | None = Field(None, ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> SalaryLevel:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


class PctRange(_Strict):
    min: float = Field(ge=0, le=100)
    max: float = Field(ge=0, le=100)

    @model_validator(mode="after")
    def _ordered(self) -> PctRange:
        if self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


class Salary(_Strict):
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    period: Literal["month", "year"]
    basis: Literal["gross", "net"]
    year: int
    levels: dict[Level, SalaryLevel] = Field(min_length=1)
    variable_pct: PctRange | None = None
    notes: Text
    source: Source


class GlossaryEntry(_Strict):
    term: NonEmpty
    aliases: list[NonEmpty] = Field(default_factory=list)
    definition: NonEmpty
    source: Source


class Framework(_Strict):
    """The structured reading of one guide (see knowledge/<guide>/framework.yaml)."""

    guide: GuideInfo
    role: Role
    titles: Titles
    selling_points: list[SellingPoint] = Field(default_factory=list)
    missions: Missions
    competencies: list[Competency]
    interview: Interview
    trial_period: list[TrialAdvice] = Field(default_factory=list)
    salary: Salary
    glossary: list[GlossaryEntry] = Field(default_factory=list)

    @model_validator(mode="after")
    def _cross_references(self) -> Framework:
        ids = [c.id for c in self.competencies]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"competencies: duplicate ids {duplicates}")
        missing = [i for i in COMPETENCY_IDS if i not in ids]
        unknown = [i for i in ids if i not in COMPETENCY_IDS]
        if missing or unknown:
            raise ValueError(
                f"competencies: missing ids {missing}, unknown ids {unknown} (the {len(COMPETENCY_IDS)} stable ids are required)"
            )
        for name, items in (
            ("titles.recommended", self.titles.recommended),
            ("titles.discouraged", self.titles.discouraged),
            ("selling_points", self.selling_points),
            ("missions.axes", self.missions.axes),
            ("missions.profiles", self.missions.profiles),
            ("interview.steps", self.interview.steps),
            ("interview.questions", self.interview.questions),
            ("interview.topics", self.interview.topics),
            ("trial_period", self.trial_period),
        ):
            item_ids = [item.id for item in items]
            dup = sorted({i for i in item_ids if item_ids.count(i) > 1})
            if dup:
                raise ValueError(f"{name}: duplicate ids {dup}")
        recommended = {t.id for t in self.titles.recommended}
        for title in self.titles.discouraged:
            if title.suggest not in recommended:
                raise ValueError(
                    f"titles.discouraged[id={title.id}].suggest: {title.suggest!r} is not a recommended title id {sorted(recommended)}"
                )
        steps = {s.id for s in self.interview.steps}
        for question in self.interview.questions:
            if question.stage not in steps:
                raise ValueError(
                    f"interview.questions[id={question.id}].stage: {question.stage!r} is not a step id {sorted(steps)}"
                )
            bad = [c for c in question.competencies if c not in ids]
            if bad:
                raise ValueError(f"interview.questions[id={question.id}].competencies: unknown ids {bad}")
        for step in self.interview.steps:
            bad = [f.competency for f in step.assesses if f.competency not in ids]
            if bad:
                raise ValueError(f"interview.steps[id={step.id}].assesses: unknown competency ids {bad}")
        return self

    @property
    def competency_ids(self) -> list[str]:
        """The competency ids in framework order."""
        return [c.id for c in self.competencies]

    def competency(self, competency_id: str) -> Competency:
        """The competency with this id (InputError if unknown)."""
        for competency in self.competencies:
            if competency.id == competency_id:
                return competency
        raise InputError(f"Unknown competency id {competency_id!r}; known ids: {', '.join(self.competency_ids)}.")

    def question(self, question_id: str) -> Question:
        """The interview question with this id (InputError if unknown)."""
        for question in self.interview.questions:
            if question.id == question_id:
                return question
        raise InputError(f"Unknown question id {question_id!r}.")

    def title(self, title_id: str) -> RecommendedTitle:
        """The recommended title with this id (InputError if unknown)."""
        for title in self.titles.recommended:
            if title.id == title_id:
                return title
        raise InputError(f"Unknown title id {title_id!r}.")


# --------------------------------------------------------------------------- loading


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise KnowledgeError(f"{path}: file not found (a guide folder needs {GUIDE_FILE} and {FRAMEWORK_FILE}).")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise KnowledgeError(f"{path}: file too large ({size} bytes, limit {MAX_FILE_BYTES}).")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeError(f"{path}: not valid UTF-8 ({exc}).") from exc
    return text.lstrip("\ufeff").replace("\r\n", "\n")


def _check_dir(guide_dir: Path) -> Path:
    if not isinstance(guide_dir, (str, Path)):
        raise KnowledgeError(f"A guide folder must be a path, not {type(guide_dir).__name__}.")
    guide_dir = Path(guide_dir)
    if not guide_dir.is_dir():
        raise KnowledgeError(f"{guide_dir}: guide folder not found (set ASSISTANT_KNOWLEDGE_DIR / ASSISTANT_GUIDE).")
    return guide_dir


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)


def load_guide_text(guide_dir: Path) -> tuple[dict[str, Any], str]:
    """Read guide.md: its YAML front matter (needs at least title and language) and its Markdown body."""
    path = _check_dir(guide_dir) / GUIDE_FILE
    text = _read_text(path)
    match = _FRONT_MATTER.match(text)
    if not match:
        raise KnowledgeError(f"{path}: missing YAML front matter (a block between '---' lines at the top).")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: malformed front matter: {_yaml_problem(exc)}") from exc
    if not isinstance(meta, dict):
        raise KnowledgeError(f"{path}: front matter must be a mapping of keys to values.")
    missing = [key for key in ("title", "language") if not meta.get(key)]
    if missing:
        raise KnowledgeError(f"{path}: front matter lacks {', '.join(missing)}.")
    meta = {str(k): (v.isoformat() if isinstance(v, date) else v) for k, v in meta.items()}
    body = text[match.end() :].strip("\n")
    if not body.strip():
        raise KnowledgeError(f"{path}: the guide has no text after its front matter.")
    return meta, body + "\n"


def _loc(loc: tuple[int | str, ...]) -> str:
    """('competencies', 3, 'scale') → 'competencies[3].scale'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def _schema_problems(exc: ValidationError) -> list[str]:
    problems = []
    for err in exc.errors(include_url=False):
        where = _loc(err["loc"])
        msg = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            problems.append(f"{where}: unknown key {str(err['loc'][-1])!r}")
        elif not err["loc"]:
            problems.append(msg)  # cross-reference checks already name their item
        else:
            problems.append(f"{where}: {msg}")
    return problems


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """A one-line description of a YAML error with its line and column."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if mark is None:
        return str(problem)
    context = getattr(exc, "context", None)
    return f"line {mark.line + 1}, column {mark.column + 1}: {problem}" + (f" ({context})" if context else "")


def _squash_spaces(text: str) -> str:
    return " ".join(text.split())


def _verbatim_fields(fw: Framework) -> list[tuple[str, str]]:
    """(item path, text) for every field that must be a verbatim quote of guide.md."""
    found: list[tuple[str, str]] = []

    def label(item: BaseModel, index: int) -> str:
        for key in ("id", "term"):
            value = getattr(item, key, None)
            if isinstance(value, str):
                return f"[{key}={value}]"
        return f"[{index}]"

    def walk(node: Any, path: str) -> None:
        if isinstance(node, BaseModel):
            for name in type(node).model_fields:
                value = getattr(node, name)
                sub = f"{path}.{name}" if path else name
                if name == "source" and isinstance(value, str):
                    found.append((sub, value))
                elif isinstance(node, GlossaryEntry) and name == "definition":
                    found.append((sub, value))
                elif isinstance(node, Question) and name == "text":
                    found.append((f"{sub}.fr", value.fr))
                else:
                    walk(value, sub)
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, path + (label(item, i) if isinstance(item, BaseModel) else f"[{i}]"))
        elif isinstance(node, dict):
            for key, item in node.items():
                walk(item, f"{path}.{key}")

    walk(fw, "")
    return found


def check_sources(fw: Framework, guide_body: str) -> list[str]:
    """Items whose `source` (or other verbatim field) is not found in the guide text, whitespace folded."""
    haystack = _squash_spaces(guide_body)
    return [
        f"{path}: {text!r} not found in {GUIDE_FILE}"
        for path, text in _verbatim_fields(fw)
        if _squash_spaces(text) not in haystack
    ]


def load_framework(guide_dir: Path) -> Framework:
    """Load, validate and source-check knowledge/<guide>/framework.yaml (cached until a file changes)."""
    guide_dir = _check_dir(guide_dir).resolve()
    stamps: list[int] = []
    for name in (FRAMEWORK_FILE, GUIDE_FILE):
        path = guide_dir / name
        stat = path.stat() if path.is_file() else None
        stamps += [stat.st_mtime_ns, stat.st_size] if stat else [-1, -1]
    return _load_framework_cached(guide_dir, tuple(stamps))


@lru_cache(maxsize=16)
def _load_framework_cached(guide_dir: Path, _stamps: tuple[int, ...]) -> Framework:
    path = guide_dir / FRAMEWORK_FILE
    try:
        data = yaml.safe_load(_read_text(path))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: malformed YAML at {_yaml_problem(exc)}") from exc
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path}: the top level must be a mapping (guide, role, titles, competencies, ...).")
    try:
        fw = Framework.model_validate(data)
    except ValidationError as exc:
        problems = _schema_problems(exc)
        raise KnowledgeError(f"{path}: {len(problems)} schema problem(s):\n  " + "\n  ".join(problems)) from exc
    if fw.guide.id != guide_dir.name:
        raise KnowledgeError(f"{path}: guide.id {fw.guide.id!r} must equal the folder name {guide_dir.name!r}.")
    _, body = load_guide_text(guide_dir)
    missing = check_sources(fw, body)
    if missing:
        raise KnowledgeError(
            f"{path}: {len(missing)} quote(s) not found verbatim in {guide_dir / GUIDE_FILE}:\n  "
            + "\n  ".join(missing)
        )
    return fw


def list_guides(knowledge_dir: Path) -> list[str]:
    """Names of the guide folders (those holding guide.md and framework.yaml), sorted."""
    if not isinstance(knowledge_dir, (str, Path)) or not Path(knowledge_dir).is_dir():
        raise KnowledgeError(f"{knowledge_dir}: knowledge folder not found (set ASSISTANT_KNOWLEDGE_DIR).")
    return sorted(
        d.name
        for d in Path(knowledge_dir).iterdir()
        if d.is_dir() and not d.name.startswith(".") and (d / GUIDE_FILE).is_file() and (d / FRAMEWORK_FILE).is_file()
    )
