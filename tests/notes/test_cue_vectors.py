"""Issue 9: the framework's vectors are computed once in one batch at ingest, stored under the data directory keyed
by the framework's content and the embedder, and loaded on first use; missing or stale, they are recomputed."""

from __future__ import annotations

import uuid

import numpy as np

from assistant.guide.embeddings import HashEmbeddings
from assistant.guide.store import competency_texts, framework_texts, ingest, store_framework_vectors
from assistant.guide.vectors import load_text_vectors, save_text_vectors, text_vectors_path
from assistant.notes.offline import match_embeddings


class BatchCounting(HashEmbeddings):
    """A local embedder that records every call: single texts and batches."""

    def __init__(self, name: str | None = None) -> None:
        super().__init__(32)
        self.name = name or f"batch-counting-{uuid.uuid4().hex[:8]}"  # a fresh name: no in-memory cache shared
        self.single: list[str] = []
        self.batches: list[list[str]] = []

    def embed_query(self, text: str) -> list[float]:
        self.single.append(text)
        return super().embed_query(text)

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        self.batches.append(list(texts))
        return [HashEmbeddings.embed_query(self, t) for t in texts]


def test_ingest_stores_the_framework_vectors(settings, framework) -> None:
    embedder = BatchCounting()
    ingest(settings, embedder=embedder)
    texts = framework_texts(framework)
    path = text_vectors_path(settings.data_dir, framework.guide.id, embedder.name)
    matrix = load_text_vectors(path, embedder.name, texts)
    assert matrix is not None and matrix.shape == (len(texts), 32)
    assert texts in embedder.batches and not embedder.single  # one batch, never one text at a time
    assert set(texts) == {t for c in framework.competencies for t in competency_texts(c)}  # each text once
    embedder.batches.clear()
    assert store_framework_vectors(settings, embedder) is False and not embedder.batches  # up to date: nothing


def test_first_use_loads_the_stored_vectors(settings, framework) -> None:
    embedder = BatchCounting()
    store_framework_vectors(settings, embedder)
    embedder.batches.clear()
    notes = [
        "Très bonne écoute du client, reformule les besoins.",
        "Anglais courant, négocie en anglais avec les clients.",
    ]
    match_embeddings(framework, embedder, notes, settings.data_dir)
    assert not embedder.batches and embedder.single == notes  # only the notes are embedded; the framework's are loaded


def test_missing_or_stale_vectors_are_recomputed_in_one_batch_and_stored(settings, framework) -> None:
    embedder = BatchCounting()
    texts = framework_texts(framework)
    path = text_vectors_path(settings.data_dir, framework.guide.id, embedder.name)
    save_text_vectors(path, embedder.name, texts[:-1], np.zeros((len(texts) - 1, 32)))  # another framework version
    assert load_text_vectors(path, embedder.name, texts) is None
    assert load_text_vectors(path, "another-model", texts[:-1]) is None
    clause = "Très bonne écoute du client, reformule les besoins."
    match_embeddings(framework, embedder, [clause], settings.data_dir)
    assert embedder.batches == [texts] and embedder.single == [clause]  # the framework's texts in one batch
    assert load_text_vectors(path, embedder.name, texts) is not None  # rewritten for the next process


def test_a_remote_embedder_gets_no_framework_vectors(settings) -> None:
    embedder = BatchCounting()
    embedder.local = False
    assert store_framework_vectors(settings, embedder) is False and not embedder.batches


def test_an_unreadable_file_is_stale(settings, framework) -> None:
    embedder = BatchCounting()
    path = text_vectors_path(settings.data_dir, framework.guide.id, embedder.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a numpy file")
    assert load_text_vectors(path, embedder.name, framework_texts(framework)) is None


def test_warm_pays_first_use_costs_offline_without_writing(llm_services, tmp_path) -> None:
    """The app warms the notes engine at start: the protected-criteria patterns are compiled and the framework
    parsed, the configured LLM is never called, and no audit record is written (the warm-up note is made up)."""
    from assistant.rules.criteria import _compiled_criteria

    services, model = llm_services()  # no scripted reply: any call to the model would raise
    audit = tmp_path / "audit.jsonl"
    services.settings = services.settings.model_copy(update={"audit_log": audit})
    _compiled_criteria.cache_clear()
    services.warm()
    assert _compiled_criteria.cache_info().currsize == 1
    assert model.calls == []
    assert not audit.exists()
