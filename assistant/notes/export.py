"""The scorecard's exports: Markdown (flags first, then the table, the facts, the quotes, the follow-ups and the
notice) and JSON, both made from `export_summary` (redact.py), so neither carries what a flag says must not be kept.

The JSON export (`scorecard_to_json`, written by `summarize --format json` and the notes tab's download, read by the
debrief) is `InterviewSummary` dumped, schema `SCHEMA_VERSION`:

    schema: "scorecard/1"               language: "fr" | "en"        stage: "phone" | "face_to_face" | "case_study" | null
    interviewer: str | null             stage_competencies: [competency id] | null (null: no stage given)
    competencies: [{id, label, status: "assessed" | "not_assessed" | "not_planned", rating: 1-5 | null, rationale,
                    evidence: [{quote, start, end, polarity: "positive" | "negative" | "neutral"}]}]  (framework order)
    facts: [{kind: "salary_expectation" | "availability" | "location" | "next_steps" | "candidate_question",
             quote, start, end}]
    flags: [{kind, severity, message, message_fr, evidence, quote, start, end}]   (evidence/quote: a placeholder
             such as "[téléphone]" for pii, discrimination, pay_history and prompt_injection flags)
    strengths, concerns: [{quote, start, end, polarity, competency}]   follow_up_questions: [{competency,
    competencies, question, question_id, stage}]   recommendation, recommendation_rationale, notice, backend, model,
    excluded, dropped, retrieved, usage

Offsets (`start`, `end`) refer to the notes as the interviewer gave them; a quote that had a flagged span inside it
has that span replaced, so `quote` may then differ from `notes[start:end]`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .models import InterviewSummary
from .redact import export_summary

SCHEMA_VERSION = "scorecard/1"


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
        "interviewer": "Intervieweur·se",
        "not_planned": "non prévu à cette étape",
        "not_planned_line": "Non prévues à cette étape (et sans citation)",
        "facts": "Informations pratiques",
        "no_facts": "Aucune relevée dans les notes.",
        "fact_kinds": {
            "salary_expectation": "Prétentions salariales",
            "availability": "Disponibilité / préavis",
            "location": "Lieu / télétravail",
            "next_steps": "Prochaines étapes",
            "candidate_question": "Questions du/de la candidat·e",
        },
        "stages": {
            "phone": "entretien téléphonique",
            "face_to_face": "entretien en face à face",
            "case_study": "étude de cas",
        },
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
        "interviewer": "Interviewer",
        "not_planned": "not planned at this stage",
        "not_planned_line": "Not planned at this stage (and no quote)",
        "facts": "Practical facts",
        "no_facts": "None found in the notes.",
        "fact_kinds": {
            "salary_expectation": "Salary expectation",
            "availability": "Availability / notice",
            "location": "Location / remote",
            "next_steps": "Next steps",
            "candidate_question": "Candidate's questions",
        },
        "stages": {"phone": "phone screen", "face_to_face": "face-to-face interview", "case_study": "case study"},
        "recs": {"advance": "advance", "hold": "hold", "do_not_advance": "do not advance"},
    },
}
_POLARITY_SIGN = {"positive": "+", "negative": "−", "neutral": "·"}


def scorecard_filename(stage: str | None, fmt: str, day: date | None = None) -> str:
    """`scorecard-<stage>-<YYYY-MM-DD>.<fmt>` (stage "interview" when none was given)."""
    name = re.sub(r"[^a-z0-9_-]+", "-", (stage or "interview").lower()).strip("-") or "interview"
    return f"scorecard-{name}-{(day or date.today()).isoformat()}.{fmt}"


def scorecard_to_json(summary: InterviewSummary) -> dict[str, Any]:
    """The JSON export (schema in this module's docstring): the redacted scorecard, with its schema version."""
    return {"schema": SCHEMA_VERSION, **export_summary(summary).to_json()}


def _flag_text(flag: Any, lang: str) -> str:
    """The flag's message in `lang` when the flag has one (Flag.text), else its message."""
    text = getattr(flag, "text", None)
    return text(lang) if callable(text) else flag.message


def scorecard_to_markdown(summary: InterviewSummary) -> str:
    """A readable scorecard: flags first, then the table, the facts, the quotes, the follow-ups and the notice.

    Made from `export_summary`: flags are quoted by placeholders, flagged spans are replaced in every quote."""
    summary = export_summary(summary)
    lang = summary.language
    t: dict[str, Any] = _LABELS[lang]
    colon = t["colon"]
    labels = {a.id: a.label for a in summary.competencies}
    rated = summary.backend != "offline"
    engine = _md(summary.backend) + (f" · {_md(summary.model)}" if summary.model else "")
    stage = f" · {t['stage']}{colon} {_md(t['stages'].get(summary.stage, summary.stage))}" if summary.stage else ""
    who = f" · {t['interviewer']}{colon} {_md(summary.interviewer)}" if summary.interviewer else ""
    lines = [f"# {t['title']}", "", f"*{t['backend']}{colon} {engine}{stage}{who}*", "", f"## {t['flags']}", ""]
    if summary.flags:
        for f in summary.flags:
            quote = f" — « {_md(f.quote)} »" if f.quote else ""
            kind = f"`{f.kind}`" if re.fullmatch(r"[a-z_]+", f.kind) else _md(f.kind)  # no escape shows in code
            lines.append(f"- **{kind}** ({_md(f.severity)}){colon} {_md(_flag_text(f, lang))}{quote}")
    else:
        lines.append(t["none"])
    if summary.excluded:
        lines += ["", f"> {_md(summary.excluded)}"]
    header = (
        [t["comp"], t["status"]] + ([t["rating"]] if rated else []) + [t["evidence"]] + ([t["why"]] if rated else [])
    )
    lines += ["", f"## {t['table']}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    not_planned = [a for a in summary.competencies if a.status == "not_planned"]
    for a in summary.competencies:
        if a.status == "not_planned":
            continue  # one line under the table, not a row of "not assessed" the stage never meant to assess
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
    if not_planned:
        lines += ["", f"*{t['not_planned_line']}{colon} {_md(', '.join(a.label for a in not_planned))}.*"]
    lines += ["", f"## {t['facts']}", ""]
    if summary.facts:
        for fact in summary.facts:
            lines.append(f"- **{t['fact_kinds'][fact.kind]}**{colon} « {_md(fact.quote)} »")
    else:
        lines.append(t["no_facts"])
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
