"""The web app: draft a job ad, summarise interview notes, ask the guide — one Gradio Blocks over one `Services`.

Each tab is a module (`ad_tab`, `notes_tab`, `ask_tab`) whose handlers are plain functions of their inputs and a
`Services`, tested without a browser; `build_app` lays out the header, the status line and the tabs. Gradio is
imported inside functions only: `GRADIO_TEMP_DIR` and the analytics switch must be set before its first import
(`launch` does that), and the CLI's other commands must not pay its import cost.

Safety: everything a user or a model wrote is rendered inert (see `render`); notes live in memory only and
downloads are written when the user asks, into a private temp dir removed at exit (see `files`); errors never
echo input to the console (see `events`).
"""

from __future__ import annotations

import functools
import importlib
import os
import signal
import sys
import threading
import time
from typing import TYPE_CHECKING

from ..errors import AssistantError, ConfigError
from ..settings import Settings
from .ad_tab import build_ad_tab
from .ask_tab import build_ask_tab
from .files import private_temp_dir
from .notes_tab import build_notes_tab
from .render import status_markdown

if TYPE_CHECKING:
    import gradio as gr

    from ..services import Services

TITLE = "Hiring assistant"
CSS = """
#status { font-size: 0.9em; opacity: 0.85; }
#ad-text h1 { font-size: 1.6em; }
#notes-scorecard table, #notes-scorecard td, #notes-scorecard th { font-family: var(--font); }
"""


def build_app(services: Services) -> gr.Blocks:
    """The three-tab app over `services`. Call `.queue(...)` and `.launch(...)` on it (see `launch`)."""
    private_temp_dir()
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    import gradio as gr

    # Gradio's cache (uploads, downloads) is swept every minute of files older than 5 minutes: downloads are
    # written when the user clicks, so nothing needs to live longer.
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(60, 300)) as app:
        gr.Markdown(
            f"# {TITLE}\nGrounded in the guide *Comment recruter un.e Account Manager ?* (Welcome to the Jungle, 2019). "
            "Every answer cites the guide; every flag quotes the text it is about; a human decides."
        )
        status = gr.Markdown(elem_id="status")
        with gr.Tabs():
            with gr.Tab("Draft a job ad", id="ad"):
                build_ad_tab(services)
            with gr.Tab("Summarise interview notes", id="notes"):
                build_notes_tab(services)
            with gr.Tab("Ask the guide", id="ask"):
                build_ask_tab(services)
        app.load(functools.partial(status_markdown, services), None, status, api_name="status")
    return app


def parse_auth(value: str | None) -> tuple[str, str] | None:
    """'user:password' → (user, password); None when unset; ConfigError when malformed."""
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user.strip() or not password:
        raise ConfigError("ASSISTANT_UI_AUTH must look like user:password (both parts non-empty).")
    return user.strip(), password


def serve(services: Services, *, block: bool = True, quiet: bool = False) -> tuple[gr.Blocks, str]:
    """Build, queue and launch the app on settings.ui_host/ui_port; returns (app, local URL)."""
    import gradio as gr

    settings = services.settings
    app = build_app(services)
    app.queue(default_concurrency_limit=settings.ui_concurrency, max_size=settings.ui_max_queue)
    _, url, _ = app.launch(
        server_name=settings.ui_host,
        server_port=settings.ui_port,
        auth=parse_auth(settings.ui_auth),
        max_file_size=int(settings.ui_max_upload_mb * 1024 * 1024),
        show_error=True,
        quiet=quiet,
        prevent_thread_lock=True,
        share=False,
        ssr_mode=False,  # no Node server
        mcp_server=False,
        pwa=False,
        run_history=False,  # Gradio would otherwise keep every run (notes included) in the browser
        enable_monitoring=False,
        footer_links=["api", "settings"],
        theme=gr.themes.Default(primary_hue="teal"),
        css=CSS,
    )
    if block:
        app.block_thread()
    return app, url


def launch(overrides: dict | None = None) -> None:
    """`hiring-assistant ui` / `make run`: build the index (progress on the console), then serve until Ctrl+C."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    # SIGTERM (kill, systemd) and SIGHUP (terminal closed) stop the app like Ctrl+C, so the private temp dir with
    # its downloads (which can quote notes) is removed by the atexit handler, not left behind.
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.default_int_handler)
    private_temp_dir()  # before gradio's first import: it reads GRADIO_TEMP_DIR then
    from ..guide.knowledge import stderr_progress
    from ..services import Services

    started = time.perf_counter()
    # Import gradio (seconds) while the index loads: the main thread's later import waits on the same module lock.
    threading.Thread(target=importlib.import_module, args=("gradio",), daemon=True).start()
    settings = Settings(**(overrides or {}))
    parse_auth(settings.ui_auth)  # a malformed value fails before the slow part
    services = Services(settings=settings, progress=stderr_progress)
    print(f"Backend: {services.backend_description}", file=sys.stderr)
    print("Loading the guide and its index…", file=sys.stderr)
    try:
        print(f"Index: {services.kb.describe()}", file=sys.stderr)
    except AssistantError as exc:  # still serve: the page says the index is not ready and why
        print(f"Index not ready: {exc}", file=sys.stderr)
    if settings.ui_host not in ("127.0.0.1", "localhost", "::1") and not settings.ui_auth:
        print(
            f"Warning: serving on {settings.ui_host} without a login: anyone who can reach this machine can use the "
            "app. Set ASSISTANT_UI_AUTH=user:password.",
            file=sys.stderr,
        )
    app, url = serve(services, block=False, quiet=True)
    print(f"Hiring assistant ready in {time.perf_counter() - started:.1f} s on {url} (Ctrl+C to stop)", flush=True)
    try:
        app.block_thread()
    finally:
        app.close()
