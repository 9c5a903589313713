"""What every tab uses when it wires a handler to a Gradio event: plain error messages, showing or hiding a file."""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from typing import Any

from ..errors import AssistantError
from .i18n import LANGUAGES, error_text, register, register_messages, t

TEXTS = register(
    {
        "events.unexpected": (
            "Erreur inattendue ({name}). Merci de la signaler ; votre saisie n'a pas été conservée.",
            "Unexpected error ({name}). Please report it; your input was not stored.",
        ),
        "events.bad_format": ("Format de téléchargement inconnu : {fmt}.", "Unknown download format {fmt}."),
    }
)

# The LLM's failures (assistant/llm.py, assistant/local_server.py), shown as errors or quoted in a fallback notice on
# every tab. `{where}` is the backend's description (see render.py's messages).
register_messages(
    "assistant/llm.py",
    {
        "msg.llm.too_large": (
            "Le LLM ({where}) a envoyé une réponse de plus de {kib} Kio, plus que son budget de sortie "
            "(ASSISTANT_LLM_MAX_TOKENS) ne permet ; elle a été écartée sans être lue.",
            "The LLM ({where}) sent a reply larger than {kib} KiB, more than its output budget "
            "(ASSISTANT_LLM_MAX_TOKENS) can produce; it was discarded unread.",
        ),
        "msg.llm.deadline": (
            "Le LLM ({where}) n'a pas terminé dans les temps ({limit}, ASSISTANT_LLM_DEADLINE) ; le travail a été "
            "arrêté là.",
            "The LLM ({where}) did not finish within {limit} (ASSISTANT_LLM_DEADLINE); the job was stopped there.",
        ),
        "msg.llm.timeout": (
            "Le LLM ({where}) n'a pas répondu en {seconds} s.",
            "The LLM ({where}) did not answer within {seconds} s.",
        ),
        "msg.llm.unreachable": (
            "Impossible de joindre le LLM ({where}) : « {detail} ». Le serveur est-il lancé ?",
            "Cannot reach the LLM ({where}): {detail}. Is the server running?",
        ),
        "msg.llm.key": (
            "Le LLM ({where}) a refusé la clé d'API. Vérifiez OPENAI_API_KEY / ASSISTANT_LLM_API_KEY.",
            "The LLM ({where}) refused the API key. Check OPENAI_API_KEY / ASSISTANT_LLM_API_KEY.",
        ),
        "msg.llm.rate": (
            "Le LLM ({where}) limite le nombre de requêtes ; réessayez plus tard.",
            "The LLM ({where}) is rate-limiting requests; try again later.",
        ),
        "msg.llm.http": (
            "Le LLM ({where}) a répondu HTTP {status}, avec ce message du serveur :",
            "The LLM ({where}) answered HTTP {status}:",
        ),
        "msg.llm.failed": ("Le LLM ({where}) a échoué ({name}).", "The LLM ({where}) failed ({name})."),
        "msg.llm.not_api": (
            "Le LLM ({where}) n'a pas répondu comme une API compatible OpenAI ({what}) : vérifiez "
            "ASSISTANT_LLM_BASE_URL (elle finit d'ordinaire par /v1).",
            "The LLM ({where}) did not answer like an OpenAI-compatible API ({what}): check ASSISTANT_LLM_BASE_URL "
            "(it usually ends in /v1).",
        ),
        "msg.llm.none": (
            "Aucun LLM n'est configuré (moteur hors ligne) : cette tâche utilise le moteur hors ligne.",
            "No LLM is configured (offline backend): this job runs its offline engine instead.",
        ),
        "msg.llm.methods": (
            "Le LLM ({where}) a refusé toutes les méthodes de sortie structurée ({why}). Réglez "
            "ASSISTANT_LLM_STRUCTURED_METHOD ou travaillez hors ligne.",
            "The LLM ({where}) rejected every structured-output method ({why}). Set ASSISTANT_LLM_STRUCTURED_METHOD "
            "or run offline.",
        ),
        "msg.llm.truncated": (
            "Le LLM ({where}) s'est arrêté à sa limite de sortie ({limit} jetons) avant d'avoir terminé sa réponse "
            "structurée. Un modèle plus grand (ou ASSISTANT_LLM_MAX_TOKENS) peut suffire ; le moteur hors ligne n'a "
            "besoin d'aucun LLM.",
            "The LLM ({where}) stopped at its output limit ({limit} tokens) before its structured answer was "
            "complete. A larger model (or ASSISTANT_LLM_MAX_TOKENS) may fit; the offline engine needs no LLM.",
        ),
    },
    words={
        "its deadline": "délai imparti",
        "a reply that is not HTTP": "une réponse qui n'est pas du HTTP",
        "a reply that is not JSON": "une réponse qui n'est pas du JSON",
        "a reply that is not JSON, e.g. a web page": "une réponse qui n'est pas du JSON, par exemple une page web",
    },
)
register_messages(
    "assistant/local_server.py",
    {
        "msg.llm.local_not_ready": (
            "Le serveur llama.cpp local ({url}) n'était pas prêt au bout de {seconds} s.",
            "The local llama.cpp server ({url}) was not ready after {seconds} s.",
        ),
        "msg.llm.local_load": ("llama.cpp n'a pas pu charger {name} :", "llama.cpp could not load {name}:"),
    },
)


def _language_of(args: tuple[Any, ...], kwargs: dict[str, Any], at: int | None = None) -> str:
    """The session's language a handler was given: its `lang` keyword, its input at position `at`, or (by default)
    its last text input, when that is "fr" or "en" (tabs pass `ui.state` last; Gradio may add a gr.Progress after
    it). English otherwise."""
    if "lang" in kwargs:
        lang = kwargs["lang"]
    elif at is not None:
        lang = args[at] if -len(args) <= at < len(args) else None
    else:
        lang = next((a for a in reversed(args) if isinstance(a, str)), None)
    return lang if isinstance(lang, str) and lang in LANGUAGES else "en"


def plain_errors(fn: Callable[..., Any], *, lang_at: int | None = None) -> Callable[..., Any]:
    """Turn AssistantError into gr.Error with its plain message in the session's language; other errors into a
    message without the input.

    The language is the handler's `lang` keyword, its positional input `lang_at`, or its last text input (see
    `_language_of`). An exception's message is never shown or printed, only its type and traceback: it may quote the
    notes (pydantic errors echo their input).
    """
    import gradio as gr

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except gr.Error:
            raise
        except AssistantError as exc:
            raise gr.Error(error_text(exc, _language_of(args, kwargs, lang_at)), print_exception=False) from None
        except Exception as exc:  # a bug: say where, without the message (it may echo input) on page or console
            frames = "".join(traceback.format_tb(exc.__traceback__))
            print(
                f"hiring-assistant ui: unexpected {exc.__class__.__name__} in {fn.__name__}\n{frames}", file=sys.stderr
            )
            message = t("events.unexpected", _language_of(args, kwargs, lang_at), name=exc.__class__.__name__)
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
