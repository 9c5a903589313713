"""The scorecard's JSON shape and its Markdown export."""

from __future__ import annotations

import json

from notes_helpers import DISCRIMINATION, NOTES_FR

from assistant.notes import scorecard_to_markdown as to_markdown
from assistant.notes import summarize_notes


def test_json_has_the_documented_shape(services):
    data = summarize_notes(NOTES_FR + DISCRIMINATION, services).to_json()
    json.dumps(data)
    assert {"competencies", "flags", "follow_up_questions", "recommendation", "backend", "notice"} <= set(data)
    comp = next(c for c in data["competencies"] if c["evidence"])
    assert {"id", "status", "rating", "evidence"} <= set(comp)
    assert {"quote", "start", "end", "polarity"} <= set(comp["evidence"][0])
    assert {"kind", "message", "quote"} <= set(data["flags"][0])
    assert {"competency", "question"} <= set(data["follow_up_questions"][0])


def test_markdown_puts_flags_first_and_escapes(services):
    notes = "Anglais courant <script>alert(1)</script> | ok.\n" + DISCRIMINATION + "\nTrès bonne écoute."
    md = to_markdown(summarize_notes(notes, services))
    assert (
        md.index("Signalements")
        < md.index("Grille")
        < md.index("Citations des notes")
        < md.index("Questions de relance")
    )
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "\\|" in md  # a pipe in a quote cannot break the table
    assert md.rstrip().splitlines()[-1].startswith("> Aide à la décision")
