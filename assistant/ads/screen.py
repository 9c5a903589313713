"""Brief text that may reach the ad: each free-text field is screened, and what names a protected criterion or
steers to one sex is left out and reported as a flag quoting the brief."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..guide.framework import Framework
from ..rules import compliance, safety
from ..rules.gendered import EPICENE_PHRASE
from ..rules.models import Flag
from ..text import fold
from .fixes import applicant_adjective, neutral_text

GENDER_MARK = re.compile(r"\s*[(\[]?\s*(?:[HFMW]\s*/\s*[HFMW]|[HF]\s*/\s*[HF]\s*/\s*[XN])\s*[)\]]?\s*$", re.I)


def _units(text: str) -> list[str]:
    """Sentences and lines of a free-text field."""
    # (review of stop 47) a full stop followed by a small letter ends an abbreviation, not a sentence: « Nat. française
    # exigée » was published as « Nat. » and « française exigée. »
    parts = re.split(r"\n+|(?<=;)\s+|(?<=[.!?])\s+(?![a-zà-ÿ])|\s+[•·]\s+|^\s*[-*•]\s+", text, flags=re.M)
    return [p.strip(" -*•\t") for p in parts if p and p.strip(" -*•\t")]


def offending(text: str, framework: Framework, lang: str, *, title: bool = False, market: bool = False) -> list[Flag]:
    """Protected criteria, requests for pay history and gendered forms in a piece of brief text (the linter's own
    rules).

    Masculine-coded words (info) are not a reason to leave text out; the linter still reports them on the ad.
    With `market` (the brief's key clients), the text is read as the clients it names: « salons de coiffure
    Dessange » was left out as a physical-appearance criterion (stop 53's outside probe); the ad's rule reads a
    market after « nos clients sont » (criteria._served_market).
    """
    found = safety.find_injections(text)
    # only a client's bare name (review of stop 53: "Harrods, they want a young woman as account manager" and « Chanel
    # (le client veut une jeune femme…) » were published): no clause, no aside, no wish
    lead = ("Nos clients sont " if lang == "fr" else "Our clients are ") if market and _bare_name(text) else ""
    found += safety.find_protected_criteria(lead + text, context="ad")
    plain = compliance.without_inline_markup(text)
    if plain != text:  # « Moins de **35** ans »: the markup must not hide the criterion (review of da93473)
        found += safety.find_protected_criteria(plain, context="ad")
    found += compliance.find_pay_history_request(text)
    # warnings: an experience cap or a recent degree (indirect age criteria), a non-smoker (private life)
    found += compliance.find_indirect_criteria(text)
    found += [f for f in compliance.find_gendered_wording(text, lang) if f.severity != "info"]
    if title:  # a title is checked as a title: a gendered noun needs no determiner there ("Vendeuse H/F")
        as_title = f"{GENDER_MARK.sub('', text).strip()} (F/H)"
        found += [
            f
            for f in compliance.title_flags(as_title, language=lang, framework=framework)
            if f.kind in ("gendered_wording", "discrimination") and f.severity != "info"
        ]
    return found


_NOT_A_BARE_NAME = re.compile(
    r"[(),;:!?]|\s[-–—/]\s|\b(?:veut|veulent|voudrait|want|wants|wanted|souhait\w*|prefer\w*|cherch\w*|look\w*|need\w*|exige\w*|"
    r"demande\w*|ask\w*|they|ils|elles?|il|who|qui|que|recrut\w*|hire\w*|should|must|doit)\b"
)


def _bare_name(text: str) -> bool:
    """Whether a key client's entry is only a name (« salons de coiffure Dessange »), up to six words."""
    return len(text.split()) <= 6 and not _NOT_A_BARE_NAME.search(fold(text))


@dataclass(frozen=True)
class Screened:
    """A brief field after screening."""

    kept: list[str]
    """The sentences (or clean parts of sentences) that may appear in the ad."""
    flags: list[Flag]
    """One flag per part left out, quoting the brief."""

    def text(self) -> str | None:
        """The kept sentences as one text, or None when nothing is left. A separator left at the end by the part taken
        out goes with it (« …comptes clés ; compte dans une banque française exigé » gave « …comptes clés ;. »)."""
        return " ".join(self.kept).rstrip(" ;,:–—") or None


# An item that leans on the part taken out: it opens with a link word or a bare number, or closes on one
# (« et une première expérience », "and fluent", « 25 », « de préférence », "only").
_LEANS_START = re.compile(
    r"^(?:et|ou|mais|donc|and|or|but|so|with|avec|sans|without|de|d'|du|des|of|to|à|a|entre|between|"
    r"uniquement|seulement|only|exclusivement|exclusively|idéalement|ideally|de\s+préférence|preferably|\d)\b",
    re.I,
)
_LEANS_END = re.compile(r"\b(?:et|ou|and|or|de|d'|du|des|of|to|à|entre|between|les|la|le|the|a|an|un|une|\d+)$", re.I)


def _stands_alone(part: str) -> bool:
    """Whether a comma-separated item of a flagged sentence makes sense without the item taken out."""
    words = re.findall(r"[^\W\d_]{2,}", part)
    return len(words) >= 2 and not _LEANS_START.search(part.strip()) and not _LEANS_END.search(part.strip(" .!?"))


def clean_text(text: str | None, field_name: str, framework: Framework, lang: str) -> Screened:
    """The sentences of a brief field that may appear in the ad; each left-out part becomes a flag quoting it."""
    kept: list[str] = []
    flags: list[Flag] = []
    if not text:
        return Screened(kept, flags)
    market = field_name == "key_clients"  # a client's name is read as the client it is (see `offending`)
    for unit in _units(text):
        problems = offending(unit, framework, lang, market=market)
        if not problems:
            kept.append(unit)
            continue
        rewritten = _epicene_determiners(unit, problems, framework, lang)
        if rewritten is not None:
            kept.append(rewritten[0])
            flags.append(_rewrite_flag(field_name, unit, rewritten[1]))
            continue
        # Keep the clean items of a list-like sentence ("Profil commercial, moins de 30 ans" → "Profil commercial").
        # Only commas and semicolons part it: cut at « et », "and" or a parenthesis, the rest of the sentence was
        # published as fragments that still carried the criterion or made no sense (review of stop 46: « Idéalement
        # entre 25. », « E, uniquement. », « Vous avez entre 22, une première expérience en vente. »).
        # A bracketed aside that alone holds the criterion goes with its brackets ("Decathlon (interlocuteurs hommes
        # de moins de 40 ans)" → "Decathlon").
        asides = [
            (m, found)
            for m in re.finditer(r"\s*\(([^()]*)\)", unit)
            if (found := offending(m.group(1), framework, lang, market=market))
        ]
        if asides:
            rest = unit
            for m, _ in reversed(asides):
                rest = rest[: m.start()] + rest[m.end() :]
            rest = rest.strip(" ,;")
            if re.search(r"[^\W\d_]{2,}", rest) and not offending(rest, framework, lang, market=market):
                flags += [brief_flag(field_name, m.group(1), found, lang) for m, found in asides]
                kept.append(rest)
                continue
        parts = [p.strip(" .") for p in re.split(r"[,;]", unit) if p.strip(" .")]
        bad = {p: found for p in parts if (found := offending(p, framework, lang, market=market))}
        rest_parts = [p for p in parts if p not in bad]
        if not bad or not all(_stands_alone(p) for p in rest_parts):
            # the criterion spans the parts, or what is left needs the part taken out: the whole sentence goes
            flags.append(brief_flag(field_name, unit, problems, lang))
            continue
        for part, found in bad.items():
            flags.append(brief_flag(field_name, part, found, lang))
        rest = ", ".join(rest_parts)
        if len(re.findall(r"\w", rest)) >= 3 and not offending(rest, framework, lang, market=market):
            kept.append(rest[0].upper() + rest[1:] + ("" if rest[-1] in ".!?…" else "."))
    return Screened(kept, flags)


_DETERMINERS = frozenset("un une le la ce cette futur future nouveau nouvelle".split())


def _epicene_determiners(
    unit: str, problems: list[Flag], framework: Framework, lang: str
) -> tuple[str, list[str]] | None:
    """(stop 52) A sentence whose only faults are gendered determiners before a job noun (or, stop 53, adjectives said
    of the applicant) (« un account manager »,
    « une responsable », « un commercial »), rewritten with the epicene forms (« un·e account manager »), and the
    rewrites; None for any other fault (« homme de terrain », a criterion), which leaves the sentence out as before."""

    def determiner_and_noun(flag: Flag) -> bool:
        """« un commercial », « une secrétaire », « un nouvel analyste »; not « un vrai commercial » (review)."""
        words = fold(flag.evidence or "").split()
        return bool(words) and (
            EPICENE_PHRASE.fullmatch(" ".join(words)) is not None
            or (len(words) == 2 and words[0] in _DETERMINERS)
            # (stop 53) an adjective said of the applicant: « Vous êtes passionné » → « Vous êtes passionné·e »
            or (len(words) == 1 and applicant_adjective((flag.evidence or "").strip()) is not None)
        )

    if lang != "fr" or not all(p.kind == "gendered_wording" and determiner_and_noun(p) for p in problems):
        return None
    text, rewrites = neutral_text(unit, lang)
    if not rewrites or offending(text, framework, lang):
        return None
    return text, rewrites


def _rewrite_flag(field_name: str, quote: str, rewrites: list[str]) -> Flag:
    """The note for a brief sentence kept with its gendered determiners made epicene."""
    done = ", ".join(rewrites)
    return Flag(
        kind="gendered_wording",
        severity="info",
        evidence=quote,
        message=f"The brief ({field_name}) had gendered wording, rewritten in the epicene form: {done}.",
        message_fr=f"Le brief ({field_name}) avait une formulation genrée, réécrite à la forme épicène : {done}.",
    )


def brief_flag(field_name: str, quote: str, problems: list[Flag], lang: str) -> Flag:
    """The flag for a part of the brief left out of the ad, quoting it, with the first problem's explanation."""
    kinds = {p.kind for p in problems}
    why = problems[0].message if problems else ""
    why_fr = problems[0].text("fr") if problems else ""
    if "prompt_injection" in kinds:
        return Flag(
            kind="prompt_injection",
            severity="error",
            evidence=quote,
            message=(
                f"The brief ({field_name}) holds text aimed at the AI “{quote}”: left out of the ad and of what the "
                f"model sees. {why}"
            ).strip(),
            message_fr=(
                f"Le brief ({field_name}) contient un texte adressé à l’IA « {quote} » : écarté de l’annonce et de ce "
                f"que le modèle lit. {why_fr}"
            ).strip(),
        )
    if "discrimination" in kinds:
        indirect = all(p.severity == "warning" for p in problems if p.kind == "discrimination")
        return Flag(
            kind="discrimination",
            severity="warning" if indirect else "error",
            evidence=quote,
            message=(
                f"The brief ({field_name}) asks for “{quote}”: a protected criterion, left out of the ad. {why}"
            ).strip(),
            message_fr=(
                f"Le brief ({field_name}) demande « {quote} » : un critère protégé, écarté de l’annonce. {why_fr}"
            ).strip(),
        )
    if "pay_history" in kinds:
        return Flag(
            kind="pay_history",
            severity="error",
            evidence=quote,
            message=(
                f"The brief ({field_name}) asks for “{quote}”: the applicant's pay history, left out of the ad. {why}"
            ).strip(),
            message_fr=(
                f"Le brief ({field_name}) demande « {quote} » : l'historique de rémunération, écarté de l’annonce. "
                f"{why_fr}"
            ).strip(),
        )
    return Flag(
        kind="gendered_wording",
        severity="warning",
        evidence=quote,
        message=(f"The brief ({field_name}) has gendered wording “{quote}”: left out of the ad. {why}").strip(),
        message_fr=(
            f"Le brief ({field_name}) contient une formulation genrée « {quote} » : écartée de l’annonce. {why_fr}"
        ).strip(),
    )
