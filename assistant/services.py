"""What every job needs, built once at the edge and lazily: settings, framework, knowledge base, chat model."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from .settings import Settings, get_settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from .guide.framework import Framework
    from .guide.knowledge import KnowledgeBase, Progress


class Services:
    """Shared by the CLI, the UI and the tests.

    Each collaborator is either given to the constructor (tests pass fakes exactly where real objects go) or
    built from the settings on first use. `chat_model=None` means "build it from the settings", which is None
    (offline) when no LLM is configured."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        framework: Framework | None = None,
        kb: KnowledgeBase | None = None,
        chat_model: BaseChatModel | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.settings = settings or get_settings()
        self.progress = progress
        self._lock = threading.Lock()
        self._framework = framework
        self._kb = kb
        self._chat: Any = chat_model
        self._chat_given = chat_model is not None
        self._chat_built = chat_model is not None

    @property
    def framework(self) -> Framework:
        with self._lock:
            if self._framework is None:
                from .guide.framework import load_framework

                self._framework = load_framework(self.settings.guide_dir)
            return self._framework

    @property
    def kb(self) -> KnowledgeBase:
        with self._lock:
            if self._kb is None:
                from .guide.knowledge import open_knowledge_base

                self._kb = open_knowledge_base(self.settings, progress=self.progress)
            return self._kb

    @property
    def chat_model(self) -> BaseChatModel | None:
        """None means offline. Built on first use, so a bad key surfaces when an LLM is actually needed."""
        with self._lock:
            if not self._chat_built:
                from .llm import build_chat_model

                self._chat = build_chat_model(self.settings)
                self._chat_built = True
            return self._chat

    @property
    def backend(self) -> str:
        """Short backend id for JSON outputs: offline, openai, openai-compatible."""
        configured = self.settings.resolved_llm_backend
        if self._chat_given and configured == "offline":
            return "openai-compatible"  # a model handed in by the caller speaks the OpenAI protocol
        return configured

    @property
    def model_name(self) -> str | None:
        from .llm import model_name

        if self._chat_given:
            return getattr(self._chat, "model_name", None)
        return model_name(self.settings)

    @property
    def backend_description(self) -> str:
        from .llm import describe_backend

        if self._chat_given:
            return f"{self.backend} · {self.model_name or 'model given by the caller'}"
        return describe_backend(self.settings)

    def warm(self) -> None:
        """Pay the notes engine's first-use costs now rather than on the first user's scorecard (issue 9): the
        framework parsed, a thousand-odd patterns (cues, protected criteria, facts) compiled, the local embedding
        model's first run. The app calls this at start, after the knowledge base. Offline only: a fixed made-up
        note, nothing sent to an LLM, nothing written (no audit record)."""
        from .notes.facts import offline_facts
        from .notes.offline import offline_evidence
        from .notes.prepare import prepare
        from .notes.scorecard import build_scorecard

        prep = prepare(WARM_NOTES, self.settings.max_notes_chars, self.framework)
        found = offline_evidence(prep, self)
        build_scorecard(prep, self.framework, None, found, backend="offline", model=None, facts=offline_facts(prep))


WARM_NOTES = (
    "Entretien téléphonique, 20 min. Cinq ans de gestion de grands comptes dans le logiciel, à l'aise avec les "
    "KPIs et le reporting. Good English, negotiated renewals with procurement. Next step: case study."
)
"""Made up for the warm-up: touches the French and English cues, the patterns and the embedder; no person."""
