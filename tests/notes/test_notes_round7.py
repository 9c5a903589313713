"""Issue 9, the seventh dev round's failure classes (evals/notes-heldout/h109-h123), each tested on sentences written
here, unlike the round's own: a note typed on a phone with no punctuation at all, where each line is one thought."""

from __future__ import annotations

import pytest
from notes_helpers import statuses as _status

from assistant.notes import summarize_notes
from assistant.notes.prepare import non_evidence_reason, prepare


def _segment_texts(notes: str) -> list[str]:
    prep = prepare(notes, 20000)
    return [notes[s.orig[0] : s.orig[1]] for s in prep.segments]


PHONE_NOTE = (
    "rdv am retail avec julien ce matin\n"
    "5 ans chez un grossiste en fournitures de bureau il suit 80 papeteries indépendantes en direct et fait les salons\n"
    "connait tous les acheteurs des centrales il a ramené deux clients de son ancien poste chez son employeur actuel\n"
    "a perdu un gros client l an dernier il dit que c etait le prix mais il n a rien tenté pour le garder apparemment\n"
    "anglais pas utile ici\n"
    "un peu stressé au début puis détendu\n"
)


def test_a_note_with_no_punctuation_at_all_has_one_thought_a_line() -> None:
    lines = [ln for ln in PHONE_NOTE.splitlines() if ln]
    assert _segment_texts(PHONE_NOTE) == lines


def test_lines_of_punctuated_prose_wrapped_by_an_editor_are_still_one_sentence() -> None:
    prose = (
        "Candidate has spent six years managing mid-market accounts in the logistics space and\n"
        "explained in detail how she grew her book by a third, mostly through renewals and\n"
        "cross-sell of the tracking module, which she pitched to every client at their QBR.\n"
    )
    assert len(_segment_texts(prose + "y" * 500 + "\n")) == 2


def test_a_phone_note_line_gives_evidence_only_for_itself(services) -> None:
    summary = summarize_notes(PHONE_NOTE, services)
    for a in summary.competencies:
        for e in a.evidence:
            assert "\n" not in e.quote, (a.id, e.quote)
    assert _status(summary)["experience_similar"] == "assessed"


@pytest.mark.parametrize(
    "line",
    [
        "English not required for this role.",
        "anglais : pas nécessaire pour ce poste",
        "Pas besoin d'allemand ici.",
        "No need for German in this role",
        "Excel pas vraiment utile sur ce portefeuille",
    ],
)
def test_what_the_job_does_not_need_is_not_evidence(line: str) -> None:
    assert non_evidence_reason(line) == "logistics", line


@pytest.mark.parametrize(
    "line",
    [
        "Anglais pas utile ici, mais il le parle couramment.",
        "Sa démo n'était pas utile pour le client.",
        "English is not her strong point.",
    ],
)
def test_a_judgement_of_the_candidate_near_the_same_words_stays(line: str) -> None:
    assert non_evidence_reason(line) == "", line
