"""Structured answers from the framework for the questions it covers, in the question's language.

Salary by level, titles to use and to avoid, competencies, soft skills, interview steps, trial period, glossary.
Each answer cites the guide passage behind the framework items it uses (the chunk containing the item's `source`
quote). Anything else falls through to the extractive answer (returns None).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..guide.models import Citation
from ..text import fold
from ..text import sentences as split_sentences
from .models import Answer
from .shorthand import asks_pay_made

if TYPE_CHECKING:
    from ..guide.framework import Competency, Framework
    from ..guide.knowledge import KnowledgeBase

# Intent cues, folded, matched as whole words/phrases. Ordered: the first intent that matches answers.
_INTENTS: list[tuple[str, tuple[str, ...]]] = [
    (
        "salary",
        (
            "salaire",
            "salary",
            "remuneration",
            "pay",
            "paid",
            "gagne",
            "payer",
            "paye",
            "brut",
            "wage",
            # (stop 54's blind measure) "How much can a seasoned account manager make per month?" got no salary
            "earn",
            "earns",
            "earning",
            "earnings",
            "compensation",
            "gagner",
            "gagnent",
            "touche",
            "touchent",
            "remunere",
        ),
    ),
    ("variable", ("part variable", "variable", "bonus", "commission", "prime")),
    ("titles", ("intitule", "job title", "titre", "title", "appellation")),
    ("soft_skills", ("soft skills", "soft skill", "savoir etre", "qualites")),
    ("competencies", ("competences", "hard skills", "skills")),
    (
        "steps",
        (
            "processus d entretien",
            "process d entretien",
            "deroule",
            "etapes",
            "interview process",
            "interview steps",
            "rounds",
            "hiring process",
            "processus de recrutement",
        ),
    ),
    ("trial", ("periode d essai", "trial period", "probation", "probationary")),
    # What to tell the candidate about the job (the guide's "Ce dont il faut parler en entretien").
    (
        "topics",
        (
            "de quoi parler",
            "de quoi faut il parler",
            "parler avec le candidat",
            "parler en entretien",
            "dire au candidat",
            "aborder en entretien",
            "tell the candidate",
            "tell candidates",
            "discuss with the candidate",
            "discuss with candidates",
            "talk about with the candidate",
        ),
    ),
    # What the job is made of: the guide's four axes (stop 54's blind measure: "What are the main responsibilities of
    # an account manager?" got the definition of the job). Not what candidates look for in their missions
    # (_ABOUT_CANDIDATES).
    (
        "missions",
        (
            "missions",
            "missions principales",
            "responsibilities",
            "responsabilites",
            "duties",
            "taches",
            "taches principales",
            "main tasks",
            "day to day",
            "au quotidien",
            "axes du metier",
            "4 axes",
            "quatre axes",
            "main areas",
            "key areas",
            "grands axes",
            "en quoi consiste",
        ),
    ),
]
# Missions seen from the candidate's side are « Que recherche le candidat ? » (« diversité dans ses missions »).
_ABOUT_CANDIDATES = re.compile(r" (?:candidats?|candidates?|applicants?) ")
# « un poste à responsabilités », « avec des responsabilités » is the post's level (a title question), not its missions
# (stop 55's blind set, re-run: « poste avec des responsabilités, on l'appelle comment ? KAM ? » got the four axes)
_POST_LEVEL = re.compile(r" (?:a|avec des|avec de|plus de|beaucoup de|lots of|more|with) responsabilit(?:e|es|y|ies) ")
_DEFINE = (
    "c est quoi",
    # (stop 55's blind measure) « c quoi une DMP (data management platform) ? »
    "c quoi",
    "c koi",
    "cest quoi",
    "ca veut dire quoi",
    "qu est ce que",
    "qu est ce qu",
    "definition",
    "definir",
    "signifie",
    "veut dire",
    "what is",
    "what does",
    "meaning",
    "mean",
    "define",
    "stand for",
    "stands for",
)
_LEVELS = {
    "junior": ("junior", "debutant", "debutante", "entry level", "graduate", "sortie d ecole"),
    "senior": ("senior", "experimente", "experimentee", "experienced", "confirme"),
}


def _key(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9%]+", " ", fold(text)).strip() + " "


def _has(key: str, phrases: tuple[str, ...]) -> bool:
    return any(f" {p} " in key for p in phrases)


def _cite(kb: KnowledgeBase, *sources: str) -> list[Citation]:
    """The passages holding each source quote (in guide order, no duplicates)."""
    out: list[Citation] = []
    for source in sources:
        needle = re.sub(r"\s+", " ", fold(source)).strip()
        for chunk, folded in zip(kb.chunks, kb.folded_texts(), strict=True):
            if needle in folded and all(c.chunk_id != chunk.id for c in out):
                out.append(Citation(chunk_id=chunk.id, section=chunk.section, text=chunk.text))
                break
    return out


def _money(value: int | None, lang: str) -> str:
    if value is None:
        return "?"
    return f"{value} €" if lang == "fr" else f"€{value}"  # written as the guide writes figures


def _guide_sentences(kb: KnowledgeBase, sources: list[str]) -> str:
    """The guide's own sentences holding each source quote (a French question gets the guide's words)."""
    out: list[str] = []
    for source in sources:
        needle = re.sub(r"\s+", " ", fold(source)).strip()
        for chunk in kb.chunks:
            for sentence in split_sentences(chunk.text):
                if needle in re.sub(r"\s+", " ", fold(sentence)) and sentence not in out:
                    out.append(sentence)
    return " ".join(out)


def _salary(fw: Framework, key: str, lang: str, with_variable: bool) -> tuple[str, list[str]]:
    sal = fw.salary
    levels = [lv for lv, cues in _LEVELS.items() if _has(key, cues)] or ["junior", "senior"]
    lines = []
    for level in levels:
        band = sal.levels.get(level)  # type: ignore[call-overload]
        if band is None:
            continue
        if level == "junior":
            lines.append(
                f"débutant : de {_money(band.min, lang)} à {_money(band.max, lang)} brut mensuel"
                if lang == "fr"
                else f"junior: {_money(band.min, lang)} to {_money(band.max, lang)} a month"
            )
        else:
            years = f" ({band.from_years} ans d’expérience et plus)" if lang == "fr" else f" ({band.from_years}+ years)"
            lines.append(
                f"expérimenté{years if band.from_years else ''} : jusqu’à {_money(band.max, lang)} brut mensuel"
                if lang == "fr"
                else f"experienced{years if band.from_years else ''}: up to {_money(band.max, lang)} a month"
            )
    sources = [sal.source]
    if with_variable and sal.variable_pct:
        v = sal.variable_pct
        lines.append(
            f"part variable : de {v.min:g} à {v.max:g} % du salaire"
            if lang == "fr"
            else f"variable part: {v.min:g} to {v.max:g}% of pay"
        )
        sources.append("une part variable pouvant aller de 15 à 50% du salaire")
    head = "Grille du guide (2019) :" if lang == "fr" else "The guide's salary grid (2019):"
    return head + "\n- " + "\n- ".join(lines), sources


# Bringing a subject up in the interview (« j'en parle ou pas ? », « je l'aborde », "what should the company tell me"),
# in a question that names the interview: what to talk about in it, the guide's interview topics.
_BRING_UP = re.compile(
    r" (?:parle|parler|parles|aborde|aborder|abordes|evoque|evoquer|mentionne|mentionner|mention|mentioning|"
    r"bring up|raise|talk about|discuss|tell me) "
)
_INTERVIEW = re.compile(r" (?:entretiens?|interviews?) ")


def _brings_up(key: str, question: str) -> bool:
    """The question asks whether to bring a subject up in the interview, not which questions to ask there."""
    from .offline import asks_for_interview_question

    return bool(_BRING_UP.search(key) and _INTERVIEW.search(key)) and not asks_for_interview_question(question)


def framework_answer(question: str, fw: Framework, kb: KnowledgeBase, lang: str) -> Answer | None:
    """A structured answer when the question is one the framework answers; None otherwise."""
    key = _key(question)
    matched = [name for name, cues in _INTENTS if _has(key, cues)]
    if not matched and asks_pay_made(key):
        matched = ["salary"]  # "How much does an account manager make?" ("make" alone says nothing)
    if "topics" not in matched and _brings_up(key, question):
        matched.append("topics")
    if "topics" in matched and {"salary", "variable"} & set(matched):
        # What to tell the candidate about pay: the guide's interview topics (which name the variable part), then
        # the pay figures.
        talk = framework_answer_for("topics", key, fw, kb, lang)
        pay = framework_answer_for("salary" if "salary" in matched else "variable", key, fw, kb, lang)
        return _joined(talk, pay)
    from .offline import asks_for_interview_question

    if "missions" in matched and (
        _ABOUT_CANDIDATES.search(key) or _POST_LEVEL.search(key) or asks_for_interview_question(question)
    ):
        matched.remove("missions")  # not « les missions » candidates look for, nor questions to ask about them
    intent = matched[0] if matched else None
    if intent == "competencies" and _names_soft_skill(key, fw):
        intent = "soft_skills"  # "listening skills", "la force de proposition, c'est une compétence ?"
    return framework_answer_for(intent, key, fw, kb, lang)


def _meaning(label: str, c: Competency, lang: str) -> str:
    """A competency's description; a head that repeats its label (« Être force de propositions : proposer… » after
    « Force de proposition ») set off by a dash, not a second colon."""
    text = c.description.fr if lang == "fr" else c.description.en
    head, colon, rest = text.partition(" : " if lang == "fr" else ": ")
    if not colon:
        return text
    if _key(label).strip() in _key(head):
        head = head[:1].lower() + head[1:]
    return f"{head} — {rest}"  # the guide's words kept, the colon not doubled ("Proactivity: Comes forward…")


def _names_soft_skill(key: str, fw: Framework) -> bool:
    """The question (its _key) names one of the framework's soft skills by its French or English label."""
    for c in fw.competencies:
        if c.group != "soft_skill":
            continue
        if any(_key(label) in key for label in (c.label.fr, c.label.en)):
            return True
    return False


