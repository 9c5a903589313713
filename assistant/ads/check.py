"""Checking an ad's text as the recruiter edits it: the compliance linter, plus what only the ads job knows (the pay
placeholder it writes when the brief gives no pay is an error, with the guide's grid as a suggestion)."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from ..rules.compliance import PAY_LAW, PAY_LAW_FR, lint_ad
from ..rules.models import Flag
from .pay import PAY_PLACEHOLDER, grid_suggestion

if TYPE_CHECKING:
    from ..guide.framework import Framework

PLACEHOLDER = re.compile("|".join(re.escape(p) for p in PAY_PLACEHOLDER.values()), re.IGNORECASE)


def pay_placeholder_flags(text: str, framework: Framework | None, level: str | None) -> list[Flag]:
    """An error on each pay placeholder left in the ad, its message carrying the guide's grid as a suggestion."""
    flags = []
    for m in PLACEHOLDER.finditer(text):
        en = f"No pay in the ad: replace « {m.group()} » with the starting pay or its range ({PAY_LAW})."
        fr = f"Pas de salaire dans l’annonce : remplacez « {m.group()} » par le salaire d’embauche ou sa fourchette ({PAY_LAW_FR})."
        if framework is not None:
            band_level = level or "mid"
            en_s, fr_s = grid_suggestion(framework, band_level, "en"), grid_suggestion(framework, band_level, "fr")
            if en_s is not None and fr_s is not None:
                est_en = " (interpolated between the guide's figures)" if en_s.interpolated else ""
                est_fr = " (interpolée entre les chiffres du guide)" if fr_s.interpolated else ""
                en += (
                    f" Suggestion from the hiring guide's {en_s.year} grid for the {band_level} level{est_en}: "
                    f"{en_s.amount}; confirm it before publishing."
                )
                fr += (
                    f" Suggestion d’après la grille {fr_s.year} du guide pour le niveau {band_level}{est_fr} : "
                    f"{fr_s.amount} ; à confirmer avant publication."
                )
        flags.append(
            Flag(
                kind="salary",
                severity="error",
                message=en,
                message_fr=fr,
                evidence=m.group(),
                start=m.start(),
                end=m.end(),
            )
        )
    return flags


def check_ad_text(
    text: str,
    *,
    framework: Framework | None = None,
    language: str | None = None,
    level: str | None = None,
    date_posted: date | None = None,
    job_in_france: bool = True,
) -> list[Flag]:
    """The linter's flags on an ad's Markdown, with an error (and the grid's suggestion) on a pay placeholder."""
    flags = lint_ad(
        text,
        framework=framework,
        language=language,
        level=level,
        date_posted=date_posted,
        job_in_france=job_in_france,
    )
    placeholders = pay_placeholder_flags(text, framework, level)
    if placeholders:
        # The placeholder's error says it better than the rules' "no pay in the ad" warning.
        flags = [f for f in flags if not (f.kind == "salary" and f.start is None)]
        flags = sorted(flags + placeholders, key=lambda f: (f.start is None, f.start or 0))
    return flags
