"""The "Summarise interview notes" tab's handlers, without a browser: flags, scorecard, practical facts, stage-aware
rows, French and English texts, and downloads that keep what the flags promise."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ui_helpers import NOTES_FR, XSS_IMG, XSS_MD_IMAGE, XSS_SCRIPT, live_link

from assistant.errors import InputError
from assistant.ui.i18n import Binder, catalog
from assistant.ui.notes_tab import (
    SCORECARD_HEADERS,
    build_notes_tab,
    example_notes,
    example_notes_text,
    notes_download,
    scorecard_headers,
    summarize,
)

PHONE = "06 12 34 56 78"
FACTS_NOTES = NOTES_FR + (
    f"- Joignable au {PHONE}, très à l'écoute du client.\n"
    "- Salaire actuel 62k fixe.\n"
    "- Prétentions salariales : 65k fixe.\n"
    "- Préavis de 2 mois, disponible à partir de mars.\n"
    "- Souhaite 2 jours de télétravail.\n"
    "- Prochaine étape : étude de cas à planifier.\n"
    "- A demandé comment est calculée la part variable.\n"
)


def test_summarize_flags_first_scorecard_and_notice(services: Any) -> None:
    summary, flags_md, rows, details, notice = summarize(NOTES_FR, "", services)
    assert "discrimination" in flags_md and "45 ans" in flags_md
    assert len(rows) == len(services.framework.competencies)  # no stage: every competency is listed
    assert all(len(r) == len(SCORECARD_HEADERS) for r in rows)
    assessed = [r for r in rows if r[1] == "assessed"]
    assert assessed and any("« " in r[3] for r in assessed)
    assert not any("45 ans" in r[3] for r in rows)  # a protected criterion never counts as evidence
    assert all(r[2] == "" for r in rows)  # offline: no invented ratings
    assert "Follow-up questions" in details
    assert "Decision support only" in notice and "not stored" in notice  # French notes, an English page


def test_stage_rows_list_only_what_the_stage_was_meant_to_assess(services: Any) -> None:
    summary, _, rows, details, _ = summarize(NOTES_FR, "face_to_face", services)
    planned = set(summary.stage_competencies)
    by_id = {c.id: c for c in summary.competencies}
    labels = {c.label.en: by_id[c.id] for c in services.framework.competencies}  # the page's (English) labels
    for label, status, *_ in rows:
        assert labels[label].status != "not_planned"
        if status == "not assessed":
            assert labels[label].id in planned
    out = [label for label, c in labels.items() if c.status == "not_planned"]
    assert out and all(label not in {r[0] for r in rows} for label in out)
    assert "Not planned at this stage" in details
    _, _, phone_rows, _, _ = summarize(NOTES_FR, "phone", services)
    assert phone_rows and all(r[1] == "assessed" for r in phone_rows)  # the guide plans no competency for it


def test_practical_facts_and_pay_history_flag(services: Any) -> None:
    summary, flags_md, rows, details, _ = summarize(FACTS_NOTES, "", services, "fr", "Alice")
    assert summary.interviewer == "Alice"
    assert "Informations pratiques" in details
    for kind in ("Prétentions salariales", "Disponibilité", "Lieu / télétravail", "Prochaines étapes", "Questions du"):
        assert kind in details, kind
    assert "Prétentions salariales : 65k fixe." in details
    assert "62k" not in details and not any("62k" in r[3] for r in rows)  # pay history: never a fact nor evidence
    assert "62k" not in flags_md and "rémunération actuelle" in flags_md  # the flag quotes a placeholder
    assert "2023/970" in flags_md


def test_french_texts_in_the_handlers(services: Any) -> None:
    _, flags_md, rows, details, notice = summarize(NOTES_FR, "", services, "fr")
    assert {r[1] for r in rows} <= {"évalué", "non évalué"}
    assert "Questions de relance" in details and "Follow-up" not in details
    assert "pas été conservées" in notice and "not stored" not in notice
    assert scorecard_headers("fr")[0] == "Compétence" and scorecard_headers("en") == SCORECARD_HEADERS


@pytest.mark.parametrize("bad", ["", "   ", None, "x" * 30_000])
def test_summarize_rejects_bad_notes(services: Any, bad: Any) -> None:
    with pytest.raises(InputError):
        summarize(bad, "", services)


def test_summarize_rejects_an_unknown_stage(services: Any) -> None:
    with pytest.raises(InputError, match="stage"):
        summarize(NOTES_FR, "lunch", services)


def test_summary_renders_hostile_notes_inert(services: Any) -> None:
    notes = NOTES_FR + f"- Très à l'écoute {XSS_SCRIPT} {XSS_IMG} {XSS_MD_IMAGE}\n"
    _, flags_md, rows, details, notice = summarize(notes, "", services)
    for out in (flags_md, details, notice):
        assert "<script" not in out and "<img" not in out and not live_link(out)


def test_notes_downloads_only_on_request(services: Any, private_tmp: Path) -> None:
    with pytest.raises(InputError, match="Summarise notes first"):
        notes_download(None, "md")
    with pytest.raises(InputError, match="Synthétisez d'abord"):
        notes_download(None, "md", "fr")
    summary, *_ = summarize(NOTES_FR, "face_to_face", services)
    md, js = Path(notes_download(summary, "md")), Path(notes_download(summary, "json"))
    assert md.is_relative_to(private_tmp) and js.is_relative_to(private_tmp)
    today = date.today().isoformat()
    assert md.name == f"scorecard-face_to_face-{today}.md" and js.name == f"scorecard-face_to_face-{today}.json"
    assert md.read_text().startswith("# ") and '"competencies"' in js.read_text()


def test_downloads_carry_no_planted_phone_number_nor_pay_history(services: Any, private_tmp: Path) -> None:
    summary, *_ = summarize(FACTS_NOTES, "", services, "fr", "Alice")
    assert any(PHONE in e.quote for c in summary.competencies for e in c.evidence)  # shown in the app…
    for fmt in ("md", "json"):
        text = Path(notes_download(summary, fmt)).read_text(encoding="utf-8")
        for secret in (PHONE, "0612345678", "45 ans", "deux enfants", "62k"):
            assert secret not in text, (fmt, secret)  # …never in a download
        assert re.search(r"\\?\[téléphone\\?\]", text) and "Prétentions salariales : 65k fixe." in text
    data = json.loads(Path(notes_download(summary, "json")).read_text(encoding="utf-8"))
    assert data["interviewer"] == "Alice" and data["schema"] == "scorecard/1"


def test_example_notes_load(services: Any) -> None:
    assert {"notes-fr.txt", "notes-en.txt"} <= set(example_notes())
    text = example_notes_text("notes-fr.txt")
    assert text.strip() and summarize(text, "", services)[2]
    with pytest.raises(InputError):
        example_notes_text("../../etc/passwd")
    with pytest.raises(InputError, match="Choisissez"):
        example_notes_text(None, "fr")


def test_tab_binds_every_text_in_both_languages(services: Any) -> None:
    import gradio as gr

    ui = Binder("fr")
    with gr.Blocks():
        build_notes_tab(services, ui)
    texts = {"fr": ui.texts("fr"), "en": ui.texts("en")}
    assert texts["fr"] and len(texts["fr"]) == len(texts["en"])
    labels_fr = {v.get("label") for v in texts["fr"]} | {v.get("value") for v in texts["fr"]}
    labels_en = {v.get("label") for v in texts["en"]} | {v.get("value") for v in texts["en"]}
    assert {"Synthétiser", "Télécharger en JSON", "Intervieweur·se (facultatif)"} <= labels_fr
    assert {"Summarise", "Download JSON", "Interviewer (optional)"} <= labels_en
    typed = {"notes-text", "notes-interviewer"}  # inputs the user types in: their value is never bound (a language
    bound = [b for c, b in zip(ui.components, texts["en"], strict=True) if getattr(c, "elem_id", None) in typed]
    assert len(bound) == 2 and all("value" not in b for b in bound)  # switch would wipe the notes)
    assert all(key.startswith("notes.") for key in catalog() if key.startswith("notes."))
    assert all(fr != "" and en != "" for key, (fr, en) in catalog().items() if key.startswith("notes."))


def test_tab_builds_without_a_binder(services: Any) -> None:
    import gradio as gr

    with gr.Blocks():
        build_notes_tab(services)  # an older app: English, a session language of its own


def test_page_language_wins_over_the_notes_language(services: Any) -> None:
    notes = (
        "Phone screen.\n- Strong listener, rephrases the client's needs.\n- Salary expectation: 60k.\n"
        "- She is 45 years old.\n"
    )
    summary, flags_md, rows, details, notice = summarize(notes, "", services, "fr")
    assert summary.language == "en"  # the scorecard (and its exports) keep the notes' language…
    labels_fr = {c.label.fr for c in services.framework.competencies}
    assert {r[0] for r in rows} <= labels_fr  # …the page shows the framework's French labels
    assert "Aide à la décision" in notice and "Decision support" not in notice
    assert "retirées de l'analyse" in notice and "were removed" not in notice
    assert "Questions de relance" in details and "Prétentions salariales" in details
    assert "To explore" not in details and "If a long-standing client" not in details
