"""Build the interview kit of one stage from the guide's framework (and, for passage ids, the chunked guide).

The competencies a stage assesses are those its questions probe (the framework's question bank) plus those the
guide's own description of the stage names (`interview.steps[].assesses` in framework.yaml, each with its verbatim
source, checked like every framework source). Nothing else is added: a stage the guide gives no competency to gets none, and the kit says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..errors import InputError
from .models import (
    Anchor,
    GuidePassage,
    GuideRef,
    InterviewKit,
    KitCompetency,
    KitNote,
    KitQuestion,
    KitTopic,
    Lang,
    StagePurpose,
    TrialAdvice,
)

if TYPE_CHECKING:
    from ..guide.chunking import Guide
    from ..guide.framework import Framework

ANCHOR_RATINGS: tuple[int, ...] = (1, 3, 5)

_NOTES: dict[str, tuple[str, str]] = {
    "no_questions": (
        "La banque de questions du guide ne propose aucune question pour cette étape.",
        "The guide's question bank has no question for this stage.",
    ),
    "no_competencies": (
        "Le guide ne désigne, pour cette étape, aucune compétence du référentiel à évaluer.",
        "The guide names no competency of the framework to assess at this stage.",
    ),
    "missing_anchor": (
        "Le référentiel ne décrit pas la note {rating} pour « {label} ».",
        "The framework does not describe a {rating} for “{label}”.",
    ),
    "french_only": (
        "Les citations et extraits du guide sont en français, la langue du guide.",
        "Quotes and passages from the guide are in French, the guide's language: the framework gives no English "
        "for them.",
    ),
    "topics_any_stage": (
        "Le guide liste ces sujets pour l'entretien sans les rattacher à une étape.",
        "The guide lists these topics for the interview without tying them to a stage.",
    ),
}


def _lang(lang: str) -> Lang:
    """'fr', 'FR', 'en-GB' → 'fr' / 'en'; anything else is an InputError."""
    key = str(lang or "").strip().lower().replace("_", "-").split("-")[0]
    if key not in ("fr", "en"):
        raise InputError(f"Unsupported language {lang!r}: use 'fr' or 'en'.")
    return "fr" if key == "fr" else "en"


def _note(code: str, lang: Lang, **fmt: object) -> KitNote:
    fr, en = _NOTES[code]
    text = fr if lang == "fr" else en
    return KitNote(code=code, text=text.format(**fmt) if fmt else text)  # type: ignore[arg-type]


def stage_ids(framework: Framework) -> list[str]:
    """The guide's interview stages, in process order."""
    return [s.id for s in framework.interview.steps]


def check_stage(framework: Framework, stage: str | None) -> str:
    """The stage id unchanged, or an InputError naming the valid stages."""
    valid = stage_ids(framework)
    if stage not in valid:
        raise InputError(f"Unknown interview stage {stage!r}: use one of {', '.join(valid)}.")
    return str(stage)


def _focus(framework: Framework, stage: str) -> tuple[tuple[str, str], ...]:
    known = set(framework.competency_ids)
    step = next(s for s in framework.interview.steps if s.id == stage)
    return tuple((f.competency, f.source) for f in step.assesses if f.competency in known)


def competencies_for_stage(framework: Framework, stage: str) -> list[str]:
    """Ids of the competencies to assess at `stage`, in framework order (empty when the guide names none)."""
    check_stage(framework, stage)
    wanted = {cid for q in framework.interview.questions if q.stage == stage for cid in q.competencies}
    wanted |= {cid for cid, _ in _focus(framework, stage)}
    return [cid for cid in framework.competency_ids if cid in wanted]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _ref(quote: str, framework_path: str | None, guide: Guide | None) -> GuideRef:
    """A reference to the framework item and the guide passage holding `quote` (first passage that contains it)."""
    section = passage_id = None
    if guide is not None:
        needle = _squash(quote)
        for chunk in guide.chunks:
            if needle in _squash(chunk.text):
                section, passage_id = chunk.section, chunk.id
                break
    return GuideRef(framework_path=framework_path, quote=quote, section=section, passage_id=passage_id)


