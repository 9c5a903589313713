"""check_notes reads interview notes through their inline markup: a protected criterion split or wrapped by Markdown
emphasis, inline HTML tags, an HTML comment or an entity (« Il a **52** ans », « en*cein*te », « en<b>ceinte</b> »,
« 45&nbsp;ans ») is flagged on the notes as written, once; ordinary Markdown notes stay clean; plain notes skip the
second reading."""

from __future__ import annotations

import json

import pytest

from assistant.notes import scorecard_to_json, scorecard_to_markdown, summarize_notes
from assistant.rules import compliance, criteria, demark, safety
from assistant.rules.safety import check_notes

from support import cpu_seconds


def _criteria(text: str) -> list[str]:
    flags = check_notes(text).discrimination
    for f in flags:
        assert f.start is not None and f.end is not None and f.start < f.end
        assert text[f.start : f.end] == f.evidence, f
    return [f.evidence or "" for f in flags]


# (notes, the evidence of its one protected-criterion flag: the span as written, markup inside it included)
HIDDEN = [
    ("Il a **52** ans.", "a **52** ans"),
    ("Elle est en*cein*te.", "en*cein*te"),
    ("Elle est en<b>ceinte</b>.", "en<b>ceinte"),
    ("Il a 45&nbsp;ans.", "a 45&nbsp;ans"),
    ("Elle est _enceinte_, départ prévu en mars.", "enceinte"),
    ("Elle est en<!-- à vérifier -->ceinte.", "en<!-- à vérifier -->ceinte"),
    ("Elle est en&shy;ceinte.", "en&shy;ceinte"),
    ("Elle est en&#8203;ceinte.", "en&#8203;ceinte"),
    ("Il a <strong>52</strong>&nbsp;ans.", "a <strong>52</strong>&nbsp;ans"),
    ("Il a 5**2** ans, très motivé.", "a 5**2** ans"),
    ("He is **52** years old.", "52** years old"),
    ("She is preg<i>nant</i>, leave planned.", "preg<i>nant"),
    # stop 37: Word's namespaced tags, custom elements, an attribute value holding « > »
    ("Elle est en<o:p>ceinte</o:p>.", "en<o:p>ceinte"),
    ("Elle est en<my-tag>ceinte</my-tag>.", "en<my-tag>ceinte"),
    ('Il est handi<span title="a>b">capé</span>.', 'handi<span title="a>b">capé'),
    # an entity that ends the span is quoted whole, never cut after its « & »
    ("Il est mari&eacute;.", "mari&eacute;"),
    ("Il est &acirc;g&eacute;.", "&acirc;g&eacute;"),
]


@pytest.mark.parametrize(("notes", "evidence"), HIDDEN)
def test_a_criterion_hidden_by_markup_is_flagged_on_the_notes_as_written(notes: str, evidence: str) -> None:
    assert _criteria(notes) == [evidence]


def test_the_flag_reads_like_the_raw_one() -> None:
    hidden = check_notes("Elle est en*cein*te.").discrimination[0]
    plain = check_notes("Elle est enceinte.").discrimination[0]
    assert (hidden.kind, hidden.severity, hidden.message, hidden.message_fr) == (
        plain.kind,
        plain.severity,
        plain.message,
        plain.message_fr,
    )


@pytest.mark.parametrize(
    ("notes", "evidence"),
    [
        ("Voir &notes; internes. Elle est en*cein*te.", "en*cein*te"),  # « &not » + « es; »: three characters
        ("Logo &fjlig;&fjlig; refait. Il a **52** ans.", "a **52** ans"),  # « fj »: two characters
        ("Elle est en<!--\nà vérifier\n-->ceinte.", "en<!--\nà vérifier\n-->ceinte"),
    ],
)
def test_offsets_stay_right_after_an_entity_read_as_several_characters(notes: str, evidence: str) -> None:
    assert _criteria(notes) == [evidence]


