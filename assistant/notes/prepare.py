"""The first stage: read and validate the notes, sanitise them with a map back to the original offsets, flag them,
and cut them into sentences or bullet items, marking those that must not count as evidence."""

from __future__ import annotations

import bisect
import functools
import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..rules.models import Flag
from ..rules.names import is_first_name
from ..rules.pay_history import pay_history_flags
from ..rules.safety import Sanitized, TextView, check_notes, sanitize
from ..text import Language, detect_language, fold, ocr_letters
from ..textfile import read_text_input
from .models import Evidence, Polarity
from .polarity import polarity

if TYPE_CHECKING:
    from ..guide.framework import Framework

# A sentence holding one of these never counts, and never reaches the LLM, the facts or the exports' quotes.
EXCLUDING_KINDS = ("discrimination", "prompt_injection", "pay_history")
STAGES = ("phone", "face_to_face", "case_study")
MAX_NOTES_FILE_BYTES = 2_000_000
MIN_QUOTE_CHARS = 4  # letters or digits: a one-word fragment like "bon" proves nothing and matches anywhere


def read_notes_file(path: str | Path) -> str:
    """Read notes from a UTF-8 text file, or from stdin when `path` is "-"; binary or non-UTF-8 → InputError."""
    return read_text_input(path, what="interview notes", max_bytes=MAX_NOTES_FILE_BYTES)


def validate_notes(notes: object, max_chars: int) -> str:
    """The notes as a string, or InputError when they are not text, empty, punctuation-only or too long."""
    if not isinstance(notes, str):
        raise InputError(f"Interview notes must be text, not {type(notes).__name__}.")
    if not any(ch.isalnum() for ch in notes):
        raise InputError(
            "The interview notes are empty (nothing but spaces or punctuation): paste the notes to summarise."
        )
    if len(notes) > max_chars:
        raise InputError(
            f"The interview notes are {len(notes)} characters long; the limit is {max_chars} "
            "(ASSISTANT_MAX_NOTES_CHARS). Summarise one interview at a time."
        )
    return notes


def check_stage(stage: str | None) -> str | None:
    """The interview stage unchanged, or InputError when it is not one of STAGES."""
    if stage is not None and stage not in STAGES:
        raise InputError(f"Unknown interview stage {stage!r}: use one of {', '.join(STAGES)}.")
    return stage


# --------------------------------------------------------------------------- segments and clauses

_BULLET = re.compile(r"^\s*(?:[-*•·▪►◦‣–—+>]|\d{1,2}[.)])\s+")
_SENT_END = re.compile(r"[.!?…]+[\"»”)]*\s+")
_ABBREV = {"ex", "cf", "etc", "m", "mme", "mr", "mrs", "ms", "dr", "vs", "env", "approx", "e.g", "i.e", "p", "st", "no"}
# Recruiters' abbreviations that end a sentence only before a capital: "le dir. commercial", "ang. ok", "sem. 49".
_ABBREV_LOWER = {
    "dir",
    "resp",
    "sem",
    "ref",
    "tel",
    "qd",
    "bcp",
    "ang",
    "angl",
    "exp",
    "dpt",
    "dept",
    "mgr",
    "max",
    "min",
    "av",
    "apr",
    "tech",
    "comm",
    "com",
    "info",
    "pb",
    "pbs",
    "nb",
    "coll",
    "dev",
    "fin",
    "adj",
    "asst",
    "svc",
    "mgmt",
}
_CONTRAST = re.compile(
    # the spaces before are taken from the first one, in one go: tried from each space of a long run, they made the
    # search quadratic (8 s on 15,000 spaces, review of da93473)
    r"(?<!\s)\s*+(?:;|\b(?:mais|but|however|cependant|toutefois|en revanche|par contre|though|although|whereas|alors que|"
    r"neanmoins|nevertheless|yet)\b)\s*",
)


@dataclass(frozen=True)
class Segment:
    """A sentence or bullet item of the sanitised notes."""

    start: int
    """Start offset in the sanitised text."""
    end: int
    """End offset (exclusive) in the sanitised text."""
    orig: tuple[int, int] = (0, 0)
    """The same span in the original notes."""
    excluded_by: tuple[str, ...] = ()
    """The excluding flag kinds (EXCLUDING_KINDS) it holds; empty when it may count as evidence."""
    non_evidence: str = ""
    """Why this segment is about the meeting, not the candidate, so never evidence: "header" (the meeting's title
    line: role, date, duration, channel), "next_step" (what happens next), "logistics" (availability, notice
    period, salary expectations, remote work), "question" (the interviewer's question without its answer), "grid"
    (the interviewer's own score or verdict), "pitch" (the role or company presented to the candidate, what the team
    needs), "claim" (the candidate's own written self-presentation quoted in the notes: a cover letter, a profile
    summary; a line of an AI summary being corrected), "template" (tags, the framework's own words copied into the
    notes), "inference" (the recruiter's guess: « j'imagine », "I'd guess"), "future" (what the candidate wishes to do
    or the job will ask of them: « aimerait un jour manager », "will need to learn HubSpot") or
    "someone_else" (what the candidate's team, manager or another named person did); "" when it may count as
    evidence. Not a flag: it is still quoted
    nowhere as evidence, but stays in the text the LLM reads."""


