"""The interview-kit section in a real browser (Debian's chromium + playwright): generate a kit, download it.

A small Blocks with just the section (the full page is the lead's `test_browser.py`); no knowledge base is built.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ui_helpers import SCREENSHOTS, TIMEOUT_MS, free_port

from support import make_settings

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.fixture(scope="module")
def kit_url(tmp_path_factory: pytest.TempPathFactory, framework: Any, private_tmp: Path) -> Iterator[str]:
    """A page with only the kit section (English), served on 127.0.0.1."""
    import gradio as gr

    from assistant.services import Services
    from assistant.ui.i18n import Binder
    from assistant.ui.kit_tab import build_kit_section

    settings = make_settings(tmp_path_factory.mktemp("kit") / "data")
    services = Services(settings=settings, framework=framework)
    with gr.Blocks() as demo:
        build_kit_section(services, Binder("en"))
    demo.queue()
    _, url, _ = demo.launch(
        server_name="127.0.0.1",
        server_port=free_port(),
        quiet=True,
        prevent_thread_lock=True,
        ssr_mode=False,
        share=False,
        mcp_server=False,
        pwa=False,
        enable_monitoring=False,
    )
    yield url
    demo.close()


@pytest.fixture(scope="module")
def page(browser: Any, kit_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(kit_url)
    yield page
    context.close()


def test_kit_download(page: Any) -> None:
    page.get_by_text("Interview kit").first.click()  # open the accordion
    page.locator("#kit-stage input").click()
    page.get_by_role("option", name="Case study").click()
    page.locator("#kit-go").click()
    page.locator("#kit-output").get_by_text("Managing the trial period").wait_for()
    assert page.locator("#kit-output").get_by_text("Uneasy with figures", exact=False).count() == 1  # an anchor
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "kit.png"), full_page=True)
    page.locator("#kit-download-html").click()
    link = page.locator("#kit-download a[download]").first
    link.wait_for()
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == f"kit-case_study-{date.today().isoformat()}.html"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Managing the trial period" in text and "<script" not in text
