"""Job-ad eval, offline: draft an ad for each brief of evals/briefs/ads.yaml and check its expected properties.

Cases are `dev` unless marked `split: test` (the rule is stated in the dataset). Thresholds apply to each split.
"""

from __future__ import annotations

import re
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from ..ads import brief_from_dict, draft_job_ad
from ..ads.export import ad_to_jsonld as to_jsonld
from ..ads.models import AdResult
from ..errors import InputError
from ..rules.compliance import lint_ad
from ..rules.safety import find_protected_criteria
from ..text import detect_language, fold
from .common import Runner, SuiteResult, check_thresholds, evals_dir, job_fields, latency, load_yaml

MARKER = re.compile(r"\((?:F/H|H/F|M/F)\)\s*$")  # an English ad says (M/F)
JSONLD_REQUIRED = ("title", "description", "datePosted", "hiringOrganization")
COUNTED = ("error", "warning")  # info notes are advice, not findings


def counted_kinds(flags: list[Any]) -> set[str]:
    return {f.kind for f in flags if f.severity in COUNTED}


def fact_patterns(case: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    """A case's `facts`, compiled: what the fact is → a pattern over the ad's folded text (lowercase, no accents).
    A pattern that does not compile is the dataset's error, said with the case and the fact."""
    out = {}
    for label, pattern in ((case.get("expect") or {}).get("facts") or {}).items():
        try:
            out[str(label)] = re.compile(str(pattern))
        except re.error as exc:
            msg = f"ads eval case {case.get('id')!r}: the pattern of fact {label!r} does not compile: {exc}"
            raise InputError(msg) from exc
    return out


_APPLICATION_SECTION = re.compile(r"^## (?:Rémunération|Pay)\s*$")


def ad_body(text: str) -> str:
    """The ad without the lines the application writes itself, whatever the engine: everything before the first
    section (the title, the line under it, « **Chargé·e de comptes clients** · CDD · Lyon », the date) and the pay
    section. A fact checked there could never fail ("CDD" is always in the line under the title, the pay's « 4 800 »
    is no team of 4)."""
    out, started, skip = [], False, False
    for line in text.splitlines():
        if line.startswith("## "):
            started, skip = True, bool(_APPLICATION_SECTION.match(line))
        if started and not skip:
            out.append(line)
    return "\n".join(out)


def check_case(case: dict[str, Any], result: AdResult, framework: Any, services: Any) -> dict[str, Any]:
    """Every check of one case: name → (passed, detail)."""
    expect = case.get("expect", {})
    facts = fact_patterns(case)
    text, ad = result.text, result.ad
    checks: dict[str, tuple[bool, Any]] = {}
    labels = {t.label for t in framework.titles.recommended}
    bare = MARKER.sub("", ad.title).strip()
    checks["title_marker"] = (bool(MARKER.search(ad.title)), ad.title)
    if not case.get("brief", {}).get("requested_title"):  # a requested title is used as asked (issue 12)
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
    body = fold(ad_body(text))
    for label, pattern in facts.items():
        checks[f"fact:{label}"] = (bool(pattern.search(body)), pattern.pattern)
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


def rate(rows: list[dict[str, Any]], prefix: str | tuple[str, ...]) -> float:
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


def errors_left(case: dict[str, Any], result: AdResult) -> list[str]:
    """Error-level flags left on the ad beyond those the case expects (e.g. a brief that asks for discrimination)."""
    expected = set((case.get("expect") or {}).get("errors") or [])
    return [f.kind for f in result.flags if f.severity == "error" and f.kind not in expected]


def draft_rows(dataset: dict[str, Any], services: Any, runner: Runner | None = None) -> list[dict[str, Any]]:
    """Draft every case's ad and check it: a row per case (a failed LLM job: its error, and no checks)."""
    runner = runner or Runner()
    today = dataset.get("today")
    today = date.fromisoformat(str(today)) if today else date.today()
    framework = services.framework
    rows: list[dict[str, Any]] = []
    for case in dataset["cases"]:
        brief = brief_from_dict(case["brief"], settings=services.settings)
        job = runner.run(partial(draft_job_ad, brief, services, today=today))
        result: AdResult | None = job.value
        if result is None:
            rows.append({"id": case["id"], "level": brief.seniority, "passed": False, "checks": {}, **job_fields(job)})
            continue
        checks = check_case(case, result, framework, services)
        rows.append(
            {
                "id": case["id"],
                "level": brief.seniority,
                "passed": all(c["ok"] for c in checks.values()),
                "checks": checks,
                "language": result.ad.language,
                "title": result.ad.title,
                "flags": [
                    f.model_dump(mode="json", include={"kind", "severity", "evidence", "message"}) for f in result.flags
                ],
                "errors_left": errors_left(case, result),
                "backend": result.backend,
                "notice": result.notice,
                "citations": len(result.citations),
                "text": result.text,
                **job_fields(job),
            }
        )
    return rows


def fail_checks(rows: list[dict[str, Any]], reference: list[dict[str, Any]]) -> None:
    """Give each failed job's row the checks its case has in `reference` (the same cases run by another engine),
    all failed: an ad that was never drafted passes nothing."""
    names = {r["id"]: list(r["checks"]) for r in reference}
    for row in rows:
        if "error" in row:
            row["checks"] = {n: {"ok": False, "detail": "no ad: the job failed"} for n in names.get(row["id"], [])}


def evaluate(dataset: dict[str, Any], services: Any) -> dict[str, Any]:
    """The offline run of a dataset: its figures and, under "rows", a row per case."""
    rows = draft_rows(dataset, services)
    return {**figures(dataset, rows), "rows": rows}


def figures(dataset: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The suite's figures over the rows of `draft_rows`."""
    drafted = [r for r in rows if "error" not in r]
    return {
        "cases": len(rows),
        "case_pass_rate": sum(r["passed"] for r in rows) / len(rows) if rows else None,
        "checks": sum(len(r["checks"]) for r in rows),
        "checks_pass_rate": rate(rows, ""),
        "discrimination_free_rate": rate(rows, "no_protected_criterion"),
        "title_ok_rate": rate(rows, "title_"),
        "flag_recall": (rate(rows, "flag_present") + rate(rows, "error_present") + rate(rows, "edit_flag_present")) / 3,
        "flag_specificity": rate(rows, "flag_absent"),
        "salary_ok_rate": rate(rows, "salary"),
        "language_ok_rate": rate(rows, "language"),
        "content_ok_rate": (rate(rows, ("contains:", "fact:")) + rate(rows, "forbidden:")) / 2,
        "jsonld_ok_rate": rate(rows, "jsonld_required"),
        "briefs_with_errors_left": sum(bool(r["errors_left"]) for r in drafted),
        "error_flags_left": sum(len(r["errors_left"]) for r in drafted),
        "languages": sorted({r["language"] for r in drafted}),
        "levels_in_briefs": sorted({r["level"] for r in rows}),
        "coverage": coverage(dataset),
        **latency([r["seconds"] for r in rows]),
    }


METRICS = (
    "cases",
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
    "p50_ms",
    "p95_ms",
)


def split_of(case: dict[str, Any]) -> str:
    return str(case.get("split") or "dev")


def run_ads(services: Any, splits: list[str], dataset_path: Path | None = None) -> SuiteResult:
    """Every split's figures; the dataset's thresholds apply to each split (coverage to the whole set)."""
    dataset = load_yaml(dataset_path or evals_dir() / "briefs" / "ads.yaml")
    for case in dataset["cases"]:
        fact_patterns(case)  # a broken pattern stops the run before any ad is drafted
    result = SuiteResult(suite="ads")
    for split in splits:
        part = {**dataset, "cases": [c for c in dataset["cases"] if split_of(c) == split]}
        report = evaluate(part, services)
        rows = report.pop("rows")
        result.figures[split] = report
        result.rows[split] = rows
        result.failures += check_thresholds(split, report, dataset.get("thresholds") or {})
        for row in rows:
            for name, check in row["checks"].items():
                if not check["ok"]:
                    result.notes.append(f"FAIL {split} {row['id']}: {name} {check['detail']}")
    uncovered = [k for k, c in coverage(dataset).items() if not (c["triggered"] and c["not_triggered"])]
    if uncovered:
        result.failures.append(f"flag kinds not exercised both ways: {', '.join(uncovered)}")
    return result
