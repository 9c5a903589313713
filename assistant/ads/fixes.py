"""One-click fixes for the flags on an ad's text: what to put in place of the flagged span, where one exists.

A `Fix` is an edit of the text the flag was found in: replace [start, end), which held `expected`, by
`replacement`. `apply_fix` refuses (FixError) when the text no longer holds `expected` there, so a fix computed
before an edit never corrupts the edited text. Fixes are computed here, from the rules' data, never in the rules.

Kinds of fix: a discouraged title → the guide's recommended one; a title without a gender marker → "(F/H)" (or
"(M/F)" in English) added; a gendered word → its epicene or neutral form; a protected-criterion requirement → the
sentence removed; the pay placeholder → the guide's grid for the level.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import InputError
from ..rules import wordlists as wl
from ..rules.compliance import find_gendered_wording
from ..rules.gendered import EPICENE_PHRASE
from ..text import fold
from .check import PLACEHOLDER
from .models import TITLE_MARKERS
from .pay import grid_suggestion

if TYPE_CHECKING:
    from ..guide.framework import Framework
    from ..rules.models import Flag


class FixError(InputError):
    """A fix that cannot be applied to this text (it changed since the check): re-check, then apply."""


@dataclass(frozen=True)
class Fix:
    """An edit that resolves one flag: replace text[start:end] (which held `expected`) by `replacement`."""

    kind: str
    """The flag kind it fixes (title, gendered_wording, discrimination, salary)."""
    label: str
    """What it does, in English, e.g. 'Replace « Responsable de compte » by « Account Manager »'."""
    label_fr: str
    """The same in French."""
    start: int
    """Start of the edited span in the checked text."""
    end: int
    """End of the edited span."""
    expected: str
    """The checked text's content of [start, end): the fix applies only while it is still there."""
    replacement: str
    """What goes in its place ('' removes it)."""
    evidence: str | None = None
    """The flag's evidence, to find the flag again after the edit."""

    def text(self, lang: str) -> str:
        """The label in the interface's language."""
        return self.label_fr if lang == "fr" else self.label


def apply_fix(text: str, fix: Fix) -> str:
    """The text with the fix applied; FixError when the text changed where the fix applies."""
    if not (0 <= fix.start <= fix.end <= len(text)) or text[fix.start : fix.end] != fix.expected:
        raise FixError(
            "The ad changed since it was checked, so this fix no longer applies where it was found; "
            "the flags are checked again: pick the fix again.",
            message_fr="L’annonce a changé depuis la vérification : cette correction ne s’applique plus là où elle "
            "avait été trouvée. Les signalements sont vérifiés de nouveau : choisissez-la de nouveau.",
        )
    return _tidy(text[: fix.start] + fix.replacement + text[fix.end :], fix.start)


def _tidy(text: str, pos: int) -> str:
    """After a removal: no doubled space, no space before punctuation, no run of blank lines around `pos`."""
    lo, hi = max(0, pos - 2), min(len(text), pos + 2)
    window = text[lo:hi]
    window = re.sub(r"(?<=\S) {2,}(?=\S)", " ", window)
    window = re.sub(r" +(?=[.,;])", "", window)
    text = text[:lo] + window + text[hi:]
    return re.sub(r"\n{3,}", "\n\n", text)


# --------------------------------------------------------------------------- gendered words → epicene forms

_DET_FORMS = {
    "un": "un·e",
    "une": "un·e",
    "le": "le ou la",
    "la": "le ou la",
    "du": "du ou de la",
    "au": "au ou à la",
    "ce": "ce·tte",
    "cette": "ce·tte",
    "futur": "futur·e",
    "future": "futur·e",
    "nouveau": "nouveau ou nouvelle",
    "nouvelle": "nouveau ou nouvelle",
    "nouvel": "nouvel·le",
}
_NOUN_PAIRS = {fold(m): (m, f) for m, f in wl.FR_GENDERED_NOUNS} | {fold(f): (m, f) for m, f in wl.FR_GENDERED_NOUNS}
_EN_NEUTRAL = {
    "salesman": "salesperson",
    "salesmen": "salespeople",
    "saleswoman": "salesperson",
    "saleswomen": "salespeople",
    "chairman": "chair",
    "chairmen": "chairs",
    "chairwoman": "chair",
    "businessman": "businessperson",
    "businessmen": "businesspeople",
    "businesswoman": "businessperson",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "foreman": "supervisor",
    "workman": "worker",
    "workmen": "workers",
    "repairman": "repair technician",
    "deliveryman": "delivery driver",
    "cameraman": "camera operator",
    "middleman": "intermediary",
    "handyman": "maintenance worker",
    "manpower": "workforce",
    "waitress": "server",
    "waitresses": "servers",
    "stewardess": "flight attendant",
    "hostess": "host",
    "headmaster": "head teacher",
    "headmistress": "head teacher",
}
_EN_PRONOUNS = {"his": "their", "him": "them", "himself": "themselves", "he": "they", "she": "they"}
_EN_VERBS = {"is": "are", "has": "have", "needs": "need", "was": "were", "'s": "'re", "'ll": "'ll", "'d": "'d"}


