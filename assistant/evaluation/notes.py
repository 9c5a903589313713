"""Interview-notes eval, offline: run the summariser on every annotated note and score it.

Splits: dev = evals/notes/ + evals/notes-heldout/ (the held-out set was used to tune paraphrase matching, issue 9)
+ evals/notes-outside47/ (two outside sets of stop 47, tuned on since) + evals/notes-outside55/ and notes-outside56/
(stops 55 and 56),
test = evals/notes-test/ (never tuned on). Reports evidence
precision/recall per competency (micro-averaged too), flag precision/recall per kind, the share of verified quotes
and the number of evidence quotes taken from flagged sentences; thresholds come from each folder's dataset.yaml.
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from .common import Runner, SuiteResult, check_thresholds, evals_dir, job_fields, latency

# UNFINISHED (issue 9): the test split's evidence precision is 0.891 against the 0.9 (recall 0.813 meets its
# 0.8); notes-test declares 0.75 floors for both, which it meets, so `eval --suite notes --split test` exits 0.
SPLIT_DIRS = {
    "dev": ("notes", "notes-heldout", "notes-outside47", "notes-outside55", "notes-outside56"),
    "test": ("notes-test",),
}


def load_dataset(notes_dir: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The dataset header (thresholds) and the annotated cases, in file-name order."""
    meta = yaml.safe_load((notes_dir / "dataset.yaml").read_text(encoding="utf-8"))
    cases = []
    for path in sorted(notes_dir.glob("*.yaml")):
        if path.name == "dataset.yaml":
            continue
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        case["file"] = path.name
        cases.append(case)
    return meta, cases


def _ratio(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def expected_evidence(case: dict[str, Any], ids: list[str]) -> tuple[set[str], set[str]]:
    """The competencies the case's notes give evidence for, and those they must not be assessed on."""
    exp = case.get("expect") or {}
    evidence_ids = set(exp.get("evidence") or [])
    ambiguous = set(exp.get("ambiguous") or [])
    not_assessed = exp.get("not_assessed") or []
    negatives = set(ids) - evidence_ids - ambiguous if not_assessed == "rest" else set(not_assessed)
    return evidence_ids, negatives


def failed_case(case: dict[str, Any], ids: list[str]) -> dict[str, Any]:
    """The row of a case whose LLM job failed: no scorecard, so every expected piece of evidence is missed."""
    evidence_ids, _ = expected_evidence(case, ids)
    exp = case.get("expect") or {}
    return {
        "id": case["id"],
        "language": None,
        "competencies": {"tp": [], "fn": sorted(evidence_ids), "fp": []},
        "flags": {"expected": sorted(set(exp.get("flags") or [])), "got": []},
        "quotes": 0,
        "verified": 0,
        "leaks": [],
        "annotated_excluded_used": [],
        "polarity": [],
        "ratings": [],
        "recommendation": None,
        "follow_ups": 0,
    }


def score_case(case: dict[str, Any], summary: Any, prep: Any, ids: list[str]) -> dict[str, Any]:
    """Per-case counts: evidence TP/FP/FN per competency, flags, quote verification, flagged-sentence leaks."""
    notes = case["notes"]
    exp = case.get("expect") or {}
    evidence_ids, negatives = expected_evidence(case, ids)
    found = {a.id for a in summary.competencies if a.status == "assessed"}
    comp = {
        "tp": sorted(found & evidence_ids),
        "fn": sorted(evidence_ids - found),
        "fp": sorted(found & negatives),
    }
    expected_flags = set(exp.get("flags") or [])
    got_flags = {f.kind for f in summary.flags}
    quotes = [e for a in summary.competencies for e in a.evidence]
    verified = [
        e for e in quotes if notes[e.start : e.end] == e.quote and not prep.is_excluded_original(e.start, e.end)
    ]
    # Leaks: evidence overlapping a sentence the engine flagged (must be zero: that is the engine's promise).
    leaks = [e for e in quotes if prep.is_excluded_original(e.start, e.end)]
    # Misses: evidence overlapping a text the annotator marked as a protected criterion or an injection. Non-zero
    # means the safety finders missed it (the sentence was never flagged), not that the exclusion failed.
    missed = []
    for text in exp.get("excluded_text") or []:
        pos = notes.find(text)
        if pos < 0:
            raise ValueError(f"{case['file']}: excluded_text {text!r} is not in the notes")
        missed += [e for e in quotes if e.start < pos + len(text) and pos < e.end and e not in missed]
    polarity_checks = []
    for cid, want in (exp.get("polarity") or {}).items():
        got = [e.polarity for a in summary.competencies if a.id == cid for e in a.evidence]
        if got:
            polarity_checks.append({"competency": cid, "want": want, "got": got, "ok": want in got})
    return {
        "id": case["id"],
        "language": summary.language,
        "competencies": comp,
        "flags": {"expected": sorted(expected_flags), "got": sorted(got_flags)},
        "quotes": len(quotes),
        "verified": len(verified),
        "leaks": [e.quote for e in leaks],
        "annotated_excluded_used": [e.quote for e in missed],
        "polarity": polarity_checks,
        "ratings": [a.rating for a in summary.competencies if a.rating is not None],
        "recommendation": summary.recommendation,
        "follow_ups": len(summary.follow_up_questions),
    }


def aggregate(rows: list[dict[str, Any]], ids: list[str]) -> dict[str, Any]:
    """Micro and per-competency evidence figures, per-kind flag figures, quote verification."""
    per: dict[str, Counter[str]] = {cid: Counter() for cid in ids}
    for row in rows:
        for key in ("tp", "fp", "fn"):
            for cid in row["competencies"][key]:
                per[cid][key] += 1
    per_comp = {
        cid: {
            "precision": _ratio(c["tp"], c["tp"] + c["fp"]),
            "recall": _ratio(c["tp"], c["tp"] + c["fn"]),
            **{k: c[k] for k in ("tp", "fp", "fn")},
        }
        for cid, c in per.items()
    }
    tp = sum(c["tp"] for c in per.values())
    fp = sum(c["fp"] for c in per.values())
    fn = sum(c["fn"] for c in per.values())
    kinds = sorted({k for r in rows for k in r["flags"]["expected"] + r["flags"]["got"]})
    flag_counts: dict[str, Counter[str]] = {k: Counter() for k in kinds}
    for r in rows:
        exp, got = set(r["flags"]["expected"]), set(r["flags"]["got"])
        for k in kinds:
            flag_counts[k]["tp"] += k in exp and k in got
            flag_counts[k]["fp"] += k in got and k not in exp
            flag_counts[k]["fn"] += k in exp and k not in got
    ftp = sum(c["tp"] for c in flag_counts.values())
    ffp = sum(c["fp"] for c in flag_counts.values())
    ffn = sum(c["fn"] for c in flag_counts.values())
    quotes = sum(r["quotes"] for r in rows)
    pol = [p for r in rows for p in r["polarity"]]
    return {
        "cases": len(rows),
        "evidence_precision": _ratio(tp, tp + fp),
        "evidence_recall": _ratio(tp, tp + fn),
        "per_competency": per_comp,
        "flag_precision": _ratio(ftp, ftp + ffp),
        "flag_recall": _ratio(ftp, ftp + ffn),
        "per_flag": {
            k: {"precision": _ratio(c["tp"], c["tp"] + c["fp"]), "recall": _ratio(c["tp"], c["tp"] + c["fn"]), **c}
            for k, c in flag_counts.items()
        },
        "quotes": quotes,
        "verified_quotes": _ratio(sum(r["verified"] for r in rows), quotes) if quotes else 1.0,
        "evidence_from_flagged": sum(len(r["leaks"]) for r in rows),
        "evidence_from_annotated_excluded": sum(len(r["annotated_excluded_used"]) for r in rows),
        "polarity_accuracy": _ratio(sum(p["ok"] for p in pol), len(pol)),
        "ratings_offline": sum(len(r["ratings"]) for r in rows),
        "recommendations_offline": sum(r["recommendation"] is not None for r in rows),
    }


def score_dir(notes_dir: Path, services: Any) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any]]:
    """One dataset folder: its figures, rows and header."""
    meta, cases = load_dataset(notes_dir)
    rows = score_cases(cases, services)
    figures = aggregate(rows, services.framework.competency_ids)
    figures.update(latency([r["seconds"] for r in rows]))
    return figures, rows, meta


