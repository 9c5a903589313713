"""What every tab uses when it wires a handler to a Gradio event: plain error messages, showing or hiding a file."""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from typing import Any

from ..errors import AssistantError
from .i18n import LANGUAGES, register, t

TEXTS = register(
    {
        "events.unexpected": (
            "Erreur inattendue ({name}). Merci de la signaler ; votre saisie n'a pas été conservée.",
            "Unexpected error ({name}). Please report it; your input was not stored.",
        ),
    }
)


def _language_of(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """The session's language a handler was given: its `lang` keyword, or its last input when that is "fr" or "en"
    (tabs pass `ui.state` last). English otherwise."""
    lang = kwargs.get("lang", args[-1] if args else None)
    return lang if isinstance(lang, str) and lang in LANGUAGES else "en"


def plain_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn AssistantError into gr.Error with its plain message; other errors into a message without the input.

    An exception's message is never shown or printed, only its type and traceback: it may quote the notes
    (pydantic errors echo their input).
    """
    import gradio as gr

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except gr.Error:
            raise
        except AssistantError as exc:
            raise gr.Error(str(exc), print_exception=False) from None
        except Exception as exc:  # a bug: say where, without the message (it may echo input) on page or console
            frames = "".join(traceback.format_tb(exc.__traceback__))
            print(
                f"hiring-assistant ui: unexpected {exc.__class__.__name__} in {fn.__name__}\n{frames}", file=sys.stderr
            )
            message = t("events.unexpected", _language_of(args, kwargs), name=exc.__class__.__name__)
            raise gr.Error(message, print_exception=False) from None

    return wrapper


def hidden_file() -> Any:
    """An update that empties and hides a gr.File (a download of a previous result must not linger)."""
    import gradio as gr

    return gr.File(value=None, visible=False)


def shown_file() -> Any:
    """An update that shows a gr.File (once a download is written into it)."""
    import gradio as gr

    return gr.File(visible=True)
