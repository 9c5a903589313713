"""The "Débrief" tab: several interviewers' scorecards of one candidate (JSON exports and/or pasted notes, each
scored on its own) side by side, with agreements, disagreements, competencies nobody assessed and flags.

Uploaded files are read and deleted at once; pasted notes stay in memory; a download is written only when the user
asks for it. The page says that the decision stays with people: the debrief only aggregates.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..debrief.aggregate import STATEMENT
from ..errors import InputError
from .events import hidden_file, plain_errors, shown_file
from .files import read_upload, write_download
from .i18n import Binder, normalize, register, register_messages, t
from .render import inert

if TYPE_CHECKING:
    from ..debrief.models import Debrief, Scorecard
    from ..services import Services

NOTES_BOXES = 3
"""How many interviewers' notes can be pasted (more interviewers: upload their JSON scorecards)."""

TEXTS = register(
    {
        "debrief.intro": (
            "Rassemblez les grilles de plusieurs intervieweur·ses pour un·e même candidat·e : importez leurs "
            "exports JSON et/ou collez leurs notes (chaque note est évaluée seule, indépendamment des autres).",
            "Bring together several interviewers' scorecards of one candidate: upload their JSON exports and/or "
            "paste their notes (each set of notes is scored on its own, independently of the others).",
        ),
        "debrief.statement": (f"> **{STATEMENT['fr']}**", f"> **{STATEMENT['en']}**"),
        "debrief.upload": (
            "Grilles d'entretien : exports JSON de l'onglet « Notes d'entretien » (un fichier par intervieweur·se)",
            "Interview scorecards: JSON exports of the interview notes tab (one file per interviewer)",
        ),
        "debrief.loaded_none": ("Aucune grille importée.", "No scorecard imported."),
        "debrief.loaded": ("**Grilles importées ({n})** : {names}", "**Imported scorecards ({n}):** {names}"),
        "debrief.clear": ("Retirer les grilles importées", "Remove the imported scorecards"),
        "debrief.name_placeholder": ("Nom (facultatif)", "Name (optional)"),
        "debrief.notes_placeholder": (
            "Collez les notes de cet·te intervieweur·se (gardées en mémoire seulement, jamais enregistrées).",
            "Paste this interviewer's notes (kept in memory only, never stored).",
        ),
        "debrief.build": ("Construire le débrief", "Build the debrief"),
        "debrief.view": ("Le débrief apparaîtra ici.", "The debrief will appear here."),
        "debrief.dl_md": ("Télécharger en Markdown", "Download Markdown"),
        "debrief.dl_json": ("Télécharger en JSON", "Download JSON"),
        "debrief.download": ("Votre téléchargement", "Your download"),
        "debrief.first": (
            "Construisez d'abord le débrief, puis téléchargez-le.",
            "Build the debrief first, then download it.",
        ),
        "debrief.not_stored": (
            "Construit à partir de {n} grilles. Les notes et les fichiers importés n'ont pas été enregistrés.",
            "Built from {n} scorecards. The notes and uploaded files were not stored.",
        ),
        **{f"debrief.name_{n}": (f"Intervieweur·se {n}", f"Interviewer {n}") for n in range(1, NOTES_BOXES + 1)},
        **{
            f"debrief.notes_{n}": (f"Notes de l'intervieweur·se {n}", f"Interviewer {n}'s notes")
            for n in range(1, NOTES_BOXES + 1)
        },
    }
)


