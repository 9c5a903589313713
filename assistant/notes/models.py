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


NO_COMPETENCY = frozenset({"none", "null", "", "n/a", "aucune", "aucun", "-"})
"""What a model writes for a line that shows no competency (the prompt asks for "none")."""


def line_numbers(raw: Any) -> list[int]:
    """The line numbers a model wrote, however it wrote them: 3, "3", "[3]", "L3", "3, 4", [3, "[4]"]; in order,
    without repeats. Anything else (text, booleans) is left out: code reports unknown lines, it never guesses."""
    items = raw if isinstance(raw, list) else [raw]
    found: list[int] = []
    for item in items:
        if isinstance(item, bool):
            continue
        if isinstance(item, int):
            numbers = [item]
        elif isinstance(item, str) and re.fullmatch(r"[\s\[\]\(\)#Ll0-9,;]*", item):
            numbers = [int(n) for n in re.findall(r"\d+", item)]
        else:
            continue
        for n in numbers:
            if n not in found:
                found.append(n)
    return found


class EvidenceDraft(BaseModel):
    """One piece of evidence as older prompts asked for it (quote + polarity); accepted on input, never requested."""

    quote: str
    polarity: Polarity | None = None


class AssessmentDraft(BaseModel):
    """The LLM's reading of one competency: its id, verbatim excerpts, an optional rating. Kept small on purpose: a
    1.5B model must fit a whole scorecard in its output budget; code computes polarity and fills "not assessed"."""

    competency_id: str = Field(description="One of the competency ids listed in the message, exactly as written.")
    lines: list[int] = Field(
        default_factory=list,
        description="The numbers of the notes' lines that show this competency, as written in brackets: [3] → 3.",
    )
    # Not requested (code copies the numbered lines verbatim); accepted from models and callers that quote.
    quotes: SkipJsonSchema[list[str]] = Field(default_factory=list)
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
        lines = line_numbers(data.get("lines", []))
        if isinstance(data.get("quotes"), list):  # [3] or "[3]" written where a quote was expected is a line number
            refs = [q for q in data["quotes"] if isinstance(q, int) or re.fullmatch(r"\s*\[?\d{1,4}\]?\s*", str(q))]
            lines += [n for n in line_numbers(refs) if n not in lines]
            data["quotes"] = [str(q) for q in data["quotes"] if q not in refs]
        if lines or "lines" in data:
            data["lines"] = lines
        return data

    @property
    def evidence(self) -> list[EvidenceDraft]:
        """The quotes with the polarity the model claimed (None when it gave none)."""
        claimed = self.claimed_polarity
        return [
            EvidenceDraft(quote=q, polarity=claimed[i] if i < len(claimed) else None) for i, q in enumerate(self.quotes)
        ]


class FactDraft(BaseModel):
    """A practical fact the LLM proposes: its kind and the numbered line that states it (or, from models and callers
    that quote, one verbatim excerpt); verified by code like evidence."""

    kind: FactKind
    line: int | None = Field(None, description="The number of the notes' line that states it.")
    quote: SkipJsonSchema[str] = ""


class LineEvidence(BaseModel):
    """One line of the notes and the competency it shows: what the model is asked for, line by line."""

    line: int = Field(description="A line number of the notes, as written in brackets: [3] → 3.")
    competency_id: str = Field(
        description='The competency this line shows: one of the listed ids, exactly, or "none" when it shows none.'
    )

    @model_validator(mode="before")
    @classmethod
    def _tolerant(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = dict(data)
            for alias in ("competency", "id", "competence"):
                if "competency_id" not in data and alias in data:
                    data["competency_id"] = data.pop(alias)
            numbers = line_numbers(data.get("line"))
            data["line"] = numbers[0] if numbers else data.get("line")
        return data


class RatingDraft(BaseModel):
    """A rating of one competency on its anchored scale."""

    competency_id: str = Field(description="One of the listed competency ids, exactly.")
    rating: int = Field(description="1 to 5 on the competency's scale, from the lines given for it.")


class ScorecardDraft(BaseModel):
    """What the LLM returns for interview notes: which numbered lines show which competency, ratings, facts and a
    suggestion. Models and callers may instead give `assessments` (a competency with its quotes or lines and a
    rating); both forms end up as `assessments` for the code that verifies them."""

    evidence: list[LineEvidence] = Field(
        default_factory=list,
        description="One entry for every numbered line of the notes: its number and the competency it shows, or "
        '"none" (a line clearly showing a second competency gets a second entry).',
    )
    ratings: list[RatingDraft] = Field(
        default_factory=list,
        description="A rating for the competencies the evidence shows clearly; leave out the others.",
    )
    assessments: SkipJsonSchema[list[AssessmentDraft]] = Field(default_factory=list)
    recommendation: Recommendation | None = Field(
        None,
        description="A suggestion for the interviewer, who decides: advance, hold or do_not_advance. "
        "Null when the notes are too thin.",
    )
    recommendation_rationale: SkipJsonSchema[str] = ""
    facts: list[FactDraft] = Field(
        default_factory=list,
        description="Optional, short: the line stating each practical fact, at most one per kind: salary_expectation "
        "(what the candidate asks for; never their current or past pay), availability (notice, start date), location "
        "(remote, on-site, moving), next_steps (agreed), candidate_question (what the candidate asked).",
    )

    @model_validator(mode="after")
    def _merge_line_evidence(self) -> ScorecardDraft:
        """Fold `evidence` and `ratings` into `assessments` (one per competency, in order of first mention)."""
        if not self.evidence and not self.ratings:
            return self
        by_id: dict[str, AssessmentDraft] = {a.competency_id: a for a in self.assessments}
        for ev in self.evidence:
            if ev.competency_id.strip().lower() in NO_COMPETENCY:
                continue  # a line the model read and found no competency in
            a = by_id.setdefault(ev.competency_id, AssessmentDraft(competency_id=ev.competency_id))
            if ev.line not in a.lines:
                a.lines.append(ev.line)
        for r in self.ratings:
            if r.competency_id.strip().lower() in NO_COMPETENCY:
                continue
            a = by_id.setdefault(r.competency_id, AssessmentDraft(competency_id=r.competency_id))
            if a.rating is None:
                a.rating = r.rating
        self.assessments = list(by_id.values())
        self.evidence, self.ratings = [], []
        return self

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
            raw = [{"kind": k, "line" if isinstance(v, int) else "quote": v} for k, v in raw.items()]
        kept = []
        for item in raw if isinstance(raw, list) else []:
            if not isinstance(item, dict):
                continue
            quote = str(item["quote"]) if isinstance(item.get("quote"), str) else ""
            lines = line_numbers(item.get("line", item.get("lines")))
            kind = re.sub(r"[^a-z]+", "_", str(item.get("kind", "")).lower()).strip("_")
            kind = _FACT_KIND_ALIASES.get(kind, kind)
            if kind in FACT_KINDS and (quote.strip() or lines):
                kept.append({"kind": kind, "quote": quote, "line": lines[0] if lines else None})
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
