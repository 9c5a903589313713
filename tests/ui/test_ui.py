"""The web app: handlers as plain functions, then the app served on 127.0.0.1 and called through gradio_client."""

from __future__ import annotations

import os
import re
import socket
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.ui import app as ui
from assistant.errors import ConfigError, InputError
from assistant.guide.models import Citation
from assistant.qa.models import Answer
from assistant.rules.models import Flag

XSS_SCRIPT = "<script>window.__xss = 'script'</script>"
XSS_IMG = "<img src=x onerror=\"window.__xss = 'img'\">"
XSS_MD_IMAGE = "![tracker](http://evil.example/pixel.png)"
XSS_JS_LINK = "[click](javascript:window.__xss='link')"

NOTES_FR = (
    "Entretien téléphonique avec la candidate.\n"
    "- 5 ans d'expérience comme account manager chez un éditeur SaaS, portefeuille de 3 grands comptes.\n"
    "- Très à l'écoute : reformule les besoins du client avant de proposer.\n"
    "- Suit ses KPI chaque semaine dans un tableau de bord.\n"
    "- Elle a 45 ans et deux enfants.\n"
)

BRIEF = {
    "company": "Acme Analytics",
    "sector": "logiciels SaaS",
    "seniority": "junior",
    "location": "Lyon",
    "country": "FR",
    "remote": "hybrid",
    "contract": "CDI",
    "key_clients": "Renault, Decathlon",
    "partners_count": 40,
    "team_size": 12,
    "accounts": "",
    "team_to_manage": None,
    "profile": "",
    "requested_title": "Responsable de compte",
    "salary": "",
    "variable_pay": "",
    "language": "fr",
    "requirements": "",
    "company_pitch": "",
}


def brief_values(**changes: Any) -> list[Any]:
    """The form values in BRIEF_FIELDS order, as the Draft button sends them."""
    values = {**BRIEF, **changes}
    return [values[field] for field, _ in ui.BRIEF_FIELDS]


def live_link(markdown: str) -> bool:
    """True when Markdown holds a link or image that would render: an unescaped `](`."""
    return re.search(r"(?<!\\)\]\s*\(", markdown) is not None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]




