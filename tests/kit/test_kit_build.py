"""The interview kit of each stage: purpose, questions, competencies with anchors, topics, trial-period advice, notes.

The grounding test walks every text of every kit and finds it in the framework or, for quotes, in guide.md.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.errors import InputError
from assistant.kit import ANCHOR_RATINGS, build_kit, competencies_for_stage, stage_ids
from assistant.kit.build import _NOTES

STAGES = ["phone", "face_to_face", "case_study"]
LANGS = ["fr", "en"]


def squash(text: str) -> str:
    return " ".join(text.split())


def test_the_stages_are_the_guides_steps_in_order(framework: Any) -> None:
    assert stage_ids(framework) == STAGES


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("stage", STAGES)
def test_each_kit_has_its_purpose_from_the_process_section(framework: Any, guide: Any, stage: str, lang: str) -> None:
    kit = build_kit(framework, stage, lang, guide)
    step = next(s for s in framework.interview.steps if s.id == stage)
    assert (kit.stage, kit.lang) == (stage, lang)
    assert kit.purpose.label == step.label.get(lang) and kit.purpose.text == step.description.get(lang)
    assert kit.purpose.ref.quote == step.source
    assert kit.purpose.ref.section == "Les process d’entretien"
    assert kit.purpose.ref.passage_id in {c.id for c in guide.chunks}


@pytest.mark.parametrize("stage", STAGES)
def test_questions_are_the_stages_and_probe_its_competencies(framework: Any, guide: Any, stage: str) -> None:
    kit = build_kit(framework, stage, "fr", guide)
    bank = [q for q in framework.interview.questions if q.stage == stage]
    assert [q.id for q in kit.questions] == [q.id for q in bank]
    for q in kit.questions:
        assert q.competencies and set(q.competencies) <= set(kit.competency_ids)
        assert q.competency_labels == [framework.competency(c).label.fr for c in q.competencies]
        assert q.text == framework.question(q.id).text.fr and q.ref.section == "Les process d’entretien"
    codes = [n.code for n in kit.notes]
    assert ("no_questions" in codes) == (not bank)


def test_face_to_face_asks_the_whole_question_bank(framework: Any, guide: Any) -> None:
    kit = build_kit(framework, "face_to_face", "en", guide)
    assert [q.id for q in kit.questions] == [f"q{n}" for n in range(1, 9)]
    assert kit.questions[0].text.startswith("If a long-standing client")
    assert "conflict_resolution" in kit.competency_ids


@pytest.mark.parametrize("stage", STAGES)
def test_competencies_carry_the_frameworks_1_3_5_anchors(framework: Any, guide: Any, stage: str) -> None:
    for lang in LANGS:
        kit = build_kit(framework, stage, lang, guide)
        assert kit.competency_ids == competencies_for_stage(framework, stage)
        for comp in kit.competencies:
            source = framework.competency(comp.id)
            assert [a.rating for a in comp.anchors] == list(ANCHOR_RATINGS)
            assert [a.text for a in comp.anchors] == [source.anchor(r, lang) for r in ANCHOR_RATINGS]
            assert all(a.text for a in comp.anchors)  # the framework has all three for every competency
            assert comp.why, "each competency says why it is assessed at this stage"
        assert not any(n.code == "missing_anchor" for n in kit.notes)


def test_a_missing_anchor_is_said_not_invented(framework: Any, guide: Any) -> None:
    comps = [
        c.model_copy(update={"scale": {k: v for k, v in c.scale.items() if k != "5"}}) if c.id == "data_kpi" else c
        for c in framework.competencies
    ]
    thin = framework.model_copy(update={"competencies": comps})
    kit = build_kit(thin, "case_study", "en", guide)
    data_kpi = next(c for c in kit.competencies if c.id == "data_kpi")
    assert [(a.rating, a.text is None) for a in data_kpi.anchors] == [(1, False), (3, False), (5, True)]
    notes = [n.text for n in kit.notes if n.code == "missing_anchor"]
    assert notes == ["The framework does not describe a 5 for “Figures, KPIs and spreadsheets”."]


def test_competencies_for_stage(framework: Any) -> None:
    face = {c for q in framework.interview.questions if q.stage == "face_to_face" for c in q.competencies}
    assert set(competencies_for_stage(framework, "face_to_face")) == face | {"conflict_resolution"}
    assert competencies_for_stage(framework, "phone") == []  # the guide gives the phone screen motivations only
    assert competencies_for_stage(framework, "case_study") == ["data_kpi", "sales_temperament", "listening"]
    for stage in STAGES:
        ids = competencies_for_stage(framework, stage)
        assert ids == [c for c in framework.competency_ids if c in ids]  # framework order
    with pytest.raises(InputError, match="phone, face_to_face, case_study"):
        competencies_for_stage(framework, "lunch")


def test_the_stage_readings_are_the_guides_words_in_the_stage_passage(framework: Any, guide: Any) -> None:
    """Each phrase naming a stage's competency is verbatim in the guide passage that describes that stage."""
    focused = 0
    for step in framework.interview.steps:
        passage = next(c for c in guide.chunks if squash(step.source) in squash(c.text))
        for focus in step.assesses:
            focused += 1
            assert focus.competency in framework.competency_ids, (step.id, focus)
            assert squash(focus.source) in squash(passage.text), (step.id, focus.source)
        assert step.id in STAGES and all(any(c.section == s for c in guide.chunks) for s in step.background)
    assert focused == 5  # face_to_face: 2, case_study: 3 (framework.yaml interview.steps[].assesses)


