"""Questions through an LLM: one structured call over the retrieved passages, then code checks what it says.

Small models write citation ids as "[2f15…]", quote them, give the section name instead, or cite every passage.
Code normalises each citation to a retrieved id, then keeps only the passages the answer draws on, measured by a
lexical support check (distinctive words of the answer found in the passage)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import LLMError
from ..guide.lexical import tokenize
from ..guide.models import ScoredChunk
from ..llm import structured_call
from ..prompts import load_prompt
from ..rules.safety import redact
from ..text import detect_language, figures, fold, looping, whole_sentences
from .conversation import Turn, prompt_history
from .models import (
    ANSWER_MAX_CHARS,
    MAX_REWRITE_CHARS,
    NOT_COVERED,
    WITHHELD,
    Answer,
    AnswerDraft,
    WithheldReason,
    citation,
)
from .offline import asks_for_figure, gives_figure, unknown_job
from .screen import REASON as SCREEN_REASON
from .screen import protected_notice
from .shorthand import pay_abroad, topic_words

if TYPE_CHECKING:
    from ..services import Services

# A cited passage is kept when its support is at least this share of the best cited passage's support.
KEEP_RATIO = 0.5
SWITCH_RATIO = 2.0
# With no usable citation, the best-supported retrieved passage is cited when at least this many distinctive words
# of the answer are in it (else the answer is withheld as ungrounded).
MIN_SUPPORT_WORDS = 3
# The output budget of an answer: the longest strings the schema allows (ANSWER_MAX_CHARS, MAX_REWRITE_CHARS,
# MAX_CITATIONS ids) at three characters a token, plus the JSON around them, fit in 600 tokens; a budget also bounds a
# small model that loops where no bound applies (llama.cpp's JSON grammar allows endless whitespace).
ANSWER_MAX_TOKENS = 600
REPEATS = "the answer repeats the same words over and over; write each point once, in a few sentences"
# Wrong-language answers shorter than this are not re-asked (the language detector needs a few words).
MIN_WORDS_FOR_LANGUAGE = 8
# The previous turns, in the human message before the question (data, fenced like the question).
HISTORY_BLOCK = """Previous turns of this conversation (context only; the question may refer to them):
<<<
{turns}
>>>
If the question depends on these turns (e.g. "Et pour un senior ?" after a salary question), write it as it stands
alone in `standalone_question` and answer that question.

