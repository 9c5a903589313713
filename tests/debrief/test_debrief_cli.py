"""`hiring-assistant debrief`: help, Markdown and JSON, -o, notes scored here, errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from debrief_helpers import AGE_FLAG, NOTES_A, NOTES_B, PHONE, PHONE_FLAG, scorecard

from assistant.cli import main

from support import ROOT


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, session_settings: Any) -> Any:
    """Offline settings pointing at the session's data dir (the index is built only when notes need it)."""
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(session_settings.data_dir))
    monkeypatch.setenv("ASSISTANT_LLM_BACKEND", "offline")
    monkeypatch.chdir(ROOT)
    return session_settings


@pytest.fixture
def files(tmp_path: Path, framework: Any) -> tuple[str, str]:
    ids = framework.competency_ids
    a = scorecard(
        ids,
        {"english": {"rating": 5, "quotes": [("Anglais courant", "positive")]}},
        flags=[AGE_FLAG, PHONE_FLAG],
        interviewer="Alice",
    )
    b = scorecard(ids, {"english": {"rating": 2, "quotes": [("Anglais hésitant", "negative")]}})
    pa, pb = tmp_path / "alice.json", tmp_path / "bob.json"
    pa.write_text(json.dumps(a), encoding="utf-8")
    pb.write_text(json.dumps(b), encoding="utf-8")
    return str(pa), str(pb)


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "debrief" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["debrief", "--help"])
    out = capsys.readouterr().out
    for text in ("FILE.json", "--notes", "--lang", "--json", "-o", "2 points or more", "exit codes"):
        assert text in out


def test_markdown_on_stdout(cli_env: Any, files: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["debrief", *files]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# Débrief d'entretiens")
    assert "≠ désaccord" in out and "| Alice | Intervieweur·se 2 |" in out
    assert PHONE not in out and "45 ans" not in out
    assert "Alice: alice.json" in err and "Intervieweur·se 2: bob.json" in err


def test_json_into_a_folder(cli_env: Any, files: tuple[str, str], tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    assert main(["debrief", *files, "--lang", "en", "--json", "-o", str(out_dir)]) == 0
    (written,) = out_dir.iterdir()
    assert written.name.startswith("debrief-") and written.suffix == ".json"
    data = json.loads(written.read_text(encoding="utf-8"))
    english = next(c for c in data["competencies"] if c["id"] == "english")
    assert english["mark"] == "disagree" and data["language"] == "en"
    assert {f["placeholder"] for f in data["flags"]} == {"[age]", "[phone]"}
    assert PHONE not in written.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{oops", "is not valid JSON"),
        ('{"answer": "x"}', "is not a scorecard"),
    ],
)
def test_bad_files_exit_2(
    cli_env: Any, files: tuple[str, str], tmp_path: Path, content: str, message: str, capsys: Any
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    assert main(["debrief", files[0], str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: bad.json") and message in err and str(tmp_path) not in err


def test_too_few_and_missing_exit_2(cli_env: Any, files: tuple[str, str], capsys: Any) -> None:
    assert main(["debrief", files[0]]) == 2
    assert "at least 2 scorecards" in capsys.readouterr().err
    assert main(["debrief"]) == 2
    assert main(["debrief", files[0], "nowhere.json"]) == 2
    assert "nowhere.json: no such file" in capsys.readouterr().err


def test_different_framework_exit_2(cli_env: Any, files: tuple[str, str], tmp_path: Path, capsys: Any) -> None:
    other = tmp_path / "other.json"
    other.write_text(json.dumps(scorecard(["closing", "prospecting"])), encoding="utf-8")
    assert main(["debrief", files[0], str(other)]) == 2
    assert "another competency framework" in capsys.readouterr().err


def test_notes_scored_here(cli_env: Any, kb: Any, files: tuple[str, str], tmp_path: Path, capsys: Any) -> None:
    na, nb = tmp_path / "a.txt", tmp_path / "b.txt"
    na.write_text(NOTES_A, encoding="utf-8")
    nb.write_text(NOTES_B, encoding="utf-8")
    target = tmp_path / "d.md"
    assert main(["debrief", files[0], "--notes", str(na), str(nb), "-o", str(target)]) == 0
    md = target.read_text(encoding="utf-8")
    assert "| Alice | Intervieweur·se 2 | Intervieweur·se 3 |" in md
    assert PHONE not in md and "45 ans" not in md and "[téléphone]" in md.replace("\\", "")
    err = capsys.readouterr().err
    assert "Intervieweur·se 2: a.txt" in err and "Written to" in err


def test_json_only_starts_without_gradio_or_the_index(cli_env: Any, files: tuple[str, str]) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from assistant.cli import main; rc = main(['debrief', *sys.argv[1:]]); "
        "print(rc, sorted(m for m in ('gradio', 'chromadb', 'langchain_core') if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code, *files], capture_output=True, text=True, timeout=120)
    assert done.stderr.strip().endswith("0 []"), done.stderr[-500:]
    assert done.stdout.startswith("# Débrief d'entretiens")


def test_summarize_json_then_debrief(cli_env: Any, kb: Any, tmp_path: Path, capsys: Any) -> None:
    """Each interviewer runs `summarize --format json`; the debrief reads the files it writes."""
    outputs = []
    for name, notes in (("Alice", NOTES_A), ("Bob", NOTES_B)):
        src, out = tmp_path / f"{name}.txt", tmp_path / f"{name}.json"
        src.write_text(notes, encoding="utf-8")
        assert main(["summarize", str(src), "--format", "json", "--interviewer", name, "-o", str(out)]) == 0
        outputs.append(str(out))
    assert main(["debrief", *outputs, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [i["name"] for i in data["interviewers"]] == ["Alice", "Bob"]
    assert next(c for c in data["competencies"] if c["id"] == "experience_similar")["mark"] == "disagree"
    assert PHONE not in json.dumps(data, ensure_ascii=False)