def epicene(masculine: str, feminine: str) -> str:
    """The epicene form of a French job noun: chargé·e, vendeur·euse, directeur·rice; else both forms."""
    if feminine.startswith(masculine) and feminine[len(masculine) :] in ("e", "ne", "fe", "sse"):
        return f"{masculine}·{feminine[len(masculine) :]}"  # chargé·e, technicien·ne, chef·fe, hôte·sse
    for m_end, f_end, suffix in (("teur", "trice", "rice"), ("eur", "euse", "euse"), ("er", "ère", "ère")):
        if masculine.endswith(m_end) and feminine == masculine[: -len(m_end)] + f_end:
            return f"{masculine}·{suffix}"
    return f"{masculine} ou {feminine}"


def _keep_case(original: str, new: str) -> str:
    """`new` written as `original` is: capitalised, or in capitals (« UNE SECRÉTAIRE » → « UN·E », review of stop 52)."""
    if len(original) > 1 and original.isupper():
        return new.upper()
    return new[:1].upper() + new[1:] if original[:1].isupper() else new


_FR_PRONOUNS = ("il", "elle")
_FR_ETRE = {"est", "sera", "serait", "etre"}  # folded forms of être after which a participle agrees with the subject
_AGREEING_AFTER = re.compile(
    r"[ \t]+(?:(?:ê|e\u0302)tre[ \t]+)?(?:[^\W\d_]|[\u0300-\u036f])+(?:é|e\u0301)e?(?![\w\u0300-\u036f-])"
)
"""A past participle right after « il sera » / « elle est » (« chargé », « être amenée »): it must agree with the
subject that replaces the pronoun, so the fix takes it in."""


def _feminine(word: str) -> str:
    """A past participle in the feminine, to agree with « la personne recrutée » (chargé → chargée); else as is."""
    return word + "e" if word.endswith("é") else word


def _french_subject(words: list[str]) -> str:
    """« il sera chargé » → « la personne recrutée sera chargée »: the epicene subject, participles after être agreed."""
    out, after_etre = ["la personne recrutée"], False
    for word in words[1:]:
        out.append(_feminine(word) if after_etre else word)
        after_etre = fold(word) in _FR_ETRE or (after_etre and fold(word) == "etre")
    return " ".join(out)


def neutral_wording(evidence: str) -> str | None:
    """The epicene (French) or neutral (English) form of a gendered span, or None when there is no simple one.
    Accents typed as combining marks (« secre\u0301taire », as some editors and PDFs write them) are read composed."""
    evidence = unicodedata.normalize("NFC", evidence)
    words = evidence.split()
    if not words:
        return None
    folded = [fold(w) for w in words]
    if any(w.rstrip("s") in ("homme", "femme") for w in folded):  # « homme de terrain » → « personne de terrain »
        out = [
            ("personnes" if fold(w).endswith("s") else "personne") if fold(w).rstrip("s") in ("homme", "femme") else w
            for w in words
        ]
        return _keep_case(evidence, " ".join(out))
    if folded[0] in _FR_PRONOUNS and len(words) >= 2:  # « il est chargé » → « la personne recrutée est chargée »
        return _keep_case(evidence, _french_subject(words))
    if folded[0] in ("he", "she") and len(words) == 2:  # « he will » → « they will »
        verb = _EN_VERBS.get(folded[1], words[1])
        return _keep_case(evidence, f"they {verb}")
    m = re.fullmatch(r"(he|she)('(?:ll|s|d))", evidence, re.IGNORECASE)
    if m:
        return _keep_case(evidence, "they" + _EN_VERBS[m.group(2).lower()])
    if len(words) == 1 and folded[0] in _EN_PRONOUNS:
        return _keep_case(evidence, _EN_PRONOUNS[folded[0]])
    if len(words) == 1 and evidence.lower() in _EN_NEUTRAL:
        return _keep_case(evidence, _EN_NEUTRAL[evidence.lower()])
    # French: [determiner(s)] noun, e.g. « un commercial », « la vendeuse », « Vendeuse ».
    out, changed = [], False
    for word, key in zip(words, folded, strict=True):
        elided = re.fullmatch(r"(l'|l’)(.+)", word, re.IGNORECASE)
        stem = elided.group(2) if elided else word
        stem_key = fold(stem)
        if stem_key in _NOUN_PAIRS and _same_accents(stem, _NOUN_PAIRS[stem_key]):
            masculine, feminine = _NOUN_PAIRS[stem_key]
            form = epicene(masculine, feminine)
            out.append((elided.group(1) if elided else "") + _keep_case(elided.group(2) if elided else word, form))
            changed = True
        elif key in _DET_FORMS:
            out.append(_keep_case(word, _DET_FORMS[key]))
        else:
            out.append(word)
    if not changed and EPICENE_PHRASE.fullmatch(" ".join(folded)):
        # « une secrétaire », « future account manager » (stop 52): the noun has one form and `out` already holds the
        # epicene determiners; before a vowel « nouveau ou nouvelle » is « nouvel·le » (« un·e nouvel·le analyste »)
        for i, key in enumerate(folded[:-1]):
            if key in ("nouveau", "nouvel", "nouvelle") and folded[i + 1][:1] in "aeiouyh":
                out[i] = _keep_case(words[i], "nouvel·le")
        changed = out != words
    if not changed and len(words) == 1:
        return applicant_adjective(words[0])
    return " ".join(out) if changed else None


