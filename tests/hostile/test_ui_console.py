"""UI leftovers (issue 11, class 9): a rejected input never reaches the server's console.

The app runs as `make run` starts it (`python -m assistant ui`, a subprocess on 127.0.0.1) with its stdout and
stderr in a file. Each case sends input carrying its own unique marker that the app must refuse: too-long notes or
questions, empty notes, a value outside a form's choices, a malformed chat history, a field the ad job rejects
(InputError), an upload of the wrong type or of notes over the limit. The user gets a plain error; the console gets
neither the marker (candidate text) nor a traceback, while the app runs and after it stops.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from gradio_events import call_event, upload

from assistant.bench import app_in_subprocess

pytestmark = pytest.mark.server

NOTES = "Entretien : 5 ans d'expérience comme account manager, très à l'écoute du client."
# The draft form's values in BRIEF_FIELDS order (tests/ui/ui_helpers.BRIEF, which this folder cannot import).
BRIEF = [
    "Acme Analytics", "logiciels SaaS", "junior", "Lyon", "FR", "hybrid", "CDI", "Renault, Decathlon",
    "40", "12", "", "", "", "Responsable de compte", "3000-3500 € brut mensuel", "", "fr", "", "",
]  # fmt: skip
PARTNERS, LANGUAGE = 8, 16  # indexes in BRIEF


def marker() -> str:
    """A string that appears nowhere unless the app copied a submitted value."""
    return f"ZQX{uuid.uuid4().hex[:12]}MARK"


@pytest.fixture(scope="module")
def app(session_settings: Any, kb: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The app in a subprocess over the session's index: (url, the file with everything it printed)."""
    log = tmp_path_factory.mktemp("console") / "app-output.txt"
    with app_in_subprocess(session_settings.data_dir, log) as url:
        yield url, log
    # after Ctrl+C too (the shutdown path prints): every marker of the module is still absent
    printed = log.read_text(encoding="utf-8")
    assert "ZQX" not in printed and "Traceback" not in printed, printed[-3000:]


@pytest.fixture
def client(app: tuple[str, Path]) -> Any:
    from gradio_client import Client

    return Client(app[0], verbose=False, download_files=False)


def _notes_too_long(client: Any, mark: str) -> Any:
    return client.predict(mark + " " + "Très à l'écoute du client. " * 800, "", "", api_name="/summarize")


def _notes_empty(client: Any, mark: str) -> Any:
    return client.predict("  ...  ", "", mark, api_name="/summarize")  # the marker as the interviewer's name


def _stage_not_offered(client: Any, mark: str) -> Any:
    return client.predict(NOTES, mark, "", api_name="/summarize")  # a Dropdown value outside its choices


def _question_too_long(client: Any, mark: str) -> Any:
    return client.predict(mark + " ?" * 1500, [], api_name="/ask")


def _history_malformed(client: Any, mark: str) -> Any:
    return client.predict("Quel salaire ?", [{"role": "user", "content": mark}], api_name="/ask")


def _language_not_offered(client: Any, mark: str) -> Any:
    values = list(BRIEF)
    values[LANGUAGE] = mark  # a Radio value outside its choices
    return client.predict(*values, api_name="/draft_ad")


def _count_not_a_number(client: Any, mark: str) -> Any:
    values = list(BRIEF)
    values[PARTNERS] = mark  # the ad job raises InputError
    return client.predict(*values, api_name="/draft_ad")


REFUSED: dict[str, Callable[[Any, str], Any]] = {
    "notes too long": _notes_too_long,
    "notes empty": _notes_empty,
    "stage not offered": _stage_not_offered,
    "question too long": _question_too_long,
    "chat history malformed": _history_malformed,
    "ad language not offered": _language_not_offered,
    "ad count not a number (InputError)": _count_not_a_number,
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_refused_input_is_not_printed(case: str, client: Any, app: tuple[str, Path]) -> None:
    from gradio_client.exceptions import AppError

    mark = marker()
    before = app[1].read_text(encoding="utf-8")
    with pytest.raises(AppError) as refused:
        REFUSED[case](client, mark)
    assert str(refused.value).strip()  # the user is told something
    printed = app[1].read_text(encoding="utf-8")[len(before) :]  # flushed before the error reached the client
    assert mark not in printed and "Traceback" not in printed, printed


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes-{mark}.exe", b"MZ binary {mark}"),  # refused by the upload's file types
        ("notes-{mark}.txt", "Très à l'écoute du client {mark}. ".encode() * 1200),  # over ASSISTANT_MAX_NOTES_CHARS
        ("notes-{mark}.txt", b"\x00\x01\x02{mark}\xff\xfe"),  # not text
    ],
    ids=["wrong type", "too long", "binary"],
)
def test_a_refused_upload_is_not_printed(name: str, content: bytes, app: tuple[str, Path]) -> None:
    url, log = app
    mark = marker()
    before = log.read_text(encoding="utf-8")
    file = upload(url, name.format(mark=mark), content.replace(b"{mark}", mark.encode()))
    done = call_event(url, "notes-upload", "upload", [file])
    error = done["output"].get("error") or ""
    assert done["success"] is False and error  # refused, with a message for the user
    assert "hiring-assistant-ui-" not in error and str(Path(file["path"]).parent) not in error  # no server path
    printed = log.read_text(encoding="utf-8")[len(before) :]
    assert mark not in printed and "Traceback" not in printed, printed


def test_failing_handlers_and_outputs_print_no_message(capfd: pytest.CaptureFixture[str]) -> None:
    """`quiet_errors` on a small app: a handler's own gr.Error (printed by default), a bug in a handler without
    `plain_errors`, and an output its component rejects all reach the user as plain errors; the console gets at
    most the error's type and frames, never its message (which quotes the input) nor a traceback header."""
    import gradio as gr
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    from assistant.bench import free_port
    from assistant.ui.app import quiet_errors

    def refuses(text: str) -> str:
        raise gr.Error("Shorten the notes.")  # print_exception defaults to True

    def bug(text: str) -> str:
        raise ValueError(f"cannot parse {text}")

    def bad_output(text: str) -> list[dict[str, Any]]:
        return [{"role": "user", "content": {"odd": text}}]  # the Chatbot refuses it, quoting the message

    with gr.Blocks(analytics_enabled=False) as demo:
        box, chat = gr.Textbox(), gr.Chatbot()
        for fn in (refuses, bug, bad_output):
            gr.Button().click(fn, box, chat if fn is bad_output else box, api_name=fn.__name__)
    quiet_errors(demo, lambda state: "en")
    demo.queue()
    demo.launch(server_name="127.0.0.1", server_port=free_port(), prevent_thread_lock=True, quiet=True)
    try:
        client = Client(demo.local_url, verbose=False, download_files=False)
        capfd.readouterr()
        marks = {}
        for name in ("refuses", "bug", "bad_output"):
            marks[name] = marker()
            with pytest.raises(AppError) as info:
                client.predict(marks[name], api_name=f"/{name}")
            assert marks[name] not in str(info.value)
            if name == "refuses":
                assert "Shorten the notes." in str(info.value)
            else:
                assert "Unexpected error" in str(info.value)
    finally:
        demo.close()
    out, err = capfd.readouterr()
    printed = out + err
    assert not any(mark in printed for mark in marks.values()) and "Traceback" not in printed, printed
    assert "unexpected ValueError in bug" in printed  # a bug still says where, for whoever runs the app
