"""The app as a whole: auth parsing, plain errors, then the app served on 127.0.0.1 and called through gradio_client."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from ui_helpers import NOTES_FR, brief_values, free_port

from assistant.errors import ConfigError, InputError
from assistant.ui.app import parse_auth, serve
from assistant.ui.events import plain_errors
from assistant.ui.notes_tab import scorecard_headers


def test_parse_auth() -> None:
    assert parse_auth(None) is None and parse_auth("") is None
    assert parse_auth("anna:s3:cret") == ("anna", "s3:cret")
    for bad in ("anna", ":pw", "anna:"):
        with pytest.raises(ConfigError, match="user:password"):
            parse_auth(bad)


def test_plain_errors_show_the_message_and_never_the_input(capsys: pytest.CaptureFixture[str]) -> None:
    import gradio as gr

    def user_fault(x: str) -> str:
        raise InputError("The notes are empty.")

    def bug(x: str) -> str:
        raise ValueError(f"secret notes: {x}")

    with pytest.raises(gr.Error, match="The notes are empty."):
        plain_errors(user_fault)("x")
    with pytest.raises(gr.Error) as info:
        plain_errors(bug)("Marie Dupont, 45 ans")
    assert "ValueError" in str(info.value) and "Marie" not in str(info.value)
    err = capsys.readouterr().err
    assert "ValueError" in err and "Marie" not in err
    assert "Please report it" in str(info.value)


def test_plain_errors_speak_the_session_language() -> None:
    import gradio as gr

    def bug(x: str, lang: str) -> str:
        raise KeyError(x)

    with pytest.raises(gr.Error, match="Erreur inattendue \\(KeyError\\)"):
        plain_errors(bug)("Marie", "fr")
    with pytest.raises(gr.Error, match="Unexpected error \\(KeyError\\)"):
        plain_errors(bug)("Marie", "en")
    with pytest.raises(gr.Error, match="Erreur inattendue"):
        plain_errors(bug)("Marie", lang="fr")


# --------------------------------------------------------------------------- the app, through gradio_client


@pytest.mark.server
def test_app_is_configured_safely(served: tuple[Any, str], ui_services: Any) -> None:
    app, url = served
    assert url.startswith("http://127.0.0.1:")
    assert app.max_file_size == int(ui_services.settings.ui_max_upload_mb * 1024 * 1024)
    assert app.run_history is False and app.share is False and app.analytics_enabled is False
    assert app._queue.max_size == ui_services.settings.ui_max_queue
    assert app._queue.default_concurrency_limit == ui_services.settings.ui_concurrency
    assert Path(app.GRADIO_CACHE) == Path(os.environ["GRADIO_TEMP_DIR"])


@pytest.mark.server
def test_client_status(client: Any) -> None:
    out = client.predict("en", api_name="/status")
    assert "offline" in out and "ready" in out
    out = client.predict("fr", api_name="/status")
    assert "hors ligne" in out and "prêt" in out
    assert client.predict(api_name="/status") == out  # ASSISTANT_UI_LANGUAGE=auto with no browser: French


@pytest.mark.server
def test_client_ask(client: Any) -> None:
    history, box = client.predict("Quelles soft skills faut-il rechercher ?", [], api_name="/ask")
    assert box == ""
    reply = history[-1]["content"][0]["text"]
    assert "Sources" in reply and "**[1]" in reply
    history, _ = client.predict("What is the capital of Peru?", history, api_name="/ask")  # the chat goes on
    last = history[-1]["content"][0]["text"]
    assert len(history) == 4 and ("does not cover" in last or "ne couvre pas" in last)  # the session's language


@pytest.mark.server
def test_client_ask_error_is_plain(client: Any) -> None:
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="La question est vide"):
        client.predict("   ", [], api_name="/ask")


@pytest.mark.server
def test_client_draft_ad_and_download(client: Any) -> None:
    ad_md, *shown = client.predict(*brief_values(), api_name="/draft_ad")
    assert "(F/H)" in ad_md and any("Responsable de compte" in str(out) for out in shown)
    file = client.predict(ad_md, api_name="/download_ad_md")  # same session: the drafted ad is in its gr.State
    assert Path(file["path"]).suffix == ".md"
    import httpx

    served_text = httpx.get(file["url"], timeout=10).text  # served by the app from its private temp dir
    assert "(F/H)" in served_text


@pytest.mark.server
def test_client_draft_ad_error_is_plain(client: Any) -> None:
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="entreprise"):
        client.predict(*brief_values(company=""), api_name="/draft_ad")


@pytest.mark.server
def test_client_summarize(client: Any) -> None:
    flags_md, table, details, notice = client.predict(NOTES_FR, "phone", api_name="/summarize")
    assert "discrimination" in flags_md
    # an API client has no browser: its session is in the default language (French with ASSISTANT_UI_LANGUAGE=auto)
    table = table.get("value", table)  # the handler may return a gr.Dataframe (an update with its headers)
    assert table["headers"] == scorecard_headers("fr") and any(row[1] == "évalué" for row in table["data"])
    assert details and "pas été conservées" in notice  # French: the session's default language


@pytest.mark.server
def test_client_summarize_error_is_plain(client: Any) -> None:
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="vides"):
        client.predict("  ", "", api_name="/summarize")


@pytest.mark.server
def test_launch_serves_then_cleans_up_on_ctrl_c(session_settings: Any, kb: Any) -> None:
    """`python -m assistant ui` (what `make run` runs): serves, answers, and on Ctrl+C leaves no private temp dir."""
    from bench_ui import launch_and_measure

    times = launch_and_measure(session_settings.data_dir)  # the session's index: a warm start
    assert times.returncode == 0, times.output
    assert "ready in" in times.output and "Index: " in times.output
    assert times.leftovers == []
    assert times.page < times.answer


@pytest.mark.server
def test_login_is_required_when_auth_is_set(ui_services: Any, tmp_path: Path) -> None:
    import httpx

    from assistant.services import Services

    from support import make_settings

    settings = make_settings(tmp_path / "data", ASSISTANT_UI_PORT=free_port(), ASSISTANT_UI_AUTH="anna:s3cret")
    services = Services(settings=settings, kb=ui_services.kb, framework=ui_services.framework)
    app, url = serve(services, block=False, quiet=True)
    try:
        assert httpx.get(url + "config", timeout=10).status_code == 401
        with httpx.Client(base_url=url, timeout=10) as http:
            assert http.post("login", data={"username": "anna", "password": "wrong"}).status_code == 400
            assert http.post("login", data={"username": "anna", "password": "s3cret"}).status_code == 200
            assert http.get("config").status_code == 200
    finally:
        app.close()


def _join(url: str, fn_index: int, trigger: int, data: list[Any]) -> dict[str, Any]:
    """Run one event through Gradio's queue as a browser does; the completion message."""
    import json
    import uuid

    import httpx

    session = uuid.uuid4().hex[:10]
    with httpx.Client(timeout=60) as http:
        joined = http.post(
            f"{url}gradio_api/queue/join",
            json={
                "data": data,
                "fn_index": fn_index,
                "session_hash": session,
                "event_data": None,
                "trigger_id": trigger,
            },
        )
        joined.raise_for_status()
        with http.stream("GET", f"{url}gradio_api/queue/data", params={"session_hash": session}) as stream:
            for line in stream.iter_lines():
                if line.startswith("data:") and (message := json.loads(line[5:])).get("msg") == "process_completed":
                    return message
    raise AssertionError("the event never completed")


