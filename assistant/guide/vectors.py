"""Vectors of short texts stored in a file (the framework's texts for notes, a guide's example questions): keyed by
the embedder and the texts' content hash, so that a stale file is never used."""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

TEXT_VECTORS_DIR = "framework-vectors"
"""Under the data directory: one file per guide and embedder holding the vectors of the framework's texts that the
notes engine compares notes with, so that no process embeds them on its first scorecard."""


def texts_hash(texts: Sequence[str]) -> str:
    """The content hash of the texts that were embedded: any change of the framework's wording changes it."""
    return hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()


def text_vectors_path(data_dir: Path, guide_id: str, embedder_name: str) -> Path:
    """Where the framework's text vectors for one guide and one embedder live."""
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", guide_id).strip("-._") or "guide"
    model = hashlib.sha256(embedder_name.encode("utf-8")).hexdigest()[:16]
    return data_dir / TEXT_VECTORS_DIR / f"{slug}-{model}.npz"


def save_text_vectors(
    path: Path, embedder_name: str, texts: Sequence[str], matrix: np.ndarray, *, compressed: bool = False
) -> None:
    """Write the vectors atomically (a reader never sees half a file; the last writer wins); `compressed` for a file
    shipped in the repository."""
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    meta = json.dumps({"embedder": embedder_name, "texts_hash": texts_hash(texts), "count": len(texts)})
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        save = np.savez_compressed if compressed else np.savez
        save(handle, meta=np.array(meta), texts=np.array(list(texts)), matrix=np.asarray(matrix, dtype=np.float32))
    os.replace(tmp, path)


def load_text_vectors(path: Path, embedder_name: str, texts: Sequence[str]) -> np.ndarray | None:
    """The stored vectors of exactly `texts` (one row each, in order) for this embedder, or None when the file is
    missing, unreadable or stale (another embedder, other texts)."""
    import numpy as np

    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            if meta.get("embedder") != embedder_name or meta.get("texts_hash") != texts_hash(texts):
                return None
            matrix = np.asarray(data["matrix"], dtype=np.float64)
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):  # missing, truncated, corrupt: stale
        return None
    return matrix if matrix.shape[0] == len(texts) else None


def stored_or_embedded(path: Path | None, embedder_name: str, texts: Sequence[str], embed: Callable[[], Any]) -> Any:
    """The vectors of `texts` stored at `path` for this embedder, else `embed()`'s, stored there when it can be (a
    read-only data directory keeps them in memory for this process only)."""
    matrix = load_text_vectors(path, embedder_name, texts) if path is not None else None
    if matrix is None:
        matrix = embed()
        if path is not None:
            try:
                save_text_vectors(path, embedder_name, texts, matrix)
            except OSError:
                pass  # a read-only data directory
    return matrix
