"""The interview kit as Markdown, as a printable HTML page (PDF-ready: print CSS, a page per section) and as JSON.

Every text from the guide or the framework is escaped: nothing in a kit becomes a tag, a link or an image.
"""

from __future__ import annotations

import html
import re
from datetime import date
from typing import Any

from .models import GuideRef, InterviewKit

FORMATS: tuple[str, ...] = ("md", "html", "json")

_LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Kit d'entretien",
        "stage": "Étape",
        "guide": "Guide",
        "purpose": "Objet de l'étape",
        "notes": "À savoir",
        "questions": "Questions à poser",
        "probes": "Compétences évaluées",
        "competencies": "Compétences à évaluer : à quoi ressemblent un 1, un 3 et un 5",
        "rating": "Note",
        "no_anchor": "(non décrit par le référentiel)",
        "why": "Pourquoi à cette étape",
        "questions_ref": "Questions",
        "topics": "Sujets à aborder avec le/la candidat·e",
        "trial": "Gérer la période d'essai",
        "background": "Extraits du guide",
        "source": "Source",
        "passage": "passage",
        "none": "Aucune.",
        "colon": " :",
    },
    "en": {
        "title": "Interview kit",
        "stage": "Stage",
        "guide": "Guide",
        "purpose": "Purpose of the stage",
        "notes": "Good to know",
        "questions": "Questions to ask",
        "probes": "Competencies probed",
        "competencies": "Competencies to assess: what a 1, a 3 and a 5 look like",
        "rating": "Rating",
        "no_anchor": "(not described by the framework)",
        "why": "Why at this stage",
        "questions_ref": "Questions",
        "topics": "Topics to discuss with the candidate",
        "trial": "Managing the trial period",
        "background": "From the guide (French)",
        "source": "Source",
        "passage": "passage",
        "none": "None.",
        "colon": ":",
    },
}


def kit_filename(stage: str, fmt: str, day: date | None = None) -> str:
    """'kit-<stage>-<YYYY-MM-DD>.<md|html|json>' (today's date unless `day` is given)."""
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", stage).strip("-") or "stage"
    return f"kit-{safe}-{(day or date.today()).isoformat()}.{fmt}"


def kit_to_json(kit: InterviewKit) -> dict[str, Any]:
    """The kit as plain JSON data (the model's fields)."""
    return kit.model_dump(mode="json")


# --------------------------------------------------------------------------- Markdown


