"""`hiring-assistant bench`: prints performance figures. Measures; asserts nothing (machines are noisy)."""

from __future__ import annotations

import os
import random
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


def run_bench(chunks: int = 30_000, queries: int = 50, burst_per_job: int = 30) -> None:
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
        bench_scorecards(env, statistics.median(cold), Path(tmp))

        bench_burst(settings.data_dir, per_job=burst_per_job)
        _bench_large_store(settings, kb.embedder, chunks, queries)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of this process): {peak:.0f} MiB")


BENCH_NOTES = """Entretien visio – 45 min
- 6 ans en account management B2B (SaaS RH), gère 18 comptes grands groupes, renouvellements à 96 %
- très à l'écoute, reformule les besoins du client avant de proposer
- suit ses KPI dans Salesforce et un tableau de bord Excel qu'elle a construit
- a désamorcé un conflit avec un client qui menaçait de partir : contrat renouvelé
- anglais courant, réunions hebdo avec la maison mère à Londres
Next step : étude de cas avec le Head of Sales
"""

# The child process of the first-scorecard benchmark: opens the services as the app does at start, then times the
# first scorecard and the next ones.
_FIRST_SCORECARD = """
import json, sys, time
from assistant.notes.pipeline import summarize_notes
from assistant.services import Services
from assistant.settings import load_settings
services = Services(settings=load_settings())
services.kb  # the app opens the knowledge base at start,
services.warm()  # then warms the notes engine (assistant.ui.app.launch)
notes = sys.stdin.read()
times = []
for _ in range(6):
    t0 = time.perf_counter()
    summarize_notes(notes, services)
    times.append(time.perf_counter() - t0)
print(json.dumps(times))
"""


def bench_scorecards(env: dict[str, str], ask_cold: float, tmp: Path, runs: int = 3) -> None:
    """The first scorecard of a started app against the next ones, and the `summarize` CLI against `ask`'s
    (issue 9: ≤ 0.3 s over a warm one; ≤ 1.3 × ask)."""
    import json

    first, warm = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _FIRST_SCORECARD],
            input=BENCH_NOTES,
            env=env,
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        times = json.loads(out.stdout.strip().splitlines()[-1])
        first.append(times[0])
        warm.extend(times[1:])
    extra = statistics.median(first) - statistics.median(warm)
    print(
        f"scorecard, offline, in a started app: first {statistics.median(first):.2f} s, next ones p50 "
        f"{statistics.median(warm):.2f} s: the first costs {extra:.2f} s more (median of {runs} starts)  "
        "[target <= 0.3 s more]"
    )
    notes = tmp / "bench-notes.txt"
    notes.write_text(BENCH_NOTES, encoding="utf-8")
    cold = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "assistant", "summarize", str(notes)],
            env=env,
            cwd=PROJECT_ROOT,
            capture_output=True,
            check=True,
        )
        cold.append(time.perf_counter() - t0)
    summarize = statistics.median(cold)
    print(
        f"CLI cold start of `summarize` (process start to scorecard): median {summarize:.2f} s of {runs} runs, "
        f"{summarize / ask_cold:.2f} x `ask`  [target <= 1.3 x]"
    )


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


# --------------------------------------------------------------------------- the app under a burst of requests

BURST_QUESTION = "Quelles soft skills faut-il rechercher ?"
BURST_JOBS = ("ask", "draft_ad", "summarize")
"""The three jobs a burst sends, by the app's API names (`/ask`, `/draft_ad`, `/summarize`)."""


