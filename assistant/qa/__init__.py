"""Questions about the guide: validate → retrieve → (LLM structured answer | offline extract) → verified citations."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from ..errors import InputError, LLMError
from ..guide.knowledge import CANDIDATES
from ..text import detect_language
from .expand import expansion, framework_vocabulary
from .framework_answers import framework_answer, glossary_answer
from .llm import llm_answer
from .models import NOT_COVERED, Answer, AnswerDraft
from .offline import covers, gather_evidence, offline_answer

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
    model = services.chat_model
    if model is None:
        return _offline(q, services, k)
    hits = services.kb.search(q, k or services.settings.top_k)
    try:
        return llm_answer(q, hits, services)
    except LLMError as exc:
        if not fallback_offline:
            raise
        answer = _offline(q, services, k)
        answer.notice = f"{exc} Showing the offline answer instead."
        return answer


def _offline(q: str, services: Services, k: int | None) -> Answer:
    """Offline: expand the question with the framework's French wording, weigh all the evidence, then answer from
    the framework when it covers the question, else extract from the best passages."""
    kb = services.kb
    lang = detect_language(q)
    expanded = expansion(q, services.framework)
    pool = kb.search(expanded.text, CANDIDATES)
    hits = pool[: k or services.settings.top_k]
    evidence = (
        gather_evidence(q, pool, kb, expanded.framework, framework_vocabulary(services.framework)) if kb.dense else None
    )
    score = round(evidence.score(lang), 4) if evidence is not None else None
    # A question that names a glossary term and asks what it means is covered, whatever the retrieval scores.
    structured = glossary_answer(q, services.framework, kb, lang)
    if structured is None and hits and covers(hits, kb.dense, lang, evidence):
        structured = framework_answer(q, services.framework, kb, lang)
    if structured is not None:
        structured.score = score
        return structured
    return offline_answer(q, hits, kb, evidence)


__all__ = ["NOT_COVERED", "Answer", "AnswerDraft", "ask", "covers", "validate_question"]
