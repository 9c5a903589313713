"""Interview notes: the LLM's proposal, the verified scorecard. Field descriptions are prompt text."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator
from pydantic.json_schema import SkipJsonSchema

from ..rules.models import Flag
from ..text import Language

Polarity = Literal["positive", "negative", "neutral"]
Recommendation = Literal["advance", "hold", "do_not_advance"]
FactKind = Literal["salary_expectation", "availability", "location", "next_steps", "candidate_question"]
FACT_KINDS: tuple[str, ...] = ("salary_expectation", "availability", "location", "next_steps", "candidate_question")
Status = Literal["assessed", "not_assessed", "not_planned"]
"""`assessed`: verified evidence; `not_assessed`: none, and the stage (or, with no stage, the interview) was meant to
assess it; `not_planned`: none, and the stage given was not meant to assess it (no follow-up question)."""

# What a model may write for a fact's kind, mapped to FactKind (a wrong kind drops the fact, never the scorecard).
_FACT_KIND_ALIASES = {
    "salary": "salary_expectation",
    "salary_expectations": "salary_expectation",
    "expectation": "salary_expectation",
    "pretentions": "salary_expectation",
    "notice": "availability",
    "notice_period": "availability",
    "start_date": "availability",
    "remote": "location",
    "location_constraint": "location",
    "next_step": "next_steps",
    "question": "candidate_question",
    "candidate_questions": "candidate_question",
    "questions": "candidate_question",
}


class EvidenceDraft(BaseModel):
    """One piece of evidence as older prompts asked for it (quote + polarity); accepted on input, never requested."""

    quote: str
    polarity: Polarity | None = None


class AssessmentDraft(BaseModel):
    """The LLM's reading of one competency: its id, verbatim excerpts, an optional rating. Kept small on purpose: a
    1.5B model must fit a whole scorecard in its output budget; code computes polarity and fills "not assessed"."""

    competency_id: str = Field(description="One of the competency ids listed in the message, exactly as written.")
    quotes: list[str] = Field(
        default_factory=list,
        description="Excerpts copied character for character from the notes that show this competency (a sentence "
        "or part of one). No paraphrase, no translation, no ellipsis.",
    )
    rating: int | None = Field(
        None,
        description="1 to 5 on this competency's anchored scale (anchors 1, 3 and 5 are given; 2 and 4 lie between). "
        "Null when the evidence is too thin to rate.",
    )
    # Not requested from the model (output budget); kept when a model or a caller gives them.
    rationale: SkipJsonSchema[str] = ""
    claimed_polarity: SkipJsonSchema[list[Polarity | None]] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _accept_evidence_objects(cls, data: Any) -> Any:
        """Accept {"id": ...} and {"evidence": [{"quote", "polarity"}]} (what models and older prompts write)."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if "competency_id" not in data:
            for alias in ("id", "competency", "competence"):
                if alias in data:
                    data["competency_id"] = data.pop(alias)
                    break
        evidence = data.pop("evidence", None)
        if isinstance(evidence, list) and "quotes" not in data:
            quotes, polarities = [], []
            for item in evidence:
                if isinstance(item, dict):
                    quotes.append(str(item.get("quote", "")))
                    polarities.append(item.get("polarity"))
                else:
                    quotes.append(str(item))
                    polarities.append(None)
            data["quotes"] = quotes
            data.setdefault("claimed_polarity", polarities)
        elif isinstance(data.get("quotes"), str):
            data["quotes"] = [data["quotes"]]
        return data

    @property
    def evidence(self) -> list[EvidenceDraft]:
        """The quotes with the polarity the model claimed (None when it gave none)."""
        claimed = self.claimed_polarity
        return [
            EvidenceDraft(quote=q, polarity=claimed[i] if i < len(claimed) else None) for i, q in enumerate(self.quotes)
        ]


class FactDraft(BaseModel):
    """A practical fact the LLM proposes: its kind and one verbatim excerpt (verified by code like evidence)."""

    kind: FactKind
    quote: str = Field(description="The excerpt, copied character for character from the notes.")


