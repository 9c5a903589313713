"""Every pydantic model the assistant exchanges. Field descriptions are prompt text: the LLM reads them."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, computed_field

Severity = Literal["error", "warning", "info"]
Language = Literal["fr", "en"]


# --------------------------------------------------------------------------- knowledge


class Chunk(BaseModel):
    """One retrievable passage of a guide: a section, a list, a list item or a glossary entry."""

    id: str = Field(description="Content-hash id of the passage.")
    guide_id: str
    section: str = Field(description="Section path, e.g. 'Les compétences à viser > Les 5 soft skills'.")
    kind: Literal["intro", "section", "list", "list_item", "glossary"]
    text: str
    order: int = Field(0, description="Position of the chunk in the guide, for stable display.")


class ScoredChunk(BaseModel):
    chunk: Chunk
    score: float = Field(description="Fused (reciprocal-rank) score; higher is better.")
    dense_score: float | None = Field(None, description="Cosine similarity, when dense retrieval ran.")
    bm25_score: float | None = None


class Citation(BaseModel):
    chunk_id: str
    section: str
    text: str


# --------------------------------------------------------------------------- flags


class Flag(BaseModel):
    """Something a human must look at: a rule broken, a risk, or text that must not count."""

    kind: str = Field(description="Stable name, e.g. discrimination, gendered_wording, salary, prompt_injection, pii.")
    severity: Severity = "warning"
    message: str
    evidence: str | None = Field(None, description="The offending text, verbatim.")
    start: int | None = Field(None, description="Character offset of the evidence in the text checked.")
    end: int | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def quote(self) -> str | None:
        """Alias of `evidence`, the name the scorecard JSON uses."""
        return self.evidence


# --------------------------------------------------------------------------- ask


class AnswerDraft(BaseModel):
    """What the LLM returns for a question about the guide."""

    answer: str = Field(
        description="The answer, in the language of the question, using only the passages given. "
        "Empty when abstaining."
    )
    abstain: bool = Field(
        description="True when the passages do not contain the answer. Never guess from general knowledge."
    )
    citations: list[str] = Field(
        default_factory=list,
        description="Ids of the passages the answer rests on (the [id] shown before each passage). "
        "At least one unless abstaining.",
    )


class Answer(BaseModel):
    answer: str
    abstained: bool
    citations: list[Citation] = Field(default_factory=list)
    backend: str = Field(description="Which engine answered: 'offline' or the LLM backend name.")
    model: str | None = None
    notice: str | None = Field(None, description="Something the user should know, e.g. an LLM fallback.")
    score: float | None = Field(None, description="Retrieval confidence used for offline abstention.")
    dropped_citations: list[str] = Field(
        default_factory=list, description="Citation ids the LLM proposed that were not among the retrieved passages."
    )
    usage: dict[str, int] = Field(default_factory=dict, description="Tokens and calls reported by the LLM backend.")


# --------------------------------------------------------------------------- job ads
# (JobBrief, Salary, AdSection, JobAd, AdResult: defined by the job-ads work, below this line)


Seniority = Literal["junior", "mid", "senior"]
Contract = Literal["CDI", "CDD", "freelance", "stage", "alternance", "interim"]
RemoteMode = Literal["no", "hybrid", "full"]


class SalaryInput(BaseModel):
    """Pay as a brief may give it in structured form (the free-text form is a plain string)."""

    model_config = ConfigDict(extra="forbid")

    min: float | None = Field(None, ge=0)
    max: float | None = Field(None, ge=0)
    period: Literal["month", "year"] = "month"
    basis: Literal["gross", "net"] | None = Field(None, description="gross (brut) or net; not stated when absent.")


class JobBrief(BaseModel):
    """What a hiring manager tells the recruiter about the job; the only facts an ad may state besides the guide."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    company: str = Field(min_length=1, description="Name of the hiring company.")
    sector: str | None = Field(None, description="The company's sector or domain of expertise.")
    seniority: Seniority = Field("mid", description="Level of the job: junior, mid or senior.")
    location: str | None = Field(None, description="Where the job is based (city, region).")
    country: str = Field("FR", description="ISO country code of the job; 'FR' means French job-ad law applies.")
    remote: RemoteMode | None = Field(None, description="Remote work: no, hybrid or full.")
    contract: Contract = Field("CDI", description="Contract type.")
    key_clients: list[str] = Field(default_factory=list, description="Prestigious clients the company may cite.")
    partners_count: int | None = Field(None, ge=0, description="Number of existing client partners.")
    team_size: int | None = Field(None, ge=0, description="Size of the team the hire joins.")
    accounts: str | None = Field(None, description="The accounts to manage: how many, which kind (key accounts...).")
    team_to_manage: int | None = Field(None, ge=0, description="Number of people the hire will manage, if any.")
    profile: Literal["farmer", "hunter", "both"] | None = Field(
        None, description="farmer: grows existing clients; hunter: prospects new ones (guessed from the brief if absent)."
    )
    requested_title: str | None = Field(None, description="The title the hiring manager asked for.")
    salary: str | SalaryInput | None = Field(None, description="Pay: free text ('3000 € brut mensuel') or min/max/period.")
    variable_pay: str | None = Field(None, description="The variable part of pay, free text ('20 % sur objectifs').")
    language: Language = Field("fr", description="Language of the ad.")
    requirements: str | None = Field(None, description="Free-text requirements from the hiring manager.")
    company_pitch: str | None = Field(None, description="Free-text presentation of the company.")
    date_posted: date | None = Field(None, description="Publication date; today when absent.")
    valid_through: date | None = Field(None, description="Date after which the ad expires, if known.")

    # The brief's own wording of the level when it refers to age ("jeune diplômé"), to warn about it.
    _seniority_note: str | None = PrivateAttr(None)


