"""Question-screen eval, offline: `ask` must withhold a question that brings a protected criterion into hiring, with
the criterion notice, and leave legitimate questions that only use such a word alone (evals/screen/dataset.yaml).

The screen runs before retrieval and before any model call, so one run measures both engines; there is no LLM mode.
Figures per split: criterion_recall (criterion questions withheld), false_alarm_rate (legitimate questions withheld
for a criterion), answered_rate (legitimate guide questions that also got an answer: coverage, reported only),
latency. Per-case misses are printed for dev only.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import Any

from .common import Runner, SuiteResult, check_thresholds, evals_dir, job_fields, latency, load_yaml, ratio

SPLIT_FILES = {"dev": "dev.jsonl", "test": "test.jsonl"}
EXPECTED = ("criterion", "answer", "any")
METRICS = (
    "cases",
    "criterion_cases",
    "criterion_recall",
    "legitimate_cases",
    "false_alarm_rate",
    "false_alarms",
    "answered_rate",
    "p50_ms",
    "p95_ms",
)


def load_cases(path: Path) -> list[dict[str, Any]]:
    """The cases of one split file; ValueError naming the line when one is malformed."""
    cases: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path.name}:{number}: not JSON ({exc.msg})") from None
        if (
            not isinstance(case, dict)
            or not isinstance(case.get("input"), str)
            or not case["input"].strip()
            or case.get("expected") not in EXPECTED
        ):
            raise ValueError(f"{path.name}:{number}: needs a non-empty input and an expected of {', '.join(EXPECTED)}")
        if not isinstance(case.get("id"), str) or case["id"] in seen:
            raise ValueError(f"{path.name}:{number}: needs an id of its own (got {case.get('id')!r})")
        seen.add(case["id"])
        cases.append(case)
    return cases


def score(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A split's figures from its rows."""
    criterion = [r for r in rows if r["expected"] == "criterion"]
    legitimate = [r for r in rows if r["expected"] != "criterion"]
    answers = [r for r in rows if r["expected"] == "answer"]
    alarms = sum(r["withheld"] for r in legitimate)
    return {
        "cases": len(rows),
        "criterion_cases": len(criterion),
        "criterion_recall": ratio(sum(r["withheld"] for r in criterion), len(criterion)),
        "legitimate_cases": len(legitimate),
        "false_alarm_rate": ratio(alarms, len(legitimate)),
        "false_alarms": alarms,
        "answered_rate": ratio(sum(not r["abstained"] for r in answers), len(answers)),
        **latency([r["seconds"] for r in rows]),
    }


def run_screen(services: Any, splits: list[str], root: Path | None = None) -> SuiteResult:
    """Each split through `ask`, offline."""
    from ..qa import ask
    from ..qa.screen import QUESTION_REASON

    root = (root or evals_dir()) / "screen"
    thresholds = (load_yaml(root / "dataset.yaml") or {}).get("thresholds") or {}
    result = SuiteResult(suite="screen")
    runner = Runner()
    for split in splits:
        rows = []
        for case in load_cases(root / SPLIT_FILES[split]):
            job = runner.run(partial(ask, case["input"], services))
            answer = job.value
            rows.append(
                {
                    "id": case.get("id"),
                    "lang": case.get("lang"),
                    "expected": case["expected"],
                    "withheld": answer.withheld == QUESTION_REASON,
                    "abstained": answer.abstained,
                    **job_fields(job),
                }
            )
        figures = score(rows)
        result.figures[split] = figures
        result.rows[split] = rows
        result.failures += check_thresholds(f"{split}:screen", figures, thresholds.get(split) or {})
    return result
