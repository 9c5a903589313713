"""Notes input and preparation: reading files, validating text and stage, marking the flagged sentences."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from notes_helpers import DISCRIMINATION, INJECTION, NOTES_FR

from assistant.errors import InputError
from assistant.notes import read_notes_file, summarize_notes
from assistant.notes.prepare import prepare


def test_read_notes_file_utf8_and_bom(tmp_path: Path):
    path = tmp_path / "notes.txt"
    path.write_bytes("\ufeffTrès bonne écoute.\r\nAnglais courant.".encode())
    assert read_notes_file(path) == "Très bonne écoute.\nAnglais courant."


@pytest.mark.parametrize(
    "payload, message",
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"), ("Très bonne écoute".encode("latin-1"), "UTF-8")],
)
def test_read_notes_file_rejects_binary_and_non_utf8(tmp_path: Path, payload: bytes, message: str):
    path = tmp_path / "notes.bin"
    path.write_bytes(payload)
    with pytest.raises(InputError, match=message):
        read_notes_file(path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_read_notes_file_reads_utf16_with_its_byte_order_mark(tmp_path: Path, encoding: str):
    """(stop 53's outside probe) Notepad's "Unicode" (UTF-16 with a BOM) was refused as a binary file."""
    path = tmp_path / "notes.txt"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + "Très bonne écoute.\r\nAnglais courant.\r\n".encode(encoding))
    assert read_notes_file(path) == "Très bonne écoute.\nAnglais courant.\n"


def test_read_notes_file_says_what_an_empty_file_lacks(tmp_path: Path):
    path = tmp_path / "notes.txt"
    path.write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match="is empty: it holds no interview notes"):
        read_notes_file(path)


def test_read_notes_file_missing_and_stdin(tmp_path: Path, monkeypatch):
    with pytest.raises(InputError, match="not found"):
        read_notes_file(tmp_path / "nope.txt")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Anglais courant.\n")))
    assert read_notes_file("-") == "Anglais courant.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe\x00bad")))
    with pytest.raises(InputError):
        read_notes_file("-")


@pytest.mark.parametrize("notes", ["", "   \n\t ", "... --- !!! ?", "\u200b\u200b", None, b"bytes", 42, ["a"]])
def test_bad_notes_fail_before_any_llm_call(llm_services, notes):
    services, model = llm_services()
    with pytest.raises(InputError):
        summarize_notes(notes, services)  # type: ignore[arg-type]
    assert model.calls == []


def test_notes_over_the_limit_fail_before_any_llm_call(settings, llm_services, monkeypatch):
    monkeypatch.setattr(settings, "max_notes_chars", 100)  # ASSISTANT_MAX_NOTES_CHARS=100 for this test's services
    services, model = llm_services()
    with pytest.raises(InputError, match="limit is 100"):
        summarize_notes("Anglais courant. " * 10, services)
    assert model.calls == []


def test_unknown_stage_is_an_input_error(services):
    with pytest.raises(InputError, match="stage"):
        summarize_notes(NOTES_FR, services, stage="lunch")


def test_prepare_marks_only_flagged_sentences():
    notes = "Très bonne écoute. " + DISCRIMINATION + " Anglais courant.\n- " + INJECTION + "\n- Réactif."
    prep = prepare(notes, 20000)
    excluded = [notes[s.orig[0] : s.orig[1]] for s in prep.excluded]
    assert any("52 ans" in t for t in excluded)
    assert any("Ignore all previous" in t for t in excluded)
    assert not any("Très bonne écoute" in t or "Réactif" in t or "Anglais courant" in t for t in excluded)
