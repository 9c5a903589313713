"""The LLM stage: one structured call on the notes minus their flagged passages (PII redacted), and the checks
that judge what the LLM proposes (ids and scale at the call, ratings and recommendation against the evidence)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, get_args

from pydantic_core.core_schema import ErrorType

from ..errors import LLMError
from ..llm import structured_call
from ..prompts import load_prompt
from ..rules.safety import Redaction, redact
from ..text import fold
from .models import AssessmentDraft, Evidence, EvidenceDraft, FactDraft, ScorecardDraft
from .prepare import Prepared

if TYPE_CHECKING:
    from ..guide.framework import Framework
    from ..guide.knowledge import ScoredChunk
    from ..services import Services

EXCLUDED_MARKER = "[passage exclu / excluded passage]"
MAX_OUTPUT_TOKENS = 3072
FACTS_TOKENS = 64
"""Room for the optional practical facts in the scorecard call's output budget."""
"""The ceiling of the scorecard call's output budget (the notes are capped by ASSISTANT_MAX_NOTES_CHARS)."""


@dataclass(frozen=True)
class LLMProposal:
    """The LLM's scorecard as returned, before any quote or rating is verified."""

    draft: ScorecardDraft
    """The structured output, valid against the schema and the competency ids (or the re-ask's best)."""
    redaction: Redaction | None = None
    """How PII was replaced by placeholders in the text sent, to restore the quotes; None when not redacted."""
    retrieved: list[str] = field(default_factory=list)
    """Ids of the guide passages given to the LLM."""
    usage: dict[str, int] = field(default_factory=dict)
    """Tokens and calls reported by the backend."""


def assessable_text(prep: Prepared) -> str:
    """The sanitised notes with every excluded sentence or bullet replaced by EXCLUDED_MARKER: what the LLM may read."""
    text = prep.sanitized.text
    parts: list[str] = []
    cursor = 0
    for seg in sorted(prep.excluded, key=lambda s: s.start):
        parts.append(text[cursor : seg.start])
        parts.append(EXCLUDED_MARKER)
        cursor = seg.end
    parts.append(text[cursor:])
    return "".join(parts)


def _scales_block(fw: Framework, lang: str) -> str:
    """Each competency with its description and its anchors 1, 3 and 5, for the prompt."""
    lines = []
    for c in fw.competencies:
        lines.append(f"- {c.id}: {c.label.get(lang)}. {c.description.get(lang)}")
        for k in ("1", "3", "5"):
            lines.append(f"    {k} = {c.scale[k].get(lang)}")
    return "\n".join(lines)


def normalize_competency_id(raw: str, fw: Framework) -> str | None:
    """The framework id a model's competency id means: exact, case/accents/spaces folded, or a label; else None."""
    if raw in fw.competency_ids:
        return raw
    key = re.sub(r"[^a-z0-9]+", "_", fold(str(raw))).strip("_")
    for c in fw.competencies:
        labels = {c.id, *(str(v) for v in (c.label.fr, c.label.en) if v)}
        if key in {re.sub(r"[^a-z0-9]+", "_", fold(x)).strip("_") for x in labels}:
            return c.id
    return None


def output_budget(text: str, fw: Framework) -> int:
    """max_tokens for the scorecard call, from what it can hold: every sentence of the notes quoted once or twice
    (about 3 characters a token), plus the JSON of one entry per competency and the recommendation."""
    quotes = int(len(text) / 3 * 1.5)
    per_competency = 24  # {"competency_id": "...", "quotes": [...], "rating": n}
    facts = FACTS_TOKENS  # a few {"kind": "...", "quote": "..."}: the quotes are sentences already counted above
    return max(256, min(MAX_OUTPUT_TOKENS, 64 + facts + quotes + per_competency * len(fw.competency_ids)))


def _draft_problems(fw: Framework) -> Callable[[ScorecardDraft], list[str]]:
    """A validator for the structured call: unknown competency ids and ratings off the scale, worded for a re-ask."""
    known = set(fw.competency_ids)

    def validate(draft: ScorecardDraft) -> list[str]:
        problems = []
        for a in draft.assessments:
            a.competency_id = normalize_competency_id(a.competency_id, fw) or a.competency_id
            if a.competency_id not in known:
                problems.append(
                    f"'{a.competency_id}' is not a competency id; use only: {', '.join(fw.competency_ids)}."
                )
            if a.rating is not None and not 1 <= a.rating <= 5:
                problems.append(f"{a.competency_id}: rating {a.rating} is outside the 1-5 scale (use 1 to 5, or null).")
        return problems

    return validate


