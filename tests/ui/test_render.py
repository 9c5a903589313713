"""The shared Markdown helpers: untrusted text rendered inert, flags, the status line."""

from __future__ import annotations

from typing import Any

import pytest
from ui_helpers import XSS_IMG, XSS_JS_LINK, XSS_MD_IMAGE, XSS_SCRIPT, live_link

from assistant.rules.models import Flag
from assistant.ui.render import flags_markdown, inert, quote_block, status_markdown


@pytest.mark.parametrize("payload", [XSS_SCRIPT, XSS_IMG, XSS_MD_IMAGE, XSS_JS_LINK])
def test_inert_leaves_no_tag_link_or_image(payload: str) -> None:
    out = inert(payload)
    assert "<" not in out and ">" not in out.replace("&gt;", "")
    assert not live_link(out)  # no Markdown link or image can form: the brackets are escaped
    assert "\\[" in out or "&lt;" in out


def test_quote_block_cuts_and_quotes_every_line() -> None:
    out = quote_block("one\n\n<b>two</b>\n" + "x" * 50, limit=20)
    assert out.startswith("> one\n>\n> &lt;b&gt;two")
    assert out.endswith("…")


def test_flags_markdown_lists_severity_kind_message_and_quote() -> None:
    flags = [
        Flag(kind="pii", severity="warning", message="A phone number.", evidence="06 12 34 56 78"),
        Flag(kind="discrimination", severity="error", message="Age is a protected criterion.", evidence=XSS_IMG),
    ]
    out = flags_markdown(flags)
    assert out.index("ERROR") < out.index("WARNING")  # errors first
    assert "`discrimination`" in out and "Age is a protected criterion." in out
    assert "« 06 12 34 56 78 »" in out
    assert "<img" not in out and "&lt;img" in out
    assert flags_markdown([], empty="Nothing.") == "Nothing."


def test_status_says_backend_and_index(services: Any) -> None:
    out = status_markdown(services)
    assert "offline" in out and "**Index:** ready" in out and "passages of 'account-manager'" in out


def test_status_says_when_the_index_is_not_ready(settings: Any) -> None:
    from assistant.errors import StoreError
    from assistant.services import Services

    class Broken(Services):
        @property
        def kb(self) -> Any:
            raise StoreError("No index yet: run `hiring-assistant ingest`.")

    out = status_markdown(Broken(settings=settings))
    assert "not ready" in out and "ingest" in out
