"""Verification of the LLM's proposal: every quote found verbatim in the notes outside flagged passages, its polarity
recomputed by the code, and the ratings and the recommendation its evidence contradicts dropped."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..rules.pay_history import find_pay_history
from ..rules.safety import check_notes
from ..text import fold
from .llm import LLMProposal, rating_problem, recommendation_problem
from .models import Evidence, Recommendation
from .polarity import polarity
from .prepare import EXCLUDING_KINDS, MIN_QUOTE_CHARS, Prepared

if TYPE_CHECKING:
    from ..guide.framework import Framework
    from ..rules.pii import Redaction

_SAFE_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")


@dataclass(frozen=True)
class LLMAssessment:
    """The LLM's proposal after verification: what survived, and what was removed and why."""

    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    """Verified evidence per competency id, offsets in the original notes, polarity from the code."""
    ratings: dict[str, int] = field(default_factory=dict)
    """Ratings (1 to 5) that their verified evidence supports."""
    rationales: dict[str, str] = field(default_factory=dict)
    """The LLM's rationale per competency, "" when it mentioned a protected criterion or addressed the AI."""
    recommendation: Recommendation | None = None
    """The suggested decision, None when absent or contradicted by the surviving ratings."""
    recommendation_rationale: str = ""
    """The LLM's reason for the recommendation, cleared like the rationales."""
    dropped: list[str] = field(default_factory=list)
    """What verification removed and why, never quoting the notes."""
    retrieved: list[str] = field(default_factory=list)
    """Ids of the guide passages given to the LLM."""
    offline_added: int = 0
    """Quotes the offline matching found that the LLM's verified lines did not hold (see `add_offline_evidence`)."""


def add_offline_evidence(found: LLMAssessment, offline: dict[str, list[Evidence]]) -> LLMAssessment:
    """The LLM's verified evidence plus the offline engine's, per competency, without overlapping quotes. A small
    model misses much of what the notes say (on the real 1.5B model, evidence recall was about half the offline
    engine's): what the deterministic matching finds is kept beside it. Ratings stay those the LLM's own evidence
    carries (verified before this merge)."""
    evidence = {cid: list(ev) for cid, ev in found.evidence.items()}
    added = 0
    for cid, quotes in offline.items():
        kept = evidence.setdefault(cid, [])
        for e in quotes:
            if all(e.end <= k.start or k.end <= e.start for k in kept):
                kept.append(e)
                added += 1
    return replace(found, evidence={cid: ev for cid, ev in evidence.items() if ev}, offline_added=added)