"""

_TURNS_SEPARATOR = "@@@ previous turns @@@"
_STRIP = " \t\r\n[](){}<>\"'`“”«»‘’.,;:*#"
_HEX = re.compile(r"[0-9a-f]{6,}")
_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "avec dans pour mais plus sont sera etre cette ces leur leurs elle elles nous vous tout tous toute toutes "
    "comme aussi entre sans sous chez donc ainsi alors quand quel quelle quels quelles dont etre avoir fait faire "
    "peut doit the and for with that this are from have has will can should which their they them what when "
    "into than then there these those your about been also only more most such very".split()
)


def _stems(text: str) -> set[str]:
    """Distinctive word stems of a text: folded, 4+ characters, stop words out, cut at 6 characters."""
    return {w[:6] for w in _TOKEN.findall(fold(text)) if (len(w) >= 4 or w.isdigit()) and w not in _STOP}


def normalize_citation(raw: str, hits: list[ScoredChunk]) -> str | None:
    """The retrieved id a model's citation means: brackets, quotes and spaces stripped, an id prefix, the section
    name or path, or a passage number (1-based); None when it names no retrieved passage."""
    ids = [h.chunk.id for h in hits]
    text = str(raw).strip(_STRIP)
    if text in ids:
        return text
    low = text.lower()
    for found in _HEX.findall(low):
        matches = [i for i in ids if i == found or i.startswith(found) or found.startswith(i)]
        if len(matches) == 1:
            return matches[0]
    key = fold(re.sub(r"^\s*(?:passage|id|source)\s*[:#]?\s*", "", text, flags=re.IGNORECASE)).strip(_STRIP)
    if key.isdigit() and 1 <= int(key) <= len(hits):
        return ids[int(key) - 1]
    if len(key) >= 4:
        for h in hits:  # the first (best-ranked) passage whose section path or its last part is the citation
            path = fold(h.chunk.section)
            if key == path or key == path.split(">")[-1].strip() or (len(key) >= 8 and key in path):
                return h.chunk.id
    return None


def normalized_citations(draft: AnswerDraft, hits: list[ScoredChunk]) -> tuple[list[str], list[str]]:
    """(retrieved ids the draft cites, in order without repeats; citations that name no retrieved passage)."""
    kept: list[str] = []
    unknown: list[str] = []
    for raw in draft.citations:
        cid = normalize_citation(raw, hits)
        if cid is None:
            unknown.append(raw)
        elif cid not in kept:
            kept.append(cid)
    return kept, unknown


def support_scores(answer: str, hits: list[ScoredChunk], question: str = "") -> dict[str, float]:
    """For each passage, how much of the answer it supports: the answer's distinctive stems found in it (not those
    of the question), each weighted by 1 / the number of retrieved passages holding it."""
    words = _stems(answer) - _stems(question)
    bags = {h.chunk.id: _stems(h.chunk.section + " " + h.chunk.text) for h in hits}
    df = {w: sum(w in bag for bag in bags.values()) for w in words}
    numbers = figures(answer)
    scores = {}
    for h in hits:
        bag = bags[h.chunk.id]
        score = sum(1 / df[w] for w in words if w in bag)
        score += sum(2.0 for n in numbers if n in figures(h.chunk.text))  # a figure is strong evidence
        scores[h.chunk.id] = round(score, 3)
    return scores


def supported_citations(answer: str, cited: list[str], hits: list[ScoredChunk], question: str = "") -> list[str]:
    """The cited passages the answer draws on: support ≥ KEEP_RATIO × the best cited one's (and above zero). With
    no cited passage, the best-supported retrieved passage when it holds MIN_SUPPORT_WORDS of the answer's words."""
    scores = support_scores(answer, hits, question)
    if cited:
        best = max(scores.get(c, 0.0) for c in cited)
        # A small model writes one passage's sentence and cites another: a shown passage that supports the answer
        # SWITCH_RATIO times better than any cited one, with MIN_SUPPORT_WORDS of its words, is cited first.
        words = _stems(answer) - _stems(question)
        uncited = [h for h in hits if h.chunk.id not in cited]
        top = max(uncited, key=lambda h: scores[h.chunk.id], default=None)
        if (
            top is not None
            and scores[top.chunk.id] > 0
            and scores[top.chunk.id] >= SWITCH_RATIO * best
            and len(words & _stems(top.chunk.section + " " + top.chunk.text)) >= MIN_SUPPORT_WORDS
        ):
            cited, best = [top.chunk.id, *cited], scores[top.chunk.id]
        if best <= 0:
            return cited[:1]  # nothing to tell them apart: keep the model's first choice
        return [c for c in cited if scores.get(c, 0.0) >= KEEP_RATIO * best]
    words = _stems(answer) - _stems(question)
    bags = {h.chunk.id: _stems(h.chunk.section + " " + h.chunk.text) for h in hits}
    ranked = sorted(hits, key=lambda h: -scores[h.chunk.id])
    if ranked and len(words & bags[ranked[0].chunk.id]) >= MIN_SUPPORT_WORDS:
        return [ranked[0].chunk.id]
    return []


def unsupported_figures(answer: str, cited: list[str], retrieved: dict[str, ScoredChunk]) -> list[str]:
    """Figures in the answer found in none of the passages it cites (or, if it cites none, retrieved)."""
    chunks = [retrieved[c] for c in cited if c in retrieved] or list(retrieved.values())
    known = set().union(*(figures(h.chunk.text) for h in chunks)) if chunks else set()
    return sorted(f for f in figures(answer) if f not in known)


