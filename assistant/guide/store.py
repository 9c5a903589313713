"""The vector store: the guide's chunks embedded in a Chroma collection (embedded, or a Chroma server).

`ingest` makes the collection hold exactly the guide's chunks; an unchanged guide writes nothing. Every call to a
Chroma server has a timeout: a server that accepts the connection and never answers fails with StoreError.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import StoreError
from ..settings import Settings
from .chunking import Guide, embedding_text, load_guide
from .embeddings import Embedder, EmbeddingUnavailable, chroma_embedding_function, embed_queries, get_embeddings
from .vectors import load_text_vectors, save_text_vectors, text_vectors_path

if TYPE_CHECKING:
    import httpx

    from .framework import Competency, Framework

Progress = Callable[[int, int, str], None]
"""progress(done, total, message): what long steps report to (the CLI's bar, the app's console)."""


def collection_name(guide_id: str, generation: int = 0) -> str:
    """The collection of one generation of a guide's index: `guide-<slug>` (0, as before rebuilds existed), then
    `guide-<slug>.g<N>`."""
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", guide_id).strip("-._") or "guide"
    base = f"guide-{slug}"[:50].rstrip("-._")
    return base if generation == 0 else f"{base}.g{generation}"


def _generations(client: Any, guide_id: str) -> dict[int, Any]:
    """Generation number → collection, for every collection of the guide's index on this store."""
    base = collection_name(guide_id)
    out: dict[int, Any] = {}
    for c in client.list_collections():
        name = c if isinstance(c, str) else c.name
        if name == base:
            out[0] = c
        elif name.startswith(base + ".g") and name[len(base) + 2 :].isdigit():
            out[int(name[len(base) + 2 :])] = c
    return out


def _is_complete(client: Any, name: str) -> bool:
    """Whether a generation was fully built. Collections from before rebuilds existed have no flag: complete."""
    meta = client.get_collection(name=name).metadata or {}
    return bool(meta.get("complete", True))


def embedded_store_path(settings: Settings) -> Path:
    """The folder of the embedded Chroma store under the data directory."""
    return settings.data_dir / "chroma"


def open_chroma_client(settings: Settings) -> Any:
    """The embedded store under the data directory, or a Chroma server when CHROMA_HOST is set."""
    import chromadb
    import httpx
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        host, port = settings.chroma_host, settings.chroma_port
        # Fail fast with a clear message instead of the client's long connect retries.
        try:
            with socket.create_connection((host, port), timeout=settings.chroma_timeout):
                pass
        except OSError as exc:
            raise StoreError(
                f"Cannot reach the Chroma server at {host}:{port} ({exc}). Start it with "
                f"`chroma run --path DIR --host {host} --port {port}`, or unset CHROMA_HOST to use the embedded store."
            ) from exc
        try:
            # chromadb's client makes requests with no timeout, from its constructor on: ask first, with one.
            httpx.get(f"http://{host}:{port}/api/v2/heartbeat", timeout=settings.chroma_timeout).raise_for_status()
            client = chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
            # Later calls (a search, a batch of writes) may take longer than a heartbeat, never forever.
            _http_session(client).timeout = httpx.Timeout(
                max(settings.chroma_timeout * 6, 30.0), connect=settings.chroma_timeout
            )
        except Exception as exc:
            raise StoreError(
                f"The Chroma server at {host}:{port} did not answer as Chroma within {settings.chroma_timeout:g} s "
                f"(ASSISTANT_CHROMA_TIMEOUT): {exc.__class__.__name__} {exc}"
            ) from exc
        return client
    path = embedded_store_path(settings)
    from chromadb.api.shared_system_client import SharedSystemClient

    cached = str(path) in SharedSystemClient._identifier_to_system
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    # chromadb's Rust core panics on a damaged file, and pyo3's PanicException is no Exception
    except BaseException as exc:
        if not cached:
            _forget_system(str(path))  # the system this call created and failed to start; one in use stays
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        if damaged(exc, str(path)):
            raise StoreError(
                f"The embedded Chroma store at {path} is damaged ({exc}). Run `hiring-assistant ingest --rebuild`: it "
                "moves the damaged store aside and builds the index again."
            ) from exc
        raise StoreError(f"Cannot open the embedded Chroma store at {path}: {exc}") from exc