def _joined(first: Answer | None, second: Answer | None) -> Answer | None:
    """Two structured answers as one, the second's citation marks renumbered after the first's."""
    if first is None or second is None:
        return first or second
    offset = len(first.citations)
    body = re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + offset}]", second.answer)
    return Answer(
        answer=f"{first.answer}\n\n{body}",
        abstained=False,
        citations=[*first.citations, *second.citations],
        backend="offline",
    )


def framework_answer_for(intent: str | None, key: str, fw: Framework, kb: KnowledgeBase, lang: str) -> Answer | None:
    """The structured answer of one intent (see _INTENTS) for a question's _key; None when it has none."""
    text: str | None = None
    sources: list[str] = []
    if intent == "salary":
        text, sources = _salary(fw, key, lang, with_variable=_has(key, dict(_INTENTS)["variable"]))
        if lang == "fr":  # the guide is French: its own sentences say it best, verbatim
            text = _guide_sentences(kb, sources) or text
    elif intent == "variable" and fw.salary.variable_pct:
        v = fw.salary.variable_pct
        text = (
            f"Le guide prévoit une part variable de {v.min:g} à {v.max:g} % du salaire."
            if lang == "fr"
            else f"The guide suggests a variable part of {v.min:g} to {v.max:g}% of pay."
        )
        sources = ["une part variable pouvant aller de 15 à 50% du salaire"]
    elif intent == "titles":
        good = ", ".join(t.label for t in fw.titles.recommended)
        bad = "; ".join(f"{t.label} ({t.reason.fr if lang == 'fr' else t.reason.en})" for t in fw.titles.discouraged)
        text = (
            f"Intitulés recommandés : {good}.\nÀ éviter : {bad}"
            if lang == "fr"
            else f"Recommended titles: {good}.\nTo avoid: {bad}"
        )
        sources = [t.source for t in fw.titles.recommended] + [t.source for t in fw.titles.discouraged]
    elif intent in ("soft_skills", "competencies"):
        group = {"soft_skill"} if intent == "soft_skills" else {"hard_skill", "experience", "education"}
        items = [c for c in fw.competencies if c.group in group]
        lines = [f"{c.label.fr if lang == 'fr' else c.label.en}" for c in items]
        if intent == "soft_skills":
            # what each one means, as the guide's list says in brackets (stop 56's blind measure: « la réactivité
            # dans les soft skills ça veut dire quoi concrètement ? » got the five names alone)
            sep = " : " if lang == "fr" else ": "
            lines = [f"{line}{sep}{_meaning(line, c, lang)}" for line, c in zip(lines, items, strict=True)]
        head = (
            ("Les soft skills du guide :" if intent == "soft_skills" else "Les compétences que le guide recommande :")
            if lang == "fr"
            else ("The guide's soft skills:" if intent == "soft_skills" else "The skills the guide looks for:")
        )
        text = head + "\n- " + "\n- ".join(lines)
        sources = [c.source for c in items]
    elif intent == "steps":
        steps = fw.interview.steps
        lines = [
            f"{s.label.fr} : {s.description.fr}" if lang == "fr" else f"{s.label.en}: {s.description.en}" for s in steps
        ]
        text = (
            ("Les étapes d’entretien du guide :" if lang == "fr" else "The guide's interview steps:")
            + "\n- "
            + "\n- ".join(lines)
        )
        sources = [s.source for s in steps]
    elif intent == "trial":
        lines = [t.text.fr if lang == "fr" else t.text.en for t in fw.trial_period]
        text = (
            (
                "Pendant la période d’essai, le guide conseille de :"
                if lang == "fr"
                else "For the trial period, the guide advises:"
            )
            + "\n- "
            + "\n- ".join(lines)
        )
        sources = [t.source for t in fw.trial_period]
    elif intent == "missions":
        axes = fw.missions.axes
        lines = [f"{a.label.fr} : {a.details.fr}" if lang == "fr" else f"{a.label.en}: {a.details.en}" for a in axes]
        head = (
            f"Selon le guide, le métier s’articule autour de {len(axes)} axes :"
            if lang == "fr"
            else f"The guide describes the job in {len(axes)} main areas:"
        )
        text = head + "\n- " + "\n- ".join(lines)
        sources = [a.source for a in axes]
    elif intent == "topics":
        topics = fw.interview.topics
        lines = [t.label.fr if lang == "fr" else t.label.en for t in topics]
        head = "À aborder avec le candidat, selon le guide :" if lang == "fr" else "What to discuss with the candidate:"
        text = head + "\n- " + "\n- ".join(lines)
        sources = [t.source for t in topics]
    if text is None:
        return None
    citations = _cite(kb, *sources)
    if not citations:
        return None
    marks = " ".join(f"[{i}]" for i in range(1, len(citations) + 1))
    return Answer(answer=f"{text} {marks}", abstained=False, citations=citations, backend="offline")


