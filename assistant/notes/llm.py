"""The LLM stage: one structured call on the notes minus their flagged passages (PII redacted), and the checks
that judge what the LLM proposes (ids and scale at the call, ratings and recommendation against the evidence)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, get_args

from pydantic_core.core_schema import ErrorType

from ..errors import LLMError
from ..llm import structured_call
from ..prompts import load_prompt
from ..rules.names import name_spans
from ..rules.safety import Redaction, redact
from ..text import fold
from .models import AssessmentDraft, Evidence, EvidenceDraft, FactDraft, ScorecardDraft
from .offline import offline_evidence
from .prepare import Prepared, split_clauses

if TYPE_CHECKING:
    from ..guide.framework import Framework
    from ..guide.knowledge import ScoredChunk
    from ..services import Services

EXCLUDED_MARKER = "[passage exclu / excluded passage]"
EXCLUDED_LINE = "[-]"
"""How an excluded passage is numbered in the text the model reads: not at all."""
MAX_OUTPUT_TOKENS = 3072
"""The ceiling of the scorecard call's output budget (the notes are capped by ASSISTANT_MAX_NOTES_CHARS)."""
PASSAGES = 2
PASSAGE_CHARS = 700
"""Guide passages given for context: few and short, the anchors of the scale carry what a rating needs."""


@dataclass(frozen=True)
class LLMProposal:
    """The LLM's scorecard as returned, before any quote or rating is verified."""

    draft: ScorecardDraft
    """The structured output, valid against the schema and the competency ids (or the re-ask's best)."""
    redaction: Redaction | None = None
    """How PII was replaced by placeholders in the text sent, to restore the quotes; None when not redacted."""
    dropped: list[str] = field(default_factory=list)
    """Line numbers the code could not use (unknown, or a header or next-step line given as evidence), said why."""
    retrieved: list[str] = field(default_factory=list)
    """Ids of the guide passages given to the LLM."""
    usage: dict[str, int] = field(default_factory=dict)
    """Tokens and calls reported by the backend."""


@dataclass(frozen=True)
class NumberedNotes:
    """The notes as the model reads them: one numbered line per clause the notes may quote."""

    text: str
    """"[1] …\n[2] …": each clause of a sentence or bullet on its own line; excluded passages shown unnumbered."""
    spans: dict[int, tuple[int, int]]
    """Line number → its span in the sanitised text."""
    not_evidence: dict[int, str]
    """Line number → why it can state a fact but never be evidence ("header", "next_step"...)."""


def numbered_notes(prep: Prepared) -> NumberedNotes:
    """The clauses of the notes (cut like the offline engine cuts them) numbered from 1, excluded segments replaced by
    an unnumbered marker. The model answers with these numbers; code copies the clauses, so quotes are verbatim."""
    text = prep.sanitized.text
    out: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    not_evidence: dict[int, str] = {}
    for seg in prep.segments:
        if seg.excluded_by:
            out.append(f"{EXCLUDED_LINE} {EXCLUDED_MARKER}")
            continue
        why = seg.non_evidence  # header, next-step or logistics line: a fact at most, never evidence
        for start, end in split_clauses(text, seg):
            n = len(spans) + 1
            spans[n] = (start, end)
            if why:
                not_evidence[n] = why
            out.append(f"[{n}] " + " ".join(text[start:end].split()))
    return NumberedNotes(text="\n".join(out), spans=spans, not_evidence=not_evidence)


def _short(anchor: str, limit: int = 110) -> str:
    """An anchor's first clause, cut at a word near `limit` characters: enough to place a rating."""
    first = re.split(r"\s*;\s*", anchor.strip(), maxsplit=1)[0].rstrip(" .")
    return first if len(first) <= limit else first[:limit].rsplit(" ", 1)[0] + "…"


def _scales_block(fw: Framework, lang: str = "en") -> str:
    """Each competency with its label and short anchors 1, 3 and 5, one line each, for the prompt."""
    return "\n".join(
        f"- {c.id}: {c.label.get(lang)} | "
        + " | ".join(f"{k} = {_short(c.scale[k].get(lang))}" for k in ("1", "3", "5"))
        for c in fw.competencies
    )


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


