"""Questions through an LLM: one structured call over the retrieved passages, then code checks what it says."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import LLMError
from ..guide.models import ScoredChunk
from ..llm import structured_call
from ..prompts import load_prompt
from ..text import detect_language, figures
from .models import NOT_COVERED, Answer, AnswerDraft, citation

if TYPE_CHECKING:
    from ..services import Services


def unsupported_figures(draft: AnswerDraft, retrieved: dict[str, ScoredChunk]) -> list[str]:
    """Figures in the LLM's answer found in none of the passages it cites (or, if it cites none, retrieved)."""
    cited = [retrieved[c] for c in draft.citations if c in retrieved] or list(retrieved.values())
    known = set().union(*(figures(h.chunk.text) for h in cited)) if cited else set()
    return sorted(f for f in figures(draft.answer) if f not in known)


def llm_answer(question: str, hits: list[ScoredChunk], services: Services) -> Answer:
    """One structured LLM call over the retrieved passages; citations outside them are dropped."""
    lang = detect_language(question)
    passages = "\n\n".join(f"[{h.chunk.id}] ({h.chunk.section})\n{h.chunk.text}" for h in hits)
    messages = load_prompt("ask").render(
        question=question,
        passages=passages or "(no passage found)",
        language="French" if lang == "fr" else "English",
    )
    retrieved = {h.chunk.id: h for h in hits}

    def check(draft: AnswerDraft) -> list[str]:
        problems = []
        unknown = [c for c in draft.citations if c not in retrieved]
        if unknown:
            problems.append(f"citations {unknown} are not ids of the passages given; cite only those ids")
        if not draft.abstain and not [c for c in draft.citations if c in retrieved]:
            problems.append("an answer must cite at least one passage id, or set abstain to true")
        unsupported = unsupported_figures(draft, retrieved)
        if unsupported:
            problems.append(
                f"the figures {unsupported} do not appear in the passages you cited; quote figures exactly as "
                "the cited passages give them, or cite the passage they come from"
            )
        return problems

    result = structured_call(services.chat_model, AnswerDraft, messages, validate=check, settings=services.settings)
    draft = result.value
    backend, model = services.backend, services.model_name
    if draft is None:
        raise LLMError(f"The LLM's answer could not be used: {'; '.join(result.problems)}")
    kept = [c for c in dict.fromkeys(draft.citations) if c in retrieved]
    dropped = [c for c in draft.citations if c not in retrieved]
    if not draft.abstain and unsupported_figures(draft, retrieved):
        return Answer(
            answer=NOT_COVERED[lang], abstained=True, backend=backend, model=model, dropped_citations=dropped,
            usage=result.usage,
            notice="The model's answer gave figures that are not in the passages it cited, so it is not shown.",
        )
    if draft.abstain or not kept or not draft.answer.strip():
        # An answer with no verifiable citation is not shown as grounded: abstain.
        return Answer(
            answer=NOT_COVERED[lang], abstained=True, backend=backend, model=model, dropped_citations=dropped,
            usage=result.usage,
            notice=None if draft.abstain else "The model's answer cited no retrieved passage, so it is not shown.",
        )
    return Answer(
        answer=draft.answer.strip(),
        abstained=False,
        citations=[citation(retrieved[c]) for c in kept],
        backend=backend,
        model=model,
        dropped_citations=dropped,
        usage=result.usage,
    )