class ScorecardDraft(BaseModel):
    """What the LLM returns for interview notes: the competencies the notes show, with verbatim excerpts."""

    assessments: list[AssessmentDraft] = Field(
        default_factory=list,
        description="Only the competencies the notes give evidence for. Leave out the others: code marks them "
        "not assessed.",
    )
    recommendation: Recommendation | None = Field(
        None,
        description="A suggestion for the interviewer, who decides: advance, hold or do_not_advance. "
        "Null when the notes are too thin.",
    )
    recommendation_rationale: SkipJsonSchema[str] = ""
    facts: list[FactDraft] = Field(
        default_factory=list,
        description="Optional, short: practical facts quoted verbatim, at most one per kind: salary_expectation "
        "(what the candidate asks for; never their current or past pay), availability (notice, start date), location "
        "(remote, on-site, moving), next_steps (agreed), candidate_question (what the candidate asked).",
    )

    @model_validator(mode="before")
    @classmethod
    def _tolerant_facts(cls, data: Any) -> Any:
        """Facts with a kind outside FactKind (after aliases) are dropped, never the whole scorecard; a
        {"kind": "quote"} mapping is read as a list."""
        if not isinstance(data, dict) or "facts" not in data:
            return data
        data = dict(data)
        raw = data.get("facts")
        if isinstance(raw, dict):
            raw = [{"kind": k, "quote": v} for k, v in raw.items()]
        kept = []
        for item in raw if isinstance(raw, list) else []:
            if not isinstance(item, dict) or not isinstance(item.get("quote"), str):
                continue
            kind = re.sub(r"[^a-z]+", "_", str(item.get("kind", "")).lower()).strip("_")
            kind = _FACT_KIND_ALIASES.get(kind, kind)
            if kind in FACT_KINDS and item["quote"].strip():
                kept.append({"kind": kind, "quote": item["quote"]})
        data["facts"] = kept
        return data


class PracticalFact(BaseModel):
    """A practical fact of the interview (Metaview-style), backed by a verbatim quote: `quote == notes[start:end]`."""

    kind: FactKind = Field(description="What the fact is about.")
    quote: str = Field(description="The passage of the notes that states it, verbatim.")
    start: int = Field(description="Character offset of the quote in the original notes.")
    end: int


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
    status: Status
    rating: int | None = Field(None, ge=1, le=5, description="1 to 5 on the anchored scale; never set offline.")
    rationale: str = ""
    evidence: list[Evidence] = Field(default_factory=list)


class FollowUpQuestion(BaseModel):
    competency: str = Field(description="The first not-assessed competency this question explores.")
    competencies: list[str] = Field(default_factory=list, description="Every not-assessed competency it explores.")
    question: str
    question_id: str | None = Field(
        None, description="Id in the guide's question bank; None when built from the framework."
    )
    stage: str | None = None


class InterviewSummary(BaseModel):
    """The scorecard: evidence per competency, flags, follow-ups and (LLM mode only) ratings and a suggestion."""

    language: Language
    stage: str | None = None
    interviewer: str | None = Field(None, description="Who interviewed, as the user typed it; None when not given.")
    stage_competencies: list[str] | None = Field(
        None, description="Ids of the competencies the stage was meant to assess; None when no stage was given."
    )
    competencies: list[CompetencyAssessment]
    strengths: list[Evidence] = Field(default_factory=list)
    concerns: list[Evidence] = Field(default_factory=list)
    follow_up_questions: list[FollowUpQuestion] = Field(default_factory=list)
    facts: list[PracticalFact] = Field(
        default_factory=list, description="Practical facts (salary expectation, availability, ...), each quoted."
    )
    flags: list[Flag] = Field(default_factory=list)
    recommendation: Recommendation | None = None
    recommendation_rationale: str = ""
    notice: str = Field(description="The decision belongs to the interviewer; what this tool did and did not do.")
    backend: str
    model: str | None = None
    excluded: str = Field(
        "", description="How passages with a discrimination, injection or pay-history flag were kept out."
    )
    dropped: list[str] = Field(default_factory=list, description="What verification removed from the LLM's proposal.")
    retrieved: list[str] = Field(default_factory=list, description="Ids of the guide passages given to the LLM.")
    usage: dict[str, int] = Field(default_factory=dict, description="Tokens and calls reported by the LLM backend.")

    def to_json(self) -> dict:
        """The JSON document of the CLI's `--format json` and the UI download."""
        return self.model_dump(mode="json")
