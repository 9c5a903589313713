"""A conversation with the guide: previous turns, follow-up detection, and the history an LLM prompt sees.

A **follow-up** changes a parameter of the previous question without naming a subject of its own: "Et pour un
senior ?" after "Quel salaire pour un account manager junior ?". Precisely, with a previous turn, a question is a
follow-up when it is short (at most MAX_FOLLOW_UP_WORDS words), has **no topic term of its own**, and either opens
like one ("et", "and", "what about", "pour un", "for a", "ça", "it", ...) or consists of qualifiers only ("Senior ?").

A **topic term** is a content word that is neither a stop word nor a qualifier. Qualifiers are what a follow-up
varies: the level (junior, senior, débutant, expérimenté), experience (ans, years), the role's own name (account
manager), company size, numbers and capitalised names. So "Et quelles soft skills ?" has a topic of its own and is
a new question; so is "Et la capitale du Pérou ?", which must abstain rather than inherit the previous topic.

Offline, a follow-up is answered as "<previous topic> — <follow-up>" (the topic terms of the previous question, not
its qualifiers, so "senior" replaces "junior"). With an LLM, the same resolution drives retrieval and the prompt
also gets the last PROMPT_TURNS turns, so the model answers the standalone question in its one call.

The history is bounded (MAX_TURNS turns, MAX_HISTORY_CHARS characters) and lives with the caller (the browser
session in the app, the process in the CLI): nothing here writes it anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from ..text import detect_language, fold
from .shorthand import ABROAD, SHORTHAND

if TYPE_CHECKING:
    from .models import Answer

MAX_TURNS = 6
"""Turns kept in the history; older ones are dropped."""
MAX_HISTORY_CHARS = 4000
"""Characters of history kept (questions, rewrites and answer excerpts), oldest turns dropped first."""
MAX_ANSWER_CHARS = 400
"""Characters of each previous answer kept for the LLM prompt."""
PROMPT_TURNS = 2
"""Previous turns an LLM prompt sees."""
MAX_FOLLOW_UP_WORDS = 8
"""A longer question is a question of its own, whatever it starts with."""
MAX_TOPIC_CHARS = 200

# Folded openers, as whole words at the start of the question, with their language.
_OPENERS: tuple[tuple[str, str], ...] = (
    ("et si", "fr"),
    ("et pour", "fr"),
    ("et", "fr"),
    ("pour un", "fr"),
    ("pour une", "fr"),
    ("pour les", "fr"),
    ("pour des", "fr"),
    ("pour le", "fr"),
    ("pour la", "fr"),
    ("meme chose pour", "fr"),
    ("meme question pour", "fr"),
    ("sinon", "fr"),
    ("ou", "fr"),
    ("aussi", "fr"),
    ("ca", "fr"),
    ("cela", "fr"),
    ("celui", "fr"),
    ("celle", "fr"),
    ("ceux", "fr"),
    ("celles", "fr"),
    ("il", "fr"),
    ("elle", "fr"),
    ("ils", "fr"),
    ("elles", "fr"),
    ("and what about", "en"),
    ("and for", "en"),
    ("and", "en"),
    ("what about", "en"),
    ("how about", "en"),
    ("same for", "en"),
    ("same question for", "en"),
    ("for a", "en"),
    ("for an", "en"),
    ("for the", "en"),
    ("or", "en"),
    ("also", "en"),
    ("it", "en"),
    ("that", "en"),
    ("this", "en"),
    ("they", "en"),
    ("those", "en"),
    ("them", "en"),
)

# Words that carry no topic: function words, question words, generic verbs (folded).
_STOP = frozenset(
    """
    a au aux avec c ce ces cet cette d de des du en est et il elle ils elles je j l la le les leur leurs lui ma me
    mes mon ne ni nous on ou par pas pour qu que qui quoi sa se ses son sur ta te tes ton tu un une vos votre vous
    y si sinon aussi alors donc ca cela celui celle ceux celles ci la meme chose question dans plus moins tres bien
    quel quelle quels quelles combien comment pourquoi quand ou faut faudrait doit doivent peut peuvent est sont
    etre avoir a ont fait faire dire propose proposer prevoir prevu offrir offre conseille conseiller recommande
    the an and or of for to in on at by with about what which who whom whose how why when where is are was be
    been it its this that these those they them their there here do does did can could should would will shall
    may might much many same also too then so one ones any some please tell me us
    """.split()
)

# What a follow-up varies: level, experience, the role's name, company size (folded; a trailing "s" is ignored).
_QUALIFIERS = frozenset(
    """
    junior senior debutant debutante debutants debutantes experimente experimentee experimentes confirme confirmee
    entry level graduate grad jeune diplome sortie ecole experience experienced expert intermediaire mid medior
    lead principal profil profile poste role candidat candidate candidats personne person someone quelqu
    account manager managers am ams key executive commercial commerciale sales
    ans an annee annees year years mois month months
    startup start up pme eti grand grande grands groupe entreprise entreprises societe company companies
    petite petit small large big taille size
    cdi cdd stage stagiaire alternance alternant intern internship freelance
    """.split()
)
# (stop 53's outside probe of ask) Places: « Et à Berlin ? » after a pay question asks the pay in Berlin. A follow-up
# may name one (and only qualifiers besides); its place then replaces any the previous topic named (« salaire Berlin »
# then « Et à Lyon ? »: the pay in Lyon). Folded, words joined by spaces; not "Nice" (an English word too).
PLACES = (
    frozenset(ABROAD)
    | frozenset(
        """
    paris lyon marseille toulouse bordeaux lille nantes strasbourg montpellier rennes grenoble france province idf
    """.split()
    )
    # (review of stop 54) regions; « Île-de-France » as the topic keeps it (« de » is a stop word there). Not Nice:
    # "Is it a nice job?" (third review)
    | frozenset({"ile de france", "ile france", "region", "regions", "en region", "en regions", "en province"})
)
_LONGEST_PLACE = max(len(p.split()) for p in PLACES)


def _drop_places(words: list[str], places: frozenset[str] = PLACES) -> tuple[list[str], bool]:
    """`words` without the places among them (each word folded, compared with `places`), and whether there was one."""
    folded = [fold(w) for w in words]
    kept: list[str] = []
    found, i = False, 0
    while i < len(words):
        for n in range(min(_LONGEST_PLACE, len(words) - i), 0, -1):
            if " ".join(folded[i : i + n]) in places:
                found, i = True, i + n
                break
        else:
            kept.append(words[i])
            i += 1
    return kept, found


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


class Turn(BaseModel):
    """One previous turn of a conversation: what was asked, how it was understood, what the answer cited."""

    model_config = ConfigDict(frozen=True)

    question: str = Field(description="The question as the user typed it.")
    understood_as: str | None = Field(
        None, description="The standalone question it was answered as, when it was a follow-up."
    )
    language: str = Field("fr", description="The question's language, 'fr' or 'en'.")
    answer: str = Field("", description="The start of the answer (at most MAX_ANSWER_CHARS characters).")
    citations: list[str] = Field(default_factory=list, description="Ids of the passages the answer cited.")

    @property
    def topic(self) -> str:
        """The topic terms of the standalone question (what a follow-up of this turn is about)."""
        return topic_terms(self.understood_as or self.question)

    @classmethod
    def of(cls, question: str, answer: Answer, history: Sequence[Turn] = ()) -> Turn:
        """The turn a question (asked after `history`) and its answer make, trimmed for the history."""
        return cls(
            question=question.strip()[:MAX_HISTORY_CHARS],
            understood_as=answer.understood_as[:MAX_HISTORY_CHARS] if answer.understood_as else None,
            language=resolve(question, history).language,
            answer=answer.answer[:MAX_ANSWER_CHARS],
            citations=[c.chunk_id for c in answer.citations],
        )

    def size(self) -> int:
        return len(self.question) + len(self.understood_as or "") + len(self.answer)


def _words(text: str) -> list[str]:
    return [w for w in (fold(m.group()).replace("’", "'") for m in _WORD.finditer(text)) if w]


def _question_words(question: str) -> list[str]:
    """The question's folded words, shorthand spelled out (what follow-up detection compares)."""
    return [w for token in _words(question) for w in _split(token)]


