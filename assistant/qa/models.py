"""Questions about the guide: what the LLM returns and the answer a user gets. Descriptions are prompt text."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ..guide.models import Citation, ScoredChunk


class AnswerDraft(BaseModel):
    """What the LLM returns for a question about the guide."""

    answer: str = Field(
        description="The answer, in the language of the question, using only the passages given. Empty when abstaining."
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


NOT_COVERED = {
    "fr": "Le guide ne couvre pas cette question.",
    "en": "The guide does not cover this question.",
}


def citation(hit: ScoredChunk) -> Citation:
    """The citation of a retrieved passage, as an answer carries it."""
    return Citation(chunk_id=hit.chunk.id, section=hit.chunk.section, text=hit.chunk.text)
