"""The app's files: uploads read then deleted, the private Gradio temp dir."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from ui_helpers import NOTES_FR

from assistant.errors import InputError
from assistant.ui import files
from assistant.ui.files import private_temp_dir, read_upload


def test_uploaded_notes_are_read_then_deleted(private_tmp: Path, tmp_path: Path) -> None:
    folder = private_tmp / ("ab12" * 16)  # Gradio names an upload folder by a hex hash
    folder.mkdir()
    upload = folder / "notes.txt"
    upload.write_text(NOTES_FR, encoding="utf-8")
    assert read_upload(str(upload)) == NOTES_FR
    assert not upload.exists() and not folder.exists()
    mine = tmp_path / "mine.txt"  # a file outside Gradio's upload folder is not ours to delete
    mine.write_text(NOTES_FR, encoding="utf-8")
    assert read_upload(str(mine)) == NOTES_FR and mine.exists()
    binary = private_tmp / ("cd34" * 16) / "b.txt"  # Gradio puts every upload in a folder of its own
    binary.parent.mkdir()
    binary.write_bytes(b"\x00\x01")
    with pytest.raises(InputError):
        read_upload(str(binary))
    assert not binary.exists()  # deleted even when unreadable
    assert read_upload(None) == ""


def test_private_temp_dir_is_0700_and_reused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GRADIO_TEMP_DIR", raising=False)
    monkeypatch.delenv("ASSISTANT_UI_TEMP_OWNED", raising=False)
    monkeypatch.setattr(files.tempfile, "tempdir", str(tmp_path))
    registered: list[Any] = []
    monkeypatch.setattr(files.atexit, "register", lambda *a, **k: registered.append(a))
    path = private_temp_dir()
    assert path.parent == tmp_path and stat.S_IMODE(path.stat().st_mode) == 0o700
    assert os.environ["GRADIO_TEMP_DIR"] == str(path) and private_temp_dir() == path
    assert registered and registered[0][1] == path  # removed at exit
    public = tmp_path / "public"
    public.mkdir(mode=0o755)
    public.chmod(0o755)
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(public))
    assert private_temp_dir() != public  # a world-readable dir is not used
