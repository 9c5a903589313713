"""What every job needs, built once and lazily: settings, framework, knowledge base, chat model."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .settings import Settings, get_settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from .framework import Framework
    from .knowledge import KnowledgeBase, Progress


@dataclass
class Services:
    """Shared by the CLI, the UI and the tests (which pass fakes through the constructor)."""

    settings: Settings = field(default_factory=get_settings)
    framework_override: Framework | None = None
    kb_override: KnowledgeBase | None = None
    chat_model_override: Any = None  # a BaseChatModel; tests pass fakes here
    progress: Progress | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _framework: Framework | None = field(default=None, init=False, repr=False)
    _kb: KnowledgeBase | None = field(default=None, init=False, repr=False)
    _chat: Any = field(default=None, init=False, repr=False)
    _chat_built: bool = field(default=False, init=False, repr=False)

    @property
    def framework(self) -> Framework:
        if self.framework_override is not None:
            return self.framework_override
        with self._lock:
            if self._framework is None:
                from .framework import load_framework

                self._framework = load_framework(self.settings.guide_dir)
            return self._framework

    @property
    def kb(self) -> KnowledgeBase:
        if self.kb_override is not None:
            return self.kb_override
        with self._lock:
            if self._kb is None:
                from .knowledge import open_knowledge_base

                self._kb = open_knowledge_base(self.settings, progress=self.progress)
            return self._kb

    @property
    def chat_model(self) -> BaseChatModel | None:
        """None means offline. Built on first use, so a bad key surfaces when an LLM is actually needed."""
        if self.chat_model_override is not None:
            return self.chat_model_override
        with self._lock:
            if not self._chat_built:
                from .llm import build_chat_model

                self._chat = build_chat_model(self.settings)
                self._chat_built = True
            return self._chat

    @property
    def backend(self) -> str:
        """Short backend id for JSON outputs: offline, openai, openai-compatible (or 'fake' in tests)."""
        if self.chat_model_override is not None:
            return getattr(self.chat_model_override, "backend_name", "openai-compatible")
        return self.settings.resolved_llm_backend

    @property
    def backend_description(self) -> str:
        from .llm import describe_backend

        if self.chat_model_override is not None:
            return f"{self.backend} · {getattr(self.chat_model_override, 'model_name', 'test model')}"
        return describe_backend(self.settings)

    @property
    def model_name(self) -> str | None:
        from .llm import model_name

        if self.chat_model_override is not None:
            return getattr(self.chat_model_override, "model_name", None)
        return model_name(self.settings)
