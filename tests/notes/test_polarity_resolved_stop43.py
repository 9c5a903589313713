"""A problem the candidate solved is a strength (stop 43). On the dev notes, stories such as "client furious after an
outage… she called the same day and settled it" were marked negative because the incident's own words (« problème »,
"issue", « retard », "late") counted against the candidate. Where the same passage says, without negation, that
the candidate resolved it, the incident's words no longer count; they still do where nothing was resolved, or where
the resolution is denied. Every sentence here was written by hand for this test; none is taken from an eval file."""

from __future__ import annotations

import pytest

from assistant.notes.polarity import polarity

from support import cpu_seconds


@pytest.mark.parametrize(
    "text",
    [
        "Client furieux après un retard de livraison : elle a appelé le jour même et a réglé le problème.",
        "A key account had recurring invoicing issues; she resolved them within a week.",
        "Late shipment to their biggest client: he fixed the issue by organising a direct delivery.",
        "Gros souci de facturation chez un client : il a résolu le problème avec la compta.",
        "The customer complained about a delay, and she solved it before the weekend.",
    ],
)
def test_a_problem_the_candidate_solved_is_positive(text: str) -> None:
    assert polarity(text) == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "Il a eu du mal à expliquer le problème au client.",
        "Often late on follow-ups.",
        "Des retards répétés sur ses comptes rendus.",
        "Issues with deadlines were never fixed.",
        "Le problème n'a jamais été réglé.",
        "She didn't resolve the issue and the client left.",
        "Problème de posture : coupe la parole.",
    ],
)
def test_a_problem_left_unsolved_stays_negative(text: str) -> None:
    assert polarity(text) == "negative"


@pytest.mark.parametrize("unit", ["bon ", "pas bon ", "not clear or precise ", "problème résolu "])
def test_polarity_of_a_long_text_takes_linear_time(unit: str) -> None:
    # A review of this stop timed polarity() at 100,000 characters: 35–69 s (a set rebuilt per token, every phrase
    # tried at every position), about 1 s at the default notes cap of 20,000; 0.1 s now. The bound is CPU time and
    # generous: it catches a quadratic scan, not a slow machine.
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    assert cpu_seconds(lambda: polarity(text)) < 5.0
