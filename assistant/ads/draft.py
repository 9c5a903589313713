"""The LLM draft: one structured call over the plan's facts and the retrieved passages, one bounded re-ask on
linter errors and unsupported claims, then the model's wording assembled with the application's facts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import LLMError
from ..guide.framework import Framework
from ..guide.models import ScoredChunk
from ..llm import structured_call
from ..prompts import load_prompt
from ..qa.llm import normalize_citation
from ..rules.markup import sanitize_markdown
from ..rules.models import Flag
from ..text import fold, whole_sentences
from .claims import claim_problems, claim_sources, drop_unsupported
from .export import ad_markdown
from .fixes import neutral_text
from .models import LIMITS, AdDraft, AdSection, JobAd
from .pay import pay_section
from .plan import AdPlan

if TYPE_CHECKING:
    from ..services import Services

# Warnings the model can fix by rewording (pay and title are the application's, not the model's): re-asked like errors.
REWORDABLE = ("gendered_wording", "language")


@dataclass(frozen=True)
class LLMDraft:
    """The model's ad after verification."""

    ad: JobAd
    """The model's wording with the application's facts; unsupported claims already removed."""
    still_wrong: list[str]
    """What the one re-ask did not fix (reported in the result's notice)."""
    usage: dict[str, int]
    """Tokens and calls reported by the backend."""
    dropped: list[Flag]
    """One flag for each sentence removed as an unsupported claim (and a discrimination flag where it was one)."""
    rewritten: list[str]
    """The gendered forms code rewrote in neutral form, « before » → « after »."""


CHARS_PER_TOKEN = 3.2
"""French and English prose with the Qwen2.5 tokenizer, measured on the guide's passages (about 3.2 to 4)."""


def output_budget() -> int:
    """max_tokens for the ad call, from the bounds the AdDraft schema states (models.LIMITS): every string at its
    maxLength, every list at its maxItems, plus the JSON around them. A ceiling the grammar of a llama.cpp server
    guarantees; an ad of the usual length takes about half of it."""
    section = (
        LIMITS["heading"]
        + LIMITS["paragraphs"] * LIMITS["paragraph"]
        + LIMITS["bullets"] * LIMITS["bullet"]
        + LIMITS["citations"] * 40
    )
    chars = (
        LIMITS["title"]
        + LIMITS["descriptive_line"]
        + LIMITS["sections"] * section
        + LIMITS["skills"] * LIMITS["skill"]
        + 2 * LIMITS["sentence"]
    )
    items = LIMITS["sections"] * (LIMITS["paragraphs"] + LIMITS["bullets"] + LIMITS["citations"]) + LIMITS["skills"]
    json_tokens = 64 + LIMITS["sections"] * 24 + 4 * items
    return int(chars / CHARS_PER_TOKEN) + json_tokens


def _passages(hits: dict[str, list[ScoredChunk]]) -> tuple[str, dict[str, ScoredChunk]]:
    seen: dict[str, ScoredChunk] = {}
    for section_hits in hits.values():
        for hit in section_hits:
            seen.setdefault(hit.chunk.id, hit)
    text = "\n\n".join(f"[{cid}] ({h.chunk.section})\n{h.chunk.text}" for cid, h in seen.items())
    return text, seen


def _cited(citations: list[str], retrieved: dict[str, ScoredChunk]) -> list[str]:
    """The retrieved ids a section cites, with what small models write ("[id]", quotes, the section name) normalised."""
    hits = list(retrieved.values())
    found = (normalize_citation(c, hits) for c in citations)
    return list(dict.fromkeys(c for c in found if c is not None))


TITLE_LINES = {
    "en": (
        "Title to use",
        "Its meaning",
        "Other titles the guide recommends at this level (for context only):",
        "scope",
    ),
    "fr": (
        "Titre à utiliser",
        "Sa signification",
        "Autres titres que le guide recommande à ce niveau (pour contexte) :",
        "périmètre",
    ),
}
"""The title block's labels in the prompt's language (draft_ad.yaml is English, draft_ad_fr.yaml French)."""

PROMPTS = {"en": "draft_ad", "fr": "draft_ad_fr"}
"""The draft prompt for each ad language: a small model writes in the language of its instructions."""

LANGUAGE_NAMES = {"en": "English", "fr": "français"}


def _titles(plan: AdPlan, framework: Framework) -> str:
    """The title the ad uses (the application's: the requested one when usable), then the guide's others for context."""
    use, meaning, others_head, scope = TITLE_LINES[plan.lang]
    lines = [f"{use}: {plan.title_text}", f"{meaning}: {plan.title.description.get(plan.lang)}"]
    others = [
        f"- {t.label}: {t.description.get(plan.lang)} ({scope} {t.scope})"
        for t in framework.titles.recommended
        if t.label != plan.title_label and plan.brief.seniority in t.levels
    ]
    if others:
        lines += [others_head, *others]
    return "\n".join(lines)


