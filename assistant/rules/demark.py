"""Text read without its inline markup: Markdown emphasis, inline HTML tags and comments taken out, entities decoded,
with a map back to the text as written.

A Markdown ad or interview notes may hold markup inside a phrase: « moins de **35** ans », « en*cein*te »,
« en<b>ceinte</b> », « 45&nbsp;ans » hide a protected criterion from the word lists (review of da93473). The ad
linter and the notes check read the text this way a second time; their flags quote the text as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape as html_unescape

from .html import ENTITY

MARKUP_OR_ENTITY = re.compile(
    # a tag's name may hold « : » or « - » (Word's <o:p>, custom elements) and a quoted attribute value « > »
    # a comment of any length; an unterminated one runs to the end, as a browser reads it (linear: the match never
    # fails, so no opener is rescanned)
    r"<!--.*?(?:-->|\Z)|</?[A-Za-z][A-Za-z0-9:\-]{0,30}(?:\s(?:[^<>\"'\n]|\"[^\"<\n]{0,200}\"|'[^'<\n]{0,200}'){0,200})?/?>"
    r"|[*_~`]{1,3}|(?P<entity>" + ENTITY.pattern + ")",
    re.S,
)
MARKUP_CHARS = "<*_~`&"
"""Every piece of MARKUP_OR_ENTITY starts with one of these: a text with none of them reads the same."""


@dataclass(frozen=True)
class Demarked:
    """A text without its inline markup, and where each of its characters comes from in the text as written."""

    text: str
    """The text read without markup, entities decoded."""
    starts: list[int]
    """For each character of `text`, the offset in the text as written of what it comes from."""
    ends: list[int]
    """For each character of `text`, the end offset in the text as written of what it comes from (past the whole
    entity for a decoded one)."""

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the text as written that [start, end) of `text` reads (markup inside it included)."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def demarked(text: str) -> Demarked:
    """`text` without inline markup and with common entities decoded (see MARKUP_OR_ENTITY)."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in MARKUP_OR_ENTITY.finditer(text):
        out.append(text[pos : m.start()])
        starts.extend(range(pos, m.start()))
        ends.extend(range(pos + 1, m.start() + 1))
        if m.group("entity") is not None:
            decoded = html_unescape(m.group(0))
            # every space-like character reads as a space (« 35&thinsp;ans », « &#8239; »); an invisible one (&shy;)
            # as nothing, as the sanitiser reads it
            decoded = " " if decoded.isspace() else decoded
            if decoded == m.group(0):
                out.append(m.group(0))
                starts.extend(range(m.start(), m.end()))
                ends.extend(range(m.start() + 1, m.end() + 1))
            else:
                # every character it decodes to comes from the whole entity (« &fjlig; » reads « fj »; « &notes; »
                # reads « ¬es; », the legacy « &not »): one map entry each, so the map stays aligned
                out.append(decoded)
                starts.extend([m.start()] * len(decoded))
                ends.extend([m.end()] * len(decoded))
        pos = m.end()
    out.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return Demarked("".join(out), starts, ends)


def without_inline_markup(text: str) -> str:
    """`text` without inline Markdown/HTML markup, common entities decoded (see `demarked`)."""
    return demarked(text).text


__all__ = ["MARKUP_CHARS", "MARKUP_OR_ENTITY", "Demarked", "demarked", "without_inline_markup"]