# What loading and comparing scorecards says (assistant/debrief/load.py, aggregate.py), in English there. `{what}` is
# a file's name or the notes box's label (already in the page's language).
register_messages(
    "assistant/debrief/load.py",
    {
        "msg.debrief.is_debrief": (
            "{what} est un débrief, pas une grille : donnez l'export de la grille de chaque intervieweur·se.",
            "{what} is a debrief, not a scorecard: give each interviewer's own scorecard export.",
        ),
        "msg.debrief.schema": (
            "{what} n'est pas une grille d'évaluation (son schéma n'est pas scorecard/…).",
            "{what} is not a scorecard (its schema is not scorecard/…).",
        ),
        "msg.debrief.not_scorecard": (
            "{what} n'est pas une grille d'évaluation : il faut le JSON qu'écrivent `hiring-assistant summarize "
            "--format json` ou le téléchargement JSON de l'onglet des notes (un objet avec une liste de compétences).",
            "{what} is not a scorecard: expected the JSON that `hiring-assistant summarize --format json` or the "
            "notes tab's JSON download writes (an object with a list of competencies).",
        ),
        "msg.debrief.invalid": (
            "{what} n'est pas une grille valide ; le contrôle dit : {detail}.",
            "{what} is not a valid scorecard ({detail}).",
        ),
        "msg.debrief.size": (
            "{what} : {size} octets ; un export de grille fait au plus {limit} octets. Est-ce le bon fichier ?",
            "{what}: {size} bytes; a scorecard export is at most {limit} bytes. Is it the right file?",
        ),
        "msg.debrief.not_utf8": (
            "{what} n'est pas du texte UTF-8 : il faut l'export JSON d'une grille.",
            "{what} is not UTF-8 text: expected a scorecard JSON export.",
        ),
        "msg.debrief.empty": (
            "{what} est vide : il faut l'export JSON d'une grille.",
            "{what} is empty: expected a scorecard JSON export.",
        ),
        "msg.debrief.json_at": (
            "{what} n'est pas du JSON valide (ligne {line}, colonne {column}) : il faut l'export JSON d'une grille.",
            "{what} is not valid JSON (line {line}, column {column}): expected a scorecard JSON export.",
        ),
        "msg.debrief.json": (
            "{what} n'est pas du JSON valide : il faut l'export JSON d'une grille.",
            "{what} is not valid JSON: expected a scorecard JSON export.",
        ),
        "msg.debrief.too_few": (
            "Un débrief demande au moins {min} grilles du même candidat ou de la même candidate ; il y en a {got}. "
            "Ajoutez la grille (export JSON) ou les notes d'un·e autre intervieweur·se.",
            "A debrief needs at least {min} scorecards of the same candidate; got {got}. Add another "
            "interviewer's scorecard (JSON export) or notes.",
        ),
        "msg.debrief.too_many": (
            "{count} grilles : un débrief en prend au plus {max}. Gardez-en une par intervieweur·se.",
            "{count} scorecards: a debrief takes at most {max}. Keep one per interviewer.",
        ),
    },
    words={"none": "aucune", "only one": "une seule"},  # check_count's {got}
)
register_messages(
    "assistant/debrief/aggregate.py",
    {
        "msg.debrief.guides": (
            "Les grilles viennent de guides différents ({guides}) : un débrief compare des grilles faites avec un "
            "même référentiel de compétences.",
            "The scorecards come from different guides ({guides}): a debrief compares scorecards made against one "
            "competency framework.",
        ),
        "msg.debrief.framework": (
            "La grille de {who} a été faite avec un autre référentiel de compétences (compétences inconnues : "
            "{unknown}). Un débrief compare des grilles d'un même guide.",
            "{who}'s scorecard was made against another competency framework (unknown competencies: {unknown}). A "
            "debrief compares scorecards of one guide.",
        ),
        "msg.debrief.competencies": (
            "Les grilles de {first} et de {other} ne listent pas les mêmes compétences : elles ont été faites avec "
            "des référentiels différents, et un débrief compare des grilles d'un même guide.",
            "{first}'s and {other}'s scorecards list different competencies: they were made against different "
            "frameworks, and a debrief compares scorecards of one guide.",
        ),
        "msg.debrief.same": (
            "{first} et {other} sont la même grille (le même fichier ou les mêmes notes donnés deux fois ?) : un "
            "débrief compare les grilles d'intervieweur·ses différent·es.",
            "{first} and {other} are the same scorecard (the same file or notes given twice?): a debrief compares "
            "different interviewers' scorecards.",
        ),
    },
)
register(
    {
        "debrief.too_many": (
            "Un débrief prend au plus {max} grilles : gardez-en une par intervieweur·se.",
            "A debrief takes at most {max} scorecards: keep one per interviewer.",
        ),
    }
)


def _scorecard_names(loaded: Sequence[Scorecard], lang: str) -> str:
    from ..debrief.load import default_name

    return ", ".join(inert(sc.interviewer or default_name(n, lang)) for n, sc in enumerate(loaded, 1))


def loaded_markdown(loaded: Sequence[Scorecard], lang: str) -> str:
    """The list of imported scorecards shown under the upload."""
    if not loaded:
        return t("debrief.loaded_none", lang)
    return t("debrief.loaded", lang, n=len(loaded), names=_scorecard_names(loaded, lang))


