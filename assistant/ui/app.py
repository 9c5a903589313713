"""The web app: draft a job ad, summarise interview notes, ask the guide — one Gradio Blocks over one `Services`.

Handlers are plain functions of their inputs and a `Services` (tested without a browser); `build_app` wires them
to components. Gradio is imported inside functions only: `GRADIO_TEMP_DIR` and the analytics switch must be set
before its first import (`launch` does that), and the CLI's other commands must not pay its import cost.

Safety: everything a user or a model wrote is rendered inert (HTML escaped, Markdown links and images
neutralised); notes live in memory only (an uploaded file is read into the text box and deleted at once);
downloads are written when the user asks, into a private temp dir removed at exit; errors never echo input
to the console.
"""

from __future__ import annotations

import atexit
import functools
import html
import importlib
import json
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import AssistantError, ConfigError, InputError
from ..guide.models import Citation
from ..qa.models import Answer
from ..rules.models import Flag
from ..settings import Settings, bundled_dir

if TYPE_CHECKING:
    import gradio as gr

    from ..services import Services

TITLE = "Hiring assistant"
EXCERPT_CHARS = 400  # citation passages are cut to this in the chat; the full passage is in the guide
STAGES: list[tuple[str, str]] = [
    ("Not specified", ""),
    ("Phone screen", "phone"),
    ("Face-to-face interview", "face_to_face"),
    ("Case study", "case_study"),
]
ASK_EXAMPLES = [
    "Quel salaire pour un account manager débutant ?",
    "Quelles soft skills faut-il rechercher ?",
    "What is the difference between a farmer and a hunter?",
    "Quelles questions poser en entretien ?",
]
# The brief form, in display order: (JobBrief field, label). `build_app` makes one component per entry.
BRIEF_FIELDS: list[tuple[str, str]] = [
    ("company", "Company"),
    ("sector", "Sector"),
    ("seniority", "Level"),
    ("location", "Location"),
    ("country", "Country (ISO code; FR means French job-ad law applies)"),
    ("remote", "Remote work"),
    ("contract", "Contract"),
    ("key_clients", "Key clients (comma-separated)"),
    ("partners_count", "Number of client partners"),
    ("team_size", "Team size"),
    ("accounts", "Accounts to manage"),
    ("team_to_manage", "People to manage"),
    ("profile", "Profile sought"),
    ("requested_title", "Requested title"),
    ("salary", "Salary (e.g. 3000-3500 € brut mensuel)"),
    ("variable_pay", "Variable pay"),
    ("language", "Language of the ad"),
    ("requirements", "Requirements"),
    ("company_pitch", "Company pitch"),
]
INT_FIELDS = {"partners_count", "team_size", "team_to_manage"}


# --------------------------------------------------------------------------- rendering untrusted text


_MD_SPECIALS = re.compile(r"([\\`*_\[\]|~@])")  # no link or image without [ ]; no e-mail autolink without @


def inert(text: object) -> str:
    """Text from a user, a model or the guide, made safe to embed in Markdown: shown verbatim, never interpreted.

    HTML is escaped (no tag, no `<img onerror>`, no autolink) and Markdown punctuation is backslash-escaped, so
    `![x](http://host/a.png)` or `[x](javascript:...)` show as text: no remote image loads, no link is made.
    """
    escaped = html.escape(str(text), quote=False)
    return _MD_SPECIALS.sub(r"\\\1", escaped)


def quote_block(text: str, limit: int | None = None) -> str:
    """A Markdown blockquote of untrusted text, cut to `limit` characters."""
    text = text.strip()
    if limit and len(text) > limit:
        text = text[:limit].rstrip() + "…"
    return "\n".join("> " + inert(line) if line.strip() else ">" for line in text.split("\n"))


def safe_markdown(markdown: str) -> str:
    """Markdown we generated from untrusted parts (an ad, a summary), sanitised by the render module."""
    from ..rules.markup import sanitize_markdown

    return sanitize_markdown(markdown)


def flags_markdown(flags: Sequence[Flag], *, empty: str = "No flags.") -> str:
    """Flags as a list: severity, kind, message and the offending text quoted."""
    if not flags:
        return empty
    order = {"error": 0, "warning": 1, "info": 2}
    lines = [f"### Flags ({len(flags)})"]
    for f in sorted(flags, key=lambda f: order.get(f.severity, 3)):
        lines.append(f"- **{inert(f.severity.upper())}** · `{inert(f.kind)}` — {inert(f.message)}")
        if f.evidence:
            lines.append(f"  <br>« {inert(f.evidence)} »")
    return "\n".join(lines)