@dataclass
class BurstReport:
    """What one job's share of a burst gave."""

    job: str
    """The API name of the job (ask, draft_ad, summarize)."""
    latencies: list[float] = field(default_factory=list)
    """Seconds from submission to a valid result, one per request that completed with one."""
    failures: list[str] = field(default_factory=list)
    """One line per request that failed, was refused or gave an invalid result (the exception type, or why)."""


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def app_env(data_dir: Path, port: int, **extra: str) -> dict[str, str]:
    """The environment of `make run`, offline on 127.0.0.1:`port` over the index in `data_dir`: no API key or server
    inherited, no telemetry, no temp-dir ownership inherited from a parent app; `extra` on top."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GRADIO_TEMP_DIR", "ASSISTANT_UI_TEMP_OWNED"))}
    env.pop("OPENAI_API_KEY", None)
    env.pop("ASSISTANT_LLM_BASE_URL", None)
    env.update(
        ASSISTANT_DATA_DIR=str(data_dir),
        ASSISTANT_UI_PORT=str(port),
        ASSISTANT_UI_HOST="127.0.0.1",
        ASSISTANT_LLM_BACKEND="offline",
        GRADIO_ANALYTICS_ENABLED="False",
        HF_HUB_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


def default_sigint() -> None:
    """`preexec_fn` of a started app: SIGINT back to its default before exec, so the Ctrl+C sent to stop it works even
    when this runs in the background of a non-interactive shell, which starts jobs with SIGINT ignored, and Python
    keeps an inherited SIG_IGN (stop 55: the app never stopped, and was killed with its private temp dir left)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextmanager
def app_in_subprocess(data_dir: Path, log: Path, *, timeout: float = 120.0, **env: str) -> Iterator[str]:
    """`python -m assistant ui` (what `make run` starts), offline on 127.0.0.1 and a free port, over the index in
    `data_dir`; yields its URL once the page answers. Its stdout and stderr go to `log`; Ctrl+C stops it."""
    import httpx

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    child_env = app_env(data_dir, port, **env)
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant", "ui"],
            cwd=PROJECT_ROOT,
            env=child_env,
            stdout=out,
            stderr=subprocess.STDOUT,
            preexec_fn=default_sigint,
        )
        try:
            deadline = time.perf_counter() + timeout
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"the app exited with code {proc.returncode}: {log.read_text()[-2000:]}")
                try:
                    if httpx.get(url, timeout=2.0).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.perf_counter() > deadline:
                    raise TimeoutError(f"no page at {url} after {timeout:.0f} s")
                time.sleep(0.1)
            yield url
        finally:
            proc.send_signal(signal.SIGINT)  # Ctrl+C: the app removes its private temp dir on the way out
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _valid(job: str, output: Any) -> str:
    """Why a job's output is not a valid result; "" when it is."""
    if job == "ask":
        history, _box = output
        text = history[-1]["content"][0]["text"] if history else ""
        return "" if "Sources" in text else "an answer without sources"
    if job == "draft_ad":
        return "" if "(F/H)" in str(output[0]) else "an ad without its title"
    table = output[1].get("value", output[1]) if isinstance(output[1], dict) else {}
    return "" if table.get("data") else "a scorecard without rows"