def upload_scorecards(
    paths: Sequence[str] | str | None, loaded: Sequence[Scorecard] | None, lang: str
) -> tuple[list[Scorecard], str]:
    """Read uploaded scorecard JSON files (each deleted at once, even when another fails), add them to `loaded`.

    Returns (the scorecards, the list as Markdown); an invalid file is an InputError naming it, and none is added."""
    from pathlib import Path

    from ..debrief.load import MAX_SCORECARDS, load_scorecard_json

    lang = normalize(lang)
    if isinstance(paths, str):
        paths = [paths]
    cards = list(loaded or [])
    error: InputError | None = None
    added = []
    for path in paths or []:
        try:
            text = read_upload(path)  # deletes Gradio's copy whatever happens
            if error is None:
                added.append(load_scorecard_json(text, what=Path(path).name))
        except InputError as exc:
            error = error or exc
    if error is not None:
        raise error
    if len(cards) + len(added) > MAX_SCORECARDS:
        raise InputError(t("debrief.too_many", lang, max=MAX_SCORECARDS))
    cards += added
    return cards, loaded_markdown(cards, lang)


def clear_scorecards(lang: str) -> tuple[list[Scorecard], str]:
    """Forget the imported scorecards."""
    return [], loaded_markdown([], normalize(lang))


def _inert_line(text: str) -> str:
    """Scorecard text for the page: one line, inert, and no bare URL the renderer would turn into a link."""
    return inert(" ".join(str(text).split())).replace("://", "&#58;//").replace("www.", "www&#46;")


def debrief_markdown(debrief: Debrief) -> str:
    """The debrief for the page: the same document as the Markdown export, every scorecard text made inert."""
    from ..debrief.export import debrief_to_markdown

    return debrief_to_markdown(debrief, escape=_inert_line, cell_sep="<br>", mark_column=False)


def collect_scorecards(
    lang: str,
    loaded: Sequence[Scorecard] | None,
    entries: Sequence[tuple[str | None, str | None]],
    services: Services,
) -> list[Scorecard]:
    """Imported scorecards plus pasted notes (name, notes), each set of notes scored on its own."""
    from ..debrief import score_notes
    from ..debrief.load import check_count

    lang = normalize(lang)
    cards = list(loaded or [])
    pasted = [(n, name, notes) for n, (name, notes) in enumerate(entries, 1) if notes and notes.strip()]
    check_count(len(cards) + len(pasted))  # before scoring anything
    for n, name, notes in pasted:
        cards.append(score_notes(notes, services, interviewer=name, what=t(f"debrief.notes_{n}", lang)))
    return cards


def render(cards: Sequence[Scorecard], lang: str, services: Services) -> tuple[Debrief, str, str]:
    """Scorecards → (Debrief, view Markdown, notice) in `lang`; aggregation only, nothing is scored again."""
    from ..debrief import build_debrief

    lang = normalize(lang)
    debrief = build_debrief(cards, lang=lang, framework=services.framework)
    return debrief, debrief_markdown(debrief), t("debrief.not_stored", lang, n=len(cards))


def build(
    lang: str,
    loaded: Sequence[Scorecard] | None,
    entries: Sequence[tuple[str | None, str | None]],
    services: Services,
) -> tuple[Debrief, str, str]:
    """Imported scorecards plus pasted notes (name, notes), each scored on its own → (Debrief, view, notice)."""
    return render(collect_scorecards(lang, loaded, entries, services), lang, services)


def relabel(
    lang: str, cards: Sequence[Scorecard] | None, loaded: Sequence[Scorecard] | None, services: Services
) -> tuple[Debrief | None, str, str, str]:
    """The page changed language: the same scorecards aggregated again in `lang` (nothing is scored again).

    Returns (Debrief or None, view, notice, imported list)."""
    lang = normalize(lang)
    listing = loaded_markdown(list(loaded or []), lang)
    if not cards:
        return None, t("debrief.view", lang), "", listing
    return (*render(cards, lang, services), listing)


def debrief_download(debrief: Debrief | None, fmt: str, lang: str) -> str:
    """Write the debrief as md | json into the private temp dir, only because the user asked; returns the path."""
    from ..debrief import debrief_filename, debrief_to_json, debrief_to_markdown

    if debrief is None:
        raise InputError(t("debrief.first", lang))
    if fmt == "md":
        return write_download(debrief_to_markdown(debrief), debrief_filename(debrief, "md"))
    if fmt == "json":
        return write_download(debrief_to_json(debrief), debrief_filename(debrief, "json"))
    raise InputError(t("events.bad_format", lang, fmt=repr(fmt)))