def _md(text: str) -> str:
    """Escape text for one Markdown line: no HTML, no link, no image, no emphasis, no heading."""
    text = " ".join(str(text).split())
    text = text.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([`*_\[\]#!|~@])", r"\\\1", text)


def _md_ref(ref: GuideRef, t: dict[str, str]) -> str:
    where = [p for p in (ref.section, f"{t['passage']} {ref.passage_id}" if ref.passage_id else None) if p]
    where += [ref.framework_path] if ref.framework_path else []
    tail = f" — {_md(' · '.join(where))}" if where else ""
    return f"*{t['source']}{t['colon']} « {_md(ref.quote)} »{tail}*"


def kit_to_markdown(kit: InterviewKit) -> str:
    """The kit as Markdown, with every guide or framework text escaped and its source under it."""
    t = _LABELS[kit.lang]
    c = t["colon"]
    lines = [
        f"# {t['title']}{c} {_md(kit.purpose.label)}",
        "",
        f"*{t['guide']}{c} {_md(kit.guide_title)} · {t['stage']}{c} {_md(kit.stage)}*",
        "",
        f"## {t['purpose']}",
        "",
        _md(kit.purpose.text),
        "",
        _md_ref(kit.purpose.ref, t),
        "",
    ]
    if kit.notes:
        lines += [f"## {t['notes']}", ""] + [f"- {_md(n.text)}" for n in kit.notes] + [""]
    if kit.background:
        lines += [f"## {t['background']}", ""]
        for p in kit.background:
            lines += [f"**{_md(p.section)}**", ""]
            lines += [f"> {_md(line)}" for line in p.text.split("\n") if line.strip()]
            lines += ["", _md_ref(p.ref, t), ""]
    lines += [f"## {t['questions']}", ""]
    if not kit.questions:
        lines += [t["none"], ""]
    for n, q in enumerate(kit.questions, 1):
        lines += [
            f"{n}. **{_md(q.text)}**  ",
            f"   {t['probes']}{c} {_md(', '.join(q.competency_labels))}  ",
            f"   {_md_ref(q.ref, t)}",
        ]
    lines += ["", f"## {t['competencies']}", ""]
    if not kit.competencies:
        lines += [t["none"], ""]
    for comp in kit.competencies:
        lines += [f"### {_md(comp.label)}", "", _md(comp.description), ""]
        for a in comp.anchors:
            lines.append(f"- **{a.rating}**{c} {_md(a.text) if a.text else t['no_anchor']}")
        lines.append("")
        if comp.question_ids:
            lines += [f"{t['questions_ref']}{c} {_md(', '.join(comp.question_ids))}", ""]
        for ref in comp.why:
            if ref.framework_path is None:
                lines += [f"{t['why']}{c} {_md_ref(ref, t)}", ""]
        lines += [_md_ref(comp.ref, t), ""]
    if kit.topics:
        lines += [f"## {t['topics']}", ""]
        for topic in kit.topics:
            lines += [f"- {_md(topic.label)}  ", f"  {_md_ref(topic.ref, t)}"]
        lines.append("")
    if kit.trial_period:
        lines += [f"## {t['trial']}", ""]
        for advice in kit.trial_period:
            lines += [f"- {_md(advice.text)}  ", f"  {_md_ref(advice.ref, t)}"]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------- HTML


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


_CSS = """\
@page { size: A4; margin: 18mm 16mm; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #bbb; padding-bottom: .2em; break-after: avoid; }
h3 { font-size: 1.05em; margin-bottom: .3em; break-after: avoid; }
.meta, .ref { color: #555; font-size: .85em; }
.ref { margin: .2em 0 .8em; }
blockquote { margin: .5em 0; padding-left: .8em; border-left: 3px solid #ccc; white-space: pre-line; }
li, .competency, blockquote { break-inside: avoid; page-break-inside: avoid; }
dl.anchors { display: grid; grid-template-columns: 2.5em 1fr; gap: .2em .6em; margin: .4em 0; }
dl.anchors dt { font-weight: bold; }
dl.anchors dd { margin: 0; }
section.kit-section + section.kit-section { break-before: page; page-break-before: always; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
"""


def _html_ref(ref: GuideRef, t: dict[str, str]) -> str:
    where = [p for p in (ref.section, f"{t['passage']} {ref.passage_id}" if ref.passage_id else None) if p]
    where += [ref.framework_path] if ref.framework_path else []
    tail = f" — {_e(' · '.join(where))}" if where else ""
    return f'<p class="ref">{t["source"]}{t["colon"]} « {_e(ref.quote)} »{tail}</p>'


def _section(title: str, body: list[str], css_id: str) -> str:
    return f'<section class="kit-section" id="{css_id}">\n<h2>{_e(title)}</h2>\n' + "\n".join(body) + "\n</section>"


def kit_to_html(kit: InterviewKit) -> str:
    """A complete HTML page, ready to print to PDF: print CSS and a page break between sections."""
    t = _LABELS[kit.lang]
    c = t["colon"]
    sections = [
        _section(
            t["purpose"],
            [f"<p>{_e(kit.purpose.text)}</p>", _html_ref(kit.purpose.ref, t)]
            + (
                [f"<h3>{t['notes']}</h3>", "<ul>"] + [f"<li>{_e(n.text)}</li>" for n in kit.notes] + ["</ul>"]
                if kit.notes
                else []
            ),
            "kit-purpose",
        )
    ]
    if kit.background:
        body = []
        for p in kit.background:
            body += [f"<h3>{_e(p.section)}</h3>", f"<blockquote>{_e(p.text)}</blockquote>", _html_ref(p.ref, t)]
        sections.append(_section(t["background"], body, "kit-background"))
    items = [
        f"<li><strong>{_e(q.text)}</strong><br>{t['probes']}{c} {_e(', '.join(q.competency_labels))}"
        f"{_html_ref(q.ref, t)}</li>"
        for q in kit.questions
    ]
    sections.append(
        _section(t["questions"], ["<ol>", *items, "</ol>"] if items else [f"<p>{t['none']}</p>"], "kit-questions")
    )
    body = []
    for comp in kit.competencies:
        anchors = "".join(
            f"<dt>{a.rating}</dt><dd>{_e(a.text) if a.text else _e(t['no_anchor'])}</dd>" for a in comp.anchors
        )
        why = [f"<p>{t['why']}{c}</p>{_html_ref(r, t)}" for r in comp.why if r.framework_path is None]
        asked = f"<p>{t['questions_ref']}{c} {_e(', '.join(comp.question_ids))}</p>" if comp.question_ids else ""
        body.append(
            f'<div class="competency" id="kit-c-{_e(comp.id)}">\n<h3>{_e(comp.label)}</h3>\n'
            f'<p>{_e(comp.description)}</p>\n<dl class="anchors">{anchors}</dl>\n{asked}{"".join(why)}'
            f"{_html_ref(comp.ref, t)}\n</div>"
        )
    sections.append(_section(t["competencies"], body or [f"<p>{t['none']}</p>"], "kit-competencies"))
    if kit.topics:
        items = [f"<li>{_e(x.label)}{_html_ref(x.ref, t)}</li>" for x in kit.topics]
        sections.append(_section(t["topics"], ["<ul>", *items, "</ul>"], "kit-topics"))
    if kit.trial_period:
        items = [f"<li>{_e(x.text)}{_html_ref(x.ref, t)}</li>" for x in kit.trial_period]
        sections.append(_section(t["trial"], ["<ul>", *items, "</ul>"], "kit-trial"))
    title = f"{t['title']}{c} {kit.purpose.label}"
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(kit.lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{_e(title)}</title>\n'
        f"<style>\n{_CSS}</style>\n</head>\n<body>\n<header>\n<h1>{_e(title)}</h1>\n"
        f'<p class="meta">{t["guide"]}{c} {_e(kit.guide_title)} · {t["stage"]}{c} {_e(kit.stage)}</p>\n</header>\n'
        + "\n".join(sections)
        + "\n</body>\n</html>\n"
    )


def render_kit(kit: InterviewKit, fmt: str) -> str:
    """The kit in `fmt`: 'md', 'html' or 'json'."""
    import json

    from ..errors import InputError

    if fmt == "md":
        return kit_to_markdown(kit)
    if fmt == "html":
        return kit_to_html(kit)
    if fmt == "json":
        return json.dumps(kit_to_json(kit), ensure_ascii=False, indent=2) + "\n"
    raise InputError(f"Unknown kit format {fmt!r}: use one of {', '.join(FORMATS)}.")
