"""Benchmark: time from launching the app (`python -m assistant ui`, what `make run` does) to a page that answers.

    .venv/bin/python tests/ui/bench_ui.py              # warm: the index in .data/ is built first (not timed)
    .venv/bin/python tests/ui/bench_ui.py --cold       # a fresh data dir: the index is built during launch
    .venv/bin/python tests/ui/bench_ui.py --browser    # also time a headless chromium showing the page and an answer

Prints: seconds to the HTML page (HTTP 200), to the first answer through the app's API, and (with --browser) to
the status line and an answer visible in Chromium. A benchmark, not a test; target ≤ 5 s to a page that answers.
`launch_and_measure` is also used by tests/ui/test_app.py to check that launch serves and cleans up after itself.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from assistant.bench import app_env, default_sigint

ROOT = Path(__file__).resolve().parents[2]

QUESTION = "Quel salaire pour un account manager débutant ?"


@dataclass
class LaunchTimes:
    page: float  # seconds from process start to GET / answering 200
    answer: float  # ... to the first /ask answer through gradio_client
    browser_page: float | None = None  # ... to the status line visible in Chromium (in a second launch)
    browser_answer: float | None = None
    cpu: float = 0.0  # CPU seconds the app process used, launch to exit (less sensitive to machine load)
    leftovers: list[str] = field(default_factory=list)  # private temp dirs still present after exit
    returncode: int | None = None
    output: str = ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child_env(data_dir: Path, port: int, tmp: Path) -> dict[str, str]:
    """The environment of `make run`, offline, with its temp files under `tmp` so the test can check cleanup."""
    return app_env(data_dir, port, TMPDIR=str(tmp))


def wait_for_page(url: str, proc: subprocess.Popen, timeout: float) -> None:
    import httpx

    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited with code {proc.returncode} before serving")
        try:
            if httpx.get(url, timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"no page at {url} after {timeout:.0f} s")


STOP_TIMEOUT = 60.0


def _stop(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGINT)  # Ctrl+C, as a user stops `make run`
    try:
        # a bound against a hang, not a speed target: on a loaded 2-core machine the exit took over 20 s twice
        out, _ = proc.communicate(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
    return out or ""


def launch_and_measure(data_dir: Path, *, timeout: float = 120.0) -> LaunchTimes:
    """Start `python -m assistant ui`, time the page and the first answer, stop it with SIGINT, look for leftovers."""
    from gradio_client import Client

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp_name:
        tmp = Path(tmp_name)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant", "ui"],
            cwd=ROOT,
            env=child_env(data_dir, port, tmp),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            preexec_fn=default_sigint,  # the Ctrl+C below must reach it
        )
        try:
            wait_for_page(url, proc, timeout)
            page = time.perf_counter() - started
            history, _ = Client(url, verbose=False).predict(QUESTION, [], api_name="/ask")
            answer = time.perf_counter() - started
            if "Sources" not in history[-1]["content"][0]["text"]:
                raise RuntimeError("the first answer has no sources")
        finally:
            output = _stop(proc)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        leftovers = [p.name for p in tmp.glob("hiring-assistant-ui-*")]
        return LaunchTimes(page, answer, cpu=cpu, leftovers=leftovers, returncode=proc.returncode, output=output)


def browser_measure(data_dir: Path, *, timeout: float = 120.0) -> tuple[float, float]:
    """Launch again and time a headless Chromium: status line visible, then an answer with its citation."""
    from playwright.sync_api import sync_playwright
    from ui_helpers import CHROMIUM, CHROMIUM_ARGS

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp_name, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)  # before the clock
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant", "ui"],
            cwd=ROOT,
            env=child_env(data_dir, port, Path(tmp_name)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=default_sigint,  # the Ctrl+C below must reach it
        )
        try:
            wait_for_page(url, proc, timeout)
            page = browser.new_page()
            page.goto(url)
            page.get_by_text("Backend:").wait_for(timeout=timeout * 1000)
            shown = time.perf_counter() - started
            page.get_by_role("tab", name="Ask the guide").click()
            page.locator("#ask-question textarea").fill(QUESTION)
            page.locator("#ask-send").click()
            page.locator("#ask-chat").get_by_text("Answered by").wait_for(timeout=timeout * 1000)
            answered = time.perf_counter() - started
        finally:
            _stop(proc)
            browser.close()
    return shown, answered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cold", action="store_true", help="use a fresh data dir (the index is built during launch)")
    parser.add_argument("--browser", action="store_true", help="also time a headless Chromium (Debian's chromium)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the shared helpers
    if args.cold:
        data_dir = Path(tempfile.mkdtemp(prefix="bench-ui-data-"))
    else:
        data_dir = ROOT / ".data"
        subprocess.run(
            [sys.executable, "-m", "assistant", "ingest"],
            cwd=ROOT,
            check=True,
            env=child_env(data_dir, 0, Path(tempfile.gettempdir())),
            stdout=subprocess.DEVNULL,
        )
    runs = 1 if args.cold else args.runs
    for n in range(runs):
        t = launch_and_measure(data_dir)
        print(
            f"run {n + 1}: page {t.page:.2f} s, first answer {t.answer:.2f} s (app CPU {t.cpu:.2f} s, load {os.getloadavg()[0]:.1f})"
            + (f", leftovers {t.leftovers}" if t.leftovers else "")
        )
    if args.browser:
        shown, answered = browser_measure(data_dir)
        print(f"browser: status line visible {shown:.2f} s, answer visible {answered:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