def citations_markdown(citations: Sequence[Citation], *, heading: str = "Sources", limit: int = EXCERPT_CHARS) -> str:
    """Numbered guide passages: section in bold, the passage quoted."""
    if not citations:
        return ""
    parts = [f"**{heading}**"]
    for n, c in enumerate(citations, 1):
        parts.append(f"**[{n}] {inert(c.section)}**\n{quote_block(c.text, limit)}")
    return "\n\n".join(parts)


def answer_markdown(answer: Answer) -> str:
    """One chat reply: the answer (or the abstention), its citations, any notice, the backend."""
    if answer.abstained:
        body = f"**{inert(answer.answer)}**"
    else:
        body = inert(answer.answer)
    parts = [body]
    if answer.citations:
        parts.append(citations_markdown(answer.citations))
    if answer.notice:
        parts.append(f"*Note: {inert(answer.notice)}*")
    engine = answer.backend + (f" · {answer.model}" if answer.model else "")
    parts.append(f"*Answered by: {inert(engine)}*")
    return "\n\n".join(parts)


# --------------------------------------------------------------------------- status


def status_markdown(services: Services) -> str:
    """The active backend and whether the index is ready, for the top of every page."""
    try:
        backend = services.backend_description
    except AssistantError as exc:
        backend = f"not usable: {exc}"
    try:
        kb = services.kb
        index = f"ready — {kb.describe()}"
        if kb.warning:
            index += f" ({kb.warning})"
    except AssistantError as exc:
        index = f"not ready: {exc}"
    return f"**Backend:** {inert(backend)}  \n**Index:** {inert(index)}"


# --------------------------------------------------------------------------- ask the guide


def chat_turn(question: str, history: list[dict] | None, services: Services) -> list[dict]:
    """Ask the guide and return the chat history with the question and the cited answer appended."""
    from ..qa import ask

    answer = ask(question, services, fallback_offline=True)
    return [*(history or []), user_message(question), {"role": "assistant", "content": answer_markdown(answer)}]


def user_message(question: str) -> dict:
    return {"role": "user", "content": inert(question.strip())}


# --------------------------------------------------------------------------- draft a job ad


