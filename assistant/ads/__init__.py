"""Job ads from a brief: load → plan → (LLM draft | offline composition) → verify claims → lint → export."""

from .pipeline import brief_from_dict, draft_job_ad, load_brief

__all__ = ["brief_from_dict", "draft_job_ad", "load_brief"]
