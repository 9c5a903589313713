"""The guide's knowledge base: its chunks with hybrid search, dense (Chroma) + BM25, fused by reciprocal rank.

The pieces live in their own modules: `chunking` (guide.md → chunks), `lexical` (the tokens BM25 sees), `store`
(Chroma and `ingest`). BM25 is rebuilt in memory from guide.md at open (a guide is small); Chroma holds the vectors.
"""

from __future__ import annotations

import math
import re
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import IndexNotBuilt, StoreError
from ..settings import Settings
from ..text import fold
from .chunking import Guide, embedding_text, load_guide
from .embeddings import Embedder
from .lexical import tokenize
from .models import Chunk, ScoredChunk
from .store import (
    Progress,
    get_collection,
    ingest,
    load_embedder,
    open_chroma_client,
    store_example_vectors,
    store_framework_vectors,
    store_label,
    sync_collection,
)

# Re-exported: the names callers have imported from here since before the split.
__all__ = [
    "CANDIDATES",
    "Guide",
    "KnowledgeBase",
    "Progress",
    "ingest",
    "load_guide",
    "open_chroma_client",
    "open_knowledge_base",
    "stderr_progress",
    "tokenize",
]

RRF_K = 60  # the usual reciprocal-rank-fusion constant (Cormack et al., 2009)
CANDIDATES = 20  # how many hits each retriever contributes to the fusion


@dataclass
class KnowledgeBase:
    """A guide's chunks with hybrid (dense + BM25) search over them."""

    guide: Guide
    embedder: Embedder | None = None
    collection: Any | None = None
    warning: str | None = None
    store: str = "none"
    reopen: Callable[[], Any] | None = None
    """Opens the guide's active collection again: after an `ingest --rebuild` switched generations while this
    knowledge base was open, the collection it held is gone and the next dense search reopens it once."""
    _by_id: dict[str, Chunk] = field(default_factory=dict, init=False, repr=False)
    _bm25: Any = field(default=None, init=False, repr=False)
    _folded: list[str] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        import bm25s

        self._by_id = {c.id: c for c in self.guide.chunks}
        self._bm25 = bm25s.BM25()
        corpus = [tokenize(embedding_text(c)) or ["\x00empty"] for c in self.guide.chunks]
        self._bm25.index(corpus, show_progress=False)
        self._vocab = set(self._bm25.vocab_dict)
        df: dict[str, int] = {}
        for tokens in corpus:
            for t in set(tokens):
                df[t] = df.get(t, 0) + 1
        n = len(corpus)
        self._idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}

    def idf(self, token: str) -> float:
        """Inverse document frequency of a token over the guide's passages (unknown tokens: the rarest)."""
        return self._idf.get(token, math.log(1 + (len(self.guide.chunks) + 0.5) / 0.5))

    def idf_at(self, passages: int) -> float:
        """The IDF of a token found in exactly `passages` passages (to tell rare terms from common ones)."""
        n = len(self.guide.chunks)
        return math.log(1 + (n - passages + 0.5) / (passages + 0.5))

    def known(self, token: str) -> bool:
        """Whether a token (as `tokenize` writes it) occurs in some passage of the guide."""
        return token in self._idf

    @property
    def chunks(self) -> list[Chunk]:
        return self.guide.chunks

    def folded_texts(self) -> list[str]:
        """Each chunk's text folded (`text.fold`) with its whitespace runs made one space, in chunk order: what a
        verbatim-quote lookup compares against. Built on first use and kept (the guide does not change under an
        open knowledge base); two threads building it at once build the same list."""
        if self._folded is None:
            self._folded = [re.sub(r"\s+", " ", fold(c.text)) for c in self.guide.chunks]
        return self._folded

    @property
    def dense(self) -> bool:
        return self.embedder is not None and self.collection is not None

    def get(self, chunk_id: str) -> Chunk | None:
        return self._by_id.get(chunk_id)

    def describe(self) -> str:
        mode = f"hybrid (dense {self.embedder.name} + BM25)" if self.dense and self.embedder else "BM25 only"
        return f"{len(self.chunks)} passages of '{self.guide.id}', {mode}, {self.store}"

    def bm25_search(
        self, query: str, n: int = CANDIDATES, drop: frozenset[str] = frozenset()
    ) -> list[tuple[str, float]]:
        """BM25 hits of the query's tokens, less those in `drop` (unless nothing else is left)."""
        tokens = [t for t in tokenize(query) if t in self._vocab]
        tokens = [t for t in tokens if t not in drop] or tokens
        if not tokens:
            return []
        import numpy as np

        scores = np.asarray(self._bm25.get_scores(tokens))
        top = np.argpartition(-scores, min(n, len(scores)) - 1)[:n]
        order = top[np.argsort(-scores[top], kind="stable")]
        return [(self.chunks[i].id, float(scores[i])) for i in order if scores[i] > 0]

    def dense_search(self, query: str, n: int = CANDIDATES) -> list[tuple[str, float]]:
        if not self.dense or self.embedder is None or self.collection is None:
            return []
        vector = self.embedder.embed_query(query)
        # No `where` filter: the collection holds one guide, and a metadata filter makes Chroma scan
        # (measured: 2 ms → 110 ms a query on 30,000 chunks).
        try:
            result = self.collection.query(
                query_embeddings=[vector], n_results=min(n, len(self.chunks)), include=["distances"]
            )
        except Exception as exc:
            from chromadb.errors import NotFoundError

            if not isinstance(exc, NotFoundError) or self.reopen is None:
                raise
            self.collection = self.reopen()  # a rebuild switched generations under us
            if self.collection is None:
                raise StoreError(
                    f"The index for guide '{self.guide.id}' was removed: run `hiring-assistant ingest`."
                ) from exc
            result = self.collection.query(
                query_embeddings=[vector], n_results=min(n, len(self.chunks)), include=["distances"]
            )
        ids, distances = result["ids"][0], result["distances"][0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, distances, strict=False) if i in self._by_id]

    def search(self, query: str, k: int = 5, *, bm25_drop: frozenset[str] = frozenset()) -> list[ScoredChunk]:
        """Reciprocal-rank fusion of dense and BM25 hits; each hit keeps both raw scores. `bm25_drop`: tokens the
        BM25 side leaves out of the query (see expand.role_tokens)."""
        dense = self.dense_search(query)
        sparse = self.bm25_search(query, drop=bm25_drop)
        fused: dict[str, float] = {}
        dense_scores = dict(dense)
        sparse_scores = dict(sparse)
        for ranking in (dense, sparse):
            for rank, (cid, _) in enumerate(ranking):
                fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank + 1)
        best = sorted(fused, key=lambda cid: (-fused[cid], self._by_id[cid].order))[:k]
        return [
            ScoredChunk(
                chunk=self._by_id[cid],
                score=fused[cid],
                dense_score=dense_scores.get(cid),
                bm25_score=sparse_scores.get(cid),
            )
            for cid in best
        ]


