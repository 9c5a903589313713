"""Brief text that may reach the ad: each free-text field is screened, and what names a protected criterion or
steers to one sex is left out and reported as a flag quoting the brief."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..guide.framework import Framework
from ..rules import compliance, safety
from ..rules.models import Flag

GENDER_MARK = re.compile(r"\s*[(\[]?\s*(?:[HFMW]\s*/\s*[HFMW]|[HF]\s*/\s*[HF]\s*/\s*[XN])\s*[)\]]?\s*$", re.I)


def _units(text: str) -> list[str]:
    """Sentences and lines of a free-text field."""
    parts = re.split(r"\n+|(?<=[.!?;])\s+|\s+[•·]\s+|^\s*[-*•]\s+", text, flags=re.M)
    return [p.strip(" -*•\t") for p in parts if p and p.strip(" -*•\t")]


def offending(text: str, framework: Framework, lang: str, *, title: bool = False) -> list[Flag]:
    """Protected criteria, requests for pay history and gendered forms in a piece of brief text (the linter's own
    rules).

    Masculine-coded words (info) are not a reason to leave text out; the linter still reports them on the ad.
    """
    found = safety.find_injections(text)
    found += safety.find_protected_criteria(text, context="ad")
    plain = compliance.without_inline_markup(text)
    if plain != text:  # « Moins de **35** ans »: the markup must not hide the criterion (review of da93473)
        found += safety.find_protected_criteria(plain, context="ad")
    found += compliance.find_pay_history_request(text)
    found += [f for f in compliance.find_gendered_wording(text, lang) if f.severity != "info"]
    if title:  # a title is checked as a title: a gendered noun needs no determiner there ("Vendeuse H/F")
        as_title = f"{GENDER_MARK.sub('', text).strip()} (F/H)"
        found += [
            f
            for f in compliance.title_flags(as_title, language=lang, framework=framework)
            if f.kind in ("gendered_wording", "discrimination") and f.severity != "info"
        ]
    return found


@dataclass(frozen=True)
class Screened:
    """A brief field after screening."""

    kept: list[str]
    """The sentences (or clean parts of sentences) that may appear in the ad."""
    flags: list[Flag]
    """One flag per part left out, quoting the brief."""

    def text(self) -> str | None:
        """The kept sentences as one text, or None when nothing is left."""
        return " ".join(self.kept) or None


def clean_text(text: str | None, field_name: str, framework: Framework, lang: str) -> Screened:
    """The sentences of a brief field that may appear in the ad; each left-out part becomes a flag quoting it."""
    kept: list[str] = []
    flags: list[Flag] = []
    if not text:
        return Screened(kept, flags)
    for unit in _units(text):
        problems = offending(unit, framework, lang)
        if not problems:
            kept.append(unit)
            continue
        # Keep the clean parts of the sentence ("Profil commercial, moins de 30 ans" → "Profil commercial").
        parts = [p.strip(" .") for p in re.split(r",|\bet\b|\band\b|[()]", unit) if p.strip(" .")]
        bad = {p: found for p in parts if (found := offending(p, framework, lang))}
        if not bad:  # the criterion spans the parts: the whole sentence goes
            flags.append(brief_flag(field_name, unit, problems, lang))
            continue
        for part, found in bad.items():
            flags.append(brief_flag(field_name, part, found, lang))
        rest = ", ".join(p for p in parts if p not in bad)
        if len(re.findall(r"\w", rest)) >= 3 and not offending(rest, framework, lang):
            kept.append(rest[0].upper() + rest[1:] + ("" if rest[-1] in ".!?…" else "."))
    return Screened(kept, flags)


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
        return Flag(
            kind="discrimination",
            severity="error",
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
