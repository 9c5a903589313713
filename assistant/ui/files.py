"""The app's files: a private temp dir for Gradio, downloads written on request, uploads read then deleted.

Files in Gradio's temp dir are downloadable by every user of the app, so it is a private folder (mode 0700) removed
at exit; notes never stay on disk (an uploaded file is read into the text box and deleted at once).
"""

from __future__ import annotations

import atexit
import os
import shutil
import stat
import tempfile
from pathlib import Path

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


def write_download(text: str, filename: str) -> str:
    """Write one download in its own folder under the private temp dir (Gradio serves files from there)."""
    folder = Path(tempfile.mkdtemp(prefix="download-", dir=private_temp_dir()))
    path = folder / filename
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return str(path)


def read_upload(path: str | None) -> str:
    """Read an uploaded notes file, then delete Gradio's copy of it: notes stay in memory only."""
    if not path:
        return ""
    try:
        from ..notes import read_notes_file

        return read_notes_file(path)
    finally:
        _delete_upload(path)


def _delete_upload(path: str) -> None:
    """Remove an uploaded file (and its per-upload folder) when it sits in Gradio's upload folder."""
    folder = os.environ.get("GRADIO_TEMP_DIR")
    p = Path(path).resolve()
    if not folder or not p.is_relative_to(Path(folder).resolve()):
        return  # not ours to delete (a test calling with its own file)
    p.unlink(missing_ok=True)
    try:
        p.parent.rmdir()  # Gradio puts each upload in its own hashed folder
    except OSError:
        pass


def example_files(pattern: str) -> dict[str, Path]:
    """The example files shipped in examples/ that match `pattern`, by file name."""
    return {p.name: p for p in sorted(bundled_dir("examples").glob(pattern))}