def _background(framework: Framework, stage: str, guide: Guide | None) -> list[GuidePassage]:
    if guide is None:
        return []
    sections = next(s for s in framework.interview.steps if s.id == stage).background
    return [
        GuidePassage(
            section=c.section,
            text=c.text,
            ref=GuideRef(framework_path=None, quote=c.text, section=c.section, passage_id=c.id),
        )
        for c in guide.chunks
        if c.section in sections
    ]


def build_kit(framework: Framework, stage: str, lang: str = "fr", guide: Guide | None = None) -> InterviewKit:
    """The interview kit of `stage` in `lang` ('fr' or 'en'); pass the chunked `guide` to get section/passage ids."""
    stage = check_stage(framework, stage)
    lang_key = _lang(lang)
    steps = framework.interview.steps
    step = next(s for s in steps if s.id == stage)
    last = steps[-1].id == stage
    notes: list[KitNote] = []

    purpose = StagePurpose(
        label=step.label.get(lang_key),
        text=step.description.get(lang_key),
        ref=_ref(step.source, f"interview.steps[id={step.id}]", guide),
    )

    labels = {c.id: c.label.get(lang_key) for c in framework.competencies}
    stage_questions = [q for q in framework.interview.questions if q.stage == stage]
    questions = [
        KitQuestion(
            id=q.id,
            text=q.text.get(lang_key),
            competencies=list(q.competencies),
            competency_labels=[labels[c] for c in q.competencies],
            ref=_ref(q.source, f"interview.questions[id={q.id}]", guide),
        )
        for q in stage_questions
    ]
    if not questions:
        notes.append(_note("no_questions", lang_key))

    focus = _focus(framework, stage)
    competencies: list[KitCompetency] = []
    for cid in competencies_for_stage(framework, stage):
        comp = framework.competency(cid)
        anchors = [Anchor(rating=r, text=comp.anchor(r, lang_key)) for r in ANCHOR_RATINGS]
        for a in anchors:
            if a.text is None:
                notes.append(_note("missing_anchor", lang_key, rating=a.rating, label=comp.label.get(lang_key)))
        asked_by = [q for q in stage_questions if cid in q.competencies]
        why = [_ref(phrase, None, guide) for fid, phrase in focus if fid == cid]
        why += [_ref(q.source, f"interview.questions[id={q.id}]", guide) for q in asked_by]
        competencies.append(
            KitCompetency(
                id=cid,
                label=comp.label.get(lang_key),
                description=comp.description.get(lang_key),
                anchors=anchors,
                question_ids=[q.id for q in asked_by],
                why=why,
                ref=_ref(comp.source, f"competencies[id={cid}]", guide),
            )
        )
    if not competencies:
        notes.append(_note("no_competencies", lang_key))

    topics = [
        KitTopic(id=t.id, label=t.label.get(lang_key), ref=_ref(t.source, f"interview.topics[id={t.id}]", guide))
        for t in framework.interview.topics
    ]
    if topics:
        notes.append(_note("topics_any_stage", lang_key))
    trial = (
        [
            TrialAdvice(id=a.id, text=a.text.get(lang_key), ref=_ref(a.source, f"trial_period[id={a.id}]", guide))
            for a in framework.trial_period
        ]
        if last
        else []
    )
    if framework.guide.language == "fr" and lang_key == "en":
        notes.append(_note("french_only", lang_key))

    return InterviewKit(
        guide_id=framework.guide.id,
        guide_title=framework.guide.title,
        stage=stage,
        lang=lang_key,
        last_stage=last,
        purpose=purpose,
        questions=questions,
        competencies=competencies,
        topics=topics,
        trial_period=trial,
        background=_background(framework, stage, guide),
        notes=notes,
    )


def all_kits(framework: Framework, lang: str = "fr", guide: Guide | None = None) -> Iterable[InterviewKit]:
    """One kit per stage, in process order."""
    return (build_kit(framework, s, lang, guide) for s in stage_ids(framework))
