"""User-facing errors: each message says what went wrong and how to fix it."""

from __future__ import annotations


class AssistantError(Exception):
    """Base of every error shown to a user as a plain message (CLI exit code 2, gr.Error in the UI).

    `str(error)` is the English message, as ever. The code raising it may add the French one (`message_fr=`); the
    French interface shows it through `text("fr")`, and translates the errors that have none by its message catalog
    (`assistant.ui.i18n.localize`)."""

    exit_code = 2

    def __init__(self, *args: object, message_fr: str | None = None) -> None:
        super().__init__(*args)
        self.message_fr = message_fr
        """The same message in French, or None when the code that raised it wrote none."""

    def text(self, lang: str | None) -> str:
        """The message in `lang` ('fr', 'fr-FR', 'en'...): the French one when there is one, else the English one."""
        code = (lang or "").strip().lower().replace("_", "-").split("-", 1)[0]
        return self.message_fr if code == "fr" and self.message_fr else str(self)


class InputError(AssistantError):
    """The user's input is empty, too long, of the wrong type or malformed."""


class ConfigError(AssistantError):
    """Settings are missing or inconsistent."""


class KnowledgeError(AssistantError):
    """A guide folder, guide.md or framework.yaml is missing or malformed."""


class StoreError(AssistantError):
    """The vector index is missing, incompatible or unreachable."""


class IndexNotBuilt(StoreError):
    """The guide's index is not built yet, or out of date: `ingest` builds it, and `ask` and `ui` build it themselves."""


class LLMError(AssistantError):
    """The LLM backend failed, timed out or returned something unusable."""
