"""The practical facts of an interview, each with a verbatim quote: salary expectation, availability (notice, start),
location or remote constraints, next steps agreed, and the candidate's own questions.

Offline they come from French and English patterns on each clause of the notes; in LLM mode from the same structured
call as the scorecard, verified like evidence (verbatim, outside flagged passages), with the offline facts filling
any kind the LLM gave none for. Pay history is never a fact: its passages are excluded (kind `pay_history`), and a
quote that records current or past pay is dropped whatever proposed it (EU Directive 2023/970 art. 5(2)).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..rules.pay_history import AMOUNT, is_pay_history
from ..text import fold
from .models import FACT_KINDS, FactDraft, PracticalFact
from .prepare import Prepared, split_clauses
from .verify import locate_quote

if TYPE_CHECKING:
    from ..rules.safety import Redaction

MAX_FACTS_PER_KIND = 3

_TIME = (
    r"(?:immediate\w*|de\s+suite|tout\s+de\s+suite|sous\s+\d|dans\s+\d|d'ici|a\s+partir|des\s+(?:le|la|l'|\d|janv|fevr|"
    r"mars|avril|mai|juin|juil|aout|sept|oct|nov|dec|la\s+rentree|que)|fin\s+\w+|debut\s+\w+|mi-\w+|en\s+(?:janv|fevr|"
    r"mars|avril|mai|juin|juil|aout|sept|oct|nov|dec)|\d+\s+(?:mois|semaines?|jours?|months?|weeks?|days?)|"
    r"from|in\s+\d|within|after|immediately|right\s+away|asap|starting|early|mid|end\s+of|as\s+of|by\s+(?:jan|feb|mar|"
    r"apr|may|jun|jul|aug|sep|oct|nov|dec|the\s+end)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d|"
    r"le\s+\d|on\s+\d"
    # (stop 55's blind measure) « dispo 1er juin », "available 3rd March"; whole month names, not « 12 marques »
    r"|\d{1,2}(?:er|st|nd|rd|th)?\s+(?:janv(?:ier)?|fevr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|aout|"
    r"sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|dec(?:embre)?|jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|"
    r"july?|aug(?:ust)?|sep(?:tember)?)\b\.?)"
)
_LABEL = r"(?:^|[-*•]\s*)"  # a line's label, at the start of the clause or after its bullet
_PATTERNS: dict[str, re.Pattern[str]] = {
    "salary_expectation": re.compile(
        r"\bpretentions?\b|\battentes?\s+salariales?|\b(?:salaire|remuneration|package|fixe)\s+(?:souhaite|vise|"
        r"attendu|cible|demande|espere)\w*|\b(?:souhaite|vise|demande|veut|attend|espere|vise)\w*\s+(?:au\s+(?:moins|"
        r"minimum)\s+|un\s+(?:fixe|salaire|package)\s+de\s+|entre\s+|environ\s+|autour\s+de\s+)?(?=[€$£\d])|"
        r"\bexpect(?:s|ed|ing|ations?)?\b|\bsalary\s+(?:requirements?|ask|target)|\btarget\s+(?:compensation|salary|"
        r"package|base|ote)|\b(?:wants|asking\s+for|asks\s+for|looking\s+for|would\s+accept|minimum\s+of|targets?)\s+"
        r"(?:a\s+|at\s+least\s+|around\s+|about\s+)?(?=[€$£\d])"
    ),
    "availability": re.compile(
        r"\bpreavis\b|\bdispo(?:nible|nibilite)?s?\b(?=\W+(?:\w+\W+){0,2}" + _TIME + r")|\blibre\s+(?:immediatement|"
        r"de\s+suite|des|a\s+partir)|\bpeut\s+(?:demarrer|commencer|debuter)|\bdemarrage\b|\bprise\s+de\s+poste\b|"
        r"\bdate\s+d'(?:arrivee|embauche|entree)|\bnotice\s+period\b|\b(?:weeks?|months?)'?\s+notice\b|\bnotice\s+of\s+\d|"
        r"\bon\s+notice\b|\bavailab(?:le|ility)\b(?=\W+(?:\w+\W+)"
        r"{0,2}" + _TIME + r")|\bcan\s+(?:start|join|begin)\b|\bstart(?:ing)?\s+date\b|\bgarden\s+leave\b"
    ),
    "location": re.compile(
        r"\bteletravail\b|\bremote\b|\bhybride?\b|\bfull[- ]remote\b|"
        r"\b(?:sur\s+site|on[- ]?site|au\s+bureau|in\s+the\s+office)\b(?=.*\b(?:jours?|days?|only|seulement|uniquement|prefer\w*|"
        r"want\w*|souhait\w*|ok|open|pas|not|max\w*|minimum|semaine|week|\d+\s?%|full[- ]time|temps\s+plein)\b)|"
        r"\boffice\s+days?\b|\bdemenag\w*|\brelocat\w*|\bmobilite\s+geographique|\bmobile\s+"
        r"geographiquement|\bpresentiel\b|\bdeplacements?\s+(?:ok|frequents?|reguliers?|possibles?|\d)|\bwilling\s+to\s+travel\b|"
        r"\btravel\s+(?:ok|required|up\s+to|a\s+lot|\d)|\bcommute\b|\bwork\s+from\s+home|"
        r"\bwfh\b|\blieu\s+de\s+travail\b|\bjours?\s+(?:sur\s+site|au\s+bureau|de\s+teletravail)"
    ),
    "next_steps": re.compile(
        r"\bprochaines?\s+etapes?\b|\bnext\s+(?:steps?|round|interview|meeting|week)\b|\bprochaine\s+semaine\b|"
        r"\ba\s+(?:planifier|programmer|organiser|caler|prevoir)\b|"
        r"\b(?:rappeler|recontacter|relancer)\b|\b(?:envoyer|enverra|envoie)\s+(?:l'|le|la|les|une?|son|sa|ses)\b|"
        r"\bretour\s+(?:sous|d'ici|avant|la\s+semaine|lundi|mardi|mercredi|jeudi|vendredi)|\bref(?:erence)?s?\s+checks?\b|"
        r"\bcheck\s+(?:her\s+|his\s+|their\s+)?references\b|\b(?:prise|prendre|verifier|demander)\s+(?:de\s+|des\s+|ses\s+)?references\b|"
        r"\bto\s+do\b|\ba\s+faire\b|\bfollow[- ]up\s+(?:call|meeting|interview)|"
        r"\bwill\s+(?:send|call|get\s+back|schedule|follow\s+up|set\s+up|arrange)|\bto\s+be\s+scheduled\b|"
        r"\bget\s+back\s+to\b|\bsend\s+(?:the|a|her|him|them)\s+(?:case|offer|test|brief)|\bdebrief\s+(?:on|le|lundi|"
        r"mardi|mercredi|jeudi|vendredi|monday|tuesday|wednesday|thursday|friday)|\bon\s+se\s+(?:revoit|rappelle)"
    ),
    "candidate_question": re.compile(
        r"(?<!\bje\s)(?<!\bj')(?<!\bon\s)(?<!\bnous\s)(?<!\blui\s)(?:\ba\s+)?\bdemande\s+(?:si|comment|quel\w*|quand|"
        r"combien|pourquoi|des\s+precisions|la\s+fourchette|le\s+salaire|la\s+remuneration|des\s+infos|des\s+informations|"
        r"a\s+(?:connaitre|voir|rencontrer))|\b(?:voulait|veut|souhaite|souhaitait)\s+savoir\b|\bs'interroge\b|"
        r"\b(?:ses|les)\s+questions\b|\bquestions?\s+du\s+(?:candidat|de\s+la\s+candidate)|\bquestions?\s+(?:sur|posees)\b|"
        r"\ba\s+pose\s+(?:des|une|plusieurs)\s+questions?|"
        r"(?<!\bi\s)(?<!\bwe\s)\basked\s+(?:about|us|whether|if|how|what|when|why|for)\b|\b(?:wants|wanted)\s+to\s+know\b|\b(?:her|his|their|candidate'?s?)\s+questions\b|"
        r"\bquestions?\s+(?:about|on|regarding)\b|\bcurious\s+about\b"
    ),
}
# (stop 55's blind measure) « répond remise de 20% direct, aucune question sur la cause »: no question at all
_NO_QUESTION = re.compile(
    r"\b(?:aucune?|pas\s+de|sans|zero|no|jamais\s+de|not\s+a\s+single)"
    r"(?:\s+(?:vraies?|reelles?|real|particular|specific|particulieres?|specifiques?|autres?|other|further))?\s+$"
)
# Labelled lines (stop 55's blind measure: « attentes: 50k », "notice: 4 weeks", "next: HM interview w/ Claire", «
# → envoyer étude de cas »), read after the patterns above. A labelled pay is an expectation only when no word of the
# clause says current or past pay (second review of stop 55: "attentes : 50k, actu 45k", "ask: 55k (48k atm)",
# "target: 60k = his base at Criteo"); the patterns above keep their own reading (« prétentions 50k, actuellement en
# CDI » is an expectation). A bare « salaire : 45k » / "Salary: 50k" is none: it may be the current pay. Not "next:
# asked about pricing" (the next question asked).
_LABELLED: dict[str, re.Pattern[str]] = {
    "salary_expectation": re.compile(
        rf"{_LABEL}(?:attentes?|souhaits?|target|ask)\s*:\s*(?:[a-z~.]+\s+){{0,2}}?(?=[€$£\d])"
    ),
    "availability": re.compile(
        rf"{_LABEL}(?:notice|preavis|dispo|availability)\s*:\s*\S|{_LABEL}start\s*:\s*(?:{_TIME})"
    ),
    "next_steps": re.compile(
        rf"{_LABEL}(?:next|nxt)\s*:\s*(?!(?:asked|asks|question|questions)\b)\S"
        r"|^\W*(?:→|->|=>)\s*(?:envoyer|planifier|organiser|caler|prevoir|relancer|rappeler|send|schedule|book|set\s+up)\b"
        rf"|{_LABEL}suite\s*:\s*(?:rdv|rendez|entretien|call|appel|rencontre|cas|etude|debrief|retour|envoi|2e|second)"
    ),
}
_CURRENT_PAY = re.compile(
    r"\b(?:actuel\w*|actu|current\w*|atm|today|aujourd'hui|now|n-1|previous\w*|precedent\w*|last\s+year|"
    r"l'an\s+dernier|his\s+base|her\s+base|sa\s+base|base\s+at|base\s+chez|gagne|earns|on\s+\d+k?\s+now)\b"
)
_INTERVIEWER_ASKED = re.compile(
    r"\b(?:i|we|interviewer|je\s+lui|on\s+lui|nous\s+lui|j'ai)\b[^.]{0,12}$|\b(?:my|our|mes|nos|ma|mon|notre)\s+$"
)


def _kinds(clause: str) -> list[str]:
    """The fact kinds a clause states (folded text in)."""
    kinds = []
    for kind, pattern in _PATTERNS.items():
        m = pattern.search(clause)
        if not m and kind in _LABELLED:
            m = _LABELLED[kind].search(clause)
            if m and kind == "salary_expectation" and _CURRENT_PAY.search(clause):
                continue  # a labelled figure beside a current pay: not taken as an expectation
        if not m:
            continue
        if kind == "salary_expectation" and not AMOUNT.search(clause):
            continue  # "checker prétentions" is a to-do, not an expectation
        if kind == "candidate_question" and _INTERVIEWER_ASKED.search(clause[: m.start()]):
            continue  # "I asked about ...": the interviewer's question
        if kind == "candidate_question" and _NO_QUESTION.search(clause[: m.start()]):
            continue
        kinds.append(kind)
    return kinds


def _lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans cut at line breaks: a fact is a line of the notes at most, even where prepare joined a wrapped
    line to the bullet above it ("next step : étude de cas" under a bullet with no final stop)."""
    out = []
    for start, end in spans:
        cursor = start
        for m in re.finditer(r"\n", text[start:end]):
            out.append((cursor, start + m.start()))
            cursor = start + m.end()
        out.append((cursor, end))
    trimmed = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


