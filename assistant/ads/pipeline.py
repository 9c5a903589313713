"""Drafting a job ad, top to bottom: plan → retrieve → (LLM draft | offline composition) → lint → result."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..errors import InputError, LLMError
from ..guide.models import Citation, ScoredChunk
from ..rules.models import Flag, kind_words
from .brief import LANGUAGES
from .claims import drop_discriminatory
from .complete import complete_ad
from .compose import OfflineDraft, compose_offline
from .draft import REWORDABLE, llm_draft
from .export import ad_markdown
from .models import AdResult, JobAd, JobBrief
from .plan import AdPlan, plan_ad
from .retrieve import retrieve_sections, section_citations

if TYPE_CHECKING:
    from ..guide.knowledge import KnowledgeBase
    from ..services import Services

NOTICES: dict[str, dict[str, str]] = {
    "fallback": {"en": "Showing the offline draft instead.", "fr": "Voici le brouillon hors ligne."},
    "still_wrong": {
        "en": "The model's draft still breaks rules after one correction; review the flags.",
        "fr": "Le brouillon du modèle enfreint encore des règles après une correction ; vérifiez les signalements.",
    },
    "discriminatory": {
        "en": "Sentences of the model's draft naming a protected criterion were left out; see the discrimination "
        "flags.",
        "fr": "Les phrases du brouillon du modèle qui citent un critère protégé ont été retirées ; voyez les "
        "signalements « critère protégé ».",
    },
    "completed": {
        "en": "Facts of the brief and the guide that the model's draft left out were added from the offline draft:",
        "fr": "Les faits du brief et du guide que le brouillon du modèle omettait ont été ajoutés depuis le brouillon "
        "hors ligne :",
    },
    "neutral": {
        "en": "Gendered wording of the model's draft was rewritten in neutral form:",
        "fr": "Les formes genrées du brouillon du modèle ont été réécrites en forme neutre :",
    },
    "rejected": {
        "en": "The model's draft still broke rules after one correction, so it is not shown:",
        "fr": "Le brouillon du modèle enfreignait encore des règles après une correction ; il n’est pas affiché :",
    },
    "unsupported": {
        "en": "Sentences stating figures or benefits the brief does not give were left out of the model's draft; "
        'see the "Unsupported claim" flags.',
        "fr": "Les phrases du brouillon du modèle qui annoncent des chiffres ou des avantages absents du brief ont été "
        "retirées ; voyez les signalements « affirmation sans source ».",
    },
}
"""The notices a draft can carry, in English (`AdResult.notice`, as the CLI prints it) and in French
(`AdResult.notice_fr`, with the facts and rules it names in French too)."""


def localized_notice(notice: str | None, lang: str) -> str | None:
    """An `AdResult.notice` with its fixed sentences in `lang` (fr or en); an LLM error quoted in it stays as written.
    For a result saved before `notice_fr` existed: `notice_in` prefers the French notice the pipeline wrote."""
    if not notice or lang != "fr":
        return notice
    for pair in NOTICES.values():
        notice = notice.replace(pair["en"], pair["fr"])
    return notice


def notice_in(result: AdResult, lang: str) -> str | None:
    """The result's notice in `lang`: the French one the pipeline wrote (facts and rules named in French), else the
    English one with its fixed sentences swapped."""
    if lang == "fr" and result.notice_fr:
        return result.notice_fr
    return localized_notice(result.notice, lang)


class _Notices:
    """The notices of one draft, written in English and French side by side."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, en: str, fr: str, *, at: int | None = None) -> None:
        self.items.insert(len(self.items) if at is None else at, (en, fr))

    def fixed(self, key: str, *, at: int | None = None) -> None:
        self.add(NOTICES[key]["en"], NOTICES[key]["fr"], at=at)

    def text(self, lang: str) -> str | None:
        return " ".join(en if lang == "en" else fr for en, fr in self.items) or None