def brief_dict(values: dict[str, Any]) -> dict[str, Any]:
    """Form values → the dict `job_ads.brief_from_dict` takes: blanks dropped, clients split, counts as ints."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if name == "key_clients":
            clients = [c.strip() for c in re.split(r"[,;\n]", str(value)) if c.strip()]
            if clients:
                out[name] = clients
            continue
        if name in INT_FIELDS:
            if isinstance(value, float) and not value.is_integer():
                raise InputError(f"{name.replace('_', ' ').capitalize()} must be a whole number, not {value}.")
            try:
                out[name] = int(value)
            except (TypeError, ValueError) as exc:
                raise InputError(f"{name.replace('_', ' ').capitalize()} must be a whole number.") from exc
            continue
        out[name] = value.strip() if isinstance(value, str) else value
    return out


def draft_ad(values: dict[str, Any], services: Services) -> tuple[Any, str, str, str]:
    """Draft an ad from form values: (AdResult, ad Markdown, flags Markdown, guide passages Markdown)."""
    from ..ads import brief_from_dict, draft_job_ad

    brief = brief_from_dict(brief_dict(values), settings=services.settings)
    result = draft_job_ad(brief, services, fallback_offline=True)
    head = f"*Drafted by: {inert(result.backend + (f' · {result.model}' if result.model else ''))}*"
    if result.notice:
        head = f"*Note: {inert(result.notice)}*\n\n" + head
    ad_md = safe_markdown(result.text) + "\n\n---\n" + head
    passages = citations_markdown(result.citations, heading="Guide passages used") or "No guide passage cited."
    return result, ad_md, flags_markdown(result.flags, empty="No flags: nothing found to fix."), passages


def example_briefs() -> dict[str, Path]:
    """The example briefs shipped in examples/, by file name."""
    return {p.name: p for p in sorted(bundled_dir("examples").glob("brief-*.yaml"))}


def example_values(name: str) -> list[Any]:
    """The form values of an example brief, in BRIEF_FIELDS order."""
    from ..ads import load_brief

    path = example_briefs().get(name or "")
    if path is None:
        raise InputError("Pick an example first." if not name else f"No example brief named {name!r}.")
    brief = load_brief(path).model_dump()
    values: list[Any] = []
    for field, _ in BRIEF_FIELDS:
        value = brief.get(field)
        if field == "key_clients":
            value = ", ".join(value or [])
        elif field in INT_FIELDS:
            value = "" if value is None else str(value)
        elif field == "salary" and isinstance(value, dict):
            value = _salary_text(value, brief.get("language", "fr"))
        values.append(value)
    return values


def _salary_text(salary: dict[str, Any], lang: str) -> str:
    """A structured salary as the free text the form holds (the brief parser reads it back)."""
    span = " - ".join(f"{v:g}" for v in (salary.get("min"), salary.get("max")) if v is not None)
    monthly = salary.get("period", "month") == "month"
    # Say gross or net only when the brief did: the ad must not assert a basis nobody gave.
    basis = {"gross": {"en": " gross", "fr": " brut"}, "net": {"en": " net", "fr": " net"}}.get(salary.get("basis") or "", {})
    if lang == "en":
        return f"{span} €{basis.get('en', '')} per {'month' if monthly else 'year'}" if span else ""
    return f"{span} €{basis.get('fr', '')} {'mensuel' if monthly else 'annuel'}" if span else ""


def ad_download(result: Any, fmt: str) -> str:
    """Write the drafted ad as md | html | jsonld into the private temp dir; returns the path."""
    from ..ads import export as render

    if result is None:
        raise InputError("Draft an ad first, then download it.")
    if fmt == "md":
        return write_download(render.ad_to_markdown(result), "job-ad.md")
    if fmt == "html":
        return write_download(render.ad_to_html(result), "job-ad.html")
    if fmt == "jsonld":
        return write_download(json.dumps(render.ad_to_jsonld(result), ensure_ascii=False, indent=2, default=str), "job-ad.jsonld")
    raise InputError(f"Unknown download format {fmt!r}.")


# --------------------------------------------------------------------------- interview notes


SCORECARD_HEADERS = ["Competency", "Status", "Rating", "Evidence (quoted from the notes)"]


def summarize(notes: str, stage: str | None, services: Services) -> tuple[Any, str, list[list[str]], str, str]:
    """Summarise notes: (InterviewSummary, flags Markdown, scorecard rows, details Markdown, notice Markdown)."""
    from ..notes import summarize_notes

    summary = summarize_notes("" if notes is None else notes, services, stage=stage or None)
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
    return {p.name: p for p in sorted(bundled_dir("examples").glob("notes-*.txt"))}


def example_notes_text(name: str | None) -> str:
    """The text of an example notes file (fictional candidates)."""
    from ..notes import read_notes_file

    path = example_notes().get(name or "")
    if path is None:
        raise InputError("Pick an example first." if not name else f"No example notes named {name!r}.")
    return read_notes_file(path)


def read_upload(path: str | None) -> str:
    """Read an uploaded notes file, then delete Gradio's copy of it: notes stay in memory only."""
    if not path:
        return ""
    try:
        from ..notes import read_notes_file

        return read_notes_file(path)
    finally:
        _delete_upload(path)


def _delete_upload(path: str) -> None:
    """Remove an uploaded file (and its per-upload folder) when it sits in Gradio's upload folder."""
    folder = os.environ.get("GRADIO_TEMP_DIR")
    p = Path(path).resolve()
    if not folder or not p.is_relative_to(Path(folder).resolve()):
        return  # not ours to delete (a test calling with its own file)
    p.unlink(missing_ok=True)
    try:
        p.parent.rmdir()  # Gradio puts each upload in its own hashed folder
    except OSError:
        pass


def notes_download(summary: Any, fmt: str) -> str:
    """Write the summary as md | json into the private temp dir, only because the user asked; returns the path."""
    from ..notes import scorecard_to_markdown

    if summary is None:
        raise InputError("Summarise notes first, then download the scorecard.")
    if fmt == "md":
        return write_download(scorecard_to_markdown(summary), "interview-summary.md")
    if fmt == "json":
        return write_download(json.dumps(summary.to_json(), ensure_ascii=False, indent=2, default=str), "interview-summary.json")
    raise InputError(f"Unknown download format {fmt!r}.")


# --------------------------------------------------------------------------- private temp dir and downloads