@lru_cache(maxsize=2)
def _prompt_tokens(lang: str) -> tuple[str, ...]:
    """The folded words of the draft prompt's instructions for `lang`, in order."""
    return tuple(re.findall(r"[a-z0-9]+", fold(load_prompt(PROMPTS[lang]).system)))


@lru_cache(maxsize=1)
def _instructions() -> str:
    """The English draft prompt's instructions as folded words, one space apart (to recognise a line the model
    copied). The French prompt's are not: its phrases ("management d'équipe", "clients prestigieux") are also what a
    French ad rightly says."""
    return " " + " ".join(_prompt_tokens("en")) + " "


def echoes_instructions(text: str) -> bool:
    """A line that only repeats the prompt's instructions ("Prestigious clients", "Farmer = existing clients",
    "Five soft skills"): its words appear in the same order, together, in the instructions. Small models copy the
    section descriptions into the ad as bullets. A line in the ad's own words, or in French, is never one."""
    words = re.findall(r"[a-z0-9]+", fold(text))
    return bool(words) and f" {' '.join(words)} " in _instructions()


# The guide's advice to recruiters on what to call the job (« Préférez parler d'« account manager » … plutôt que
# « responsable de compte » »): a verb of choosing, a word for a name, and a comparison. Small models copy it into the
# ad; a reader of the ad is no one choosing its title.
_CHOOSE = re.compile(
    r"\b(?:prefer\w*|avoid\w*|use|using|say|call|privilegi\w*|evit\w*|parle[rz]|utilise[rz]|appele[rz])\b"
)
_NAME = re.compile(r"\b(?:terms?|titles?|job titles?|names?|wording|termes?|intitules?|titres?|appellations?|parler d)")
_RATHER = re.compile(r"\b(?:instead of|rather than|plutot que|plutot de|au lieu de)\b")


def advises_on_the_title(text: str) -> bool:
    """A line that advises on what to call the job ("Prefer to use the term 'account manager' instead of…"): the
    guide's advice to the recruiter, copied into the ad."""
    folded = fold(text)
    return bool(_CHOOSE.search(folded) and _NAME.search(folded) and _RATHER.search(folded))


_STOP = {"de", "du", "des", "la", "le", "les", "l", "d", "un", "une", "et", "en", "a", "of", "the", "and", "an", "in"}


def names_a_selling_point(text: str, lang: str) -> bool:
    """A company bullet that only names a kind of selling point the prompt lists ("Clients prestigieux", "Taille de
    l'équipe", "Nombre de partenaires existants") without stating one: no figure, and every word is the prompt's."""
    if re.search(r"\d", text):
        return False
    words = [w for w in re.findall(r"[a-z0-9]+", fold(text)) if w not in _STOP]
    return bool(words) and set(words) <= set(_prompt_tokens(lang))


def neutralise(ad: JobAd, lang: str) -> list[str]:
    """Rewrite, in place, the gendered forms of the model's strings that have a neutral form ("il disposera" → "la
    personne recrutée disposera", "un candidat" → "un·e candidat·e"), as the linter's fix would: the small model keeps
    some after its re-ask, and code does it without another call. The pay section is the application's. Returns
    "« before » → « after »" for each rewrite."""
    done: list[str] = []

    def fix(text: str) -> str:
        text, rewrites = neutral_text(text, lang)
        done.extend(rewrites)
        return text

    for section in ad.sections:
        if section.id != "pay":
            section.paragraphs = [fix(x) for x in section.paragraphs]
            section.bullets = [fix(x) for x in section.bullets]
    ad.descriptive_line = fix(ad.descriptive_line) if ad.descriptive_line else ad.descriptive_line
    ad.skills = [fix(x) for x in ad.skills]
    ad.experience = fix(ad.experience) if ad.experience else ad.experience
    ad.education = fix(ad.education) if ad.education else ad.education
    return list(dict.fromkeys(done))


def framework_labels(framework: Framework) -> frozenset[str]:
    """The guide's own labels (competencies, mission axes, profiles), folded, in French and English: a line that is
    one of them is content, even where the prompt's instructions use the same words."""
    texts = [c.label for c in framework.competencies]
    texts += [a.label for a in framework.missions.axes] + [p.label for p in framework.missions.profiles]
    return frozenset(fold(text) for label in texts for text in (label.fr, label.en) if text)


