"""The debrief's inputs: scorecard JSON exports (a file or an upload) and pasted notes scored one by one.

Each scorecard is scored on its own (by the interviewer's summarize run, or here by `summarize_notes` on their
notes alone); the debrief only reads them. Errors are InputError messages that name the scorecard and never quote
its content (it holds a candidate's data).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from ..errors import InputError
from .models import Scorecard, ScorecardIn

if TYPE_CHECKING:
    from ..services import Services

MAX_SCORECARD_BYTES = 1_000_000
"""A scorecard export is a few kilobytes; a larger file is not one."""
MIN_SCORECARDS = 2
MAX_SCORECARDS = 10
MAX_NAME_CHARS = 80


def default_name(position: int, lang: str) -> str:
    """'Intervieweur·se 2' / 'Interviewer 2': the name of an interviewer nobody named (position from 1)."""
    return f"{'Interviewer' if lang == 'en' else 'Intervieweur·se'} {position}"


def _clean_name(name: str | None) -> str | None:
    name = " ".join((name or "").split())[:MAX_NAME_CHARS]
    return name or None


def _validation_message(exc: ValidationError) -> str:
    """The first problems of a validation error, by field path only (pydantic's messages echo the input)."""
    problems = []
    for err in exc.errors(include_input=False, include_url=False)[:3]:
        where = ".".join(str(p) for p in err["loc"]) or "document"
        problems.append(f"{where}: {err['msg']}")
    return "; ".join(problems)


def parse_scorecard(data: Any, *, what: str) -> ScorecardIn:
    """A decoded JSON document → ScorecardIn, or an InputError saying why `what` is not a scorecard."""
    schema = data.get("schema") if isinstance(data, dict) else None
    if isinstance(schema, str) and schema.startswith("debrief/"):
        raise InputError(f"{what} is a debrief, not a scorecard: give each interviewer's own scorecard export.")
    if schema is not None and not (isinstance(schema, str) and schema.startswith("scorecard/")):
        raise InputError(f"{what} is not a scorecard (its schema is not scorecard/…).")
    if not isinstance(data, dict) or not isinstance(data.get("competencies"), list):
        raise InputError(
            f"{what} is not a scorecard: expected the JSON that `hiring-assistant summarize --format json` or the "
            "notes tab's JSON download writes (an object with a list of competencies)."
        )
    try:
        return ScorecardIn.model_validate(data)
    except ValidationError as exc:
        raise InputError(f"{what} is not a valid scorecard ({_validation_message(exc)}).") from None


def load_scorecard_json(text: str | bytes, *, what: str, interviewer: str | None = None) -> Scorecard:
    """Scorecard JSON text → Scorecard; `what` names it in errors (a file name, never a server path)."""
    size = len(text.encode("utf-8") if isinstance(text, str) else text)
    if size > MAX_SCORECARD_BYTES:
        raise InputError(
            f"{what}: {size:,} bytes; a scorecard export is at most {MAX_SCORECARD_BYTES:,} bytes. "
            "Is it the right file?"
        )
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(f"{what} is not UTF-8 text: expected a scorecard JSON export.") from None
    if not text.strip():
        raise InputError(f"{what} is empty: expected a scorecard JSON export.")
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f" (line {exc.lineno}, column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise InputError(f"{what} is not valid JSON{where}: expected a scorecard JSON export.") from None
    card = parse_scorecard(data, what=what)
    return Scorecard(
        interviewer=_clean_name(interviewer) or _clean_name(card.interviewer) or "", source="json", card=card
    )


def read_scorecard_file(path: str | Path, *, interviewer: str | None = None) -> Scorecard:
    """A scorecard JSON file → Scorecard; errors name the file by its name only."""
    p = Path(path)
    name = p.name or str(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{name}: no such file.") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read the file ({exc.strerror or exc.__class__.__name__}).") from None
    if p.is_dir():
        raise InputError(f"{name} is a folder: give a scorecard JSON file.")
    if size > MAX_SCORECARD_BYTES:
        raise InputError(
            f"{name}: {size:,} bytes; a scorecard export is at most {MAX_SCORECARD_BYTES:,} bytes. Is it the right file?"
        )
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read the file ({exc.strerror or exc.__class__.__name__}).") from None
    return load_scorecard_json(raw, what=name, interviewer=interviewer)


def scorecard_from_summary(
    summary: Any, *, interviewer: str | None = None, source: Literal["json", "notes"] = "notes"
) -> Scorecard:
    """An InterviewSummary (from `summarize_notes`) → Scorecard, through the same JSON its export writes."""
    card = parse_scorecard(summary.to_json(), what="The scorecard")
    return Scorecard(
        interviewer=_clean_name(interviewer) or _clean_name(card.interviewer) or "", source=source, card=card
    )


def score_notes(notes: str, services: Services, *, interviewer: str | None = None, what: str = "notes") -> Scorecard:
    """One interviewer's notes, scored on their own by `summarize_notes` (offline when no LLM, or if it fails)."""
    from ..notes import summarize_notes

    try:
        summary = summarize_notes(notes, services, fallback_offline=True)
    except InputError as exc:
        raise InputError(f"{what}: {exc}") from None
    return scorecard_from_summary(summary, interviewer=interviewer, source="notes")


def name_scorecards(scorecards: Sequence[Scorecard], lang: str) -> list[Scorecard]:
    """Give unnamed scorecards 'Interviewer N' and make every name unique ('Alice', 'Alice (2)')."""
    named: list[Scorecard] = []
    seen: set[str] = set()
    for n, sc in enumerate(scorecards, 1):
        name = sc.interviewer or default_name(n, lang)
        unique, k = name, 2
        while unique.casefold() in seen:
            unique, k = f"{name} ({k})", k + 1
        seen.add(unique.casefold())
        named.append(sc.model_copy(update={"interviewer": unique}))
    return named


def check_count(count: int) -> None:
    """A debrief needs 2 to MAX_SCORECARDS scorecards."""
    if count < MIN_SCORECARDS:
        got = "none" if count == 0 else "only one"
        raise InputError(
            f"A debrief needs at least {MIN_SCORECARDS} scorecards of the same candidate; got {got}. Add another "
            "interviewer's scorecard (JSON export) or notes."
        )
    if count > MAX_SCORECARDS:
        raise InputError(f"{count} scorecards: a debrief takes at most {MAX_SCORECARDS}. Keep one per interviewer.")