def test_the_phone_screen_kit_says_what_the_guide_does_not_give(framework: Any, guide: Any) -> None:
    kit = build_kit(framework, "phone", "en", guide)
    assert kit.questions == [] and kit.competencies == []
    assert {"no_questions", "no_competencies", "french_only"} <= {n.code for n in kit.notes}
    assert [p.section for p in kit.background] == ["Que recherche le candidat ?"]
    assert kit.background[0].text.startswith("Un.e account manager peut rechercher")


@pytest.mark.parametrize("stage", STAGES)
def test_trial_period_advice_only_on_the_last_stage(framework: Any, guide: Any, stage: str) -> None:
    kit = build_kit(framework, stage, "fr", guide)
    assert kit.last_stage == (stage == "case_study")
    if stage == "case_study":
        assert [a.id for a in kit.trial_period] == [a.id for a in framework.trial_period]
        assert all(a.ref.section == "Gérer la période d’essai" for a in kit.trial_period)
    else:
        assert kit.trial_period == []


@pytest.mark.parametrize("stage", STAGES)
def test_topics_on_every_stage_with_a_note(framework: Any, guide: Any, stage: str) -> None:
    kit = build_kit(framework, stage, "en", guide)
    assert [t.label for t in kit.topics] == [t.label.en for t in framework.interview.topics]
    assert all(t.ref.section == "Ce dont il faut parler en entretien" for t in kit.topics)
    assert "topics_any_stage" in {n.code for n in kit.notes}


def test_french_only_note_in_the_english_kit_only(framework: Any, guide: Any) -> None:
    for stage in STAGES:
        assert "french_only" in {n.code for n in build_kit(framework, stage, "en", guide).notes}
        assert "french_only" not in {n.code for n in build_kit(framework, stage, "fr", guide).notes}


def test_without_the_guide_refs_keep_their_quote(framework: Any) -> None:
    kit = build_kit(framework, "face_to_face", "fr")
    assert kit.purpose.ref.quote and kit.purpose.ref.passage_id is None and kit.background == []


@pytest.mark.parametrize("bad", ["", None, "lunch", "PHONE", "../phone"])
def test_unknown_stage_lists_the_valid_ones(framework: Any, bad: Any) -> None:
    with pytest.raises(InputError, match="use one of phone, face_to_face, case_study"):
        build_kit(framework, bad, "fr")


def test_language_is_fr_or_en(framework: Any) -> None:
    assert build_kit(framework, "phone", "EN-gb").lang == "en"
    with pytest.raises(InputError, match="'de'"):
        build_kit(framework, "phone", "de")


# --------------------------------------------------------------------------- grounding


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


# Fields that are ids, codes or locations, not text shown as content (locations are checked on their own).
_NOT_TEXT = {"id", "stage", "lang", "guide_id", "code", "competencies", "question_ids", "framework_path", "section"}
_NOT_TEXT |= {"passage_id"}


def _walk(node: Any, path: str = "") -> list[tuple[str, str, str]]:
    """(path, key, text) for each text of a dumped kit."""
    out: list[tuple[str, str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _NOT_TEXT and (value is None or isinstance(value, str) or all(isinstance(v, str) for v in value)):
                continue  # ids and locations (a kit's `competencies` are objects, a question's are ids)
            if isinstance(value, str):
                out.append((f"{path}.{key}", key, value))
            else:
                out += _walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            out += (
                [(f"{path}[{i}]", path.rsplit(".", 1)[-1], item)]
                if isinstance(item, str)
                else _walk(item, f"{path}[{i}]")
            )
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("stage", STAGES)
def test_every_text_of_the_kit_is_in_the_framework_or_the_guide(
    framework: Any, guide: Any, guide_body: str, stage: str, lang: str
) -> None:
    kit = build_kit(framework, stage, lang, guide)
    framework_texts = set(_strings(framework.model_dump()))
    chunk_texts = {c.text for c in guide.chunks}
    body = squash(guide_body)
    note_texts = {pair[0 if lang == "fr" else 1] for pair in _NOTES.values()}
    data = kit.model_dump()
    checked = 0
    for path, key, text in _walk(data):
        checked += 1
        if key == "quote":
            assert squash(text) in body, f"{path}: quote not in guide.md: {text!r}"
        elif path.startswith(".notes"):
            assert text in note_texts, f"{path}: not one of the kit's notes"  # missing_anchor: tested above
        elif path.startswith(".background"):
            assert text in chunk_texts, f"{path}: not a guide passage"
        else:
            assert text in framework_texts, f"{path}: {text!r} is not a framework text"
    assert checked > 5
    sections = {c.section for c in guide.chunks}
    ids = {c.id for c in guide.chunks}
    for ref in _refs(data):
        assert ref["section"] in sections and ref["passage_id"] in ids, ref
        chunk = next(c for c in guide.chunks if c.id == ref["passage_id"])
        assert squash(ref["quote"]) in squash(chunk.text), "the passage id points at the passage holding the quote"


def _refs(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        found = [node] if {"quote", "passage_id", "section"} <= set(node) else []
        return found + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []
