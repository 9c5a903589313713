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
# (stop 39) HTML's own element names, current and obsolete: a word in angle brackets that is none of them, nor a
# custom element (with a hyphen) nor a namespaced tag (Word's <o:p>), is text: « Ouvert à tous, <sauf> femmes
# enceintes. » must not read « Ouvert à tous, femmes enceintes. ».
HTML_ELEMENTS = frozenset(
    """
    a abbr acronym address applet area article aside audio b base basefont bdi bdo big blink blockquote body br button
    canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed
    fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe
    img input ins isindex kbd keygen label legend li link listing main map mark marquee menu meta meter nav nobr
    noembed noframes noscript object ol optgroup option output p param picture plaintext pre progress q rb rp rt rtc
    ruby s samp script search section select slot small source span strike strong style sub summary sup svg table
    tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp math path g
    """.split()
)


# (stop 40) Elements a browser shows on a line of their own: their tags read as a line break, not as nothing (« <p>Ouvert
# à tous</p><p>Pas de femmes enceintes.</p> » is two lines). A « <br> » breaks a line, often inside a sentence
# (« Poste ouvert à tous,<br>y compris aux personnes handicapées. »): it reads as a space, so « Ouvert à
# tous<br>Pas de femmes enceintes. » reads « tous Pas », not « tousPas » (review of stop 40).
LINE_ELEMENTS = frozenset(
    """
    address article aside blockquote caption dd details dialog div dl dt fieldset figcaption figure footer form
    h1 h2 h3 h4 h5 h6 header hr legend li main nav ol p pre section summary table tbody td tfoot th thead tr ul
    """.split()
)


def _is_tag_name(name: str) -> bool:
    low = name.lower()
    return low in HTML_ELEMENTS or "-" in low or ":" in low


_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9:\-]{0,30})")


def _reads_as(piece: str) -> str:
    """What a tag MARKUP_OR_ENTITY matched reads as: a line break for one of LINE_ELEMENTS (opening, closing or
    self-closing), a space for « <br> », else nothing ("")."""
    name = _TAG_NAME.match(piece)
    low = name.group(1).lower() if name is not None else ""
    return "\n" if low in LINE_ELEMENTS else " " if low == "br" else ""


def is_bracketed_words(piece: str) -> bool:
    """Whether a piece MARKUP_OR_ENTITY matched is words in angle brackets rather than a tag (« <sauf> »)."""
    if not piece.startswith("<") or piece.startswith("<!--"):
        return False
    name = _TAG_NAME.match(piece)
    return name is not None and not _is_tag_name(name.group(1))


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
        if is_bracketed_words(m.group(0)):
            # words in angle brackets, not a tag: read as the words, the brackets as spaces (« <pas> de » reads
            # « pas de »), each character from its own place (HTML_ELEMENTS)
            piece = m.group(0)
            opener = 2 if piece.startswith("</") else 1
            closer = 2 if piece.endswith("/>") else 1
            out.append(" " * opener + piece[opener:-closer] + " " * closer)
            starts.extend(range(m.start(), m.end()))
            ends.extend(range(m.start() + 1, m.end() + 1))
        elif m.group(0).startswith("<") and not m.group(0).startswith("<!--") and (gap := _reads_as(m.group(0))):
            out.append(gap)
            starts.append(m.start())
            ends.append(m.end())
        elif m.group("entity") is not None:
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
