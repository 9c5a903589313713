"""Several independent scorecards of one candidate → one Debrief: each interviewer's view side by side, agreement
marks, the competencies nobody assessed, and every flag with who raised it.

The debrief re-scores nothing and decides nothing: ratings, quotes and suggestions are the scorecards' own.

Agreement on a competency (`Mark`):

- `none`: nobody assessed it; `single`: one interviewer did (nothing to compare);
- `disagree`: two or more assessed it and either two of their ratings differ by `RATING_GAP` (2) points or more,
  or one interviewer's evidence leans strength (only positive quotes) while another's leans concern (only
  negative ones);
- `agree`: two or more assessed it and neither happened (offline scorecards carry no ratings, so there `agree`
  means that no interviewer's evidence contradicts another's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import InputError
from .load import check_count, name_scorecards
from .models import (
    Cell,
    CompetencyIn,
    CompetencyRow,
    Debrief,
    DebriefFlag,
    InterviewerInfo,
    Lean,
    Mark,
    Scorecard,
)
from .redact import flag_placeholder, scrub

if TYPE_CHECKING:
    from ..guide.framework import Framework

RECOMMENDATIONS = ("advance", "hold", "do_not_advance")
RATING_GAP = 2
"""Two ratings this far apart (or more) on one competency are a disagreement."""

STATEMENT = {
    "fr": "La décision reste aux personnes qui recrutent. Ce débrief ne fait que rassembler des grilles remplies "
    "indépendamment par chaque intervieweur·se : il ne note pas, ne départage pas et ne recommande rien. Les "
    "désaccords sont à discuter entre vous, preuves à l'appui.",
    "en": "The decision stays with the people hiring. This debrief only brings together scorecards each interviewer "
    "filled in independently: it does not score, settle or recommend anything. Discuss the disagreements together, "
    "with the evidence.",
}
FLAG_MESSAGES = {
    "discrimination": (
        "Critère protégé mentionné dans les notes : il ne doit pas compter dans l'évaluation (Code du travail "
        "L1132-1 ; L1221-6 : ce qui est évalué doit avoir un lien direct et nécessaire avec l'emploi).",
        "Protected criterion mentioned in the notes: it must not count in the assessment (Code du travail L1132-1; "
        "L1221-6: what is assessed needs a direct and necessary link with the job).",
    ),
    "pii": (
        "Donnée personnelle : à ne pas conserver dans le dossier (RGPD, minimisation des données ; guide "
        "recrutement de la CNIL).",
        "Personal data: not to be kept in the record (GDPR data minimisation; CNIL recruitment guide).",
    ),
    "prompt_injection": (
        "Texte adressé à l'IA (injection de prompt) : ignoré, jamais utilisé comme preuve, sans effet sur "
        "l'évaluation (OWASP LLM01).",
        "Text addressed to the AI (prompt injection): ignored, never used as evidence, no effect on the assessment "
        "(OWASP LLM01).",
    ),
    "pay_history": (
        "Rémunération actuelle ou passée du/de la candidat·e : la demander est interdit (directive UE 2023/970, "
        "art. 5(2)) ; tenue hors de l'évaluation.",
        "The candidate's current or past pay: asking for it is not allowed (EU Directive 2023/970, art. 5(2)); kept "
        "out of the assessment.",
    ),
}
"""The debrief's own wording of known flags, in its language (a scorecard's message may be in another)."""
_REASONS = {
    "fr": {
        "gap": "notes {a} ({who_a}) et {b} ({who_b}) : {gap} points d'écart",
        "lean": "point fort pour {strong}, point de vigilance pour {weak}",
    },
    "en": {
        "gap": "ratings {a} ({who_a}) and {b} ({who_b}) are {gap} points apart",
        "lean": "a strength for {strong}, a concern for {weak}",
    },
}


def lean_of(polarities: Sequence[str]) -> Lean:
    """What evidence leans to: only positive → strength, only negative → concern, both → mixed, else neutral."""
    pos, neg = "positive" in polarities, "negative" in polarities
    if pos and neg:
        return "mixed"
    return "strength" if pos else "concern" if neg else "neutral"


def agreement(cells: Sequence[Cell], lang: str = "en") -> tuple[Mark, list[str]]:
    """The agreement mark of one competency from its cells, and the reasons for a disagreement (see the module)."""
    assessed = [c for c in cells if c.assessed]
    if not assessed:
        return "none", []
    if len(assessed) == 1:
        return "single", []
    words = _REASONS["en" if lang == "en" else "fr"]
    reasons: list[str] = []
    rated = sorted((c for c in assessed if c.rating is not None), key=lambda c: c.rating or 0)
    if len(rated) >= 2 and (rated[-1].rating or 0) - (rated[0].rating or 0) >= RATING_GAP:
        low, high = rated[0], rated[-1]
        reasons.append(
            words["gap"].format(
                a=high.rating,
                who_a=high.interviewer,
                b=low.rating,
                who_b=low.interviewer,
                gap=(high.rating or 0) - (low.rating or 0),
            )
        )
    strong = [c.interviewer for c in assessed if c.lean == "strength"]
    weak = [c.interviewer for c in assessed if c.lean == "concern"]
    if strong and weak:
        reasons.append(words["lean"].format(strong=", ".join(strong), weak=", ".join(weak)))
    return ("disagree" if reasons else "agree"), reasons


def _check_same_framework(scorecards: Sequence[Scorecard], framework: Framework | None) -> None:
    """Scorecards of different guides cannot be compared: InputError naming the odd one out."""
    guides = {sc.card.guide for sc in scorecards if sc.card.guide}
    if len(guides) > 1:
        raise InputError(
            f"The scorecards come from different guides ({', '.join(sorted(guides))}): a debrief compares scorecards "
            "made against one competency framework."
        )
    if framework is not None:
        known = set(framework.competency_ids)
        for sc in scorecards:
            unknown = [c.id for c in sc.card.competencies if c.id not in known]
            if unknown:
                raise InputError(
                    f"{sc.interviewer}'s scorecard was made against another competency framework (unknown "
                    f"competencies: {', '.join(unknown[:5])}). A debrief compares scorecards of one guide."
                )
        return
    reference = {c.id for c in scorecards[0].card.competencies}
    for sc in scorecards[1:]:
        ids = {c.id for c in sc.card.competencies}
        if not (ids <= reference or reference <= ids):
            raise InputError(
                f"{scorecards[0].interviewer}'s and {sc.interviewer}'s scorecards list different competencies: they "
                "were made against different frameworks, and a debrief compares scorecards of one guide."
            )


def _check_distinct(scorecards: Sequence[Scorecard]) -> None:
    """The same scorecard twice (one file uploaded twice) would look like two interviewers agreeing."""
    for i, sc in enumerate(scorecards):
        for other in scorecards[:i]:
            if sc.card.competencies == other.card.competencies and sc.card.flags == other.card.flags:
                raise InputError(
                    f"{other.interviewer} and {sc.interviewer} are the same scorecard (the same file or notes given "
                    "twice?): a debrief compares different interviewers' scorecards."
                )


def _cell(name: str, comp: CompetencyIn | None, lang: str) -> Cell:
    if comp is None:
        return Cell(interviewer=name, status="absent", assessed=False)
    assessed = comp.status == "assessed"
    polarities = [e.polarity for e in comp.evidence] if assessed else []
    return Cell(
        interviewer=name,
        status=comp.status,
        assessed=assessed,
        rating=comp.rating if assessed else None,
        lean=lean_of(polarities),
        quotes=[scrub(e.quote, lang) for e in comp.evidence] if assessed else [],
        polarities=polarities,
    )


def _flag_message(kind: str, message: str, message_fr: str | None, lang: str) -> str:
    known = FLAG_MESSAGES.get(kind)
    if known:
        return known[1] if lang == "en" else known[0]
    return scrub(message_fr if lang == "fr" and message_fr else message, lang, criteria=False)


def _flags(scorecards: Sequence[Scorecard], lang: str) -> list[DebriefFlag]:
    """Every scorecard's flags, one entry per (kind, severity, placeholder), naming who raised it."""
    merged: dict[tuple[str, str, str], DebriefFlag] = {}
    for sc in scorecards:
        for f in sc.card.flags:
            text = f.evidence if f.evidence is not None else f.quote
            placeholder = flag_placeholder(f.kind, f.message, text, lang)
            key = (f.kind, f.severity, placeholder)
            if key not in merged:
                merged[key] = DebriefFlag(
                    kind=f.kind,
                    severity=f.severity,
                    message=_flag_message(f.kind, f.message, f.message_fr, lang),
                    placeholder=placeholder,
                    raised_by=[],
                )
            if sc.interviewer not in merged[key].raised_by:
                merged[key].raised_by.append(sc.interviewer)
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(merged.values(), key=lambda f: order.get(f.severity, 3))