@pytest.fixture(scope="module")
def private_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A private GRADIO_TEMP_DIR for the module (pytest's temp dirs are 0700)."""
    path = tmp_path_factory.mktemp("gradio")
    path.chmod(0o700)
    saved = os.environ.get("GRADIO_TEMP_DIR")
    os.environ["GRADIO_TEMP_DIR"] = str(path)
    yield path
    if saved is None:
        os.environ.pop("GRADIO_TEMP_DIR", None)
    else:
        os.environ["GRADIO_TEMP_DIR"] = saved


@pytest.fixture(scope="module")
def ui_services(tmp_path_factory: pytest.TempPathFactory, kb: Any, framework: Any, private_tmp: Path) -> Any:
    """Offline services on the session's knowledge base, with a free port for the app."""
    from support import make_settings

    from assistant.services import Services

    settings = make_settings(tmp_path_factory.mktemp("ui") / "data", ASSISTANT_UI_PORT=free_port())
    return Services(settings=settings, kb=kb, framework=framework)


@pytest.fixture(scope="module")
def served(ui_services: Any) -> Iterator[tuple[Any, str]]:
    """The app launched on 127.0.0.1 for the module: (app, url)."""
    app, url = ui.serve(ui_services, block=False, quiet=True)
    yield app, url
    app.close()


@pytest.fixture
def client(served: tuple[Any, str]) -> Any:
    """A fresh gradio_client session (its own gr.State)."""
    from gradio_client import Client

    return Client(served[1], verbose=False, download_files=False)


# --------------------------------------------------------------------------- rendering


@pytest.mark.parametrize("payload", [XSS_SCRIPT, XSS_IMG, XSS_MD_IMAGE, XSS_JS_LINK])
def test_inert_leaves_no_tag_link_or_image(payload: str) -> None:
    out = ui.inert(payload)
    assert "<" not in out and ">" not in out.replace("&gt;", "")
    assert not live_link(out)  # no Markdown link or image can form: the brackets are escaped
    assert "\\[" in out or "&lt;" in out


def test_quote_block_cuts_and_quotes_every_line() -> None:
    out = ui.quote_block("one\n\n<b>two</b>\n" + "x" * 50, limit=20)
    assert out.startswith("> one\n>\n> &lt;b&gt;two")
    assert out.endswith("…")


def test_flags_markdown_lists_severity_kind_message_and_quote() -> None:
    flags = [
        Flag(kind="pii", severity="warning", message="A phone number.", evidence="06 12 34 56 78"),
        Flag(kind="discrimination", severity="error", message="Age is a protected criterion.", evidence=XSS_IMG),
    ]
    out = ui.flags_markdown(flags)
    assert out.index("ERROR") < out.index("WARNING")  # errors first
    assert "`discrimination`" in out and "Age is a protected criterion." in out
    assert "« 06 12 34 56 78 »" in out
    assert "<img" not in out and "&lt;img" in out
    assert ui.flags_markdown([], empty="Nothing.") == "Nothing."


def test_answer_markdown_cites_sections_and_quotes_passages() -> None:
    answer = Answer(
        answer="Entre 2920 € et 3500 € [1]",
        abstained=False,
        citations=[Citation(chunk_id="c1", section="Grille de salaire", text="La fourchette " + "x" * 600)],
        backend="offline",
    )
    out = ui.answer_markdown(answer)
    assert "**[1] Grille de salaire**" in out and "> La fourchette" in out
    assert "…" in out and len(out) < 1000  # the passage is cut
    assert "*Answered by: offline*" in out


def test_answer_markdown_says_when_the_guide_does_not_cover_it() -> None:
    answer = Answer(answer="The guide does not cover this question.", abstained=True, backend="offline", notice="LLM down.")
    out = ui.answer_markdown(answer)
    assert "does not cover" in out and "Sources" not in out and "LLM down." in out


# --------------------------------------------------------------------------- ask


def test_chat_turn_answers_with_citations(services: Any) -> None:
    history = ui.chat_turn("Quel salaire pour un account manager débutant ?", [], services)
    assert [m["role"] for m in history] == ["user", "assistant"]
    reply = history[1]["content"]
    assert "2920" in reply and "Grille de salaire" in reply and "Sources" in reply


def test_chat_turn_abstains_outside_the_guide(services: Any) -> None:
    history = ui.chat_turn("What is the capital of Peru?", [{"role": "user", "content": "hi"}], services)
    assert len(history) == 3 and "does not cover" in history[-1]["content"]


def test_chat_turn_echoes_the_question_inert(services: Any) -> None:
    history = ui.chat_turn(f"Quel salaire ? {XSS_SCRIPT} {XSS_MD_IMAGE}", [], services)
    assert "<script" not in history[0]["content"] and not live_link(history[0]["content"])


@pytest.mark.parametrize("bad", ["", "   ", "?!", "x" * 5000])
def test_chat_turn_rejects_bad_questions(services: Any, bad: str) -> None:
    with pytest.raises(InputError):
        ui.chat_turn(bad, [], services)


def test_chat_turn_names_the_llm_and_falls_back_when_it_fails(settings: Any, kb: Any, framework: Any) -> None:
    from fake_llm import FakeStructuredChatModel

    from assistant.services import Services

    hits = kb.search("salaire account manager débutant", 5)
    model = FakeStructuredChatModel(
        responses=[{"answer": "De 2920 à 3500 € par mois.", "abstain": False, "citations": [hits[0].chunk.id]}],
        model_name="fake-llm",
    )
    services = Services(settings=settings, kb=kb, framework=framework, chat_model=model)
    reply = ui.chat_turn("Quel salaire pour un account manager débutant ?", [], services)[-1]["content"]
    assert "De 2920 à 3500 € par mois." in reply and "fake-llm" in reply

    failing = FakeStructuredChatModel(responses=[TimeoutError("slow"), TimeoutError("slow")], model_name="fake-llm")
    services = Services(settings=settings, kb=kb, framework=framework, chat_model=failing)
    reply = ui.chat_turn("Quel salaire pour un account manager débutant ?", [], services)[-1]["content"]
    assert "offline answer" in reply and "Answered by: offline" in reply


# --------------------------------------------------------------------------- draft an ad


def test_brief_dict_drops_blanks_splits_clients_and_counts() -> None:
    out = ui.brief_dict(
        {"company": " Acme ", "sector": "", "key_clients": "A, B;C\n", "team_size": " 12 ", "partners_count": None,
         "team_to_manage": 3.0}
    )
    assert out == {"company": "Acme", "key_clients": ["A", "B", "C"], "team_size": 12, "team_to_manage": 3}
    for bad in (2.5, "2.5", "twelve"):
        with pytest.raises(InputError, match="whole number"):
            ui.brief_dict({"team_size": bad})


def test_draft_ad_renders_title_flags_and_passages(services: Any) -> None:
    fields = [f for f, _ in ui.BRIEF_FIELDS]
    result, ad_md, flags_md, passages = ui.draft_ad(dict(zip(fields, brief_values())), services)
    assert "(F/H)" in result.ad.title and "(F/H)" in ad_md
    assert "Acme Analytics" in ad_md
    assert "Responsable de compte" in flags_md  # the discouraged title is flagged, quoted
    assert "Guide passages used" in passages and "> " in passages


def test_draft_ad_rejects_a_brief_without_company(services: Any) -> None:
    fields = [f for f, _ in ui.BRIEF_FIELDS]
    with pytest.raises(InputError, match="company"):
        ui.draft_ad(dict(zip(fields, brief_values(company="  "))), services)


def test_draft_ad_keeps_hostile_fields_inert(services: Any) -> None:
    fields = [f for f, _ in ui.BRIEF_FIELDS]
    values = brief_values(company=f"Acme {XSS_SCRIPT}", sector=f"SaaS {XSS_IMG}", company_pitch=f"{XSS_MD_IMAGE} {XSS_JS_LINK}")
    _, ad_md, flags_md, _ = ui.draft_ad(dict(zip(fields, values)), services)
    for out in (ad_md, flags_md):
        assert "<script" not in out.lower() and "<img" not in out.lower()
        assert not re.search(r"!\[[^\]]*\]\(", out)  # no Markdown image at all
        assert not re.search(r"\]\(\s*javascript:", out, re.I)  # no javascript: link


def test_ad_downloads_are_written_only_on_request(services: Any, private_tmp: Path) -> None:
    with pytest.raises(InputError, match="Draft an ad first"):
        ui.ad_download(None, "md")
    fields = [f for f, _ in ui.BRIEF_FIELDS]
    result, *_ = ui.draft_ad(dict(zip(fields, brief_values())), services)
    paths = {fmt: Path(ui.ad_download(result, fmt)) for fmt in ("md", "html", "jsonld")}
    for path in paths.values():
        assert path.is_relative_to(private_tmp) and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "(F/H)" in paths["md"].read_text()
    assert "<html" in paths["html"].read_text().lower()
    assert '"JobPosting"' in paths["jsonld"].read_text()


# --------------------------------------------------------------------------- interview notes


def test_summarize_flags_first_scorecard_and_notice(services: Any) -> None:
    summary, flags_md, rows, details, notice = ui.summarize(NOTES_FR, "phone", services)
    assert "discrimination" in flags_md and "45 ans" in flags_md
    assert len(rows) == len(services.framework.competencies)
    assert all(len(r) == len(ui.SCORECARD_HEADERS) for r in rows)
    assessed = [r for r in rows if r[1] == "assessed"]
    assert assessed and any("« " in r[3] for r in assessed)
    assert not any("45 ans" in r[3] for r in rows)  # a protected criterion never counts as evidence
    assert all(r[2] == "" for r in rows)  # offline: no invented ratings
    assert "Follow-up questions" in details
    assert summary.notice.split(".")[0] in notice and "not stored" in notice


@pytest.mark.parametrize("bad", ["", "   ", None, "x" * 30_000])
def test_summarize_rejects_bad_notes(services: Any, bad: Any) -> None:
    with pytest.raises(InputError):
        ui.summarize(bad, "", services)


def test_summarize_rejects_an_unknown_stage(services: Any) -> None:
    with pytest.raises(InputError, match="stage"):
        ui.summarize(NOTES_FR, "lunch", services)


def test_summary_renders_hostile_notes_inert(services: Any) -> None:
    notes = NOTES_FR + f"- Très à l'écoute {XSS_SCRIPT} {XSS_IMG} {XSS_MD_IMAGE}\n"
    _, flags_md, rows, details, notice = ui.summarize(notes, "", services)
    for out in (flags_md, details, notice):
        assert "<script" not in out and "<img" not in out and not live_link(out)


def test_uploaded_notes_are_read_then_deleted(private_tmp: Path, tmp_path: Path) -> None:
    folder = private_tmp / "upload-hash"
    folder.mkdir()
    upload = folder / "notes.txt"
    upload.write_text(NOTES_FR, encoding="utf-8")
    assert ui.read_upload(str(upload)) == NOTES_FR
    assert not upload.exists() and not folder.exists()
    mine = tmp_path / "mine.txt"  # a file outside Gradio's upload folder is not ours to delete
    mine.write_text(NOTES_FR, encoding="utf-8")
    assert ui.read_upload(str(mine)) == NOTES_FR and mine.exists()
    binary = private_tmp / "b.txt"
    binary.write_bytes(b"\x00\x01")
    with pytest.raises(InputError):
        ui.read_upload(str(binary))
    assert not binary.exists()  # deleted even when unreadable
    assert ui.read_upload(None) == ""


def test_notes_downloads_only_on_request(services: Any, private_tmp: Path) -> None:
    with pytest.raises(InputError, match="Summarise notes first"):
        ui.notes_download(None, "md")
    summary, *_ = ui.summarize(NOTES_FR, "", services)
    md, js = Path(ui.notes_download(summary, "md")), Path(ui.notes_download(summary, "json"))
    assert md.is_relative_to(private_tmp) and js.is_relative_to(private_tmp)
    assert md.read_text().startswith("# ") and '"competencies"' in js.read_text()


# --------------------------------------------------------------------------- plumbing


def test_parse_auth() -> None:
    assert ui.parse_auth(None) is None and ui.parse_auth("") is None
    assert ui.parse_auth("anna:s3:cret") == ("anna", "s3:cret")
    for bad in ("anna", ":pw", "anna:"):
        with pytest.raises(ConfigError, match="user:password"):
            ui.parse_auth(bad)


def test_private_temp_dir_is_0700_and_reused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GRADIO_TEMP_DIR", raising=False)
    monkeypatch.delenv("ASSISTANT_UI_TEMP_OWNED", raising=False)
    monkeypatch.setattr(ui.tempfile, "tempdir", str(tmp_path))
    registered: list[Any] = []
    monkeypatch.setattr(ui.atexit, "register", lambda *a, **k: registered.append(a))
    path = ui.private_temp_dir()
    assert path.parent == tmp_path and stat.S_IMODE(path.stat().st_mode) == 0o700
    assert os.environ["GRADIO_TEMP_DIR"] == str(path) and ui.private_temp_dir() == path
    assert registered and registered[0][1] == path  # removed at exit
    public = tmp_path / "public"
    public.mkdir(mode=0o755)
    public.chmod(0o755)
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(public))
    assert ui.private_temp_dir() != public  # a world-readable dir is not used


