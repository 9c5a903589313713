"""Markdown for the page: everything a user, a model or the guide wrote is rendered inert.

HTML is escaped and Markdown links and images are neutralised, so no script runs, no remote image loads and no
link is made from untrusted text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import AssistantError

if TYPE_CHECKING:
    from ..guide.models import Citation
    from ..rules.models import Flag
    from ..services import Services

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


def flags_markdown(flags: Sequence[Flag], *, empty: str = "No flags.") -> str:
    """Flags as a list: severity, kind, message and the offending text quoted."""
    if not flags:
        return empty
    order = {"error": 0, "warning": 1, "info": 2}
    lines = [f"### Flags ({len(flags)})"]
    for f in sorted(flags, key=lambda f: order.get(f.severity, 3)):
        lines.append(f"- **{inert(f.severity.upper())}** · `{inert(f.kind)}` — {inert(f.message)}")
        if f.evidence:
            lines.append(f"  <br>« {inert(f.evidence)} »")
    return "\n".join(lines)


def citations_markdown(citations: Sequence[Citation], *, heading: str = "Sources", limit: int = EXCERPT_CHARS) -> str:
    """Numbered guide passages: section in bold, the passage quoted."""
    if not citations:
        return ""
    parts = [f"**{heading}**"]
    for n, c in enumerate(citations, 1):
        parts.append(f"**[{n}] {inert(c.section)}**\n{quote_block(c.text, limit)}")
    return "\n\n".join(parts)


def status_markdown(services: Services) -> str:
    """The active backend and whether the index is ready, for the top of every page."""
    try:
        backend = services.backend_description
    except AssistantError as exc:
        backend = f"not usable: {exc}"
    try:
        kb = services.kb
        index = f"ready — {kb.describe()}"
        if kb.warning:
            index += f" ({kb.warning})"
    except AssistantError as exc:
        index = f"not ready: {exc}"
    return f"**Backend:** {inert(backend)}  \n**Index:** {inert(index)}"
