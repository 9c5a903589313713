"""Pay history (EU Directive 2023/970 art. 5(2)) in interview notes: the table in data/pay_history.yaml, hits and
near-misses in French and English; a flag never carries the figure it says must not be kept."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.rules.pay_history import PLACEHOLDER, find_pay_history

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "pay_history.yaml").read_text(encoding="utf-8")
)
HITS = [c for c in CASES if c["expect"] == "hit"]
CLEAN = [c for c in CASES if c["expect"] == "clean"]


def test_table_is_consistent() -> None:
    assert len({c["id"] for c in CASES}) == len(CASES)
    assert {c["expect"] for c in CASES} == {"hit", "clean"}
    for lang in ("fr", "en"):
        assert sum(c["lang"] == lang for c in HITS) >= 8 and sum(c["lang"] == lang for c in CLEAN) >= 8


@pytest.mark.parametrize("case", HITS, ids=[c["id"] for c in HITS])
def test_pay_history_is_flagged_without_its_figures(case: dict[str, Any]) -> None:
    text = case["text"]
    flags = find_pay_history(text, case["lang"])
    assert flags, f"{case['id']}: not flagged ({case['why']})"
    for f in flags:
        assert f.kind == "pay_history" and f.severity == "error"
        assert "2023/970" in f.message and f.message_fr and "2023/970" in f.message_fr
        assert f.start is not None and f.end is not None and 0 <= f.start < f.end <= len(text)
        assert not re.search(r"\d", f.evidence or ""), f.evidence  # no figure survives in the flag
        assert PLACEHOLDER[case["lang"]] in (f.evidence or "")


@pytest.mark.parametrize("case", CLEAN, ids=[c["id"] for c in CLEAN])
def test_near_misses_stay_clean(case: dict[str, Any]) -> None:
    assert find_pay_history(case["text"], case["lang"]) == [], f"{case['id']}: {case['why']}"


def test_flag_covers_the_clause_in_longer_notes() -> None:
    notes = "Très bonne écoute.\n- Salaire actuel 62k fixe.\n- Prétentions 65k."
    [flag] = find_pay_history(notes, "fr")
    assert notes[flag.start : flag.end] == "Salaire actuel 62k fixe"
    assert flag.evidence == "Salaire actuel [rémunération actuelle] fixe"
    assert flag.text("fr") == flag.message_fr and flag.text("en") == flag.message


@pytest.mark.parametrize(
    "text",
    ["1 " * 10_000, "son salaire " * 1_600, "son salaire 5k " * 1_300, "€1," * 6_000, "était à 4k " * 1_800],
    ids=["digits", "markers", "markers-amounts", "currency", "earning"],
)
def test_hostile_notes_cost_linear_time(text: str) -> None:
    import time

    start = time.perf_counter()
    find_pay_history(text[:20_000])
    assert time.perf_counter() - start < 2.0  # 20,000 characters (the notes limit); ~20 ms on 2 busy cores