def test_the_ad_linter_no_longer_fails_after_an_entity_read_as_several_characters() -> None:
    # the map from the ad read without markup to the ad as written lost a place per extra character: an IndexError
    ad = "# Vendeur\n\nVoir &notes; internes. Hommes uniquement, **moins** de 35 ans."
    flags = [f for f in compliance.lint_ad(ad) if f.kind == "discrimination"]
    assert [f.evidence for f in flags] == ["Hommes", "35 ans"]
    assert all(ad[f.start : f.end] == f.evidence for f in flags if f.start is not None)


def test_invisible_characters_and_markup_together_keep_original_offsets() -> None:
    notes = "Écoute : 4/5.\u200b Il a \u200b**52** ans. Elle est en\u200d*cein*te."
    assert _criteria(notes) == ["a \u200b**52** ans", "en\u200d*cein*te"]


@pytest.mark.parametrize(
    "notes",
    [
        "She is **pregnant**.",
        "Elle est <b>enceinte</b>.",
        "Il a **52 ans**.",
        "**Âge** : 52 ans",
        "Elle a 45 ans.",
    ],
)
def test_a_criterion_the_raw_text_already_shows_is_not_flagged_twice(notes: str) -> None:
    raw = [(f.start, f.end) for f in safety.criteria_flags(safety.TextView.of(notes), "notes")]
    assert [(f.start, f.end) for f in check_notes(notes).discrimination] == raw
    assert raw


def test_another_criterion_read_over_a_raw_flag_is_kept() -> None:
    # the notes as written show "man" after a tag (sex); read without the tags they say « musulman » (religion)
    notes = 'Il est mu<span class="x">sul</span>man.'
    assert _criteria(notes) == ['mu<span class="x">sul</span>man', "man"]
    assert [f.message for f in check_notes(notes).discrimination] == [
        check_notes("Il est musulman.").discrimination[0].message,
        check_notes("A man.").discrimination[0].message,
    ]


def test_a_flag_under_markup_inside_a_raw_one_adds_nothing() -> None:
    # raw: « 52 ans » (age); read without markup: « a 52 ans », the same criterion over it
    assert _criteria("Il a **52 ans**, très motivé.") == ["52 ans"]


def test_raw_and_hidden_criteria_together_in_order() -> None:
    notes = "- Elle a 45 ans.\n- **Négo** : 4/5\n- Elle est en*cein*te.\n- Tél 06 12 34 56 78"
    result = check_notes(notes)
    assert _criteria(notes) == ["a 45 ans", "en*cein*te"]
    assert [f.kind for f in result.flags] == ["discrimination", "discrimination", "pii"]
    assert [f.start for f in result.flags] == sorted(f.start or 0 for f in result.flags)
    assert len(result.excluded_spans()) == 2


def test_a_hidden_criterion_deep_in_long_notes_keeps_its_offsets() -> None:
    plain_line = "- Très bonne écoute, reformule les besoins du client et relance avec méthode.\n"
    notes = plain_line * 120 + "- **Vie perso** : elle est en<b>ceinte</b>, a **52** ans.\n" + plain_line * 120
    assert _criteria(notes) == ["en<b>ceinte", "a **52** ans"]


def test_only_protected_criteria_are_read_a_second_time() -> None:
    # what the other finders see is unchanged by the markup pass
    notes = "Très bon *closing*.\nElle est en*cein*te. Tél 06 12 34 56 78"
    kinds = [f.kind for f in check_notes(notes).flags]
    assert kinds == ["discrimination", "pii"]