def _forget_system(path: str) -> None:
    """Drop chromadb's cached system for `path`: one that failed to start stays cached and broken, and the next
    client for the same path (a rebuild after moving a damaged store aside) would get it."""
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient._identifier_to_system.pop(path, None)
    SharedSystemClient._identifier_to_refcount.pop(path, None)


# not "unsupported file format": a store written by a newer SQLite says so, and it is not damaged (review of stop 54)
_DAMAGED = ("malformed", "not a database", "file is encrypted", "database corrupt")


def damaged(exc: BaseException | None, path: str = "") -> bool:
    """Whether an error opening the embedded store at `path` says its SQLite file is damaged (truncated, overwritten);
    the path's own words do not count."""
    if exc is None:
        return False
    text = str(exc).replace(path, " ").lower() if path else str(exc).lower()
    return any(words in text for words in _DAMAGED)


def _http_session(client: Any) -> httpx.Client:
    """The Chroma HTTP client's httpx session, to give it timeouts.

    chromadb builds it with `timeout=None` and has no setting for it, so a server that accepts the connection
    and never answers would hang every call."""
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if not isinstance(session, httpx.Client):
        raise StoreError("This chromadb version hides its HTTP session, so no timeout can be set: use chromadb 1.5.")
    return session


def get_collection(client: Any, guide_id: str, embedder: Embedder, *, create: bool) -> Any | None:
    """Open the guide's active collection (the newest complete generation), refusing one built with another
    embedding model. With `create`, make generation 0 when the guide has no index yet."""
    ef = chroma_embedding_function(embedder)
    gens = _generations(client, guide_id)
    complete = sorted((g for g, c in gens.items() if _is_complete(client, c if isinstance(c, str) else c.name)))
    if not complete:
        if not create:
            return None
        return _create(client, collection_name(guide_id, max(gens, default=-1) + 1), guide_id, embedder, True)
    collection = client.get_collection(name=collection_name(guide_id, complete[-1]), embedding_function=ef)
    meta = collection.metadata or {}
    if meta.get("embedding_model") != embedder.name:
        raise StoreError(
            f"The index for guide '{guide_id}' was built with the embedding model {meta.get('embedding_model')!r} "
            f"(dimension {meta.get('embedding_dim')}), but the configured one is {embedder.name!r}. "
            "Re-ingest with `hiring-assistant ingest --rebuild` (or set ASSISTANT_EMBEDDINGS back)."
        )
    return collection


def _metadata(guide_id: str, embedder: Embedder, complete: bool) -> dict[str, Any]:
    return {
        "guide_id": guide_id,
        "embedding_model": embedder.name,
        "embedding_dim": embedder.dim,
        "complete": complete,
    }


def _create(client: Any, name: str, guide_id: str, embedder: Embedder, complete: bool) -> Any:
    return client.create_collection(
        name=name,
        embedding_function=chroma_embedding_function(embedder),
        configuration={"hnsw": {"space": "cosine"}},
        metadata=_metadata(guide_id, embedder, complete),
    )


