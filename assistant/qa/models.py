"""Questions about the guide: what the LLM returns and the answer a user gets. Descriptions are prompt text."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ..guide.models import Citation, ScoredChunk

WithheldReason = Literal["unsupported", "figures", "protected_criterion", "criterion_in_question", "uncovered"]
"""Why code did not show a model's answer: no passage supports it, figures not in its passages, a protected criterion."""


# Bounds the AnswerDraft schema states for the model (json_schema_extra, not validation: a longer reply from a server
# without a grammar is still read). A JSON-schema grammar (llama.cpp) enforces them, so a small model that loops inside
# a string is closed at the bound instead of writing until its output limit: the real 1.5B model wrote one sentence
# 40 times and its answer failed. About 150 words of answer; the 19 real answers of the last test run were under 400
# characters.
ANSWER_MAX_CHARS = 1000
# The model's standalone rewrite of a follow-up (it is shown, and goes into the next prompt).
MAX_REWRITE_CHARS = 300
# Passages an answer may cite: code keeps only those it draws on, and answers of this length draw on three at most.
MAX_CITATIONS = 5


class AnswerDraft(BaseModel):
    """What the LLM returns for a question about the guide."""

    standalone_question: str = Field(
        "",
        json_schema_extra={"maxLength": MAX_REWRITE_CHARS},
        description="Only when previous turns are given and the question depends on them (e.g. 'Et pour un "
        "senior ?'): the question rewritten to stand alone, in its language. Empty otherwise.",
    )
    answer: str = Field(
        description="The answer, in the language of the question, using only the passages given. Empty when abstaining.",
        json_schema_extra={"maxLength": ANSWER_MAX_CHARS},
    )
    abstain: bool = Field(
        description="True when the passages do not contain the answer. Never guess from general knowledge."
    )
    citations: list[str] = Field(
        default_factory=list,
        json_schema_extra={"maxItems": MAX_CITATIONS, "items": {"type": "string", "maxLength": 40}},
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
    understood_as: str | None = Field(
        None, description="The standalone question answered, when the question was a follow-up of the conversation."
    )
    withheld: WithheldReason | None = Field(
        None,
        description="Why an answer was not shown: 'unsupported', 'figures', 'protected_criterion' (the answer names a "
        "protected criterion), 'criterion_in_question' (the question brings one into hiring: no passage is quoted) or "
        "'uncovered' (None when shown or when the guide does not cover the question).",
    )
    unsupported_figures: list[str] = Field(
        default_factory=list,
        description="With withheld='figures': the figures of the model's answer found in none of its passages.",
    )


NOT_COVERED = {
    "fr": "Le guide ne couvre pas cette question.",
    "en": "The guide does not cover this question.",
}

WITHHELD = {
    "fr": "Cette réponse n'est pas affichée : elle fait référence à un critère protégé (discrimination).",
    "en": "This answer is not shown: it refers to a protected criterion (discrimination).",
}
QUESTION_WITHHELD = {
    "fr": "Le guide ne répond pas à une question qui fait intervenir un critère protégé : posez-la sans ce critère.",
    "en": "The guide does not answer a question that brings in a protected criterion: ask it without that criterion.",
}


def citation(hit: ScoredChunk) -> Citation:
    """The citation of a retrieved passage, as an answer carries it."""
    return Citation(chunk_id=hit.chunk.id, section=hit.chunk.section, text=hit.chunk.text)
