"""Reading a user's text file (or standard input) with one set of clear errors for every command."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import InputError


def read_text_input(path: str | Path, *, what: str, max_bytes: int) -> str:
    """UTF-8 text from `path` ('-' = standard input; UTF-16 with a byte-order mark is read too); InputError if
    missing, too big, binary, not UTF-8 or empty.

    `what` names the content in messages ("interview notes", "brief", "ad"). CRLF becomes LF; a BOM is dropped.
    """
    if str(path) == "-":
        if sys.stdin is None:  # `<&-` under cron or systemd (stop 53's outside probe: a crash)
            raise InputError(f"standard input is closed: give a file instead of '-', or pipe the {what} in.")
        stream = getattr(sys.stdin, "buffer", None)
        data = stream.read(max_bytes + 1) if stream is not None else sys.stdin.read(max_bytes + 1).encode()
        where = "standard input"
    else:
        p = Path(path)
        if p.is_dir():
            raise InputError(f"{p}: is a folder; give the {what} file inside it.")
        if not p.exists():
            raise InputError(f"{p}: file not found.")
        if p.is_file() and p.stat().st_size > max_bytes:
            raise InputError(
                f"{p}: the file is {p.stat().st_size} bytes; the limit for the {what} is {max_bytes} bytes."
            )
        try:  # a regular file, or a pipe such as `<(cat ad.md)` or a FIFO: read at most one byte past the limit
            with p.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"{p}: cannot be read ({exc.strerror or exc}).") from None
        where = str(p)
    if len(data) > max_bytes:
        raise InputError(f"{where}: more than {max_bytes} bytes; the limit for the {what}.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 with its byte-order mark, as Windows Notepad saves "Unicode" text (stop 53's outside probe: it was
        # refused as a binary file)
        try:
            decoded = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: not valid UTF-16 text ({exc.reason}); save the {what} as UTF-8.") from exc
        # bytes that merely start like a byte-order mark decode to CJK-looking noise: text in the languages read
        # here is mostly Latin script (letters, digits, punctuation, spaces)
        latin = sum(1 for c in decoded if ord(c) < 0x250 or c.isspace() or 0x2000 <= ord(c) < 0x2070)
        if latin < 0.8 * len(decoded):
            raise InputError(f"{where}: looks like a binary file; give the {what} as UTF-8 text.")
        data = decoded.encode("utf-8")
    if b"\x00" in data:
        raise InputError(f"{where}: looks like a binary file; give the {what} as UTF-8 text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start}); save the {what} as UTF-8."
        ) from exc
    if not text.strip():
        raise InputError(f"{where} is empty: it holds no {what}.")
    return text.replace("\r\n", "\n")