def open_knowledge_base(
    settings: Settings,
    *,
    auto_ingest: bool = True,
    progress: Progress | None = None,
    embedder: Embedder | None = None,
) -> KnowledgeBase:
    """Load the configured guide and its index; build or update the index first when it is missing or stale.

    `embedder` overrides the configured backend (tests and benchmarks pass a deterministic one).
    """
    guide = load_guide(settings.guide_dir)
    warning = None
    if embedder is None:
        embedder, warning = load_embedder(settings)
    if embedder is None:
        if warning:
            warnings.warn(warning, stacklevel=2)
        return KnowledgeBase(guide=guide, warning=warning, store="no vector store")
    client = open_chroma_client(settings)
    collection = get_collection(client, guide.id, embedder, create=auto_ingest)
    if collection is None:
        raise IndexNotBuilt(f"No index for guide '{guide.id}' yet: run `hiring-assistant ingest`.")
    present = set(collection.get(where={"guide_id": guide.id}, include=[])["ids"])
    if present != {c.id for c in guide.chunks}:
        if not auto_ingest:
            raise IndexNotBuilt(f"The index for guide '{guide.id}' is out of date: run `hiring-assistant ingest`.")
        sync_collection(collection, guide, embedder, progress)
        store_framework_vectors(settings, embedder)  # as `ingest` does: the first scorecard then loads them
        store_example_vectors(settings, embedder)  # and the first question
    return KnowledgeBase(
        guide=guide,
        embedder=embedder,
        collection=collection,
        store=store_label(settings),
        reopen=lambda: get_collection(client, guide.id, embedder, create=False),
    )


def stderr_progress(done: int, total: int, message: str) -> None:
    """A one-line progress bar on stderr (the CLI's)."""
    width = 30
    filled = int(width * done / total) if total else width
    sys.stderr.write(f"\r{message}: [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()
