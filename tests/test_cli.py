"""The command line: help, ask (text and JSON), errors as messages, and a cold start without gradio."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from assistant.cli import main
from conftest import ROOT


@pytest.fixture
def cli_env(monkeypatch, session_settings, kb):
    """Point the CLI at the session's (already built) index, offline."""
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(session_settings.data_dir))
    monkeypatch.setenv("ASSISTANT_LLM_BACKEND", "offline")
    monkeypatch.chdir(ROOT)
    return session_settings


def test_help_lists_the_commands(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("ingest", "ask", "draft-ad", "check-ad", "summarize", "ui", "bench"):
        assert command in out


def test_ask_json(cli_env, capsys) -> None:
    assert main(["ask", "Quel salaire pour un account manager débutant ?", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["backend"] == "offline" and not data["abstained"]
    assert "2920" in data["answer"] and data["citations"][0]["section"] == "Grille de salaire"


def test_ask_text_shows_citations_and_backend(cli_env, capsys) -> None:
    assert main(["ask", "Qu'est-ce que le CSAT ?"]) == 0
    out, err = capsys.readouterr()
    assert "[1] Les mots incontournables" in out and "backend: offline" in err


def test_errors_are_messages_with_exit_code_2(cli_env, capsys) -> None:
    assert main(["ask", "   "]) == 2
    assert "error: The question is empty" in capsys.readouterr().err


def test_ingest_reports_nothing_written_when_up_to_date(cli_env, capsys) -> None:
    assert main(["ingest"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_cold_start_of_ask_does_not_import_gradio(cli_env) -> None:
    code = (
        "import sys; from assistant.cli import main; rc = main(['ask', 'Quel salaire ?', '--json']); "
        "print('GRADIO' if 'gradio' in sys.modules else 'NO-GRADIO', rc)"
    )
    env = {**os.environ}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.stdout.strip().endswith("NO-GRADIO 0"), result.stderr[-2000:]


def test_python_dash_m_works(cli_env) -> None:
    result = subprocess.run([sys.executable, "-m", "assistant", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "hiring-assistant" in result.stdout
