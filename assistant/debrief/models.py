"""The debrief's types: the scorecards it reads (tolerant of older and newer exports) and the view it builds."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..text import Language

SCHEMA_VERSION = "debrief/1"
"""The `schema` of the JSON export (a scorecard export says "scorecard/1")."""

Mark = Literal["agree", "disagree", "single", "none"]
"""Agreement on one competency: `agree` (two or more interviewers assessed it and no disagreement was found),
`disagree` (two ratings differ by 2 points or more, or one interviewer's evidence leans strength and another's
leans concern), `single` (one interviewer assessed it: nothing to compare), `none` (nobody assessed it)."""

Lean = Literal["strength", "concern", "mixed", "neutral"]
"""What one interviewer's evidence on a competency leans to: only positive quotes (`strength`), only negative ones
(`concern`), both (`mixed`), or neither (`neutral`, including no evidence)."""


class _Tolerant(BaseModel):
    """Input read from a scorecard export: unknown fields are ignored, so newer exports still load."""

    model_config = ConfigDict(extra="ignore")


class EvidenceIn(_Tolerant):
    """One evidence quote of a scorecard."""

    quote: str = Field(max_length=5000, description="The quote from the interviewer's notes.")
    polarity: Literal["positive", "negative", "neutral"] = Field(
        "neutral", description="What the quote says about the competency."
    )

    @field_validator("polarity", mode="before")
    @classmethod
    def _unknown_polarity_is_neutral(cls, value: Any) -> Any:
        return value if value in ("positive", "negative", "neutral") else "neutral"


class CompetencyIn(_Tolerant):
    """One competency of a scorecard."""

    id: str = Field(min_length=1, max_length=200, description="The framework's competency id.")
    label: str = Field("", max_length=500, description="Its label in the scorecard's language.")
    status: str = Field(
        min_length=1,
        max_length=100,
        description="`assessed`, `not_assessed`, or another not-assessed status a newer export may use.",
    )
    rating: int | None = Field(None, ge=1, le=5, description="1 to 5 on the anchored scale; None when not rated.")
    evidence: list[EvidenceIn] = Field(default_factory=list, max_length=200, description="The quotes that back it.")


class FlagIn(_Tolerant):
    """One flag of a scorecard. Its quoted text is never carried into the debrief (see `DebriefFlag`)."""

    kind: str = Field(min_length=1, max_length=100, description="Stable name: discrimination, pii, ….")
    severity: str = Field("warning", max_length=20, description="error, warning or info.")
    message: str = Field("", max_length=2000, description="What the flag means and why (English).")
    message_fr: str | None = Field(None, max_length=2000, description="The same in French, when the export has it.")
    evidence: str | None = Field(None, max_length=5000, description="The flagged text (read, never exported).")
    quote: str | None = Field(None, max_length=5000, description="Alias of `evidence` in scorecard exports.")


class ScorecardIn(_Tolerant):
    """A scorecard as `summarize --format json` and the notes tab's download write it (`InterviewSummary.to_json()`),
    read with only the fields a debrief needs."""

    language: Language = Field("fr", description="The scorecard's language.")
    stage: str | None = Field(None, max_length=100, description="The interview stage, when given.")
    interviewer: str | None = Field(None, max_length=200, description="Who interviewed, when the export says.")
    competencies: list[CompetencyIn] = Field(min_length=1, max_length=500, description="One entry per competency.")
    flags: list[FlagIn] = Field(default_factory=list, max_length=1000, description="What must not count.")
    recommendation: str | None = Field(None, max_length=50, description="The scorecard's suggestion, if any.")
    backend: str = Field("", max_length=200, description="The engine that wrote the scorecard.")
    guide: str | None = Field(None, max_length=200, description="The guide's id, when a newer export carries it.")

    @field_validator("language", mode="before")
    @classmethod
    def _unknown_language_is_french(cls, value: Any) -> Any:
        return value if value in ("fr", "en") else "fr"

    @field_validator("guide", mode="before")
    @classmethod
    def _guide_as_id(cls, value: Any) -> Any:
        """Accept `"guide": "id"` or `"guide": {"id": ...}`."""
        if isinstance(value, dict):
            value = value.get("id")
        return value if isinstance(value, str) or value is None else str(value)


class Scorecard(BaseModel):
    """One interviewer's independent scorecard, ready to aggregate."""

    interviewer: str = Field(description="The name shown for this interviewer (given, or 'Interviewer N').")
    source: Literal["json", "notes"] = Field(description="Loaded from a JSON export, or scored here from notes.")
    card: ScorecardIn = Field(description="The scorecard itself.")


