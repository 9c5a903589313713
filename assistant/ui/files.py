"""The app's files: a private temp dir for Gradio, downloads written on request, uploads read then deleted.

Files in Gradio's temp dir are downloadable by every user of the app, so it is a private folder (mode 0700) removed
at exit; notes never stay on disk (an uploaded file is read into the text box and deleted at once).
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import stat
import tempfile
import time
from pathlib import Path

from ..errors import InputError
from ..settings import bundled_dir


def private_temp_dir() -> Path:
    """The app's private GRADIO_TEMP_DIR (mode 0700), created on first call and removed at exit."""
    current = os.environ.get("GRADIO_TEMP_DIR")
    if current and os.environ.get("ASSISTANT_UI_TEMP_OWNED") == current:
        return Path(current)
    if current and Path(current).is_dir() and stat.S_IMODE(Path(current).stat().st_mode) & 0o077 == 0:
        return Path(current)  # already private (a test's tmp dir, or set by the user): keep it
    path = Path(tempfile.mkdtemp(prefix="hiring-assistant-ui-"))
    path.chmod(0o700)
    os.environ["GRADIO_TEMP_DIR"] = str(path)
    os.environ["ASSISTANT_UI_TEMP_OWNED"] = str(path)
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


DOWNLOAD_TTL = 300  # seconds a download stays on disk: it is written when the user clicks, and served at once


def sweep_downloads(max_age: float = DOWNLOAD_TTL) -> int:
    """Delete downloads older than `max_age` seconds; returns how many went. Gradio's own sweep does not cover
    files the app writes itself, and a scorecard must not stay on disk."""
    cutoff = time.time() - max_age
    removed = 0
    for folder in private_temp_dir().glob("download-*"):
        try:
            if folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        except OSError:
            continue  # removed meanwhile by another request
    return removed


def write_download(text: str, filename: str) -> str:
    """Write one download in its own folder under the private temp dir (Gradio serves files from there); older
    downloads are swept first."""
    sweep_downloads()
    folder = Path(tempfile.mkdtemp(prefix="download-", dir=private_temp_dir()))
    path = folder / filename
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return str(path)


def read_upload(path: str | None, max_chars: int | None = None) -> str:
    """Read an uploaded notes file, then delete Gradio's copy of it: notes stay in memory only.

    Errors name the file, never the server's temp path; text longer than `max_chars` is refused, not cut."""
    if not path:
        return ""
    name = Path(path).name
    try:
        from ..notes import read_notes_file

        text = read_notes_file(path)
    except InputError as exc:
        raise InputError(str(exc).replace(str(path), name).replace(str(Path(path).parent), "")) from None
    finally:
        delete_upload(path)
    if max_chars is not None and len(text) > max_chars:
        raise InputError(
            f"{name}: {len(text):,} characters; the limit for interview notes is {max_chars:,} "
            "(ASSISTANT_MAX_NOTES_CHARS). Upload a shorter file."
        )
    return text


MAX_UPLOAD_PATH = 4096
_UPLOAD_FOLDER = re.compile(r"[0-9a-f]{16,128}")
"""The folder Gradio makes for each upload, right under its temp dir: a hexadecimal hash."""


def delete_upload(path: object) -> None:
    """Remove an uploaded file (and its per-upload folder, when empty) when it is a file of an upload folder of
    Gradio's temp dir: never the temp dir itself, a folder, a download, or anything outside (the path may come from a
    hostile payload: review of stop 54). Never raises."""
    folder = os.environ.get("GRADIO_TEMP_DIR")
    if not folder or not isinstance(path, str) or len(path) > MAX_UPLOAD_PATH:
        return  # (review of stop 54) resolving a hostile 1 MB path took seconds
    try:
        root = Path(folder).resolve()
        p = Path(path).resolve()  # `..` and symbolic links resolved before any check
        if p.parent.parent != root or not _UPLOAD_FOLDER.fullmatch(p.parent.name):
            return  # not an upload of ours (a test calling with its own file, or a payload aiming elsewhere)
        if not p.is_file():
            return
        p.unlink(missing_ok=True)
        p.parent.rmdir()  # Gradio puts each upload in its own hashed folder: removed once empty
    except (OSError, ValueError):  # not empty, gone meanwhile, a NUL byte or a name too long
        pass


def example_files(pattern: str) -> dict[str, Path]:
    """The example files shipped in examples/ that match `pattern`, by file name."""
    return {p.name: p for p in sorted(bundled_dir("examples").glob(pattern))}
