"""The interview kit of one stage: what the guide and its framework say to prepare, ask and rate at that stage.

Every item carries a `GuideRef`: the framework item it comes from and the guide passage (section, passage id,
verbatim quote) that grounds it. The kit adds no text of its own beyond headings and the notes that say what the
guide does not give.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Lang = Literal["fr", "en"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GuideRef(_Frozen):
    """Where an item of the kit comes from."""

    framework_path: str | None = Field(
        description="The framework item, e.g. 'interview.steps[id=phone]' (None for a passage read from the guide)."
    )
    quote: str = Field(description="The guide's own words (French), found verbatim in guide.md.")
    section: str | None = Field(
        None, description="The guide section holding the quote, e.g. 'Les process d'entretien'."
    )
    passage_id: str | None = Field(None, description="The id of the guide passage (chunk) holding the quote.")


class KitNote(_Frozen):
    """A plain statement of what the guide does not give for this stage, or in this language."""

    code: Literal["no_questions", "no_competencies", "missing_anchor", "french_only", "topics_any_stage"] = Field(
        description="What the note is about, stable across languages."
    )
    text: str = Field(description="The note in the kit's language.")


class StagePurpose(_Frozen):
    """What the stage is for, as the guide describes it."""

    label: str = Field(description="The stage's name in the kit's language (framework).")
    text: str = Field(description="The stage's description in the kit's language (framework).")
    ref: GuideRef


class KitQuestion(_Frozen):
    """A question of the guide's question bank asked at this stage."""

    id: str = Field(description="The question's id in the framework, e.g. 'q1'.")
    text: str = Field(description="The question in the kit's language (the French is the guide's own wording).")
    competencies: list[str] = Field(description="Ids of the competencies the question probes.")
    competency_labels: list[str] = Field(description="Labels of those competencies, in the same order.")
    ref: GuideRef


class Anchor(_Frozen):
    """What a rating looks like for one competency."""

    rating: int = Field(ge=1, le=5, description="The rating, 1, 3 or 5.")
    text: str | None = Field(description="The framework's anchor for that rating; None when the framework gives none.")


class KitCompetency(_Frozen):
    """A competency to assess at this stage, with its rating anchors."""

    id: str = Field(description="The competency's stable id.")
    label: str = Field(description="Its label in the kit's language (framework).")
    description: str = Field(description="Its description in the kit's language (framework).")
    anchors: list[Anchor] = Field(description="What a 1, a 3 and a 5 look like (the framework's anchors).")
    question_ids: list[str] = Field(description="The stage's questions that probe it (may be empty).")
    why: list[GuideRef] = Field(
        description="Why it is assessed at this stage: the stage passage that names it, and/or its questions."
    )
    ref: GuideRef = Field(description="The competency in the framework and the guide passage it comes from.")


class KitTopic(_Frozen):
    """A topic to discuss with the candidate."""

    id: str
    label: str = Field(description="The topic in the kit's language (framework).")
    ref: GuideRef


class TrialAdvice(_Frozen):
    """The guide's advice for the trial period (on the last stage's kit only)."""

    id: str
    text: str = Field(description="The advice in the kit's language (framework).")
    ref: GuideRef


class GuidePassage(_Frozen):
    """A passage of the guide shown as it is (in French: the framework has no structured reading of it)."""

    section: str = Field(description="The guide section.")
    text: str = Field(description="The passage, verbatim (French).")
    ref: GuideRef


class InterviewKit(_Frozen):
    """The interview kit of one stage."""

    guide_id: str = Field(description="The guide folder's id, e.g. 'account-manager'.")
    guide_title: str = Field(description="The guide's title.")
    stage: str = Field(description="The stage id: 'phone', 'face_to_face' or 'case_study' for the first guide.")
    lang: Lang = Field(description="The language of the kit's texts (quotes from the guide stay French).")
    last_stage: bool = Field(description="True on the process's last stage, the one with the trial-period advice.")
    purpose: StagePurpose
    questions: list[KitQuestion] = Field(description="The stage's questions from the question bank.")
    competencies: list[KitCompetency] = Field(description="The competencies to assess at this stage, framework order.")
    topics: list[KitTopic] = Field(description="The topics to discuss with the candidate.")
    trial_period: list[TrialAdvice] = Field(description="Trial-period advice: only on the last stage, else empty.")
    background: list[GuidePassage] = Field(description="Guide passages useful at this stage, shown verbatim.")
    notes: list[KitNote] = Field(description="What the guide does not give for this stage or language.")

    @property
    def competency_ids(self) -> list[str]:
        """The ids of the competencies to assess at this stage."""
        return [c.id for c in self.competencies]
