"""Interview kits per stage (phone screen, face-to-face, case study), built from the guide's framework."""

from __future__ import annotations

from .build import ANCHOR_RATINGS, all_kits, build_kit, check_stage, competencies_for_stage, stage_ids
from .export import FORMATS, kit_filename, kit_to_html, kit_to_json, kit_to_markdown, render_kit
from .models import Anchor, GuidePassage, GuideRef, InterviewKit, KitCompetency, KitNote, KitQuestion, KitTopic

__all__ = [
    "ANCHOR_RATINGS",
    "FORMATS",
    "Anchor",
    "GuidePassage",
    "GuideRef",
    "InterviewKit",
    "KitCompetency",
    "KitNote",
    "KitQuestion",
    "KitTopic",
    "all_kits",
    "build_kit",
    "check_stage",
    "competencies_for_stage",
    "kit_filename",
    "kit_to_html",
    "kit_to_json",
    "kit_to_markdown",
    "render_kit",
    "stage_ids",
]
