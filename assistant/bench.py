"""`hiring-assistant bench`: prints performance figures. Measures; asserts nothing (machines are noisy)."""

from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .settings import PROJECT_ROOT, Settings

QUESTIONS = [
    "Quel salaire pour un account manager débutant ?",
    "Quelles soft skills privilégier ?",
    "What is a CRM?",
    "Comment se déroule le processus d'entretien ?",
    "Qu'est-ce que le CSAT ?",
    "Which job title should the ad use?",
    "Comment gérer la période d'essai ?",
    "Quelle est la capitale de l'Australie ?",
]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _ms(values: list[float]) -> str:
    return f"p50 {1000 * statistics.median(values):.1f} ms, p95 {1000 * _pct(values, 0.95):.1f} ms (n={len(values)})"


def run_bench(chunks: int = 30_000, queries: int = 50) -> None:
    from .guide.knowledge import ingest, open_knowledge_base
    from .qa import ask
    from .services import Services

    with tempfile.TemporaryDirectory(prefix="assistant-bench-") as tmp:
        settings = Settings(_env_file=None, ASSISTANT_DATA_DIR=str(Path(tmp) / "data"), ASSISTANT_LLM_BACKEND="offline")
        t0 = time.perf_counter()
        report = ingest(settings)
        print(f"ingest (cold, {report.chunks} chunks, {report.model}): {time.perf_counter() - t0:.2f} s")
        t0 = time.perf_counter()
        again = ingest(settings)
        print(f"ingest (unchanged guide, {again.added} written): {time.perf_counter() - t0:.2f} s")

        kb = open_knowledge_base(settings)
        services = Services(settings=settings, kb=kb)
        for q in QUESTIONS:  # warm up
            ask(q, services)
        latencies = []
        for i in range(max(queries, len(QUESTIONS))):
            t0 = time.perf_counter()
            ask(QUESTIONS[i % len(QUESTIONS)], services)
            latencies.append(time.perf_counter() - t0)
        print(f"ask, offline, in-process, warm: {_ms(latencies)}  [target p50 <= 50 ms]")
        bench_ad_edits(services)

        env = {**os.environ, "ASSISTANT_DATA_DIR": str(settings.data_dir), "ASSISTANT_LLM_BACKEND": "offline"}
        cold = []
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "assistant", "ask", QUESTIONS[0]],
                env=env,
                cwd=PROJECT_ROOT,
                capture_output=True,
                check=True,
            )
            cold.append(time.perf_counter() - t0)
        print(
            f"CLI cold start of `ask` (process start to answer): median {statistics.median(cold):.2f} s "
            f"of {len(cold)} runs  [target <= 3 s]"
        )

        _bench_large_store(settings, kb.embedder, chunks, queries)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of this process): {peak:.0f} MiB")


def _bench_large_store(settings: Settings, embedder: object, n: int, queries: int) -> None:
    """Hybrid retrieval over a synthetic store of `n` chunks: random unit vectors, text drawn from the guide's words."""
    import numpy as np

    from .guide.knowledge import Guide, KnowledgeBase, load_guide, open_chroma_client
    from .guide.models import Chunk

    if embedder is None:
        print("retrieval at scale: skipped (no embedding backend)")
        return
    guide = load_guide(settings.guide_dir)
    words = " ".join(c.text for c in guide.chunks).split()
    rng = random.Random(7)
    chunks = [
        Chunk(
            id=f"s{i}",
            guide_id="synthetic",
            section=f"S{i % 97}",
            kind="section",
            text=" ".join(rng.choices(words, k=60)),
            order=i,
        )
        for i in range(n)
    ]
    client = open_chroma_client(settings)
    from .guide.embeddings import chroma_embedding_function

    collection = client.create_collection(
        "bench-synthetic",
        embedding_function=chroma_embedding_function(embedder),  # type: ignore[arg-type]
        configuration={"hnsw": {"space": "cosine"}},
        metadata={"embedding_model": embedder.name, "embedding_dim": embedder.dim},  # type: ignore[attr-defined]
    )
    vectors = np.random.default_rng(7).standard_normal((n, embedder.dim)).astype(np.float32)  # type: ignore[attr-defined]
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    t0 = time.perf_counter()
    batch = 2_000
    for start in range(0, n, batch):
        part = chunks[start : start + batch]
        collection.add(
            ids=[c.id for c in part],
            embeddings=vectors[start : start + batch],
            documents=[c.text for c in part],
            metadatas=[{"guide_id": "synthetic"} for _ in part],
        )
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    kb = KnowledgeBase(guide=Guide(id="synthetic", meta={}, chunks=chunks), embedder=embedder, collection=collection)  # type: ignore[arg-type]
    bm25_build = time.perf_counter() - t0
    for q in QUESTIONS:
        kb.search(q, 5)
    latencies, dense, sparse = [], [], []
    for i in range(queries):
        q = QUESTIONS[i % len(QUESTIONS)]
        t0 = time.perf_counter()
        kb.search(q, 5)
        latencies.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        kb.dense_search(q)
        dense.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        kb.bm25_search(q)
        sparse.append(time.perf_counter() - t0)
    print(f"synthetic store of {n} chunks: vectors loaded in {load:.1f} s, BM25 index built in {bm25_build:.1f} s")
    print(f"  hybrid retrieval: {_ms(latencies)}  [target p95 <= 50 ms]")
    print(f"  of which dense (query embedding + Chroma): {_ms(dense)}; BM25: {_ms(sparse)}")


EDIT_WORDS = ["client", "équipe", "portefeuille", "vous", "chiffre", "commercial", "à", "Lyon", "suivi", "KPI"]


def bench_ad_edits(services: object, edits: int = 200) -> list[float]:
    """The ad editor's per-edit check (linter, pay placeholder, fixes on offer) over the example French ad, each
    edit a small change (a word typed, a character deleted) at a random place. Prints p50/p95; returns seconds."""
    from .ads import draft_job_ad, load_brief
    from .ads.check import check_ad_text
    from .ads.fixes import fixes_for
    from .settings import bundled_dir

    result = draft_job_ad(load_brief(bundled_dir("examples") / "brief-fr.yaml"), services)  # type: ignore[arg-type]
    ad, framework = result.ad, services.framework  # type: ignore[attr-defined]
    rng = random.Random(12)
    text = result.text

    def check(text: str) -> None:
        flags = check_ad_text(
            text,
            framework=framework,
            language=ad.language,
            level=ad.level,
            date_posted=ad.date_posted,
            job_in_france=ad.country == "FR",
        )
        fixes_for(text, flags, framework=framework, language=ad.language, level=ad.level)

    for _ in range(5):  # warm up (regexes compiled, caches filled)
        check(text)
    latencies = []
    for i in range(edits):
        pos = rng.randrange(len(text))
        if i % 3 == 2 and len(text) > 500:
            text = text[:pos] + text[pos + 1 :]  # a character deleted
        else:
            text = text[:pos] + " " + rng.choice(EDIT_WORDS) + text[pos:]  # a word typed
        t0 = time.perf_counter()
        check(text)
        latencies.append(time.perf_counter() - t0)
    print(
        f"ad editor, check per edit (linter + fixes, {len(result.text):,}-character ad, small edits): "
        f"{_ms(latencies)}  [target p95 < 200 ms]"
    )
    return latencies
