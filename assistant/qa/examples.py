"""Example questions: how close a question is to questions the guide covers, and to questions it does not.

A guide may ship `examples.yaml` beside `guide.md` (for the account-manager guide, the QA dev split's questions,
written by evals/build_examples.py). The offline engine's abstention model (offline.Evidence) takes one number from
them, `margin`: how much more similar the question is to its nearest covered examples than to its nearest
uncovered ones.
A question nearer to "what notice period for an AM?" (not covered) than to anything the guide answers is evidence
that the guide does not answer it either; the dense similarity to the guide's passages cannot tell the two apart,
since both are about the guide's subjects.

Measured on the dev split by evals/calibrate_qa.py, leave-one-out, each question's own dev file held out of the
examples (stop 50): with the margin, at the threshold it chose (0.20), the model abstained on 192 of 289 out-of-scope
questions for 8 false abstentions of 468; without it, on 148 for 8 (threshold 0.15).

The vectors are those of the embedder the abstention model was fitted with (`calibration.EMBEDDER`); with any other
embedder the margin is 0 (no evidence either way). guide/examples.py loads the questions and their vectors.

`held_out(sources)` leaves out the examples of some dev files for the calls inside it: evals and the calibration on
dev compare each dev question only with examples from other files (otherwise it would find itself).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..guide.examples import Example, example_vectors, load_examples
from ..text import fold_plain, plain_words
from . import calibration

if TYPE_CHECKING:
    from ..guide.embeddings import Embedder

NEIGHBOURS = 5
"""How many nearest examples of each kind the margin averages. One (the nearest) is noisy: a question shares its
wording with an out-of-scope example that differs by one detail (a city, a job). On dev, leave-one-file-out, at 6-7
false abstentions of 468: 182 of 289 out of scope abstained with 1, 213 with 3, 223-231 with 4 to 10 (a plateau)."""

_EXPLAINED: dict[tuple[str, ...], tuple[list[Example], Any]] = {}

_LOCK = threading.Lock()  # the UI answers several questions at once: the caches below are read and bounded under it


def _keep(cache: dict[Any, Any], key: Any, value: Any, size: int) -> Any:
    """Store `value` under `key`, dropping the oldest entry beyond `size`; return `value`."""
    with _LOCK:
        if key not in cache and len(cache) >= size:
            cache.pop(next(iter(cache), None), None)
        cache[key] = value
    return value


_HELD_OUT: ContextVar[frozenset[str]] = ContextVar("held_out_example_sources", default=frozenset())


@contextmanager
def held_out(sources: frozenset[str] | set[str]) -> Iterator[None]:
    """Leave out the examples that come from these source files for the calls made inside the block."""
    token = _HELD_OUT.set(frozenset(sources))
    try:
        yield
    finally:
        _HELD_OUT.reset(token)


def sources_of(question: str, guide_dir: Path) -> frozenset[str]:
    """The dev files an example identical to `question` comes from (what an eval on dev holds out for it)."""
    text = " ".join(question.split())
    return frozenset(e.source for e in load_examples(guide_dir) if e.q == text)


def usable(embedder: Embedder | None) -> bool:
    """Whether the margin means something with this embedder: the one the abstention model was fitted with."""
    return embedder is not None and embedder.name.split("@")[0] == calibration.EMBEDDER


def _similarities(question: str, services: Any) -> tuple[list[Example], Any, Any, Any, Any] | None:
    """The examples, the question's similarity to each, and the masks of those it may use (not held out) that are
    covered and uncovered (less those the rules explain); None without usable examples."""
    import numpy as np

    kb = services.kb
    embedder = kb.embedder
    if not kb.dense or not usable(embedder):
        return None
    settings = services.settings
    examples, matrix = example_vectors(settings.guide_dir, kb.guide.id, embedder, settings.data_dir)
    if not examples:
        return None
    held = _HELD_OUT.get()
    keep = np.array([e.source not in held for e in examples])
    covered = np.array([e.covered for e in examples])
    uncovered = ~covered & ~_explained(examples, services)
    sims = matrix @ np.asarray(_query_vector(embedder, question), dtype=float)
    return examples, sims, keep, keep & covered, keep & uncovered


_VECTORS: dict[tuple[str, str], Any] = {}


def _query_vector(embedder: Embedder, question: str) -> Any:
    """The question (shorthand spelled out) embedded as a query; the last few kept, since margin and votes
    ask for the same one."""
    from .shorthand import spelled_out

    key = (embedder.name, question)
    vector = _VECTORS.get(key)
    if vector is None:
        vector = _keep(_VECTORS, key, embedder.embed_query(spelled_out(question)), 32)
    return vector


def margin(question: str, services: Any) -> float:
    """Mean similarity to the NEIGHBOURS nearest covered examples less that to the nearest uncovered ones, leaving
    out the held-out files; 0.0 without examples of both kinds or with an embedder the abstention model was not
    fitted with."""
    found = _similarities(question, services)
    if found is None:
        return 0.0
    _, sims, _, covered, uncovered = found
    if not covered.any() or not uncovered.any():
        return 0.0
    return float(_nearest(sims[covered]) - _nearest(sims[uncovered]))


@dataclass(frozen=True)
class Votes:
    """What the covered examples nearest a question say answers it: `sections`, each section's share of the
    NEIGHBOURS nearest; `passages`, each passage's (chunk id's) share of the PASSAGE_NEIGHBOURS nearest (an example
    whose words are in two passages gives each half its vote)."""

    sections: dict[str, float] = field(default_factory=dict)
    passages: dict[str, float] = field(default_factory=dict)


PASSAGE_NEIGHBOURS = 3
"""How many nearest covered examples vote for a passage. Measured on dev, each question's own file held out, with the
section votes at 0.003 (qa.SECTION_BONUS): the expected passage in the top 3 for .915 of answerable questions with no
passage vote, .925-.932 with 2 to 5 voters at a passage bonus of 0.004-0.006, down to .908 at 0.015 (stop 51)."""


def votes(question: str, services: Any) -> Votes:
    """The sections and passages the nearest covered examples (not held out) name; empty without usable examples."""
    import numpy as np

    found = _similarities(question, services)
    if found is None:
        return Votes()
    examples, sims, _, covered, _ = found
    idx = np.flatnonzero(covered)
    if not len(idx):
        return Votes()
    ranked = idx[np.argsort(-sims[idx], kind="stable")]
    sections: dict[str, float] = {}
    top = ranked[:NEIGHBOURS]
    for i in top:
        sections[examples[i].section] = sections.get(examples[i].section, 0.0) + 1.0 / len(top)
    passages: dict[str, float] = {}
    top = ranked[:PASSAGE_NEIGHBOURS]
    answering = _answering(examples, services.kb)
    for i in top:
        for chunk_id in answering[i]:
            passages[chunk_id] = passages.get(chunk_id, 0.0) + 1.0 / len(top) / len(answering[i])
    return Votes(sections=sections, passages=passages)


_ANSWERING: dict[tuple[str, ...], tuple[list[Example], list[tuple[str, ...]]]] = {}


def _answering(examples: list[Example], kb: Any) -> list[tuple[str, ...]]:
    """Per example, the ids of the guide's passages that answer it: those under its section whose text holds its
    `contains` (folded, as the evals match a case's passage); () for an uncovered example, one without `contains`,
    or one whose words the guide no longer holds (an edited guide: the example then votes for no passage). Kept per
    set of passages (chunk ids change with their text) for this list of examples (a new version of the file is a
    new list)."""

    def build() -> list[tuple[str, ...]]:
        chunks = [(c.id, fold_plain(c.section), fold_plain(c.text)) for c in kb.chunks]
        return [_passages_of(e, chunks) for e in examples]

    return _per_examples(_ANSWERING, examples, kb, build)


def _per_examples(cache: dict[Any, Any], examples: list[Example], kb: Any, build: Any) -> Any:
    """`build()`, kept for this guide's passages (keyed by their ids, which change with their text) and this list of
    examples: a new version of the file is a new list, and an old list's address may be reused once it is gone,
    hence the identity check rather than a key on id()."""
    key = tuple(c.id for c in kb.chunks)
    cached = cache.get(key)
    if cached is None or cached[0] is not examples:
        cached = _keep(cache, key, (examples, build()), 8)
    return cached[1]


def _passages_of(example: Example, chunks: list[tuple[str, str, str]]) -> tuple[str, ...]:
    """The ids of the (id, section, text) chunks, folded, that answer a covered example: under its section, holding
    its `contains` as whole words ("CES" names the glossary entry, not « nécessitant »)."""
    section = fold_plain(example.section)
    if not example.covered or not fold_plain(example.contains) or not section:
        return ()
    pattern = plain_words(example.contains)
    return tuple(cid for cid, in_section, text in chunks if section in in_section and pattern.search(text))


def _explained(examples: list[Example], services: Any) -> Any:
    """Per example: an uncovered question whose reason the code's own rules give (a subject the guide leaves out,
    another job, pay set abroad). Those are left out of the uncovered side: "AM salary in London?" is out of scope for
    its city, which pay_abroad catches, not for its subject; as a neighbour it would count against "AM salary in
    Lyon?" (stop 44's review found a probe over the question's embedding refusing pay in French cities for this
    reason). On dev, leave-one-file-out: 230 of 289 out of scope abstained for 7 false abstentions of 468 without
    them, 223 for 6 with them; and the questions of tests/qa/test_context_questions_stop44.py keep their answers."""
    import numpy as np

    from .offline import unknown_job
    from .shorthand import off_topic, other_role, pay_abroad

    kb, fw = services.kb, services.framework

    def build() -> Any:
        return np.array(
            [
                not e.covered and bool(off_topic(e.q) or other_role(e.q) or unknown_job(e.q, kb, fw) or pay_abroad(e.q))
                for e in examples
            ]
        )

    return _per_examples(_EXPLAINED, examples, kb, build)  # unknown_job reads the guide


def _nearest(sims: Any) -> float:
    import numpy as np

    return float(np.sort(sims)[-NEIGHBOURS:].mean())