def _quote_view(text: str) -> tuple[str, list[int]]:
    """Text as quotes are matched (runs of whitespace → one space, plain quote marks, case kept) + index map."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            out.append(" ")
        elif ch in "’‘ʼ`´":
            out.append("'")
        elif ch in "“”«»":
            out.append('"')
        else:
            out.append(ch)
        index.append(i)
    return "".join(out), index


def locate_quote(prep: Prepared, quote: str) -> tuple[int, int] | None:
    """The sanitised-text span of `quote` outside excluded passages (whitespace folded), or None."""
    target, _ = _quote_view(quote.strip().strip('"«»“”').strip())
    if sum(c.isalnum() for c in target) < MIN_QUOTE_CHARS:
        return None
    haystack, index = _quote_view(prep.sanitized.text)
    pos = haystack.find(target)
    while pos >= 0:
        start, end = index[pos], index[pos + len(target) - 1] + 1
        if not prep.is_excluded(start, end):
            return start, end
        pos = haystack.find(target, pos + 1)
    return None


def _in_excluded(prep: Prepared, quote: str) -> bool:
    """Whether the first occurrence of `quote` in the sanitised notes lies in an excluded passage."""
    target, _ = _quote_view(quote.strip())
    haystack, index = _quote_view(prep.sanitized.text)
    pos = haystack.find(target) if target else -1
    return pos >= 0 and prep.is_excluded(index[pos], index[pos + len(target) - 1] + 1)


def _restored(text: str, redaction: Redaction | None) -> str:
    """An LLM-written sentence with the values its placeholders stand for ("[NAME_1] reformulates well")."""
    return redaction.restore(text) if redaction is not None else text


def _clean_text_field(text: str) -> str:
    """An LLM-written sentence, or "" when it mentions a protected criterion or addresses the AI."""
    if not text.strip():
        return ""
    if any(f.kind in EXCLUDING_KINDS for f in check_notes(text).flags) or find_pay_history(text):
        return ""
    return text.strip()[:500]


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_WORD = re.compile(r"[a-z][a-z'-]{4,}")
MAX_UNSUPPORTED_WORDS = 2
"""Content words (5 letters or more) a rationale may add to its quotes and the competency's own wording: a judgement
("solide", "convincing") is fine, new facts are not."""
_RATIONALE_STOPWORDS = frozenset(
    "about after again avant avec being cette comme could dans depuis elle elles entre every however leurs their "
    "there these those which while would would pendant plutot quand quelques really should since still tres under "
    "using where whose without aussi autre autres candidat candidate candidats notes interview entretien shows "
    "montre showed montre rating note level niveau".split()
)


def unsupported_rationale(rationale: str, support: str) -> str:
    """Why a rationale states something its quotes (and the competency's wording) do not, or "" when it does not:
    a number they do not hold, or more than MAX_UNSUPPORTED_WORDS content words of its own."""
    folded_support = fold(support)
    numbers = [n for n in _NUMBER.findall(rationale) if n not in support]
    if numbers:
        return "a figure its quotes do not hold"
    words = {w.strip("'-") for w in _WORD.findall(fold(rationale))} - _RATIONALE_STOPWORDS
    extra = [w for w in words if w[:5] not in folded_support]
    if len(extra) > MAX_UNSUPPORTED_WORDS:
        return f"{len(extra)} words its quotes do not support"
    return ""


_ASKED_RATING = (
    re.compile(r"\b([1-5])\s*(?:/|sur|out of)\s*(?:5|five|cinq)\b"),
    re.compile(r"\b(?:rate|rating|score|grade|note[rz]?|mets?|mettre|give|donne[rz]?)\b[^.\n]{0,40}?\b([1-5])\b"),
)
_ASKED_REJECT = re.compile(
    r"ne pas (?:le |la )?(?:retenir|recruter|embaucher)|do ?n[o']?t (?:advance|hire)|reject|rejet|ecart"
)
_ASKED_ADVANCE = re.compile(r"recommend|recommand|\bhire\b|advance|embauch|retenir|recrut|shortlist")


def asked_by_injection(prep: Prepared) -> tuple[set[int], str | None]:
    """The ratings and the recommendation that text flagged as aimed at the AI asks for (never to be followed)."""
    ratings: set[int] = set()
    recommendation: str | None = None
    for flag in prep.flags:
        if flag.kind != "prompt_injection" or flag.start is None or flag.end is None:
            continue
        start, end = flag.start, flag.end
        seg = next((s for s in prep.segments if s.orig[0] <= start < s.orig[1]), None)
        text = fold(prep.notes[seg.orig[0] : seg.orig[1]] if seg else prep.notes[start:end])
        for pattern in _ASKED_RATING:
            ratings.update(int(m.group(1)) for m in pattern.finditer(text))
        if _ASKED_REJECT.search(text):
            recommendation = "do_not_advance"
        elif recommendation is None and _ASKED_ADVANCE.search(text):
            recommendation = "advance"
    return ratings, recommendation


def _competency_words(fw: Framework, cid: str) -> str:
    """A competency's label, description and anchors in both languages: words a rationale may use freely."""
    c = next(c for c in fw.competencies if c.id == cid)
    parts = [c.label.fr, c.label.en, c.description.fr, c.description.en]
    parts += [v for k in ("1", "3", "5") for v in (c.scale[k].fr, c.scale[k].en)]
    return " ".join(p for p in parts if p)


def verify_proposal(
    prep: Prepared, fw: Framework, proposal: LLMProposal, check: Callable[[str, Evidence], str] | None = None
) -> LLMAssessment:
    """Keep the verbatim quotes, the code's polarity, and the ratings and recommendation their evidence supports.
    `check(competency_id, evidence)` gives why a verified quote still goes ("" keeps it): see
    `offline.llm_evidence_check`."""
    draft, redaction = proposal.draft, proposal.redaction
    evidence: dict[str, list[Evidence]] = {}
    ratings: dict[str, int] = {}
    rationales: dict[str, str] = {}
    dropped: list[str] = list(proposal.dropped)
    known = set(fw.competency_ids)
    for a in draft.assessments:
        cid = a.competency_id
        if cid not in known:
            shown = f"'{cid}'" if _SAFE_ID.fullmatch(cid) else "(not shown)"  # an id can carry text from the notes
            dropped.append(f"unknown competency id {shown} rejected")
            continue
        kept = evidence.setdefault(cid, [])
        corrected = 0
        for ev in a.evidence:
            quote = redaction.restore(ev.quote) if redaction is not None else ev.quote
            span = locate_quote(prep, quote)
            if span is None:
                why = (
                    "comes from an excluded (flagged) passage"
                    if _in_excluded(prep, quote)
                    else "is not verbatim in the notes"
                )
                dropped.append(f"{cid}: a quote that {why} was dropped")  # the quote itself is not echoed
                continue
            # The polarity is the code's reading of the quote, not the LLM's ("Anglais hésitant" is no strength).
            pol = polarity(prep.sanitized.text[span[0] : span[1]])
            corrected += ev.polarity is not None and pol != ev.polarity
            found = prep.evidence(*span, pol)
            why = check(cid, found) if check is not None else ""
            if why:
                dropped.append(f"{cid}: {why}, was dropped")  # the quote itself is not echoed
                continue
            if all((e.start, e.end) != (found.start, found.end) for e in kept):
                kept.append(found)
        if corrected:
            dropped.append(f"{cid}: the LLM's polarity of {corrected} quote(s) replaced by the code's reading")
        rationale = _clean_text_field(_restored(a.rationale, redaction))
        blanked = bool(a.rationale.strip()) and not rationale
        if a.rating is not None and not 1 <= a.rating <= 5:
            dropped.append(f"{cid}: rating {a.rating} outside 1-5 rejected")
        elif blanked:
            # The judgement rested on reasoning that cannot be shown: the rating goes with its rationale.
            what = f"rating {a.rating} and its rationale" if a.rating is not None else "its rationale"
            dropped.append(f"{cid}: {what} dropped (the rationale mentioned a protected criterion or addressed the AI)")
        elif a.rating is not None and cid not in ratings:
            ratings[cid] = a.rating
        rationales.setdefault(cid, rationale)
    asked_ratings, asked_recommendation = asked_by_injection(prep)
    for cid in list(ratings):
        why = rating_problem(ratings[cid], evidence.get(cid, []))
        if not why and ratings[cid] in asked_ratings:
            why = "the notes hold an instruction to the AI asking for that rating"
        if why:
            dropped.append(f"{cid}: rating {ratings[cid]} dropped, {why}")
            del ratings[cid]
            rationales.pop(cid, None)
    for cid, rationale in list(rationales.items()):
        quotes = " ".join(e.quote for e in evidence.get(cid, []))
        why = unsupported_rationale(rationale, quotes + " " + _competency_words(fw, cid)) if rationale else ""
        if why:
            dropped.append(f"{cid}: rationale not shown, it states {why}")
            rationales[cid] = ""
    recommendation: Recommendation | None = None
    recommendation_rationale = ""
    if draft.recommendation:
        why = recommendation_problem(draft.recommendation, list(ratings.values()))
        if not why and draft.recommendation == asked_recommendation:
            why = "the notes hold an instruction to the AI asking for it"
        if why:
            dropped.append(f"recommendation dropped: {why}")
        else:
            recommendation = draft.recommendation
            recommendation_rationale = _clean_text_field(_restored(draft.recommendation_rationale, redaction))
            all_quotes = " ".join(e.quote for ev in evidence.values() for e in ev)
            if recommendation_rationale and unsupported_rationale(recommendation_rationale, all_quotes):
                dropped.append("recommendation rationale not shown: it states facts the quotes do not hold")
                recommendation_rationale = ""
    return LLMAssessment(
        evidence=evidence,
        ratings=ratings,
        rationales=rationales,
        recommendation=recommendation,
        recommendation_rationale=recommendation_rationale,
        dropped=dropped,
        retrieved=proposal.retrieved,
    )