@contextlib.contextmanager
def ingest_lock(settings: Settings) -> Iterator[None]:
    """Hold the data directory's ingest lock; StoreError at once when another ingest holds it.

    A lock file under ASSISTANT_DATA_DIR (flock, released by the OS if the process dies). With a Chroma server it
    guards the ingests started from this machine and data directory only.
    """
    path = settings.data_dir / "ingest.lock"
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 (closed by the with below)
    except OSError as exc:  # a read-only volume, a file in the way (stop 53's outside probe: reported as a bug)
        raise StoreError(
            f"Cannot write the index's data directory {settings.data_dir} ({exc.strerror or exc}). Set "
            "ASSISTANT_DATA_DIR to a writable folder to build the index there."
        ) from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise StoreError(
                f"Another ingest is running ({holder}; lock file {path}). Wait for it to finish, then try again."
            ) from None
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}")
            handle.flush()
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass
class IngestReport:
    guide_id: str
    chunks: int
    added: int
    removed: int
    model: str | None
    store: str
    moved_aside: Path | None = None
    """Where a damaged embedded store was moved before the rebuild (None: there was none)."""

    def summary(self) -> str:
        if self.moved_aside is not None:
            return (
                f"The embedded store was damaged: moved aside to {self.moved_aside} (delete it once the new index "
                f"works; it also held the index of any other guide used with this data directory: ingest those "
                f"again). Guide '{self.guide_id}': {self.chunks} chunks, {self.added} added with {self.model} "
                f"[{self.store}]."
            )
        if not self.added and not self.removed:
            return f"Guide '{self.guide_id}': {self.chunks} chunks, index up to date (nothing written) [{self.store}]."
        return (
            f"Guide '{self.guide_id}': {self.chunks} chunks, {self.added} added, {self.removed} removed "
            f"with {self.model} [{self.store}]."
        )


def store_label(settings: Settings) -> str:
    if settings.chroma_host:
        return f"chroma server {settings.chroma_host}:{settings.chroma_port}"
    return f"embedded chroma at {embedded_store_path(settings)}"


def sync_collection(
    collection: Any, guide: Guide, embedder: Embedder, progress: Progress | None = None
) -> tuple[int, int]:
    """Make the collection hold exactly the guide's chunks; returns (added, removed)."""
    present = set(collection.get(where={"guide_id": guide.id}, include=[])["ids"])
    wanted = {c.id: c for c in guide.chunks}
    stale = sorted(present - wanted.keys())
    new = [c for c in guide.chunks if c.id not in present]
    if stale:
        collection.delete(ids=stale)
    total = len(new)
    batch = 16
    for start in range(0, total, batch):
        part = new[start : start + batch]
        vectors = embedder.embed_documents([embedding_text(c) for c in part])
        collection.add(
            ids=[c.id for c in part],
            embeddings=vectors,
            documents=[c.text for c in part],
            metadatas=[{"guide_id": c.guide_id, "section": c.section, "kind": c.kind, "order": c.order} for c in part],
        )
        if progress:
            progress(min(start + batch, total), total, "embedding chunks")
    return total, len(stale)


def ingest(
    settings: Settings, *, rebuild: bool = False, progress: Progress | None = None, embedder: Embedder | None = None
) -> IngestReport:
    """(Re)build the index of the configured guide. Idempotent: an unchanged guide writes nothing.

    `rebuild` builds a new generation beside the active one and switches to it only once complete (one metadata
    write), then drops the older generations: readers use the old index until then, and an interrupted rebuild
    leaves it in use. Only one ingest runs at a time per data directory (`ingest_lock`).
    """
    guide = load_guide(settings.guide_dir)
    if embedder is None:
        embedder = load_embedder(settings)[0]
    if embedder is None:
        return IngestReport(guide.id, len(guide.chunks), 0, 0, None, "no vector store (BM25 only)")
    with ingest_lock(settings):
        moved: Path | None = None
        try:
            client = open_chroma_client(settings)
        except StoreError as exc:
            store = embedded_store_path(settings)
            if not (rebuild and not settings.chroma_host and damaged(exc.__cause__, str(store))):
                raise
            # (stop 53's outside probe) a half-written or truncated store could not be opened, so `--rebuild`, the way
            # out its message gives, failed the same way: the damaged store goes aside and a new one is built
            moved = _move_aside(store)
            client = open_chroma_client(settings)
        if not rebuild:
            collection = get_collection(client, guide.id, embedder, create=True)
            added, removed = sync_collection(collection, guide, embedder, progress)
            store_framework_vectors(settings, embedder)
            store_example_vectors(settings, embedder)
            return IngestReport(guide.id, len(guide.chunks), added, removed, embedder.name, store_label(settings))
        gens = _generations(client, guide.id)
        for c in gens.values():  # half-built generations of an interrupted rebuild
            name = c if isinstance(c, str) else c.name
            if not _is_complete(client, name):
                client.delete_collection(name)
        name = collection_name(guide.id, max(gens, default=-1) + 1)
        fresh = _create(client, name, guide.id, embedder, complete=False)
        added, _ = sync_collection(fresh, guide, embedder, progress)
        fresh.modify(metadata=_metadata(guide.id, embedder, complete=True))  # the switch
        for c in _generations(client, guide.id).values():
            old = c if isinstance(c, str) else c.name
            if old != name:
                client.delete_collection(old)
        store_framework_vectors(settings, embedder)
        store_example_vectors(settings, embedder)
        return IngestReport(guide.id, len(guide.chunks), added, 0, embedder.name, store_label(settings), moved)


