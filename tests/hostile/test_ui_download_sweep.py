"""UI leftovers (issue 11, class 9): a scorecard download does not outlive the 5-minute sweep, even when no other
download follows it.

`files.write_download` sweeps older downloads when the next one is written (tests/hostile/test_hostile_ui_files.py).
A scorecard downloaded last would still stay until exit if nothing else removed it: Gradio's cache sweep
(`delete_cache=(60, 300)`: every minute, files older than 5 minutes) must cover it. This test downloads a scorecard
from the served app, checks the file is registered for that sweep, and runs Gradio's own sweep on it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gradio_events import call_event

pytestmark = pytest.mark.server

NOTES = (
    "Entretien téléphonique.\n- 5 ans d'expérience comme account manager chez un éditeur SaaS.\n"
    "- Très à l'écoute : reformule les besoins du client avant de proposer.\n"
)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, kb: Any, framework: Any) -> Iterator[tuple[Any, str, Path]]:
    """The app served in this process on 127.0.0.1 with a private GRADIO_TEMP_DIR: (app, url, temp dir)."""
    from assistant.bench import free_port
    from assistant.services import Services
    from assistant.ui.app import serve

    from support import make_settings

    private = tmp_path_factory.mktemp("gradio")
    private.chmod(0o700)
    saved = os.environ.get("GRADIO_TEMP_DIR")
    os.environ["GRADIO_TEMP_DIR"] = str(private)
    settings = make_settings(tmp_path_factory.mktemp("sweep") / "data", ASSISTANT_UI_PORT=free_port())
    app, url = serve(Services(settings=settings, kb=kb, framework=framework), block=False, quiet=True)
    try:
        yield app, url, private
    finally:
        app.close()
        if saved is None:
            os.environ.pop("GRADIO_TEMP_DIR", None)
        else:
            os.environ["GRADIO_TEMP_DIR"] = saved


def test_a_scorecard_download_is_removed_by_gradios_sweep(served: tuple[Any, str, Path]) -> None:
    from gradio.route_utils import delete_files_created_by_app
    from gradio_client import Client

    app, url, private = served
    assert app.delete_cache == (60, 300)  # the promise: swept every minute once older than 5 minutes
    client = Client(url, verbose=False, download_files=False)
    client.predict(NOTES, "phone", api_name="/summarize")  # the scorecard is kept in the session's state
    done = call_event(url, "notes-dl-md", "click", [], session=client.session_hash)
    assert done["success"], done
    path = Path(done["output"]["data"][0]["path"])
    assert path.is_relative_to(private) and path.exists() and path.suffix == ".md"
    assert any(str(path) in files for files in app.temp_file_sets)  # registered for Gradio's sweep

    delete_files_created_by_app(app, 300)  # a sweep while the file is younger than 5 minutes: it stays
    assert path.exists()
    time.sleep(1.1)
    delete_files_created_by_app(app, 1)  # the same sweep once the file is older than its age limit
    assert not path.exists()
