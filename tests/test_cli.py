"""The command line: help, ask (text and JSON), errors as messages, and a cold start without gradio."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from assistant.cli import main

from support import ROOT


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
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert result.stdout.strip().endswith("NO-GRADIO 0"), result.stderr[-2000:]


def test_python_dash_m_works(cli_env) -> None:
    result = subprocess.run([sys.executable, "-m", "assistant", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "hiring-assistant" in result.stdout


def test_draft_ad_in_every_format(cli_env, capsys, tmp_path) -> None:
    assert main(["draft-ad", "examples/brief-fr.yaml", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"ad", "text", "flags", "citations"} <= set(data)
    assert "(F/H)" in data["ad"]["title"] and data["ad"]["salary"]["currency"] == "EUR"
    assert main(["draft-ad", "examples/brief-en.yaml", "--format", "jsonld"]) == 0
    jsonld = json.loads(capsys.readouterr().out)
    assert jsonld["@type"] == "JobPosting" and jsonld["baseSalary"]["currency"] == "EUR"
    out = tmp_path / "ad.html"
    assert main(["draft-ad", "examples/brief-fr.yaml", "--format", "html", "-o", str(out)]) == 0
    assert "<h1>" in out.read_text(encoding="utf-8") and "Written to" in capsys.readouterr().err
    assert main(["draft-ad", "examples/brief-fr.yaml"]) == 0
    assert capsys.readouterr().out.startswith("# ")


def test_draft_ad_bad_brief_is_a_message(cli_env, capsys, tmp_path) -> None:
    bad = tmp_path / "brief.yaml"
    bad.write_text("sector: SaaS\ncolour: blue\n", encoding="utf-8")
    assert main(["draft-ad", str(bad)]) == 2
    assert "colour" in capsys.readouterr().err


def test_check_ad_exit_codes_and_json(cli_env, capsys, tmp_path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text(
        "# Vendeuse H/F\n\nNous cherchons un homme de terrain de moins de 30 ans. Salaire selon profil.\n",
        encoding="utf-8",
    )
    assert main(["check-ad", str(bad), "--json"]) == 3
    kinds = {f["kind"] for f in json.loads(capsys.readouterr().out)["flags"]}
    assert {"discrimination", "gendered_wording", "salary", "date"} <= kinds
    empty = tmp_path / "empty.md"
    empty.write_text("  \n", encoding="utf-8")
    assert main(["check-ad", str(empty)]) == 2
    assert "empty" in capsys.readouterr().err
    binary = tmp_path / "ad.pdf"
    binary.write_bytes(b"%PDF-1.4\x00\x01\x02")
    assert main(["check-ad", str(binary)]) == 2


def test_check_ad_accepts_our_own_english_ad_for_a_job_abroad(cli_env, capsys, tmp_path) -> None:
    ad = tmp_path / "ad.md"
    assert main(["draft-ad", "examples/brief-en.yaml", "-o", str(ad)]) == 0
    capsys.readouterr()
    assert main(["check-ad", str(ad), "--country", "IE"]) == 0
    assert main(["check-ad", str(ad)]) == 3  # the same ad for a job in France must be in French
    assert "language" in capsys.readouterr().out


def test_summarize_file_and_stdin(cli_env, capsys, monkeypatch) -> None:
    import io

    assert main(["summarize", "examples/notes-en.txt", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"competencies", "flags", "follow_up_questions", "recommendation", "backend"} <= set(data)
    notes = (ROOT / "examples" / "notes-en.txt").read_text(encoding="utf-8")
    for c in data["competencies"]:
        for e in c["evidence"]:
            assert notes[e["start"] : e["end"]] == e["quote"]
    assert data["recommendation"] is None and all(c["rating"] is None for c in data["competencies"])

    class FakeStdin:
        buffer = io.BytesIO("Très à l'écoute du client, reformule ses besoins.".encode())

    monkeypatch.setattr(sys, "stdin", FakeStdin)
    assert main(["summarize", "-"]) == 0
    assert "l'écoute" in capsys.readouterr().out


def test_summarize_refuses_empty_notes(cli_env, capsys, tmp_path) -> None:
    empty = tmp_path / "n.txt"
    empty.write_text("  ...  \n", encoding="utf-8")
    assert main(["summarize", str(empty)]) == 2
    assert "error:" in capsys.readouterr().err


@pytest.mark.parametrize("k", ["0", "-1", "100000", "x"])
def test_ask_k_out_of_range_is_refused(cli_env, capsys, k) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["ask", "Quel salaire ?", "-k", k])
    assert exc.value.code == 2


def test_an_argument_typed_in_latin_1_is_read_not_crashed_on(cli_env, capsys) -> None:
    # Stop 48's review of ask: « café » typed in a Latin-1 terminal reaches Python as a lone surrogate, and printing it
    # crashed ("unexpected error: UnicodeEncodeError"). The byte is read as Windows-1252; valid UTF-8 beside it stays.
    latin1 = "Quel salaire pour un AM d\udce9butant, caf\udce9 compris ?"
    assert main(["ask", latin1, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "2920" in data["answer"]


def test_a_question_bringing_in_a_criterion_gets_the_notice_in_json(cli_env, capsys) -> None:
    assert main(["ask", "Can I ask her if she plans to have kids?", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["abstained"] and data["withheld"] == "criterion_in_question" and not data["citations"]
    assert "L1132-1" in data["notice"] and "family situation" in data["notice"]


def test_a_file_name_with_latin_1_bytes_still_opens(cli_env, capsys, tmp_path) -> None:
    # Only the question is re-read as cp1252: a path keeps its bytes, so os.fsencode opens the very file.
    name = os.fsdecode(b"annonce-\xe9t\xe9.txt")
    path = tmp_path / name
    path.write_text("Account Manager H/F - CDI - Paris. Vous gérez un portefeuille de clients B2B.", encoding="utf-8")
    code = main(["check-ad", str(path), "--json"])
    out, err = capsys.readouterr()
    assert "not found" not in err and code in (0, 1)
    assert json.loads(out)


@pytest.fixture
def failing_llm(cli_env, monkeypatch, openai_server):
    """The CLI pointed at an OpenAI-compatible server that answers every chat request with an error (no script)."""
    monkeypatch.setenv("ASSISTANT_LLM_BACKEND", "auto")
    monkeypatch.setenv("ASSISTANT_LLM_BASE_URL", openai_server.base_url)
    monkeypatch.setenv("ASSISTANT_LLM_MODEL", "test-model")
    monkeypatch.setenv("ASSISTANT_LLM_MAX_RETRIES", "0")
    return openai_server


def test_ask_falls_back_to_the_offline_answer_when_the_model_fails(failing_llm, capsys) -> None:
    """Stop 52: on the real 1.5B model, `ask "un profil hunter ça fait quoi exactement"` looped, and the CLI printed
    an error and no answer, where the app shows the offline answer with a notice. The CLI now does as the app does."""
    assert main(["ask", "Quel salaire pour un account manager débutant ?", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert failing_llm.requests, "the model was asked"
    assert data["backend"] == "offline" and not data["abstained"] and "2920" in data["answer"]
    assert "Showing the offline answer instead." in data["notice"]
    assert main(["ask", "Quel salaire pour un account manager débutant ?"]) == 0
    out, err = capsys.readouterr()
    assert "[1] Grille de salaire" in out and "Note: " in out and "Showing the offline answer instead." in out
    assert "[backend: the offline engine answered (configured: openai-compatible" in err


def test_draft_ad_falls_back_to_the_offline_draft_and_says_so(failing_llm, capsys) -> None:
    """As the app does: the offline draft, with the notice on standard error (Markdown) or in the JSON."""
    assert main(["draft-ad", "examples/brief-fr.yaml"]) in (0, 3)
    out, err = capsys.readouterr()
    assert failing_llm.requests and out.strip().startswith(("#", "---"))
    assert "Note: " in err and "Voici le brouillon hors ligne." in err  # the brief is French
    assert "[backend: the offline engine answered" in err
    assert main(["draft-ad", "examples/brief-en.yaml", "--format", "json"]) in (0, 3)
    data = json.loads(capsys.readouterr().out)
    assert data["backend"] == "offline" and "Showing the offline draft instead." in json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    "argv",
    [["summarize", "-"], ["check-ad", "-"], ["ask", "--chat"]],
)
def test_a_closed_standard_input_is_a_message_not_a_crash(cli_env, capsys, monkeypatch, argv) -> None:
    """(stop 53's outside probe) `summarize - <&-` under cron or systemd: Python's sys.stdin is None."""
    monkeypatch.setattr(sys, "stdin", None)
    assert main(argv) == 2
    assert "standard input is closed" in capsys.readouterr().err


def test_status_exits_2_when_the_index_or_the_llm_settings_are_not_usable(cli_env, capsys, monkeypatch) -> None:
    """(stop 53's outside probe) `status` exited 0 and said "? @ None" whatever was wrong: no use as a check."""
    assert main(["status"]) == 0
    assert "not ready" not in capsys.readouterr().out
    monkeypatch.setenv("ASSISTANT_LLM_BACKEND", "openai-compatible")
    assert main(["status"]) == 2
    assert "not usable: ASSISTANT_LLM_BACKEND=openai-compatible needs ASSISTANT_LLM_BASE_URL" in capsys.readouterr().out
    monkeypatch.setenv("ASSISTANT_LLM_BACKEND", "offline")
    monkeypatch.setenv("ASSISTANT_GUIDE", "no-such-guide")
    assert main(["status"]) == 2
    assert "not ready" in capsys.readouterr().out


def test_ingest_draws_progress_bars_only_on_a_terminal_or_when_asked(cli_env, capsys, monkeypatch) -> None:
    """(stop 53's outside probe) `ingest 2>log` filled the log with \\r progress bars, unlike every other command."""
    import assistant.guide.knowledge as knowledge

    seen: list[object] = []

    def fake_ingest(settings, *, rebuild, progress):
        seen.append(progress)
        return type("Report", (), {"summary": lambda self: "ok"})()

    monkeypatch.setattr(knowledge, "ingest", fake_ingest)
    assert main(["ingest"]) == 0  # capsys: stderr is not a terminal
    assert main(["--progress", "ingest"]) == 0
    assert seen[0] is None and seen[1] is knowledge.stderr_progress


def test_status_on_a_fresh_data_dir_is_no_fault(cli_env, capsys, monkeypatch, tmp_path) -> None:
    """(review of stop 54) `status && ui` never started on a new install: an index not built yet is built by `ask`
    and `ui` themselves."""
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "fresh"))
    assert main(["status"]) == 0
    assert "not built yet" in capsys.readouterr().out
