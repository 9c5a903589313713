"""The "Summarise interview notes" tab: notes (pasted, uploaded or an example) to flags, a scorecard, practical facts
and follow-ups, in the page's language (French or English).

Notes live in memory only: an uploaded file is read into the text box and deleted at once, and a download is
written only when the user asks for it. Downloads are exports (notes/redact.py): flags quoted by placeholders, no
personal data, protected-criterion text or pay history.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .events import hidden_file, plain_errors, shown_file
from .files import example_files, read_upload, write_download
from .i18n import Binder, localize, normalize, register, register_messages, t
from .render import flags_markdown, inert

if TYPE_CHECKING:
    from ..services import Services

TEXTS = register(
    {
        "notes.paste": (
            "Notes d'entretien (gardées en mémoire, jamais stockées)",
            "Interview notes (kept in memory only, never stored)",
        ),
        "notes.placeholder": (
            "Collez vos notes ici, ou importez un fichier .txt/.md ci-dessous.",
            "Paste your notes here, or upload a .txt/.md file below.",
        ),
        "notes.examples": ("Notes d'exemple (fictives)", "Example notes (fictional)"),
        "notes.load_example": ("Charger l'exemple", "Load example"),
        "notes.upload": ("…ou importez des notes (.txt, .md)", "…or upload notes (.txt, .md)"),
        "notes.stage": ("Étape de l'entretien", "Interview stage"),
        "notes.stage.none": ("Non précisée", "Not specified"),
        "notes.stage.phone": ("Entretien téléphonique", "Phone screen"),
        "notes.stage.face_to_face": ("Entretien en face à face", "Face-to-face interview"),
        "notes.stage.case_study": ("Étude de cas", "Case study"),
        "notes.interviewer": ("Intervieweur·se (facultatif)", "Interviewer (optional)"),
        "notes.interviewer_placeholder": (
            "Votre nom, pour distinguer les grilles lors du débrief",
            "Your name, so a debrief can tell scorecards apart",
        ),
        "notes.go": ("Synthétiser", "Summarise"),
        "notes.progress": (
            "Lecture des notes au regard des compétences du guide…",
            "Reading the notes against the guide's competencies…",
        ),
        "notes.no_flags": (
            "Aucun signalement : rien dans les notes n'est à écarter de l'évaluation.",
            "No flags: nothing in the notes needs to be kept out of the assessment.",
        ),
        "notes.scorecard": ("Grille d'évaluation", "Scorecard"),
        "notes.col.competency": ("Compétence", "Competency"),
        "notes.col.status": ("Statut", "Status"),
        "notes.col.rating": ("Note", "Rating"),
        "notes.col.evidence": ("Citations (tirées des notes)", "Evidence (quoted from the notes)"),
        "notes.status.assessed": ("évalué", "assessed"),
        "notes.status.not_assessed": ("non évalué", "not assessed"),
        "notes.not_planned": (
            "Non prévues à cette étape (et sans citation)",
            "Not planned at this stage (and no quote)",
        ),
        "notes.facts": ("Informations pratiques", "Practical facts"),
        "notes.facts_none": (
            "Aucune relevée dans les notes (prétentions, disponibilité, lieu, prochaines étapes, questions).",
            "None found in the notes (salary expectation, availability, location, next steps, questions).",
        ),
        "notes.fact.salary_expectation": ("Prétentions salariales", "Salary expectation"),
        "notes.fact.availability": ("Disponibilité / préavis", "Availability / notice"),
        "notes.fact.location": ("Lieu / télétravail", "Location / remote"),
        "notes.fact.next_steps": ("Prochaines étapes", "Next steps"),
        "notes.fact.candidate_question": ("Questions du/de la candidat·e", "Candidate's questions"),
        "notes.suggestion": ("Suggestion pour l'intervieweur·se", "Suggestion for the interviewer"),
        "notes.rec.advance": ("poursuivre", "advance"),
        "notes.rec.hold": ("en attente", "hold"),
        "notes.rec.do_not_advance": ("ne pas poursuivre", "do not advance"),
        "notes.strengths": ("Points forts", "Strengths"),
        "notes.concerns": ("Points de vigilance", "Concerns"),
        "notes.follow_up": (
            "Questions de relance (pour les compétences que les notes ne couvrent pas)",
            "Follow-up questions (for competencies the notes do not cover)",
        ),
        "notes.no_follow_up": ("Aucune question de relance.", "No follow-up question."),
        "notes.engine": (
            "Synthèse par : {engine}. Les notes n'ont pas été conservées.",
            "Summarised by: {engine}. The notes were not stored.",
        ),
        "notes.dl_md": ("Télécharger en Markdown", "Download Markdown"),
        "notes.dl_json": ("Télécharger en JSON", "Download JSON"),
        "notes.download": ("Votre téléchargement", "Your download"),
        "notes.first": (
            "Synthétisez d'abord des notes, puis téléchargez la grille.",
            "Summarise notes first, then download the scorecard.",
        ),
        "notes.pick_first": ("Choisissez d'abord un exemple.", "Pick an example first."),
        "notes.no_example": ("Aucun exemple de notes nommé {name}.", "No example notes named {name}."),
    }
)

# What the notes' checks (assistant/notes/prepare.py), an upload's reading (assistant/textfile.py through
# assistant/ui/files.py) and the LLM scorecard's failure (assistant/notes/llm.py) say, in English there.
register_messages(
    "assistant/notes/prepare.py",
    {
        "msg.notes.not_text": (
            "Les notes d'entretien doivent être du texte, pas {kind}.",
            "Interview notes must be text, not {kind}.",
        ),
        "msg.notes.empty": (
            "Les notes d'entretien sont vides (rien que des espaces ou de la ponctuation) : collez les notes à "
            "synthétiser.",
            "The interview notes are empty (nothing but spaces or punctuation): paste the notes to summarise.",
        ),
        "msg.notes.too_long": (
            "Les notes d'entretien font {n} caractères ; la limite est de {limit} (ASSISTANT_MAX_NOTES_CHARS). "
            "Synthétisez un entretien à la fois.",
            "The interview notes are {n} characters long; the limit is {limit} (ASSISTANT_MAX_NOTES_CHARS). "
            "Summarise one interview at a time.",
        ),
        "msg.notes.stage": (
            "Étape d'entretien inconnue {stage} : choisissez parmi {stages}.",
            "Unknown interview stage {stage}: use one of {stages}.",
        ),
        "msg.notes.invisible": (
            "Les notes d'entretien ne contiennent aucun texte visible une fois les caractères invisibles et le balisage retirés.",
            "The interview notes hold no visible text once invisible characters and markup are removed.",
        ),
    },
)
register_messages(
    "assistant/textfile.py",
    {
        "msg.file.folder": (
            "{name} : c'est un dossier ; donnez plutôt le fichier qu'il contient ({what}).",
            "{name}: is a folder; give the {what} file inside it.",
        ),
        "msg.file.missing": ("{name} : fichier introuvable.", "{name}: file not found."),
        "msg.file.size": (
            "{name} : le fichier fait {n} octets ; la limite pour {what} est de {limit} octets.",
            "{name}: the file is {n} bytes; the limit for the {what} is {limit} bytes.",
        ),
        "msg.file.unreadable": ("{name} : lecture impossible ({why}).", "{name}: cannot be read ({why})."),
        "msg.file.more": (
            "{name} : plus de {limit} octets, la limite pour {what}.",
            "{name}: more than {limit} bytes; the limit for the {what}.",
        ),
        "msg.file.binary": (
            "{name} : c'est apparemment un fichier binaire ; donnez {what} en texte UTF-8.",
            "{name}: looks like a binary file; give the {what} as UTF-8 text.",
        ),
        "msg.file.encoding": (
            "{name} : ce n'est pas du texte UTF-8 ({why} à l'octet {n}) ; enregistrez {what} en UTF-8.",
            "{name}: not UTF-8 text ({why} at byte {n}); save the {what} as UTF-8.",
        ),
        "msg.file.utf16": (
            "{name} : ce n'est pas du texte UTF-16 valide ({why}) ; enregistrez {what} en UTF-8.",
            "{name}: not valid UTF-16 text ({why}); save the {what} as UTF-8.",
        ),
        "msg.file.empty": (
            "{name} est vide : il ne contient pas {what}.",
            "{name} is empty: it holds no {what}.",
        ),
    },
    words={"interview notes": "les notes d'entretien", "brief": "le brief"},
)
register_messages(
    "assistant/ui/files.py",
    {
        "msg.file.notes_too_long": (
            "{name} : {n} caractères ; la limite pour des notes d'entretien est de {limit} "
            "(ASSISTANT_MAX_NOTES_CHARS). Importez un fichier plus court.",
            "{name}: {n} characters; the limit for interview notes is {limit} (ASSISTANT_MAX_NOTES_CHARS). "
            "Upload a shorter file.",
        ),
    },
)
register_messages(
    "assistant/notes/llm.py",
    {
        "msg.notes.llm_unusable": (
            "Le LLM n'a renvoyé aucune grille utilisable, même après une demande de correction ({problems}). "
            "Réessayez, ou réglez ASSISTANT_LLM_BACKEND=offline pour la grille fondée sur les seules citations.",
            "The LLM returned no usable scorecard, even after one correction request ({problems}). Try again, or "
            "set ASSISTANT_LLM_BACKEND=offline for the evidence-only scorecard.",
        ),
    },
)

STAGES = ("phone", "face_to_face", "case_study")
STAGE_KEYS: list[tuple[str, str]] = [("notes.stage.none", "")] + [(f"notes.stage.{s}", s) for s in STAGES]
STAGE_CHOICES: list[tuple[str, str]] = [(t(key, "en"), value) for key, value in STAGE_KEYS]
"""The stage choices in English (labels, values); the tab builds them in the page's language."""
HEADER_KEYS = ["notes.col.competency", "notes.col.status", "notes.col.rating", "notes.col.evidence"]
SCORECARD_HEADERS = [t(key, "en") for key in HEADER_KEYS]
"""The scorecard table's headers in English (`scorecard_headers(lang)` for the page's language)."""


