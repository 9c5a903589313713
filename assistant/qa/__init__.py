"""Questions about the guide: validate → retrieve → (LLM structured answer | offline extract) → verified citations."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from ..errors import InputError, LLMError
from .llm import llm_answer
from .models import NOT_COVERED, Answer, AnswerDraft
from .offline import covers, offline_answer

if TYPE_CHECKING:
    from ..services import Services


def validate_question(question: object, max_chars: int) -> str:
    """The question, stripped; InputError when it is not text, empty, or too long."""
    if not isinstance(question, str):
        raise InputError(f"The question must be text, not {type(question).__name__}.")
    cleaned = "".join(ch for ch in question if unicodedata.category(ch) != "Cf").strip()
    if not cleaned:
        raise InputError("The question is empty: type a question about the guide.")
    if not re.search(r"\w", cleaned):
        raise InputError("The question has no words in it.")
    if len(cleaned) > max_chars:
        raise InputError(f"The question is {len(cleaned)} characters long; the limit is {max_chars}. Shorten it.")
    return cleaned


def ask(question: str, services: Services, *, k: int | None = None, fallback_offline: bool = False) -> Answer:
    """Answer a question about the guide, citing the passages the answer rests on, or abstain."""
    q = validate_question(question, services.settings.max_question_chars)
    hits = services.kb.search(q, k or services.settings.top_k)
    model = services.chat_model
    if model is None:
        return offline_answer(q, hits, services.kb)
    try:
        return llm_answer(q, hits, services)
    except LLMError as exc:
        if not fallback_offline:
            raise
        answer = offline_answer(q, hits, services.kb)
        answer.notice = f"{exc} Showing the offline answer instead."
        return answer



__all__ = ["NOT_COVERED", "Answer", "AnswerDraft", "ask", "covers", "validate_question"]