PER_EVIDENCE_TOKENS = 26
"""One '{"line": 12, "competency_id": "relationship_building"}' item is about 18 tokens with the Qwen2.5 tokenizer,
with the indentation and newlines a JSON-schema grammar lets a model write; a line may show two competencies."""
PER_RATING_TOKENS = 20
"""One '{"competency_id": "...", "rating": 4}' item, indented."""
FACTS_TOKENS = 160
"""Five '{"kind": "salary_expectation", "line": 12}' entries, indented, and the recommendation."""


def evidence_items(lines: int, competencies: int) -> int:
    """How many evidence entries the scorecard schema allows: two a numbered line (a line may show two
    competencies), and no more than MAX_OUTPUT_TOKENS holds beside a rating per competency and the facts. Past about
    48 lines (17 competencies) the budget is the bound: the model then reads the first lines, the offline engine
    all of them, rather than the call failing at its output limit."""
    room = (MAX_OUTPUT_TOKENS - 64 - PER_RATING_TOKENS * competencies - FACTS_TOKENS) // PER_EVIDENCE_TOKENS
    return max(1, min(2 * lines, room))


def output_budget(numbered: NumberedNotes, fw: Framework) -> int:
    """max_tokens for the scorecard call: the longest output the schema sent allows (bounded_draft), i.e. its
    evidence entries (evidence_items), a rating per competency, the facts and the recommendation. A ceiling, not a
    target: the call ends when the JSON does."""
    ids = len(fw.competency_ids)
    need = 64 + PER_EVIDENCE_TOKENS * evidence_items(len(numbered.spans), ids) + PER_RATING_TOKENS * ids + FACTS_TOKENS
    return max(384, min(MAX_OUTPUT_TOKENS, need))


MAX_FACTS = 5
"""One entry per practical fact kind (salary expectation, availability, location, next steps, candidate question)."""


def _bound_schema(schema: dict[str, Any], ids: tuple[str, ...], lines: int) -> dict[str, Any]:
    """The scorecard's JSON schema with every allowed value named and every list bounded (see bounded_draft)."""
    defs = schema["$defs"]
    line = {"minimum": 1, "maximum": lines}
    defs["LineEvidence"]["properties"]["competency_id"]["enum"] = [*ids, "none"]
    defs["LineEvidence"]["properties"]["line"].update(line)
    defs["RatingDraft"]["properties"]["competency_id"]["enum"] = list(ids)
    defs["RatingDraft"]["properties"]["rating"].update(minimum=1, maximum=5)
    fact_line = defs["FactDraft"]["properties"]["line"]
    for option in fact_line.get("anyOf", [fact_line]):  # a nullable int: the bounds go on the int itself, where a
        if option.get("type") == "integer":  # grammar converter reads them (llama.cpp ignores siblings of anyOf)
            option.update(line)
    props = schema["properties"]
    props["evidence"]["maxItems"] = evidence_items(lines, len(ids))
    props["ratings"]["maxItems"] = len(ids)
    props["facts"]["maxItems"] = MAX_FACTS
    return schema


@lru_cache(maxsize=64)
def bounded_draft(ids: tuple[str, ...], lines: int) -> type[ScorecardDraft]:
    """ScorecardDraft whose JSON schema lists the framework's ids (and "none" for a line that shows none), line
    numbers 1..`lines`, ratings 1..5, and bounds the length of each list: evidence_items entries, one rating a
    competency, five facts. The lengths are bounded, not their contents (a model may still rate one competency
    twice: code keeps the first). A server that turns the schema into a grammar (llama.cpp, vLLM, OpenAI's strict
    mode) then closes each list in time: the real 1.5B model, before, wrote '{"competency_id": "none", "rating": 1}'
    until max_tokens on 4 of the first 6 dev notes of a recording run, and on none of 27 dev and 34 test notes
    after. output_budget holds the longest output this schema allows (whitespace aside, which the grammar may leave
    free). Only `model_json_schema` is overridden (what langchain-openai and openai call for json_schema,
    function_calling and json_mode); parsing and verifying are ScorecardDraft's."""

    class Bounded(ScorecardDraft):
        @classmethod
        def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
            return _bound_schema(super().model_json_schema(*args, **kwargs), ids, lines)

    # The schema's name (and a tool call's) stays the one models and recorded replies know.
    Bounded.__name__ = Bounded.__qualname__ = ScorecardDraft.__name__
    return Bounded


