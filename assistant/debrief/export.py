"""The debrief as Markdown and JSON, named `debrief-<YYYY-MM-DD>.md|.json`.

Neither carries personal data: quotes and names were scrubbed when the debrief was built, and flags are shown by
their placeholder only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, Literal

from .models import Cell, Debrief

LABELS: dict[str, dict[str, Any]] = {
    "fr": {
        "title": "Débrief d'entretiens",
        "interviewers": "Intervieweur·ses",
        "stage": "étape",
        "from_notes": "notes notées ici",
        "from_json": "grille importée",
        "suggestion": "suggestion de sa grille",
        "summary": "{n} intervieweur·ses · {disagree} désaccord(s) · {agree} accord(s) · {single} vue(s) unique(s) · "
        "{none} non évaluée(s)",
        "table": "Vue côte à côte",
        "comp": "Compétence",
        "mark": "Accord",
        "marks": {"agree": "accord", "disagree": "désaccord", "single": "un seul avis", "none": "personne"},
        "not_assessed_cell": "non évalué",
        "disagreements": "Désaccords à discuter",
        "nobody": "Compétences que personne n'a évaluées",
        "flags": "Signalements",
        "raised_by": "signalé par",
        "none": "Aucun.",
        "all_assessed": "Toutes ont été évaluées par au moins une personne.",
        "not_planned": "non prévue aux étapes de ces entretiens",
        "colon": " :",
        "recs": {"advance": "poursuivre", "hold": "en attente", "do_not_advance": "ne pas poursuivre"},
        "kinds": {
            "discrimination": "critère protégé",
            "pii": "donnée personnelle",
            "prompt_injection": "injection de prompt",
            "pay_history": "rémunération passée",
        },
        "severities": {"error": "erreur", "warning": "avertissement", "info": "information"},
        "legend": "Citations : + positive, − négative, · neutre. Les données personnelles et les critères protégés "
        "sont remplacés par un marqueur entre crochets.",
    },
    "en": {
        "title": "Interview debrief",
        "interviewers": "Interviewers",
        "stage": "stage",
        "from_notes": "notes scored here",
        "from_json": "imported scorecard",
        "suggestion": "their scorecard's suggestion",
        "summary": "{n} interviewers · {disagree} disagreement(s) · {agree} agreement(s) · {single} single view(s) · "
        "{none} not assessed",
        "table": "Side by side",
        "comp": "Competency",
        "mark": "Agreement",
        "marks": {"agree": "agree", "disagree": "disagree", "single": "one view only", "none": "nobody"},
        "not_assessed_cell": "not assessed",
        "disagreements": "Disagreements to discuss",
        "nobody": "Competencies nobody assessed",
        "flags": "Flags",
        "raised_by": "raised by",
        "none": "None.",
        "all_assessed": "Each was assessed by at least one interviewer.",
        "not_planned": "not planned at the stages of these interviews",
        "colon": ":",
        "recs": {"advance": "advance", "hold": "hold", "do_not_advance": "do not advance"},
        "kinds": {
            "discrimination": "protected criterion",
            "pii": "personal data",
            "prompt_injection": "prompt injection",
            "pay_history": "pay history",
        },
        "severities": {"error": "error", "warning": "warning", "info": "info"},
        "legend": "Quotes: + positive, − negative, · neutral. Personal data and protected criteria are replaced by a "
        "marker in brackets.",
    },
}
MARK_SIGN = {"agree": "✓", "disagree": "≠", "single": "·", "none": "—"}
_POLARITY_SIGN = {"positive": "+", "negative": "−", "neutral": "·"}


def md_escape(text: str) -> str:
    """Text for a Markdown line or table cell: no HTML, no link, no image, no table break."""
    text = str(text).replace("\\", "\\\\").replace("\r", " ").replace("\n", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([|*_`\[\]#!~@])", r"\\\1", text)


def debrief_filename(debrief: Debrief, fmt: Literal["md", "json"]) -> str:
    """`debrief-<YYYY-MM-DD>.md` or `.json`."""
    return f"debrief-{debrief.date}.{fmt}"


def mark_text(mark: str, lang: str) -> str:
    """'≠ disagree', '✓ accord', …"""
    return f"{MARK_SIGN[mark]} {LABELS[lang]['marks'][mark]}"


def cell_text(cell: Cell, lang: str, *, sep: str = " ", escape: Any = md_escape) -> str:
    """One interviewer's view of a competency: rating, then each quote with its polarity sign."""
    t = LABELS[lang]
    if not cell.assessed:
        return t["not_assessed_cell"]
    parts = [f"{cell.rating}/5"] if cell.rating is not None else []
    for quote, polarity in zip(cell.quotes, cell.polarities or ["neutral"] * len(cell.quotes), strict=False):
        parts.append(f"{_POLARITY_SIGN.get(polarity, '·')} « {escape(quote)} »")
    return sep.join(parts) or "—"


