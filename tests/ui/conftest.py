"""Fixtures of the UI tests: a private Gradio temp dir, offline services with a free port, the app served.

Module-scoped: each test module that asks for `served` gets one app on 127.0.0.1 for its tests.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ui_helpers import free_port

from assistant.ui.app import serve


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
    from assistant.services import Services

    from support import make_settings

    settings = make_settings(tmp_path_factory.mktemp("ui") / "data", ASSISTANT_UI_PORT=free_port())
    return Services(settings=settings, kb=kb, framework=framework)


@pytest.fixture(scope="module")
def served(ui_services: Any) -> Iterator[tuple[Any, str]]:
    """The app launched on 127.0.0.1 for the module: (app, url)."""
    app, url = serve(ui_services, block=False, quiet=True)
    yield app, url
    app.close()


@pytest.fixture
def client(served: tuple[Any, str]) -> Any:
    """A fresh gradio_client session (its own gr.State)."""
    from gradio_client import Client

    return Client(served[1], verbose=False, download_files=False)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium for the module; fails instead of skipping when ASSISTANT_REQUIRE_BROWSER=1 (as .ci/run)."""
    from ui_helpers import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)"
        if os.environ.get("ASSISTANT_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