def draft_job_ad(
    brief: JobBrief,
    services: Services,
    *,
    language: str | None = None,
    today: date | None = None,
    fallback_offline: bool = False,
) -> AdResult:
    """Draft a job ad from a brief: offline from templates, or with one structured LLM call; always linted."""
    lang = language or brief.language
    if lang not in LANGUAGES:
        raise InputError(
            f"Unknown language {lang!r}; valid values: fr, en.",
            message_fr=f"Langue inconnue {lang!r} ; valeurs possibles : fr, en.",
        )
    framework, kb = services.framework, services.kb
    plan = plan_ad(brief, framework, lang, today=today)
    hits = retrieve_sections(kb)
    flags = list(plan.flags)
    notices = _Notices()
    ad: JobAd | None = None
    composed = compose_offline(plan, framework)  # the offline ad, and the facts any draft must state
    backend, model_name, usage = "offline", None, {}
    if services.chat_model is not None:
        try:
            drafted = llm_draft(plan, framework, hits, services)
        except LLMError as exc:
            if not fallback_offline:
                raise
            notices.add(f"{exc} {NOTICES['fallback']['en']}", f"{exc.message_fr or exc} {NOTICES['fallback']['fr']}")
        else:
            ad, usage, backend, model_name = drafted.ad, drafted.usage, services.backend, services.model_name
            flags += drafted.dropped
            if drafted.rewritten:
                rewrites = ", ".join(drafted.rewritten)
                notices.add(f"{NOTICES['neutral']['en']} {rewrites}.", f"{NOTICES['neutral']['fr']} {rewrites}.")
            # What the model left out of the brief and the guide, added in code from the offline composition.
            completion = complete_ad(ad, composed)
            for section in ad.sections:
                extra = completion.sources.get(section.id)
                if extra:
                    more = section_citations(kb, hits.get(section.id, []), extra)
                    section.citations = list(dict.fromkeys([*section.citations, *more]))
            if completion.added:
                notices.add(
                    f"{NOTICES['completed']['en']} {', '.join(en for _, en in completion.added)}.",
                    f"{NOTICES['completed']['fr']} {', '.join(fr for fr, _ in completion.added)}.",
                )
    if ad is not None:
        text = ad_markdown(ad)
        linted = plan.lint(text, framework)
        protected_dropped = False
        if any(f.kind == "discrimination" and f.severity == "error" for f in linted):
            # The model still wrote a protected criterion after its one re-ask: the sentence goes, the flag stays.
            flags += drop_discriminatory(ad)
            text = ad_markdown(ad)
            linted = plan.lint(text, framework)
            notices.fixed("discriminatory", at=0)
            protected_dropped = True
        offline_ad = _offline_ad(plan, composed, kb, hits)
        offline_linted = plan.lint(ad_markdown(offline_ad), framework)
        left = _model_errors(linted, offline_linted)
        if left:
            # What the re-ask and the code could not fix (an English passage in a French ad, say) is never shown as
            # the ad: the offline draft, which states the same facts, takes its place; the model's calls still count.
            notices = _Notices()
            notices.add(
                f"{NOTICES['rejected']['en']} {', '.join(kind_words(k, 'en') for k in left)}. "
                f"{NOTICES['fallback']['en']}",
                f"{NOTICES['rejected']['fr']} {', '.join(kind_words(k, 'fr') for k in left)}. "
                f"{NOTICES['fallback']['fr']}",
            )
            flags, ad, linted = list(plan.flags), offline_ad, offline_linted
            backend, model_name = "offline", None
            text = ad_markdown(ad)
        elif drafted.still_wrong and _model_errors(linted, offline_linted, warnings=REWORDABLE):
            # What the re-ask left is reported only while the ad shown still has it: a section code added from the
            # offline draft, or a sentence it dropped, is no longer the model's to fix.
            notices.fixed("still_wrong", at=1 if protected_dropped else 0)  # after the notice of the sentences dropped
    else:
        ad = _offline_ad(plan, composed, kb, hits)
        text = ad_markdown(ad)
        linted = plan.lint(text, framework)
    flags = _dedupe(flags + linted)
    if any(f.kind == "unsupported_claim" for f in flags):
        notices.fixed("unsupported", at=0)
    cited = dict.fromkeys(cid for s in ad.sections for cid in s.citations)
    citations = [Citation(chunk_id=c.id, section=c.section, text=c.text) for c in map(kb.get, cited) if c is not None]
    return AdResult(
        ad=ad,
        text=text,
        flags=flags,
        citations=citations,
        backend=backend,
        model=model_name,
        notice=notices.text("en"),
        notice_fr=notices.text("fr"),
        usage=usage,
    )


def _offline_ad(plan: AdPlan, composed: OfflineDraft, kb: KnowledgeBase, hits: dict[str, list[ScoredChunk]]) -> JobAd:
    """The offline composition as a JobAd, each section citing the passages its sentences come from (a fresh copy:
    the composition stays untouched for a second use)."""
    sections = [s.model_copy(deep=True) for s in composed.sections]
    for section in sections:
        section.citations = section_citations(kb, hits.get(section.id, []), composed.sources.get(section.id, []))
    return plan.job_ad(
        title=plan.title_text,
        descriptive_line=plan.descriptive_line,
        sections=sections,
        skills=list(composed.skills),
        experience=composed.experience,
        education=composed.education,
    )


def _model_errors(linted: list[Flag], offline: list[Flag], *, warnings: tuple[str, ...] = ()) -> list[str]:
    """The kinds of error (and of the `warnings` kinds given) the model's ad has beyond those of the offline ad from
    the same brief (what the brief itself causes, the recruiter resolves; what the model wrote, it should have fixed).
    Language flags and warnings compare by passage: a brief's own text in another script (or gendered word) gives the
    offline ad one, and must not excuse the model's English sentence (or its own gendered form)."""

    def counts(f: Flag) -> bool:
        return f.severity == "error" or (f.severity == "warning" and f.kind in warnings)

    def by_text(f: Flag) -> bool:
        return f.kind == "language" or f.severity == "warning"

    baseline = {f.kind for f in offline if counts(f) and not by_text(f)}
    passages = {(f.kind, f.evidence) for f in offline if counts(f) and by_text(f)}
    return list(
        dict.fromkeys(
            f.kind
            for f in linted
            if counts(f) and (((f.kind, f.evidence) not in passages) if by_text(f) else f.kind not in baseline)
        )
    )


def _dedupe(flags: list[Flag]) -> list[Flag]:
    seen, out = set(), []
    for f in flags:
        key = (f.kind, f.severity, f.evidence, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