def burst(
    url: str, per_job: int = 30, jobs: tuple[str, ...] = BURST_JOBS, timeout: float = 300.0
) -> dict[str, BurstReport]:
    """Send `per_job` requests to each of `jobs` at once (a team of `per_job` people each starting every job; one
    client session per job) and wait for them all. Returns what each job gave: latencies and failures."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # gradio_client calls home otherwise
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gradio_client import Client

    setup = Client(url, verbose=False, download_files=False, analytics_enabled=False)
    brief = setup.predict("brief-fr.yaml", api_name="/load_example")  # the form's values, in the app's order
    notes = setup.predict("notes-fr.txt", api_name="/load_example_notes")
    inputs: dict[str, tuple[Any, ...]] = {
        "ask": (BURST_QUESTION, []),
        "draft_ad": tuple(brief),
        "summarize": (notes, ""),
    }
    clients = {
        job: Client(url, verbose=False, download_files=False, analytics_enabled=False, max_workers=per_job)
        for job in jobs
    }
    reports = {job: BurstReport(job) for job in jobs}
    pending: list[tuple[str, float, Any, dict[str, float]]] = []
    for _ in range(per_job):
        for job in jobs:
            finished: dict[str, float] = {}
            started = time.perf_counter()
            submitted = clients[job].submit(*inputs[job], api_name=f"/{job}")
            # when the result arrived, not when the loop below reaches it: requests finish in any order
            submitted.future.add_done_callback(lambda _, f=finished: f.setdefault("at", time.perf_counter()))
            pending.append((job, started, submitted, finished))
    for job, started, submitted, finished in pending:
        try:
            output = submitted.result(timeout=timeout)
        except Exception as exc:  # refused (queue full), failed, or timed out: counted, never raised
            reports[job].failures.append(f"{exc.__class__.__name__}: {str(exc)[:200]}")
            continue
        done = finished.get("at", time.perf_counter())
        problem = _valid(job, output)
        if problem:
            reports[job].failures.append(problem)
        else:
            reports[job].latencies.append(done - started)
    return reports


def _latency(values: list[float]) -> str:
    if not values:
        return "none completed"
    return f"p50 {statistics.median(values):.2f} s, p95 {_pct(values, 0.95):.2f} s, max {max(values):.2f} s"


def ask_behind_heavy_scorecards(url: str, scorecards: int = 2, asks: int = 5) -> tuple[list[float], list[float]]:
    """Start `scorecards` summaries of notes at the size limit (the example notes repeated), then ask `asks`
    questions one after another while they run. Returns (ask latencies, scorecard latencies) in seconds."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gradio_client import Client

    client = Client(url, verbose=False, download_files=False, analytics_enabled=False)
    example = client.predict("notes-fr.txt", api_name="/load_example_notes")
    limit = Settings(_env_file=None).max_notes_chars
    notes = ((example.strip() + "\n\n") * (limit // (len(example) + 2) + 1))[:limit]
    started = time.perf_counter()
    heavy = [client.submit(notes, "", api_name="/summarize") for _ in range(scorecards)]
    time.sleep(0.5)  # the scorecards start first
    latencies = []
    for _ in range(asks):
        t0 = time.perf_counter()
        client.predict(BURST_QUESTION, [], api_name="/ask")
        latencies.append(time.perf_counter() - t0)
    done = []
    for job in heavy:
        job.result(timeout=600)
        done.append(time.perf_counter() - started)
    return latencies, done


def bench_burst(data_dir: Path, per_job: int = 30) -> None:
    """The app (`python -m assistant ui`, offline) under a team's burst: `per_job` requests to each of ask, draft_ad
    and summarize at once (the same burst as tests/hostile/test_load.py); then questions asked while two scorecards
    of the longest notes run. Prints latencies; asserts nothing."""
    with tempfile.TemporaryDirectory(prefix="assistant-bench-app-") as tmp:
        log = Path(tmp) / "app-output.txt"
        with app_in_subprocess(data_dir, log) as url:
            t0 = time.perf_counter()
            reports = burst(url, per_job)
            wall = time.perf_counter() - t0
            print(
                f"app, burst of {per_job} requests per job at once ({per_job * len(reports)} in all, default queue): "
                f"all answered in {wall:.1f} s"
            )
            for report in reports.values():
                failed = f", {len(report.failures)} FAILED (e.g. {report.failures[0]})" if report.failures else ""
                print(
                    f"  {report.job:9} {len(report.latencies)}/{per_job} valid, latency {_latency(report.latencies)}"
                    f"{failed}"
                )
            asks, scorecards = ask_behind_heavy_scorecards(url)
            print(
                f"  ask while 2 scorecards of {Settings(_env_file=None).max_notes_chars:,}-character notes run: "
                f"{_latency(asks)} (n={len(asks)}); the scorecards took {_latency(scorecards)}  "
                "[target: asks delayed by a second or two at most]"
            )


if __name__ == "__main__":  # `python -m assistant.bench [per_job]`: only the app's burst, over a fresh index
    from .guide.knowledge import ingest

    with tempfile.TemporaryDirectory(prefix="assistant-bench-") as tmp:
        data = Path(tmp) / "data"
        ingest(Settings(_env_file=None, ASSISTANT_DATA_DIR=str(data), ASSISTANT_LLM_BACKEND="offline"))
        bench_burst(data, per_job=int(sys.argv[1]) if len(sys.argv) > 1 else 30)
