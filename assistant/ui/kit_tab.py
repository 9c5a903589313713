"""The "Interview kit" section (placed in the notes tab, above the notes): a stage's kit from the guide, shown and
downloadable as Markdown or printable HTML.

The handlers are plain functions (tested without a browser); `build_kit_section` only wires them to components.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .events import hidden_file, plain_errors, shown_file
from .files import write_download
from .i18n import Binder, choice_values, normalize, register, t
from .render import safe_markdown

if TYPE_CHECKING:
    from ..kit import InterviewKit
    from ..services import Services

TEXTS = register(
    {
        "kit.title": ("Kit d'entretien", "Interview kit"),
        "kit.stage": ("Étape du kit", "Kit for the stage"),
        "kit.stage.phone": ("Entretien téléphonique", "Phone screen"),
        "kit.stage.face_to_face": ("Entretien en face à face", "Face-to-face interview"),
        "kit.stage.case_study": ("Étude de cas", "Case study"),
        "kit.generate": ("Générer le kit", "Generate the kit"),
        "kit.empty": (
            "Choisissez une étape puis « Générer le kit » : objet de l'étape, questions du guide, compétences à "
            "évaluer avec leurs repères 1, 3 et 5, sujets à aborder.",
            "Pick a stage, then “Generate the kit”: the stage's purpose, the guide's questions, the competencies "
            "to assess with what a 1, a 3 and a 5 look like, the topics to discuss.",
        ),
        "kit.download_md": ("Télécharger (Markdown)", "Download Markdown"),
        "kit.download_html": ("Télécharger (HTML à imprimer en PDF)", "Download HTML (print to PDF)"),
        "kit.download": ("Votre téléchargement", "Your download"),
        "kit.need_stage": ("Choisissez d'abord une étape.", "Pick a stage first."),
        "kit.need_kit": ("Générez d'abord le kit, puis téléchargez-le.", "Generate the kit first, then download it."),
    }
)

STAGE_CHOICES: list[tuple[str, str]] = [
    ("kit.stage.phone", "phone"),
    ("kit.stage.face_to_face", "face_to_face"),
    ("kit.stage.case_study", "case_study"),
]
DOWNLOAD_FORMATS: tuple[str, ...] = ("md", "html")


def generate_kit(stage: str | None, lang: str | None, services: Services) -> tuple[InterviewKit, str]:
    """The stage's kit in the session's language, and its Markdown for the page (escaped, then sanitised)."""
    from ..guide.chunking import load_guide
    from ..kit import build_kit, kit_to_markdown

    if not stage:
        raise InputError(t("kit.need_stage", lang))
    kit = build_kit(services.framework, stage, normalize(lang), load_guide(services.settings.guide_dir))
    return kit, safe_markdown(kit_to_markdown(kit))


def relabel_kit(kit: InterviewKit | None, lang: str | None, services: Services) -> tuple[InterviewKit | None, str]:
    """After a language switch: the shown kit rebuilt in the new language, or the hint in it when none is shown."""
    if kit is None:
        return None, t("kit.empty", lang)
    return generate_kit(kit.stage, lang, services)


def kit_download(kit: InterviewKit | None, fmt: str, lang: str | None = None) -> str:
    """Write the shown kit as md | html (kit-<stage>-<YYYY-MM-DD>.<fmt>) into the private temp dir; its path."""
    from ..kit import kit_filename, render_kit

    if kit is None:
        raise InputError(t("kit.need_kit", lang))
    if fmt not in DOWNLOAD_FORMATS:
        raise InputError(t("events.bad_format", lang, fmt=repr(fmt)))
    return write_download(render_kit(kit, fmt), kit_filename(kit.stage, fmt))


@dataclass(frozen=True)
class KitSection:
    """The section's components, for the page that places it and for tests."""

    accordion: Any
    stage: Any
    generate: Any
    output: Any
    download_md: Any
    download_html: Any
    download: Any
    kit_state: Any


def build_kit_section(services: Services, ui: Binder | None = None) -> KitSection:
    """The "Interview kit" accordion: stage, Generate, the rendered kit, its download buttons beside it."""
    import gradio as gr

    ui = ui if ui is not None else Binder("en")
    if ui.state is None:  # built outside build_app (a test): a session language of its own
        ui.state = gr.State(ui.lang)
    lang_state = ui.state
    kit_state = gr.State(None)
    with ui.bind(gr.Accordion(ui.t("kit.title"), open=False, elem_id="kit-section"), label="kit.title") as accordion:
        with gr.Row(equal_height=True):
            stage = ui.bind(
                gr.Dropdown(
                    [(ui.t(key), value) for key, value in STAGE_CHOICES],
                    value=choice_values(STAGE_CHOICES)[0],
                    label=ui.t("kit.stage"),
                    scale=3,
                    elem_id="kit-stage",
                ),
                label="kit.stage",
                choices=STAGE_CHOICES,
            )
            go = ui.bind(gr.Button(ui.t("kit.generate"), scale=1, elem_id="kit-go"), value="kit.generate")
        with gr.Row():
            dl_md = ui.bind(
                gr.Button(ui.t("kit.download_md"), size="sm", elem_id="kit-download-md"), value="kit.download_md"
            )
            dl_html = ui.bind(
                gr.Button(ui.t("kit.download_html"), size="sm", elem_id="kit-download-html"), value="kit.download_html"
            )
        download = ui.bind(
            gr.File(label=ui.t("kit.download"), interactive=False, visible=False, elem_id="kit-download"),
            label="kit.download",
        )
        output = gr.Markdown(ui.t("kit.empty"), elem_id="kit-output")

    go.click(
        plain_errors(functools.partial(generate_kit, services=services)),
        [stage, lang_state],
        [kit_state, output],
        api_name="interview_kit",
    ).success(hidden_file, None, [download], api_name=False)
    for button, fmt in ((dl_md, "md"), (dl_html, "html")):
        button.click(
            plain_errors(functools.partial(_download_for, fmt=fmt)),
            [kit_state, lang_state],
            [download],
            api_name=False,  # type: ignore[arg-type]  # False (a private endpoint) works; gradio annotates str | None
        ).success(shown_file, None, [download], api_name=False)
    # The kit's text is written on the server: a language switch rebuilds it in the new language.
    ui.on_language(
        plain_errors(lambda lang, kit: relabel_kit(kit, lang, services), lang_at=0), [kit_state], [kit_state, output]
    )
    return KitSection(accordion, stage, go, output, dl_md, dl_html, download, kit_state)


def _download_for(kit: InterviewKit | None, lang: str | None, *, fmt: str) -> str:
    return kit_download(kit, fmt, lang)
