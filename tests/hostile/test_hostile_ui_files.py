"""UI leftovers: downloads do not outlive their sweep, uploads neither leak paths nor overflow the notes box."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.ui.files import DOWNLOAD_TTL, private_temp_dir, read_upload, sweep_downloads, write_download


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    folder = tmp_path / "gradio"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(folder))
    monkeypatch.delenv("ASSISTANT_UI_TEMP_OWNED", raising=False)
    assert private_temp_dir() == folder
    return folder


def test_old_downloads_are_swept_when_the_next_one_is_written(private_tmp) -> None:
    old = Path(write_download("scorecard with a quote", "scorecard.md"))
    past = time.time() - DOWNLOAD_TTL - 10
    os.utime(old.parent, (past, past))
    fresh = Path(write_download("another", "job-ad.md"))
    assert not old.exists() and fresh.exists()
    assert sweep_downloads() == 0  # the fresh one stays


def test_upload_errors_do_not_show_the_server_path(private_tmp) -> None:
    upload = private_tmp / ("abc123" * 8) / "notes.bin"  # a hex hash, as Gradio names it
    upload.parent.mkdir()
    upload.write_bytes(b"\x00\x01binary")
    with pytest.raises(InputError) as exc:
        read_upload(str(upload))
    assert str(private_tmp) not in str(exc.value) and "notes.bin" in str(exc.value)
    assert not upload.exists()  # deleted even on error


def test_an_upload_longer_than_the_notes_box_is_refused_not_cut(private_tmp) -> None:
    upload = private_tmp / ("def456" * 8) / "long.txt"
    upload.parent.mkdir()
    upload.write_text("Très bonne maîtrise d'Excel. " * 30_000, encoding="utf-8")  # about 0.9 MB
    with pytest.raises(InputError, match="ASSISTANT_MAX_NOTES_CHARS") as exc:
        read_upload(str(upload), max_chars=20_000)
    assert str(private_tmp) not in str(exc.value) and not upload.exists()