def scorecard_headers(lang: str) -> list[str]:
    """The scorecard table's column headers in `lang`."""
    return [t(key, lang) for key in HEADER_KEYS]


def summarize(
    notes: str, stage: str | None, services: Services, lang: str = "en", interviewer: str | None = None
) -> tuple[Any, str, list[list[str]], str, str]:
    """Summarise notes: (InterviewSummary, flags Markdown, scorecard rows, details Markdown, notice Markdown).

    The details hold the practical facts first, then the suggestion (LLM mode), strengths, concerns and follow-ups."""
    from ..notes import summarize_notes

    summary = summarize_notes(
        "" if notes is None else notes,
        services,
        stage=stage or None,
        fallback_offline=True,
        interviewer=(interviewer or "").strip() or None,
    )
    return (summary, *summary_views(summary, lang, services.framework))


def summary_views(summary: Any, lang: str, fw: Any = None) -> tuple[str, list[list[str]], str, str]:
    """A summary as the page shows it in `lang`: (flags Markdown, scorecard rows, details Markdown, notice Markdown).
    No summary: all empty."""
    if summary is None:
        return "", [], "", ""
    return (
        flags_markdown(summary.flags, empty=t("notes.no_flags", lang), lang=lang),
        scorecard_rows(summary, lang, fw),
        summary_details_markdown(summary, lang, fw),
        summary_notice_markdown(summary, lang),
    )


