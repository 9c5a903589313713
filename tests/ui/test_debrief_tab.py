"""The "Débrief" tab's handlers, without a browser: uploads read then deleted, build, downloads, both languages."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "debrief"))
from debrief_helpers import AGE_FLAG, NOTES_A, NOTES_B, PHONE, PHONE_FLAG, scorecard  # noqa: E402
from ui_helpers import XSS_IMG, XSS_MD_IMAGE, XSS_SCRIPT, live_link  # noqa: E402

from assistant.errors import InputError  # noqa: E402
from assistant.ui.debrief_tab import (  # noqa: E402
    build,
    build_debrief_tab,
    clear_scorecards,
    debrief_download,
    debrief_markdown,
    relabel,
    upload_scorecards,
)
from assistant.ui.i18n import Binder, catalog  # noqa: E402


def upload(private_tmp: Path, name: str, doc: Any) -> str:
    """A file where Gradio puts uploads (its own folder in the private temp dir)."""
    import hashlib

    folder = private_tmp / hashlib.sha256(name.encode()).hexdigest()  # Gradio names the folder by a hex hash
    folder.mkdir()
    path = folder / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return str(path)


@pytest.fixture
def docs(framework: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    ids = framework.competency_ids
    a = scorecard(
        ids,
        {"english": {"rating": 5, "quotes": [(f"Anglais courant {XSS_SCRIPT} {XSS_IMG} {XSS_MD_IMAGE}", "positive")]}},
        flags=[AGE_FLAG, PHONE_FLAG],
        interviewer="Alice",
    )
    b = scorecard(ids, {"english": {"rating": 2, "quotes": [("Anglais hésitant\nà l'oral", "negative")]}})
    return a, b


def test_uploads_are_read_then_deleted(private_tmp: Path, docs: Any) -> None:
    paths = [upload(private_tmp, "alice.json", docs[0]), upload(private_tmp, "bob.json", docs[1])]
    cards, listing = upload_scorecards(paths, [], "fr")
    assert [c.interviewer for c in cards] == ["Alice", ""]
    assert "Grilles importées (2)" in listing and "Alice" in listing and "Intervieweur·se 2" in listing
    assert not any(Path(p).exists() for p in paths) and not any(Path(p).parent.exists() for p in paths)
    more, listing = upload_scorecards([upload(private_tmp, "chloe.json", docs[1])], cards, "en")
    assert len(more) == 3 and "Imported scorecards (3)" in listing
    assert clear_scorecards("en") == ([], "No scorecard imported.")


def test_an_invalid_upload_is_a_clear_error_and_every_file_is_deleted(private_tmp: Path, docs: Any) -> None:
    bad, good = upload(private_tmp, "bad.json", "{oops"), upload(private_tmp, "good.json", docs[0])
    with pytest.raises(InputError, match="^bad.json is not valid JSON") as err:
        upload_scorecards([bad, good], [], "en")
    assert str(private_tmp) not in str(err.value)
    assert not Path(bad).exists() and not Path(good).exists()
    with pytest.raises(InputError, match="is not a scorecard"):
        upload_scorecards([upload(private_tmp, "answer.json", {"answer": "x"})], [], "en")


def test_build_from_uploads_marks_the_disagreement(services: Any, private_tmp: Path, docs: Any) -> None:
    cards, _ = upload_scorecards(
        [upload(private_tmp, "a.json", docs[0]), upload(private_tmp, "b.json", docs[1])], [], "en"
    )
    debrief, view, notice = build("en", cards, [("", ""), ("", "  ")], services)
    english = next(r for r in debrief.competencies if r.id == "english")
    assert english.mark == "disagree"
    assert "| **English**<br>≠ disagree | 5/5<br>+ « Anglais courant" in view
    assert "| Network |" not in view and "- Network" in view  # nobody assessed: listed, not a row of blanks
    assert "Anglais hésitant à l'oral" in view  # a newline in a quote does not break the table
    assert "The decision stays with the people hiring" in view
    assert "<script" not in view and "<img" not in view and not live_link(view)
    assert PHONE not in view and "45 ans" not in view
    assert "Built from 2 scorecards" in notice and "not stored" in notice


def test_build_from_pasted_notes(services: Any) -> None:
    debrief, view, _ = build("fr", [], [("Alice", NOTES_A), ("Bob", NOTES_B), ("", "")], services)
    assert [i.name for i in debrief.interviewers] == ["Alice", "Bob"]
    assert [i.source for i in debrief.interviewers] == ["notes", "notes"]
    assert "La décision reste aux personnes" in view and PHONE not in view
    assert {f.placeholder for f in debrief.flags} >= {"[âge]", "[téléphone]"}


def test_build_needs_two_scorecards(services: Any) -> None:
    with pytest.raises(InputError, match="at least 2 scorecards"):
        build("en", [], [("Alice", NOTES_A), ("", "")], services)


def test_downloads_only_on_request_and_named_by_date(services: Any, private_tmp: Path, docs: Any) -> None:
    with pytest.raises(InputError, match="Construisez d'abord le débrief"):
        debrief_download(None, "md", "fr")
    cards, _ = upload_scorecards(
        [upload(private_tmp, "a.json", docs[0]), upload(private_tmp, "b.json", docs[1])], [], "fr"
    )
    debrief, *_ = build("fr", cards, [], services)
    md, js = Path(debrief_download(debrief, "md", "fr")), Path(debrief_download(debrief, "json", "fr"))
    assert md.is_relative_to(private_tmp) and js.is_relative_to(private_tmp)
    assert md.name == f"debrief-{debrief.date}.md" and js.name == f"debrief-{debrief.date}.json"
    for path in (md, js):
        text = path.read_text(encoding="utf-8")
        assert PHONE not in text and "45 ans" not in text
    assert json.loads(js.read_text(encoding="utf-8"))["competencies"]


def test_view_is_inert(services: Any, private_tmp: Path, docs: Any) -> None:
    cards, _ = upload_scorecards(
        [upload(private_tmp, "a.json", docs[0]), upload(private_tmp, "b.json", docs[1])], [], "en"
    )
    debrief, *_ = build("en", cards, [], services)
    view = debrief_markdown(debrief)
    assert "&lt;script&gt;" in view and "<script" not in view and not live_link(view)
    assert "http://" not in view  # a bare URL would be made a link by the renderer


def test_texts_are_registered_in_both_languages() -> None:
    texts = {k: v for k, v in catalog().items() if k.startswith("debrief.")}
    assert len(texts) > 15 and all(fr != en for fr, en in texts.values() if not fr.startswith("IBAN"))


def test_the_tab_builds_and_binds_its_texts(services: Any, private_tmp: Path) -> None:
    import gradio as gr

    ui = Binder("fr")
    with gr.Blocks():
        build_debrief_tab(services, ui)
    fr, en = ui.texts("fr"), ui.texts("en")
    assert {"value": "Construire le débrief"} in fr and {"value": "Build the debrief"} in en
    with gr.Blocks():
        build_debrief_tab(services)  # no binder: English


def test_the_notes_tab_json_download_is_a_debrief_input(services: Any, private_tmp: Path) -> None:
    """The workflow: each interviewer summarises in the notes tab and downloads JSON; the debrief tab reads them."""
    from assistant.ui.notes_tab import notes_download, summarize

    paths = []
    for name, notes in (("Alice", NOTES_A), ("Bob", NOTES_B)):
        summary, *_ = summarize(notes, "", services, "fr", interviewer=name)
        paths.append(notes_download(summary, "json", "fr"))
    cards, listing = upload_scorecards(paths, [], "fr")
    assert "Alice, Bob" in listing
    debrief, view, _ = build("fr", cards, [], services)
    assert [i.name for i in debrief.interviewers] == ["Alice", "Bob"]
    assert next(r for r in debrief.competencies if r.id == "experience_similar").mark == "disagree"
    assert PHONE not in view and "45 ans" not in view


def test_a_language_switch_shows_the_same_debrief_in_the_other_language(
    services: Any, private_tmp: Path, docs: Any
) -> None:
    cards, _ = upload_scorecards(
        [upload(private_tmp, "a.json", docs[0]), upload(private_tmp, "b.json", docs[1])], [], "fr"
    )
    fr, view_fr, _ = build("fr", cards, [], services)
    en, view_en, notice, listing = relabel("en", cards, cards, services)
    assert "≠ désaccord" in view_fr and "≠ disagree" in view_en and "désaccord" not in view_en
    assert en.interviewers[1].name == "Interviewer 2" and fr.interviewers[1].name == "Intervieweur·se 2"
    assert "Built from 2 scorecards" in notice and "Imported scorecards (2)" in listing
    assert relabel("fr", [], [], services) == (None, "Le débrief apparaîtra ici.", "", "Aucune grille importée.")