CLEAN = [
    "**Négo** : 4/5",
    "**Écoute** : 4/5\n**Closing** : 3/5\n- bonne reformulation\n- *relance* systématique\n* suivi CRM rigoureux",
    "Très bon closing*\n\n* d'après son ancien manager",
    "Maîtrise C++ et Python ; calcul mental rapide (5*3 = 15).",
    "Contact RH : jean_dupont@acme.fr, lea_martin_rh@example.com (référence 2024_03).",
    "CA < 1M€, churn <5 %, 3 ans chez R&D Conseil puis A&B Partners.",
    "<b>Organisation</b> : rigoureuse ; <i>prospection</i> : 4/5 ; <br>bon <em>storytelling</em>",
    "__Points forts__ : négociation, _storytelling_, `Salesforce` au quotidien, ~~Hubspot~~.",
    "Note **globale** : 3,5/5 &mdash; à revoir en &laquo; second tour &raquo;.<!-- brouillon -->",
    "Très bonne écoute, reformule les besoins du client ; 6 ans comme account manager.",
    "Objectif_annuel : 120 % ; portefeuille de 4 grands comptes ; **8** ans d'expérience.",
]


@pytest.mark.parametrize("notes", CLEAN)
def test_ordinary_markdown_notes_stay_clean(notes: str) -> None:
    # (an e-mail address is personal data, not a criterion)
    assert [f.evidence for f in check_notes(notes).flags if f.kind != "pii"] == []


def test_plain_notes_skip_the_second_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> demark.Demarked:
        raise AssertionError("plain notes were read a second time")

    monkeypatch.setattr(criteria, "demarked", refuse)
    assert _criteria("Il a 52 ans, très bonne écoute. R et D : 4/5; 30 % de croissance.") == ["a 52 ans"]


def test_the_ad_linter_and_the_notes_check_share_one_markup_reader() -> None:
    assert compliance.without_inline_markup is demark.without_inline_markup
    assert demark.without_inline_markup("Moins de **35**&nbsp;ans, en<b>ceinte</b><!-- x -->") == (
        "Moins de 35 ans, enceinte"
    )
    plain = demark.demarked("a **52**&nbsp;ans")
    assert plain.text == "a 52 ans"
    assert plain.span_to_original(0, len(plain.text)) == (0, len("a **52**&nbsp;ans"))


def test_the_ad_linter_reads_markup_as_before() -> None:
    ad = "# Commercial H/F\n\nCandidat de moins de **35** ans, hom**mes** de préférence, &acirc;g&eacute; de 25 ans.\n"
    evidence = [f.evidence for f in compliance.lint_ad(ad) if f.kind == "discrimination"]
    # an entity that ends a span is quoted whole, as in the notes (it was cut after its « & »)
    assert evidence == ["moins de **35** ans", "hom**mes", "&acirc;g&eacute;", "25 ans"]


# --------------------------------------------------------------------------- speed

PLAIN_NOTE = (
    "Très bonne écoute, reformule les besoins du client ; 6 ans comme account manager chez un éditeur SaaS. "
    "Portefeuille de 4 grands comptes, renégocie trois renouvellements avec upsell, anglais courant.\n"
) * 200
MARKED_NOTE = (
    "- **Écoute** : 4/5 <b>bon</b> *relance* _méthode_ 5*3 <5 % C++ &amp; R&D <i>ok</i> <!-- x --> `CRM`\n"
) * 300


@pytest.mark.parametrize(
    "notes",
    [
        PLAIN_NOTE[:20_000],
        MARKED_NOTE[:20_000],
        ("*<" * 10_000),
        "*" * 20_000,
        "<" * 20_000,
        "<!--" * 5_000,
        ("<a " + "x" * 195 + " ") * 100,
        "&#" * 10_000,
        "_" * 20_000,
        ("en*cein*te " * 2_000)[:20_000],
    ],
    ids=[
        "plain",
        "markdown",
        "star-lt",
        "stars",
        "lt",
        "comment-openers",
        "open-tags",
        "entity-openers",
        "underscores",
        "many-hits",
    ],
)
def test_check_notes_stays_fast_on_20000_characters(notes: str) -> None:
    assert len(notes) >= 19_000
    check_notes(notes)  # compile and warm the caches
    best = min(cpu_seconds(lambda: check_notes(notes)) for _ in range(2))
    assert best < 0.5, f"check_notes took {best * 1000:.0f} ms of CPU"