def _split(word: str) -> list[str]:
    # "d'experience" -> "experience", "faut-il" is two words already; shorthand spelled out ("pr" -> "pour", "xp" ->
    # "experience", "qqn" -> "quelqu un"), or « et pr 1 confirmé ? » has "pr" for a topic of its own. A stop word or
    # a qualifier stays as it is ("cdi", "sales" are shorthand too, for « contrat », « ventes commercial »).
    return [q for p in word.split("'") if p for q in (_SPELLED.get(p, (p,)) if p not in _KEEP else (p,))]


_SPELLED = {k: tuple(w for w in re.split(r"[\s']+", fold(v)) if w) for k, v in SHORTHAND.items()}
_KEEP = frozenset(k for k in SHORTHAND if k in _STOP or k in _QUALIFIERS or (k.endswith("s") and k[:-1] in _QUALIFIERS))


def _is_qualifier(word: str) -> bool:
    if any(ch.isdigit() for ch in word):
        return True
    return word in _QUALIFIERS or (word.endswith("s") and word[:-1] in _QUALIFIERS)


def topic_terms(question: str) -> str:
    """The question's topic terms, in its own words and order: content words that are not qualifiers."""
    out: list[str] = []
    for match in _WORD.finditer(question):
        for part in match.group().replace("’", "'").split("'"):
            words = _split(fold(part))
            if all(len(word) < 2 or word in _STOP or _is_qualifier(word) for word in words):
                continue
            if part not in out:
                out.append(part)
    return " ".join(out)[:MAX_TOPIC_CHARS]


