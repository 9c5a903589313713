"""`hiring-assistant summarize`: --interviewer, --stage, -o FILE or FOLDER, and an output that is an export (no planted
phone number, no pay history)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from assistant.cli import main

PHONE = "06 12 34 56 78"
NOTES = (
    "Entretien en face à face.\n"
    f"- Très bonne écoute, reformule les besoins du client ; joignable au {PHONE}.\n"
    "- Salaire actuel 62k fixe.\n"
    "- Prétentions 65k, préavis de 2 mois.\n"
)


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, session_settings, kb, tmp_path: Path) -> Path:
    """The session's (already built) index, offline, run from an empty folder holding the notes."""
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(session_settings.data_dir))
    monkeypatch.setenv("ASSISTANT_LLM_BACKEND", "offline")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text(NOTES, encoding="utf-8")
    return tmp_path


def test_summarize_json_has_interviewer_stage_facts_and_no_secrets(cli_env: Path, capsys) -> None:
    argv = ["summarize", "notes.txt", "--format", "json", "--stage", "face_to_face", "--interviewer", "Alice"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert data["interviewer"] == "Alice" and data["stage"] == "face_to_face" and data["stage_competencies"]
    assert {f["kind"] for f in data["facts"]} >= {"salary_expectation", "availability"}
    assert PHONE not in out and "62k" not in out and "[téléphone]" in out


def test_summarize_writes_into_a_folder_with_a_dated_name(cli_env: Path, capsys) -> None:
    (cli_env / "out").mkdir()
    assert main(["summarize", "notes.txt", "--stage", "phone", "-o", "out"]) == 0
    written = cli_env / "out" / f"scorecard-phone-{date.today().isoformat()}.md"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# Synthèse d'entretien") and PHONE not in text and "62k" not in text
    assert main(["summarize", "notes.txt", "--format", "json", "-o", "card.json"]) == 0
    assert json.loads((cli_env / "card.json").read_text(encoding="utf-8"))["schema"] == "scorecard/1"
