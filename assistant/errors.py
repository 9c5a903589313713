"""User-facing errors: each message says what went wrong and how to fix it."""

from __future__ import annotations


class AssistantError(Exception):
    """Base of every error shown to a user as a plain message (CLI exit code 2, gr.Error in the UI)."""

    exit_code = 2


class InputError(AssistantError):
    """The user's input is empty, too long, of the wrong type or malformed."""


class ConfigError(AssistantError):
    """Settings are missing or inconsistent."""


class KnowledgeError(AssistantError):
    """A guide folder, guide.md or framework.yaml is missing or malformed."""


class StoreError(AssistantError):
    """The vector index is missing, incompatible or unreachable."""


class LLMError(AssistantError):
    """The LLM backend failed, timed out or returned something unusable."""