def _opener(question: str) -> str | None:
    """The language of the follow-up opener the question starts with, or None."""
    key = " ".join(_question_words(question))
    for phrase, lang in _OPENERS:
        if key == phrase or key.startswith(phrase + " "):
            return lang
    return None


def is_follow_up(question: str, history: Sequence[Turn]) -> bool:
    """Whether the question continues the last turn (see the module docstring for the definition)."""
    if not history or not history[-1].topic:
        return False
    words = _question_words(question)
    if not words or len(words) > MAX_FOLLOW_UP_WORDS:
        return False
    rest, placed = _drop_places(words)
    if placed:  # « Et à Berlin ? », "What about London?": a place and qualifiers only
        return not any(len(w) >= 2 and w not in _STOP and not _is_qualifier(w) for w in rest)
    if topic_terms(question):
        return False
    only_qualifiers = all(w in _STOP or _is_qualifier(w) for w in words) and any(w not in _STOP for w in words)
    return _opener(question) is not None or only_qualifiers


FOCUS_MIN_CHARS = 500
"""A message at least this long whose last lines ask is pasted material plus that question."""
MAX_FOCUS_CHARS = 400
"""The longest question focus() takes out of a message."""
MAX_SIGN_OFF_LINES = 4
"""Lines after the question that focus() passes over as a sign-off."""
# A closing line is made of these words only (folded): « Merci d'avance ! », "Best regards,", « Bonne journée ».
_CLOSING_WORDS = frozenset(
    """merci mercii d avance encore beaucoup bcp thanks thank you thx ty cordialement bien a vous toi regards best kind
    warm warmest many cheers bonne belle journee soiree fin de semaine bises bisous sincerely a bientot tres""".split()
)
# The line under a question written above a quoted email: « Le 3 déc., Julie a écrit : », "From: …", "-----Original".
_REPLY_HEADER = re.compile(r"^(?:-{2,}\s*(?:original|forwarded|message)|(?:de|from)\s*:|.*\b(?:a ecrit|wrote)\s*:\s*$)")
_MAIL_FIELD = re.compile(r"^(?:objet|subject|sujet|re|tr|fwd?|to|a|cc)\s*:")
_LIST_ITEM = re.compile(r"^(?:[-*•]|\d+[.)])\s")


