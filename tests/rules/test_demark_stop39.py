"""A word in angle brackets is no HTML tag (stop 38's leftover): « Ouvert à tous, <sauf> femmes enceintes. » was read
without « <sauf> », so the equal-opportunity phrase excused the exclusion. Only HTML's own element names, custom
elements (with a hyphen) and namespaced tags (Word's <o:p>) are markup; other words in brackets read as words, the
brackets as spaces. Written here."""

from __future__ import annotations

import pytest

from assistant.rules.criteria import find_protected_criteria
from assistant.rules.demark import demarked


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Ouvert à tous, <sauf> femmes enceintes.", "enceintes"),
        ("Open to all <except> pregnant women.", "pregnant"),
        ("Ouvert à tous <pas> de femmes enceintes.", "femmes"),
        ("Poste ouvert à tous <Excepté> les plus de 50 ans.", "plus de 50 ans"),
    ],
)
def test_an_exclusion_in_angle_brackets_is_not_hidden_as_a_tag(text: str, evidence: str) -> None:
    found = [text[f.start : f.end] for f in find_protected_criteria(text, context="ad")]
    assert any(evidence in quote for quote in found), found


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("en<b>ceinte</b>", "enceinte"),
        ('moins de <span class="x">35</span> ans', "moins de 35 ans"),
        ("en<o:p>ceinte</o:p>", "enceinte"),
        ("en<my-tag>ceinte</my-tag>", "enceinte"),
        ("en<STRONG>ceinte</STRONG>", "enceinte"),
        ("ligne<br/>suivante", "ligne suivante"),  # a space: a line break inside a sentence (review of stop 40)
        ("x <sauf> y", "x  sauf  y"),
        ("a <except> b", "a  except  b"),
        ("</pas>", "  pas "),
    ],
)
def test_html_elements_are_markup_and_other_words_in_brackets_are_text(text: str, read: str) -> None:
    assert demarked(text).text == read
