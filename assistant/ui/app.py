"""The web app: draft a job ad, interview kits and notes, debriefs, ask the guide — one Gradio Blocks over one
`Services`.

Each tab is a module (`ad_tab`, `notes_tab` with `kit_tab`'s section above it, `debrief_tab`, `ask_tab`) whose
handlers are plain functions of their inputs and a `Services`, tested without a browser; `build_app` lays out the header, the status line and the tabs. Gradio is
imported inside functions only: `GRADIO_TEMP_DIR` and the analytics switch must be set before its first import
(`launch` does that), and the CLI's other commands must not pay its import cost.

French and English (see `i18n`): the page is built in the configured language (ASSISTANT_UI_LANGUAGE; French when
it is `auto`), then the page load picks the session's language from the setting or the browser's Accept-Language and
relabels every bound component, tab labels included (Gradio 6 updates a `gr.Tab`'s label from an event). The header's
FR | EN toggle does the same. Handlers that write text read the session's language from `ui.state`.

Small screens: the tabs wrap onto more rows (`gr.Tabs(overflow_behavior="wrap")` plus the CSS below) instead of
hiding behind Gradio's "…" menu.

Safety: everything a user or a model wrote is rendered inert (see `render`); notes live in memory only and
downloads are written when the user asks, into a private temp dir removed at exit (see `files`); errors never
echo input to the console, whether a handler or Gradio's own input checks refuse it (see `events` and
`quiet_errors`).
"""

from __future__ import annotations

import errno
import importlib
import os
import signal
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..errors import AssistantError, ConfigError
from ..settings import Settings
from .ad_tab import build_ad_tab
from .ask_tab import build_ask_tab
from .debrief_tab import build_debrief_tab
from .files import delete_upload, private_temp_dir
from .i18n import LANGUAGES, Binder, normalize, pick_language, register, t
from .kit_tab import build_kit_section
from .notes_tab import build_notes_tab
from .render import status_markdown

if TYPE_CHECKING:
    import gradio as gr

    from ..services import Services

TEXTS = register(
    {
        "app.title": ("Assistant de recrutement", "Hiring assistant"),
        "app.header": (
            "# Assistant de recrutement\nFondé sur le guide *Comment recruter un.e Account Manager ?* (Welcome to the "
            "Jungle, 2019). Chaque réponse cite le guide ; chaque signalement cite le texte qu'il concerne ; une "
            "personne décide.",
            "# Hiring assistant\nGrounded in the guide *Comment recruter un.e Account Manager ?* (Welcome to the "
            "Jungle, 2019). Every answer cites the guide; every flag quotes the text it is about; a human decides.",
        ),
        "app.language": ("Langue de l'interface", "Interface language"),
        "app.tab.ad": ("Rédiger une annonce", "Draft a job ad"),
        "app.tab.notes": ("Notes d'entretien", "Summarise interview notes"),
        "app.tab.debrief": ("Débrief", "Debrief"),
        "app.tab.ask": ("Interroger le guide", "Ask the guide"),
        "app.refused": (
            "Saisie refusée : une valeur ne fait pas partie de celles que propose le formulaire, ou le fichier n'est "
            "pas d'un type accepté. Rechargez la page et réessayez.",
            "Input refused: a value is not one the form offers, or the file is not of an accepted type. Reload the "
            "page and try again.",
        ),
        "app.refused_file": (
            "Fichier refusé : types acceptés {types}.",
            "File refused: accepted types {types}.",
        ),
    }
)
LANGUAGE_CHOICES = [("FR", "fr"), ("EN", "en")]  # the same in both languages: not translated
CSS = """
#status { font-size: 0.9em; opacity: 0.85; }
#ad-text h1 { font-size: 1.6em; }
#notes-scorecard table, #notes-scorecard td, #notes-scorecard th { font-family: var(--font); }
#app-header { align-items: flex-start; }
#lang-toggle { flex-grow: 0; min-width: 9em; }
#lang-toggle .wrap { flex-wrap: nowrap; gap: 0.25em; }
/* Tabs wrap onto more rows (overflow_behavior="wrap") rather than hide behind a "…" menu; on a phone each tab button
   takes half a row, so the four tabs are two tidy rows of readable labels. */
#main-tabs [role="tablist"] { flex-wrap: wrap; row-gap: 2px; }
@media (max-width: 640px) {
  #main-tabs [role="tablist"] > button { flex: 1 1 calc(50% - 4px); white-space: normal; padding: 6px 8px; }
  #app-header { flex-wrap: wrap; }
  #app-header > #header-text { flex: 1 1 100%; min-width: 100%; }
  #app-header > #lang-toggle { order: -1; margin-left: auto; }  /* the toggle on its own line, top right */
  #header-text h1 { font-size: 1.5em; }
}
"""
# The browser tab's title follows the session's language (a Blocks title is fixed at build time). Gradio's own few
# texts (the upload area's "Drop File Here", its settings panel) follow the browser's language, not the toggle: Gradio
# 6.31 has no public way to switch its locale from an event (its internal changeLocale does not re-render them).
_TITLE_JS = (
    "(lang) => { document.documentElement.lang = lang; document.title = lang === 'en' ? "
    f"{t('app.title', 'en')!r} : {t('app.title', 'fr')!r}; }}"
)


