"""Markdown for the page: everything a user, a model or the guide wrote is rendered inert.

HTML is escaped and Markdown links and images are neutralised, so no script runs, no remote image loads and no
link is made from untrusted text. Our own words (headings, labels, the status line) come from the i18n catalog in the
page's language (`lang`, English by default for callers that do not say).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import AssistantError
from ..rules.models import KIND_LABELS
from .i18n import error_text, localize, normalize, register, register_messages, t

if TYPE_CHECKING:
    from ..guide.models import Citation
    from ..rules.models import Flag
    from ..services import Services

TEXTS = register(
    {
        "render.flags": ("Signalements ({n})", "Flags ({n})"),
        "render.no_flags": ("Aucun signalement.", "No flags."),
        "render.sources": ("Sources", "Sources"),
        "render.severity.error": ("ERREUR", "ERROR"),
        "render.severity.warning": ("ATTENTION", "WARNING"),
        "render.severity.info": ("À NOTER", "NOTE"),
        # A flag's kind, as a reader says it (the stable name stays in the JSON): never `prompt\_injection`.
        **{f"render.kind.{kind}": pair for kind, pair in KIND_LABELS.items()},
        "render.status.backend": ("Moteur", "Backend"),
        "render.status.index": ("Index", "Index"),
        "render.status.unusable": ("inutilisable : {error}", "not usable: {error}"),
        "render.status.ready": ("prêt — {description}", "ready — {description}"),
        "render.status.not_ready": ("pas prêt : {error}", "not ready: {error}"),
        "render.status.kb": ("{n} passages du guide « {guide} », {mode}", "{n} passages of '{guide}', {mode}"),
        "render.status.hybrid": ("recherche hybride (vecteurs {embedder} + BM25)", "hybrid (dense {embedder} + BM25)"),
        "render.status.bm25": ("recherche BM25 seule", "BM25 only"),
    }
)

# The backend's description (assistant/llm.py describe_backend, assistant/services.py), on the status line and inside
# the LLM's error messages. Model names, URLs and backend names (openai, openai-compatible, local) stay as they are.
register_messages(
    "assistant/llm.py",
    {
        "msg.backend.offline": (
            "hors ligne (sans LLM : moteur extractif et à base de règles)",
            "offline (no LLM: extractive and rule-based engine)",
        ),
        "msg.backend.local_running": ("llama.cpp dans le processus @ {url})", "llama.cpp in-process @ {url})"),
        "msg.backend.local_later": (
            "llama.cpp dans le processus, démarré à la première utilisation",
            "llama.cpp in-process, started on first use",
        ),
    },
)
register_messages(
    "assistant/services.py", {"msg.backend.caller": ("modèle fourni par l'appelant", "model given by the caller")}
)

EXCERPT_CHARS = 400  # citation passages are cut to this in the chat; the full passage is in the guide

_MD_SPECIALS = re.compile(r"([\\`*_\[\]|~@])")  # no link or image without [ ]; no e-mail autolink without @


def inert(text: object) -> str:
    """Text from a user, a model or the guide, made safe to embed in Markdown: shown verbatim, never interpreted.

    HTML is escaped (no tag, no `<img onerror>`, no autolink) and Markdown punctuation is backslash-escaped, so
    `![x](http://host/a.png)` or `[x](javascript:...)` show as text: no remote image loads, no link is made.
    """
    escaped = html.escape(str(text), quote=False)
    return _MD_SPECIALS.sub(r"\\\1", escaped)


def quote_block(text: str, limit: int | None = None) -> str:
    """A Markdown blockquote of untrusted text, cut to `limit` characters."""
    text = text.strip()
    if limit and len(text) > limit:
        text = text[:limit].rstrip() + "…"
    return "\n".join("> " + inert(line) if line.strip() else ">" for line in text.split("\n"))


def safe_markdown(markdown: str) -> str:
    """Markdown we generated from untrusted parts (an ad, a summary), sanitised by the rules' markup module."""
    from ..rules.markup import sanitize_markdown

    return sanitize_markdown(markdown)


