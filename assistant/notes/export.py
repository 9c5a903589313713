"""The scorecard as Markdown: flags first, then the table, the quotes, the follow-ups and the notice."""

from __future__ import annotations

import re
from typing import Any

from .models import InterviewSummary


def _md(text: str) -> str:
    """Escape text for a Markdown table cell or line: no HTML, no links, no table breaks."""
    text = text.replace("\\", "\\\\").replace("\n", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([|*_`\[\]#!])", r"\\\1", text)


_LABELS = {
    "fr": {
        "title": "Synthèse d'entretien",
        "flags": "Signalements",
        "none": "Aucun.",
        "table": "Grille",
        "comp": "Compétence",
        "status": "Statut",
        "rating": "Note",
        "evidence": "Citations",
        "why": "Justification",
        "assessed": "évalué",
        "not_assessed": "non évalué",
        "quotes": "Citations des notes",
        "strengths": "Points forts",
        "concerns": "Points de vigilance",
        "follow": "Questions de relance",
        "rec": "Suggestion pour l'intervieweur·se",
        "removed": "Retiré à la vérification",
        "backend": "Moteur",
        "colon": " :",
        "stage": "Étape",
        "recs": {"advance": "poursuivre", "hold": "en attente", "do_not_advance": "ne pas poursuivre"},
    },
    "en": {
        "title": "Interview summary",
        "flags": "Flags",
        "none": "None.",
        "table": "Scorecard",
        "comp": "Competency",
        "status": "Status",
        "rating": "Rating",
        "evidence": "Quotes",
        "why": "Rationale",
        "assessed": "assessed",
        "not_assessed": "not assessed",
        "quotes": "Quotes from the notes",
        "strengths": "Strengths",
        "concerns": "Concerns",
        "follow": "Follow-up questions",
        "rec": "Suggestion for the interviewer",
        "removed": "Removed by verification",
        "backend": "Engine",
        "colon": ":",
        "stage": "Stage",
        "recs": {"advance": "advance", "hold": "hold", "do_not_advance": "do not advance"},
    },
}
_POLARITY_SIGN = {"positive": "+", "negative": "−", "neutral": "·"}


def scorecard_to_markdown(summary: InterviewSummary) -> str:
    """A readable scorecard: flags first, then the table, the quotes, the follow-ups and the notice."""
    t: dict[str, Any] = _LABELS[summary.language]
    colon = t["colon"]
    labels = {a.id: a.label for a in summary.competencies}
    rated = summary.backend != "offline"
    engine = _md(summary.backend) + (f" · {_md(summary.model)}" if summary.model else "")
    stage = f" · {t['stage']}{colon} {_md(summary.stage)}" if summary.stage else ""
    lines = [f"# {t['title']}", "", f"*{t['backend']}{colon} {engine}{stage}*", "", f"## {t['flags']}", ""]
    if summary.flags:
        for f in summary.flags:
            quote = f" — « {_md(f.quote)} »" if f.quote else ""
            lines.append(f"- **{_md(f.kind)}** ({_md(f.severity)}){colon} {_md(f.message)}{quote}")
    else:
        lines.append(t["none"])
    if summary.excluded:
        lines += ["", f"> {_md(summary.excluded)}"]
    header = (
        [t["comp"], t["status"]] + ([t["rating"]] if rated else []) + [t["evidence"]] + ([t["why"]] if rated else [])
    )
    lines += ["", f"## {t['table']}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for a in summary.competencies:
        quotes = (
            f"{len(a.evidence)} ({' '.join(_POLARITY_SIGN[e.polarity] for e in a.evidence)})" if a.evidence else "0"
        )
        cells = [_md(a.label), t[a.status]]
        if rated:
            cells.append(f"{a.rating}/5" if a.rating is not None else "—")
        cells.append(quotes)
        if rated:
            cells.append(_md(a.rationale))
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", f"## {t['quotes']}", ""]
    for a in summary.competencies:
        if a.evidence:
            lines.append(f"**{_md(a.label)}**")
            lines += [f"- {_POLARITY_SIGN[e.polarity]} « {_md(e.quote)} » [{e.start}–{e.end}]" for e in a.evidence]
            lines.append("")
    for key, items in (("strengths", summary.strengths), ("concerns", summary.concerns)):
        if items:
            lines += [f"## {t[key]}", ""]
            by_quote: dict[tuple[int, int], list[str]] = {}  # one line per quote, naming every competency it backs
            for e in items:
                backed = by_quote.setdefault((e.start, e.end), [])
                label = labels.get(e.competency or "", e.competency or "")
                if label not in backed:
                    backed.append(label)
            texts = {(e.start, e.end): e.quote for e in items}
            lines += [f"- {_md(', '.join(backed))}{colon} « {_md(texts[span])} »" for span, backed in by_quote.items()]
            lines.append("")
    if summary.follow_up_questions:
        lines += [f"## {t['follow']}", ""]
        for q in summary.follow_up_questions:
            names = ", ".join(_md(labels.get(c, c)) for c in q.competencies)
            lines.append(f"- {_md(q.question)} *({names})*")
        lines.append("")
    if summary.recommendation:
        why = f" — {_md(summary.recommendation_rationale)}" if summary.recommendation_rationale else ""
        lines += [f"## {t['rec']}", "", f"**{t['recs'][summary.recommendation]}**{why}", ""]
    if summary.dropped:
        lines += [f"## {t['removed']}", ""] + [f"- {_md(d)}" for d in summary.dropped] + [""]
    lines += ["---", "", f"> {_md(summary.notice)}", ""]
    return "\n".join(lines)
