"""The "Débrief" tab in a real browser (Debian's chromium driven by playwright; never `playwright install`): two
uploaded scorecards that disagree, the side-by-side view, the statement, a download without the planted phone number.
The whole app is served (tests/ui/conftest.py `served`); the page opens in French and switches to English.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "debrief"))
from debrief_helpers import AGE_FLAG, PHONE, PHONE_FLAG, scorecard  # noqa: E402
from ui_helpers import SCREENSHOTS, TIMEOUT_MS, XSS_IMG, XSS_MD_IMAGE, XSS_SCRIPT  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_a_debrief_of_two_scorecards_that_disagree(
    browser: Any, served: tuple[Any, str], framework: Any, tmp_path: Path, private_tmp: Path
) -> None:
    debrief_url = served[1]
    ids = framework.competency_ids
    alice = scorecard(
        ids,
        {
            "english": {"rating": 5, "quotes": [(f"Anglais courant {XSS_SCRIPT} {XSS_IMG}", "positive")]},
            "listening": {"rating": 4, "quotes": [("Très à l'écoute", "positive")]},
        },
        flags=[AGE_FLAG, PHONE_FLAG],
        interviewer="Alice",
    )
    bob = scorecard(
        ids,
        {
            "english": {"rating": 2, "quotes": [(f"Anglais hésitant à l'oral {XSS_MD_IMAGE}", "negative")]},
            "listening": {"rating": 4, "quotes": [("Reformule les besoins", "positive")]},
        },
        interviewer="Bob",
    )
    files = []
    for name, doc in (("alice-scorecard.json", alice), ("bob-scorecard.json", bob)):
        path = tmp_path / name
        path.write_text(json.dumps(doc), encoding="utf-8")
        files.append(str(path))

    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(debrief_url)
        page.get_by_role("tab", name=re.compile("D[ée]brief")).click()
        page.locator("#debrief-statement").wait_for()
        page.locator("#debrief-upload input[type=file]").set_input_files(files)
        loaded = page.locator("#debrief-loaded")
        loaded.get_by_text("Alice, Bob").wait_for()
        assert not list(private_tmp.rglob("*-scorecard.json"))  # Gradio's copies were deleted once read
        page.locator("#debrief-go").click()
        view = page.locator("#debrief-view")
        view.get_by_text("désaccord", exact=False).first.wait_for()
        text = view.inner_text()
        # side by side: one column per interviewer, English disagrees (5 vs 2), listening agrees (4 and 4)
        assert "Alice" in text and "Bob" in text
        english = view.locator("tr", has_text=framework.competency("english").label.get("fr")).first
        assert "≠ désaccord" in english.inner_text() and "5/5" in english.inner_text() and "2/5" in english.inner_text()
        listening = view.locator("tr", has_text=framework.competency("listening").label.get("fr")).first
        assert "✓ accord" in listening.inner_text()
        assert "Compétences que personne n'a évaluées" in text
        assert "[âge]" in text and "[téléphone]" in text and PHONE not in text and "45 ans" not in text
        assert "La décision reste aux personnes" in page.locator("#debrief-statement").inner_text()
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "debrief.png"), full_page=True)
        # the download, written on request, named by date, without the planted phone number
        page.locator("#debrief-dl-md").click()
        link = page.locator("#debrief-download a").first
        link.wait_for()
        with page.expect_download() as download:
            link.click()
        assert download.value.suggested_filename.startswith("debrief-")
        body = Path(download.value.path()).read_text(encoding="utf-8")
        assert body.startswith("# Débrief d'entretiens") and PHONE not in body and "45 ans" not in body
        # the header's FR | EN toggle shows the same debrief in English, nothing scored again
        page.get_by_role("radio", name="EN").check()
        view.get_by_text("≠ disagree").wait_for()
        assert "désaccord" not in view.inner_text() and "Competencies nobody assessed" in view.inner_text()
        # nothing ran, nothing left the app's host
        assert page.evaluate("() => window.__xss === undefined") and dialogs == []
        host = urlsplit(debrief_url).netloc
        assert [u for u in requests if not u.startswith(("data:", "blob:")) and urlsplit(u).netloc != host] == []
        assert page.locator("img[src*='evil.example'], img[src='x'], a[href*='evil.example']").count() == 0
    finally:
        context.close()