# Where the offline engine finds the guide does not cover a question, a model's answer is shown only when at least
# this share of its distinctive words is in the passages it cites (and the question names nothing the guide lacks).
UNCOVERED_MIN_SUPPORT = 0.5


def unknown_names(question: str, services: Services) -> list[str]:
    """The names the question uses that the guide never does (see expand.unknown_names)."""
    from .expand import unknown_names as names

    return names(question, services.kb, services.framework)


# ... and at least this share of the question's topic words is in the passages it cites: a model that copies a
# passage unrelated to the question ("13e mois : oui ou non ?" answered with the passage on what to discuss in an
# interview) is fully "supported" by that passage, but it does not answer.
UNCOVERED_MIN_TOPIC = 0.5


def missing_topics(question: str, cited: list[ScoredChunk]) -> list[str]:
    """The question's topic words (shorthand.topic_words) that no cited passage holds, by their stems."""
    bag = set().union(*(tokenize(h.chunk.section + " " + h.chunk.text) for h in cited)) if cited else set()
    return [w for w in topic_words(question) if not set(tokenize(w)) & bag]


def uncovered_problem(question: str, answer: str, cited: list[ScoredChunk], services: Services) -> str:
    """Why an answer to a question the guide does not seem to cover cannot be shown, or "": the question names
    what the guide never mentions, its cited passages hold too few of the question's topic words, or most of the
    answer's words are not in its cited passages."""
    names = unknown_names(question, services)
    if names:
        return f"the question names {', '.join(names)}, which the guide never mentions"
    jobs = unknown_job(question, services.kb, services.framework)
    if jobs:
        return f"the question recruits for {', '.join(jobs)}, a job the guide never names"
    abroad = pay_abroad(question)
    if abroad:
        return f"the guide's salary grid is French, in euros, and the question asks about {', '.join(abroad)}"
    # French questions only: the guide is French, and an English question's words are not its words.
    topics = topic_words(question) if detect_language(question) == "fr" else []
    missing = missing_topics(question, cited) if topics else []
    if topics and len(missing) / len(topics) > 1 - UNCOVERED_MIN_TOPIC:
        return f"the passages the answer cites do not mention {', '.join(missing)}"
    if asks_for_figure(question) and not any(gives_figure(h.chunk.text, question) for h in cited):
        return "the question asks for a figure, and the passages the answer cites give none"
    words = _stems(answer) - _stems(question)
    bag = set().union(*(_stems(h.chunk.section + " " + h.chunk.text) for h in cited)) if cited else set()
    if words and len(words & bag) / len(words) < UNCOVERED_MIN_SUPPORT:
        return "most of the answer's words are not in the passages it cites"
    return ""


