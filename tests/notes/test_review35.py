"""Review of main at da93473 (stop 34): inputs a hostile reviewer showed to hang or slow down the notes engine."""

from __future__ import annotations

import time

import pytest

from assistant.notes.prepare import non_evidence_reason


@pytest.mark.parametrize("space", [" ", "\u00a0", "\t"])
def test_a_long_run_of_spaces_in_a_line_does_not_hang_the_line_reader(space: str) -> None:
    """A self-rating pattern with three adjacent optional spaces took 15 s on 1,000 spaces and 117 s on 2,000: the
    line reader reads runs of spaces as one."""
    line = "Très bonne écoute" + space * 3000 + "négocie bien."
    started = time.process_time()
    assert non_evidence_reason(line) == ""  # an observation, not a header or a grid
    assert time.process_time() - started < 5  # a bound against a hang, not a speed target
    # The spaces change nothing to how a line is read.
    assert non_evidence_reason("Excel" + space * 40 + ": 4/5 self-rated") == non_evidence_reason(
        "Excel : 4/5 self-rated"
    )


def test_a_long_run_of_spaces_does_not_slow_down_the_clause_split() -> None:
    from assistant.notes.prepare import Segment, split_clauses

    text = "Très bonne écoute" + " " * 15000 + "mais négocie mal."
    started = time.process_time()
    clauses = split_clauses(text, Segment(0, len(text)))
    assert time.process_time() - started < 5  # a bound against a hang (8 s on this input), not a speed target
    assert [text[s:e] for s, e in clauses] == ["Très bonne écoute", "négocie mal."]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("[entre nous : il porte un appareil auditif, je doute qu'il tienne 30 appels par jour.]", True),
        ("He wears a hearing aid; not sure about phone-heavy days.", True),
        ("5 ans AM chez un fabricant d'appareils auditifs, 40 audioprothésistes.", False),
        ("Key account of a hearing-aid retail chain.", False),
        ("Il like et partage des posts d'un parti de gauche radicale.", True),
        ("Elle est partie de zéro sur ce compte.", False),
    ],
)
def test_twelfth_round_protected_remarks(text: str, flagged: bool) -> None:
    """The twelfth dev round's remarks in new forms: a hearing aid, a party's posts; the business senses stay clean."""
    from assistant.rules.safety import find_protected_criteria

    assert bool(find_protected_criteria(text, context="notes")) is flagged


@pytest.mark.parametrize(
    ("text", "history"),
    [
        ("For transparency: I'm on £41k now, and my bank has offered £45k to keep me.", True),
        ("Il gagne 52k fixe.", True),
        ("Puis un appel d'offres gagné sur les coffrets de Noël (1,2 M€).", False),
        ("Elle a gagné un contrat de 300 k€ l'an dernier.", False),
    ],
)
def test_twelfth_round_pay_history(text: str, history: bool) -> None:
    """Current pay told as "I'm on £41k" is pay history; a tender « gagné » (won) with its value is business."""
    from assistant.rules.pay_history import find_pay_history

    assert bool(find_pay_history(text)) is history