def _asks(text: str) -> bool:
    """The text ends with a question mark (past closing quotes, brackets, emoji)."""
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] == "?"):
        end -= 1
    return text[:end].endswith("?")


def _closing(line: str) -> bool:
    words = re.findall(r"[a-z]+", fold(line))
    return bool(words) and "?" not in line and all(w in _CLOSING_WORDS for w in words)


def _name(line: str) -> bool:
    """A signature's name ("Marie Durand", "John", "M. D."): one to three capitalised words, no sentence end."""
    words = line.split()
    return 0 < len(words) <= 3 and all(w[0].isupper() for w in words) and not line.endswith((".", "!", "?", ":"))


def _users(line: str) -> bool:
    """An asking line the user wrote: not a quoted email line."""
    return _asks(line) and not line.startswith(">")


def focus(message: str) -> str | None:
    """The question a long message asks about pasted material (a job ad, notes, an email), or None: read it whole.

    Every word of a paste counted against the question: a pasted AM job ad followed by « quelles soft skills ? » was
    refused (stop 44's review). The question is the message's last line when it asks (ends with "?"), past blank
    lines, separators ("---") and a sign-off (a closing line such as « Merci ! » or "Best regards," and what follows
    it, or a name), with the list items asking right above it ("- Quel salaire ?"); or, in a reply written above a
    quoted email, its first line. Anything less clear is read whole, as before (stop 45's three reviews): two
    questions in a row (the paste's own and the user's), a question on top and one at the end, a request without a
    question mark, a quoted line ("> …"), a mail's subject. A line is never cut ("3.5 ans", "Sr. Account Manager",
    a URL's "?"), and the question is at most MAX_FOCUS_CHARS long and under half the message.

    A shorter message marks its question itself (stop 48's second review of `ask`: « [annonce collée] … >> quel
    salaire pour un débutant ? », « … NOUVELLE CONSIGNE POUR L'IA : … Question : quelles étapes d'entretien ? » got
    "not covered"): the question after the last marker (`_marked_question`)."""
    marked = _marked_question(message)
    if marked is not None:
        return marked
    if len(message) < FOCUS_MIN_CHARS:
        return None
    lines = [line.strip() for line in message.splitlines()]
    lines = [line for line in lines if any(ch.isalnum() for ch in line)]  # blank lines, separators, code fences
    if len(lines) < 2:
        return None
    end = len(lines)
    tail = lines[-MAX_SIGN_OFF_LINES:]
    closings = [i for i, line in enumerate(tail) if _closing(line)]
    if closings:  # « Cordialement, / Marie Durand / Chargée de recrutement »: the closing and all after it
        end = len(lines) - len(tail) + closings[0]
    while end > 1 and len(lines) - end < MAX_SIGN_OFF_LINES and (_closing(lines[end - 1]) or _name(lines[end - 1])):
        end -= 1
    if end and _users(lines[end - 1]):
        start = end - 1
        while (
            start > 0
            and _LIST_ITEM.match(lines[start])
            and _LIST_ITEM.match(lines[start - 1])
            and _users(lines[start - 1])
        ):
            start -= 1
        if start > 0 and _asks(lines[start - 1]):
            return None  # two questions in a row: the paste's own and the user's, or several: read whole
        if start > 0 and _asks(lines[0]):
            return None  # a question on top and one at the end
    elif _users(lines[0]) and not _MAIL_FIELD.match(fold(lines[0])) and _REPLY_HEADER.match(fold(lines[1])):
        start, end = 0, 1
    else:
        return None
    asked = "\n".join(lines[start:end])
    if len(_words(asked)) < 2:
        return None
    return asked if len(asked) <= MAX_FOCUS_CHARS and len(asked) < len(message) / 2 else None


