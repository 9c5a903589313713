"""`hiring-assistant eval --backend openai|local`: the LLM figures beside the offline ones on the same cases.

Protocol tests against the scripted OpenAI-compatible server on 127.0.0.1 (tests/openai_server.py): the table, the
calls and tokens counted from the server's `usage`, failures counted instead of stopping the run, --record, and the
one-line errors of a missing model or a missing key. No real model runs here.
"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
from pathlib import Path

import pytest

from assistant.cli import main

from openai_server import Delay, Error
from support import ROOT

ABSTAIN = {"standalone_question": "", "answer": "", "abstain": True, "citations": []}
COST_ROWS = ("p50_s", "p95_s", "failed_jobs", "calls_per_job", "prompt_tokens_per_job", "output_tokens_per_job")


@pytest.fixture
def eval_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No LLM configured, results written under tmp_path (not into the checkout's evals/results)."""
    for var in ("OPENAI_API_KEY", "ASSISTANT_LLM_BASE_URL", "ASSISTANT_LLM_MODEL", "ASSISTANT_LLM_GGUF"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ASSISTANT_LLM_MAX_RETRIES", "0")  # one HTTP request per call: the counts below are exact
    results = tmp_path / "results"
    results.mkdir()
    monkeypatch.setattr("assistant.evaluation.common.results_dir", lambda: results)
    return tmp_path


@pytest.fixture
def fake_llm(eval_env: Path, openai_server, monkeypatch: pytest.MonkeyPatch):
    """The configured OpenAI-compatible server is the scripted fake."""
    monkeypatch.setenv("ASSISTANT_LLM_BASE_URL", openai_server.base_url)
    monkeypatch.setenv("ASSISTANT_LLM_MODEL", "test-model")
    return openai_server


def _usage_of(server, reply: dict) -> list[dict[str, int]]:
    """The usage the fake sent for each chat request it answered with `reply`."""
    return [server.usage(body, json.dumps(reply, ensure_ascii=False), None) for body in server.requests]


@pytest.mark.server
def test_openai_backend_prints_llm_beside_offline_and_counts_calls_and_tokens(fake_llm, eval_env, capsys) -> None:
    fake_llm.script([ABSTAIN, ABSTAIN])
    out_json, record = eval_env / "out.json", eval_env / "exchanges.json"
    args = ["eval", "--backend", "openai", "--suite", "qa", "--split", "dev", "--limit", "2", "--embeddings", "none"]
    code = main([*args, "--json", str(out_json), "--record", str(record)])
    out, err = capsys.readouterr()
    assert code == 0, err

    # The table: one per suite and split, the LLM column beside the offline one, quality then cost rows.
    header = next(line for line in out.splitlines() if line.strip().startswith("llm"))
    assert header.split() == ["llm", "offline"]
    assert "QA dev" in out and "openai-compatible" in out
    for row in ("cited_expected_rate", "facts_rate", "abstain_recall", *COST_ROWS):
        assert any(line.strip().startswith(row) for line in out.splitlines()), row

    # Calls and tokens come from the server's usage, per job.
    assert len(fake_llm.requests) == 2
    sent = _usage_of(fake_llm, ABSTAIN)
    data = json.loads(out_json.read_text(encoding="utf-8"))
    llm, offline = data["qa"]["dev"]["llm"], data["qa"]["dev"]["offline"]
    assert llm["cases"] == offline["cases"] == 2
    assert data["qa"]["dev"]["case_ids"] == [r["id"] for r in data["qa"]["dev"]["rows"]["llm"]]
    assert [r["id"] for r in data["qa"]["dev"]["rows"]["llm"]] == [
        r["id"] for r in data["qa"]["dev"]["rows"]["offline"]
    ]
    assert llm["calls_per_job"] == 1.0 and llm["max_calls_per_job"] == 1 and llm["failed_jobs"] == 0
    assert llm["prompt_tokens_per_job"] == statistics.mean(u["prompt_tokens"] for u in sent)
    assert llm["output_tokens_per_job"] == statistics.mean(u["completion_tokens"] for u in sent)
    # The scripted model abstained on both answerable questions; where the offline engine answers, LLM mode shows the
    # offline answer instead (qa.INSTEAD_NOTICE), so the LLM column abstains exactly where the offline one does.
    assert llm["false_abstentions"] == offline["false_abstentions"] == 0
    assert offline["calls_per_job"] is None  # the offline engine makes no call
    assert data["backend"].startswith("openai-compatible") and "json_schema" in data["structured_method"]

    # --record keeps every real request and reply, in order.
    exchanges = json.loads(record.read_text(encoding="utf-8"))
    assert [e["request"]["messages"] for e in exchanges] == [r["messages"] for r in fake_llm.requests]
    assert all(e["status"] == 200 and e["response"]["usage"]["prompt_tokens"] > 0 for e in exchanges)


@pytest.mark.server
def test_failed_llm_jobs_are_counted_and_the_run_goes_on(fake_llm, eval_env, capsys) -> None:
    # qa: an answer; ads and notes: the server fails (500, no retry) -> counted as failed, scored as nothing found.
    fake_llm.script([ABSTAIN, Error(500, "server exploded"), Error(500, "server exploded")])
    out_json = eval_env / "out.json"
    args = ["eval", "--backend", "openai", "--split", "dev", "--limit", "1", "--embeddings", "none"]
    code = main([*args, "--json", str(out_json)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "QA dev" in out and "ADS dev" in out and "NOTES dev" in out
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["qa"]["dev"]["llm"]["failed_jobs"] == 0
    for suite in ("ads", "notes"):
        llm, offline = data[suite]["dev"]["llm"], data[suite]["dev"]["offline"]
        assert llm["cases"] == offline["cases"] == 1
        assert llm["failed_jobs"] == 1 and offline["failed_jobs"] == 0
        assert llm["calls_per_job"] == 1.0  # the failed request is a call too
        failed = data[suite]["dev"]["rows"]["llm"][0]
        assert "HTTP 500" in failed["error"]
    assert data["ads"]["dev"]["llm"]["case_pass_rate"] == 0.0
    assert data["notes"]["dev"]["llm"]["evidence_precision"] in (None, 0.0)
    assert len(fake_llm.requests) == 3 and fake_llm.pending == 0


@pytest.mark.server
def test_deadline_stops_a_job_and_its_unanswered_call_still_counts(fake_llm, eval_env, capsys) -> None:
    fake_llm.script([Delay(5, ABSTAIN)])
    out_json = eval_env / "out.json"
    args = ["eval", "--backend", "openai", "--suite", "qa", "--split", "dev", "--limit", "1", "--embeddings", "none"]
    assert main([*args, "--deadline", "1", "--json", str(out_json)]) == 0, capsys.readouterr().err
    data = json.loads(out_json.read_text(encoding="utf-8"))
    llm = data["qa"]["dev"]["llm"]
    assert llm["failed_jobs"] == 1 and llm["calls_per_job"] == 1.0 and llm["prompt_tokens_per_job"] == 0.0
    assert "did not finish within 1 s" in data["qa"]["dev"]["rows"]["llm"][0]["error"]
    assert llm["p95_s"] < 4  # stopped at the deadline, not when the server answered


@pytest.mark.server
def test_a_retry_the_deadline_refuses_is_not_counted_as_a_call(fake_llm, eval_env, monkeypatch, capsys) -> None:
    # A real run counted "calls 3" for an ad whose re-ask timed out at the deadline: the client's retry after the
    # timeout never left the machine (the transport refuses a request past the deadline), yet it was counted.
    monkeypatch.setenv("ASSISTANT_LLM_MAX_RETRIES", "1")
    fake_llm.script([Delay(5, ABSTAIN), Delay(5, ABSTAIN)])
    out_json = eval_env / "out.json"
    args = ["eval", "--backend", "openai", "--suite", "qa", "--split", "dev", "--limit", "1", "--embeddings", "none"]
    assert main([*args, "--deadline", "1", "--json", str(out_json)]) == 0, capsys.readouterr().err
    llm = json.loads(out_json.read_text(encoding="utf-8"))["qa"]["dev"]["llm"]
    assert llm["failed_jobs"] == 1
    assert llm["calls_per_job"] == len(fake_llm.requests) == 1.0


def _one_line_error(capsys, code: int, *needles: str) -> str:
    out, err = capsys.readouterr()
    assert code == 2, (code, err)
    errors = [line for line in err.strip().splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "a bug" not in err, err
    for needle in needles:
        assert needle.lower() in err.lower(), (needle, err)
    return err


def test_local_backend_with_a_missing_gguf_is_a_one_line_error(eval_env, monkeypatch, capsys) -> None:
    monkeypatch.setenv("ASSISTANT_LLM_GGUF", str(eval_env / "nowhere.gguf"))
    code = main(["eval", "--backend", "local", "--suite", "qa", "--limit", "1"])
    _one_line_error(capsys, code, "ASSISTANT_LLM_GGUF", "nowhere.gguf", "local_model.py fetch")


def test_local_backend_without_a_model_says_how_to_get_one_and_downloads_nothing(eval_env, monkeypatch, capsys) -> None:
    monkeypatch.setenv("ASSISTANT_MODEL_CACHE", str(eval_env / "empty-cache"))
    code = main(["eval", "--backend", "local", "--suite", "qa", "--limit", "1"])
    _one_line_error(capsys, code, "ASSISTANT_LLM_GGUF", "local_model.py fetch")
    assert not (eval_env / "empty-cache").exists()


def test_openai_backend_without_a_key_or_server_is_a_one_line_error(eval_env, capsys) -> None:
    code = main(["eval", "--backend", "openai", "--suite", "qa", "--limit", "1"])
    _one_line_error(capsys, code, "OPENAI_API_KEY", "ASSISTANT_LLM_BASE_URL")


def test_llm_options_are_refused_offline_and_bad_values_are_usage_errors(eval_env, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["eval", "--limit", "2"])
    assert exc.value.code == 2 and "--backend local or openai" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["eval", "--backend", "openai", "--threads", "2"])
    assert exc.value.code == 2 and "--backend local" in capsys.readouterr().err
    for bad in (["--backend", "gpt"], ["--backend", "local", "--limit", "0"], ["--backend", "local", "--threads", "x"]):
        with pytest.raises(SystemExit) as exc:
            main(["eval", *bad])
        assert exc.value.code == 2


def test_help_names_the_backends_and_the_cost_figures(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["eval", "--help"])
    out = capsys.readouterr().out
    for needle in ("--backend", "offline", "local", "openai", "--limit", "--deadline", "--threads", "--record", "p95"):
        assert needle in out, needle


def test_run_llm_script_is_a_thin_wrapper_over_the_eval_command(monkeypatch) -> None:
    spec = importlib.util.spec_from_file_location("run_llm_script", ROOT / "evals" / "run_llm.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    seen: list[list[str]] = []
    monkeypatch.setattr("assistant.cli.main", lambda argv: seen.append(argv) or 0)
    for var in ("ASSISTANT_LLM_LOCAL_CTX", "ASSISTANT_LLM_BASE_URL", "ASSISTANT_LLM_MODEL"):
        monkeypatch.setenv(var, "")  # the script sets them: restored (removed) after the test
    assert script.main(["--job", "notes", "--split", "both", "--limit", "1", "-v", "--ctx", "4096"]) == 0
    assert seen[-1] == ["eval", "--backend", "local", "--suite", "notes", "--split", "all", "--limit", "1"]
    assert os.environ["ASSISTANT_LLM_LOCAL_CTX"] == "4096"
    assert script.main(["--base-url", "http://127.0.0.1:9/v1", "--model-name", "m", "--record", "r.json"]) == 0
    assert seen[-1] == ["eval", "--backend", "openai", "--record", "r.json"]
    assert os.environ["ASSISTANT_LLM_BASE_URL"] == "http://127.0.0.1:9/v1" and os.environ["ASSISTANT_LLM_MODEL"] == "m"