def test_plain_errors_show_the_message_and_never_the_input(capsys: pytest.CaptureFixture[str]) -> None:
    import gradio as gr

    def user_fault(x: str) -> str:
        raise InputError("The notes are empty.")

    def bug(x: str) -> str:
        raise ValueError(f"secret notes: {x}")

    with pytest.raises(gr.Error, match="The notes are empty."):
        ui._plain_errors(user_fault)("x")
    with pytest.raises(gr.Error) as info:
        ui._plain_errors(bug)("Marie Dupont, 45 ans")
    assert "ValueError" in str(info.value) and "Marie" not in str(info.value)
    err = capsys.readouterr().err
    assert "ValueError" in err and "Marie" not in err


def test_status_says_backend_and_index(services: Any) -> None:
    out = ui.status_markdown(services)
    assert "offline" in out and "**Index:** ready" in out and "passages of 'account-manager'" in out


def test_status_says_when_the_index_is_not_ready(settings: Any) -> None:
    from assistant.errors import StoreError
    from assistant.services import Services

    class Broken(Services):
        @property
        def kb(self) -> Any:
            raise StoreError("No index yet: run `hiring-assistant ingest`.")

    out = ui.status_markdown(Broken(settings=settings))
    assert "not ready" in out and "ingest" in out


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
    out = client.predict(api_name="/status")
    assert "offline" in out and "ready" in out


