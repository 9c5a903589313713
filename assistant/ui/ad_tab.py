"""The "Draft a job ad" tab: a brief form (or an example brief) to an ad, its flags, the guide passages, downloads."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .events import hidden_file, plain_errors, shown_file
from .files import example_files, write_download
from .render import citations_markdown, flags_markdown, inert, safe_markdown

if TYPE_CHECKING:
    from ..services import Services
    from ..settings import Settings

# The brief form, in display order: (JobBrief field, label). `build_ad_tab` makes one component per entry.
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


def brief_dict(values: dict[str, Any]) -> dict[str, Any]:
    """Form values → the dict `brief_from_dict` takes: blanks dropped, clients split, counts as ints."""
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
    return example_files("brief-*.yaml")


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
    basis = {"gross": {"en": " gross", "fr": " brut"}, "net": {"en": " net", "fr": " net"}}.get(
        salary.get("basis") or "", {}
    )
    if lang == "en":
        return f"{span} €{basis.get('en', '')} per {'month' if monthly else 'year'}" if span else ""
    return f"{span} €{basis.get('fr', '')} {'mensuel' if monthly else 'annuel'}" if span else ""


def ad_download(result: Any, fmt: str) -> str:
    """Write the drafted ad as md | html | jsonld into the private temp dir; returns the path."""
    from ..ads import export

    if result is None:
        raise InputError("Draft an ad first, then download it.")
    if fmt == "md":
        return write_download(export.ad_to_markdown(result), "job-ad.md")
    if fmt == "html":
        return write_download(export.ad_to_html(result), "job-ad.html")
    if fmt == "jsonld":
        return write_download(
            json.dumps(export.ad_to_jsonld(result), ensure_ascii=False, indent=2, default=str), "job-ad.jsonld"
        )
    raise InputError(f"Unknown download format {fmt!r}.")


def _ad_download_for(result: Any, *, fmt: str) -> str:
    return ad_download(result, fmt)


def build_ad_tab(services: Services) -> None:
    """The tab's components and events, inside the enclosing gr.Tab."""
    import gradio as gr

    result_state = gr.State(None)
    components: dict[str, Any] = {}
    with gr.Row():
        with gr.Column(scale=2):
            examples = example_briefs()
            if examples:
                with gr.Row():
                    pick = gr.Dropdown(
                        list(examples), label="Example briefs", value=None, scale=3, elem_id="ad-example"
                    )
                    load = gr.Button("Load example", size="sm", scale=1, elem_id="ad-load-example")
            for field, label in BRIEF_FIELDS:
                components[field] = _brief_component(field, label, services.settings)
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
        return draft_ad(dict(zip(fields, values, strict=False)), services)

    go.click(
        plain_errors(run), [components[f] for f in fields], [result_state, ad, flags, passages], api_name="draft_ad"
    ).success(hidden_file, None, [download], api_name=False)
    if examples:
        load.click(plain_errors(example_values), [pick], [components[f] for f in fields], api_name="load_example")
    for button, fmt in ((dl_md, "md"), (dl_html, "html"), (dl_jsonld, "jsonld")):
        button.click(
            plain_errors(functools.partial(_ad_download_for, fmt=fmt)),
            [result_state],
            [download],
            api_name=f"download_ad_{fmt}",
        ).success(shown_file, None, [download], api_name=False)


def _brief_component(field: str, label: str, settings: Settings) -> Any:
    """The form component for one brief field."""
    import gradio as gr

    limit, elem_id = settings.max_field_chars, f"brief-{field}"
    if field == "seniority":
        return gr.Dropdown(
            [("Junior", "junior"), ("Mid-level", "mid"), ("Senior", "senior")],
            value="mid",
            label=label,
            elem_id=elem_id,
        )
    if field == "remote":
        return gr.Dropdown(
            [("Not specified", ""), ("No", "no"), ("Hybrid", "hybrid"), ("Full remote", "full")],
            value="",
            label=label,
            elem_id=elem_id,
        )
    if field == "contract":
        return gr.Dropdown(
            ["CDI", "CDD", "freelance", "stage", "alternance", "interim"], value="CDI", label=label, elem_id=elem_id
        )
    if field == "profile":
        return gr.Dropdown(
            [
                ("Not specified", ""),
                ("Farmer: grows existing clients", "farmer"),
                ("Hunter: finds new clients", "hunter"),
                ("Both", "both"),
            ],
            value="",
            label=label,
            elem_id=elem_id,
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