def score_cases(cases: list[dict[str, Any]], services: Any, runner: Runner | None = None) -> list[dict[str, Any]]:
    """A scored row per case (a failed LLM job scores as an empty scorecard, its error kept in the row)."""
    from ..notes import summarize_notes
    from ..notes.prepare import prepare

    runner = runner or Runner()
    ids = services.framework.competency_ids
    rows = []
    for case in cases:
        job = runner.run(partial(summarize_notes, case["notes"], services))
        if job.value is None:
            row = failed_case(case, ids)
        else:
            row = score_case(
                case, job.value, prepare(case["notes"], services.settings.max_notes_chars, services.framework), ids
            )
        row.update(job_fields(job))
        rows.append(row)
    return rows


def offline_failures(split: str, figures: dict[str, Any]) -> list[str]:
    if figures["ratings_offline"] or figures["recommendations_offline"]:
        return [f"{split}: the offline engine produced ratings or a recommendation"]
    return []


def run_notes(services: Any, splits: list[str], root: Path | None = None) -> SuiteResult:
    """Each split (its folders pooled for the figures; each folder's thresholds checked on its own cases)."""
    root = root or evals_dir()
    result = SuiteResult(suite="notes")
    for split in splits:
        all_rows: list[dict[str, Any]] = []
        for folder in SPLIT_DIRS[split]:
            figures, rows, meta = score_dir(root / folder, services)
            all_rows += rows
            result.failures += check_thresholds(f"{split}:{folder}", figures, meta.get("thresholds") or {})
            result.failures += offline_failures(f"{split}:{folder}", figures)
        pooled = aggregate(all_rows, services.framework.competency_ids)
        pooled.update(latency([r["seconds"] for r in all_rows]))
        result.figures[split] = pooled
        result.rows[split] = all_rows
    return result


METRICS = (
    "cases",
    "evidence_precision",
    "evidence_recall",
    "flag_precision",
    "flag_recall",
    "verified_quotes",
    "evidence_from_flagged",
    "polarity_accuracy",
    "p50_ms",
    "p95_ms",
)