# A model that does not set `abstain` but says it has no answer ("The question … is not directly answered in the
# given passages", « Le guide ne précise pas … »): a non-answer, when it is all the answer says (one sentence, few
# words). A longer answer that starts so and then gives what the guide does say is an answer.
_SOURCE = r"(?:the\s+)?(?:given\s+|provided\s+)?(?:guide|passages?|text|documents?|sources?|context|extracts?)"
_SOURCE_FR = (
    r"(?:le\s+guide|les\s+passages|ce\s+passage|le\s+passage|le\s+texte|le\s+document|les\s+extraits|l'extrait)"
)
_NON_ANSWER = re.compile(
    # the guide or the passages are the subject: "the guide does not mention…", « le guide ne précise pas… »
    rf"\b{_SOURCE}\s+(?:does|do)\s+not\s+(?:directly\s+|explicitly\s+|specifically\s+)?(?:mention|specify|say|cover|"
    r"address|provide|give|contain|state|answer|discuss)\b"
    rf"|\b{_SOURCE}\s+(?:contains?|gives?|provides?|has|have)\s+no\s+(?:information|mention|answer)\b"
    rf"|\b{_SOURCE_FR}\s+(?:ne|n')\s*(?:mentionnent|mentionne|precisent|precise|disent|dit|couvrent|couvre|donnent|donne|"
    r"abordent|aborde|contiennent|contient|indiquent|indique|evoquent|evoque|repondent|repond|parlent|parle)\s+pas\b"
    # or where the answer is not: "… is not (directly) answered in the given passages", « … n'est pas précisé dans le
    # guide », "there is no information … in the passages"
    r"|\b(?:is|are)\s+not\s+(?:directly\s+|explicitly\s+|specifically\s+|clearly\s+)?(?:answered|mentioned|covered|"
    rf"addressed|specified|stated|discussed|provided|given)\s+(?:in|by)\s+{_SOURCE}\b"
    r"|\bno\s+(?:information|mention|answer)\b[^.]{0,80}\b(?:in|from)\s+" + _SOURCE + r"\b"
    r"|\b(?:n'est|ne\s+sont|n'a)\s+pas\s+(?:ete\s+)?(?:directement\s+|explicitement\s+)?(?:mentionnee?s?|precisee?s?|"
    rf"abordee?s?|indiquee?s?|couverte?s?|traitee?s?|evoquee?s?)\s+(?:dans|par)\s+{_SOURCE_FR}"
    r"|\b(?:aucune|pas\s+d')\s*(?:information|mention|reponse)\b[^.]{0,80}\b(?:dans|par)\s+" + _SOURCE_FR
)
NON_ANSWER_MAX_WORDS = 30


def is_non_answer(text: str) -> bool:
    """Whether a model's answer only says the passages do not answer the question (see _NON_ANSWER)."""
    body = text.strip()
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", body) if s.strip()]
    return len(sentences) <= 1 and len(body.split()) <= NON_ANSWER_MAX_WORDS and bool(_NON_ANSWER.search(fold(body)))