def build_debrief(
    scorecards: Sequence[Scorecard],
    *,
    lang: str | None = None,
    framework: Framework | None = None,
    today: dt.date | None = None,
) -> Debrief:
    """Aggregate independent scorecards of one candidate into a Debrief (2 to MAX_SCORECARDS of one framework).

    `lang` defaults to the first scorecard's language; `framework` (when given) checks the competencies and
    provides their labels in `lang`; `today` dates the debrief (default: today)."""
    check_count(len(scorecards))
    language = "en" if (lang or scorecards[0].card.language) == "en" else "fr"
    scrubbed = [sc.model_copy(update={"interviewer": scrub(sc.interviewer, language)}) for sc in scorecards]
    named = name_scorecards(scrubbed, language)
    _check_same_framework(named, framework)
    _check_distinct(named)

    order: list[str] = []
    labels: dict[str, str] = {}
    if framework is not None:
        present = {c.id for sc in named for c in sc.card.competencies}
        order = [cid for cid in framework.competency_ids if cid in present]
        labels = {cid: framework.competency(cid).label.get(language) for cid in order}
    else:
        for sc in named:
            for c in sc.card.competencies:
                if c.id not in labels:
                    order.append(c.id)
                    labels[c.id] = c.label if sc.card.language == language or not c.label else ""
        for sc in named:  # a label in the debrief's language when some scorecard has it, else any
            for c in sc.card.competencies:
                if not labels[c.id]:
                    labels[c.id] = c.label or c.id

    rows: list[CompetencyRow] = []
    for cid in order:
        cells = [
            _cell(sc.interviewer, next((c for c in sc.card.competencies if c.id == cid), None), language)
            for sc in named
        ]
        mark, reasons = agreement(cells, language)
        rows.append(CompetencyRow(id=cid, label=labels[cid] or cid, mark=mark, reasons=reasons, cells=cells))

    return Debrief(
        language=language,
        date=(today or dt.date.today()).isoformat(),
        interviewers=[
            InterviewerInfo(
                name=sc.interviewer,
                stage=scrub(sc.card.stage, language) if sc.card.stage else None,
                source=sc.source,
                backend=scrub(sc.card.backend, language),
                recommendation=sc.card.recommendation if sc.card.recommendation in RECOMMENDATIONS else None,
            )
            for sc in named
        ],
        competencies=rows,
        not_assessed=[r.label for r in rows if r.mark == "none"],
        not_planned=[
            r.label
            for r in rows
            if r.mark == "none"
            and any(c.status == "not_planned" for c in r.cells)
            and all(c.status in ("not_planned", "absent") for c in r.cells)
        ],
        flags=_flags(named, language),
        statement=STATEMENT[language],
    )
