"""The "Interview kit" section's handlers and wiring, without a browser."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import InputError
from assistant.kit import kit_to_markdown
from assistant.ui.i18n import Binder, catalog
from assistant.ui.kit_tab import STAGE_CHOICES, build_kit_section, generate_kit, kit_download, relabel_kit


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("stage", ["phone", "face_to_face", "case_study"])
def test_generate_shows_the_kit_in_the_sessions_language(kit_services: Any, stage: str, lang: str) -> None:
    kit, md = generate_kit(stage, lang, kit_services)
    assert (kit.stage, kit.lang) == (stage, lang)
    assert md == kit_to_markdown(kit)  # already escaped: sanitising changes nothing
    assert md.startswith("# Kit d'entretien" if lang == "fr" else "# Interview kit")
    assert kit.purpose.ref.passage_id  # the app passes the chunked guide: every item has its passage


def test_generate_needs_a_stage_and_says_so_in_the_sessions_language(kit_services: Any) -> None:
    with pytest.raises(InputError, match="Choisissez d'abord une étape"):
        generate_kit("", "fr", kit_services)
    with pytest.raises(InputError, match="Pick a stage first"):
        generate_kit(None, "en-GB", kit_services)
    with pytest.raises(InputError, match="use one of"):
        generate_kit("lunch", "en", kit_services)


def test_a_language_switch_rebuilds_the_shown_kit(kit_services: Any) -> None:
    assert relabel_kit(None, "fr", kit_services) == (None, catalog()["kit.empty"][0])
    kit_en, _ = generate_kit("case_study", "en", kit_services)
    kit_fr, md = relabel_kit(kit_en, "fr", kit_services)
    assert kit_fr is not None and (kit_fr.stage, kit_fr.lang) == ("case_study", "fr") and "Gérer la période" in md


def test_downloads_only_on_request_with_dated_names(kit_services: Any, private_tmp: Path) -> None:
    with pytest.raises(InputError, match="Generate the kit first"):
        kit_download(None, "md", "en")
    with pytest.raises(InputError, match="Générez d'abord le kit"):
        kit_download(None, "html", "fr")
    kit, _ = generate_kit("face_to_face", "fr", kit_services)
    today = date.today().isoformat()
    md, page = Path(kit_download(kit, "md")), Path(kit_download(kit, "html"))
    assert md.is_relative_to(private_tmp) and page.is_relative_to(private_tmp)
    assert (md.name, page.name) == (f"kit-face_to_face-{today}.md", f"kit-face_to_face-{today}.html")
    assert md.read_text(encoding="utf-8") == kit_to_markdown(kit)
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(InputError):
        kit_download(kit, "exe")


def test_the_section_binds_every_label_in_both_languages(kit_services: Any, framework: Any) -> None:
    import gradio as gr

    ui = Binder("fr")
    with gr.Blocks():
        section = build_kit_section(kit_services, ui)
    assert section.stage.value == "phone" and section.download.visible is False
    english = ui.texts("en")
    assert english[0] == {"label": "Interview kit"}
    assert {"value": "Generate the kit"} in english and {"value": "Download HTML (print to PDF)"} in english
    kit_texts = {k: v for k, v in catalog().items() if k.startswith("kit.")}
    shown_fr = repr(ui.texts("fr"))
    assert not [en for fr, en in kit_texts.values() if en in shown_fr and en != fr]  # no English on a French page
    assert [value for _key, value in STAGE_CHOICES] == [s.id for s in framework.interview.steps]


def test_the_section_builds_alone_in_english(kit_services: Any) -> None:
    import gradio as gr

    with gr.Blocks() as demo:
        section = build_kit_section(kit_services)
    assert section.accordion.label == "Interview kit" and section.generate.value == "Generate the kit"
    assert "interview_kit" in {d.get("api_name") for d in demo.config["dependencies"]}