MAX_LINES_PER_FACT_KIND = 2
"""A practical fact of one kind (availability, salary expectation...) is stated in a line or two, not in many."""
MAX_COMPETENCIES_PER_LINE = 2
"""A line given for more competencies than this is a small model listing everything: only the competencies the
offline engine also finds on that line are kept."""


def resolve_lines(
    draft: ScorecardDraft,
    numbered: NumberedNotes,
    prep: Prepared,
    second_opinion: Callable[[], dict[str, list[Evidence]]] | None = None,
) -> list[str]:
    """Turn the line numbers of the draft into the clauses they number (verbatim, from the sanitised notes), for the
    same verification as quotes. A line given for more than MAX_COMPETENCIES_PER_LINE competencies keeps only those
    `second_opinion()` (the offline engine's evidence, original-notes offsets) also finds there. Returns what could not
    be used and why, never quoting the notes."""
    text = prep.sanitized.text
    dropped: list[str] = []
    claims: dict[int, list[str]] = {}
    for a in draft.assessments:
        for n in a.lines:
            claims.setdefault(n, []).append(a.competency_id)
    crowded: dict[int, set[str]] = {}
    opinion: dict[str, list[Evidence]] | None = None
    for n, cids in claims.items():
        span = numbered.spans.get(n)
        if span is None or len(set(cids)) <= MAX_COMPETENCIES_PER_LINE:
            continue
        if opinion is None:  # computed once, and only when a line is crowded
            opinion = second_opinion() if second_opinion else {}
        o_start, o_end = prep.sanitized.span_to_original(*span)
        agreed = {cid for cid in cids if any(e.start < o_end and o_start < e.end for e in opinion.get(cid, []))}
        crowded[n] = agreed
        dropped.append(
            f"line {n} was given for {len(set(cids))} competencies: kept for {len(agreed)}, where the offline "
            "matching agrees"
        )
    for a in draft.assessments:
        for n in a.lines:
            span = numbered.spans.get(n)
            if span is None:
                dropped.append(f"{a.competency_id}: line {n} is not a numbered line of the notes, dropped")
            elif n in numbered.not_evidence:
                dropped.append(f"{a.competency_id}: line {n} is not evidence ({numbered.not_evidence[n]})")
            elif n in crowded and a.competency_id not in crowded[n]:
                continue
            else:
                a.quotes.append(text[span[0] : span[1]])
        a.lines = []
    kinds = Counter(f.kind for f in draft.facts)
    for kind, n in kinds.items():
        if n > MAX_LINES_PER_FACT_KIND:  # every line called "availability": a pattern copied, not a reading
            dropped.append(f"fact {kind}: given for {n} lines, dropped")
    draft.facts = [f for f in draft.facts if kinds[f.kind] <= MAX_LINES_PER_FACT_KIND]
    for f in draft.facts:
        if f.line is not None and not f.quote:
            span = numbered.spans.get(f.line)
            if span is None:
                dropped.append(f"fact {f.kind}: line {f.line} is not a numbered line of the notes, dropped")
            else:
                f.quote = text[span[0] : span[1]]
    draft.facts = [f for f in draft.facts if f.quote]
    return dropped


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


RETRIEVAL_QUERIES = ("compétences à viser soft skills account manager", "process d'entretien questions")


def _retrieve(services: Services) -> list[ScoredChunk]:
    """The guide's passages on the competencies and on the interview: the same for every call (the query never
    contains the notes), so the whole system message is a prefix a llama.cpp server keeps in its cache."""
    seen: dict[str, ScoredChunk] = {}
    for q in RETRIEVAL_QUERIES:
        for hit in services.kb.search(q, k=1):
            seen.setdefault(hit.chunk.id, hit)
    return list(seen.values())[:PASSAGES]


def _stage_line(fw: Framework, stage: str | None, lang: str) -> str:
    """The stage as the human message gives it: label, purpose and the competencies it is meant to assess."""
    step = next((s for s in fw.interview.steps if s.id == stage), None)
    if step is None:
        return "not specified"
    line = f"{step.label.get(lang)}: {step.description.get(lang)}"
    assesses = [f.competency for f in step.assesses if f.competency in fw.competency_ids]
    return line + (f" (meant to assess: {', '.join(assesses)})" if assesses else "")


