"""The linear-time check the hang guards use (tests/support.py) fails on a quadratic scan and passes a linear one."""

from __future__ import annotations

import pytest

from support import assert_linear_cpu


def _quadratic(text: str) -> int:
    k = len(text) // 25
    return sum(1 for _ in range(k) for _ in range(k))


def _linear(text: str) -> int:
    return sum(1 for c in text if c == "x")


def test_a_quadratic_scan_fails_the_check() -> None:
    with pytest.raises(AssertionError, match="for 4x the input"):
        assert_linear_cpu(_quadratic, lambda n: "x" * n, 100_000)


def test_a_linear_scan_passes_the_check() -> None:
    assert_linear_cpu(_linear, lambda n: "x" * n, 400_000)