def llm_answer(
    question: str,
    hits: list[ScoredChunk],
    services: Services,
    *,
    history: Sequence[Turn] = (),
    language: str | None = None,
    covered: bool = True,
) -> Answer:
    """One structured LLM call over the retrieved passages (one re-ask at most); citations normalised to the
    retrieved ids and cut to the passages the answer draws on. With `history` (the previous turns), the prompt shows
    the last ones and the model answers the question made standalone, in the same call. With `covered=False` (the
    offline engine finds the guide does not cover the question), the answer must also pass `uncovered_problem`."""
    lang = language or detect_language(question)
    language_name = "French" if lang == "fr" else "English"
    passages = "\n\n".join(f"[{h.chunk.id}] ({h.chunk.section})\n{h.chunk.text}" for h in hits)
    turns = prompt_history(history)
    # A remote model gets the question and the turns with personal data replaced by placeholders, as notes are (one
    # redaction for both, so one address keeps one placeholder); the answer gets the values back. A name the passages
    # hold (the guide's author, an author it cites) is sent with them anyway, so it stays as the user wrote it.
    redaction = None
    sent_question = question
    if services.settings.should_redact_pii:
        redaction = redact(f"{question}\n{_TURNS_SEPARATOR}\n{turns}", names=True, public=passages)
        sent_question, _, turns = redaction.text.partition(f"\n{_TURNS_SEPARATOR}\n")
    messages = load_prompt("ask").render(
        question=sent_question,
        passages=passages or "(no passage found)",
        language=language_name,
        history=HISTORY_BLOCK.format(turns=turns) if turns else "",
    )
    retrieved = {h.chunk.id: h for h in hits}

    def check(draft: AnswerDraft) -> list[str]:
        if draft.abstain:
            return []
        problems = []
        cited, unknown = normalized_citations(draft, hits)
        if not draft.answer.strip():
            problems.append("the answer is empty: answer the question, or set abstain to true")
        if unknown and not cited:
            problems.append(
                f"citations {unknown} are not ids of the passages given; cite only those ids, "
                "e.g. " + (hits[0].chunk.id if hits else "the id shown in brackets, without brackets")
            )
        if looping(draft.answer):
            problems.append(REPEATS)
        words = len(draft.answer.split())
        if words >= MIN_WORDS_FOR_LANGUAGE and detect_language(draft.answer) != lang:
            problems.append(f"the answer must be written in {language_name}, the language of the question")
        unsupported = unsupported_figures(draft.answer, cited, retrieved)
        if unsupported:
            problems.append(
                f"the figures {unsupported} do not appear in the passages you cited; quote figures exactly as "
                "the cited passages give them, or cite the passage they come from"
            )
        return problems

    result = structured_call(
        services.chat_model,
        AnswerDraft,
        messages,
        validate=check,
        settings=services.settings,
        max_tokens=min(services.settings.llm_max_tokens, ANSWER_MAX_TOKENS),
    )
    draft = result.value
    if draft is None:
        raise LLMError(f"The LLM's answer could not be used: {'; '.join(result.problems)}")
    if redaction is not None and redaction.mapping:
        draft = draft.model_copy(
            update={
                "answer": redaction.restore(draft.answer),
                "standalone_question": redaction.restore(draft.standalone_question),
            }
        )
    # The model's rewrite of a follow-up is kept only when there was a conversation to rewrite it from.
    understood_as = draft.standalone_question.strip()[:MAX_REWRITE_CHARS] if history else ""
    cited, unknown = normalized_citations(draft, hits)
    text = whole_sentences(draft.answer.strip(), ANSWER_MAX_CHARS)
    if looping(text):
        # Still looping after the re-ask: no part of it is worth showing (the loop is usually made up as well).
        raise LLMError("The model's answer repeated the same words over and over, so it is not shown.")

    def withheld(
        dropped: list[str],
        notice: str | None = None,
        reason: WithheldReason | None = None,
        bad_figures: Sequence[str] = (),
    ) -> Answer:
        """The abstention shown instead of an answer the model did not give, or that code does not show."""
        return Answer(
            answer=WITHHELD[lang] if reason == SCREEN_REASON else NOT_COVERED[lang],
            abstained=True,
            backend=services.backend,
            model=services.model_name,
            dropped_citations=dropped,
            usage=result.usage,
            notice=notice,
            withheld=reason,
            unsupported_figures=list(bad_figures),
            understood_as=understood_as or None,
        )

    if draft.abstain or not text:
        return withheld(unknown)
    kept = supported_citations(text, cited, hits, question)
    dropped = unknown + [c for c in cited if c not in kept]
    # Discriminatory advice is withheld first, whatever else is wrong with the answer, so the notice says so.
    protected = protected_notice(f"{text}\n{understood_as}")
    if protected:
        return withheld(dropped, protected, SCREEN_REASON)
    if is_non_answer(text):
        return withheld(unknown + cited)
    unsupported = unsupported_figures(text, kept or cited, retrieved)
    if unsupported:
        return withheld(
            dropped,
            f"The model's answer gave figures ({', '.join(unsupported)}) that are not in the passages it cited, so it "
            "is not shown.",
            "figures",
            unsupported,
        )
    if not kept:
        # An answer that no retrieved passage supports is not shown as grounded: abstain.
        return withheld(
            dropped, "The model's answer is not supported by any retrieved passage, so it is not shown.", "unsupported"
        )
    why = "" if covered else uncovered_problem(understood_as or question, text, [retrieved[c] for c in kept], services)
    if why:
        return withheld(
            dropped + kept,
            f"The guide does not seem to cover this question ({why}), so the model's answer is not shown.",
            "uncovered",
        )
    notice = None
    if detect_language(text) != lang and len(text.split()) >= MIN_WORDS_FOR_LANGUAGE:
        notice = f"The model answered in another language than the question's ({language_name} expected)."
    return Answer(
        answer=text,
        abstained=False,
        citations=[citation(retrieved[c]) for c in kept],
        backend=services.backend,
        model=services.model_name,
        dropped_citations=dropped,
        usage=result.usage,
        notice=notice,
        understood_as=understood_as or None,
    )