def propose_scorecard(
    prep: Prepared,
    services: Services,
    stage: str | None,
    offline: Callable[[], dict[str, list[Evidence]]] | None = None,
) -> LLMProposal:
    """One structured call (at most one re-ask) on the assessable text; LLMError when no usable scorecard comes back.
    `offline`: the offline engine's evidence for these notes, computed when first asked for (the caller's, so the
    matching runs once per scorecard)."""
    fw = services.framework
    lang = prep.language
    numbered = numbered_notes(prep)
    text = numbered.text
    redaction = None
    if services.settings.should_redact_pii:
        # Names are found on the whole notes too: cut into numbered clauses, with excluded lines replaced, a label
        # loses its colon and a sign-off its comma, and an excluded label line takes its signal with it.
        whole = prep.sanitized.text
        redaction = redact(text, names=True, known_names=[whole[s:e] for s, e in name_spans(whole)])
        text = redaction.text
    for delimiter in ("<notes>", "</notes>"):  # the notes cannot close their own delimiter
        text = text.replace(delimiter, delimiter.replace("<", "‹").replace(">", "›"))
    hits = _retrieve(services)
    messages = load_prompt("summarize").render(
        competencies=_scales_block(fw),
        passages="\n\n".join(f"[{h.chunk.id}] ({h.chunk.section})\n{_clip(h.chunk.text, PASSAGE_CHARS)}" for h in hits)
        or "(none)",
        language="français" if lang == "fr" else "English",
        stage=_stage_line(fw, stage, lang),
        notes=text,
    )
    result = structured_call(
        services.chat_model,
        bounded_draft(tuple(fw.competency_ids), max(1, len(numbered.spans))),
        messages,
        validate=_draft_problems(fw),
        settings=services.settings,
        max_tokens=output_budget(numbered, fw),
    )
    if result.value is None:
        raise LLMError(
            "The LLM returned no usable scorecard, even after one correction request ("
            + describe_problems(result.problems)
            + "). Try again, or set ASSISTANT_LLM_BACKEND=offline for the evidence-only scorecard."
        )
    dropped = resolve_lines(
        result.value, numbered, prep, offline or (lambda: offline_evidence(prep, services).evidence)
    )
    return LLMProposal(
        draft=result.value,
        redaction=redaction,
        dropped=dropped,
        retrieved=[h.chunk.id for h in hits],
        usage=result.usage,
    )


def _clip(text: str, limit: int) -> str:
    """A passage cut at a word near `limit` characters."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


# --------------------------------------------------------------------------- checks of the proposal


def rating_problem(rating: int, evidence: list[Evidence]) -> str:
    """Why a rating cannot stand on its verified evidence, or "" when it can: a high rating needs more strength than
    weakness in its quotes, a low one the reverse, and the ends of the scale (5, 1) a quote that shows it or two."""
    if not evidence:
        return "no verified evidence left"
    positive = sum(e.polarity == "positive" for e in evidence)
    negative = sum(e.polarity == "negative" for e in evidence)
    if rating >= 4 and negative > positive:
        return "it is high but more of its verified quotes are negative than positive"
    if rating <= 2 and positive > negative:
        return "it is low but more of its verified quotes are positive than negative"
    if rating == 5 and not positive and len(evidence) < 2:
        return "a 5 needs a quote that shows strength, or two quotes, and it rests on one neutral quote"
    if rating == 1 and not negative and len(evidence) < 2:
        return "a 1 needs a quote that shows weakness, or two quotes, and it rests on one neutral quote"
    return ""


def recommendation_problem(recommendation: str, ratings: list[int]) -> str:
    """Why a suggested decision does not follow from the surviving ratings, or "" when it does: advancing needs more
    high ratings (4-5) than low ones (1-2), and at least one; not advancing, the reverse."""
    if not ratings:
        return "no rating survived verification"
    low = sum(r <= 2 for r in ratings)
    high = sum(r >= 4 for r in ratings)
    if recommendation == "advance" and not high > low:
        return f"'advance' is not carried by the ratings ({high} of {len(ratings)} are 4 or above, {low} 2 or below)"
    if recommendation == "do_not_advance" and not low > high:
        return (
            f"'do_not_advance' is not carried by the ratings ({low} of {len(ratings)} are 2 or below, "
            f"{high} 4 or above)"
        )
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