class InterviewerInfo(BaseModel):
    """One interviewer of the debrief, in input order."""

    name: str = Field(description="The interviewer's name as shown (personal data redacted).")
    stage: str | None = Field(None, description="The stage of their interview, when known.")
    source: Literal["json", "notes"] = Field(description="Where their scorecard came from.")
    backend: str = Field("", description="The engine that wrote their scorecard.")
    recommendation: str | None = Field(None, description="Their own scorecard's suggestion, shown, never combined.")


class Cell(BaseModel):
    """One interviewer's view of one competency."""

    interviewer: str = Field(description="The interviewer's name.")
    status: str = Field(description="The scorecard's status (`assessed`, `not_assessed`, …; `absent` if missing).")
    assessed: bool = Field(description="True when the interviewer assessed the competency.")
    rating: int | None = Field(None, description="Their rating 1 to 5, when they gave one.")
    lean: Lean = Field("neutral", description="What their evidence leans to.")
    quotes: list[str] = Field(default_factory=list, description="Their evidence quotes, personal data replaced.")
    polarities: list[str] = Field(default_factory=list, description="The polarity of each quote, in order.")


class CompetencyRow(BaseModel):
    """One competency with every interviewer's view side by side."""

    id: str = Field(description="The competency id.")
    label: str = Field(description="Its label in the debrief's language.")
    mark: Mark = Field(description="Agreement mark (see `Mark`).")
    reasons: list[str] = Field(default_factory=list, description="Why it is marked disagree, in plain words.")
    cells: list[Cell] = Field(description="One cell per interviewer, in input order.")


class DebriefFlag(BaseModel):
    """A flag raised by one or more scorecards: what it is and who raised it, its text replaced by a placeholder."""

    kind: str = Field(description="Stable name: discrimination, pii, prompt_injection, ….")
    severity: str = Field(description="error, warning or info.")
    message: str = Field(description="What the flag means (personal data replaced).")
    placeholder: str = Field(description="Stands for the flagged text, e.g. [téléphone], [âge]: never the text.")
    raised_by: list[str] = Field(description="The interviewers whose scorecards raised it.")


class Debrief(BaseModel):
    """Several interviewers' independent scorecards of one candidate, aggregated (never re-scored, never decided)."""

    language: Language = Field(description="The language of the debrief's texts.")
    date: str = Field(description="The day the debrief was built, YYYY-MM-DD (also in the export file names).")
    interviewers: list[InterviewerInfo] = Field(description="Who scored, in input order.")
    competencies: list[CompetencyRow] = Field(description="Every competency, in framework order.")
    not_assessed: list[str] = Field(description="Labels of the competencies nobody assessed.")
    not_planned: list[str] = Field(
        default_factory=list,
        description="Those of `not_assessed` that no interviewer's stage planned to assess (status not_planned).",
    )
    flags: list[DebriefFlag] = Field(default_factory=list, description="Flags raised by any scorecard.")
    statement: str = Field(description="The decision stays with people; the debrief only aggregates.")

    @property
    def disagreements(self) -> list[CompetencyRow]:
        """The competencies marked disagree."""
        return [c for c in self.competencies if c.mark == "disagree"]

    def to_json(self) -> dict[str, Any]:
        """The JSON export's document: `schema` ("debrief/1") then the fields above."""
        return {"schema": SCHEMA_VERSION, **self.model_dump(mode="json")}