def initial_language(setting: str) -> str:
    """The language the page is built in: the setting's when it names one, else the default (French)."""
    return setting if setting in LANGUAGES else normalize(None)


def build_app(services: Services) -> gr.Blocks:
    """The app over `services`, in French and English. Call `.queue(...)` and `.launch(...)` on it (see `launch`)."""
    private_temp_dir()
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    import gradio as gr

    settings = services.settings
    ui = Binder(initial_language(settings.ui_language))
    # Gradio's cache (uploads, downloads) is swept every minute of files older than 5 minutes: downloads are
    # written when the user clicks, so nothing needs to live longer.
    with gr.Blocks(title=ui.t("app.title"), analytics_enabled=False, delete_cache=(60, 300)) as app:
        ui.state = gr.State(ui.lang)
        with gr.Row(elem_id="app-header"):
            ui.bind(gr.Markdown(ui.t("app.header"), elem_id="header-text"), value="app.header")
            toggle = ui.bind(
                gr.Radio(
                    LANGUAGE_CHOICES,
                    value=ui.lang,
                    label=ui.t("app.language"),
                    show_label=False,
                    container=False,
                    elem_id="lang-toggle",
                ),
                label="app.language",
            )
        status = gr.Markdown(elem_id="status")
        with gr.Tabs(overflow_behavior="wrap", elem_id="main-tabs"):
            with ui.bind(gr.Tab(ui.t("app.tab.ad"), id="ad"), label="app.tab.ad"):
                build_ad_tab(services, ui)
            with ui.bind(gr.Tab(ui.t("app.tab.notes"), id="notes"), label="app.tab.notes"):
                build_kit_section(services, ui)
                build_notes_tab(services, ui)
            with ui.bind(gr.Tab(ui.t("app.tab.debrief"), id="debrief"), label="app.tab.debrief"):
                build_debrief_tab(services, ui)
            with ui.bind(gr.Tab(ui.t("app.tab.ask"), id="ask"), label="app.tab.ask"):
                build_ask_tab(services, ui)

        # One event relabels the page: the session's language, the status line, every bound component (the toggle
        # among them, which also takes the language as its value).
        outputs = [ui.state, status, *ui.components]
        toggle_at = next(i for i, c in enumerate(ui.components) if c is toggle)

        def relabel(lang: str | None) -> list[Any]:
            lang = normalize(lang)
            updates = ui.updates(lang)
            updates[toggle_at] = {**updates[toggle_at], "value": lang}
            return [lang, status_markdown(services, lang=lang), *updates]

        def on_load(request: gr.Request) -> list[Any]:
            header = request.headers.get("accept-language") if request is not None else None
            return relabel(pick_language(settings.ui_language, header))

        # Gradio finds the request parameter by its type; with postponed annotations it would read a string.
        on_load.__annotations__["request"] = gr.Request

        # Relabelling is cheap: it never waits for a free slot behind the jobs (concurrency_limit=None).
        relabelling: dict[str, Any] = {"api_name": False, "show_progress": "hidden", "concurrency_limit": None}
        app.load(on_load, None, outputs, **relabelling).then(None, toggle, None, js=_TITLE_JS, api_name=False)
        toggle.input(relabel, toggle, outputs, **relabelling).then(None, toggle, None, js=_TITLE_JS, api_name=False)

        def status_line(lang: str = "") -> str:
            """The status line: the active backend and whether the index is ready (`lang`: fr or en)."""
            return status_markdown(services, lang=pick_language(lang or settings.ui_language, None))

        gr.api(status_line, api_name="status")
    # the session's language: its gr.State in Gradio's SessionState (the state's initial value when not yet set)
    quiet_errors(app, lambda state: normalize(state[ui.state._id]) if state is not None else ui.lang)
    return app