def relabel_summary(lang: str, summary: Any, services: Services) -> tuple[str, Any, str, str]:
    """The page changed language: the summary shown (if any) in `lang`, its rows kept, nothing summarised again.

    Returns (flags, the scorecard table as an update: its rows with the headers in `lang`, details, notice)."""
    import gradio as gr

    lang = normalize(lang)
    flags_md, rows, details_md, notice_md = summary_views(summary, lang, services.framework)
    # The headers show only with a value that carries them (see Binder.updates): the rows go with them.
    table = gr.update(value={"headers": scorecard_headers(lang), "data": rows})
    return flags_md, table, details_md, notice_md


def _label(fw: Any, cid: str, fallback: str, lang: str) -> str:
    """A competency's label in the page's language (the scorecard holds it in the notes' language)."""
    try:
        return fw.competency(cid).label.get(lang) if fw is not None else fallback
    except InputError:
        return fallback


def _question(fw: Any, q: Any, lang: str) -> str:
    """A follow-up question in the page's language when it comes from the guide's bank, else as the scorecard has it."""
    if fw is not None and q.question_id:
        try:
            return str(fw.question(q.question_id).text.get(lang))
        except InputError:
            pass
    if fw is not None and not q.question_id and len(q.competencies) == 1:
        try:
            c = fw.competency(q.competency)
        except InputError:
            return str(q.question)
        ask, colon = ("To explore", ":") if lang == "en" else ("À explorer", " :")  # as scorecard.follow_up_questions
        return f"{ask} — {c.label.get(lang)}{colon} {c.description.get(lang)}"
    return str(q.question)


