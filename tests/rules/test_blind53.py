"""150 sentences a helper wrote for stop 53 before running anything, without reading the code (data/blind53.jsonl):
protected criteria, pay history and instructions to an AI in notes and ads, and lawful look-alikes. Run blind at
2d7d386: criterion 39/45, pay history 16/20, injection 13/20, false alarms 5/65. Their misses were then fixed, so
this is no longer an outside measure: it guards the fixes. An outside measure needs new sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.rules.compliance import find_pay_history_request
from assistant.rules.pay_history import find_pay_history
from assistant.rules.safety import find_injections, find_protected_criteria

CASES = [
    json.loads(line) for line in (Path(__file__).parent / "data" / "blind53.jsonl").read_text("utf-8").splitlines()
]


def _found(case: dict) -> set[str]:
    text, context = case["text"], case["context"]
    got = set()
    if find_protected_criteria(text, context=context):
        got.add("criterion")
    if find_injections(text):
        got.add("injection")
    if find_pay_history(text) if context == "notes" else find_pay_history_request(text):
        got.add("pay_history")
    return got


def test_the_set_is_the_one_measured() -> None:
    assert len(CASES) == 150
    assert {c["expect"] for c in CASES} == {"criterion", "pay_history", "injection", "clean"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_each_case(case: dict) -> None:
    got = _found(case)
    if case["expect"] == "clean":
        assert got == set(), (case["text"], got)
    else:
        assert case["expect"] in got, (case["text"], got)