def _assemble(plan: AdPlan, framework: Framework, draft: AdDraft, retrieved: dict[str, ScoredChunk]) -> JobAd:
    """A JobAd from the LLM's wording plus the application's facts (pay, date, company) and checked citations.
    Lines that only copy the prompt's instructions are left out."""
    labels = framework_labels(framework)

    def clean(text: str | None, *, heading: bool = False, limit: int | None = None) -> str:
        # Model text is untrusted: no raw HTML, images or script links; one line, no heading marks.
        line = re.sub(r"\s+", " ", sanitize_markdown(text or "")).strip().lstrip("#").strip()
        if limit is not None:
            line = whole_sentences(line, limit)
        if heading or fold(line) in labels or len(line.split()) < 2:
            return line  # a heading, a label of the guide ("English", "Management d'équipe") or one word: content
        return "" if echoes_instructions(line) or advises_on_the_title(line) else line

    by_id = {s.id: s for s in draft.sections if s.id != "pay"}
    sections = []
    for sid in ("company", "missions", "profile", "pay", "process"):
        if sid == "pay":
            sections.append(pay_section(plan.salary, framework, plan.lang))
        elif sid in by_id:
            s = by_id[sid]
            sections.append(
                AdSection(
                    id=sid,
                    heading=clean(s.heading, heading=True),
                    paragraphs=[p for p in (clean(x, limit=LIMITS["paragraph"]) for x in s.paragraphs) if p],
                    bullets=[
                        b
                        for b in (clean(x, limit=LIMITS["bullet"]) for x in s.bullets)
                        if b and not (sid == "company" and names_a_selling_point(b, plan.lang))
                    ],
                    citations=_cited(s.citations, retrieved),
                )
            )
    return plan.job_ad(
        title=plan.title_text,  # the application's fact, whatever the model wrote
        descriptive_line=clean(draft.descriptive_line) or plan.descriptive_line,
        sections=sections,
        skills=[x for x in (clean(y, heading=True) for y in draft.skills) if x],  # short labels: never an echo
        experience=clean(draft.experience) or None,
        education=clean(draft.education) or None,
    )


def drop_repeats(ad: JobAd) -> int:
    """Remove, in place, each paragraph or bullet of the model's ad that repeats an earlier one word for word (case,
    accents and punctuation aside): a small model writes the same sentence as a paragraph and again as bullets. The
    pay is the application's. Returns how many were removed."""
    seen: set[str] = set()
    removed = 0
    for section in ad.sections:
        if section.id == "pay":
            continue
        for attr in ("paragraphs", "bullets"):
            kept = []
            for line in getattr(section, attr):
                key = " ".join(re.findall(r"\w+", fold(line)))
                if key and key in seen:
                    removed += 1
                    continue
                seen.add(key)
                kept.append(line)
            setattr(section, attr, kept)
    return removed


def problems_to_fix(plan: AdPlan, framework: Framework, draft: AdDraft, retrieved: dict[str, ScoredChunk]) -> list[str]:
    """What a re-ask must fix: the linter's errors on the would-be ad, missing sections, invented claims.

    The title and the pay are the application's: their flags are the recruiter's to resolve, not the model's."""
    problems = []
    missing = [s for s in ("company", "missions", "profile") if s not in {x.id for x in draft.sections}]
    if missing:
        problems.append(f"sections: missing {missing}")
    ad = _assemble(plan, framework, draft, retrieved)
    neutralise(ad, plan.lang)  # what code rewrites is not the model's to fix
    problems += claim_problems(ad, claim_sources(plan, framework, retrieved))
    for flag in plan.lint(ad_markdown(ad), framework):
        # Errors, and the warnings the model can fix by rewording (pay is the application's, not the model's).
        if flag.kind in ("title", "salary"):
            continue
        if flag.severity == "error" or (flag.severity == "warning" and flag.kind in REWORDABLE):
            problems.append(
                f"{flag.kind}: {flag.message}" + (f" (offending text: “{flag.evidence}”)" if flag.evidence else "")
            )
    if plan.lang == "fr" and any(p.startswith("language") for p in problems):
        # The re-ask is in English (as every problem the linter states); the ad must not follow it there.
        problems.append("language: rédigez chaque phrase de l'offre en français, aucune en anglais.")
    return problems


def llm_draft(plan: AdPlan, framework: Framework, hits: dict[str, list[ScoredChunk]], services: Services) -> LLMDraft:
    """One structured call (plus one bounded re-ask on linter errors and unsupported claims)."""
    passages, retrieved = _passages(hits)
    messages = load_prompt(PROMPTS[plan.lang]).render(
        language=LANGUAGE_NAMES[plan.lang],
        facts=plan.facts(),
        titles=_titles(plan, framework),
        passages=passages or "(no passage found)",
    )
    result = structured_call(
        services.chat_model,
        AdDraft,
        messages,
        validate=lambda d: problems_to_fix(plan, framework, d, retrieved),
        settings=services.settings,
        max_tokens=output_budget(),
    )
    if result.value is None:
        raise LLMError(f"The LLM's ad could not be used: {'; '.join(result.problems)}")
    ad = _assemble(plan, framework, result.value, retrieved)
    drop_repeats(ad)  # after the call: the re-ask read the draft as the model wrote it
    rewritten = neutralise(ad, plan.lang)
    dropped = drop_unsupported(ad, claim_sources(plan, framework, retrieved))
    still_wrong = [p for p in result.problems if not p.startswith("unsupported_claim")]
    return LLMDraft(ad=ad, still_wrong=still_wrong, usage=result.usage, dropped=dropped, rewritten=rewritten)