def scorecard_rows(summary: Any, lang: str = "en", fw: Any = None) -> list[list[str]]:
    """One row per competency the scorecard lists (not those the stage did not plan); text as text, no Markdown."""
    rows = []
    for c in summary.competencies:
        if c.status == "not_planned":
            continue
        quotes = "\n".join(f"« {e.quote} »" for e in c.evidence)
        status = t("notes.status.assessed" if c.status == "assessed" else "notes.status.not_assessed", lang)
        rows.append([_label(fw, c.id, c.label, lang), status, "" if c.rating is None else f"{c.rating}/5", quotes])
    return rows


def facts_markdown(summary: Any, lang: str = "en") -> str:
    """The practical facts, each with its quote from the notes."""
    lines = [f"**{t('notes.facts', lang)}**"]
    if not summary.facts:
        return lines[0] + "\n" + t("notes.facts_none", lang)
    for f in summary.facts:
        lines.append(f"- *{t(f'notes.fact.{f.kind}', lang)}* — « {inert(f.quote)} »")
    return "\n".join(lines)


def summary_details_markdown(summary: Any, lang: str = "en", fw: Any = None) -> str:
    """Practical facts, suggestion (LLM mode), strengths, concerns, the competencies not planned, follow-ups."""
    parts: list[str] = [facts_markdown(summary, lang)]
    if summary.recommendation:
        label = t(f"notes.rec.{summary.recommendation}", lang)
        parts.append(f"**{t('notes.suggestion', lang)}** — {inert(label)}. {inert(summary.recommendation_rationale)}")
    for key, items in (("notes.strengths", summary.strengths), ("notes.concerns", summary.concerns)):
        if items:
            parts.append(f"**{t(key, lang)}**\n" + "\n".join(f"- « {inert(e.quote)} »" for e in items))
    not_planned = [_label(fw, c.id, c.label, lang) for c in summary.competencies if c.status == "not_planned"]
    if not_planned:
        parts.append(f"*{t('notes.not_planned', lang)} — {inert(', '.join(not_planned))}.*")
    if summary.follow_up_questions:
        lines = [f"{n}. {inert(_question(fw, q, lang))}" for n, q in enumerate(summary.follow_up_questions, 1)]
        parts.append(f"**{t('notes.follow_up', lang)}**\n" + "\n".join(lines))
    else:
        parts.append(t("notes.no_follow_up", lang))
    return "\n\n".join(parts)


