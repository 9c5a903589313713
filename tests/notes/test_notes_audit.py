"""The optional audit log: a hash of the notes and offsets, never their text."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

import pytest
from notes_helpers import NOTES_FR, draft

from assistant.errors import StoreError
from assistant.notes import summarize_notes
from assistant.services import Services

from support import make_settings


@pytest.fixture
def settings(tmp_path: Path):
    """Offline settings with ASSISTANT_AUDIT_LOG=<tmp>/audit.jsonl; the shared `services` and `llm_services` use them."""
    return make_settings(tmp_path / "data", ASSISTANT_AUDIT_LOG=str(tmp_path / "audit.jsonl"))


@pytest.mark.parametrize("mode", ["offline", "llm"])
def test_audit_record_holds_no_text_from_the_notes(tmp_path, services, llm_services, mode):
    audit = tmp_path / "audit.jsonl"
    line = "Très bonne écoute du client, joignable à julie.martin@gmail.com, enceinte de 5 mois."
    notes = line + "\nAnglais courant, négocie en anglais.\n"
    payload = draft(
        ("english", [("Anglais courant, négocie en anglais.", "positive")], 4),
        recommendation="hold",
        rationale="Anglais courant confirmé.",
    )
    if mode == "llm":
        services, _ = llm_services(payload)
    summary = summarize_notes(notes, services)
    text = audit.read_text(encoding="utf-8")
    for fragment in ("julie.martin", "gmail", "enceinte", "écoute", "Anglais", "anglais", "négocie", "mois"):
        assert fragment not in text, fragment
    record = json.loads(text)
    assert set(record) <= {
        "time",
        "job",
        "notes_sha256",
        "backend",
        "model",
        "retrieved",
        "stage",
        "competencies",
        "facts",
        "flags",
    }
    assert record["facts"] == [[f.kind, f.start, f.end] for f in summary.facts]  # offsets only, never the quote
    assert {(f["kind"], f["start"], f["end"]) for f in record["flags"]} == {
        (f.kind, f.start, f.end) for f in summary.flags
    }
    assert {f["kind"] for f in record["flags"]} >= {"pii", "discrimination"}
    english = next(c for c in record["competencies"] if c["id"] == "english")
    start = notes.index("Anglais")
    assert english["status"] == "assessed" and english["evidence"][0] == [start, notes.index("\n", start), "positive"]
    assert english["rating"] == (4 if mode == "llm" else None)


def test_audit_record_holds_a_hash_not_the_notes(tmp_path, kb, framework, caplog):
    audit = tmp_path / "audit" / "log.jsonl"
    settings = make_settings(tmp_path / "data", ASSISTANT_AUDIT_LOG=str(audit))
    services = Services(settings=settings, kb=kb, framework=framework)
    secret_line = "RAS sur la ponctualité, arrivé à 9h02 zyxwv."
    notes = NOTES_FR + secret_line + "\n"
    caplog.set_level(logging.DEBUG)
    summarize_notes(notes, services)
    summarize_notes(notes, services)
    lines = audit.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert record["notes_sha256"] == hashlib.sha256(notes.encode()).hexdigest()
    assert record["backend"] == "offline" and "competencies" in record and "retrieved" in record
    assert "zyxwv" not in audit.read_text(encoding="utf-8")  # only quotes of the output, never the raw notes
    assert "zyxwv" not in caplog.text
    written = [p for p in (tmp_path / "data").rglob("*") if p.is_file()]
    assert not any("zyxwv" in p.read_bytes().decode("utf-8", "ignore") for p in written)


def test_unwritable_audit_log_is_a_clear_error(tmp_path, kb, framework):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    settings = make_settings(tmp_path / "data", ASSISTANT_AUDIT_LOG=str(blocker / "log.jsonl"))
    with pytest.raises(StoreError, match="audit log"):
        summarize_notes(NOTES_FR, Services(settings=settings, kb=kb, framework=framework))
