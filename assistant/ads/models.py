"""Job ads: the brief, the LLM's draft, the ad and the result. Field descriptions are prompt text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..guide.models import Citation
from ..rules.models import Flag
from ..text import Language

Seniority = Literal["junior", "mid", "senior"]
Contract = Literal["CDI", "CDD", "freelance", "stage", "alternance", "interim"]
RemoteMode = Literal["no", "hybrid", "full"]


# The gender marker of a title: French ads say (F/H); an English ad never does, it says (M/F). Here rather than in
# plan.py, which fixes.py would then import back through screen.py (stop 52).
TITLE_MARKERS = {"fr": "(F/H)", "en": "(M/F)"}
MAX_PAY = 10_000_000  # a yearly figure above this is a typo or hostile input, not a salary


class SalaryInput(BaseModel):
    """Pay as a brief may give it in structured form (the free-text form is a plain string)."""

    model_config = ConfigDict(extra="forbid")

    min: float | None = Field(None, ge=0, le=MAX_PAY, allow_inf_nan=False)
    max: float | None = Field(None, ge=0, le=MAX_PAY, allow_inf_nan=False)
    period: Literal["month", "year"] = "month"
    basis: Literal["gross", "net"] | None = Field(None, description="gross (brut) or net; not stated when absent.")

    @model_validator(mode="after")
    def _ordered(self) -> SalaryInput:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min:g}) is above max ({self.max:g}): give the lower amount as min")
        return self


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
        None,
        description="farmer: grows existing clients; hunter: prospects new ones (guessed from the brief if absent).",
    )
    requested_title: str | None = Field(None, description="The title the hiring manager asked for.")
    salary: str | SalaryInput | None = Field(
        None, description="Pay: free text ('3000 € brut mensuel') or min/max/period."
    )
    variable_pay: str | None = Field(None, description="The variable part of pay, free text ('20 % sur objectifs').")
    language: Language = Field("fr", description="Language of the ad.")
    requirements: str | None = Field(None, description="Free-text requirements from the hiring manager.")
    company_pitch: str | None = Field(None, description="Free-text presentation of the company.")
    date_posted: date | None = Field(None, description="Publication date; today when absent.")
    valid_through: date | None = Field(None, description="Date after which the ad expires, if known.")

    seniority_wording: str | None = Field(
        None, description="The brief's own wording of the level when it differs from `seniority` (set by the loader)."
    )


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
    source: Literal["brief", "guide", "none"] = Field(
        "none",
        description="brief: given by the hiring manager; guide: the guide's grid, applied by the recruiter; "
        "none: no pay given (the ad shows a placeholder to complete).",
    )


LIMITS = {
    "title": 100,
    "descriptive_line": 120,
    "sections": 4,
    "heading": 60,
    "paragraphs": 2,
    "paragraph": 350,
    "bullets": 5,
    "bullet": 140,
    "citations": 3,
    "skills": 8,
    "skill": 40,
    "sentence": 200,
}
"""Bounds the AdDraft schema states (maxLength, maxItems) for the model: a JSON-schema grammar (llama.cpp) enforces
them while the model writes, other servers take them as guidance. They are not validated, so a longer answer from
a server that ignores them is still read. `ads.draft.output_budget` derives max_tokens from them."""


class AdSection(BaseModel):
    """One section of a job ad."""

    id: Literal["company", "missions", "profile", "pay", "process"] = Field(
        description="company: the company and its selling points; missions: the job's missions; profile: what the "
        "candidate brings; pay: salary (filled by the application, leave out); process: the interview steps."
    )
    heading: str = Field(
        description="Section heading in the ad's language, e.g. 'Vos missions' / 'What you will do'.",
        json_schema_extra={"maxLength": LIMITS["heading"]},
    )
    paragraphs: list[str] = Field(
        default_factory=list,
        description="Plain-text paragraphs, no Markdown headings.",
        json_schema_extra={
            "maxItems": LIMITS["paragraphs"],
            "items": {"type": "string", "maxLength": LIMITS["paragraph"]},
        },
    )
    bullets: list[str] = Field(
        default_factory=list,
        description="Bullet points, one idea each, no leading dash.",
        json_schema_extra={"maxItems": LIMITS["bullets"], "items": {"type": "string", "maxLength": LIMITS["bullet"]}},
    )
    citations: list[str] = Field(
        default_factory=list,
        description="Ids of the guide passages (the [id] shown before each) this section uses.",
        json_schema_extra={"maxItems": LIMITS["citations"], "items": {"type": "string", "maxLength": 40}},
    )


def _optional_bound(limit: int) -> Callable[[dict[str, Any]], None]:
    """json_schema_extra for an optional string: maxLength on its string branch of anyOf, where a grammar (llama.cpp)
    reads it. Beside anyOf, where pydantic puts a plain {"maxLength": n}, it bounds nothing: the real 1.5B model
    looped in `education` until its output limit."""

    def extra(schema: dict[str, Any]) -> None:
        for branch in schema.get("anyOf", []):
            if branch.get("type") == "string":
                branch["maxLength"] = limit

    return extra


class AdDraft(BaseModel):
    """What the LLM writes: the ad's wording. Pay, date and company facts are filled in by the application."""

    title: str = Field(
        description="The title given under 'Title to use', exactly, with its gender marker, e.g. "
        "'Account Manager (F/H)'. Never a gendered title.",
        json_schema_extra={"maxLength": LIMITS["title"]},
    )
    descriptive_line: str | None = Field(
        None,
        description="In French ads: a French description of the English title, e.g. 'chargé·e de comptes clients'.",
        json_schema_extra=_optional_bound(LIMITS["descriptive_line"]),
    )
    sections: list[AdSection] = Field(
        description="The sections company, missions, profile, process, in this order (pay is added by the application).",
        json_schema_extra={"maxItems": LIMITS["sections"]},
    )
    skills: list[str] = Field(
        default_factory=list,
        description="The key skills the profile section asks for, short labels.",
        json_schema_extra={"maxItems": LIMITS["skills"], "items": {"type": "string", "maxLength": LIMITS["skill"]}},
    )
    experience: str | None = Field(
        None,
        description="The experience the profile section asks for, one sentence.",
        json_schema_extra=_optional_bound(LIMITS["sentence"]),
    )
    education: str | None = Field(
        None,
        description="The education the profile section asks for, one sentence.",
        json_schema_extra=_optional_bound(LIMITS["sentence"]),
    )


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
    notice_fr: str | None = Field(None, description="The notice in French, the facts and rules it names too.")
    usage: dict[str, int] = Field(default_factory=dict)

    def to_json(self) -> dict:
        """The JSON the CLI prints and the UI downloads."""
        return self.model_dump(mode="json")