def applicant_adjective(word: str) -> str | None:
    """The inclusive form of an adjective or participle said of the applicant (« passionné » → « passionné·e »,
    « Rigoureux » → « Rigoureux·se », « Issu » → « Issu·e »; stop 53), or None for a job noun or a word that shows no
    gender."""
    if fold(word) in _NOUN_PAIRS:
        return None
    return word + "·e" if fold(word) == "issu" else inclusive_adjective(word)


_ADJECTIVE_AFTER = re.compile(r"[ \t]+((?:[^\W\d_]|[\u0300-\u036f]){4,})(?![\w\u0300-\u036f·-])")
# masculine ending, feminine ending, the inclusive form's ending after the masculine (« expérimenté·e »)
_ADJECTIVE_ENDINGS = (
    ("ier", "ière", "·ère"),
    ("if", "ive", "·ve"),
    ("eux", "euse", "·se"),
    ("el", "elle", "·le"),
    ("ien", "ienne", "·ne"),
    ("é", "ée", "·e"),
    ("al", "ale", "·e"),
    ("ant", "ante", "·e"),
    ("ent", "ente", "·e"),
)


def inclusive_adjective(word: str) -> str | None:
    """The inclusive form of a French adjective that shows a gender (« expérimentée » and « expérimenté » →
    « expérimenté·e », « commerciale » → « commercial·e »), or None for one that does not (« autonome ») or is no
    adjective read this way (« rapidement »)."""
    word = unicodedata.normalize("NFC", word)
    low = word.lower()
    if low.endswith(("ment", "mente")):
        return None
    for masculine, feminine, tail in _ADJECTIVE_ENDINGS:
        if low.endswith(feminine):
            return word[: len(word) - len(feminine)] + masculine + tail
        if low.endswith(masculine):
            return word + tail
    return None


def _same_accents(word: str, pair: tuple[str, str]) -> bool:
    """« chargé » is the job noun, « charge » (« en charge de ») is not: folding must not make them one word."""
    lower = word.lower()
    return any(lower == form or lower == form + "s" or fold(form) == form for form in pair)


# --------------------------------------------------------------------------- sentences

_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|\n")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to remove for the sentence holding [start, end): a whole bullet or line when it is the only sentence."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    s = line_start
    for m in _SENTENCE_END.finditer(text, line_start, start):
        s = m.end()
    while s < start and text[s] in " \t":
        s += 1
    e = line_end
    stop = _SENTENCE_END.search(text, end, line_end)
    if stop and stop.group() != "\n":
        e = stop.end()
    prefix = text[line_start:s]
    rest = text[e:line_end]
    if not re.sub(r"^\s*(?:[-*+]|\d+\.)\s*", "", prefix).strip() and not rest.strip():
        # The sentence is the whole line (or bullet): remove the line and its newline.
        return line_start, min(len(text), line_end + 1)
    while e < line_end and text[e] == " ":
        e += 1
    return s, e


# --------------------------------------------------------------------------- fixes for flags


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def neutral_text(text: str, lang: str) -> tuple[str, list[str]]:
    """`text` with its gendered forms that have a neutral one rewritten, as the linter's fix would (« il disposera »
    → « la personne recrutée disposera », « un candidat » → « un·e candidat·e »), and "« before » → « after »" for each
    rewrite. What has no neutral form stays, flagged. Used on a model's ad (draft.neutralise) and on a brief's text
    (screen.clean_text)."""
    done: list[str] = []
    flags = [f for f in find_gendered_wording(text, lang) if f.severity == "warning" and f.start is not None]
    last = len(text)  # right to left: each rewrite ends before the previous one starts
    for flag in sorted(flags, key=lambda f: -(f.start or 0)):
        found = fix_for(text, flag, language=lang)
        if found is None or not found.replacement or found.end > last:
            continue  # no neutral form, or it overlaps a span already rewritten
        try:
            text, last = apply_fix(text, found), found.start
        except FixError:
            continue  # the tidy-up after a rewrite touched this span: it stays, flagged
        done.append(f"« {found.expected} » → « {found.replacement} »")
    return text, done