def kind_label(kind: str, lang: str = "en") -> str:
    """A flag kind as words ("Instruction aimed at the AI"); an unknown kind with spaces for its underscores."""
    try:
        return t(f"render.kind.{kind}", lang)
    except KeyError:
        return kind.replace("_", " ").strip().capitalize() or "?"


def severity_label(severity: str, lang: str = "en") -> str:
    """ERROR / ERREUR, WARNING / ATTENTION, NOTE / À NOTER."""
    try:
        return t(f"render.severity.{severity}", lang)
    except KeyError:
        return severity.upper()


def flags_markdown(flags: Sequence[Flag], *, empty: str | None = None, lang: str = "en") -> str:
    """Flags as a list: severity, kind, message (in `lang` when the flag has it) and the offending text quoted.

    `empty` is shown when there is no flag (default: the catalog's "No flags." in `lang`).
    """
    if not flags:
        return t("render.no_flags", lang) if empty is None else empty
    order = {"error": 0, "warning": 1, "info": 2}
    lines = ["### " + t("render.flags", lang, n=len(flags))]
    for f in sorted(flags, key=lambda f: order.get(f.severity, 3)):
        lines.append(
            f"- **{inert(severity_label(f.severity, lang))}** · *{inert(kind_label(f.kind, lang))}* — "
            f"{inert(f.text(lang))}"
        )
        if f.evidence:
            lines.append(f"  <br>« {inert(f.evidence)} »")
    return "\n".join(lines)


def citations_markdown(
    citations: Sequence[Citation], *, heading: str | None = None, limit: int = EXCERPT_CHARS, lang: str = "en"
) -> str:
    """Numbered guide passages: section in bold, the passage quoted (heading default: "Sources")."""
    if not citations:
        return ""
    parts = [f"**{t('render.sources', lang) if heading is None else heading}**"]
    for n, c in enumerate(citations, 1):
        parts.append(f"**[{n}] {inert(c.section)}**\n{quote_block(c.text, limit)}")
    return "\n\n".join(parts)


def status_markdown(services: Services, *, lang: str = "en") -> str:
    """The active backend and whether the index is ready, for the top of every page.

    The backend's description, error messages and the index's warning are the code's English, localized by the
    message catalog (a configured model's name, a URL or a path stay as they are).
    """
    lang = normalize(lang)
    try:
        backend = localize(services.backend_description, lang)
    except AssistantError as exc:
        backend = t("render.status.unusable", lang, error=error_text(exc, lang))
    try:
        kb = services.kb
        index = t("render.status.ready", lang, description=_describe_kb(kb, lang))
        if kb.warning:
            index += f" ({localize(kb.warning, lang)})"
    except AssistantError as exc:
        index = t("render.status.not_ready", lang, error=error_text(exc, lang))
    sep = " :" if lang == "fr" else ":"  # French typography: a space before the colon
    return (
        f"**{t('render.status.backend', lang)}{sep}** {inert(backend)}  \n"
        f"**{t('render.status.index', lang)}{sep}** {inert(index)}"
    )


def _describe_kb(kb: object, lang: str) -> str:
    """What `KnowledgeBase.describe()` says, in `lang`; describe() itself when the parts are not there."""
    chunks, guide = getattr(kb, "chunks", None), getattr(getattr(kb, "guide", None), "id", None)
    if lang == "en" or chunks is None or guide is None:
        return kb.describe()  # type: ignore[attr-defined]
    embedder = getattr(kb, "embedder", None)
    if getattr(kb, "dense", False) and embedder is not None:
        mode = t("render.status.hybrid", lang, embedder=getattr(embedder, "name", "?"))
    else:
        mode = t("render.status.bm25", lang)
    text = t("render.status.kb", lang, n=len(chunks), guide=guide, mode=mode)
    store = getattr(kb, "store", None)
    return f"{text}, {_store_fr(store)}" if store else text


_STORES_FR = (
    ("embedded chroma at ", "Chroma intégré dans "),
    ("chroma server ", "serveur Chroma "),
    ("no vector store", "sans base vectorielle"),
)


def _store_fr(store: str) -> str:
    """guide.store.store_label's English, in French (a path or host stays as it is)."""
    for en, fr in _STORES_FR:
        if store.startswith(en):
            return fr + store[len(en) :]
    return store
