"""Kit exports: Markdown and printable HTML escape every text, file names say what they are, JSON round-trips."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest

from assistant.errors import InputError
from assistant.kit import InterviewKit, build_kit, kit_filename, kit_to_html, kit_to_json, kit_to_markdown, render_kit

XSS_SCRIPT = "<script>window.__xss = 'script'</script>"
XSS_IMG = "<img src=x onerror=\"window.__xss = 'img'\">"
XSS_MD_IMAGE = "![tracker](http://evil.example/pixel.png)"
XSS_JS_LINK = "[click](javascript:window.__xss='link')"
HOSTILE = f"{XSS_SCRIPT} {XSS_IMG} {XSS_MD_IMAGE} {XSS_JS_LINK} # heading *bold* | cell"


def hostile_kit(kit: InterviewKit) -> InterviewKit:
    """The kit with hostile text in every kind of field (as a tampered guide or framework would put there)."""
    comp = kit.competencies[0]
    anchors = [a.model_copy(update={"text": HOSTILE}) for a in comp.anchors]
    return kit.model_copy(
        update={
            "guide_title": HOSTILE,
            "purpose": kit.purpose.model_copy(
                update={
                    "label": HOSTILE,
                    "text": HOSTILE,
                    "ref": kit.purpose.ref.model_copy(update={"quote": HOSTILE, "section": HOSTILE}),
                }
            ),
            "questions": [
                q.model_copy(update={"text": HOSTILE, "competency_labels": [HOSTILE]}) for q in kit.questions
            ],
            "competencies": [comp.model_copy(update={"label": HOSTILE, "description": HOSTILE, "anchors": anchors})],
            "topics": [kit.topics[0].model_copy(update={"label": HOSTILE})],
            "trial_period": [a.model_copy(update={"text": HOSTILE}) for a in kit.trial_period],
            "notes": [n.model_copy(update={"text": HOSTILE}) for n in kit.notes],
        }
    )


def live_link(markdown: str) -> bool:
    """True when Markdown holds a link or image that would render: an unescaped `](`."""
    return re.search(r"(?<!\\)\]\s*\(", markdown) is not None


@pytest.fixture(params=["face_to_face", "case_study"])
def kit(request: Any, framework: Any, guide: Any) -> InterviewKit:
    return build_kit(framework, request.param, "en", guide)


def test_markdown_has_each_part_with_its_source(framework: Any, guide: Any) -> None:
    md = kit_to_markdown(build_kit(framework, "case_study", "fr", guide))
    assert md.startswith("# Kit d'entretien : Test d’analyse sur étude de cas\n")
    for heading in ("## Objet de l'étape", "## Compétences à évaluer", "## Sujets à aborder", "## Gérer la période"):
        assert heading in md
    assert "- **1** : Mal à l’aise avec les chiffres" in md and "Pourquoi à cette étape" in md
    assert re.search(r"Les process d’entretien · passage [0-9a-f]{16} · interview\.steps\\\[id=case\\_study", md)
    assert "## Questions à poser\n\nAucune." in md
    en = kit_to_markdown(build_kit(framework, "face_to_face", "en", guide))
    assert "1. **If a long-standing client tells you" in en and "Competencies probed: Conflict resolution" in en
    assert "Gérer la période" not in en and "Managing the trial period" not in en  # not the last stage


def test_markdown_escapes_hostile_text(kit: InterviewKit) -> None:
    md = kit_to_markdown(hostile_kit(kit))
    assert "<script" not in md and "<img" not in md and not live_link(md)
    assert "&lt;script&gt;" in md and "\\!\\[tracker\\]" in md
    assert "\n# heading" not in md and "\\# heading" in md


def test_html_is_a_printable_page_with_a_break_between_sections(kit: InterviewKit) -> None:
    page = kit_to_html(kit)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">') and page.rstrip().endswith("</html>")
    assert "@page" in page and "break-before: page" in page and "page-break-before: always" in page
    assert "break-inside: avoid" in page
    sections = re.findall(r'<section class="kit-section"', page)
    assert len(sections) == page.count("<h2>") >= 3
    assert "<title>Interview kit: " in page and "<script" not in page and "href=" not in page


def test_html_escapes_hostile_text(kit: InterviewKit) -> None:
    page = kit_to_html(hostile_kit(kit))
    assert "<script" not in page and "<img" not in page and "href" not in page and 'onerror="' not in page
    assert "&lt;script&gt;window.__xss" in page and "&lt;img src=x onerror=&quot;" in page


def test_file_names_say_stage_and_date() -> None:
    day = date(2026, 12, 1)
    assert kit_filename("phone", "md", day) == "kit-phone-2026-12-01.md"
    assert kit_filename("case_study", "html", day) == "kit-case_study-2026-12-01.html"
    assert kit_filename("../../etc/passwd", "md", day) == "kit-etc-passwd-2026-12-01.md"
    assert kit_filename("face_to_face", "json").endswith(f"-{date.today().isoformat()}.json")


def test_json_round_trips(kit: InterviewKit) -> None:
    data = json.loads(render_kit(kit, "json"))
    assert data == kit_to_json(kit) and InterviewKit.model_validate(data) == kit
    assert {"purpose", "questions", "competencies", "topics", "trial_period", "notes"} <= set(data)


def test_render_kit_formats(kit: InterviewKit) -> None:
    assert render_kit(kit, "md") == kit_to_markdown(kit) and render_kit(kit, "html") == kit_to_html(kit)
    with pytest.raises(InputError, match="md, html, json"):
        render_kit(kit, "pdf")