class Salary(BaseModel):
    """The pay an ad states: a monthly (or yearly) gross range in euros, and where it comes from."""

    min: float | None = None
    max: float | None = None
    currency: str = Field("EUR", description="ISO currency code; EUR unless the brief says otherwise.")
    period: Literal["month", "year"] = "month"
    basis: Literal["gross", "net", "unspecified"] = Field(
        "unspecified", description="gross (brut) or net as the brief says; unspecified: the ad says neither."
    )
    variable: str | None = Field(None, description="The variable part, as the ad states it.")
    source: Literal["brief", "guide"] = Field("guide", description="brief: given by the hiring manager; guide: the guide's grid.")


class AdSection(BaseModel):
    """One section of a job ad."""

    id: Literal["company", "missions", "profile", "pay", "process"] = Field(
        description="company: the company and its selling points; missions: the job's missions; profile: what the "
        "candidate brings; pay: salary (filled by the application, leave out); process: the interview steps."
    )
    heading: str = Field(description="Section heading in the ad's language, e.g. 'Vos missions' / 'What you will do'.")
    paragraphs: list[str] = Field(default_factory=list, description="Plain-text paragraphs, no Markdown headings.")
    bullets: list[str] = Field(default_factory=list, description="Bullet points, one idea each, no leading dash.")
    citations: list[str] = Field(
        default_factory=list, description="Ids of the guide passages (the [id] shown before each) this section uses."
    )


class AdDraft(BaseModel):
    """What the LLM writes: the ad's wording. Pay, date and company facts are filled in by the application."""

    title: str = Field(
        description="One of the recommended titles given, followed by '(F/H)', e.g. 'Account Manager (F/H)'. "
        "Never a gendered title."
    )
    descriptive_line: str | None = Field(
        None, description="In French ads: a French description of the English title, e.g. 'chargé·e de comptes clients'."
    )
    sections: list[AdSection] = Field(
        description="The sections company, missions, profile, process, in this order (pay is added by the application)."
    )
    skills: list[str] = Field(default_factory=list, description="The key skills the profile section asks for, short labels.")
    experience: str | None = Field(None, description="The experience the profile section asks for, one sentence.")
    education: str | None = Field(None, description="The education the profile section asks for, one sentence.")


class JobAd(BaseModel):
    """A complete job ad: wording plus the facts (company, place, contract, pay, date) it states."""

    title: str
    descriptive_line: str | None = None
    language: Language = "fr"
    level: Seniority = "mid"
    company: str
    location: str | None = None
    country: str = "FR"
    remote: RemoteMode | None = None
    contract: Contract = "CDI"
    sections: list[AdSection] = Field(default_factory=list)
    salary: Salary
    skills: list[str] = Field(default_factory=list)
    experience: str | None = None
    education: str | None = None
    date_posted: date
    valid_through: date | None = None

    def section(self, section_id: str) -> AdSection | None:
        """The section with this id, if the ad has one."""
        return next((s for s in self.sections if s.id == section_id), None)


class AdResult(BaseModel):
    """A drafted ad with its Markdown text, the linter's flags and the guide passages it rests on."""

    ad: JobAd
    text: str = Field(description="The whole ad as Markdown.")
    flags: list[Flag] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    backend: str = "offline"
    model: str | None = None
    notice: str | None = None
    usage: dict[str, int] = Field(default_factory=dict)

    def to_json(self) -> dict:
        """The JSON the CLI prints and the UI downloads."""
        return self.model_dump(mode="json")


# --------------------------------------------------------------------------- interviews
# (Evidence, CompetencyAssessment, FollowUpQuestion, InterviewSummary: defined by the interviews work, below this line)

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