def fix_for(
    text: str, flag: Flag, *, framework: Framework | None = None, language: str = "fr", level: str | None = None
) -> Fix | None:
    """The fix for one flag on `text`, or None when there is none (or the flag has no span)."""
    if flag.start is None or flag.end is None or not flag.evidence:
        return None
    s, e = flag.start, flag.end
    if text[s:e] != flag.evidence:
        return None  # the flag is about another text
    evidence = flag.evidence

    def replace(replacement: str, en: str, fr: str, span: tuple[int, int] = (s, e)) -> Fix:
        return Fix(
            kind=flag.kind,
            label=en,
            label_fr=fr,
            start=span[0],
            end=span[1],
            expected=text[span[0] : span[1]],
            replacement=replacement,
            evidence=evidence,
        )

    if flag.kind == "title" and framework is not None:
        for bad in framework.titles.discouraged:
            if any(re.search(p, fold(evidence)) or re.search(p, evidence.casefold()) for p in bad.patterns):
                label = framework.title(bad.suggest).label
                return replace(
                    label,
                    f"Replace « {evidence} » by the guide's « {label} »",
                    f"Remplacer « {evidence} » par « {label} », l’intitulé du guide",
                )
        return None
    if flag.kind == "gendered_wording" and flag.severity != "info":
        if flag.message.startswith("Title without a gender marker"):
            marker = TITLE_MARKERS.get(language, TITLE_MARKERS["fr"])
            return replace(
                f"{evidence} {marker}",
                f"Add « {marker} » to the title",
                f"Ajouter « {marker} » à l’intitulé",
            )
        span = (s, e)
        words = evidence.split()
        if language == "fr" and len(words) == 2 and fold(words[0]) in _FR_PRONOUNS and fold(words[1]) in _FR_ETRE:
            agreeing = _AGREEING_AFTER.match(text, e)  # « il sera | chargé »: the participle agrees too
            if agreeing:
                span = (s, agreeing.end())
        before = text[span[0] : span[1]]
        neutral = neutral_wording(before)
        epicene_noun = language == "fr" and EPICENE_PHRASE.fullmatch(fold(unicodedata.normalize("NFC", before)))
        adjective = _ADJECTIVE_AFTER.match(text, e) if epicene_noun else None
        if neutral and adjective and (agreed := inclusive_adjective(adjective.group(1))):
            # « une secrétaire expérimentée » → « un·e secrétaire expérimenté·e »: the adjective after it agrees too
            neutral += text[e : adjective.start(1)] + agreed
            span = (s, adjective.end())
            before = text[s : adjective.end()]
        if neutral and neutral != before:
            return replace(
                neutral,
                f"Replace « {before} » by « {neutral} »",
                f"Remplacer « {before} » par « {neutral} »",
                span,
            )
        return None
    if flag.kind == "discrimination" and flag.severity == "error":
        span = sentence_span(text, s, e)
        sentence = _short(text[span[0] : span[1]].strip(" -*\n"))
        return replace(
            "",
            f"Remove the sentence « {sentence} »",
            f"Supprimer la phrase « {sentence} »",
            span,
        )
    if flag.kind == "salary" and PLACEHOLDER.fullmatch(evidence) and framework is not None:
        suggestion = grid_suggestion(framework, level or "mid", language)
        if suggestion is None:
            return None
        return replace(
            suggestion.amount,
            f"Fill in the guide's {suggestion.year} grid: « {suggestion.amount} »",
            f"Compléter avec la grille {suggestion.year} du guide : « {suggestion.amount} »",
        )
    return None


def fixes_for(
    text: str,
    flags: list[Flag],
    *,
    framework: Framework | None = None,
    language: str = "fr",
    level: str | None = None,
) -> list[tuple[Flag, Fix]]:
    """(flag, fix) for each flag on `text` that has a fix, in the flags' order."""
    out = []
    for flag in flags:
        fix = fix_for(text, flag, framework=framework, language=language, level=level)
        if fix is not None:
            out.append((flag, fix))
    return out


__all__ = ["Fix", "FixError", "apply_fix", "epicene", "fix_for", "fixes_for", "neutral_wording", "sentence_span"]