def quiet_errors(app: gr.Blocks, session_language: Callable[[Any], str]) -> None:
    """Keep submitted values and tracebacks off the console when Gradio refuses an input or an event fails.

    Gradio 6.31's queue (`Queue.process_events`) calls `traceback.print_exc()` for every exception an event raises
    except a `gr.Error(print_exception=False)`. The handlers raise only those (`events.plain_errors`), but Gradio's
    own input checks run before any handler and raise others: a Dropdown or Radio value outside its choices (a
    `gr.Error` quoting the value), a file of a type the upload does not take, a malformed payload (pydantic's
    ValidationError quotes `input_value`), a wrong number of values. The traceback's last line is the message, so
    the candidate's text reached the console. The three stages the queue calls for an event are wrapped, for this
    app only:

    - preprocessing (Gradio's checks of the submitted values): a plain refusal, in the session's language, naming
      the accepted file types when the event takes a file; nothing printed (a refused value is the user's, like
      our InputErrors); a malformed payload (not a `gr.Error`) gets one line naming the event and the error type;
    - the handler: a `gr.Error` keeps its message, unprinted; any other exception (a handler without
      `plain_errors`) prints its type and frames, never its message, as `plain_errors` does;
    - postprocessing (the outputs checked against their components): as an unexpected error.

    `session_language(state)` gives the session's language from Gradio's SessionState.
    """
    import gradio as gr

    preprocess, call, postprocess = app.preprocess_data, app.call_function, app.postprocess_data

    def name_of(block_fn: Any) -> str:
        return str(getattr(block_fn, "api_name", None) or getattr(block_fn, "name", None) or "an event")

    def language(state: Any) -> str:
        try:
            return session_language(state)
        except Exception:  # a session without the state (never expected): the page's language
            return normalize(None)

    def unexpected(exc: Exception, where: str, state: Any) -> gr.Error:
        frames = "".join(traceback.format_tb(exc.__traceback__))
        print(f"hiring-assistant ui: unexpected {exc.__class__.__name__} in {where}\n{frames}", file=sys.stderr)
        return gr.Error(t("events.unexpected", language(state), name=exc.__class__.__name__), print_exception=False)

    async def preprocess_data(block_fn: Any, inputs: list[Any], state: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return await preprocess(block_fn, inputs, state, *args, **kwargs)
        except gr.Error as exc:
            discard_uploads(inputs)
            if not exc.print_exception:
                raise
        except Exception as exc:  # not Gradio's own refusal: a payload no browser sends
            discard_uploads(inputs)
            print(
                f"hiring-assistant ui: refused a malformed request to {name_of(block_fn)} ({exc.__class__.__name__})",
                file=sys.stderr,
            )
        lang = language(state)
        types = [kind for block in block_fn.inputs for kind in (getattr(block, "file_types", None) or [])]
        message = t("app.refused", lang) + (" " + t("app.refused_file", lang, types=", ".join(types)) if types else "")
        raise gr.Error(message, print_exception=False) from None

    async def call_function(block_fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return await call(block_fn, *args, **kwargs)
        except gr.Error as exc:
            if exc.print_exception:
                exc.print_exception = False  # the handler's message for the user; not for the console
            raise
        except Exception as exc:
            state = kwargs.get("state", args[6] if len(args) > 6 else None)
            raise unexpected(exc, name_of(block_fn), state) from None

    async def postprocess_data(block_fn: Any, predictions: Any, state: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return await postprocess(block_fn, predictions, state, *args, **kwargs)
        except Exception as exc:  # the outputs may be the notes: type and frames only
            raise unexpected(exc, f"the outputs of {name_of(block_fn)}", state) from None

    # Instance attributes: process_api looks them up on the app, so only this app changes, not Gradio's classes.
    app.preprocess_data = preprocess_data  # type: ignore[method-assign]
    app.call_function = call_function  # type: ignore[method-assign]
    app.postprocess_data = postprocess_data  # type: ignore[method-assign]


def _port_message(host: str, port: int, exc: OSError) -> str:
    if exc.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT) or isinstance(exc, socket.gaierror):
        return (
            f"Cannot serve on {host}: not an address of this machine. Choose another with --host or ASSISTANT_UI_HOST."
        )
    return (
        f"Port {port} on {host} is already in use (another app, or the assistant already running). Choose another "
        "with --port or ASSISTANT_UI_PORT."
    )


def check_port(host: str, port: int) -> None:
    """ConfigError when the app could not listen on host:port (in use, or not this machine's address): said before
    the index loads, in our words (stop 53's outside probe: Gradio's OSError after 5 s, reported as a bug)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ConfigError(_port_message(host, port, exc)) from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: a port in TIME_WAIT is free
        try:
            probe.bind(address)
        except OSError as exc:
            raise ConfigError(_port_message(host, port, exc)) from None


def discard_uploads(inputs: Any) -> None:
    """Delete the uploaded files an event's refused inputs name (a notes file of a type the upload does not take):
    the handler that reads and deletes an upload never runs for them, and Gradio would keep them, downloadable, until
    its cache sweep (stop 53's outside probe of the app)."""
    try:
        _discard(inputs)
    except Exception:  # never in the way of the refusal: its message is the user's answer (review of stop 54)
        pass


def _discard(inputs: Any) -> None:
    stack, seen = [inputs], 0
    while stack and seen < 1000:  # a payload no browser sends may nest anything: bounded
        item, seen = stack.pop(), seen + 1
        if isinstance(item, dict):
            delete_upload(item.get("path"))  # checked there: an upload file of ours only
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(item)
        else:
            delete_upload(getattr(item, "path", None))  # a FileData already built


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
    # Sized for a team (issue 11, class 6; tests/hostile/test_load.py, `hiring-assistant bench`):
    # - max_size counts requests *waiting*, all events together (Gradio's Queue.__len__). A team of 30 starting
    #   each job at once is 90 requests, 6 of them running: 84 wait. ASSISTANT_UI_MAX_QUEUE=128 takes them and
    #   leaves room for the page loads and ad checks a team's browsers send meanwhile. The former default, 16,
    #   refused a third of such a burst ("Queue is full").
    # - default_concurrency_limit is per event, not shared: each job runs at most ASSISTANT_UI_CONCURRENCY=2
    #   requests at a time (2 cores; the GIL gives Python work no more), in slots of its own. Thirty scorecards in a
    #   row (the heaviest job: notes at the 20,000-character limit still cost tens of seconds of CPU on a loaded
    #   2-core machine, see the bench) wait in the scorecards' line; an ask or a draft arriving meanwhile starts at once in its own and shares the CPU with at
    #   most two scorecards, a slowdown of a second or two, not the minutes a shared line would make it wait.
    #   Relabelling events set concurrency_limit=None: they never wait.
    app.queue(default_concurrency_limit=settings.ui_concurrency, max_size=settings.ui_max_queue)
    _, url, _ = app.launch(
        server_name=settings.ui_host,
        server_port=settings.ui_port,
        auth=parse_auth(settings.ui_auth),
        max_file_size=int(settings.ui_max_upload_mb * 1024 * 1024),
        # Handler errors are gr.Error (shown whatever this says); False keeps any other exception's message,
        # which may quote the input, off the page.
        show_error=False,
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
    check_port(settings.ui_host, settings.ui_port)  # so does a port in use (before the index loads)
    services = Services(settings=settings, progress=stderr_progress)
    print(f"Backend: {services.backend_description}", file=sys.stderr)
    print("Loading the guide and its index…", file=sys.stderr)
    try:
        print(f"Index: {services.kb.describe()}", file=sys.stderr)
        services.warm()  # the first scorecard then costs what the next ones do
    except AssistantError as exc:  # still serve: the page says the index is not ready and why
        print(f"Index not ready: {exc}", file=sys.stderr)
    if settings.ui_host not in ("127.0.0.1", "localhost", "::1") and not settings.ui_auth:
        print(
            f"Warning: serving on {settings.ui_host} without a login: anyone who can reach this machine can use the "
            "app. Set ASSISTANT_UI_AUTH=user:password.",
            file=sys.stderr,
        )
    try:
        app, url = serve(services, block=False, quiet=True)
    except OSError as exc:
        # taken meanwhile: Gradio's message names its own variable, not ours. Any other OSError (a cache folder
        # that cannot be written…) is not about the port (review of stop 54).
        if exc.errno != errno.EADDRINUSE and "empty port" not in str(exc):
            raise
        raise ConfigError(_port_message(settings.ui_host, settings.ui_port, exc)) from None
    print(f"Hiring assistant ready in {time.perf_counter() - started:.1f} s on {url} (Ctrl+C to stop)", flush=True)
    try:
        app.block_thread()
    finally:
        app.close()
