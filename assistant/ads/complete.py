"""Completing an LLM draft: the facts of the brief and the guide that the model left out, added in code.

A small model writes good prose but drops facts: the team the hire will manage, a requirement of the hiring manager,
the years of experience the guide sets for the level, a skill of the profile. Each such fact is a `Required` item of
the offline composition, with the offline sentence that states it and patterns that recognise it stated in other
words. The model's ad keeps its wording; code adds the sentence of every fact it does not state, and any section it
left out, from the offline draft. No call is spent on it (a re-ask costs minutes on a small model and may still
miss).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import fold
from .compose import OfflineDraft, Required
from .models import AdSection, JobAd
from .wording import join, t

SECTION_ORDER = ("company", "missions", "profile", "pay", "process")
SECTION_NAMES_FR = {
    "company": "entreprise",
    "missions": "missions",
    "profile": "profil",
    "pay": "rémunération",
    "process": "processus de recrutement",
}


@dataclass
class Completion:
    """What code added to the model's ad."""

    added: list[tuple[str, str]] = field(default_factory=list)
    """The facts added (`Required.what`, French and English), and ("section : <name>", "section: <id>") for a section
    taken whole from the offline draft."""
    sources: dict[str, list[str]] = field(default_factory=dict)
    """Section id → the framework source quotes behind what was added (guide citations for the section)."""


_SENTENCE = re.compile(r"(?<=[.!?])\s+|\s*;\s*")
"""Where a line of the ad is cut into sentences (after end punctuation, at a semicolon)."""


def _stated(item: Required, ad_text: str, section_text: str, lines: list[str]) -> bool:
    if item.scope == "line":
        return any(all(re.search(needle, line) for needle in item.needles) for line in lines)
    text = section_text if item.scope == "section" else ad_text
    return all(re.search(needle, text) for needle in item.needles)


def _section_text(section: AdSection) -> str:
    return fold(" ".join([section.heading, *section.paragraphs, *section.bullets]))


def complete_ad(ad: JobAd, offline: OfflineDraft) -> Completion:
    """Add to `ad` (in place) the sections and the required facts the model left out; say what was added."""
    done = Completion()
    taken_whole: set[str] = set()
    by_id: dict[str, AdSection] = {s.id: s for s in ad.sections}
    offline_by_id: dict[str, AdSection] = {s.id: s for s in offline.sections}
    for sid in SECTION_ORDER:
        if sid not in by_id and sid in offline_by_id:
            by_id[sid] = offline_by_id[sid].model_copy(deep=True)
            done.added.append((f"section : {SECTION_NAMES_FR[sid]}", f"section: {sid}"))
            taken_whole.add(sid)
            done.sources[sid] = list(offline.sources.get(sid, []))
    ad.sections = [by_id[sid] for sid in SECTION_ORDER if sid in by_id] + [
        s for s in ad.sections if s.id not in SECTION_ORDER
    ]
    # What the model wrote, before anything is added: an added sentence never counts as the model stating a fact.
    section_texts: dict[str, str] = {sid: _section_text(s) for sid, s in by_id.items()}
    ad_text = " ".join(
        text for sid, text in section_texts.items() if sid != "pay"
    )  # the pay is code's, not the model's
    # A requirement of the brief is the candidate's: stated in one sentence of the profile the model wrote.
    lines = {
        sid: [fold(x) for p in (*s.paragraphs, *s.bullets) for x in _SENTENCE.split(p) if x.strip()]
        for sid, s in by_id.items()
    }
    soft: dict[str, list[Required]] = {}
    for item in offline.required:
        section = by_id.get(item.section)
        if section is None or item.section in taken_whole:
            continue
        if _stated(item, ad_text, section_texts[item.section], lines[item.section]):
            continue
        if item.place == "soft":
            soft.setdefault(item.section, []).append(item)
            continue
        (section.bullets if item.place == "bullet" else section.paragraphs).append(item.text)
        _note(done, ad, item)
    for sid, items in soft.items():
        labels = join([i.text for i in items], ad.language)
        by_id[sid].bullets.append(t(ad.language, f"Qualités attendues : {labels}.", f"Soft skills: {labels}."))
        for item in items:
            _note(done, ad, item)
    if not ad.experience:
        ad.experience = offline.experience
    if not ad.education:
        ad.education = offline.education
    return done


def _note(done: Completion, ad: JobAd, item: Required) -> None:
    done.added.append(item.what)
    if item.source:
        done.sources.setdefault(item.section, []).append(item.source)
    if item.skill and fold(item.skill) not in {fold(s) for s in ad.skills}:
        ad.skills.append(item.skill)