def offline_facts(prep: Prepared) -> list[PracticalFact]:
    """Facts from patterns on every clause outside excluded passages, in the order of the notes."""
    text = prep.sanitized.text
    facts: list[PracticalFact] = []
    counts: dict[str, int] = {}
    for seg in prep.segments:
        if seg.excluded_by:
            continue
        for start, end in _lines(text, split_clauses(text, seg)):
            clause = text[start:end]
            if is_pay_history(clause):
                continue
            for kind in _kinds(fold(clause)):
                if counts.get(kind, 0) >= MAX_FACTS_PER_KIND:
                    continue
                counts[kind] = counts.get(kind, 0) + 1
                facts.append(_fact(prep, kind, start, end))
    return facts


def _fact(prep: Prepared, kind: str, start: int, end: int) -> PracticalFact:
    """A fact for a sanitised-text span, with its quote and offsets taken from the original notes; struck-out text is
    left out of it."""
    start, end = prep.outside_struck(start, end)
    o_start, o_end = prep.sanitized.span_to_original(start, end)
    return PracticalFact(kind=kind, quote=prep.notes[o_start:o_end], start=o_start, end=o_end)  # type: ignore[arg-type]


def verify_facts(
    prep: Prepared, drafts: list[FactDraft], redaction: Redaction | None = None
) -> tuple[list[PracticalFact], list[str]]:
    """The LLM's facts whose quote is verbatim outside excluded passages and records no pay history; and what was
    dropped (never quoting the notes)."""
    kept: list[PracticalFact] = []
    dropped: list[str] = []
    for d in drafts:
        quote = redaction.restore(d.quote) if redaction is not None else d.quote
        span = locate_quote(prep, quote)
        if span is None:
            dropped.append(f"fact {d.kind}: a quote that is not verbatim in the notes (or is flagged) was dropped")
            continue
        if is_pay_history(prep.sanitized.text[span[0] : span[1]]):
            dropped.append(
                f"fact {d.kind}: a quote recording pay history was dropped (EU Directive 2023/970 art. 5(2))"
            )
            continue
        fact = _fact(prep, d.kind, *span)
        if all((f.kind, f.start, f.end) != (fact.kind, fact.start, fact.end) for f in kept):
            kept.append(fact)
    return kept, dropped


def merge_facts(llm: list[PracticalFact], offline: list[PracticalFact]) -> list[PracticalFact]:
    """Per kind, the LLM's verified facts, else the offline ones; kinds in FACT_KINDS order, then notes order."""
    out: list[PracticalFact] = []
    for kind in FACT_KINDS:
        chosen = [f for f in llm if f.kind == kind] or [f for f in offline if f.kind == kind]
        out += sorted(chosen, key=lambda f: f.start)[:MAX_FACTS_PER_KIND]
    return out
