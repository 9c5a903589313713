"""Interview notes to an evidence-backed scorecard: prepare → (LLM assessment | offline evidence) → verify → scorecard."""

from .export import SCHEMA_VERSION, scorecard_filename, scorecard_to_json, scorecard_to_markdown
from .pipeline import summarize_notes
from .prepare import STAGES, read_notes_file, validate_notes

__all__ = [
    "SCHEMA_VERSION",
    "STAGES",
    "read_notes_file",
    "scorecard_filename",
    "scorecard_to_json",
    "scorecard_to_markdown",
    "summarize_notes",
    "validate_notes",
]