@pytest.mark.server
def test_client_ask(client: Any) -> None:
    history, box = client.predict("Quelles soft skills faut-il rechercher ?", [], api_name="/ask")
    assert box == ""
    reply = history[-1]["content"][0]["text"]
    assert "Sources" in reply and "**[1]" in reply
    history, _ = client.predict("What is the capital of Peru?", history, api_name="/ask")  # the chat goes on
    assert len(history) == 4 and "does not cover" in history[-1]["content"][0]["text"]


@pytest.mark.server
def test_client_ask_error_is_plain(client: Any) -> None:
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="The question is empty"):
        client.predict("   ", [], api_name="/ask")


@pytest.mark.server
def test_client_draft_ad_and_download(client: Any) -> None:
    ad_md, flags_md, passages = client.predict(*brief_values(), api_name="/draft_ad")
    assert "(F/H)" in ad_md and "Responsable de compte" in flags_md and "Guide passages used" in passages
    file = client.predict(api_name="/download_ad_md")  # same session: the drafted ad is in its gr.State
    assert Path(file["path"]).name == "job-ad.md"
    import httpx

    served_text = httpx.get(file["url"], timeout=10).text  # served by the app from its private temp dir
    assert "(F/H)" in served_text


@pytest.mark.server
def test_client_draft_ad_error_is_plain(client: Any) -> None:
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="company"):
        client.predict(*brief_values(company=""), api_name="/draft_ad")


