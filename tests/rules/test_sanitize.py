"""Sanitising: invisible characters removed, NFC applied, offsets mapped back; folding; overlapping spans."""

from __future__ import annotations

import pytest

from assistant.errors import InputError
from assistant.rules.sanitize import TextView, drop_overlaps, sanitize
from assistant.text import fold


def test_sanitize_strips_invisible_and_maps_offsets():
    raw = "a\u200bb\u202ec\u2060d\ufeffe\u00adf\U000e0041g"
    clean = sanitize(raw)
    assert clean.text == "abcdefg"
    assert clean.removed == 6
    for i, ch in enumerate(clean.text):
        assert raw[clean.to_original(i)] == ch
    assert clean.to_original(len(clean.text)) == len(raw)
    assert clean.span_to_original(0, 2) == (0, 3)  # "a\u200bb"


def test_sanitize_nfc_and_identity():
    raw = "cafe\u0301 noté"
    clean = sanitize(raw)
    assert clean.text == "café noté" and clean.removed == 0
    s, e = clean.span_to_original(0, 4)
    assert raw[s:e] == "cafe\u0301"
    plain = sanitize("rien à signaler")
    assert plain.text == "rien à signaler" and plain.to_original(5) == 5


def test_sanitize_bad_input():
    with pytest.raises(InputError):
        sanitize(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        sanitize("x" * 1_000_001)


def test_fold_keeps_length():
    text = "Âgée de 45 ANS — l’équipe ⁠ＩＧＮＯＲＥ іgnore"
    assert len(fold(text)) == len(text)
    assert fold("Âgée l’équipe ＩＧＮＯＲＥ іgnore") == "agee l'equipe ignore ignore"


def test_text_view_flag_refers_to_the_original_text():
    text = "Âge\u200b : 45 ans"
    view = TextView.of(text)
    assert view.clean.text == "Âge : 45 ans" and view.folded == "age : 45 ans" and view.lower == "âge : 45 ans"
    flag = view.flag("discrimination", "error", "m", 6, 12)
    assert (flag.start, flag.end, flag.evidence) == (7, 13, "45 ans")


def test_drop_overlaps_keeps_the_longest_of_each_chain():
    spans = [(0, 3, "a"), (2, 9, "b"), (8, 10, "c"), (12, 14, "d"), (12, 14, "e")]
    assert drop_overlaps(spans) == [(2, 9, "b"), (12, 14, "d")]
    assert drop_overlaps([]) == []
