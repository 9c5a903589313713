"""Interview-notes eval: run the offline summariser on every annotated note and score it.

    python evals/run_notes.py [--verbose] [--no-embeddings]

Reports evidence precision/recall per competency (micro-averaged too), flag precision/recall per kind, the share
of verified quotes (quote == notes[start:end], outside flagged passages) and the number of evidence quotes taken
from flagged sentences. Writes the figures to evals/results/notes-<time>.json (git-ignored) and exits 1 when a
threshold declared in evals/notes/dataset.yaml is missed. Offline: no LLM, local embeddings only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NOTES_DIR = ROOT / "evals" / "notes"
RESULTS_DIR = ROOT / "evals" / "results"


def load_dataset(notes_dir: Path = NOTES_DIR) -> tuple[dict[str, Any], list[dict[str, Any]]]:
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


def score_case(case: dict[str, Any], summary: Any, prep: Any, ids: list[str]) -> dict[str, Any]:
    """Per-case counts: evidence TP/FP/FN per competency, flags, quote verification, flagged-sentence leaks."""
    notes = case["notes"]
    exp = case.get("expect") or {}
    evidence_ids = set(exp.get("evidence") or [])
    ambiguous = set(exp.get("ambiguous") or [])
    not_assessed = exp.get("not_assessed") or []
    negatives = set(ids) - evidence_ids - ambiguous if not_assessed == "rest" else set(not_assessed)
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
            raise SystemExit(f"{case['file']}: excluded_text {text!r} is not in the notes")
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
    flag_counts = {k: Counter() for k in kinds}
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


def check(figures: dict[str, Any], thresholds: dict[str, Any]) -> list[str]:
    """Missed thresholds, as messages (evidence_from_flagged is a maximum; the rest are minimums)."""
    failures = []
    for key, limit in thresholds.items():
        value = figures.get(key)
        if key == "evidence_from_flagged":
            if value is None or value > limit:
                failures.append(f"{key} = {value} > {limit}")
        elif value is None or value < limit:
            failures.append(f"{key} = {value} < {limit}")
    if figures["ratings_offline"] or figures["recommendations_offline"]:
        failures.append("the offline engine produced ratings or a recommendation")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="print each case's misses")
    parser.add_argument("--no-embeddings", action="store_true", help="cues only (ASSISTANT_EMBEDDINGS=none)")
    parser.add_argument(
        "--dir",
        type=Path,
        default=NOTES_DIR,
        help="dataset folder (default evals/notes; evals/notes-heldout is the report-only held-out set)",
    )
    args = parser.parse_args(argv)

    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    from assistant.guide.knowledge import open_knowledge_base
    from assistant.notes import summarize_notes
    from assistant.notes.prepare import prepare
    from assistant.services import Services
    from assistant.settings import Settings

    meta, cases = load_dataset(args.dir)
    with tempfile.TemporaryDirectory(prefix="notes-eval-") as tmp:
        env = {"ASSISTANT_DATA_DIR": tmp, "ASSISTANT_LLM_BACKEND": "offline"}
        if args.no_embeddings:
            env["ASSISTANT_EMBEDDINGS"] = "none"
        settings = Settings(_env_file=None, **env)
        kb = open_knowledge_base(settings)
        services = Services(settings=settings, kb=kb)
        ids = services.framework.competency_ids
        rows = []
        started = time.perf_counter()
        for case in cases:
            summary = summarize_notes(case["notes"], services)
            prep = prepare(case["notes"], settings.max_notes_chars)
            rows.append(score_case(case, summary, prep, ids))
        elapsed = time.perf_counter() - started
    figures = aggregate(rows, ids)
    figures["seconds"] = round(elapsed, 2)
    figures["embeddings"] = kb.embedder.name if kb.embedder else "none"
    failures = check(figures, meta.get("thresholds") or {})

    print(
        f"Interview-notes eval: {figures['cases']} notes, offline, embeddings: {figures['embeddings']}, {elapsed:.1f} s"
    )
    print(f"  evidence precision {figures['evidence_precision']}  recall {figures['evidence_recall']}  (micro)")
    print(f"  flags     precision {figures['flag_precision']}  recall {figures['flag_recall']}")
    for kind, f in figures["per_flag"].items():
        print(
            f"    {kind:18s} precision {f['precision']}  recall {f['recall']}  (tp {f['tp']}, fp {f['fp']}, fn {f['fn']})"
        )
    print(
        f"  verified quotes {figures['verified_quotes']} of {figures['quotes']}; evidence from flagged sentences: "
        f"{figures['evidence_from_flagged']}; polarity accuracy {figures['polarity_accuracy']}"
    )
    print(
        f"  evidence from passages the annotator marked as protected/injection but safety did not flag: "
        f"{figures['evidence_from_annotated_excluded']}"
    )
    print("  per competency (precision / recall, tp fp fn):")
    for cid, f in figures["per_competency"].items():
        print(f"    {cid:20s} {str(f['precision']):>6s} / {str(f['recall']):<6s}  {f['tp']} {f['fp']} {f['fn']}")
    if args.verbose:
        for r in rows:
            c = r["competencies"]
            misses = []
            if c["fp"]:
                misses.append(f"FP {c['fp']}")
            if c["fn"]:
                misses.append(f"FN {c['fn']}")
            if set(r["flags"]["expected"]) != set(r["flags"]["got"]):
                misses.append(f"flags {r['flags']}")
            if r["leaks"]:
                misses.append(f"LEAKS {r['leaks']}")
            if r["annotated_excluded_used"]:
                misses.append(f"unflagged protected/injection text used {r['annotated_excluded_used']}")
            bad_pol = [p for p in r["polarity"] if not p["ok"]]
            if bad_pol:
                misses.append(f"polarity {bad_pol}")
            print(f"  {r['id']:36s} {'; '.join(misses) or 'ok'}")

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"notes-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps({"figures": figures, "failures": failures, "cases": rows}, indent=2, ensure_ascii=False))
    print(f"  results: {out.relative_to(ROOT)}")
    if failures:
        print("BELOW THRESHOLD: " + "; ".join(failures))
        return 1
    print("All thresholds met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