# --------------------------------------------------------------------------- exports

NOTES = (
    "Entretien en face à face.\n"
    "- Très bonne écoute, reformule les besoins du client.\n"
    "- Vie perso : elle est en<b>ceinte</b> et a **52** ans.\n"
    "- 6 ans comme account manager chez un éditeur SaaS.\n"
)


def test_exports_replace_the_hidden_criterion(services) -> None:
    summary = summarize_notes(NOTES, services, stage="face_to_face")
    hidden = [f for f in summary.flags if f.kind == "discrimination"]
    assert {NOTES[f.start : f.end] for f in hidden if f.start is not None and f.end is not None} >= {
        "en<b>ceinte",
        "a **52** ans",
    }
    for text in (scorecard_to_markdown(summary), json.dumps(scorecard_to_json(summary), ensure_ascii=False)):
        for secret in ("ceinte", "52"):
            assert secret not in text, secret


# stop 38: the finder the exports' scrub and the answer screen call reads through markup too (an LLM writes Markdown)
@pytest.mark.parametrize(("text", "evidence"), HIDDEN)
def test_find_protected_criteria_reads_through_markup_in_notes(text: str, evidence: str) -> None:
    from assistant.rules.criteria import find_protected_criteria

    assert [f.evidence for f in find_protected_criteria(text, context="notes")] == [evidence]


@pytest.mark.parametrize(
    ("ad", "evidence"),
    [
        ("Privilégiez les candidats de moins de **35** ans.", "35** ans"),
        ("Poste réservé aux hom<b>mes</b>.", "hom<b>mes"),
        ("Candidates under **30** years old only.", "under **30"),
    ],
)
def test_find_protected_criteria_reads_through_markup_in_ads(ad: str, evidence: str) -> None:
    from assistant.rules.criteria import find_protected_criteria

    flags = find_protected_criteria(ad, context="ad")
    assert flags, ad
    assert all(ad[f.start : f.end] == f.evidence for f in flags if f.start is not None)
    assert any(evidence in (f.evidence or "") or (f.evidence or "") in evidence for f in flags)


def test_an_equal_opportunity_statement_in_markup_stays_clean_in_an_ad() -> None:
    from assistant.rules.criteria import find_protected_criteria

    assert (
        find_protected_criteria(
            "Poste ouvert à **tous les âges**, aux personnes en situation de handicap.", context="ad"
        )
        == []
    )


def test_the_scrub_of_an_llm_rationale_hides_a_criterion_split_by_markup() -> None:
    from assistant.notes.redact import scrub

    out = scrub("Le candidat a **52** ans et elle est en*cein*te ; bonne négociation.", "fr")
    assert "52" not in out and "cein" not in out
    assert "bonne négociation" in out


def test_the_answer_screen_withholds_a_criterion_split_by_markup() -> None:
    from assistant.qa.screen import protected_notice

    assert protected_notice("Pour ce poste, privilégiez les candidats de moins de **35** ans.") is not None
    assert protected_notice("Le salaire d'un junior est de **35** k€ par an.") is None


@pytest.mark.parametrize(
    "ad",
    [
        "# Vendeur\n\nPoste ouvert à **tous les âges**, aux personnes en situation de handicap.",
        "# Vendeur\n\nPoste ouvert à <b>tous les âges</b>.",
        "# Sales rep\n\nOpen to candidates *of all ages*.",
    ],
)
def test_the_ad_linter_keeps_an_equal_opportunity_statement_in_markup_clean(ad: str) -> None:
    assert [f.evidence for f in compliance.lint_ad(ad) if f.kind == "discrimination"] == []