def debrief_summary_line(debrief: Debrief) -> str:
    """'2 interviewers · 1 disagreement(s) · …'"""
    counts = {m: sum(1 for c in debrief.competencies if c.mark == m) for m in MARK_SIGN}
    return LABELS[debrief.language]["summary"].format(n=len(debrief.interviewers), **counts)


def interviewer_line(info: Any, lang: str, escape: Any = md_escape) -> str:
    """'**Alice** — étape phone · grille importée · suggestion de sa grille : poursuivre'."""
    t = LABELS[lang]
    bits = []
    if info.stage:
        bits.append(f"{t['stage']} {escape(info.stage)}")
    bits.append(t["from_notes"] if info.source == "notes" else t["from_json"])
    if info.recommendation:
        bits.append(f"{t['suggestion']}{t['colon']} {t['recs'].get(info.recommendation, escape(info.recommendation))}")
    return f"**{escape(info.name)}** — " + " · ".join(bits)


def debrief_to_markdown(
    debrief: Debrief, *, escape: Callable[[str], str] = md_escape, cell_sep: str = " ", mark_column: bool = True
) -> str:
    """The debrief as Markdown: the statement, who scored, the side-by-side table of the competencies somebody
    assessed, disagreements, the competencies nobody assessed, flags.

    `escape` makes each scorecard text inert (the app passes its own); `cell_sep` joins a cell's quotes; without
    `mark_column` the agreement mark goes under the competency's label (narrow screens)."""
    lang = debrief.language
    t = LABELS[lang]
    colon = t["colon"]
    lines = [f"# {t['title']} — {debrief.date}", "", f"> {escape(debrief.statement)}", ""]
    lines += [f"## {t['interviewers']}", ""]
    lines += [f"- {interviewer_line(i, lang, escape)}" for i in debrief.interviewers]
    lines += ["", f"*{debrief_summary_line(debrief)}*", "", f"## {t['table']}", ""]
    header = [t["comp"]] + ([t["mark"]] if mark_column else []) + [escape(i.name) for i in debrief.interviewers]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in debrief.competencies:
        if row.mark == "none":
            continue  # listed under "nobody assessed"
        if mark_column:
            cells = [escape(row.label), mark_text(row.mark, lang)]
        else:
            cells = [f"**{escape(row.label)}**{cell_sep}{mark_text(row.mark, lang)}"]
        cells += [cell_text(c, lang, sep=cell_sep, escape=escape) for c in row.cells]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", f"*{t['legend']}*", "", f"## {t['disagreements']}", ""]
    if debrief.disagreements:
        lines += [f"- **{escape(r.label)}**{colon} {escape('; '.join(r.reasons))}" for r in debrief.disagreements]
    else:
        lines.append(t["none"])
    lines += ["", f"## {t['nobody']}", ""]
    planned_note = f" *({t['not_planned']})*"
    lines += [
        f"- {escape(label)}{planned_note if label in debrief.not_planned else ''}" for label in debrief.not_assessed
    ] or [t["all_assessed"]]
    lines += ["", f"## {t['flags']}", ""]
    if debrief.flags:
        for f in debrief.flags:
            lines.append(
                f"- **{escape(t['kinds'].get(f.kind, f.kind))}** ({escape(t['severities'].get(f.severity, f.severity))}) "
                f"{escape(f.placeholder)} — "
                f"{escape(f.message)} *({t['raised_by']}{colon} {escape(', '.join(f.raised_by))})*"
            )
    else:
        lines.append(t["none"])
    lines.append("")
    return "\n".join(lines)


def debrief_to_json(debrief: Debrief) -> str:
    """The debrief as indented JSON text (the `Debrief` model's fields)."""
    return json.dumps(debrief.to_json(), ensure_ascii=False, indent=2)
