"""The "Summarise interview notes" tab: notes (pasted, uploaded or an example) to flags, a scorecard and follow-ups.

Notes live in memory only: an uploaded file is read into the text box and deleted at once, and a download is
written only when the user asks for it.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .events import hidden_file, plain_errors, shown_file
from .files import example_files, read_upload, write_download
from .render import flags_markdown, inert

if TYPE_CHECKING:
    from ..services import Services

STAGE_CHOICES: list[tuple[str, str]] = [
    ("Not specified", ""),
    ("Phone screen", "phone"),
    ("Face-to-face interview", "face_to_face"),
    ("Case study", "case_study"),
]
SCORECARD_HEADERS = ["Competency", "Status", "Rating", "Evidence (quoted from the notes)"]


def summarize(notes: str, stage: str | None, services: Services) -> tuple[Any, str, list[list[str]], str, str]:
    """Summarise notes: (InterviewSummary, flags Markdown, scorecard rows, details Markdown, notice Markdown)."""
    from ..notes import summarize_notes

    summary = summarize_notes("" if notes is None else notes, services, stage=stage or None, fallback_offline=True)
    return (
        summary,
        flags_markdown(summary.flags, empty="No flags: nothing in the notes needs to be kept out of the assessment."),
        scorecard_rows(summary),
        summary_details_markdown(summary),
        summary_notice_markdown(summary),
    )


def scorecard_rows(summary: Any) -> list[list[str]]:
    """One row per competency; the table shows text as text (no HTML, no Markdown)."""
    rows = []
    for c in summary.competencies:
        quotes = "\n".join(f"« {e.quote} »" for e in c.evidence)
        status = "assessed" if c.status == "assessed" else "not assessed"
        rows.append([c.label, status, "" if c.rating is None else f"{c.rating}/5", quotes])
    return rows


def summary_details_markdown(summary: Any) -> str:
    """Suggestion (LLM mode), strengths, concerns and follow-up questions."""
    parts: list[str] = []
    if summary.recommendation:
        label = summary.recommendation.replace("_", " ")
        parts.append(f"**Suggestion for the interviewer:** {inert(label)}. {inert(summary.recommendation_rationale)}")
    for heading, items in (("Strengths", summary.strengths), ("Concerns", summary.concerns)):
        if items:
            parts.append(f"**{heading}**\n" + "\n".join(f"- « {inert(e.quote)} »" for e in items))
    if summary.follow_up_questions:
        lines = [f"{n}. {inert(q.question)}" for n, q in enumerate(summary.follow_up_questions, 1)]
        parts.append("**Follow-up questions** (for competencies the notes do not cover)\n" + "\n".join(lines))
    return "\n\n".join(parts) or "No follow-up question."


def summary_notice_markdown(summary: Any) -> str:
    """The human-decision notice, what was excluded, and which engine wrote the summary."""
    parts = [f"> **{inert(summary.notice)}**"]
    if summary.excluded:
        parts.append(f"*{inert(summary.excluded)}*")
    engine = summary.backend + (f" · {summary.model}" if summary.model else "")
    parts.append(f"*Summarised by: {inert(engine)}. The notes were not stored.*")
    return "\n\n".join(parts)


def example_notes() -> dict[str, Path]:
    """The example notes shipped in examples/, by file name."""
    return example_files("notes-*.txt")


def example_notes_text(name: str | None) -> str:
    """The text of an example notes file (fictional candidates)."""
    from ..notes import read_notes_file

    path = example_notes().get(name or "")
    if path is None:
        raise InputError("Pick an example first." if not name else f"No example notes named {name!r}.")
    return read_notes_file(path)


def notes_download(summary: Any, fmt: str) -> str:
    """Write the summary as md | json into the private temp dir, only because the user asked; returns the path."""
    from ..notes import scorecard_to_markdown

    if summary is None:
        raise InputError("Summarise notes first, then download the scorecard.")
    if fmt == "md":
        return write_download(scorecard_to_markdown(summary), "interview-summary.md")
    if fmt == "json":
        return write_download(
            json.dumps(summary.to_json(), ensure_ascii=False, indent=2, default=str), "interview-summary.json"
        )
    raise InputError(f"Unknown download format {fmt!r}.")


def _notes_download_for(summary: Any, *, fmt: str) -> str:
    return notes_download(summary, fmt)


def build_notes_tab(services: Services) -> None:
    """The tab's components and events, inside the enclosing gr.Tab."""
    import gradio as gr

    summary_state = gr.State(None)
    with gr.Row():
        with gr.Column(scale=2):
            notes = gr.Textbox(
                label="Interview notes (kept in memory only, never stored)",
                lines=14,
                max_length=services.settings.max_notes_chars,
                placeholder="Paste your notes here, or upload a .txt/.md file below.",
                elem_id="notes-text",
            )
            samples = example_notes()
            if samples:
                with gr.Row():
                    pick = gr.Dropdown(
                        list(samples), label="Example notes (fictional)", value=None, scale=3, elem_id="notes-example"
                    )
                    load = gr.Button("Load example", size="sm", scale=1, elem_id="notes-load-example")
            upload = gr.File(
                label="…or upload notes (.txt, .md)",
                file_types=[".txt", ".md"],
                type="filepath",
                height=110,
                elem_id="notes-upload",
            )
            stage = gr.Dropdown(STAGE_CHOICES, value="", label="Interview stage", elem_id="notes-stage")
            go = gr.Button("Summarise", variant="primary", elem_id="notes-go")
        with gr.Column(scale=3):
            flags = gr.Markdown(elem_id="notes-flags")
            table = gr.Dataframe(
                headers=SCORECARD_HEADERS,
                datatype=["str", "str", "str", "str"],
                interactive=False,
                wrap=True,
                label="Scorecard",
                column_widths=["24%", "14%", "10%", "52%"],
                max_height=1200,
                elem_id="notes-scorecard",
            )
            details = gr.Markdown(elem_id="notes-details")
            notice = gr.Markdown(elem_id="notes-notice")
            with gr.Row():
                dl_md = gr.Button("Download Markdown", size="sm")
                dl_json = gr.Button("Download JSON", size="sm")
            download = gr.File(label="Your download", interactive=False, visible=False, elem_id="notes-download")

    def run(text: str, stage_id: str, progress: Any = gr.Progress()) -> tuple[Any, str, list[list[str]], str, str]:
        progress(0.1, desc="Reading the notes against the guide's competencies…")
        return summarize(text, stage_id, services)

    go.click(
        plain_errors(run), [notes, stage], [summary_state, flags, table, details, notice], api_name="summarize"
    ).success(hidden_file, None, [download], api_name=False)
    if samples:
        load.click(plain_errors(example_notes_text), [pick], [notes], api_name="load_example_notes")
    upload.upload(
        plain_errors(lambda path: (read_upload(path, services.settings.max_notes_chars), None)),
        [upload],
        [notes, upload],
        api_name=False,  # type: ignore[arg-type]  # False (a private endpoint) works; gradio annotates str | None
    )
    for button, fmt in ((dl_md, "md"), (dl_json, "json")):
        button.click(
            plain_errors(functools.partial(_notes_download_for, fmt=fmt)),
            [summary_state],
            [download],
            api_name=False,  # type: ignore[arg-type]  # False (a private endpoint) works; gradio annotates str | None
        ).success(shown_file, None, [download], api_name=False)
