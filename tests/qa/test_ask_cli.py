"""`hiring-assistant ask --chat`: a conversation on standard input, one question per line until EOF.

`cmd_ask` is called directly with the arguments the parser gives, so these tests do not depend on how the parser
is wired (the `--chat` option is declared in `build_parser`)."""

from __future__ import annotations

import argparse
import io
import json
from typing import Any

import pytest

from assistant.cli import cmd_ask
from assistant.errors import InputError

from support import ROOT


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, session_settings: Any, kb: Any) -> Any:
    """Point the CLI at the session's (already built) index, offline."""
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(session_settings.data_dir))
    monkeypatch.setenv("ASSISTANT_LLM_BACKEND", "offline")
    monkeypatch.chdir(ROOT)
    return session_settings


def args(question: str | None = None, *, chat: bool = False, json_: bool = False) -> argparse.Namespace:
    return argparse.Namespace(question=question, chat=chat, json=json_, k=None, progress=False)


def test_chat_reads_questions_until_eof_and_understands_follow_ups(cli_env: Any, monkeypatch: Any, capsys: Any) -> None:
    lines = "Quel salaire pour un account manager junior ?\n\nEt pour un senior ?\nEt la capitale du Pérou ?\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert cmd_ask(args(chat=True, json_=True)) == 0
    answers = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(answers) == 3  # the blank line is skipped
    first, follow, peru = answers
    assert first["understood_as"] is None and first["citations"]
    assert "salaire" in follow["understood_as"] and "5420" in follow["answer"] and follow["citations"]
    assert peru["abstained"] and peru["understood_as"] is None


def test_chat_text_output_says_how_a_follow_up_was_understood(cli_env: Any, monkeypatch: Any, capsys: Any) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("What about a senior?\n   \n?!\n"))
    assert cmd_ask(args("What salary for a junior account manager?", chat=True)) == 0
    out, err = capsys.readouterr()
    assert "(understood as: salary — What about a senior?)" in out and "€5420" in out
    assert "backend: offline" in err and "error: The question has no words" in err  # a bad line does not end it


def test_one_question_still_works_and_chat_needs_no_question(cli_env: Any, capsys: Any) -> None:
    assert cmd_ask(args("Quel salaire pour un account manager débutant ?", json_=True)) == 0
    assert "2920" in json.loads(capsys.readouterr().out)["answer"]
    with pytest.raises(InputError, match="--chat"):
        cmd_ask(args(None))
