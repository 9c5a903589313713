"""An ad in HTML (the project's own export, or a page saved from a job board), read as a reader sees it.

The linter checks what a reader sees: the document head, scripts (the JSON-LD repeats the ad) and tags are left
out, entities are decoded, the <h1> text is the title. Offsets of flags still refer to the HTML as given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Flag

# An HTML ad (the project's own export, or a page saved from a job board) is linted on what a reader sees: the
# document head, scripts (the JSON-LD repeats the ad) and tags are left out, entities are decoded, the <h1> text is
# the title. Offsets of flags still refer to the HTML as given; their evidence is the text as read.
_HTML_START = re.compile(
    r"\s*<(?:!doctype\s+html|html|head|body|article|main|section|div|header|h[1-6]|p|ul|ol|table|span|strong|b|em)[\s>]",
    re.IGNORECASE,
)
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]{0,30})")
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_HIDDEN_ELEMENTS = frozenset({"head", "script", "style", "template", "noscript", "title"})
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd div dl dt fieldset figcaption figure footer form header hr html li "
    "main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)


def looks_like_html(text: str) -> bool:
    """True for an HTML document or fragment: it starts with a doctype or a structural tag (Markdown does not)."""
    return bool(_HTML_START.match(text[:2000]))


@dataclass(frozen=True)
class HtmlText:
    """The visible text of an HTML ad, as Markdown-like lines, and where each of its characters comes from."""

    text: str
    starts: tuple[int, ...]  # for each character of `text`, its start in the HTML
    ends: tuple[int, ...]  # and its end (an entity is several HTML characters; a line break made for a tag, none)

    def span_to_html(self, start: int, end: int) -> tuple[int, int]:
        """The HTML span of the visible span [start, end)."""
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return at, at
        return self.starts[start], max(self.starts[start], self.ends[end - 1])

    @classmethod
    def of(cls, html: str) -> HtmlText:
        """One linear pass: tags become line breaks (block) or nothing (inline), `<h1>` becomes `# `, `<h2>`-`<h6>`
        `## `, `<li>` `- `; comments, the head, scripts and styles are dropped; entities are decoded."""
        import html as html_lib

        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []

        def emit(chars: str, start: int, end: int) -> None:
            for ch in chars:
                out.append(ch)
                starts.append(start)
                ends.append(end)

        lower = html.lower()
        n = len(html)
        i = 0
        no_close_after = n + 1  # once no '>' is left, every later '<' is text (keeps the pass linear)
        while i < n:
            ch = html[i]
            if ch == "<" and i < no_close_after:
                if html.startswith("<!--", i):
                    close = html.find("-->", i + 4)
                    i = n if close < 0 else close + 3
                    continue
                if html.startswith(("<!", "<?"), i):
                    close = html.find(">", i)
                    if close < 0:
                        no_close_after = i
                        continue
                    i = close + 1
                    continue
                m = _TAG_NAME.match(html, i)
                if m:
                    close = html.find(">", m.end())
                    if close < 0:
                        no_close_after = i
                        continue
                    closing, name = m.group(1) == "/", m.group(2).lower()
                    if not closing and name in _HIDDEN_ELEMENTS:
                        end_tag = lower.find(f"</{name}", close + 1)
                        end_close = html.find(">", end_tag) if end_tag >= 0 else -1
                        i = n if end_close < 0 else end_close + 1
                        continue
                    if name == "h1" and not closing:
                        emit("\n# ", i, i)
                    elif name in ("h2", "h3", "h4", "h5", "h6") and not closing:
                        emit("\n## ", i, i)
                    elif name == "li" and not closing:
                        emit("\n- ", i, i)
                    elif name in _BLOCK_TAGS or name[:1] == "h" and name[1:].isdigit():
                        emit("\n", i, i)
                    i = close + 1
                    continue
            if ch == "&":
                m = ENTITY.match(html, i)
                if m:
                    decoded = html_lib.unescape(m.group())
                    if decoded != m.group():
                        emit(decoded, i, m.end())
                        i = m.end()
                        continue
            emit(ch, i, i + 1)
            i += 1
        return cls("".join(out), tuple(starts), tuple(ends))

    def flag_to_html(self, flag: Flag) -> Flag:
        """`flag` with its offsets moved from the visible text to the HTML."""
        if flag.start is None or flag.end is None:
            return flag
        start, end = self.span_to_html(flag.start, flag.end)
        return flag.model_copy(update={"start": start, "end": end})


_HTML_LANG = re.compile(r"<(?:html|article|body)\b[^>]{0,200}?\blang=[\"']?([a-zA-Z]{2})\b", re.IGNORECASE)


def readable(text: str, language: str | None) -> tuple[str, str | None, HtmlText | None]:
    """(text the rules read, its language or None, the HTML mapping or None) of an ad in Markdown or HTML."""
    if not looks_like_html(text):
        return text, language, None
    visible = HtmlText.of(text)
    if language is None:
        m = _HTML_LANG.search(text[:5000])
        if m and m.group(1).lower() in ("fr", "en"):
            language = m.group(1).lower()
    return visible.text, language, visible
