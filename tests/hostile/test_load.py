"""Concurrent use (issue 11, class 6): a team's burst completes, and a long job does not hold up the others.

The app runs as `make run` starts it (`python -m assistant ui`, offline, a subprocess on 127.0.0.1) with the default
queue settings; requests go through `gradio_client`, the way `hiring-assistant bench` sends the same burst and
prints its latencies. Before the queue was sized, a burst of 30 requests had a third refused ("Queue is full").
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from assistant.bench import BURST_JOBS, BURST_QUESTION, app_in_subprocess, burst

pytestmark = [pytest.mark.slow, pytest.mark.server]

PER_JOB = 30


@pytest.fixture(scope="module")
def app_url(session_settings: Any, kb: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app in a subprocess over the session's index, with the settings' default queue."""
    with app_in_subprocess(session_settings.data_dir, tmp_path_factory.mktemp("load") / "app-output.txt") as url:
        yield url


def test_a_burst_of_30_requests_per_job_all_complete(app_url: str) -> None:
    reports = burst(app_url, per_job=PER_JOB)
    assert set(reports) == set(BURST_JOBS) == {"ask", "draft_ad", "summarize"}
    for job, report in reports.items():
        # each request answered with a valid result (an answer with sources, an ad, a scorecard with rows)
        assert report.failures == [], f"{job}: {len(report.failures)} failed, e.g. {report.failures[:3]}"
        assert len(report.latencies) == PER_JOB


def test_a_queue_of_scorecards_does_not_hold_up_a_question(app_url: str) -> None:
    """Scorecards, the heaviest job, wait in a line of their own: a question asked behind six of them is answered
    before they are all done (one shared line would answer it last)."""
    from gradio_client import Client

    client = Client(app_url, verbose=False, download_files=False)
    notes = client.predict("notes-fr.txt", api_name="/load_example_notes")
    finished: dict[str, float] = {}
    scorecards = []
    for i in range(6):
        job = client.submit(notes, "", api_name="/summarize")
        job.future.add_done_callback(lambda _, key=f"scorecard {i}": finished.setdefault(key, time.perf_counter()))
        scorecards.append(job)
    time.sleep(0.5)  # the scorecards are in the queue first
    asked = time.perf_counter()
    history, _ = client.predict(BURST_QUESTION, [], api_name="/ask")
    answered = time.perf_counter()
    assert "Sources" in history[-1]["content"][0]["text"]
    for job in scorecards:
        job.result(timeout=300)
    last_scorecard = max(finished.values())
    assert answered < last_scorecard, (
        f"the question took {answered - asked:.1f} s and was answered after the six scorecards"
    )
    print(f"question answered in {answered - asked:.2f} s behind six scorecards")  # shown with -s


def test_the_load_test_uses_the_apps_api_names(app_url: str) -> None:
    """The burst targets endpoints the app exposes (a renamed endpoint must fail here, not silently test less)."""
    from gradio_client import Client

    named = Client(app_url, verbose=False, download_files=False).view_api(print_info=False, return_format="dict")
    endpoints = set(named["named_endpoints"])
    assert {f"/{job}" for job in BURST_JOBS} | {"/load_example", "/load_example_notes"} <= endpoints