def summary_notice_markdown(summary: Any, lang: str = "en") -> str:
    """The human-decision notice, what was excluded, and which engine wrote the summary."""
    from ..notes.pipeline import FALLBACK_NOTICE
    from ..notes.scorecard import localized_notice

    notice, excluded = localized_notice(summary, lang)
    if lang != "en":  # an LLM failure before the notice: the pipeline's French, then the error's by the catalog
        notice = localize(notice.replace(FALLBACK_NOTICE["en"], FALLBACK_NOTICE["fr"]), lang)
    parts = [f"> **{inert(notice)}**"]
    if excluded:
        parts.append(f"*{inert(excluded)}*")
    engine = summary.backend + (f" · {summary.model}" if summary.model else "")
    parts.append(f"*{t('notes.engine', lang, engine=inert(engine))}*")
    return "\n\n".join(parts)


def example_notes() -> dict[str, Path]:
    """The example notes shipped in examples/, by file name."""
    return example_files("notes-*.txt")


def example_notes_text(name: str | None, lang: str = "en") -> str:
    """The text of an example notes file (fictional candidates)."""
    from ..notes import read_notes_file

    path = example_notes().get(name or "")
    if path is None:
        raise InputError(t("notes.pick_first", lang) if not name else t("notes.no_example", lang, name=repr(name)))
    return read_notes_file(path)


def notes_download(summary: Any, fmt: str, lang: str = "en") -> str:
    """Write the scorecard export as md | json (`scorecard-<stage>-<date>.<fmt>`) into the private temp dir, only
    because the user asked; returns the path. The export is redacted (no personal data, criteria or pay history)."""
    from ..notes import scorecard_filename, scorecard_to_json, scorecard_to_markdown

    if summary is None:
        raise InputError(t("notes.first", lang))
    if fmt == "md":
        return write_download(scorecard_to_markdown(summary), scorecard_filename(summary.stage, "md"))
    if fmt == "json":
        text = json.dumps(scorecard_to_json(summary), ensure_ascii=False, indent=2, default=str)
        return write_download(text, scorecard_filename(summary.stage, "json"))
    raise InputError(t("events.bad_format", lang, fmt=repr(fmt)))


def _notes_download_for(summary: Any, lang: str, *, fmt: str) -> str:
    return notes_download(summary, fmt, lang)