_TRAILING_SIGN = re.compile(r"\w\s+-{1,3}$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to drop surrounding spaces and dangling punctuation, keeping a telegraphic sign after a word
    ("excel --", "anglais -": the judgement, see polarity)."""
    while start < end and (text[start].isspace() or text[start] in ",;:-–—"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-–—"):
        if text[end - 1] == "-" and _TRAILING_SIGN.search(text, max(start, end - 40), end):
            break
        end -= 1
    return start, end


# A line opening with a label ("next step:", "suite :", "anglais ->") starts a new item even in lowercase, and so
# does a label with its score (review of stop 46: "comms 3/5 - ok, bit rambly" was joined to the line above it).
_STARTS_LINE = re.compile(
    r"^(?:next\s+steps?|prochaines?\s+etapes?|[\w' +/.-]{1,30}?\s*(?::|->|→|=>)(?!\d)"
    r"|[a-z][\w' +&.-]{0,29}?\s*[:\-–]?\s*(?:10|[0-9])(?:[.,]5)?\s*/\s*(?:5|10)\b)"
)


MIN_WRAP_WIDTH = 60
MAX_WRAP_WIDTH = 160
"""No editor wraps notes wider than this: a longer line is an unwrapped paragraph (a dictated note without
punctuation, one thought per line), and the next line starts an item of its own."""


_DANGLING = re.compile(
    r"\b(?:de|d'|du|des|le|la|les|l'|un|une|et|ou|a|au|aux|en|pour|par|avec|sur|dans|que|qui|mais|donc|car|son|sa|ses|"
    r"est|sont|ont|va|doit|the|an|and|or|of|to|for|with|in|on|at|by|but|that|which|his|her|their|will|would|need|needs|"
    r"is|was|has|had|be)\s*$"
)
"""A word a thought cannot end on (folded): the line after it carries on the same sentence."""
_SENTENCE_END = re.compile(r"[.!?;…](?=\s|$)")
"""A sentence ended by its writer (not the point of « 1.2M » or « 8.30 »)."""
_ENDED = re.compile(r"[.!?…:;]\W*$")
"""A line ended by its writer's punctuation: nothing on the next line carries it on."""


def _wrapped(prev: str, line: str, width: int, strict: bool = False) -> bool:
    """Whether `prev` looks cut by an editor's wrapping rather than ended by its writer: the first word of `line`
    would not have fitted on it (with a tenth of slack, unless `strict`). Short lines of notes ("~15M€ de CA",
    "anglais scolaire") are items of their own."""
    first = line.split()[0] if line.split() else ""
    return len(prev) + 1 + len(first) > (width if strict else 0.9 * width)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Bullet items and lines, with wrapped lines joined: a line continues the previous one when that one has no
    final punctuation, was cut by wrapping (see _wrapped), is not the meeting's title line, and this one starts in
    lowercase (prose wrapped by an editor, a bullet's second line)."""
    blocks: list[list[int]] = []
    pos = 0
    prev = ""
    lines = text.splitlines(keepends=True)
    # The editor's wrapping width: the upper quartile of line lengths, so one long unwrapped paragraph does not
    # make every wrapped line look short; never under MIN_WRAP_WIDTH (no editor wraps a line of notes that short).
    lengths = sorted(len(ln.strip()) for ln in lines if ln.strip())
    quartile = lengths[(3 * (len(lengths) - 1)) // 4] if lengths else 0
    width = max(MIN_WRAP_WIDTH, quartile)
    # Notes whose lines are mostly shorter than any editor's width show no wrapping: a line is joined to the previous
    # one only when its first word could not have fitted at all ("très sympa, mais répond à côté des questions" then
    # "aucune idée de son CA" are two items of a very short note).
    strict = quartile < MIN_WRAP_WIDTH
    # Notes with no sentence punctuation at all (typed on a phone, « connait tous les acheteurs il a ramené deux
    # clients ») end each thought with a line break: a line continues another only when that one ends on a word
    # that cannot end a thought (« elle est enceinte de » / « cinq mois »: the flagged thought stays whole).
    unpunctuated = not _SENTENCE_END.search(text)
    # Notes typed one thought a line with no bullets (stop 55's blind measure: « sortie d'école il y a 18 mois, … » /
    # « bac+5 ESC spé achats » / « très posée, … » read as one quote, and the line after it taken as evidence of the
    # same competency) break lines where no editor would: the same reading, unless a sentence end comes in the lines
    # a line carries on into (_sentence_ends_ahead): a sentence the writer punctuates in the same notes still wraps
    # (reviews of stop 55: « … enceinte … et voudrait un temps » / « partiel …, dispo 1er juin. » is one flag).
    per_line = not unpunctuated and _one_thought_a_line(lines, width)
    in_item = False  # the current block is a bullet item
    for i, line in enumerate(lines):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        bullet = _BULLET.match(body)
        # (stop 53's outside probe) an indented line in lowercase under a bullet item is that item's second line, as
        # Markdown lists wrap, however short the first line is: « - … she has three » / «   kids so … » is one
        # thought, and a flag on its second line excludes the first
        indented_item_line = (
            in_item
            and len(body) - len(body.lstrip(" \t")) >= 2
            # (review of stop 53) not a new point: « - Strong discovery » / «   weak on pricing, gave 20% away »
            and polarity(" ".join(stripped.split()[:3])) == "neutral"
            and not re.match(r"[\w' -]{1,25}:", stripped)
        )
        loose = unpunctuated or (
            per_line and not _SENTENCE_END.search(prev) and not _sentence_ends_ahead(lines, i, width)
        )  # lines end thoughts here: only a dangling word carries one over
        if not stripped:
            prev = ""
        elif (
            blocks
            and prev
            and (indented_item_line or not loose or _DANGLING.search(fold(prev)))
            and len(prev) <= MAX_WRAP_WIDTH
            and not bullet
            and stripped[0].islower()
            and not _ENDED.search(prev)
            and not _STARTS_LINE.match(fold(stripped))
            and (
                indented_item_line
                or _wrapped(prev, stripped, width, strict)
                or (loose and _DANGLING.search(fold(prev)))
            )
            and not (len(blocks) == 1 and non_evidence_reason(prev, first_line=True) == "header")
        ):
            blocks[-1][1] = pos + len(body)
            prev = stripped
        else:
            blocks.append([pos + (bullet.end() if bullet else 0), pos + len(body)])
            prev = stripped
            in_item = bool(bullet)
        pos += len(line)
    return [(a, b) for a, b in blocks]


def _sentence_ends_ahead(lines: list[str], i: int, width: int) -> bool:
    """Whether line `i`, or a line after it that carries on in lowercase from a line cut by wrapping (no bullet, no
    blank line between), holds a sentence end: the thought it belongs to is a punctuated sentence, wrapped over lines
    (second review of stop 55: « … voudrait un temps » / « partiel … pour démarrer et » / « très motivée par le
    poste. » is one sentence)."""
    for j in range(i, len(lines)):
        stripped = lines[j].strip()
        if not stripped or (
            j > i
            and (
                _BULLET.match(lines[j])
                or not stripped[0].islower()
                or not (_wrapped(lines[j - 1].strip(), stripped, width) or _DANGLING.search(fold(lines[j - 1])))
            )
        ):
            return False
        if _SENTENCE_END.search(stripped):
            return True
    return False


def _one_thought_a_line(lines: list[str], width: int) -> bool:
    """Whether the writer ends thoughts with a bare line break: at least two lines with no final punctuation, too short
    for any wrapping (the next line's first word would have fitted with a fifth of the width to spare), are followed by
    a line in lowercase that is no bullet item. Wrapped prose ends its short lines (a paragraph's last) with a full
    stop, a blank line or a capital."""
    found = 0
    for prev, line in zip(lines, lines[1:], strict=False):
        prev, stripped = prev.strip(), line.strip()
        if not prev or not stripped or _BULLET.match(line) or _BULLET.match(prev) or not stripped[0].islower():
            continue
        if _ENDED.search(prev) or len(prev) + 1 + len(stripped.split()[0]) > 0.8 * width:
            continue
        found += 1
        if found >= 2:
            return True
    return False


def split_segments(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans of the sentences and bullet items of `text`."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        cursor = block_start
        for m in _SENT_END.finditer(text, block_start, block_end):
            before = re.search(r"(\w[\w.]*)$", text[cursor : m.start()])
            if before and fold(before.group(1)) in _ABBREV:
                continue
            if before and fold(before.group(1)) in _ABBREV_LOWER and m.end() < block_end and text[m.end()].islower():
                continue
            if m.start() > 0 and text[m.start() - 1].isdigit() and m.end() < block_end and text[m.end()].isdigit():
                continue
            s, e = _trim(text, cursor, m.start() + 1)
            if any(c.isalnum() for c in text[s:e]):
                spans.append((s, e))
            cursor = m.end()
        s, e = _trim(text, cursor, block_end)
        if any(c.isalnum() for c in text[s:e]):
            spans.append((s, e))
    return spans


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


_HEADER = re.compile(
    r"^(?:entretien|interview|phone screen|screening|call|appel|case study|etude de cas|debrief|notes?|compte rendu)\b"
)


def is_header(folded: str) -> bool:
    """Whether a folded line names the meeting ("Entretien face à face – poste Account Manager"), not a competency."""
    return bool(_HEADER.match(folded.strip())) and len(folded.split()) <= 15 and polarity(folded) == "neutral"


# What a meeting's title line holds (folded text): the channel or round, the role, a date, a time, a duration.
_MEETING = re.compile(
    r"\b(?:entretien|interview|onsite|on-site|visio|video(?:\s*call)?|visioconf\w*|tel|telephone|phone|screen(?:ing)?|"
    r"call|appel|round|tour|debrief|f2f|face\s+a\s+face|physique|poste|role|candidat|candidate|candidature|"
    r"opening|notes?|compte[- ]rendu|cr|meet(?:ing)?|zoom|teams|meet)\b"
)
_DATE = re.compile(
    r"\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b|\b\d{1,2}[:h]\d{2}\b"
    r"|\b\d{1,2}(?:er|st|nd|rd|th)?\s+(?:janv?|fevr?|mars|avr|mai|juin|juil|aout|sept?|oct|nov|dec|jan|feb|mar|apr|may|"
    r"jun|jul|aug)\w*\b"
    r"|\b(?:lundi|mardi|mercredi|jeudi|vendredi|mon|tue|tues|wed|thu|thurs|fri)\b"
)
_FRAMED = re.compile(r"[ \t]*+([-=~*#_])\1{1,5}[ \t]*+(\S[^\n]{0,120}?)[ \t]*\1{2,6}[ \t]*$")
"""A line between two runs of the same rule character (« --- LinkedIn, 28/11 --- »)."""
MAX_FRAMED_WORDS = 10
_TALK = re.compile(r"\b(?:conversation|exit\s+interview)\b")
"""Words naming a talk, a meeting word only in a first line cut by separators that no judgement mark opens
("EXIT CONVERSATION — …"); « Conversation en anglais avec le board » is evidence."""
_JUDGEMENT_MARKS = ("✅", "✔", "☑", "❌", "✗", "✘", "⚠", "👍", "👎", "+", "-")
_DURATION = re.compile(r"\b\d{1,3}\s*(?:min|mins|minutes|mn|h|hr|hrs|heures?|hours?)\b|\b\d{1,3}\s*'(?!\w)")
_NEXT_STEP = re.compile(
    # (stop 56's blind measure) after an arrow: « → à revoir avec le manager, réserve sur chiffres et anglais »
    r"^(?:(?:→|->|=>|⇒|>)\s*)?(?:next\s+steps?|nxt\s+steps?|prochaines?\s+etapes?|etapes?\s+suivantes?|suites?\s+a\s+donner|"
    r"a\s+revoir|a\s+rappeler|a\s+recontacter|a\s+faire\s+rencontrer|a\s+planifier|a\s+programmer|"
    r"to\s+schedule|schedule\s+(?:a|an|the)|will\s+(?:schedule|send|set\s+up)|follow[- ]?up\s*(?::|->|→)|"
    r"(?:suite|next|actions?|todo|to\s+do|tbd|decision|rdv)\s*(?::|->|→|=>|-\s))"
    r"|\b(?:next\s+steps?|prochaine\s+etape)\b"
)
# The interviewer's own plan for a later interview, in the first person and the future (ninth dev round: « Je lui
# demanderai de détailler… », « On creusera la résiliation », "I'll probe…", "Will check her references"): what
# happens next, not evidence. Not the candidate's own future (« Il doublera son portefeuille », "She will own 40
# accounts"), nor what was asked (« Je lui ai demandé… »).
_WHEN = (
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|demain|ensuite|puis|la\s+prochaine\s+fois|au\s+prochain\s+entretien|"
    r"monday|tuesday|wednesday|thursday|friday|tomorrow|then|next\s+time|in\s+round\s+(?:2|two))\s*,?\s*)?"
)
_PLAN = re.compile(
    # (review: not the candidate's plan, « Je doublerai le portefeuille, dit-elle », "Will call every account (her
    # 30-60-90)": an English plan needs "I" or "we" as its subject)
    r"^(?![^\n]*\b(?:dit-(?:il|elle)|selon\s+(?:elle|lui)|son\s+plan|sa\s+strategie|his\s+plan|her\s+plan|30-60-90)\b)"
    r"[-*•]?\s*"
    + _WHEN
    + r"(?:(?:je|j'|on|nous)\s+(?:ne\s+)?(?:lui\s+|leur\s+|le\s+|la\s+|les\s+|l'|y\s+|en\s+|vais\s+|va\s+)?"
    r"[a-z]{2,}(?:erai|irai|rai|era|ira|erons|irons|rons)\b"
    r"|(?:i|we)(?:'ll|\s+will|'m\s+going\s+to|'re\s+going\s+to|\s+plan\s+to|\s+want\s+to)\s+(?:also\s+|then\s+|first\s+)?"
    r"(?:check|probe|test|ask|verify|dig|explore|call|cover|look|see|validate|confirm|push|challenge|get\s+(?:him|her|them)|"
    r"have\s+(?:him|her|them)|run|give|send|role-?play|switch|do)\b)"
)
_IN_THE_JOB = (
    r"ici\b|here\b|(?:pour|sur|dans)\s+(?:ce|le|notre|cette)\s+(?:poste|role|job|portefeuille|perimetre|mission)\b"
    r"|(?:for|in|on)\s+(?:this|the|our)\s+(?:role|job|position|portfolio|book|territory)\b"
)
"""Where a line says what the job needs (folded text): « ici », « pour ce poste », "in this role"."""
# What the job does not need, as the whole line (« anglais pas utile ici », "German not required for this role",
# « pas besoin d'allemand ici »): the job, not the candidate. Matched only on short lines, with no two quantifiers
# competing for the same spaces (a line of spaces or dashes must not make it backtrack).
_NOT_NEEDED = re.compile(
    r"^[-*•]?[ \t]*(?:[\w'][\w'-]*(?:[ \t]*:)?[ \t]+){1,3}?(?:(?:is|est|n'est|isn't)[ \t]+)?(?:pas|non|not)[ \t]+"
    r"(?:(?:vraiment|really|tres)[ \t]+)?(?:utiles?|necessaires?|requis|requise|exigee?s?|demandee?s?|indispensables?|besoin|"
    r"needed|required|necessary|relevant|useful)[ \t]+(?:" + _IN_THE_JOB + r")[ \t.!;]*$"
    r"|^[-*•]?[ \t]*(?:pas[ \t]+besoin[ \t]+d(?:e[ \t]+|')|no[ \t]+need[ \t]+(?:for|of)[ \t]+)(?:[\w'][\w'-]*[ \t]+){1,2}"
    r"(?:" + _IN_THE_JOB + r")[ \t.!;]*$"
)
MAX_NOT_NEEDED_WORDS = 12
# ... unless it is the candidate's that is not needed: « Son réseau pas utile pour ce poste », "Her network not relevant
# for this territory", « pas besoin de la former ici » (an assessment of the candidate)
_THE_CANDIDATES = re.compile(r"\b(?:son|sa|ses|leur|leurs|her|his|their|its)\s|\bbesoin\s+de\s+(?:la|le|l'|les)\b")
_LOGISTICS = re.compile(
    r"\bdispo(?:nible|nibilite)?s?\s+(?:immediatement|imm|de\s+suite|tout\s+de\s+suite|sous|ds|dans|a\s+partir|des|"
    r"au|en|le|fin|debut|rapidement|asap)\b|\bavailab(?:le|ility)\s+(?:from|in|immediately|now|asap|to\s+start)\b"
    r"|\bpreavis\b|(?<!short\s)\bnotice(?:\s+period)?\s*[-–—:]?\s*(?:of\s+)?(?:\d+|one|two|three)\s*"
    r"(?:months?|mths?|weeks?|wks?|mois|semaines?)\b|\bnotice\s+period\b"
    r"|\bpretentions?\b|\bsalary\s+expectations?\b|\bcomp(?:ensation)?\s+expectations?\b"
    r"|\b\d{2,3}(?:[.,]\d)?\s?k(?:e|€|eur)?\s*(?:-\s*\d{2,3}\s?k\s*)?(?:fixe|fixed|brut|gross|base|ote|\+\s*var)"
    r"|\bteletravail\b|\bfull\s+remote\b|\bremote\s+(?:days?|policy|\d)|\bhybrid\b|\bstart\s+date\b"
    r"|\bcan\s+start\b|\bdate\s+de\s+debut\b|\bprise\s+de\s+poste\b|\brelocat\w*\b|\bdemenag\w*\b"
    # the candidate's other recruitment processes ("autres process : 2 en cours", "other processes: two")
    r"|\b(?:autres?|other)\s+(?:process(?:us|es)?|entretiens|interviews|pistes|offres|offers)\b"
    r"|\bprocess(?:us)?\s+en\s+cours\b|\bin\s+process\s+(?:elsewhere|with)\b"
    # (review of stop 47) "Has another process at final stage elsewhere", "Another offer on the table"
    r"|\banother\s+(?:process|interview|offer)\s+(?:at|in|with|elsewhere|on\s+the\s+table|going|ongoing|running|pending)\b"
    r"|\banother\s+offer\b|\b(?:final|last)\s+stage\s+elsewhere\b|\bun\s+autre\s+process(?:us)?\s+(?:en\s+cours|ailleurs)\b"
    # (stop 47's second outside set) « Disponible pour un entretien la semaine du 14 », "Available for a call on Thursday"
    r"|\bdispo(?:nible)?s?\s+pour\s+(?:un|une|le|la|des|notre)\s+(?:entretien|rdv|rendez-vous|call|appel|echange|visio|point)\b"
    r"|\bavailable\s+for\s+(?:a|an|the)\s+(?:\w+\s+)?(?:interview|call|chat|meeting)\b"
)


# (stop 53's outside probe) The header's lines after the first: an e-mail subject (« Objet : RE: Entretien… »,
# "Subject: FW: …"), a line of "field: value" pairs about the meeting ("Candidate: J. Martin | Role: Senior Account
# Manager (English-speaking clients)", « Date : 20/03 – Interviewer : Léa »), and a title naming the notes ("AM
# interview notes", « Debrief AM »).
_HEADER_FIELD = (
    r"(?:candidate?|candidat|candidate\s+name|nom|name|role|poste|position|date|heure|time|interviewer|recruteur|"
    r"recruiter|intervieweur|hiring\s+manager|manager|lieu|location|format|duree|duration|round|tour|stage|etape)"
)
_HEADER_FIELDS = re.compile(
    # an e-mail subject line, with nothing said of the candidate (review of stop 53: « Objet : renouvellement
    # Carrefour, elle a sauvé le compte », "Re: pricing, she held firm" are evidence; « Sujet : » is any topic)
    r"^[-*•]?\s*(?:(?:objet|subject)\s*:|(?:re|tr|fw|fwd)\s*:\s*\w)"
    r"(?![^\n]*\b(?:she|he|her|his|il|elle|son|sa|ses|a\s+\w+e\b|has|had|was)\b)"
    rf"|^[-*•]?\s*{_HEADER_FIELD}\s*:[^|–—\n]{{1,80}}(?:[|–—]\s*{_HEADER_FIELD}\s*:[^|–—\n]{{1,80}})+$"
)
_NOTES_TITLE = re.compile(
    r"^[-*•#]*\s*(?:(?:am|kam|account\s+manager|candidate?|candidat)\s+)?"
    r"(?:interview\s+notes|notes\s+d'entretien|debrief|debriefing|compte[- ]rendu(?:\s+d'entretien)?|interview\s+debrief)"
    r"(?:\s+(?:am|kam|account\s+manager))?\s*[:.]?$"
)
MAX_NOTES_TITLE_WORDS = 6


# Lines naming who attended or where the candidate came from ("Présents : moi, Marc", "Source : cooptation").
_META = re.compile(
    r"^(?:presents?|presentes?|attendees?|participants?|interviewers?|intervenants?|jury|panel|"
    r"speakers?(?:\s+detected|\s+identified)?|locuteurs?(?:\s+detectes)?|"
    r"source|sourc(?:e|ed|ing)(?:\s+(?:via|by|from))?|canal|channel|referred\s+by|via|referee|referees|"
    r"referent|referente|reference\s+(?:given\s+by|from)|contact\s+de\s+reference)\s*(?::|->|→|=>)"
)
# The first line of the notes names the meeting when it holds a date or duration, a meeting word and separators,
# up to this many words ("Video interview – Account Manager (SMB) – 30 Nov – booked 45 min, ended at 28 min").
MAX_TITLE_WORDS = 22
MAX_TITLE_PART_WORDS = 7
MIN_COMMENTED_TITLE_PARTS = 4
MAX_TITLE_COMMENT_WORDS = 12


_ROLE_ASIDE = re.compile(r"\([^()\d,;]*\)")
MAX_ASIDE_WORDS = 6


_SPEAKER_LEGEND = re.compile(r"\[[^\]\n]{1,20}\]\s*=\s*[^,;\[\n]{1,40}")  # not « [Claire]: excellent closer »


def _short_parts(folded: str) -> bool:
    """Whether every part of a title line between separators (" – ", "|", "/") is short: a title lists facts about the
    meeting; "Call 3 Dec – 8 yrs AM in SaaS, 30 accounts, 2M ARR…" is a first line of evidence."""
    # A short aside in brackets, with no figure and no list, qualifies the role (« AM TPE/PME (logiciel de facturation
    # en ligne) »); one with figures or a list ("AM (8 yrs in SaaS, 30 accounts…)") is evidence, and counts.
    unqualified = _ROLE_ASIDE.sub(
        lambda m: " " if len(re.findall(r"\w+", m.group())) <= MAX_ASIDE_WORDS else m.group(), folded
    )
    # (stop 56's blind measure) a panel's legend, who the speakers are: « [Claire] = Head of Sales, [Yann] = AM senior »
    unqualified = _SPEAKER_LEGEND.sub(" legend ", unqualified)
    parts = re.split(r"\s[-–—|/•·]\s|\s[-–—]|[-–—]\s|\|", unqualified)
    sizes = [len(re.findall(r"\w+", part)) for part in parts]
    long_parts = [n for n in sizes if n > MAX_TITLE_PART_WORDS]
    # (stop 42) a title of four parts or more may carry one comment at either end (« Dernier tour — Romain P. — AM
    # Grands comptes — 22/01 — 50 min avec Anne (DRH), quasiment que de la négo »)
    if len(parts) >= MIN_COMMENTED_TITLE_PARTS and len(long_parts) == 1 and long_parts[0] <= MAX_TITLE_COMMENT_WORDS:
        comment = parts[0] if sizes[0] == long_parts[0] else parts[-1] if sizes[-1] == long_parts[0] else None
        # (second review of stop 42: "… — 8 ans en SaaS, 30 comptes, churn divisé par deux" is evidence)
        return comment is not None and not re.search(r"\d", _DURATION.sub(" ", comment))
    return not long_parts


_OK = re.compile(r"\bok\b")
# (sixteenth notes round) What the guide, the ad or the job description asks of the job: « Selon le guide, il doit avoir
# une bonne culture marketing, maîtriser Excel… », "Per the JD, the AM must own renewals". The job, not the candidate,
# unless the line goes on to what the candidate did (« selon l'annonce il faut Excel : elle a montré… »).
_SOURCE = (
    r"(?:le\s+|la\s+|l'|les\s+|the\s+|notre\s+|our\s+)?(?:guide|annonce|offre|fiche\s+de\s+poste|fiche\s+du\s+poste|"
    r"job\s+(?:ad|description|spec|posting)|jd|brief|referentiel|framework|hiring\s+guide)\b"
)
_PER_THE_GUIDE = re.compile(
    r"^(?:(?:selon|d'apres|comme\s+(?:le\s+dit|l'indique|indique\s+dans)|according\s+to|per|as\s+per|as)\s+"
    + _SOURCE
    # (review of stop 42) « Le guide dit qu'il faut… », "The JD says the AM must own renewals"
    + r"|"
    + _SOURCE
    + r"\s+(?:dit|indique|precise|demande|exige|says|states|requires|asks\s+for)\b)"
)
# …a requirement (« doit », « il faut », "must"), said of the job, with nothing after it about the candidate (review of
# stop 42: « Selon le guide, elle est au niveau attendu », "Per the JD: 5 years required — candidate has 7", « Selon le
# guide, l'AM doit maîtriser Excel ; Marie a construit un modèle » are evidence).
_REQUIRES = re.compile(
    r"\b(?:doit|doivent|devra|devrait|faut|exige\w*|requiert|demande|must|should|needs?\s+to|requires?|required|"
    r"expected\s+to|has\s+to)\b"
)
# What comes after the requirement, past a comma, a colon or a dash, is the candidate's answer when it holds a figure,
# a pronoun, the candidate, a judgement or a deed (reviews of stop 42: « Selon l'offre, il faut 5 ans d'expérience : 7
# ans chez Oracle », « Le guide demande de la rigueur, très bon sur ce point », "Per the JD must know Salesforce, Dupont
# demoed it live"); a list of requirements goes on with infinitives (« …, maîtriser Excel, savoir résoudre les conflits »).
_ANSWER_AFTER = re.compile(r"[,;:\u2014\u2013]|\s-\s")
_ANSWERED = re.compile(
    r"\d|\b(?:elle|she|he|her|his|him|lui|candidat\w*|candidate|ok|oui|yes|native|bilingue|bilingual|has|had|owned|"
    r"demoed|showed|handles|manages|gere|cite\w*|montre\w*|teste\w*|tested|verifie\w*|checked|bon|bonne|bien|faible|"
    r"moyen|excellent|solide|good|strong|weak|great|fluent|fluide|poor|courant|top|parfait|impeccable|correct|juste)\b"
    r"|\bil\s+(?:a|en|est|gere|cite)\b|\ben\s+(?:a|gere|cite)\b"
)
_NAMED_MID_LINE = re.compile(r"(?<=[a-zà-ÿ,;] )[A-ZÀ-Ý][a-zà-ÿ'-]{2,}")  # « …, Paul doit progresser »
# A section's title in capitals (« SYNTHÈSE DU CONSULTANT », "CURRENT STATE"): up to six words, no figure, every word
# a section's word or a linking word (review of stop 42: "SIGNED THE ORANGE DEAL ALONE", « PARLE ANGLAIS COURAMMENT »
# are evidence shouted).
MAX_HEADING_WORDS = 6
_SECTION_WORDS = frozenset(
    """
    synthese consultant consultante parcours competences competence remuneration presentation formation formations
    experience experiences professionnelle professionnelles professionnel realisations realisation motivation motivations
    disponibilite disponibilites mobilite risques risque risks risk current state next steps step stakeholders account
    overview whitespace background summary resume notes note entretien profil profile points point forts faibles forces
    faiblesses strengths weaknesses concerns questions recommandation recommendation conclusion introduction contexte
    context objectifs objectives goals candidat candidate candidature avis feedback evaluation assessment scorecard
    debrief synthesis education skills achievements career history compensation salary pay availability references
    reference referee langues languages anglais english partie section annexe appendix plan actions action prochaines
    etapes suite decision verdict impressions impression observations comments commentaires general generale global
    globale details detail auto-evaluation self-assessment self evaluation cv parcours identite identity coordonnees
    contact pretentions expectations logistique logistics divers misc other autres i ii iii iv v vi
    attention vigilance amelioration axes savoir-etre savoir-faire soft hard pros cons red green flags sales commerciales
    commercial commerciale projet actuelle actuel poste mise situation jeu role role-play final finale overall
    personnalite personality management culture fit hiring team equipe interviewer recruteur recruiter case study etude
    cas exercise exercice test tests results resultats ratings notation grille ideas idees next red-flags green-flags
    impression pitch questions-reponses q&a
    du de des la le les l d et and of the en a au aux on for pour
    """.split()
)


def _is_capitals_heading(text: str) -> bool:
    line = text.strip().strip("#*_:=-–— \t")
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", line)
    return (
        0 < len(words) <= MAX_HEADING_WORDS
        and not re.search(r"\d", line)
        and sum(len(w) for w in words) >= 4
        and all(w.isupper() for w in words)
        and all(fold(w) in _SECTION_WORDS for w in words)
    )


# The interviewer's question with no answer in it (folded text): a sentence ending in "?" put to "you"
# (« Comment gérez-vous un client mécontent ? », "What would you do?"), a topic alone ("anglais ?", "and English?"),
# or an interview prompt ("Tell me about a process you changed."). A speaker label ("[00:03] Recruteuse : ") is
# skipped first. "She asked what our churn was?" reports the candidate: a third person keeps it.
_SPEAKER = re.compile(r"^(?:\[[^\]]{1,20}\]\s*)?(?:[^:?]{1,40}?\s*:\s+)?")
# A turn of the interviewer in a transcript ("[00:03:02] Interviewer: …", « Recruteuse (Anne) : … », "Q: …"): what the
# interviewer says, whole, is never the candidate's evidence (the answer that follows takes its topic).
_INTERVIEWER_TURN = re.compile(
    r"^(?:\[[^\]]{1,20}\]\s*)?(?:interviewer|intervieweu(?:r|se)|recruteu(?:r|se)|recruiter|hiring\s+manager|"
    r"q|moi|me)\b[^:?]{0,40}:\s"
)
# The label of the candidate's turn ("[00:07:17] Candidat (Maxime) : ...", « R : », "A: ..."), shared with
# offline._answered_topics.
ANSWER_WORDS = r"(?:candidat\w*|candidate|cand\.?|r|a|answer|reponse|rep)"
ANSWER_LABEL = re.compile(r"^(?:\[[^\]]{1,20}\]\s*)?" + ANSWER_WORDS + r"\b[^:?]{0,30}:\s")
# The candidate's turn starting later on the same line ("Q : … ? R : elle le rappelle…"): the turn ends there.
_ANSWER_TURN = re.compile(r"(?:^|[\s\]?.!])" + ANSWER_WORDS + r"\s*(?:\([^)]{0,40}\))?\s*:\s")
# A transcript's speakers without names or roles ("Speaker 1:", "[00:04] Speaker B:", « Intervenant 2 : »,
# « Locuteur A : »). The one whose turns most often hold a question is the interviewer, when there are enough
# turns to tell and the two differ clearly; their turns are then the interviewer's, and the other's are answers.
_GENERIC_SPEAKER = re.compile(
    r"^(?:\[[^\]]{1,20}\]\s{0,3})?((?:speaker|intervenant|locuteur|participant|orateur|voice|voix|spk)[\s_-]{0,3}"
    r"(?:\d{1,2}|[a-d])|s\d)[ \t]{0,3}:\s"
)
MIN_TRANSCRIPT_TURNS = 6


def speaker_label(line: str) -> str:
    """The unnamed speaker's label (folded, spaces removed) a transcript line opens with, or ""."""
    m = _GENERIC_SPEAKER.match(fold(line.strip()))
    return re.sub(r"[\s_-]+", "", m.group(1)) if m else ""


def blank_speaker_label(folded: str) -> str:
    """Folded text with an unnamed speaker's label ("speaker 2: ") blanked, offsets kept: "speaker" is no cue."""
    m = _GENERIC_SPEAKER.match(folded)
    return " " * m.end() + folded[m.end() :] if m else folded


def without_speaker_label(text: str) -> str:
    """Text (not folded) without the unnamed speaker's label it opens with: what the embedding should read."""
    folded = fold(text)
    m = _GENERIC_SPEAKER.match(folded)
    return text[m.end() :] if m and len(folded) == len(text) else text


def interviewer_label(text: str) -> str:
    """The label of the unnamed speaker who asks the questions in a transcript (see _GENERIC_SPEAKER), or ""."""
    turns: dict[str, list[bool]] = {}
    first_person: dict[str, int] = {}
    for line in text.splitlines():
        label = speaker_label(line)
        if label:
            body = blank_speaker_label(fold(line.strip())).strip()
            asks = "?" in line or bool(_PROMPT.match(body))  # "Tell me about…", « Racontez-moi… »
            turns.setdefault(label, []).append(asks)
            first_person[label] = first_person.get(label, 0) + bool(_FIRST_PERSON.match(body))
    if len(turns) < 2 or sum(len(t) for t in turns.values()) < MIN_TRANSCRIPT_TURNS:
        return ""
    share = sorted(((sum(t) / len(t), label) for label, t in turns.items()), reverse=True)
    (best, label), (second, _) = share[0], share[1]
    if first_person[label] * 2 > len(turns[label]):
        return ""  # the one asking most speaks of themselves most: the candidate asking back, not the interviewer
    return label if best >= 0.3 and best - second >= 0.15 else ""


_FIRST_PERSON = re.compile(
    r"^(?:\W{0,3}(?:um+|uh+|euh|so|well|yeah|yes|oui|alors|ben)\b\W{0,3}){0,3}(?:i|i'm|i've|i'd|je|j'|my|mon|ma|mes)\b"
)


_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|vous|votre|vos|tu|ton|ta|tes|toi)\b|-(?:vous|tu)\b|\bt'")
_THIRD_PERSON = re.compile(r"\b(?:she|he|her|his|him|they|il|elle|ils|elles|lui|candidat\w*|candidate)\b")
_PROMPT = re.compile(
    r"^(?:\d{1,2}[.)]\s*)?(?:walk\s+me\s+through|talk\s+me\s+through|tell\s+me\s+(?:about|how|why|what)|"
    r"describe|give\s+me\s+an\s+example|racontez|raconte|decrivez|decris|parlez-moi|parle-moi|donnez-moi\s+un\s+exemple)\b"
)
# The candidate's own written self-presentation quoted in the notes (ninth dev round: « Extrait de sa lettre de
# motivation : », "From her cover letter:", "LinkedIn About:"): claims, not what the interviewer observed.
_CLAIM_HEADING = re.compile(
    r"^(?:(?:extrait|copie|texte|rappel|resume)\s+de\s+)?(?:sa|son|la|le)?\s*(?:lettre\s+de\s+motivation|lm|"
    r"accroche\s+(?:de\s+son\s+|du\s+)?cv|profil\s+linkedin|resume\s+linkedin|section\s+(?:a\s+propos|about))"
    r"|^(?:(?:from|excerpt\s+from|extract\s+from|quoted\s+from|per)\s+)?(?:his|her|their|the)?\s*(?:cover\s+letter|"
    r"motivation\s+letter|personal\s+statement|linkedin\s+(?:about|summary|headline)|cv\s+(?:summary|profile|"
    r"personal\s+statement)|resume\s+(?:summary|objective))"
    r"(?:\s+[\w']+){0,2}(?:\s*\([^()]{0,50}\))?\s*(?::|->|→)\s*$"
)
# A list of what to check at a later interview (ninth dev round: « Jeudi, je ferai les points suivants : », « Points à
# vérifier jeudi : », "Things to probe in round 2:"): plans, not evidence.
_PLAN_HEADING = re.compile(
    r"^"
    + _WHEN
    + r"(?:(?:points?|sujets?|choses?|questions?)\s+a\s+(?:verifier|creuser|approfondir|valider|tester|clarifier)"
    r"(?:\s+[\w']+){0,3}|(?:je|on|nous)\s+(?:ferai|fera|ferons|verifierai|verifiera|verifierons|creuserai|creusera|"
    r"creuserons|aborderai|abordera|aborderons)\s+(?:les\s+points\s+suivants|ceci)|"
    r"(?:things?|points?|topics?|questions?)\s+to\s+(?:check|probe|test|verify|dig\s+into)(?:\s+[\w']+){0,3}|"
    r"plan\s+(?:for|du|pour\s+le)\s+(?:the\s+)?(?:next|second|2nd|prochain|2e|second|deuxieme)\s+(?:round|interview|call|entretien))"
    r"(?:\s*\([^()]{0,50}\))?\s*(?::|->|→)\s*$"
)
_QUESTIONS_HEADING = re.compile(
    r"^(?:questions?|qs|(?:the\s+)?questions?\s+(?:asked|covered|posees|abordees|prevues|du\s+guide|from|de\s+la\s+grille)"
    # what is left to ask (seventh dev round: "OPEN QUESTIONS (round 2)"): the lines under it are not answers
    # (not « questions ouvertes », open-ended questions in French interviewing jargon)
    r"|open\s+questions?|questions?\s+(?:to\s+ask|a\s+poser|for\s+(?:the\s+)?next\s+round|"
    r"pour\s+le\s+prochain\s+entretien|pour\s+(?:le\s+)?n\+1))"
    r"(?:\s*\([^)]{0,40}\))?\s*(?::|->|→)?\s*$"
)


# A line that asks a question and adds at most an aside in brackets: "Is there a quota on expansion? (both, 60/40)",
# « Combien de comptes par AM ? (80 à 100) » (the candidate's own questions, with the interviewer's answer; sixth dev
# round). An answer after the question on the same line ("Why did she leave? She wanted…") is not part of it.
_ASKED_LINE = re.compile(
    r"^(?:is|are|was|were|does|do|did|how|what|who|whom|whose|which|will|would|can|could|should|shall|where|when"
    r"|has|have|had|any|anything|anyone"  # seventh dev round: "Has she ever handled…?", "Any experience coaching…?"
    r"|est-ce|combien|comment|quel|quelle|quels|quelles|qui|pourquoi|quand|y\s+a-t-il|a-t-on|peut-on|faut-il"
    r"|[^\W\d]+-(?:t-)?(?:il|elle|ils|elles))\b"  # « A-t-elle déjà géré… ? », « Sait-il… ? »
    r"[^?\n]{0,160}\?\s*(?:\([^()\n]{0,80}\))?\s*[.;]?$"
)


# A question about what the candidate does or did ("How does she handle an unhappy client?", « Comment gère-t-elle un
# client mécontent ? »): an aside in brackets after it is the candidate's answer, not the interviewer's. Not the
# future ("Will she have a budget?": the job) nor the impersonal French « y a-t-il », « faut-il ».
_ABOUT_CANDIDATE = re.compile(
    r"\b(?:does|did|has|had)\s+(?:she|he|the\s+candidate)\b"
    r"|(?<![\w-])(?<!\by\s)(?!faut-|s'agit-|a-t-)[^\W\d]+-(?:t-)?(?:elle|il|ils|elles)\b"
)


def _is_asked_line(folded_line: str) -> bool:
    """Whether a whole line (folded, bullet stripped) only asks a question, with at most an aside in brackets that
    is not the candidate's answer (_ABOUT_CANDIDATE)."""
    body = _SPEAKER.sub("", folded_line.strip(), count=1).strip()
    if not _ASKED_LINE.match(body):
        return False
    question, _, aside = body.partition("?")
    return not ("(" in aside and _ABOUT_CANDIDATE.search(question))


def _is_question(folded: str) -> bool:
    """Whether a folded segment is the interviewer's question without its answer (see _SPEAKER, _PROMPT)."""
    body = _SPEAKER.sub("", folded.strip(), count=1).strip()
    if _QUESTIONS_HEADING.match(folded.strip()):
        return True
    if _THIRD_PERSON.search(body):
        return False
    if body.endswith("?"):
        # a topic alone ("anglais ?"); "English probably fine?" is a hedged judgement, not a question
        return bool(_SECOND_PERSON.search(body)) or (len(re.findall(r"\w+", body)) <= 3 and polarity(body) == "neutral")
    return bool(_PROMPT.match(body) and _SECOND_PERSON.search(body))


# The interviewer's own grid: a label and a score, nothing observed ("Communication: 4", "Leadership: N/A",
# "Overall rating: 3 - Mixed", « Grille interne : 4/5 (Nadia) / 3.5 (moi) », "Votes: Grace 3.5, Luis 4").
_SCORE = r"(?:[0-5](?:[.,]5)?(?:\s*/\s*(?:5|10))?)"
_GRID_LINE = re.compile(
    r"^[^\W\d][\w' &/()-]{0,40}?\s*(?::|=|->|→)\s*(?:" + _SCORE + r"|n/?a|not\s+(?:assessed|rated|evaluated|scored)|"
    r"non\s+(?:evalue|note|teste)e?s?|-+)\s*(?:(?:\s[-–]\s*|\()[^\W\d][\w' -]{0,20}\)?)?\s*[.]?$"
)
_GRID_LABEL = re.compile(
    r"^[^:]{0,30}?\b(?:votes?|grille|grid|ratings?|scoring|notes?\s+(?:globale|grille|finale)|overall|"
    r"recommendation|reco|recommandation|verdict|decision|avis\s+global)\b[^:]{0,30}(?::|->|→)"
)
_GRID_VALUE = re.compile(
    r"(?<![\w.,/])" + _SCORE + r"(?![\w.,]?\d)|\b(?:(?:lean|strong|weak)\s+)?(?:no\s+)?(?:hire|go)\b|\bno[\s-]go\b"
    r"|\b(?:lean|leaning)\s+(?:yes|no)\b"
)


# A markdown table row ("| Team | n/a | no reports in this role |"): its cells, the first one the label.
_TABLE_ROW = re.compile(r"^\|?([^|]+)\|(.*?)\|?\s*$")
_NOT_SCORED = re.compile(
    r"^\s*(?:n/?a|not\s+(?:assessed|rated|evaluated|scored|seen|tested)|non\s+(?:evalue|note|teste|vu)e?s?)\s*$"
)
_NO_SCORE = re.compile(r"^\s*(?:-+|–|—|\?)\s*$")  # no score: not assessed only when the comment says little too
# A verdict alone ("Lean yes.", "Strong no hire"): the interviewer's call, not a lean method.
# (stop 47's second outside set: "tl;dr lean yes", a summary's label before it)
_VERDICT = re.compile(
    r"^(?:(?:tl;?\s?dr|tldr|verdict|overall|bottom\s+line|bilan|avis|conclusion)\s*[:,-]?\s*)?"
    r"(?:lean|leaning|strong|weak|soft)\s+(?:yes|no|hire|no[\s-]hire|go|no[\s-]go|oui|non)\b\W*$"
)


# A table's header row (stop 47's second outside set: "| Area | Observation | Rating |"): every cell a column's name.
_COLUMN_NAMES = frozenset(
    """area areas topic topics theme themes competency competence competences competencies skill skills criterion
    criteria critere criteres observation observations comment comments commentaire commentaires note notes rating
    ratings score scores evidence evidences preuve preuves example examples exemple exemples level niveau domaine
    domaines question questions answer answers reponse reponses verdict remarks remarques what quoi""".split()
)


def _is_table_header(text: str) -> bool:
    """Whether a folded table row names columns only."""
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    return len(cells) >= 2 and all(c in _COLUMN_NAMES for c in cells)


def _is_table_grid(text: str) -> bool:
    """Whether a folded table row is not scored (a cell "n/a", "-"), is the overall verdict with a score, or names the
    table's columns."""
    if text.count("|") < 2:
        return False
    if _is_table_header(text):
        return True
    m = _TABLE_ROW.match(text)
    if not m:
        return False
    label, rest = m.group(1).strip(), [c.strip() for c in m.group(2).split("|")]
    if any(_NOT_SCORED.match(c) for c in rest):
        return True
    if any(_NO_SCORE.match(c) for c in rest) and sum(len(c.split()) for c in rest if not _NO_SCORE.match(c)) <= 3:
        return True
    return _is_grid(f"{label}: {' '.join(rest)}") if label else False


# The candidate's rating of themselves, alone on its segment after at most a topic's label (ninth dev round:
# "Negotiation: self 9/10.", "English: rates herself 6/10", « Anglais : s'auto-évalue à 7/10 »): no observation. The
# interviewer's observation beside it ("Me: could not name a renewal") is a segment of its own and stays.
_SELF_RATING = re.compile(
    r"^[^\W\d][\w' &/()-]{0,30}?\s*(?::|-|–|—)?\s*(?:self(?:[\s-]?(?:rated|rating|assessed|assessment|score|scored))?|"
    r"(?:she|he|they)?\s*rates?\s+(?:him|her|them)sel(?:f|ves)|s'auto-?(?:evalue|note)\w*|auto-?(?:evaluation|notation|note)|"
    r"se\s+(?:note|donne))\s*(?::|=|at|a)?\s*\d{1,2}(?:[.,]5)?\s*/\s*(?:5|10|20)\s*[.;,]?\s*$"
)


# A row of a pasted spreadsheet scorecard whose comment gives no reason (ninth dev round: "English,5,yes", "Team
# mgmt,3,"), and a score out of 100 or in points with nothing after it ("Case study: 78/100", "Product quiz: 420/500
# XP"): the rater's score, not an observation.
_CSV_LABEL = re.compile(r"[^\W\d][\w' &/()-]{0,40}")
_CSV_SCORE = re.compile(r"(?:n/?a|-+|" + _SCORE + r")?")
_CSV_NO_REASON = frozenset("yes no ok okay good fine great strong weak n/a na oui non bien bon tb".split())


def _is_csv_grid_row(text: str) -> bool:
    """A row of a pasted spreadsheet scorecard (cells split by commas, semicolons or tabs) whose cells after the
    label are a score and words that give no reason; read cell by cell, so a row of many separators costs nothing
    (review: the regex this replaces backtracked for 21 s on a row of 16 tabs)."""
    cells = [c.strip().strip('"').strip() for c in re.split(r"[,;\t]", text)]
    if len(cells) < 2 or not _CSV_LABEL.fullmatch(cells[0]) or not _CSV_SCORE.fullmatch(cells[1]):
        return False
    return all(not c or c in _CSV_NO_REASON or set(c) == {"-"} for c in cells[2:])


_POINTS_GRID = re.compile(
    # (review: not a ratio of facts, "Renewals: 38/40", "Quota: 11/12")
    r"^[-*•]?\s*[^\W\d][\w' &/()-]{0,40}?\s*(?::|=|->|→)\s*\d{1,4}(?:[.,]\d)?\s*/\s*"
    r"(?:(?:100|1000)\s*(?:xp|pts?|points|%)?|\d{2,4}\s*(?:xp|pts?|points))\s*[.]?$"
)


def _is_grid(folded: str) -> bool:
    """Whether a folded segment is the interviewer's own score or verdict line rather than an observation."""
    text = folded.strip()
    if _GRID_LINE.match(text) or _VERDICT.match(text) or _SELF_RATING.match(text) or _POINTS_GRID.match(text):
        return True
    if _is_csv_grid_row(text):
        return True
    if text.startswith("|") and _is_table_grid(text):
        return True
    label = _GRID_LABEL.match(text)
    return bool(label and len(re.findall(r"\w+", text)) <= 20 and _GRID_VALUE.search(text, label.end()))


# A line telling what the interviewer told or showed the candidate (ninth dev round: "Walked him through our KPIs",
# "Told him the account has been lukewarm", "Explained the variable", « Je lui ai présenté notre tableau de bord »):
# the job, not the candidate. Not what the candidate explained ("Explained how she rebuilt…", "Walked me through her
# forecast", « Elle m'a présenté son tableau »).
_JOB_THINGS = (
    r"(?:our|the\s+(?:role|job|position|offer|package|variable|comp|compensation|salary|bonus|benefits|company|"
    r"territory|org|book\s+(?:he|she|they)(?:'d|\s+would)|accounts?\s+(?:he|she|they)(?:'d|\s+would)|kpis\s+we))\b"
)
# (review: not "Told her boss…", "Took her team from 4 to 9", "Talked her way into…", "Walked her client through…",
# "Explained our pricing back to me", « Détaille le portefeuille repris chez X »)
_TOLD = re.compile(
    r"^[-*•]?\s*(?:i\s+|we\s+)?told\s+(?:him|them|the\s+candidate|her(?=\s+(?:that|about|our|we|how|what|why|the|it)\b))\b"
    r"|^[-*•]?\s*(?:i\s+|we\s+)?(?:walked|took|talked)\s+(?:him|her|them|the\s+candidate)\s+(?:through|about|around)\b"
    r"|^[-*•]?\s*(?:i\s+|we\s+)?(?:explained|described|presented|pitched|outlined|talked\s+through|went\s+(?:through|over)|"
    r"shared|showed|opened\s+with)\s+(?:to\s+(?:him|her|them)\s+)?"
    + _JOB_THINGS
    + r"(?![^.\n]*\bback\s+to\s+(?:me|us)\b)"
    r"|^[-*•]?\s*(?:i\s+|we\s+)?gave\s+(?:him|her|them)\s+(?:an?\s+|the\s+|our\s+)?"
    r"(?:overview|tour|rundown|pitch|presentation|summary)\b"
    r"|^[-*•]?\s*(?:je\s+(?:lui|leur)\s+ai|on\s+(?:lui|leur)\s+a|nous\s+(?:lui|leur)\s+avons|(?:lui|leur)\s+ai)\s+"
    r"(?:presente|explique|detaille|decrit|pitche|montre|expose|parle\s+d|raconte|dit)"
    r"|^[-*•]?\s*(?:presente|explique|detaille|decrit|pitche|expose)\s+(?:le\s+poste|l'entreprise|la\s+boite|notre|nos|"
    r"le\s+variable|la\s+remuneration|le\s+package|le\s+role|les\s+missions|l'offre)\b"
)


# A section presenting the role or the company to the candidate (« Ce que je lui ai présenté : », "About the role:"):
# what the job offers is not what the candidate showed. It runs to the next blank line or heading.
_PITCH_HEADING = re.compile(
    r"^(?:ce\s+que\s+(?:je\s+lui\s+ai|j'ai|on\s+lui\s+a|nous\s+lui\s+avons)\s+(?:presente|explique|dit|vendu|pitche)|"
    r"(?:presentation|pitch)\s+(?:du\s+poste|de\s+l'entreprise|de\s+la\s+boite|du\s+role|de\s+l'equipe|de\s+la\s+societe)|"
    r"(?:le\s+)?poste\s+(?:presente|propose)|pitch|(?:about|on)\s+(?:the\s+|our\s+)?(?:role|job|position|company|team)|"
    r"(?:role|job|position)\s+(?:pitch|overview|presented|description)|"
    r"what\s+(?:i|we)\s+(?:told|pitched|presented|explained|said|covered)(?:\s+to)?(?:\s+(?:him|her|them|the\s+candidate))?"
    r"(?:\s+about\s+(?:the\s+|our\s+)?(?:role|job|position|company|team))?|"
    r"ce\s+que\s+(?:j'ai|on\s+a|nous\s+avons)\s+(?:couvert|aborde|presente)|"
    # the job ad quoted in the notes (ninth dev round: « Rappel de l'annonce (copié tel quel) : »): its requirements
    # are the job's, not the candidate's; not a fit checklist under the requirements (review: « Exigences de
    # l'annonce (vs candidate) : », "Requirements from the JD:", "JD:" with the candidate's facts under each)
    r"(?:rappel|extrait|copie|texte)\s+de\s+l'annonce|fiche\s+de\s+poste|"
    r"(?:from|per)\s+the\s+(?:ad|jd|job\s+ad|job\s+description)|"
    r"(?:the\s+)?job\s+(?:ad|advert|posting|description)(?:\s+(?:extract|excerpt|text|as\s+posted))?)"
    # a short qualifier before the colon: « Pitch fait (à garder pour les prochains) : », "Role overview (as pitched):"
    r"(?:\s+(?:fait|faite|done|given|delivered|made))?(?:\s*\([^()]{0,50}\))?\s*(?::|->|→)\s*$"
)
# (fifteenth notes round) A job ad pasted below the notes under a divider that says so (« ---- PJ : annonce (EN)
# ---- », "=== Job description ===", "--- Attached: job ad ---", « ----- Copie de l'annonce ----- »): its requirements,
# benefits and boilerplate are the job's. Not « === Offre acceptée ? === », « ---- Annonce : vu avec elle ---- »,
# "==== JD vs candidate ====" (review of stop 41: the offer made, an announcement, a fit check).
_AD_NAME = r"(?:job\s+(?:ad|advert|posting|description)|fiche\s+de\s+poste|offre\s+d'emploi)"
_AD_DIVIDER = re.compile(
    r"^[-=*#_~]{2,}\s*(?:(?:pj|piece\s+jointe|attachment|attached|copie|copy|extrait|excerpt)\s*:?\s*(?:de\s+|of\s+)?"
    r"(?:l'|the\s+|our\s+)?(?:annonce|" + _AD_NAME + r")|" + _AD_NAME + r")\s*(?:\([a-z]{2}\))?\s*[-=*#_~]{2,}\s*$"
)
# Any divider ends a section (« ---- Mes notes ---- » after the pasted ad).
_DIVIDER_LINE = re.compile(r"^[-=*#_~]{3,}")
_PITCH_OR_AD = re.compile(rf"(?:{_PITCH_HEADING.pattern})|(?:{_AD_DIVIDER.pattern})")
_HEADING = re.compile(r"^[^\W\d][\w' ()/-]{0,40}(?::|->|→)\s*$")
# What the team needs, before the debrief (eleventh dev round: "1. What we need (pasting this in every debrief…)",
# « Besoins du poste : »): the job, not the candidate; the colon is optional, an aside in brackets allowed.
_NEEDS_HEADING = re.compile(
    # (review: not "What the client needs", « Besoins du client : », a case study's needs discovery)
    r"^(?:what\s+(?:we|the\s+team)\s+(?:need|needs|want|are\s+looking\s+for)|"
    r"(?:our|the\s+team's|the\s+role's|team|role|hiring)\s+needs?|"
    r"(?:les\s+|nos\s+)?besoins?(?:\s+(?:du\s+poste|de\s+l'equipe|du\s+manager|du\s+recrutement))?|"
    r"ce\s+(?:qu'on|que\s+nous|que\s+l'equipe|que\s+le\s+manager)\s+(?:cherche|cherchons|veut|voulons|attend))"
    r"(?:\s*\([^()\n]{0,80}\))?\s*(?::|->|→)?\s*$"
)


# Eleventh dev round (precision): text on a competency's topic that says nothing about the candidate.
# An AI notetaker's or a Teams recap's task list ("Action items", « Tâches de suivi »), with or without a colon: what
# happens next.
_TASKS_HEADING = re.compile(
    r"^(?:action\s+items?|follow[- ]?up\s+(?:tasks?|items?|actions?)|(?:taches?|actions?)\s+de\s+suivi|"
    r"(?:to[- ]?dos?|a\s+faire)(?:\s+list)?)\s*(?::|->|→)?\s*$"
)
# (review: a task is a verb, after a name at most: "[ ] Ben: send…", not an unmet requirement, "[ ] English: could
# not hold the conversation")
_UNTICKED = re.compile(
    r"^\[\s\]\s*(?:[a-z][a-z'-]{1,20}\s*:\s*)?(?:to\s+)?(?:send|ask|check|call|book|schedule|share|prepare|follow|"
    r"e-?mail|set\s+up|plan|organi[sz]e|review|read|decide|push|get|confirm|envoyer|demander|verifier|appeler|planifier|"
    r"preparer|relancer|organiser|partager|lire|caler|programmer|faire|transmettre|confirmer)\b"
)
MAX_TASK_WORDS = 16
"""A short to-do left open ("[ ] Ben: send the case by Friday"): a task, not an observation. A long one carries its
context ("[ ] Decide whether 2 years is enough. Context: he looked after 25 accounts…"), which may be evidence."""
# A notetaker's tags, as a heading over them ("Keywords") or as a labelled list ("Tags: negotiation, CRM, Excel",
# « Étiquettes : négociation, anglais »): words, not evidence.
_TAG_WORDS = r"keywords?|key\s+words|tags?|etiquettes?|mots[- ]cles?"
_TAGS_HEADING = re.compile(r"^(?:" + _TAG_WORDS + r")\s*(?::|->|→)?\s*$")
_TAGS_LABEL = re.compile(r"^(?:" + _TAG_WORDS + r"|labels?)\s*(?::|->|→)")
_TAG_SEPARATOR = re.compile(r"[,·;|]")
MAX_TAG_WORDS = 3


def is_tag_list(text: str) -> bool:
    """Whether `text` (folded) is a list of at least two short tags with no figure ("negotiation · CRM · Excel"); not
    facts listed under a tags label ("Tags: negotiated a 3-year renewal, saved Danone", review). Split in code, not by
    one pattern: a pattern of repeated items backtracked for 50 s on a 108-character line (review)."""
    items = [item.strip() for item in _TAG_SEPARATOR.split(text)]
    return (
        len(items) >= 2
        and all(0 < len(item.split()) <= MAX_TAG_WORDS for item in items)
        and not any(ch.isdigit() for ch in text)
    )


# The recruiter's guess about the candidate ("I'd guess he's a natural closer", « J'imagine qu'elle a un carnet
# d'adresses », « Je suppose qu'il connaît du monde ? »): an inference, not something the candidate said or did. Not
# the candidate's own guessing ("He guessed the client's budget", « Elle suppose toujours le pire »).
_GUESS = re.compile(
    r"\b(?:i'?d\s+guess|i\s+(?:would\s+)?guess|my\s+guess|i\s+(?:would\s+)?imagine|i\s+suppose|i'?d\s+bet|i\s+bet|"
    r"my\s+gut\s+(?:says|feeling|tells)|i\s+(?:would\s+not|wouldn'?t)\s+be\s+surprised|i\s+reckon|"
    r"j'imagine|j'imaginerais|je\s+suppose|je\s+parie|on\s+peut\s+supposer|je\s+ne\s+serais\s+pas\s+(?:etonnee?|surprise?)|"
    r"je\s+(?:la|le)\s+vois\s+bien|i\s+can\s+(?:see|picture)\s+(?:her|him|them)\s+(?:being|as|doing)|"
    # a prediction in the conditional ("I think he'd pick up English fast", « je pense qu'elle saurait le faire »)
    r"i\s+think\s+(?:he|she|they)(?:'d|\s+would|\s+could|\s+might)|"
    r"(?:je\s+pense|je\s+crois)\s+qu'(?:il|elle)\s+(?:pourrait|serait|saurait|ferait|aurait|devrait))\b"
)
# (review) A guess beside a fact is not marked: a figure, a clause after « ; » or « : », or quoted speech.
_NOT_A_GUESS = re.compile(r"\d|;|\s:\s|:\s|[«»\"“”]")
_OUT_OF_5_OR_10 = r"[0-5](?:[.,]5)?\s*/\s*(?:5|10)\b"
_A_RATING = re.compile(r"\b" + _OUT_OF_5_OR_10)
"""A rating out of 5 or 10 on the line, which with SELF_MARK is the candidate's own score (« Excel : 4/5 (son
auto-évaluation) »)."""
SELF_MARK = re.compile(r"\b(?:auto-?evaluation|auto-?evalue\w*|self[\s-]?(?:rating|rated|assessment|assessed))\b")
MAX_SELF_RATING_LABEL_WORDS = 2


def _is_bare_self_rating(folded: str) -> bool:
    """Whether a self-rating line holds nothing but a label besides its score and marker (review: not "English 4/5
    self-rated, fluent in practice")."""
    rest = SELF_MARK.sub(" ", _A_RATING.sub(" ", folded))
    rest = re.sub(r"\b(?:son|sa|ses|her|his|their)\b", " ", rest)
    return len(re.findall(r"\w+", rest)) <= MAX_SELF_RATING_LABEL_WORDS


MAX_GUESS_WORDS = 40
# What the candidate wishes to do or the job will ask of them, with no fact beside it (thirteenth dev round): « Elle
# aimerait un jour manager une équipe », "He'd like to manage a team", « Il faudra qu'il se forme à HubSpot », "She will
# need to learn our model", « À terme, elle devra encadrer le stagiaire ». A wish or a duty to come is not what the
# candidate showed. Only a line with no judgement (« devrait progresser en anglais » judges), and not one that also
# states what they did (« a encadré 4 personnes et aimerait recommencer »).
_FUTURE = re.compile(
    r"^(?:(?:il|elle|iel|le\s+candidat|la\s+candidate|he|she|they|the\s+candidate)\s+)?"
    r"(?:aimerai[ts]?|souhaiterai[ts]?|voudrai[ts]?|reve\s+de|espere|ambitionne\s+de|se\s+verrai[ts]?|"
    r"(?:would|'d)\s+(?:like|love)\s+to|wants?\s+to|hopes?\s+to|aspires?\s+to|is\s+keen\s+to|sees\s+(?:her|him|them)self)\b"
    r"|^(?:a\s+terme,?\s+|des\s+son\s+arrivee,?\s+|au\s+debut,?\s+)?(?:il|elle|iel)\s+(?:devra|aura\s+a)\b"
    r"|^(?:a\s+terme,?\s+)?il\s+(?:lui\s+)?faudra(?:it)?\b"
    r"|^(?:he|she|they|the\s+candidate)\s+(?:will|would)\s+(?:need|have)\s+to\b|^(?:he|she|they)'d\s+(?:like|love)\s+to\b"
)
_DID = re.compile(
    r"\b(?:a|ont|avait|avaient)\s+(?:deja\s+|toujours\s+|bien\s+)?(?!terme\b)[a-z]{2,}(?:e|i|u|is|it)\b"
    r"|\b(?:had|has|have)\s+(?:already\s+)?\w+\b|\b\w{3,}ed\b"
)
# (review of stop 38) A line that also says what is: a figure, a second clause, « déjà », "currently" (« Il aimerait
# manager : il gère déjà 2 juniors », "He'd like to manage again (ran a team of 5)").
_FACT_BESIDE = re.compile(
    r"\d|[:;(]|,\s*(?:il|elle|iel|she|he|they|en|chez|at)\b|\b(?:deja|already|currently|actuellement|aujourd'hui|today|"
    r"now|encore|still)\b"
)
_WHEN_LATER = re.compile(
    r"^(?:a\s+terme|des\s+son\s+arrivee|au\s+debut|plus\s+tard|later\s+on|eventually|in\s+time),?\s*"
)
MAX_FUTURE_WORDS = 25
# A line of an AI summary quoted to be corrected ('AI: "Managed a team of six."', « Résumé IA : « … » »): a claim.
# Only quoted (review: not "AI: uses ChatGPT daily to prep QBRs", the candidate's own use of AI).
_AI_LINE = re.compile(
    r"^(?:the\s+)?(?:ai|ia|l'ia|copilot|ai\s+(?:summary|notes?|notetaker)|(?:le\s+)?resume\s+(?:de\s+l')?ia)"
    r"(?:\s+(?:said|says|wrote|claims?|a\s+ecrit|dit|ecrit))?\s*(?::|->|→)\s*[\"«“']"
)
# The offer made to the candidate ("Offer: 52k base + 15% variable", « Offre : 48 k€ fixe »): the job's pay, not
# the candidate's data or sales skill, whatever it is indexed on.
# (review: pay right after the label, not "Offer: she offered the client a 3-month pilot")
_OFFER_LINE = re.compile(
    r"^(?:offer|offre|proposition|package\s+offered|offer\s+made)\s*(?::|->|→|[-–—]\s)\s*"
    r"(?:[€$£]?\s?\d|(?:base|fixe|fixed|salary|salaire|package|brut|gross|ote)\b)"
)
MAX_OFFER_WORDS = 30
# A section label presenting the company or the team ("00:04 Company presentation: Ana presented…", « Présentation de
# l'entreprise : … »); not when the candidate is what follows (review: "Role context: she has 6 years as KAM").
# (stop 53's outside probe) A line about the job or the hiring team: « Le poste demande un anglais courant », « On
# cherche qqn de très orienté data », « Chez nous les AM gèrent 40 comptes », "We're a team of 8 AMs with a strong
# negotiation culture", "The role requires…". Evidence only when the rest names the candidate (_THIRD_PERSON).
# …unless the rest names the candidate: a pronoun, a possessive, « l'a » (review of stop 53: « Notre équipe a validé
# son cas pratique », « Le poste demande un anglais courant, Marie l'a à peine »)
_ABOUT_THE_CANDIDATE = re.compile(
    r"\b(?:she|he|her|his|him|they|il|elle|ils|elles|lui|candidat\w*|candidate|son|sa|ses|l'a|l'ont|l'avait)\b"
)


def _names_someone(text: str) -> bool:
    """Whether a capitalised first name stands in the line after its first word (« …, Marie l'a à peine »)."""
    return any(is_first_name(w) for w in re.findall(r"(?<=\s)[A-ZÀ-Ý][a-zà-ÿ]+", text))


_THE_JOB_OR_US = re.compile(
    r"^(?:le\s+poste|ce\s+poste|le\s+role|the\s+(?:role|job|position)|this\s+(?:role|job|position))\s+"
    r"(?:demande|necessite|exige|requiert|implique|suppose|needs|requires|involves|demands|calls\s+for)\b"
    r"|^(?:on|nous)\s+(?:re)?cherch\w*\b|^(?:we(?:'re|\s+are)\s+looking\s+for|we\s+(?:need|want|seek))\b"
    r"|^chez\s+nous\b|^(?:we(?:'re|\s+are)\s+a\s+team\s+of|our\s+(?:team|ams?|sales\s+team)\s+(?:is|are|has|have))\b"
    r"|^(?:notre|nos)\s+(?:equipe|am|ams|commerciaux)\s+(?:est|sont|compte|comptent|a|ont|gere\w*)\b"
)
_PITCH_LABEL = re.compile(
    r"^(?:\d{1,2}:\d{2}(?::\d{2})?\s+)?(?:(?:company|team|role|product|job)\s+(?:presentation|context|overview|pitch|intro)|"
    r"presentation\s+(?:de\s+l'entreprise|de\s+la\s+societe|de\s+la\s+boite|du\s+poste|de\s+l'equipe|du\s+produit)|"
    r"contexte\s+(?:de\s+l'equipe|du\s+poste))\s*:"
)


# The second line of a wrapped item starts in lower case, and not with a sentence about the candidate ("  indexé sur
# le renouvellement", not "  Elle a posé 3 questions…").
_CONTINUATION = re.compile(r"(?!(?:elle|il|she|he|they|ils|elles)\b)[a-zà-ÿ0-9(«\"%€]")


def _section_spans(text: str, heading: re.Pattern[str]) -> list[tuple[int, int]]:
    """The [start, end) spans of the sections of `text` opened by a line matching `heading` (folded): each runs to
    the next blank line or the next heading (_HEADING)."""
    spans: list[tuple[int, int]] = []
    pos, start, items, previous = 0, None, False, ""
    for line in text.splitlines(keepends=True):
        folded = fold(_BULLET.sub("", line)).strip()
        bullet = bool(_BULLET.match(line))
        # a section ends at a blank line, the next heading, or the first plain line after its list of items that
        # does not carry on the item before it (indented, or after a comma: an item wrapped over two lines)
        wrapped = (
            items
            and not bullet
            and (line[:1] in (" ", "\t") or previous.rstrip().endswith((",", ";")))
            and bool(_CONTINUATION.match(line.lstrip()))
        )
        if start is not None and (
            not folded
            or _DIVIDER_LINE.match(folded)
            or (not bullet and not wrapped and (_HEADING.match(folded) or items))
        ):
            spans.append((start, pos))
            start = None
        if start is None and heading.match(folded):
            start, items = pos, False
        elif start is not None and bullet:
            items = True
        pos += len(line)
        previous = line
    if start is not None:
        spans.append((start, pos))
    return spans


def _list_spans(text: str, heading: re.Pattern[str]) -> list[tuple[int, int]]:
    """As _section_spans, but a section holds only its heading and the list items under it: it ends at the first
    plain line (review: under "Action items" or "Tags", "Tom closed the Airbus renewal alone in 2023" is evidence)."""
    spans = []
    for start, end in _section_spans(text, heading):
        pos = text.find("\n", start, end)
        pos = end if pos < 0 else pos + 1  # the heading line
        while pos < end:
            line_end = text.find("\n", pos, end)
            line_end = end if line_end < 0 else line_end + 1
            if not _BULLET.match(text[pos:line_end]) and not text[pos:line_end].lstrip().startswith("["):
                break
            pos = line_end
        spans.append((start, pos))
    return spans


def _tag_spans(text: str) -> list[tuple[int, int]]:
    """A tags heading ("Keywords") and the one line of tags under it, when that line is a tag list (is_tag_list)."""
    spans = []
    for start, end in _section_spans(text, _TAGS_HEADING):
        first = text.find("\n", start, end)
        if first < 0:
            continue
        second = text.find("\n", first + 1, end)
        second = end if second < 0 else second + 1
        if is_tag_list(fold(_BULLET.sub("", text[first + 1 : second]))):
            spans.append((start, second))
    return spans


_RATING_AFTER_LABEL = re.compile(r"(?<=:)\s*" + _OUT_OF_5_OR_10 + r"|(?<=\|)\s*" + _OUT_OF_5_OR_10 + r"(?=\s*\|)")
"""A rating right after a label's colon ("Listening: 4/5 – …", « Réseau : 2/5 ») or alone in a table's cell
(« | Organisation | 3/5 | … | », stop 53's outside probe of notes), which _DATE would read as a date."""
_RATING_OF_SCORECARD = re.compile(
    r"(?:(?<=:)|(?<=\s[-–—]))\s*(?:(?:10|[0-9])(?:[.,]5)?\s*/\s*10|[0-5](?:[.,]5)?\s*/\s*5)\b(?=\s*[-–—,;(]\s*\w)"
)
"""A rating out of 5 or 10 after a label's colon or dash and before its reason ("Listening: 8/10 – …", "Réseau - 2/5 -
…"), on a line that gives no duration ("Entretien tel – 3/5 – 30 min" is dated the 3rd of May, and « Démarrage
possible – 2/10 », with no reason after it, the 2nd of October)."""


_RATING_OF_TERSE_LABEL = re.compile(
    r"^(?:[-*•]\s*)?[a-z][\w'&.-]{1,20}(?:\s[\w'&.-]{1,20})?\s+(?:10|[0-9])(?:[.,]5)?\s*/\s*(?:5|10)\b(?=\s*[-–—:,;(]\s*\w)"
)
"""A terse label and its score before the reason ("exp 4/5 - 6y AM, agency side", review of stop 46), on a line that
gives no duration: a rating, not the 4th of May."""


_SPACES = re.compile(r"[^\S\n]+")


def non_evidence_reason(text: str, *, first_line: bool = False) -> str:
    """Why a segment is about the meeting rather than the candidate ("header", "next_step", "logistics", "question",
    "grid"), or "".

    Only lines that carry no judgement are marked (a polar word keeps a line as possible evidence), except next
    steps: "Overall strong, next step case study" says nothing about one competency."""
    # A run of spaces reads as one: the line patterns allow optional spaces side by side, and a hostile run of
    # thousands (review of da93473) made one of them backtrack for minutes.
    folded = _SPACES.sub(" ", fold(text)).strip()
    words = len(re.findall(r"\w+", folded))
    if _NEXT_STEP.search(folded) and words <= 20:
        return "next_step"
    if _PLAN.match(folded) and words <= 40:
        return "next_step"
    if _TOLD.match(folded):
        return "pitch"  # what the interviewer told the candidate, judgement or not: the job, not the candidate
    if _HEADER_FIELDS.match(folded) or (_NOTES_TITLE.match(folded) and words <= MAX_NOTES_TITLE_WORDS):
        return "header"  # the notes' header, on any line (stop 53's outside probe: its second and third lines)
    core = _SPEAKER_STAMP.sub("", _BULLET.sub("", folded))
    guide = _PER_THE_GUIDE.match(core)
    required = _REQUIRES.search(core, guide.end()) if guide else None
    if required and not any(is_first_name(m.group()) for m in _NAMED_MID_LINE.finditer(text)):
        after = _ANSWER_AFTER.search(core, required.end())
        if not (after and _ANSWERED.search(core, after.end())):
            return "pitch"  # what the guide or the ad asks of the job, judgement words or not
    label = _PITCH_LABEL.match(core)
    if label and not _THIRD_PERSON.search(core[label.end() :]):
        return "pitch"
    ours = _THE_JOB_OR_US.match(core)
    if ours and not _ABOUT_THE_CANDIDATE.search(core[ours.end() :]) and not _names_someone(text):
        return "pitch"  # what the job needs or what the team is, not the candidate (stop 53's outside probe)
    if _AI_LINE.match(core):
        return "claim"  # a line of an AI summary being corrected
    tags = _TAGS_LABEL.match(core)
    if tags and is_tag_list(core[tags.end() :]):
        return "template"
    if _OFFER_LINE.match(core) and words <= MAX_OFFER_WORDS:
        return "logistics"
    if _A_RATING.search(folded) and SELF_MARK.search(folded) and _is_bare_self_rating(folded):
        return "grid"  # « Excel : 4/5 (son auto-évaluation) »: the candidate's own score, no observation
    if _GUESS.search(folded) and words <= MAX_GUESS_WORDS and not _NOT_A_GUESS.search(folded):
        return "inference"  # the recruiter's guess, judgement or not
    if _is_question(folded):
        return "question"
    if _is_grid(folded):
        return "grid"
    if words <= MAX_NOT_NEEDED_WORDS and _NOT_NEEDED.match(folded) and not _THE_CANDIDATES.search(folded):
        return "logistics"  # what the job does not need: the job, not the candidate
    if _LOGISTICS.search(folded) and words <= 25 and polarity(_OK.sub(" ", _LOGISTICS.sub(" ", folded))) == "neutral":
        return "logistics"  # "48-52k fixed": "fixed" is the pay, not a judgement; "remote 2j ok" is agreement
    if _is_capitals_heading(text):
        return "header"  # « SYNTHÈSE DU CONSULTANT », "STRENGTHS": a section's title, whatever its words' polarity
    if polarity(_SPEAKER_LEGEND.sub(" ", folded)) != "neutral":  # « [Claire] = … » names someone, « claire » judges
        return ""
    if (
        _FUTURE.search(core)
        and words <= MAX_FUTURE_WORDS
        and not _DID.search(core)
        and not _FACT_BESIDE.search(_WHEN_LATER.sub("", core))
    ):
        return "future"  # a wish or a duty to come, not what the candidate showed
    if _META.match(folded):
        return "header"  # who attended, who the referee is: metadata however long the list
    meeting = bool(_MEETING.search(folded))
    undated = _RATING_AFTER_LABEL.sub(" ", folded)  # "Network: 2/5 – …" is a rating, not the 2nd of May
    if not _DURATION.search(folded):
        undated = _RATING_OF_SCORECARD.sub(" ", undated)
        if not meeting:  # « visio 4/5 - Paris » is a meeting's date
            undated = _RATING_OF_TERSE_LABEL.sub(" ", undated)
    elif not meeting and (
        row := _RATING_AFTER_LABEL.search(folded)
        or _RATING_OF_TERSE_LABEL.search(folded)
        or _RATING_OF_SCORECARD.search(folded)
    ):
        # (stop 56's blind measure) « Chiffres 5/5 – a refait le BP du cas en 20 min »: a scorecard row whose reason
        # gives a duration; only its label could date it
        undated = folded[: row.start()]
    dated = bool(_DATE.search(undated) or _DURATION.search(undated))
    separated = bool(re.search(r"\s[-–—|/•·]\s|\s[-–—]|[-–—]\s|\||\(", folded))
    if first_line and dated and meeting and separated and words <= MAX_TITLE_WORDS and _short_parts(folded):
        return "header"  # "Video interview – AM (SMB) – 30 Nov – booked 45 min, ended at 28 min – candidate: …"
    if words > 16:
        return ""
    if is_header(folded):
        return "header"
    if dated and (meeting or separated):
        return "header"
    talk = bool(_TALK.search(folded)) and separated and not folded.startswith(_JUDGEMENT_MARKS)
    if first_line and (talk or (meeting and (separated or re.search(r"\b(?:w/|with|avec)\b", folded)))):
        return "header"  # "INTERNAL MOBILITY — EXIT CONVERSATION (…)": a first line naming the talk itself
    return ""


# Someone else's deeds ("Joanna rebuilt the renewal process", "The team finished at 127% of target", « son manager a
# monté le process »): what the candidate's team, manager or another named person did is not the candidate's
# evidence. A named subject counts only when the notes name the candidate ("candidate: Chiara B.") and the name is
# another one the notes use mid-sentence; the line must hold no pronoun or name that could be the candidate's ("Her
# manager says she is sharp" is a report on the candidate). A label ("team: coaches the juniors", "Team lead for 3
# years") is a topic, and the first person ("my manager uses it now", "the team I managed") is the candidate
# speaking: both stay.
_CANDIDATE_LABEL = re.compile(
    r"(?m)\b(?i:candidate?|cand\.?|candidata|candidato)\s*(?:\([^)]{0,40}\))?\s*:[ \t]*"
    r"([A-ZÀ-Ý](?:[a-zà-ÿ'-]+|[A-ZÀ-Ý'-]+))(?:[ \t]+([A-ZÀ-Ý][\w'-]*\.?))?[ \t]*(?=$|[–—|,;(/]|\s[-–—]\s)"
)
# Another person named in full mid-sentence ("in Joanna Pike's team", "with Tobias Moreau"), or with a possessive;
# job words and tools written in capitals ("as Account Manager", "Salesforce Admin") are not people.
_PERSON_MID_SENTENCE = re.compile(r"(?<=[a-zà-ÿ,(] )([A-ZÀ-Ý][a-zà-ÿ'-]{2,})(?:'s\b|\s+[A-ZÀ-Ý][a-zà-ÿ'-]{2,}\b)")
_NOT_PEOPLE = frozenset(
    """account accounts manager managers key global sales head customer customers success business senior junior
    director directors executive lead team account-manager excel salesforce hubspot crm english anglais french
    premier first""".split()
)
_NAMED_SUBJECT = re.compile(r"([A-ZÀ-Ý][a-zà-ÿ'-]{2,})(?:\s+[A-ZÀ-Ý][\w'-]+)?(?:'s)?\s+[a-zà-ÿ]")
_OTHERS_SUBJECT = re.compile(
    r"^(?:(?:the|her|his|their)\s+(?:whole\s+)?(?:team|team\s+lead|manager|boss|director|head\s+of\s+\w+|"
    r"ops\s+analyst|colleagues?|predecessor|company|employer)|l'equipe|son\s+equipe|"
    r"(?:son|sa|leur)\s+(?:manager|boss|n\+1|directeur|directrice|responsable|chef|equipe|entreprise|societe|boite|"
    r"collegues?|predecesseur)|(?:le|la)\s+(?:manager|boss|n\+1|chef|directeur|directrice)\s+de\s+(?:la\s+)?"
    r"(?:candidat\w*|l'equipe))\s+(?![:=>-])(?!(?:player|management|size|of|de|lead|spirit)\b)[a-z]"
)
# Words after the subject that may be the candidate: a third-person pronoun (« son manager l'a promue », "her manager
# says she…"), the first person ("the team I managed"), the candidate's own possessive (« grâce à son coaching »).
_CANDIDATE_WORDS = re.compile(
    r"\b(?:she|he|her|his|him|hers|herself|himself|il|elle|lui|candidat\w*|candidate|i|i'm|i've|me|my|mine|je|moi|"
    r"mon|ma|mes|son|sa|ses)\b|\bj'|\bl'(?:a|ont|avait|avaient|aurait)\b"
)


_SPEAKER_STAMP = re.compile(r"^\[[^\]]{1,20}\]\s*")  # a transcript's timestamp ("[00:03:02] ")


@dataclass(frozen=True)
class _People:
    """Who the notes name: the candidate (from a "candidate:" label) and the other people named mid-sentence."""

    candidate: frozenset[str]
    others: frozenset[str]

    @classmethod
    def of(cls, text: str) -> _People:
        label = _CANDIDATE_LABEL.search(text)
        candidate = frozenset(g.rstrip(".") for g in (label.groups() if label else ()) if g)
        others = {n for n in _PERSON_MID_SENTENCE.findall(text) if fold(n) not in _NOT_PEOPLE}
        return cls(candidate, frozenset(others) - candidate)


# The notes saying a result is not the candidate's (seventh dev round: « c'est le chiffre de toute la BU, pas le
# sien », « le projet était porté par la responsable ops »): "the whole team's number, not hers", "run by the ops
# lead", « c'est son manager qui a porté le projet ». Not "She led it herself, not her manager", "Closing was not
# her strength", "It was her idea, not his" (whose idea is the candidate's?), "driven by her new pricing model",
# « piloté par les chiffres ».
_ROLE = (
    r"(?:[\w-]+\s+)?(?:responsable|manager|manageur|directeur|directrice|direction|dg|ceo|cto|cfo|coo|boss|n\+1|chef|"
    r"head|lead|team|equipe|collegue|colleague|ops|presales|avant-vente|solutions?\s+engineer|product|marketing|finance|"
    r"support|partenaire|partner|agence|agency|consultant|prestataire|vp|director|supervisor|superieure?|predecesseur|"
    r"predecessor|founder|fondat(?:eur|rice)|associee?)s?\b"
)
_DISOWNED = re.compile(
    # "not hers", « pas le sien » closing a line about a collective result (see _COLLECTIVE)
    r"\b(?:not|pas)\s+(?:hers|his|theirs|her\s+own|his\s+own|le\s+sien|la\s+sienne|les\s+siens|les\s+siennes)"
    r"[\s.;!)]*+$"
    # the figures a candidate cites that are the company's (« … sont ceux de l'entreprise », "the whole company's
    # figure"), not "brought 10 new clients to the company"
    r"|\b(?:sont|est|etaient|etait|is|are|was|were)\s+(?:ceux|celles|celui|celle|those|that|the\s+figures?)\s+(?:de|d'|of)\s*"
    r"(?:l'entreprise|la\s+boite|la\s+societe|the\s+(?:whole\s+|entire\s+)?company)\b"
    r"|\b(?:whole|entire)\s+company's\s+(?:figures?|numbers?|scores?|results?)\b"
    # « porté/piloté par la responsable ops », "was run by the ops lead", « c'est son manager qui … »
    r"|\b(?:porte|portee|pilote|pilotee|mene|menee|lance|lancee)\s+par\s+(?:la|le|les|son|sa|ses|leur|un|une|l')\s*"
    + _ROLE
    + r"|\b(?:was|were)\s+(?:led|run|driven|owned|done|built|negotiated)\s+by\s+(?:the|a|an|her|his|their)\s+"
    + _ROLE
    + r"|\b(?:c'est|c'etait|it\s+was|it's)\s+(?:son|sa|leur|le|la|her|his|their|the)\s+"
    + _ROLE
    + r"\s+(?:qui|who|that)\b"
)
_COLLECTIVE = re.compile(
    r"\b(?:team|whole|entire|bu|department|dept|equipe|toute|tout\s+le|nous|on\s+a|we|our|notre|nos|company|boite|"
    r"societe|groupe|group|pod|squad|service)\b"
)
"""A result told as the team's or the company's: only then does "not hers" say whose it was."""


def is_about_someone_else(segment: str, people: _People) -> bool:
    """Whether a segment reports what the candidate's team, manager or another named person did (see above)."""
    body = _SPEAKER_STAMP.sub("", _BULLET.sub("", segment.strip(), count=1), count=1)
    folded = fold(body)
    disowned = _DISOWNED.search(folded)
    if disowned and (not disowned.group(0).startswith(("not", "pas")) or _COLLECTIVE.search(folded)):
        return True
    if any(re.search(rf"\b{re.escape(fold(name))}\b", folded) for name in people.candidate):
        return False
    team = _OTHERS_SUBJECT.match(folded)
    if team and not _CANDIDATE_WORDS.search(folded, team.end() - 1):
        return True
    named = _NAMED_SUBJECT.match(body)
    return bool(people.candidate and named and named.group(1) in people.others and not _CANDIDATE_WORDS.search(folded))


# --------------------------------------------------------------------------- the prepared notes


@dataclass(frozen=True)
class Prepared:
    """What both engines share: the sanitised notes, the flags, the segments and which of them are excluded."""

    notes: str
    """The notes exactly as the user gave them: every evidence quote is a slice of this string."""
    sanitized: Sanitized
    """The notes with invisible characters removed and NFC applied, and the map back to `notes`."""
    flags: list[Flag]
    """Discrimination, injection, pay-history and PII flags (offsets in `notes`), excluding kinds first."""
    segments: list[Segment]
    """The sentences and bullet items of the sanitised text, in order."""
    language: Language
    """The language of the notes."""
    interviewer: str = ""
    """In a transcript whose speakers have no names ("Speaker 1:", « Intervenant B : »), the label (folded) of the
    one who asks the questions (see interviewer_label); "" otherwise."""
    struck: tuple[tuple[int, int], ...] = ()
    """The sanitised-text spans of struck-out text (see struck_spans), masked like markup but never quoted."""

    @property
    def excluded(self) -> list[Segment]:
        """The segments holding a discrimination, injection or pay-history flag."""
        return [s for s in self.segments if s.excluded_by]

    def is_excluded(self, start: int, end: int) -> bool:
        """Whether a sanitised-text span touches an excluded segment."""
        return any(s.start < end and start < s.end for s in self.excluded)

    def is_excluded_original(self, start: int, end: int) -> bool:
        """Whether a span of the original notes touches an excluded segment."""
        return any(s.orig[0] < end and start < s.orig[1] for s in self.excluded)

    def _struck_at(self, i: int) -> bool:
        """Whether sanitised position `i` is inside struck-out text (the spans are sorted and disjoint)."""
        n = bisect.bisect_right(self.struck, (i, len(self.sanitized.text) + 1)) - 1
        return n >= 0 and self.struck[n][0] <= i < self.struck[n][1]

    def _markup_at(self, i: int) -> bool:
        """Whether sanitised position `i` is markup read as a space (a tag, an entity, a bold marker)."""
        return self.sanitized.text[i].isspace() and not self.notes[self.sanitized.to_original(i)].isspace()

    def _over_markup(self, start: int, end: int) -> tuple[int, int]:
        """The span grown over the markup that touches it on its line, so that a quote never cuts a tag in two
        (« <script>… » without its « </script> » reads differently wherever the quote is shown)."""
        text = self.sanitized.text
        # struck-out text stops the growth: a quote never reaches over what the writer withdrew
        pos, last = end, end
        while pos < len(text) and not self._struck_at(pos) and (self._markup_at(pos) or text[pos] in " \t"):
            if self._markup_at(pos):
                last = pos + 1
            pos += 1
        pos, first = start - 1, start
        while pos >= 0 and not self._struck_at(pos) and (self._markup_at(pos) or text[pos] in " \t"):
            if self._markup_at(pos):
                first = pos
            pos -= 1
        return first, last

    def outside_struck(self, start: int, end: int) -> tuple[int, int]:
        """Of a span holding struck-out text, its part outside it with the most words (« ~~aucune aisance~~ → corrigé :
        a monté le tableau de bord » gives the correction), stripped of spaces and arrows."""
        cuts = sorted((max(a, start), min(b, end)) for a, b in self.struck if a < end and start < b)
        if not cuts:
            return start, end
        pieces, pos = [], start
        for a, b in cuts:
            pieces.append((pos, a))
            pos = max(pos, b)
        pieces.append((pos, end))
        text = self.sanitized.text
        # the most words; on a tie the later piece, the correction after the strike (« Closing : ~~faible~~ solide »)
        a, b = max(reversed(pieces), key=lambda p: len(re.findall(r"\w+", text[p[0] : p[1]])))
        while a < b and (text[a].isspace() or text[a] in "→->:;,."):
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        return (a, b) if a < b else (start, end)

    def evidence(self, start: int, end: int, pol: Polarity) -> Evidence:
        """Evidence for a sanitised-text span, with offsets and quote taken from the original notes; struck-out text
        is left out of it."""
        start, end = self.outside_struck(start, end)
        start, end = self._over_markup(start, end)
        o_start, o_end = self.sanitized.span_to_original(start, end)
        return Evidence(quote=self.notes[o_start:o_end], start=o_start, end=o_end, polarity=pol)


def _excluding_kinds(flags: list[Flag], orig: tuple[int, int]) -> tuple[str, ...]:
    """The excluding flag kinds touching a span of the original notes, each once, in the flags' order."""
    kinds: list[str] = []
    for flag in flags:
        if flag.kind not in EXCLUDING_KINDS or flag.start is None:
            continue
        f_start, f_end = flag.start, max(flag.end or flag.start, flag.start + 1)
        if orig[0] < f_end and f_start < orig[1] and flag.kind not in kinds:
            kinds.append(flag.kind)
    return tuple(kinds)


# A reminder that concludes the sentence before it (tenth dev round: « … un troisième enfant n'était pas exclu. À
# prendre en compte dans le planning de l'équipe. », "Something to keep in mind for the team planning").
_REMINDER = re.compile(
    r"(?:a\s+(?:prendre\s+en\s+compte|garder\s+en\s+tete|avoir\s+en\s+tete|surveiller|retenir)|(?:something\s+)?to\s+"
    r"(?:keep|bear)\s+in\s+mind|worth\s+(?:keeping\s+in\s+mind|bearing\s+in\s+mind))\b"
)


def _runs_on(text: str, prev_end: int, start: int) -> bool:
    """Whether the segment at `start` continues the thought of the one ending at `prev_end`: on the same line, after
    an ellipsis (a thought left hanging) and starting in lowercase (a new sentence starts with a capital), or a
    reminder that concludes it (_REMINDER)."""
    gap = text[max(0, prev_end - 1) : start]  # a segment keeps the first "." of an ellipsis
    if "\n" in gap or start >= len(text):
        return False
    line_end = text.find("\n", start)
    rest = text[start : len(text) if line_end < 0 else line_end]
    # only a short reminder with no fact of its own (review: « À retenir : 120 % de l'objectif » is evidence)
    if _REMINDER.match(fold(rest[:60])) and not re.search(r"[:\d%]", rest) and len(rest.split()) <= 12:
        return True
    return bool(re.match(r"(?:\.{2,}|…)", gap.strip())) and text[start].islower()


# Markup left in notes exported from an ATS or a web form (seventh dev round): tags, entities, bold markers and
# comment delimiters. Only well-formed pieces: « CA < 1M€ », « churn <5 % », « A&B Conseil » are text.
_MARKUP = re.compile(
    r"<!--|-->|</?([A-Za-z][A-Za-z0-9]{0,9})(?:\s[^<>\n]{0,200})?\s*/?>"
    r"|&(?:#[0-9]{1,6}|#[xX][0-9a-fA-F]{1,5}|[a-zA-Z][a-zA-Z0-9]{1,7});|\*\*"
)
_LINE_TAGS = frozenset("br p div li hr tr h1 h2 h3 h4 h5 h6 ul ol table tbody dd dt blockquote".split())


# Struck-out text, markdown (« ~~évite le sujet~~ → a raconté un litige… ») or HTML (<del>, <s>, <strike>): what
# the writer withdrew, corrected after the fact, is not the writer's view and no evidence.
_STRUCK = re.compile(
    r"~~(?=\S)[^~\n]{1,400}?(?<=\S)~~|<(?i:del|s|strike)(?:\s[^<>\n]{0,200})?>[^<]{0,400}?</(?i:del|s|strike)\s*>"
)


def struck_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans of struck-out text, markers included."""
    if "~~" not in text and "<" not in text:
        return []
    return [m.span() for m in _STRUCK.finditer(text)]


def mask_markup(text: str, struck: Sequence[tuple[int, int]] | None = None) -> str:
    """`text` as a reader of the rendered notes sees it, the same length (offsets stay valid): a tag that breaks a
    line becomes a line break, other tags, bold markers and comment delimiters spaces, an entity its character
    (« &nbsp; » a space, not the « ; » that ends a sentence), struck-out text spaces (see _STRUCK)."""
    for a, b in struck_spans(text) if struck is None else struck:  # `struck`: struck_spans(text), already found
        text = text[:a] + " " * (b - a) + text[b:]
    if "<" not in text and "&" not in text and "**" not in text:
        return text

    def masked(m: re.Match[str]) -> str:
        piece = m.group(0)
        if piece.startswith("&"):
            char = html.unescape(piece)
            # an entity never brings back what sanitising removed (« &#8238; », « &#8203; »): controls, format
            # characters and combining marks become a space
            invisible = len(char) != 1 or char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Mn", "Me")
            char = " " if invisible else char
            return char + " " * (len(piece) - 1)
        if m.group(1) and m.group(1).lower() in _LINE_TAGS:
            return "\n" + " " * (len(piece) - 1)
        return " " * len(piece)

    return _MARKUP.sub(masked, text)


# An e-mail's sign-off (« Cordialement, », "Best regards,") and the signature under it, to the next blank line: the
# writer's name, job title and company, not the candidate's ("Senior Consultant – Healthcare Sales | Brightwater").
_SIGN_OFF = re.compile(
    r"^[ \t]*(?:(?:best|kind|warm|many\s+thanks\s+and\s+best)\s+(?:regards|wishes)|best|regards|kind\s+regards|cheers|"
    r"thanks|thank\s+you|many\s+thanks|sincerely|yours(?:\s+sincerely)?|cordialement|bien\s+cordialement|"
    r"tres\s+cordialement|bien\s+a\s+(?:vous|toi)|merci(?:\s+(?:encore|beaucoup))?|bonne\s+(?:journee|soiree)|a\s+bientot|"
    r"belle\s+journee|sinceres\s+salutations)[ \t]*+[,.!]?[ \t]*+$",
    re.M,
)
_NAME_LINE = re.compile(r"^(?:[A-ZÀ-Ý][\w'’.-]*\.?)(?:[ \t]+[A-ZÀ-Ý][\w'’.-]*\.?){0,3}[ \t]*,?$")
"""A line holding only a name: one to four capitalised words ("Tom Lebrun", "A. Dupuis")."""
MAX_SIGNATURE_LINES = 6
MAX_SIGNATURE_WORDS = 14


def _signature_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans of the signatures under a sign-off (see _SIGN_OFF)."""
    folded = fold(text)
    spans = []
    for m in _SIGN_OFF.finditer(folded):
        start = end = m.end()
        first = text[start:].lstrip("\r\n").split("\n", 1)[0].strip()
        if not _NAME_LINE.match(first):
            continue  # « Merci ! » in a transcript: a signature starts with the writer's name
        for _ in range(MAX_SIGNATURE_LINES):
            nl = folded.find("\n", end)
            if nl < 0:
                break
            line_end = folded.find("\n", nl + 1)
            line = folded[nl + 1 : len(folded) if line_end < 0 else line_end]
            if not line.strip() or re.match(r"\s*(?:-{2,}|>|from\s*:|de\s*:|le\s.*a\s+ecrit)", line):
                break
            if len(line.split()) > MAX_SIGNATURE_WORDS:
                break
            end = len(folded) if line_end < 0 else line_end
        if end > start:
            spans.append((m.start(), end))
    return spans


# What follows a field's label when the field is marked empty (« Réseau : – », "Team mgmt: n/a", "Orga -> ?"); a
# label with nothing after it heads the lines under it.
_EMPTY_FIELD = re.compile(r"[ \t]*+(?::|->|→|=)[ \t]*+(?:[-–—]++|n/?a|/|\?++)[ \t]*+$", re.I)
MAX_FIELD_WORDS = 3


def _markup_hidden_flags(notes: str, sanitized: Sanitized, found: list[Flag]) -> list[Flag]:
    """The flags only the notes as read show: an order split by tags (« <span>Ignore</span> <span>all</span>… ») or
    hidden in a comment is read by the segmenter and the LLM without its markup, so it is checked that way too. Offsets
    mapped back to the notes; a flag already found is not repeated."""
    extra = []
    for flag in check_notes(sanitized.text).flags:
        if flag.start is None or flag.end is None:
            continue
        start, end = sanitized.span_to_original(flag.start, flag.end)
        if any(
            f.kind == flag.kind and f.start is not None and f.start < end and start < (f.end or f.start + 1)
            for f in found
        ):
            continue
        extra.append(flag.model_copy(update={"start": start, "end": end, "evidence": notes[start:end]}))
    return extra


# A numbered question of a form, its answer on the lines below (tenth dev round, a Google Form export: « 4. Outils (CRM,
# Excel) » then « Salesforce au quotidien. »; « 5. Anglais » then « Non évalué. »): the question names the topic, the
# answer is the evidence. Short, with no judgement and no full stop, and followed by a line that is not an item.
_FORM_QUESTION = re.compile(r"^[ \t]*\d{1,2}[.)][ \t]+[^\W\d][^\n.]{0,80}$")


def _is_form_question(text: str, line_start: int, line_end: int) -> bool:
    """Whether the line at `line_start` is a numbered form question whose answer is the next line."""
    end = len(text) if line_end < 0 else line_end
    line = text[line_start:end]
    # (review: not "1. Closed 40 deals in 2023", nor the last item of a numbered list)
    if not _FORM_QUESTION.match(line) or len(line.split()) > 6 or polarity(line) != "neutral":
        return False
    if any(ch.isdigit() for ch in line.lstrip()[2:]) or _BULLET.match(
        text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : line_start]
    ):
        return False
    if line.rstrip().endswith("?"):
        return True  # a question mark says so whatever follows
    nxt_end = text.find("\n", end + 1)
    nxt = text[end + 1 : len(text) if nxt_end < 0 else nxt_end]
    return line_end >= 0 and bool(nxt.strip()) and not _BULLET.match(nxt) and not nxt[:1].isspace()


_TOKEN = re.compile(r"\w+")
MIN_TEMPLATE_WORDS = 5
TEMPLATE_SHARE = 0.85
TEMPLATE_COVERAGE = 0.6


def _template_vocabulary(framework: Framework) -> tuple[frozenset[str], ...]:
    """The words of each text of the framework a notes template copies: a competency's label with its description, in
    both languages (folded, every word and figure). Not the anchors of its scale: they describe what a candidate did,
    and a note in their words ("Anglais courant, négocie en anglais avec des clients internationaux") is an
    observation. Folded once per framework, not on every scorecard."""
    return _vocabulary_of(
        tuple(
            f"{comp.label.get(lang)} {comp.description.get(lang)}"
            for comp in framework.competencies
            for lang in ("fr", "en")
        )
    )


@functools.lru_cache(maxsize=8)
def _vocabulary_of(texts: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(_TOKEN.findall(fold(t))) for t in texts)


def _copies_template(segment: str, vocabulary: tuple[frozenset[str], ...]) -> bool:
    """Whether a segment is the framework's own words (eleventh dev round: « Sens de l'écoute — Écoute, observation et
    esprit d'analyse. » copied as a heading): at least TEMPLATE_SHARE of its distinct words (figures and short words
    included) are in one framework text, and they cover at least TEMPLATE_COVERAGE of that text. A fact in a few of
    the framework's words is not a copy of it (review: « Formation : master en école de commerce, spécialisation
    achat. », "Managing and growing a client portfolio after the contract is signed: 35 accounts, 2M.")."""
    words = set(_TOKEN.findall(fold(segment)))
    if len(words) < MIN_TEMPLATE_WORDS:
        return False
    return any(
        len(shared := words & vocab) >= TEMPLATE_SHARE * len(words) and len(shared) >= TEMPLATE_COVERAGE * len(vocab)
        for vocab in vocabulary
    )


def prepare(notes: str, max_chars: int, framework: Framework | None = None) -> Prepared:
    """Validate, sanitise, flag and segment the notes; mark the segments that must not count (with `framework`, also
    its own labels and descriptions copied into the notes as a template)."""
    notes = validate_notes(notes, max_chars)
    sanitized = sanitize(notes)
    unmasked = sanitized.text
    struck = tuple(struck_spans(unmasked))
    # read as a reader does: markup masked, OCR's « 1 » for « l » put back; the same length, so its maps stay valid
    sanitized = replace(sanitized, text=mask_markup(ocr_letters(unmasked), struck))
    if not any(ch.isalnum() for ch in sanitized.text):
        raise InputError("The interview notes hold no visible text once invisible characters and markup are removed.")
    language = detect_language(sanitized.text)
    # offsets in the original notes; pay history (EU Directive 2023/970 art. 5(2)) is flagged here, beside the
    # safety checks, with its figures already replaced by a placeholder in the flag
    flags = list(check_notes(notes).flags) + pay_history_flags(TextView.of(notes), language)
    if sanitized.text != unmasked:
        flags += _markup_hidden_flags(notes, sanitized, flags)
    segments: list[Segment] = []
    text = sanitized.text
    first_line_end = text.find("\n", len(text) - len(text.lstrip()))
    first_line_end = len(text) if first_line_end < 0 else first_line_end
    # sections whose lines are not evidence, by their heading, in the order they are tried
    sections = [
        (_section_spans(text, _PITCH_OR_AD), "pitch"),
        (_section_spans(text, _PLAN_HEADING), "next_step"),  # points to check at a later interview
        (_section_spans(text, _CLAIM_HEADING), "claim"),
        (_section_spans(text, _QUESTIONS_HEADING), "question"),  # a list of the questions put to the candidate
        (_list_spans(text, _NEEDS_HEADING), "pitch"),  # what the team needs
        (_list_spans(text, _TASKS_HEADING), "next_step"),  # a notetaker's action items
        (_tag_spans(text), "template"),  # a notetaker's keywords
    ]
    vocabulary = _template_vocabulary(framework) if framework is not None else ()
    signatures = _signature_spans(text)
    people = _People.of(text)
    interviewer = interviewer_label(text)
    for start, end in split_segments(text):
        orig = sanitized.span_to_original(start, end)
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        whole_line = text[line_start : len(text) if line_end < 0 else line_end].strip(" \t-*•·")
        # A title line is judged whole ("Entretien – 12/03. Poste AM" is one header); other lines segment by segment.
        reason = non_evidence_reason(text[start:end], first_line=end <= first_line_end)
        framed = _FRAMED.match(text, line_start, len(text) if line_end < 0 else line_end)
        if (
            not reason
            and framed
            and len(framed.group(2).split()) <= MAX_FRAMED_WORDS
            and polarity(framed.group(2)) == "neutral"
        ):
            reason = (
                "header"  # « --- LinkedIn, 28/11 --- », "=== Call 2 ===": a line framed by rules titles what follows
            )
        if (
            not reason
            and _EMPTY_FIELD.match(text, end, len(text) if line_end < 0 else line_end)
            and len(text[start:end].split()) <= MAX_FIELD_WORDS
            and not any(ch.isdigit() for ch in text[start:end])
        ):
            reason = "grid"  # « Réseau : – », "Network:" with nothing after it: a field of a form left empty
        if not reason and end <= first_line_end and whole_line:
            reason = "header" if non_evidence_reason(whole_line, first_line=True) == "header" else ""
        if not reason and whole_line and _HEADER_FIELDS.match(_SPACES.sub(" ", fold(whole_line)).strip()):
            reason = "header"  # « Candidate: J. Martin | Role: … »: the whole line, whatever its initials cut
        if (
            not reason
            and _INTERVIEWER_TURN.match(fold(whole_line))
            and not _ANSWER_TURN.search(fold(text[line_start:end]))
        ):
            reason = "question"
        if not reason and interviewer and speaker_label(whole_line) == interviewer:
            reason = "question"  # the unnamed interviewer's turn, as _INTERVIEWER_TURN
        if not reason and _is_asked_line(fold(whole_line)):
            reason = "question"
        if not reason and _is_form_question(text, line_start, line_end):
            reason = "question"
        if not reason:
            reason = next((why for spans, why in sections if any(a <= start < b for a, b in spans)), "")
        if not reason and _UNTICKED.match(fold(whole_line)) and len(whole_line.split()) <= MAX_TASK_WORDS:
            reason = "next_step"
        if not reason and vocabulary and _copies_template(text[start:end], vocabulary):
            reason = "template"
        if not reason and any(a <= start < b for a, b in signatures):
            reason = "header"  # the e-mail writer's signature
        if not reason and is_about_someone_else(text[start:end], people):
            reason = "someone_else"
        excluded_by = _excluding_kinds(flags, orig)
        if not excluded_by and segments and segments[-1].excluded_by and _runs_on(text, segments[-1].end, start):
            # "enceinte de 4 mois... on verra pour le planning": the rest of a flagged thought is flagged with it
            excluded_by = segments[-1].excluded_by
        segments.append(Segment(start, end, orig, excluded_by, reason))
    flags.sort(key=lambda f: (EXCLUDING_KINDS.index(f.kind) if f.kind in EXCLUDING_KINDS else 9, f.start or 0))
    return Prepared(notes, sanitized, flags, segments, language, interviewer, struck)