@pytest.mark.server
def test_client_summarize(client: Any) -> None:
    flags_md, table, details, notice = client.predict(NOTES_FR, "phone", api_name="/summarize")
    assert "discrimination" in flags_md
    assert table["headers"] == ui.SCORECARD_HEADERS and any(row[1] == "assessed" for row in table["data"])
    assert "Follow-up questions" in details and "not stored" in notice


@pytest.mark.server
def test_client_summarize_error_is_plain(client: Any) -> None:
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="empty"):
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


def test_an_example_brief_loaded_in_the_form_drafts_the_cli_ad(services: Any) -> None:
    from assistant.ads.pipeline import draft_job_ad, load_brief

    fields = [f for f, _ in ui.BRIEF_FIELDS]
    assert {"brief-fr.yaml", "brief-en.yaml"} <= set(ui.example_briefs())
    for name, path in ui.example_briefs().items():
        form = dict(zip(fields, ui.example_values(name)))
        from_form = ui.draft_ad(form, services)[0]
        from_file = draft_job_ad(load_brief(path), services)
        assert from_form.text == from_file.text, name  # nothing is lost or changed through the form
    with pytest.raises(InputError, match="Pick an example"):
        ui.example_values(None)  # type: ignore[arg-type]


def test_example_notes_load(services: Any) -> None:
    assert {"notes-fr.txt", "notes-en.txt"} <= set(ui.example_notes())
    text = ui.example_notes_text("notes-fr.txt")
    assert text.strip() and ui.summarize(text, "", services)[2]
    with pytest.raises(InputError):
        ui.example_notes_text("../../etc/passwd")


@pytest.mark.server
def test_login_is_required_when_auth_is_set(ui_services: Any, tmp_path: Path) -> None:
    import httpx

    from support import make_settings

    from assistant.services import Services

    settings = make_settings(tmp_path / "data", ASSISTANT_UI_PORT=free_port(), ASSISTANT_UI_AUTH="anna:s3cret")
    services = Services(settings=settings, kb=ui_services.kb, framework=ui_services.framework)
    app, url = ui.serve(services, block=False, quiet=True)
    try:
        assert httpx.get(url + "config", timeout=10).status_code == 401
        with httpx.Client(base_url=url, timeout=10) as http:
            assert http.post("login", data={"username": "anna", "password": "wrong"}).status_code == 400
            assert http.post("login", data={"username": "anna", "password": "s3cret"}).status_code == 200
            assert http.get("config").status_code == 200
    finally:
        app.close()
