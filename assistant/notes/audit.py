"""The optional audit log: one JSON line per scorecard, holding a hash of the notes and offsets, never their text."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .models import InterviewSummary


def audit_record(notes: str, summary: InterviewSummary) -> dict[str, Any]:
    """What the audit log keeps: a hash of the notes, the engine, and the scorecard as ids, numbers and offsets."""
    # No text from the notes or derived from them (quotes, flag evidence, rationales, messages): those hold
    # personal data and remarks on protected criteria. Offsets plus the hash let an auditor holding the notes
    # re-check every quote; without the notes the record reveals nothing of them.
    return {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "job": "summarize",
        "notes_sha256": hashlib.sha256(notes.encode("utf-8")).hexdigest(),
        "backend": summary.backend,
        "model": summary.model,
        "retrieved": list(summary.retrieved),
        "stage": summary.stage,
        "competencies": [
            {
                "id": a.id,
                "status": a.status,
                "rating": a.rating,
                "evidence": [[e.start, e.end, e.polarity] for e in a.evidence],
            }
            for a in summary.competencies
        ],
        "facts": [[f.kind, f.start, f.end] for f in summary.facts],
        "flags": [{"kind": f.kind, "start": f.start, "end": f.end} for f in summary.flags],
    }


def write_audit(path: Path, notes: str, summary: InterviewSummary) -> None:
    """Append one JSON line (see audit_record): never the notes, nor any quote or message taken from them."""
    record = audit_record(notes, summary)
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise StoreError(
            f"Cannot append to the audit log {path} (ASSISTANT_AUDIT_LOG): {exc.strerror or exc}."
        ) from exc
