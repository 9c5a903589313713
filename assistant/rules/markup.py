"""Markdown that is safe to render (OWASP LLM05, improper output handling): model and user text shown by the app."""

from __future__ import annotations

import html
import re

_SAFE_SCHEMES = ("http", "https", "mailto")
# Elements whose content is code, not text: dropped whole (to the end of the text when never closed).
_BLOCKS = re.compile(r"<(script|style|iframe|object|embed|template|noscript)\b.*?(?:</\1\s*>|\Z)", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^\s<>]+)>", re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_IMAGE = re.compile(r"!\[([^\]]*)\]\s*(?:\([^)]*\)?|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]*)\]\(\s*([^)]*)\)")
_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(\S+).*$", re.M)


def _safe_url(url: str) -> bool:
    cleaned = re.sub(r"[\s\x00-\x1f]+", "", html.unescape(url)).strip("<>").lower()
    scheme = re.match(r"([a-z][a-z0-9+.\-]*):", cleaned)
    if scheme is None:
        return not cleaned.startswith("//")  # relative links and #anchors are fine; protocol-relative are remote
    return scheme.group(1) in _SAFE_SCHEMES


def sanitize_markdown(md: str) -> str:
    """Markdown safe to render: no raw HTML, no images (remote or not), no javascript:/data: links."""
    if not md:
        return ""
    text = _BLOCKS.sub("", md)
    text = _COMMENT.sub("", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = text.replace("<", "&lt;")  # what is left is not a tag: show it as text
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(
        lambda m: m.group(0) if _safe_url(m.group(2).split()[0] if m.group(2).split() else "") else m.group(1), text
    )
    text = _REF_DEF.sub(lambda m: m.group(0) if _safe_url(m.group(1)) else "", text)
    # Nested brackets ("![a [b] c](http://…)") escape the patterns above: whatever image syntax is left is
    # shown as text, and any remaining link whose target is unsafe loses its link syntax.
    text = text.replace("![", "!\\[")
    text = _TARGET.sub(lambda m: m.group(0) if _safe_url(m.group(1)) else "]\\(" + m.group(0)[2:], text)
    return text