def _move_aside(path: Path) -> Path:
    """Rename a damaged store folder to `<name>.damaged-<time>` beside it; the new path."""
    aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    n = 1
    while aside.exists():
        aside, n = aside.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}-{n}"), n + 1
    try:
        path.rename(aside)
    except OSError as exc:  # a mount point, a read-only volume
        raise StoreError(
            f"The embedded Chroma store at {path} is damaged and could not be moved aside ({exc.strerror or exc}): "
            f"delete or move it yourself, then run `hiring-assistant ingest`."
        ) from None
    return aside


# --------------------------------------------------------------------------- the framework's text vectors
# (the file format is guide/vectors.py's)


def competency_texts(c: Competency) -> list[str]:
    """The texts that stand for a competency when notes are compared with it: labels, descriptions and top anchors,
    in both languages. (Adding the 1/3 anchors was tried on the dev notes: no recall gained, one false positive.)"""
    return [c.label.fr, c.label.en, c.description.fr, c.description.en, c.scale["5"].fr, c.scale["5"].en]


def framework_texts(fw: Framework) -> list[str]:
    """Every framework text the offline notes engine compares notes with, each once, in the framework's order."""
    return list(dict.fromkeys(t for c in fw.competencies for t in competency_texts(c) if t.strip()))


def store_framework_vectors(settings: Settings, embedder: Embedder) -> bool:
    """Embed the framework's texts in one batch and store them, unless stored already; True when written.

    A remote embedder gets nothing: notes are only ever compared with a local model's vectors."""
    from .framework import load_framework

    if not embedder.local:
        return False
    fw = load_framework(settings.guide_dir)
    texts = framework_texts(fw)
    path = text_vectors_path(settings.data_dir, fw.guide.id, embedder.name)
    if load_text_vectors(path, embedder.name, texts) is not None:
        return False
    import numpy as np

    save_text_vectors(path, embedder.name, texts, np.array(embed_queries(embedder, texts), dtype=np.float32))
    return True


def store_example_vectors(settings: Settings, embedder: Embedder) -> bool:
    """Make the guide's example questions' vectors ready (guide/examples.py): the shipped ones when they are this
    embedder's, else embedded now and stored under the data directory. True when that was worth doing: the
    offline engine compares questions with examples only with the local model the shipped vectors were made with
    (examples.worth_storing)."""
    from .examples import example_vectors, load_examples, worth_storing

    if not load_examples(settings.guide_dir) or not worth_storing(settings.guide_dir, embedder):
        return False
    guide = load_guide(settings.guide_dir)
    example_vectors(settings.guide_dir, guide.id, embedder, settings.data_dir)
    return True


def load_embedder(settings: Settings) -> tuple[Embedder | None, str | None]:
    try:
        return get_embeddings(settings), None
    except EmbeddingUnavailable as exc:
        return None, str(exc)