def build_notes_tab(services: Services, ui: Binder | None = None) -> None:
    """The tab's components and events, inside the enclosing gr.Tab; texts bound to `ui` for the language toggle."""
    import gradio as gr

    ui = ui or Binder("en")
    if ui.state is None:  # built outside build_app (a test, an older app): a session language of its own
        ui.state = gr.State(ui.lang)
    lang_state = ui.state
    summary_state = gr.State(None)
    with gr.Row():
        with gr.Column(scale=2):
            notes = ui.bind(
                gr.Textbox(
                    label=ui.t("notes.paste"),
                    lines=14,
                    max_length=services.settings.max_notes_chars,
                    placeholder=ui.t("notes.placeholder"),
                    elem_id="notes-text",
                ),
                label="notes.paste",
                placeholder="notes.placeholder",
            )
            samples = example_notes()
            if samples:
                with gr.Row():
                    pick = ui.bind(
                        gr.Dropdown(
                            list(samples), label=ui.t("notes.examples"), value=None, scale=3, elem_id="notes-example"
                        ),
                        label="notes.examples",
                    )
                    load = ui.bind(
                        gr.Button(ui.t("notes.load_example"), size="sm", scale=1, elem_id="notes-load-example"),
                        value="notes.load_example",
                    )
            upload = ui.bind(
                gr.File(
                    label=ui.t("notes.upload"),
                    file_types=[".txt", ".md"],
                    type="filepath",
                    height=110,
                    elem_id="notes-upload",
                ),
                label="notes.upload",
            )
            stage = ui.bind(
                gr.Dropdown(
                    [(ui.t(key), value) for key, value in STAGE_KEYS],
                    value="",
                    label=ui.t("notes.stage"),
                    elem_id="notes-stage",
                ),
                label="notes.stage",
                choices=STAGE_KEYS,
            )
            interviewer = ui.bind(
                gr.Textbox(
                    value="",
                    label=ui.t("notes.interviewer"),
                    placeholder=ui.t("notes.interviewer_placeholder"),
                    max_length=100,
                    elem_id="notes-interviewer",
                ),
                label="notes.interviewer",
                placeholder="notes.interviewer_placeholder",
            )
            go = ui.bind(gr.Button(ui.t("notes.go"), variant="primary", elem_id="notes-go"), value="notes.go")
        with gr.Column(scale=3):
            flags = gr.Markdown(elem_id="notes-flags")
            table = ui.bind(
                gr.Dataframe(
                    headers=scorecard_headers(ui.lang),
                    datatype=["str", "str", "str", "str"],
                    interactive=False,
                    wrap=True,
                    label=ui.t("notes.scorecard"),
                    column_widths=["24%", "14%", "10%", "52%"],
                    max_height=1200,
                    elem_id="notes-scorecard",
                ),
                label="notes.scorecard",  # not its headers: `relabel_summary` keeps the rows shown
            )
            with gr.Row():  # the downloads, right under the scorecard they download
                dl_md = ui.bind(gr.Button(ui.t("notes.dl_md"), size="sm", elem_id="notes-dl-md"), value="notes.dl_md")
                dl_json = ui.bind(
                    gr.Button(ui.t("notes.dl_json"), size="sm", elem_id="notes-dl-json"), value="notes.dl_json"
                )
            download = ui.bind(
                gr.File(label=ui.t("notes.download"), interactive=False, visible=False, elem_id="notes-download"),
                label="notes.download",
            )
            details = gr.Markdown(elem_id="notes-details")
            notice = gr.Markdown(elem_id="notes-notice")

    def run(
        text: str, stage_id: str, who: str, lang: str, progress: Any = gr.Progress()
    ) -> tuple[Any, str, Any, str, str]:
        progress(0.1, desc=t("notes.progress", lang))
        summary, flags_md, rows, details_md, notice_md = summarize(text, stage_id, services, lang, who)
        # the headers follow the session's language (a page switched after load), the rows too
        return summary, flags_md, gr.Dataframe(value=rows, headers=scorecard_headers(lang)), details_md, notice_md

    go.click(
        plain_errors(run),
        [notes, stage, interviewer, lang_state],
        [summary_state, flags, table, details, notice],
        api_name="summarize",
    ).success(hidden_file, None, [download], api_name=False)
    if samples:
        load.click(plain_errors(example_notes_text), [pick, lang_state], [notes], api_name="load_example_notes")
    upload.upload(
        plain_errors(lambda path, lang: (read_upload(path, services.settings.max_notes_chars), None)),
        [upload, lang_state],
        [notes, upload],
        api_name=False,  # type: ignore[arg-type]  # False (a private endpoint) works; gradio annotates str | None
    )
    # The summary's text is written on the server: a language switch shows it again in the new language, rows kept.
    ui.on_language(
        plain_errors(lambda lang, summary: relabel_summary(lang, summary, services), lang_at=0),
        [summary_state],
        [flags, table, details, notice],
    )
    for button, fmt in ((dl_md, "md"), (dl_json, "json")):
        button.click(
            plain_errors(functools.partial(_notes_download_for, fmt=fmt)),
            [summary_state, lang_state],
            [download],
            api_name=False,  # type: ignore[arg-type]  # False (a private endpoint) works; gradio annotates str | None
        ).success(shown_file, None, [download], api_name=False)
