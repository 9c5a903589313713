"""The shared Markdown helpers: untrusted text rendered inert, flags, the status line."""

from __future__ import annotations

from typing import Any

import pytest
from ui_helpers import XSS_IMG, XSS_JS_LINK, XSS_MD_IMAGE, XSS_SCRIPT, live_link

from assistant.rules.models import Flag
from assistant.ui.i18n import catalog
from assistant.ui.render import citations_markdown, flags_markdown, inert, kind_label, quote_block, status_markdown


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
    assert out.startswith("### Flags (2)")
    assert out.index("ERROR") < out.index("WARNING")  # errors first
    assert "*Protected criterion (discrimination)*" in out and "Age is a protected criterion." in out
    assert "« 06 12 34 56 78 »" in out
    assert "<img" not in out and "&lt;img" in out
    assert flags_markdown([], empty="Nothing.") == "Nothing."
    assert flags_markdown([]) == "No flags." and flags_markdown([], lang="fr") == "Aucun signalement."


def test_flags_markdown_in_french_uses_the_french_message_and_labels() -> None:
    flags = [
        Flag(kind="prompt_injection", severity="error", message="Aimed at the AI.", message_fr="Vise l'IA."),
        Flag(kind="pii", severity="warning", message="Only in English."),  # no French: the English message
        Flag(kind="pay_history", severity="info", message="Past pay.", message_fr="Salaire passé."),
    ]
    out = flags_markdown(flags, lang="fr")
    assert out.startswith("### Signalements (3)")
    assert "**ERREUR** · *Instruction visant l'IA* — Vise l'IA." in out
    assert "**ATTENTION** · *Donnée personnelle* — Only in English." in out
    assert "*Historique de rémunération* — Salaire passé." in out
    assert "Aimed at the AI." not in out
    en = flags_markdown(flags, lang="en")
    assert "*Instruction aimed at the AI* — Aimed at the AI." in en and "Vise" not in en


def test_no_markdown_escape_shows_in_a_flag_kind() -> None:
    """`prompt\\_injection` in a code span showed its backslash: kinds are words now, never code."""
    for kind in ("prompt_injection", "gendered_wording", "pay_history", "unsupported_claim", "some_new_kind"):
        for lang in ("fr", "en"):
            label = kind_label(kind, lang)
            assert "_" not in label and "\\" not in label
            out = flags_markdown([Flag(kind=kind, message="m")], lang=lang)
            assert "`" not in out and "\\_" not in out
    assert kind_label("some_new_kind") == "Some new kind"
    assert {k.removeprefix("render.kind.") for k in catalog() if k.startswith("render.kind.")} >= {
        "discrimination",
        "gendered_wording",
        "title",
        "salary",
        "language",
        "date",
        "prompt_injection",
        "pii",
        "pay_history",
    }


def test_citations_heading_defaults_to_sources() -> None:
    from assistant.guide.models import Citation

    cites = [Citation(chunk_id="abc", section="Grille de salaire", text="2920 € brut")]
    assert citations_markdown(cites).startswith("**Sources**")
    assert citations_markdown(cites, heading="Guide passages used").startswith("**Guide passages used**")
    assert citations_markdown([], lang="fr") == ""


def test_status_says_backend_and_index(services: Any) -> None:
    out = status_markdown(services)
    assert "offline" in out and "**Index:** ready" in out and "passages of 'account-manager'" in out


def test_status_in_french(services: Any) -> None:
    out = status_markdown(services, lang="fr")
    assert out.startswith("**Moteur :** hors ligne (sans LLM")
    assert "**Index :** prêt — " in out and "passages du guide « account-manager »" in out
    assert "offline" not in out and "ready" not in out and "passages of" not in out


def test_status_says_when_the_index_is_not_ready(settings: Any) -> None:
    from assistant.errors import StoreError
    from assistant.services import Services

    class Broken(Services):
        @property
        def kb(self) -> Any:
            raise StoreError("No index yet: run `hiring-assistant ingest`.")

    out = status_markdown(Broken(settings=settings))
    assert "not ready" in out and "ingest" in out
    assert "pas prêt" in status_markdown(Broken(settings=settings), lang="fr")
