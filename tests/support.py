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
