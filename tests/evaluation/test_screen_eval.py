"""The question-screen eval (assistant/evaluation/screen.py): its figures, its gate, its data files and its refusal in
LLM mode. The suite itself runs in `make evals` and in `.ci/run`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from assistant.cli import main
from assistant.evaluation import screen


def _write(root: Path, cases: list[dict], thresholds: dict) -> None:
    (root / "screen").mkdir()
    (root / "screen" / "dataset.yaml").write_text(yaml.safe_dump({"thresholds": thresholds}), encoding="utf-8")
    lines = "\n".join(json.dumps(c, ensure_ascii=False) for c in cases)
    (root / "screen" / "dev.jsonl").write_text(lines + "\n", encoding="utf-8")


def test_recall_false_alarms_and_the_gate(services, tmp_path: Path) -> None:
    cases = [
        {"id": "c1", "input": "On cherche plutôt un homme pour ce poste, non ?", "expected": "criterion"},
        {
            "id": "c2",
            "input": "Quel salaire pour un account manager débutant ?",
            "expected": "criterion",
        },  # wrong on purpose
        {"id": "a1", "input": "Quel salaire pour un account manager senior ?", "expected": "answer"},
        {"id": "y1", "input": "Le candidat a 52 ans, on le prend ?", "expected": "any"},  # withheld: a false alarm here
    ]
    _write(tmp_path, cases, {"dev": {"criterion_recall": 0.9, "false_alarm_rate_max": 0.0}})
    result = screen.run_screen(services, ["dev"], root=tmp_path)
    figures = result.figures["dev"]
    assert figures["criterion_recall"] == 0.5 and figures["false_alarms"] == 1 and figures["false_alarm_rate"] == 0.5
    assert figures["answered_rate"] == 1.0
    assert sorted(f.split(" = ")[0] for f in result.failures) == [
        "dev:screen: criterion_recall",
        "dev:screen: false_alarm_rate",
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "dev.jsonl:2: not JSON"),
        ('{"id": "b", "input": "x", "expected": "maybe"}', "dev.jsonl:2: needs a non-empty input"),
        ('{"id": "b", "input": "   ", "expected": "answer"}', "dev.jsonl:2: needs a non-empty input"),
        ('{"input": "x?", "expected": "answer"}', "dev.jsonl:2: needs an id"),
        ('{"id": "a", "input": "x?", "expected": "answer"}', "dev.jsonl:2: needs an id of its own"),
    ],
)
def test_a_malformed_line_is_named(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "dev.jsonl"
    path.write_text('{"id": "a", "input": "ok?", "expected": "answer"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        screen.load_cases(path)


def test_the_shipped_splits_load_and_do_not_share_a_question() -> None:
    root = Path(__file__).resolve().parents[2] / "evals" / "screen"
    dev, test = (screen.load_cases(root / name) for name in ("dev.jsonl", "test.jsonl"))
    assert len(dev) > 400 and len(test) > 100
    assert not {c["input"] for c in dev} & {c["input"] for c in test}


def test_the_screen_suite_is_refused_in_llm_mode(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["eval", "--backend", "openai", "--suite", "screen"])
    assert exc.value.code == 2 and "before any model call" in capsys.readouterr().err
