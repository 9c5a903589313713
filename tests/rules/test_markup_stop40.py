"""Markup and equal-opportunity phrases that let an exclusion through (stop 40, written here before the fix).

- A line break written as HTML (« Ouvert à tous<br>Pas de femmes enceintes. ») was read without it, joining « tous »
  and « Pas »: the equal-opportunity phrase then excused the exclusion on the next line, in the ad linter and in the
  notes check.
- The notes check counted a flag of the reading without markup only where markup touched it: a comment or a tag
  that changes how a whole sentence reads (an equal-opportunity phrase hidden in an HTML comment, which no reader
  sees) was ignored. The ad linter already counted every such flag.
- An equal-opportunity phrase excused a group the same clause then excludes: « Poste ouvert à tous, sans
  discrimination, les femmes enceintes ne seront pas retenues. » A criterion named to say it will not count (« l'âge
  ne sera pas pris en compte ») stays lawful.
"""

from __future__ import annotations

import pytest

from assistant.rules.compliance import lint_ad
from assistant.rules.criteria import find_protected_criteria
from assistant.rules.demark import demarked


def _ad_quotes(text: str) -> list[str]:
    return [text[f.start : f.end] for f in lint_ad(text) if f.kind == "discrimination" and f.start is not None]


def _criteria_quotes(text: str, context: str) -> list[str]:
    return [text[f.start : f.end] for f in find_protected_criteria(text, context=context)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("ligne<br/>suivante", "ligne suivante"),
        ("ligne<br>suivante", "ligne suivante"),
        ("ligne<BR />suivante", "ligne suivante"),
        ("<p>un</p><p>deux</p>", "\nun\n\ndeux\n"),
        ("un<div>deux</div>", "un\ndeux\n"),
        ("<li>un</li><li>deux</li>", "\nun\n\ndeux\n"),
        ("en<b>ceinte</b>", "enceinte"),
        ('moins de <span class="x">35</span> ans', "moins de 35 ans"),
    ],
)
def test_a_line_break_or_a_block_in_html_reads_as_a_line_break_and_inline_tags_as_nothing(text: str, read: str) -> None:
    assert demarked(text).text == read


def test_the_reading_maps_a_line_break_back_to_its_tag() -> None:
    text = "tous<br>Pas de femmes"
    read = demarked(text)
    pos = read.text.index("Pas")
    assert read.span_to_original(pos, pos + 3) == (text.index("Pas"), text.index("Pas") + 3)
    space = read.text.index(" ")
    assert text[slice(*read.span_to_original(space, space + 1))] == "<br>"


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Ouvert à tous<br>Pas de femmes enceintes.", "enceintes"),
        ("Ouvert à tous<br/>Pas de candidats de plus de 50 ans.", "plus de 50 ans"),
        ("Open to all<br>No pregnant women.", "pregnant"),
        ("Poste ouvert à tous<div>Pas de femmes enceintes.</div>", "enceintes"),
    ],
)
def test_an_exclusion_after_a_line_break_in_html_is_flagged(text: str, evidence: str) -> None:
    assert any(evidence in q for q in _ad_quotes(text)), _ad_quotes(text)
    assert any(evidence in q for q in _criteria_quotes(text, "ad")), _criteria_quotes(text, "ad")


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("<!-- Ouvert à tous --> Les femmes enceintes ne seront pas retenues pour ce poste.", "enceintes"),
        (
            "<!-- Poste ouvert à tous, sans discrimination --> Pas de candidats de plus de 50 ans, merci.",
            "plus de 50 ans",
        ),
        ("<!-- open to all --> We cannot take pregnant women for this role, sorry about that.", "pregnant"),
    ],
)
def test_an_equal_opportunity_phrase_in_a_comment_no_reader_sees_excuses_nothing(text: str, evidence: str) -> None:
    assert any(evidence in q for q in _ad_quotes(text)), _ad_quotes(text)
    assert any(evidence in q for q in _criteria_quotes(text, "ad")), _criteria_quotes(text, "ad")


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Poste ouvert à tous, sans discrimination, les femmes enceintes ne seront pas retenues.", "enceintes"),
        ("Nous recrutons sans discrimination, les femmes enceintes ne sont pas acceptées.", "enceintes"),
        ("Ouvert à tous : les candidats de plus de 55 ans ne pourront pas être retenus.", "plus de 55 ans"),
        ("Sans distinction d'origine ; les personnes handicapées sont exclues de ce poste.", "handicap"),
        ("Diversité et inclusion, les femmes enceintes non éligibles.", "enceintes"),
        ("We are an equal opportunity employer, pregnant women will not be hired.", "pregnant"),
        ("Open to all, pregnant candidates need not apply.", "pregnant"),
        ("Regardless of background, people with disabilities are not eligible.", "disabilit"),
        ("We welcome all applicants, pregnant women cannot be accepted.", "pregnant"),
    ],
)
def test_an_equal_opportunity_phrase_excuses_no_group_its_clause_then_excludes(text: str, evidence: str) -> None:
    assert any(evidence in q for q in _ad_quotes(text)), _ad_quotes(text)
    assert any(evidence in q for q in _criteria_quotes(text, "ad")), _criteria_quotes(text, "ad")


@pytest.mark.parametrize(
    "text",
    [
        "Sans discrimination : l'âge ne sera pas pris en compte.",
        "Poste ouvert à tous, sans distinction d'âge ou d'origine.",
        "Ouvert aux personnes handicapées, qui ne seront pas pénalisées par le process.",
        "Nous recrutons sans discrimination : les candidatures de personnes handicapées ne seront pas écartées.",
        "Regardless of age, gender or disability, all applications will be considered.",
        "We are an equal opportunity employer, and pregnancy will not be held against any candidate.",
        "Open to all<br>Competitive salary.",
        "<p>Poste ouvert aux personnes handicapées.</p><p>Télétravail 2 jours.</p>",
    ],
)
def test_lawful_equal_opportunity_sentences_stay_unflagged(text: str) -> None:
    assert _ad_quotes(text) == []
    assert _criteria_quotes(text, "ad") == []


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Bon échange.<br>Elle est enceinte de 5 mois.", "enceinte"),
        ("<p>Très bon contact.</p><p>Il a 58 ans, un peu vieux.</p>", "58 ans"),
    ],
)
def test_notes_read_a_line_break_in_html_and_still_flag_the_remark(text: str, evidence: str) -> None:
    assert any(evidence in q for q in _criteria_quotes(text, "notes")), _criteria_quotes(text, "notes")