def test_the_ad_linter_still_flags_a_criterion_in_a_comment_it_reads_past() -> None:
    # the reading without markup leaves the comment out; the ad as written still holds the words
    ad = "# Vendeur\n\nProfil recherché : commercial <!-- Hommes uniquement --> autonome."
    assert [f.evidence for f in compliance.lint_ad(ad) if f.kind == "discrimination"] == ["Hommes"]


def test_many_criteria_in_markup_are_read_in_bounded_time() -> None:
    from assistant.rules.criteria import find_protected_criteria

    ad = "Moins de **35** ans, hommes uniquement.\n\n\n\n" * 3_000
    assert cpu_seconds(lambda: find_protected_criteria(ad, context="ad")) < 4.0


# stop 38: a comment of any length is read past (it hid a criterion beyond 500 characters)
_LONG_COMMENT = "<!-- " + "relu par l'équipe RH, " * 40 + "-->"


def test_a_long_comment_inside_a_word_no_longer_hides_a_criterion() -> None:
    assert len(_LONG_COMMENT) > 500
    notes = f"Elle est en{_LONG_COMMENT}ceinte."
    assert _criteria(notes) == [f"en{_LONG_COMMENT}ceinte"]
    ad = f"# Vendeur (H/F)\n\nPoste réservé aux hom{_LONG_COMMENT}mes."
    assert "discrimination" in [f.kind for f in compliance.lint_ad(ad)]


def test_an_unterminated_comment_is_read_to_the_end_and_stays_fast() -> None:
    notes = "Elle est en<!-- brouillon\n" + "Très bonne écoute.\n" * 1_000
    check_notes(notes)
    assert cpu_seconds(lambda: check_notes(notes)) < 0.5
    many = "<!-- x -->a" * 5_000 + "<!--" * 5_000
    assert cpu_seconds(lambda: check_notes(many[:40_000])) < 1.0


# review of stop 38: an exclusion after an equal-opportunity phrase, a line of context, a comment across lines
@pytest.mark.parametrize(
    "ad",
    [
        "We **welcome all** applicants but no pregnant women.",
        "We welcome all applicants but no pregnant women.",
        "Poste ouvert à **tous**, pas de femmes enceintes.",
        "Open to **all** candidates, not to those with a disability.",
        "Restez ouvert à tous, mais évitez les candidates enceintes.",
        "The ideal candidate is\nwhite.\nSend your **CV**.",
        "Poste ouvert à tous<!--\n-->Pas de femmes enceintes",
    ],
)
def test_an_exclusion_is_not_excused(ad: str) -> None:
    from assistant.qa.screen import protected_notice
    from assistant.rules.criteria import find_protected_criteria

    assert find_protected_criteria(ad, context="ad"), ad
    assert protected_notice(ad) is not None
    assert [f for f in compliance.lint_ad("# Vendeur (H/F)\n\n" + ad) if f.kind == "discrimination"]


@pytest.mark.parametrize(
    "ad",
    [
        "Open to all, no age limit.",
        "Poste ouvert à tous, aucune limite d'âge.",
        "Ouvert à tous, sans distinction d'âge ni de sexe.",
    ],
)
def test_a_limit_denied_stays_lawful(ad: str) -> None:
    from assistant.rules.criteria import find_protected_criteria

    assert find_protected_criteria(ad, context="ad") == []


def test_one_long_line_of_criteria_and_markup_is_read_in_bounded_time() -> None:
    from assistant.rules.criteria import find_protected_criteria

    ad = "jeune, " * 12_000 + "**x**"
    assert cpu_seconds(lambda: find_protected_criteria(ad, context="ad")) < 3.0
    assert cpu_seconds(lambda: compliance.lint_ad("# Vendeur (H/F)\n\n" + ad)) < 4.0


def test_overlapping_mentions_are_scrubbed_once() -> None:
    from assistant.notes.redact import scrub

    out = scrub("Sa **femme** est enceinte.", "fr")
    assert "femme" not in out and "enceinte" not in out
    assert "]]" not in out