def private_temp_dir() -> Path:
    """The app's private GRADIO_TEMP_DIR (mode 0700), created on first call and removed at exit."""
    current = os.environ.get("GRADIO_TEMP_DIR")
    if current and os.environ.get("ASSISTANT_UI_TEMP_OWNED") == current:
        return Path(current)
    if current and Path(current).is_dir() and stat.S_IMODE(Path(current).stat().st_mode) & 0o077 == 0:
        return Path(current)  # already private (a test's tmp dir, or set by the user): keep it
    path = Path(tempfile.mkdtemp(prefix="hiring-assistant-ui-"))
    path.chmod(0o700)
    os.environ["GRADIO_TEMP_DIR"] = str(path)
    os.environ["ASSISTANT_UI_TEMP_OWNED"] = str(path)
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def write_download(text: str, filename: str) -> str:
    """Write one download in its own folder under the private temp dir (Gradio serves files from there)."""
    folder = Path(tempfile.mkdtemp(prefix="download-", dir=private_temp_dir()))
    path = folder / filename
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return str(path)


# --------------------------------------------------------------------------- wiring to Gradio


def _plain_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn AssistantError into gr.Error with its plain message; other errors into a message without the input.

    Nothing is printed: an exception's text may quote the notes (pydantic errors echo their input).
    """
    import gradio as gr

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except gr.Error:
            raise
        except AssistantError as exc:
            raise gr.Error(str(exc), print_exception=False) from None
        except Exception as exc:  # a bug: say where, without the message (it may echo input) on page or console
            frames = "".join(traceback.format_tb(exc.__traceback__))
            print(f"hiring-assistant ui: unexpected {exc.__class__.__name__} in {fn.__name__}\n{frames}", file=sys.stderr)
            raise gr.Error(
                f"Unexpected error ({exc.__class__.__name__}). Please report it; your input was not stored.",
                print_exception=False,
            ) from None

    return wrapper


def build_app(services: Services) -> gr.Blocks:
    """The three-tab app over `services`. Call `.queue(...)` and `.launch(...)` on it (see `launch`)."""
    private_temp_dir()
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    import gradio as gr

    # Gradio's cache (uploads, downloads) is swept every minute of files older than 5 minutes: downloads are
    # written when the user clicks, so nothing needs to live longer.
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(60, 300)) as app:
        gr.Markdown(
            f"# {TITLE}\nGrounded in the guide *Comment recruter un.e Account Manager ?* (Welcome to the Jungle, 2019). "
            "Every answer cites the guide; every flag quotes the text it is about; a human decides."
        )
        status = gr.Markdown(elem_id="status")
        with gr.Tabs():
            with gr.Tab("Draft a job ad", id="ad"):
                _ad_tab(gr, services)
            with gr.Tab("Summarise interview notes", id="notes"):
                _notes_tab(gr, services)
            with gr.Tab("Ask the guide", id="ask"):
                _ask_tab(gr, services)
        app.load(functools.partial(status_markdown, services), None, status, api_name="status")
    return app


def _ask_tab(gr: Any, services: Services) -> None:
    chat = gr.Chatbot(
        label="Conversation with the guide",
        height=480,
        sanitize_html=True,
        allow_tags=False,
        feedback_options=None,
        buttons=["copy"],
        placeholder="Ask a question about recruiting an Account Manager. Answers quote the guide and cite it.",
        elem_id="ask-chat",
    )
    with gr.Row():
        question = gr.Textbox(
            label="Your question",
            placeholder="e.g. Quel salaire pour un account manager débutant ?",
            max_length=services.settings.max_question_chars,
            scale=5,
            elem_id="ask-question",
        )
        send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask-send")
    gr.Examples(examples=[[q] for q in ASK_EXAMPLES], inputs=[question], label="Examples")

    def respond(text: str, history: list[dict]) -> Iterator[tuple[list[dict], str]]:
        from ..qa import validate_question

        try:
            validate_question(text, services.settings.max_question_chars)
        except AssistantError as exc:
            raise gr.Error(str(exc), print_exception=False) from None
        history = list(history or [])
        pending = [*history, user_message(text), {"role": "assistant", "content": "*Searching the guide…*"}]
        yield pending, ""  # the question shows at once; the answer replaces the placeholder
        try:
            yield _plain_errors(chat_turn)(text, history, services), ""
        except gr.Error:
            yield history, text  # put the question back so the user can fix it
            raise

    send.click(respond, [question, chat], [chat, question], api_name="ask")
    question.submit(respond, [question, chat], [chat, question], api_name=False)


def _ad_tab(gr: Any, services: Services) -> None:
    result_state = gr.State(None)
    components: dict[str, Any] = {}
    with gr.Row():
        with gr.Column(scale=2):
            examples = example_briefs()
            if examples:
                with gr.Row():
                    pick = gr.Dropdown(list(examples), label="Example briefs", value=None, scale=3, elem_id="ad-example")
                    load = gr.Button("Load example", size="sm", scale=1, elem_id="ad-load-example")
            for field, label in BRIEF_FIELDS:
                components[field] = _brief_component(gr, field, label, services.settings)
            go = gr.Button("Draft the ad", variant="primary", elem_id="ad-draft")
        with gr.Column(scale=3):
            flags = gr.Markdown(elem_id="ad-flags")
            ad = gr.Markdown("*The ad will appear here.*", elem_id="ad-text")
            with gr.Accordion("Guide passages used", open=False):
                passages = gr.Markdown(elem_id="ad-passages")
            with gr.Row():
                dl_md = gr.Button("Download Markdown", size="sm")
                dl_html = gr.Button("Download HTML", size="sm")
                dl_jsonld = gr.Button("Download JSON-LD", size="sm")
            download = gr.File(label="Your download", interactive=False, visible=False, elem_id="ad-download")

    fields = [f for f, _ in BRIEF_FIELDS]

    def run(*values: Any, progress: Any = gr.Progress()) -> tuple[Any, str, str, str]:
        progress(0.1, desc="Drafting the ad and checking it against job-ad rules…")
        return draft_ad(dict(zip(fields, values)), services)

    go.click(
        _plain_errors(run), [components[f] for f in fields], [result_state, ad, flags, passages], api_name="draft_ad"
    ).success(_hide_file(gr), None, [download], api_name=False)  # a download of the previous ad must not linger
    if examples:
        load.click(_plain_errors(example_values), [pick], [components[f] for f in fields], api_name="load_example")
    for button, fmt in ((dl_md, "md"), (dl_html, "html"), (dl_jsonld, "jsonld")):
        button.click(
            _plain_errors(functools.partial(_ad_download_for, fmt=fmt)), [result_state], [download],
            api_name=f"download_ad_{fmt}",
        ).success(lambda: gr.File(visible=True), None, [download], api_name=False)


def _hide_file(gr: Any) -> Callable[[], Any]:
    return lambda: gr.File(value=None, visible=False)


def _ad_download_for(result: Any, *, fmt: str) -> str:
    return ad_download(result, fmt)


def _brief_component(gr: Any, field: str, label: str, settings: Settings) -> Any:
    limit, elem_id = settings.max_field_chars, f"brief-{field}"
    if field == "seniority":
        return gr.Dropdown(
            [("Junior", "junior"), ("Mid-level", "mid"), ("Senior", "senior")], value="mid", label=label, elem_id=elem_id
        )
    if field == "remote":
        return gr.Dropdown(
            [("Not specified", ""), ("No", "no"), ("Hybrid", "hybrid"), ("Full remote", "full")], value="", label=label,
            elem_id=elem_id,
        )
    if field == "contract":
        return gr.Dropdown(["CDI", "CDD", "freelance", "stage", "alternance", "interim"], value="CDI", label=label, elem_id=elem_id)
    if field == "profile":
        return gr.Dropdown(
            [("Not specified", ""), ("Farmer: grows existing clients", "farmer"), ("Hunter: finds new clients", "hunter"),
             ("Both", "both")], value="", label=label, elem_id=elem_id,
        )
    if field == "country":
        return gr.Textbox(value="FR", label=label, max_length=60, elem_id=elem_id)
    if field == "language":
        return gr.Radio([("Français", "fr"), ("English", "en")], value="fr", label=label, elem_id=elem_id)
    if field in INT_FIELDS:
        # A Textbox, not gr.Number: an empty Number shows and sends 0 ("0 client partners" is not a fact).
        return gr.Textbox(label=label, placeholder="a whole number, or leave empty", max_length=9, elem_id=elem_id)
    if field in ("requirements", "company_pitch"):
        return gr.Textbox(label=label, lines=3, max_length=limit, elem_id=elem_id)
    return gr.Textbox(label=label, max_length=limit, elem_id=elem_id)


def _notes_tab(gr: Any, services: Services) -> None:
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
                    pick = gr.Dropdown(list(samples), label="Example notes (fictional)", value=None, scale=3,
                                       elem_id="notes-example")
                    load = gr.Button("Load example", size="sm", scale=1, elem_id="notes-load-example")
            upload = gr.File(
                label="…or upload notes (.txt, .md)", file_types=[".txt", ".md"], type="filepath", height=110,
                elem_id="notes-upload",
            )
            stage = gr.Dropdown(STAGES, value="", label="Interview stage", elem_id="notes-stage")
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
        _plain_errors(run), [notes, stage], [summary_state, flags, table, details, notice], api_name="summarize"
    ).success(_hide_file(gr), None, [download], api_name=False)
    if samples:
        load.click(_plain_errors(example_notes_text), [pick], [notes], api_name="load_example_notes")
    upload.upload(
        _plain_errors(lambda path: (read_upload(path), None)), [upload], [notes, upload], api_name=False
    )
    for button, fmt in ((dl_md, "md"), (dl_json, "json")):
        button.click(
            _plain_errors(functools.partial(_notes_download_for, fmt=fmt)), [summary_state], [download], api_name=False
        ).success(lambda: gr.File(visible=True), None, [download], api_name=False)


def _notes_download_for(summary: Any, *, fmt: str) -> str:
    return notes_download(summary, fmt)


# --------------------------------------------------------------------------- launch


def parse_auth(value: str | None) -> tuple[str, str] | None:
    """'user:password' → (user, password); None when unset; ConfigError when malformed."""
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user.strip() or not password:
        raise ConfigError("ASSISTANT_UI_AUTH must look like user:password (both parts non-empty).")
    return user.strip(), password


def serve(services: Services, *, block: bool = True, quiet: bool = False) -> tuple[gr.Blocks, str]:
    """Build, queue and launch the app on settings.ui_host/ui_port; returns (app, local URL)."""
    import gradio as gr

    settings = services.settings
    app = build_app(services)
    app.queue(default_concurrency_limit=settings.ui_concurrency, max_size=settings.ui_max_queue)
    _, url, _ = app.launch(
        server_name=settings.ui_host,
        server_port=settings.ui_port,
        auth=parse_auth(settings.ui_auth),
        max_file_size=int(settings.ui_max_upload_mb * 1024 * 1024),
        show_error=True,
        quiet=quiet,
        prevent_thread_lock=True,
        share=False,
        ssr_mode=False,  # no Node server
        mcp_server=False,
        pwa=False,
        run_history=False,  # Gradio would otherwise keep every run (notes included) in the browser
        enable_monitoring=False,
        footer_links=["api", "settings"],
        theme=gr.themes.Default(primary_hue="teal"),
        css=CSS,
    )
    if block:
        app.block_thread()
    return app, url


CSS = """
#status { font-size: 0.9em; opacity: 0.85; }
#ad-text h1 { font-size: 1.6em; }
#notes-scorecard table, #notes-scorecard td, #notes-scorecard th { font-family: var(--font); }
"""


def launch(overrides: dict | None = None) -> None:
    """`hiring-assistant ui` / `make run`: build the index (progress on the console), then serve until Ctrl+C."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    # SIGTERM (kill, systemd) and SIGHUP (terminal closed) stop the app like Ctrl+C, so the private temp dir with
    # its downloads (which can quote notes) is removed by the atexit handler, not left behind.
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.default_int_handler)
    private_temp_dir()  # before gradio's first import: it reads GRADIO_TEMP_DIR then
    from ..guide.knowledge import stderr_progress
    from ..services import Services

    started = time.perf_counter()
    # Import gradio (seconds) while the index loads: the main thread's later import waits on the same module lock.
    threading.Thread(target=importlib.import_module, args=("gradio",), daemon=True).start()
    settings = Settings(**(overrides or {}))
    parse_auth(settings.ui_auth)  # a malformed value fails before the slow part
    services = Services(settings=settings, progress=stderr_progress)
    print(f"Backend: {services.backend_description}", file=sys.stderr)
    print("Loading the guide and its index…", file=sys.stderr)
    try:
        print(f"Index: {services.kb.describe()}", file=sys.stderr)
    except AssistantError as exc:  # still serve: the page says the index is not ready and why
        print(f"Index not ready: {exc}", file=sys.stderr)
    if settings.ui_host not in ("127.0.0.1", "localhost", "::1") and not settings.ui_auth:
        print(f"Warning: serving on {settings.ui_host} without a login: anyone who can reach this machine can use the "
              "app. Set ASSISTANT_UI_AUTH=user:password.", file=sys.stderr)
    app, url = serve(services, block=False, quiet=True)
    print(f"Hiring assistant ready in {time.perf_counter() - started:.1f} s on {url} (Ctrl+C to stop)", flush=True)
    try:
        app.block_thread()
    finally:
        app.close()