def build_debrief_tab(services: Services, ui: Binder | None = None) -> None:
    """The tab's components and events, inside the enclosing gr.Tab."""
    import gradio as gr

    ui = ui or Binder("en")
    if ui.state is None:  # built outside build_app (a test): a session language of its own
        ui.state = gr.State(ui.lang)
    lang_state = ui.state
    loaded_state = gr.State([])
    cards_state = gr.State([])  # the scorecards of the debrief shown, to show it again in another language
    debrief_state = gr.State(None)

    ui.bind(gr.Markdown(ui.t("debrief.intro"), elem_id="debrief-intro"), value="debrief.intro")
    ui.bind(gr.Markdown(ui.t("debrief.statement"), elem_id="debrief-statement"), value="debrief.statement")
    with gr.Row():
        with gr.Column(scale=2):
            upload = ui.bind(
                gr.File(
                    label=ui.t("debrief.upload"),
                    file_count="multiple",
                    file_types=[".json"],
                    type="filepath",
                    height=110,
                    elem_id="debrief-upload",
                ),
                label="debrief.upload",
            )
            loaded_md = gr.Markdown(ui.t("debrief.loaded_none"), elem_id="debrief-loaded")
            clear = ui.bind(gr.Button(ui.t("debrief.clear"), size="sm", elem_id="debrief-clear"), value="debrief.clear")
            boxes: list[Any] = []
            for n in range(1, NOTES_BOXES + 1):
                name = ui.bind(
                    gr.Textbox(
                        label=ui.t(f"debrief.name_{n}"),
                        placeholder=ui.t("debrief.name_placeholder"),
                        max_length=80,
                        elem_id=f"debrief-name-{n}",
                    ),
                    label=f"debrief.name_{n}",
                    placeholder="debrief.name_placeholder",
                )
                notes = ui.bind(
                    gr.Textbox(
                        label=ui.t(f"debrief.notes_{n}"),
                        placeholder=ui.t("debrief.notes_placeholder"),
                        lines=5,
                        max_length=services.settings.max_notes_chars,
                        elem_id=f"debrief-notes-{n}",
                    ),
                    label=f"debrief.notes_{n}",
                    placeholder="debrief.notes_placeholder",
                )
                boxes += [name, notes]
            go = ui.bind(
                gr.Button(ui.t("debrief.build"), variant="primary", elem_id="debrief-go"), value="debrief.build"
            )
        with gr.Column(scale=3):
            with gr.Row():
                dl_md = ui.bind(
                    gr.Button(ui.t("debrief.dl_md"), size="sm", elem_id="debrief-dl-md"), value="debrief.dl_md"
                )
                dl_json = ui.bind(
                    gr.Button(ui.t("debrief.dl_json"), size="sm", elem_id="debrief-dl-json"), value="debrief.dl_json"
                )
            download = ui.bind(
                gr.File(label=ui.t("debrief.download"), interactive=False, visible=False, elem_id="debrief-download"),
                label="debrief.download",
            )
            view = gr.Markdown(ui.t("debrief.view"), elem_id="debrief-view")
            notice = gr.Markdown(elem_id="debrief-notice")

    def on_upload(paths: Any, loaded: Any, lang: str) -> tuple[list[Any], str, None]:
        cards, listing = upload_scorecards(paths, loaded, lang)
        return cards, listing, None

    def on_build(lang: str, loaded: Any, *fields: str) -> tuple[Any, Any, str, str]:
        entries = [(fields[i], fields[i + 1]) for i in range(0, len(fields), 2)]
        cards = collect_scorecards(lang, loaded, entries, services)
        return (cards, *render(cards, lang, services))

    def on_language(lang: str, cards: Any, loaded: Any) -> tuple[Any, str, str, str]:
        return relabel(lang, cards, loaded, services)

    upload.upload(
        plain_errors(on_upload),  # the language is the last input
        [upload, loaded_state, lang_state],
        [loaded_state, loaded_md, upload],
        api_name=False,  # type: ignore[arg-type]  # False (a private endpoint) works; gradio annotates str | None
    )
    clear.click(
        plain_errors(clear_scorecards),
        [lang_state],
        [loaded_state, loaded_md],
        api_name=False,  # type: ignore[arg-type]
    )
    go.click(
        plain_errors(on_build, lang_at=0),
        [lang_state, loaded_state, *boxes],
        [cards_state, debrief_state, view, notice],
        api_name="debrief",
    ).success(hidden_file, None, [download], api_name=False)
    ui.on_language(
        plain_errors(on_language, lang_at=0), [cards_state, loaded_state], [debrief_state, view, notice, loaded_md]
    )
    for button, fmt in ((dl_md, "md"), (dl_json, "json")):
        button.click(
            plain_errors(functools.partial(_download_for, fmt=fmt)),
            [debrief_state, lang_state],
            [download],
            api_name=False,  # type: ignore[arg-type]
        ).success(shown_file, None, [download], api_name=False)


def _download_for(debrief: Any, lang: str, *, fmt: str) -> str:
    return debrief_download(debrief, fmt, lang)
