"""Interview notes: the LLM's proposal, the verified scorecard. Field descriptions are prompt text."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ..rules.models import Flag
from ..text import Language

Polarity = Literal["positive", "negative", "neutral"]
Recommendation = Literal["advance", "hold", "do_not_advance"]


class EvidenceDraft(BaseModel):
    """One piece of evidence the LLM proposes; code checks the quote against the notes."""

    quote: str = Field(
        description="An excerpt copied character for character from the notes (a sentence or part of one). "
        "No paraphrase, no translation, no ellipsis, no text from outside the notes."
    )
    polarity: Polarity = Field(
        description="positive: the excerpt shows the competency; negative: it shows a gap; neutral: a fact without judgement."
    )


class AssessmentDraft(BaseModel):
    """The LLM's reading of one competency."""

    competency_id: str = Field(description="One of the competency ids listed in the message, exactly as written.")
    evidence: list[EvidenceDraft] = Field(
        default_factory=list, description="The excerpts of the notes that bear on this competency (at least one)."
    )
    rating: int | None = Field(
        None,
        description="1 to 5 on this competency's anchored scale (anchors 1, 3 and 5 are given; 2 and 4 lie between). "
        "Null when the evidence is too thin to rate.",
    )
    rationale: str = Field(
        "", description="One sentence explaining the rating from the quoted evidence only, in the language of the notes."
    )


class ScorecardDraft(BaseModel):
    """What the LLM returns for interview notes: evidence per competency, ratings, a suggestion for the human."""

    assessments: list[AssessmentDraft] = Field(
        default_factory=list,
        description="One entry per competency the notes give evidence for. Leave out competencies the notes do not "
        "address: they will be marked not assessed.",
    )
    recommendation: Recommendation | None = Field(
        None,
        description="A suggestion for the interviewer, who decides: advance, hold or do_not_advance. "
        "Null when the notes are too thin.",
    )
    recommendation_rationale: str = Field(
        "", description="One sentence grounded in the rated evidence, in the language of the notes."
    )


class Evidence(BaseModel):
    """A verbatim excerpt of the notes: `quote == notes[start:end]` on the text the user gave."""

    quote: str
    start: int = Field(description="Character offset of the quote in the original notes.")
    end: int
    polarity: Polarity = "neutral"
    competency: str | None = Field(None, description="The competency id, in strengths and concerns.")


class CompetencyAssessment(BaseModel):
    id: str
    label: str
    status: Literal["assessed", "not_assessed"]
    rating: int | None = Field(None, ge=1, le=5, description="1 to 5 on the anchored scale; never set offline.")
    rationale: str = ""
    evidence: list[Evidence] = Field(default_factory=list)


class FollowUpQuestion(BaseModel):
    competency: str = Field(description="The first not-assessed competency this question explores.")
    competencies: list[str] = Field(default_factory=list, description="Every not-assessed competency it explores.")
    question: str
    question_id: str | None = Field(None, description="Id in the guide's question bank; None when built from the framework.")
    stage: str | None = None


class InterviewSummary(BaseModel):
    """The scorecard: evidence per competency, flags, follow-ups and (LLM mode only) ratings and a suggestion."""

    language: Language
    stage: str | None = None
    competencies: list[CompetencyAssessment]
    strengths: list[Evidence] = Field(default_factory=list)
    concerns: list[Evidence] = Field(default_factory=list)
    follow_up_questions: list[FollowUpQuestion] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    recommendation: Recommendation | None = None
    recommendation_rationale: str = ""
    notice: str = Field(description="The decision belongs to the interviewer; what this tool did and did not do.")
    backend: str
    model: str | None = None
    excluded: str = Field("", description="How passages with a discrimination or injection flag were kept out.")
    dropped: list[str] = Field(default_factory=list, description="What verification removed from the LLM's proposal.")
    retrieved: list[str] = Field(default_factory=list, description="Ids of the guide passages given to the LLM.")

    def to_json(self) -> dict:
        """The JSON document of the CLI's `--format json` and the UI download."""
        return self.model_dump(mode="json")
