"""Plain helpers the tests import (fixtures live in conftest.py)."""

from __future__ import annotations

import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_settings(data_dir: Path, **env: object):
    """Settings for a test: offline, data under `data_dir`, no .env file read."""
    from assistant.settings import Settings

    values = {"ASSISTANT_DATA_DIR": str(data_dir), "ASSISTANT_LLM_BACKEND": "offline", **env}
    return Settings(_env_file=None, **values)


def cpu_seconds(fn) -> float:
    """CPU time `fn()` takes: a bound on it catches a quadratic scan without failing on a loaded machine."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def assert_linear_cpu(fn, make, size: int, *, max_growth: float = 8.0) -> None:
    """`fn(make(size))` costs at most `max_growth` times the CPU of `fn(make(size // 4))`.

    Quadrupling a linear scan's input multiplies its time by about 4, a quadratic one's by 16: a bound on that ratio
    catches the quadratic scan on any machine, where a bound in seconds failed on a slow or loaded one (CI, stop 44:
    2,013 ms against a 2 s bound). Best of two runs at each size, after a warm-up; 20 ms of slack absorbs timer noise
    on small inputs. How fast it is goes to `hiring-assistant bench`, not to a test."""
    small, big = make(size // 4), make(size)
    fn(small)
    t_small = min(cpu_seconds(lambda: fn(small)) for _ in range(2))
    t_big = min(cpu_seconds(lambda: fn(big)) for _ in range(2))
    assert t_big <= max_growth * t_small + 0.02, (
        f"{len(big):,} characters took {t_big * 1000:.0f} ms of CPU, {len(small):,} took {t_small * 1000:.0f} ms: "
        f"{t_big / max(t_small, 1e-9):.1f}x for 4x the input"
    )


def names_in(text: str) -> list[str]:
    """The names `name_spans` finds in `text`, as written."""
    from assistant.rules.names import name_spans

    return [text[s:e] for s, e in name_spans(text)]


def criterion_labels(text: str) -> set[str]:
    """The labels of the protected criteria flagged in notes (« Protected criterion (age) … » → "age")."""
    import re

    from assistant.rules.criteria import find_protected_criteria

    return {
        m.group(1)
        for f in find_protected_criteria(text, context="notes")
        if (m := re.match(r"Protected criterion \(([^)]+)\)", f.message))
    }


def ad_discriminates(text: str) -> bool:
    """Whether the ad linter flags `text` as discriminatory."""
    from assistant.rules.compliance import lint_ad

    return any(f.kind == "discrimination" for f in lint_ad(text))