def _retrieve(services: Services, stage: str | None) -> list[ScoredChunk]:
    """Guide passages about the competencies and the interview; the query never contains the notes."""
    queries = ["compétences à viser soft skills account manager", "process d'entretien questions"]
    if stage:
        step = next((s for s in services.framework.interview.steps if s.id == stage), None)
        if step:
            queries.append(step.description.fr)
    seen: dict[str, ScoredChunk] = {}
    k = max(2, services.settings.top_k // len(queries) + 1)
    for q in queries:
        for hit in services.kb.search(q, k=k):
            seen.setdefault(hit.chunk.id, hit)
    return list(seen.values())


def propose_scorecard(prep: Prepared, services: Services, stage: str | None) -> LLMProposal:
    """One structured call (at most one re-ask) on the assessable text; LLMError when no usable scorecard comes back."""
    fw = services.framework
    lang = prep.language
    text = assessable_text(prep)
    redaction = None
    if services.settings.should_redact_pii:
        redaction = redact(text)
        text = redaction.text
    for delimiter in ("<notes>", "</notes>"):  # the notes cannot close their own delimiter
        text = text.replace(delimiter, delimiter.replace("<", "‹").replace(">", "›"))
    hits = _retrieve(services, stage)
    step = next((s for s in fw.interview.steps if s.id == stage), None)
    messages = load_prompt("summarize").render(
        language="français" if lang == "fr" else "English",
        stage=f"{step.label.get(lang)}: {step.description.get(lang)}" if step else "not specified",
        competencies=_scales_block(fw, lang),
        passages="\n\n".join(f"[{h.chunk.id}] ({h.chunk.section})\n{h.chunk.text}" for h in hits) or "(none)",
        notes=text,
    )
    result = structured_call(
        services.chat_model,
        ScorecardDraft,
        messages,
        validate=_draft_problems(fw),
        settings=services.settings,
        max_tokens=output_budget(text, fw),
    )
    if result.value is None:
        raise LLMError(
            "The LLM returned no usable scorecard, even after one correction request ("
            + describe_problems(result.problems)
            + "). Try again, or set ASSISTANT_LLM_BACKEND=offline for the evidence-only scorecard."
        )
    return LLMProposal(
        draft=result.value, redaction=redaction, retrieved=[h.chunk.id for h in hits], usage=result.usage
    )


# --------------------------------------------------------------------------- checks of the proposal


def rating_problem(rating: int, evidence: list[Evidence]) -> str:
    """Why a rating cannot stand on its verified evidence, or "" when it can."""
    if not evidence:
        return "no verified evidence left"
    polarities = {e.polarity for e in evidence}
    if rating >= 4 and polarities == {"negative"}:
        return "it is high but every verified quote is negative"
    if rating <= 2 and polarities == {"positive"}:
        return "it is low but every verified quote is positive"
    return ""


def recommendation_problem(recommendation: str, ratings: list[int]) -> str:
    """Why a suggested decision does not follow from the surviving ratings, or "" when it does."""
    if not ratings:
        return "no rating survived verification"
    low = sum(r <= 2 for r in ratings)
    high = sum(r >= 4 for r in ratings)
    if recommendation == "advance" and low * 2 > len(ratings):
        return f"'advance' contradicts the ratings ({low} of {len(ratings)} are 2 or below)"
    if recommendation == "do_not_advance" and high * 2 > len(ratings):
        return f"'do_not_advance' contradicts the ratings ({high} of {len(ratings)} are 4 or above)"
    return ""


_SCHEMA_WORDS = {
    name for model in (ScorecardDraft, AssessmentDraft, EvidenceDraft, FactDraft) for name in model.model_fields
}
_ERROR_TYPES = set(get_args(ErrorType))


def describe_problems(problems: list[str]) -> str:
    """The structured-output problems as categories, field paths and pydantic error types only."""
    # The raw problem text can quote the model's output, which quotes the notes: none of it is echoed.
    parts: list[str] = []
    for problem in problems:
        if problem.startswith("the output did not match the schema"):
            found = [t for t in re.findall(r"type=([a-z_]+)", problem) if t in _ERROR_TYPES]
            paths = [
                line.strip()
                for line in problem.splitlines()
                if re.fullmatch(r"[\w.]+", line.strip())
                and all(part.isdigit() or part in _SCHEMA_WORDS for part in line.strip().split("."))
            ]
            detail = ", ".join(dict.fromkeys(paths + found))
            parts.append("output did not match the scorecard schema" + (f": {detail}" if detail else ""))
        elif "is not a competency id" in problem:
            parts.append("unknown competency id")
        elif "outside the 1-5 scale" in problem:
            parts.append("rating outside 1-5")
        else:
            parts.append("output rejected by validation")
    return "; ".join(dict.fromkeys(parts))[:300] or "no structured output"
