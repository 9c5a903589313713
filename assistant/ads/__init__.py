"""Job ads from a brief: load → plan → (LLM draft | offline composition) → verify claims → lint → export."""

from .brief import brief_from_dict, load_brief
from .pipeline import draft_job_ad

__all__ = ["brief_from_dict", "draft_job_ad", "load_brief"]
