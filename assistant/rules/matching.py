"""Fast regex matching for long word lists: a literal prefilter per pattern, and word-start patterns
compiled without their leading \\b (checked in code), which Python's `re` scans several times faster.
"""

from __future__ import annotations

import re

try:  # the regex parser, for the prefilter below (public as sre_parse before Python 3.11)
    from re import _constants as _sc  # type: ignore[attr-defined]
    from re import _parser as _sp  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as _sc  # type: ignore[no-redef]
    import sre_parse as _sp  # type: ignore[no-redef]


def top_level_alternatives(pattern: str) -> list[str]:
    """Split a regex at its top-level `|` (outside groups and character classes)."""
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


# Prefilter: for each pattern, a set of literal strings one of which every match must contain. When none
# of them occurs in the text (a fast substring test), the pattern cannot match and is not run.


def _required(items: list) -> set[str] | None:
    """Literals one of which every match of the parsed sequence `items` contains (None: unknown)."""
    candidates: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is _sc.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append({run})
            run = ""
        if op is _sc.SUBPATTERN:
            sub = _required(list(av[-1]))
        elif op is _sc.BRANCH:
            alts = [_required(list(alt)) for alt in av[1]]
            sub = None if any(a is None for a in alts) else set().union(*alts)  # type: ignore[arg-type]
        elif op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT) and av[0] >= 1:
            sub = _required(list(av[2]))
        else:
            sub = None
        if sub:
            candidates.append(sub)
    if run:
        candidates.append({run})
    candidates = [c for c in candidates if c and min(map(len, c)) >= 2]
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def pattern_literals(pattern: str) -> tuple[str, ...] | None:
    """The prefilter literals of a pattern, or None when the pattern must always run."""
    try:
        found = _required(list(_sp.parse(pattern)))
    except Exception:  # an exotic construct: no prefilter
        return None
    return tuple(sorted(found)) if found else None


def may_match(literals: tuple[str, ...] | None, text: str) -> bool:
    """False when the prefilter proves that the pattern cannot match `text`."""
    return literals is None or any(lit in text for lit in literals)


def compile_word_start(pattern: str) -> re.Pattern[str]:
    """Compile a pattern whose alternatives all start with \\b, without that \\b.

    Python's `re` scans several times faster when a pattern starts with literals, so the left word
    boundary is checked in code instead (`starts_word`).
    """
    alternatives = top_level_alternatives(pattern)
    if not all(a.startswith("\\b") for a in alternatives):
        raise ValueError(f"every alternative must start with \\b: {pattern!r}")
    return re.compile("|".join(f"(?:{a[2:]})" for a in alternatives), re.MULTILINE)


def starts_word(text: str, pos: int) -> bool:
    """True when `pos` is the start of a word (the \\b that `compile_word_start` leaves out)."""
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "_")


__all__ = ["compile_word_start", "may_match", "pattern_literals", "starts_word", "top_level_alternatives"]
