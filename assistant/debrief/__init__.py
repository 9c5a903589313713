"""Debrief across interviewers: several independent scorecards of one candidate, side by side.

load (JSON exports, or notes scored one by one) → build_debrief (aggregate only) → export (Markdown, JSON).
"""

from .aggregate import RATING_GAP, STATEMENT, agreement, build_debrief
from .export import debrief_filename, debrief_to_json, debrief_to_markdown
from .load import (
    MAX_SCORECARD_BYTES,
    MAX_SCORECARDS,
    load_scorecard_json,
    read_scorecard_file,
    score_notes,
    scorecard_from_summary,
)
from .models import Debrief, Scorecard

__all__ = [
    "MAX_SCORECARDS",
    "MAX_SCORECARD_BYTES",
    "RATING_GAP",
    "STATEMENT",
    "Debrief",
    "Scorecard",
    "agreement",
    "build_debrief",
    "debrief_filename",
    "debrief_to_json",
    "debrief_to_markdown",
    "load_scorecard_json",
    "read_scorecard_file",
    "score_notes",
    "scorecard_from_summary",
]