# A question marked as such after pasted material: « Question : … », "Q: …", « Ma question : … », or an arrow (">>",
# "->", "→", "=>") between words (not "58 % -> 72 %", a change of figure).
_QUESTION_MARKER = re.compile(
    r"(?:^|(?<=[\s.!)\]»\"]))(?:(?:ma\s+|my\s+|la\s+|the\s+)?(?:question|q)\s*:|>>|->|→|=>)\s+(?=[^\W\d_])",
    re.IGNORECASE,
)
MARKED_MIN_BEFORE = 40
"""Characters of pasted material before a marked question: fewer, and the message is read whole."""


def _marked_question(message: str) -> str | None:
    """The question after the last marker of a message that pastes something first, or None."""
    markers = list(_QUESTION_MARKER.finditer(message))
    last = markers[-1] if markers else None
    if last is None or len(message[: last.start()].strip()) < MARKED_MIN_BEFORE:
        return None
    asked = message[last.end() :].strip()
    if not _asks(asked) or len(_words(asked)) < 3 or len(asked) > MAX_FOCUS_CHARS:
        return None
    return asked


class Resolved(BaseModel):
    """A question made standalone from the conversation."""

    text: str = Field(description="What retrieval and the offline engine answer: the question, or topic — question.")
    language: str = Field(description="The language to answer in.")
    follow_up: bool = Field(description="Whether the question continued the previous turn.")
    topic: str = Field("", description="The topic carried from the previous turn ('' when none).")
    focused: bool = Field(False, description="Whether `text` is the question a long message asks (focus()).")
    question: str = Field("", description="What the user asked: the message, or the question it asks after a paste.")


def resolve(question: str, history: Sequence[Turn]) -> Resolved:
    """The standalone form of a question given the previous turns (or, in a long message, the question it asks)."""
    asked = focus(question)
    if asked is not None and not is_follow_up(asked, history):
        return Resolved(text=asked, language=detect_language(asked), follow_up=False, focused=True, question=asked)
    question = asked or question  # a follow-up after pasted material continues the conversation
    if not is_follow_up(question, history):
        return Resolved(text=question, language=detect_language(question), follow_up=False, question=question)
    last = history[-1]
    topic = last.topic
    if _drop_places(_question_words(question))[1]:
        topic = " ".join(_drop_places(topic.split())[0])  # the new place replaces the previous one
        if not topic:  # the earlier question named only a place: nothing to carry over
            return Resolved(text=question, language=detect_language(question), follow_up=False, question=question)
    # A short follow-up often has no language evidence of its own ("Senior ?"): its opener's, else the last turn's.
    language = _opener(question) or last.language
    return Resolved(
        text=f"{topic} — {question}",
        language=language,
        follow_up=True,
        topic=topic,
        focused=asked is not None,
        question=question,
    )


def bounded(history: Sequence[Turn | dict] | None) -> list[Turn]:
    """The last MAX_TURNS turns, then the oldest dropped until they hold at most MAX_HISTORY_CHARS characters."""
    turns = [t if isinstance(t, Turn) else Turn.model_validate(t) for t in (history or [])][-MAX_TURNS:]
    while turns and sum(t.size() for t in turns) > MAX_HISTORY_CHARS:
        turns.pop(0)
    return turns


def prompt_history(history: Sequence[Turn]) -> str:
    """The last PROMPT_TURNS turns as the LLM prompt's history block ('' when there are none)."""
    turns = list(history)[-PROMPT_TURNS:]
    if not turns:
        return ""
    lines = []
    for n, turn in enumerate(turns, 1):
        lines.append(f"Turn {n} question: {turn.question}")
        if turn.understood_as:
            lines.append(f"Turn {n} understood as: {turn.understood_as}")
        lines.append(f"Turn {n} answer: {turn.answer}")
    return "\n".join(lines)


__all__ = [
    "MAX_HISTORY_CHARS",
    "MAX_TURNS",
    "PROMPT_TURNS",
    "Resolved",
    "Turn",
    "bounded",
    "focus",
    "is_follow_up",
    "prompt_history",
    "resolve",
    "topic_terms",
]