_COMMON_WORD_ACRONYMS = frozenset({"ces"})
"""Glossary acronyms that are also everyday words (« ces »: these): they name the term only in capitals."""


def glossary_answer(question: str, fw: Framework, kb: KnowledgeBase, lang: str) -> Answer | None:
    """A definition when the question asks what a glossary term means (or is little more than the term)."""
    key = _key(question)
    best = None
    for entry in fw.glossary:
        for alias in [entry.term, *entry.aliases]:
            a = _key(alias).strip()
            if a in _COMMON_WORD_ACRONYMS and not re.search(rf"\b{a.upper()}\b", question):
                continue  # « Comment atteindre ces objectifs ? » names no CES (review of stop 56)
            if a and f" {a} " in key and (best is None or len(a) > len(best[1])):
                best = (entry, a)
    if best is None:
        return None
    entry, alias = best
    left = key
    # every name of the term, the longest first: « une DMP (data management platform) » is one term, said twice
    for other in sorted((_key(a) for a in [entry.term, *entry.aliases] if _key(a).strip()), key=len, reverse=True):
        left = left.replace(other, " ")
    rest = left.split()
    asks_definition = _has(key, _DEFINE) or len([w for w in rest if len(w) > 2]) <= 1
    if not asks_definition:
        return None
    citations = _cite(kb, entry.source)
    if not citations:
        return None
    head = "Glossaire du guide" if lang == "fr" else "The guide's glossary (in French)"
    if _key(entry.definition).strip() in _key(entry.term):
        # (stop 53's probe of ask) « DPM (Data Management platform) » is a name with no definition: the answer said
        # « DPM : Data Management platform » as if the guide defined it
        only_name = (
            f"{head} : le guide ne donne que le nom, « {entry.term} », sans le définir. [1]"
            if lang == "fr"
            else f"{head}: the guide only gives the name, “{entry.term}”, with no definition. [1]"
        )
        return Answer(answer=only_name, abstained=False, citations=citations, backend="offline")
    return Answer(
        answer=f"{head} — {entry.term} : {entry.definition} [1]",
        abstained=False,
        citations=citations,
        backend="offline",
    )