@pytest.mark.server
def test_a_refused_upload_is_deleted_at_once(served: tuple[Any, str], tmp_path: Path) -> None:
    """(stop 53's outside probe of the app) Notes uploaded as .docx were refused by Gradio's type check before the
    handler that reads and deletes them ran: they stayed in the temp dir, downloadable, until the cache sweep."""
    import httpx

    app, url = served
    upload = next(b for b in app.blocks.values() if getattr(b, "elem_id", None) == "notes-upload")
    fn_index = next(i for i, f in app.fns.items() if upload in f.inputs and any(t[0] == upload._id for t in f.targets))
    notes = tmp_path / "entretien-candidat.docx"
    notes.write_text("Entretien AM – Julie Martin – très bonne écoute\n", encoding="utf-8")
    with httpx.Client(timeout=30) as http, notes.open("rb") as handle:
        path = http.post(f"{url}gradio_api/upload", files={"files": (notes.name, handle)}).json()[0]
    assert Path(path).exists()  # Gradio keeps what it receives until an event reads it
    done = _join(
        url, fn_index, upload._id, [{"path": path, "orig_name": notes.name, "meta": {"_type": "gradio.FileData"}}, "fr"]
    )
    assert not done.get("success") and ".txt" in str(done.get("output"))
    assert not Path(path).exists()
    with httpx.Client(timeout=30) as http:
        assert http.get(f"{url}gradio_api/file={path}").status_code != 200


def test_discarding_refused_uploads_touches_nothing_else(private_tmp: Path, tmp_path: Path) -> None:
    from assistant.ui.app import discard_uploads

    upload = private_tmp / ("0123abcd" * 8) / "notes.docx"  # Gradio names an upload folder by a hex hash
    download = private_tmp / "download-xyz" / "ad.md"
    outside = tmp_path / "elsewhere.txt"
    for path in (upload, download, outside):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    discard_uploads([{"path": str(upload)}, {"path": str(download)}, [{"path": str(outside)}], "fr", None])
    assert not upload.exists() and download.exists() and outside.exists()
    # (review of stop 54) a path through `..` into a download, a folder, the temp dir itself, a file right in it,
    # a NUL byte, a name too long, a non-string: nothing deleted, nothing raised
    loose = private_tmp / "loose.txt"
    loose.write_text("x", encoding="utf-8")
    hostile = [
        {"path": str(download) + "/x/.."},
        {"path": str(private_tmp / "download-xyz" / "sub" / ".." / "ad.md")},
        {"path": str(download.parent)},
        {"path": str(private_tmp)},
        {"path": str(private_tmp / "nothing.docx")},
        {"path": str(loose)},
        {"path": "a\x00b"},
        {"path": "x" * 5000},
        {"path": 42},
    ]
    deep = private_tmp / ("ef56" * 16) / "sub" / "deep.md"  # deeper than Gradio's upload folders
    deep.parent.mkdir(parents=True)
    deep.write_text("x", encoding="utf-8")
    named = private_tmp / "not-a-hash" / "x.txt"
    named.parent.mkdir()
    named.write_text("x", encoding="utf-8")
    hostile += [{"path": str(deep)}, {"path": str(named)}, {"path": "a/" * 200_000}]
    discard_uploads(hostile)
    assert download.exists() and private_tmp.is_dir() and loose.exists() and deep.exists() and named.exists()


def test_a_port_in_use_or_a_foreign_host_is_a_config_error() -> None:
    """(stop 53's outside probe) `ui` on a port in use printed Gradio's OSError as a bug after the index loaded."""
    import socket

    from assistant.ui.app import check_port

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ConfigError, match=f"Port {port} on 127.0.0.1 is already in use.*--port"):
            check_port("127.0.0.1", port)
    check_port("127.0.0.1", port)  # free again
    import errno

    from assistant.ui.app import _port_message

    # an address not this machine's (binding one is refused in tests: the network guard)
    assert "--host" in _port_message("192.0.2.1", 7860, OSError(errno.EADDRNOTAVAIL, "Cannot assign"))
