"""The last stage: the verified evidence (and, from the LLM, ratings and a suggestion) as an InterviewSummary, with
follow-up questions from the guide's question bank for every competency the notes leave unassessed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import other_language
from .models import CompetencyAssessment, Evidence, FollowUpQuestion, InterviewSummary, PracticalFact
from .offline import MAX_EMBEDDED_CLAUSES, OfflineEvidence
from .prepare import Prepared
from .verify import LLMAssessment

if TYPE_CHECKING:
    from ..guide.framework import Framework

NOTICE = {
    "fr": "Aide à la décision : la décision d'embauche appartient à l'intervieweur·se. Chaque point repose sur une "
    "citation des notes ; les passages signalés (critère protégé, instruction adressée à l'IA, rémunération actuelle ou "
    "passée) sont exclus.",
    "en": "Decision support only: the hiring decision belongs to the interviewer. Every point rests on a quote from "
    "the notes; flagged passages (protected criteria, instructions aimed at the AI, current or past pay) are excluded.",
}
OFFLINE_NOTICE = {
    "fr": " Mode hors ligne : les notes sont organisées par compétence, sans note ni recommandation.",
    "en": " Offline mode: the notes are organised by competency, with no ratings and no recommendation.",
}
CAPPED_NOTICE = {
    "fr": " Notes très découpées : seules les {n} premières propositions ont été rapprochées par le modèle local ; les "
    "suivantes, par mots-clés seulement.",
    "en": " Very fragmented notes: only the first {n} clauses were matched by the local model; the rest by cue words "
    "only.",
}
COMBINED_NOTICE = {
    "fr": " Preuves : les lignes proposées par le modèle et vérifiées, complétées par le repérage hors ligne.",
    "en": " Evidence: the lines the model proposed, verified, completed by the offline matching.",
}
CUES_ONLY_NOTICE = {
    "fr": " Les embeddings configurés sont distants : les notes ne leur ont pas été envoyées, repérage par mots-clés seulement.",
    "en": " The configured embeddings are remote: the notes were not sent to them; matching used cue words only.",
}
OTHER_LANGUAGE_NOTICE = {
    "fr": " Ces notes ne semblent rédigées ni en français ni en anglais : le repérage hors ligne ne lit que ces deux "
    "langues, des preuves peuvent manquer et des passages être mal signalés.",
    "en": " These notes do not look written in French or English: the offline matching reads only those two "
    "languages, so evidence may be missing and passages may be flagged wrongly.",
}
EXCLUDED_TEXT = {
    "fr": "Les phrases ou puces contenant un critère protégé, une instruction adressée à l'IA ou une rémunération "
    "actuelle ou passée ont été retirées de l'analyse{how} : {n} passage(s).",
    "en": "Sentences or bullet items holding a protected criterion, text aimed at the AI or current or past pay "
    "were removed from the assessment{how}: {n} passage(s).",
}
EXCLUDED_HOW = {
    "fr": " (remplacées par un marqueur dans le texte envoyé au modèle ; toute citation qui en vient est écartée)",
    "en": " (replaced by a marker in the text sent to the model; any quote taken from them is dropped)",
}


def localized_notice(summary: InterviewSummary, lang: str) -> tuple[str, str]:
    """The scorecard's notice and exclusion line in `lang` (the page's), whatever the notes' language: the fixed
    sentences are swapped for their translation; anything else (an LLM failure's message) is kept as written."""
    src, dst = summary.language, "en" if lang == "en" else "fr"
    notice, excluded = summary.notice, summary.excluded
    if src == dst:
        return notice, excluded
    capped = {k: v.format(n=MAX_EMBEDDED_CLAUSES) for k, v in CAPPED_NOTICE.items()}
    for table in (NOTICE, OFFLINE_NOTICE, COMBINED_NOTICE, CUES_ONLY_NOTICE, OTHER_LANGUAGE_NOTICE, capped):
        notice = notice.replace(table[src], table[dst])
    for how in (EXCLUDED_HOW[src], ""):
        prefix, _, suffix = EXCLUDED_TEXT[src].partition("{n}")
        head, tail = prefix.format(how=how), suffix
        if excluded.startswith(head) and excluded.endswith(tail):
            n = excluded[len(head) : len(excluded) - len(tail)]
            excluded = EXCLUDED_TEXT[dst].format(n=n, how=EXCLUDED_HOW[dst] if how else "")
            break
    return notice, excluded


def stage_competencies(fw: Framework, stage: str | None) -> list[str] | None:
    """Ids of the competencies `stage` is meant to assess, in framework order; None when no stage is given.

    The reading is the interview kit's (assistant/kit: the question bank plus the guide's description of the stage),
    so a kit and the scorecard of the same stage agree. A stage the guide gives no competency (the phone screen is
    about motivations) gets an empty list: nothing is "not assessed" there, evidence found is still shown."""
    if stage is None:
        return None
    try:
        from ..kit.build import competencies_for_stage
    except ImportError:  # the kit is optional: the question bank alone then says what a stage assesses
        wanted = {c for q in fw.interview.questions if q.stage == stage for c in q.competencies}
        return [c for c in fw.competency_ids if c in wanted]
    return competencies_for_stage(fw, stage)


def follow_up_questions(fw: Framework, missing: list[str], lang: str, stage: str | None) -> list[FollowUpQuestion]:
    """Questions from the guide's bank covering the not-assessed competencies, then the framework's own wording."""
    todo = list(missing)
    questions = sorted(fw.interview.questions, key=lambda q: stage is not None and q.stage != stage)
    out: list[FollowUpQuestion] = []
    for q in questions:
        covered = [c for c in q.competencies if c in todo]
        if covered:
            out.append(
                FollowUpQuestion(
                    competency=covered[0],
                    competencies=covered,
                    question=q.text.get(lang),
                    question_id=q.id,
                    stage=q.stage,
                )
            )
            todo = [c for c in todo if c not in covered]
    for cid in todo:  # no question in the guide's bank: ask about the competency as the framework describes it
        c = fw.competency(cid)
        ask = "À explorer" if lang == "fr" else "To explore"
        colon = " :" if lang == "fr" else ":"
        question = f"{ask} — {c.label.get(lang)}{colon} {c.description.get(lang)}"
        out.append(FollowUpQuestion(competency=cid, competencies=[cid], question=question))
    return out


def build_scorecard(
    prep: Prepared,
    fw: Framework,
    stage: str | None,
    found: LLMAssessment | OfflineEvidence,
    *,
    backend: str,
    model: str | None,
    facts: list[PracticalFact] | None = None,
    interviewer: str | None = None,
) -> InterviewSummary:
    """The scorecard: one assessment per competency, strengths and concerns, follow-ups, facts, flags and notices.

    With a stage, a competency with no evidence is `not_assessed` only when the stage was meant to assess it, else
    `not_planned` (and gets no follow-up question)."""
    lang = prep.language
    if isinstance(found, LLMAssessment):
        llm, online, cues_only = found, True, False
    else:  # offline: evidence only, no ratings, rationales or recommendation
        llm, online, cues_only = LLMAssessment(), False, found.cues_only
    capped = not isinstance(found, LLMAssessment) and found.embedding_capped
    planned = stage_competencies(fw, stage)
    assessments: list[CompetencyAssessment] = []
    strengths: list[Evidence] = []
    concerns: list[Evidence] = []
    for c in fw.competencies:
        ev = sorted(found.evidence.get(c.id, []), key=lambda e: e.start)
        assessments.append(
            CompetencyAssessment(
                id=c.id,
                label=c.label.get(lang),
                status="assessed" if ev else "not_assessed" if planned is None or c.id in planned else "not_planned",
                rating=llm.ratings.get(c.id) if ev else None,
                rationale=llm.rationales.get(c.id, "") if ev else "",
                evidence=ev,
            )
        )
        strengths += [e.model_copy(update={"competency": c.id}) for e in ev if e.polarity == "positive"]
        concerns += [e.model_copy(update={"competency": c.id}) for e in ev if e.polarity == "negative"]
    missing = [a.id for a in assessments if a.status == "not_assessed"]
    notice = NOTICE[lang] + ("" if online else OFFLINE_NOTICE[lang]) + (CUES_ONLY_NOTICE[lang] if cues_only else "")
    notice += CAPPED_NOTICE[lang].format(n=MAX_EMBEDDED_CLAUSES) if capped else ""
    notice += COMBINED_NOTICE[lang] if online and llm.offline_added else ""
    notice += OTHER_LANGUAGE_NOTICE[lang] if other_language(prep.sanitized.text) else ""
    return InterviewSummary(
        language=lang,
        stage=stage,
        interviewer=interviewer,
        stage_competencies=planned,
        competencies=assessments,
        strengths=strengths,
        concerns=concerns,
        follow_up_questions=follow_up_questions(fw, missing, lang, stage),
        facts=list(facts or []),
        flags=prep.flags,
        recommendation=llm.recommendation,
        recommendation_rationale=llm.recommendation_rationale,
        notice=notice,
        backend=backend,
        model=model,
        excluded=EXCLUDED_TEXT[lang].format(n=len(prep.excluded), how=EXCLUDED_HOW[lang] if online else "")
        if prep.excluded
        else "",
        dropped=llm.dropped,
        retrieved=llm.retrieved,
    )
