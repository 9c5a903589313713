"""The guide's example questions (stop 50): the dev split's questions, covered or not, that the offline abstention
model compares a question with (assistant/qa/examples.py, assistant/guide/examples.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from assistant.errors import ConfigError
from assistant.guide.embeddings import HashEmbeddings
from assistant.guide.examples import VECTORS_FILE, example_texts, example_vectors, load_examples
from assistant.guide.vectors import load_text_vectors
from assistant.qa import evidence_for
from assistant.qa.examples import _explained, held_out, margin, sources_of, usable
from assistant.text import fold

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "evals"))


def _norm(text: str) -> str:
    return " ".join(fold(text).split())


def test_the_examples_file_is_the_dev_split_as_built(framework) -> None:
    import build_examples

    path = ROOT / "knowledge" / "account-manager" / "examples.yaml"
    assert path.read_text(encoding="utf-8") == build_examples.render(build_examples.examples()), (
        "knowledge/account-manager/examples.yaml is out of date: run python evals/build_examples.py"
    )


def test_no_test_question_is_an_example(session_settings) -> None:
    from assistant.evaluation.qa import load_split

    examples = {_norm(e.q) for e in load_examples(session_settings.guide_dir)}
    test_cases, _ = load_split("test")
    assert test_cases
    leaked = [c["id"] for c in test_cases if _norm(c["q"]) in examples]
    assert leaked == []
    dev_cases, _ = load_split("dev")
    dev = {_norm(c["q"]) for c in dev_cases}
    assert examples == dev - {_norm(c["q"]) for c in test_cases}


def test_the_shipped_vectors_are_those_of_the_examples(kb, session_settings) -> None:
    examples = load_examples(session_settings.guide_dir)
    matrix = load_text_vectors(session_settings.guide_dir / VECTORS_FILE, kb.embedder.name, example_texts(examples))
    assert matrix is not None, "examples.npz is stale for these embeddings: run python evals/build_examples.py"
    assert matrix.shape == (len(examples), kb.embedder.dim)


def test_a_dev_question_finds_itself_unless_its_file_is_held_out(services) -> None:
    examples = load_examples(services.settings.guide_dir)
    covered = next(e for e in examples if e.covered)
    assert sources_of(covered.q, services.settings.guide_dir) == {covered.source}
    assert sources_of("a question no example holds, about nothing", services.settings.guide_dir) == frozenset()
    seen = margin(covered.q, services)
    with held_out({covered.source}):
        blind = margin(covered.q, services)
    assert seen > blind  # its own copy, at similarity 1, is on the covered side only when not held out
    explained = _explained(examples, services)
    uncovered = next(e for i, e in enumerate(examples) if not e.covered and not explained[i])
    with held_out({uncovered.source}):
        blind = margin(uncovered.q, services)
    assert margin(uncovered.q, services) < blind


def test_the_margin_is_nothing_without_the_calibrated_embeddings(services) -> None:
    assert usable(services.kb.embedder)
    assert not usable(HashEmbeddings())
    assert not usable(None)
    bm25_only = SimpleNamespace(kb=SimpleNamespace(dense=False, embedder=None), settings=services.settings)
    assert margin("Quel salaire pour un AM débutant ?", bm25_only) == 0.0


def test_a_question_the_framework_answers_is_not_weighed_by_the_examples(services) -> None:
    _, evidence = evidence_for("Quel salaire pour un account manager débutant ?", services)
    assert evidence is not None and evidence.structured
    assert evidence.features("fr")["example_margin"] == 0.0
    _, evidence = evidence_for("What notice period should an AM give when resigning?", services)
    assert evidence is not None and not evidence.structured
    assert evidence.features("en")["example_margin"] == min(evidence.example_margin, 0.0)


def test_a_missing_examples_file_is_no_examples_and_a_broken_one_an_error(tmp_path: Path) -> None:
    assert load_examples(tmp_path) == []
    (tmp_path / "examples.yaml").write_text("examples:\n- covered: true\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="examples.yaml"):
        load_examples(tmp_path)
    (tmp_path / "examples.yaml").write_text("examples: [", encoding="utf-8")
    with pytest.raises(ConfigError, match="build_examples"):
        load_examples(tmp_path)


def test_vectors_not_shipped_are_embedded_once_and_stored(tmp_path: Path) -> None:
    guide_dir, data_dir = tmp_path / "guide", tmp_path / "data"
    guide_dir.mkdir()
    (guide_dir / "examples.yaml").write_text(
        "examples:\n"
        "- {q: 'Quel salaire pour un AM ?', covered: true, section: Grille de salaire, source: a.yaml}\n"
        "- {q: 'Quel préavis pour un AM ?', covered: false, source: b.yaml}\n",
        encoding="utf-8",
    )
    embedder = HashEmbeddings()
    examples, matrix = example_vectors(guide_dir, "g", embedder, data_dir)
    assert [e.covered for e in examples] == [True, False] and matrix.shape == (2, embedder.dim)
    stored = list(data_dir.rglob("*.npz"))
    assert len(stored) == 1
    assert load_text_vectors(stored[0], embedder.name, example_texts(examples)) is not None


def test_the_nearest_covered_examples_vote_for_the_section_that_answers(services) -> None:
    from assistant.qa.examples import NEIGHBOURS
    from assistant.qa.examples import votes as example_votes

    votes = example_votes("c'est combien le fixe d'un AM qui débute ?", services).sections
    assert max(votes, key=lambda s: votes[s]) == "Grille de salaire"
    assert sum(votes.values()) == pytest.approx(1.0) and len(votes) <= NEIGHBOURS
    bm25_only = SimpleNamespace(kb=SimpleNamespace(dense=False, embedder=None), settings=services.settings)
    assert example_votes("c'est combien le fixe d'un AM qui débute ?", bm25_only).sections == {}


def test_a_voted_section_moves_its_passages_up(services) -> None:
    from assistant.guide.models import ScoredChunk
    from assistant.qa import SECTION_BONUS, voted
    from assistant.qa.examples import Votes

    chunks = services.kb.chunks
    first = next(c for c in chunks if c.section == "Le métier")
    second = next(c for c in chunks if c.section == "Grille de salaire")
    pool = [ScoredChunk(chunk=first, score=0.0320), ScoredChunk(chunk=second, score=0.0310)]
    assert voted(pool, Votes()) == pool
    assert [h.chunk.id for h in voted(pool, Votes({"Grille de salaire": 1.0}))] == [second.id, first.id]
    assert voted(pool, Votes({"Grille de salaire": 1.0}))[0].score == pytest.approx(0.0310 + SECTION_BONUS)
    # a vote for a section is not one for its subsections
    soft = next(c for c in chunks if c.section.endswith("> Les 5 soft skills"))
    pool = [ScoredChunk(chunk=first, score=0.0320), ScoredChunk(chunk=soft, score=0.0310)]
    assert voted(pool, Votes({"Les formations": 1.0}))[0].chunk.id == first.id


def test_a_voted_passage_moves_up_within_its_section(services) -> None:
    from assistant.guide.models import ScoredChunk
    from assistant.qa import PASSAGE_BONUS, SECTION_BONUS, voted
    from assistant.qa.examples import Votes

    first, second = [c for c in services.kb.chunks if c.section == "Les process d’entretien"][:2]
    pool = [ScoredChunk(chunk=first, score=0.0320), ScoredChunk(chunk=second, score=0.0310)]
    # a section vote lifts both passages alike; a passage vote only the one it names
    assert [h.chunk.id for h in voted(pool, Votes({"Les process d’entretien": 1.0}))] == [first.id, second.id]
    moved = voted(pool, Votes({"Les process d’entretien": 1.0}, {second.id: 1.0}))
    assert [h.chunk.id for h in moved] == [second.id, first.id]
    assert moved[0].score == pytest.approx(0.0310 + SECTION_BONUS + PASSAGE_BONUS)


def test_the_nearest_covered_examples_vote_for_the_passage_that_answers(services) -> None:
    from assistant.qa.examples import PASSAGE_NEIGHBOURS, votes

    found = votes("c'est quoi le churn au juste ?", services)
    assert found.passages and sum(found.passages.values()) == pytest.approx(1.0)
    best = services.kb.get(max(found.passages, key=lambda c: found.passages[c]))
    assert best is not None and "churn" in best.text.lower()
    assert len(found.passages) <= PASSAGE_NEIGHBOURS * 2


def test_an_example_names_the_passages_that_hold_its_words(services) -> None:
    from assistant.guide.examples import Example
    from assistant.qa.examples import _answering

    examples = [
        Example(q="a", covered=True, section="Grille de salaire", source="x", contains="2920 €"),
        Example(q="b", covered=True, section="Grille de salaire", source="x", contains="words the guide never had"),
        Example(q="c", covered=True, section="Le métier", source="x", contains="2920"),  # not in that section
        Example(q="d", covered=False, section="", source="x"),
        Example(q="e", covered=True, section="Grille de salaire", source="x"),  # no contains: no passage
        Example(q="f", covered=True, section="Les mots incontournables", source="x", contains="CES"),
        Example(q="g", covered=True, section="Grille de salaire", source="x", contains="  "),
        Example(q="h", covered=True, section="", source="x", contains="account manager"),
    ]
    found = _answering(examples, services.kb)
    assert len(found[0]) == 1 and "2920" in services.kb.get(found[0][0]).text
    assert found[1:5] == [(), (), (), ()]
    # whole words: "CES" is the glossary entry, not « nécessitant » or « performances »
    assert len(found[5]) == 1 and "Customer effort score" in services.kb.get(found[5][0]).text
    assert found[6:] == [(), ()]  # blank words or no section name no passage


@pytest.mark.parametrize(
    "question",
    [
        "What job title should I use to hire a software engineer?",
        "How should I manage the trial period of a software engineer?",
        "Quel intitulé de poste pour recruter un SDR ?",
    ],
)
def test_recruiting_for_another_job_is_not_answered_from_the_ams_framework(services, question: str) -> None:
    """Review of stop 50: after the refit these got the AM's titles, steps and trial-period advice."""
    from assistant.qa import ask

    answer = ask(question, services)
    assert answer.abstained and answer.notice and "account manager" in answer.notice, answer.answer


def test_the_qa_eval_holds_each_dev_question_s_own_file_out(services, monkeypatch) -> None:
    import assistant.qa as qa
    from assistant.evaluation.qa import ours
    from assistant.qa import examples as ex

    seen: list[frozenset[str]] = []
    real = qa.margin

    def spy(question: str, svc: object) -> float:
        seen.append(ex._HELD_OUT.get())
        return real(question, svc)

    monkeypatch.setattr(qa, "margin", spy)
    example = next(e for e in load_examples(services.settings.guide_dir) if e.covered)
    ours(services)(example.q)
    ours(services)("a question no example holds, about the guide's salary grid?")
    assert seen == [frozenset({example.source}), frozenset()]
    assert ex._HELD_OUT.get() == frozenset()  # nothing held out after the call


class _Counting(HashEmbeddings):
    calls = 0

    def embed_query(self, text: str) -> list[float]:
        _Counting.calls += 1
        return super().embed_query(text)


def test_stored_vectors_are_reused_by_the_next_process_and_a_corrupt_file_is_stale(tmp_path: Path) -> None:
    from assistant.guide import examples as guide_examples

    guide_dir, data_dir = tmp_path / "guide", tmp_path / "data"
    guide_dir.mkdir()
    (guide_dir / "examples.yaml").write_text(
        "examples:\n- {q: 'Quel salaire ?', covered: true, section: S, source: a}\n"
        "- {q: 'Quel préavis ?', covered: false, source: b}\n",
        encoding="utf-8",
    )
    embedder = _Counting()
    example_vectors(guide_dir, "g", embedder, data_dir)
    example_vectors(guide_dir, "g", embedder, data_dir)
    assert _Counting.calls == 2  # two examples, embedded once
    guide_examples._VECTORS.clear()  # as a new process
    example_vectors(guide_dir, "g", embedder, data_dir)
    assert _Counting.calls == 2  # loaded from the data directory
    (guide_dir / VECTORS_FILE).write_bytes(b"PK\x03\x04 truncated")
    assert guide_examples.shipped_embedder(guide_dir) is None
    assert load_text_vectors(guide_dir / VECTORS_FILE, embedder.name, ["x"]) is None
    assert not guide_examples.worth_storing(guide_dir, embedder)


def test_covered_must_be_a_boolean_and_no_examples_cost_nothing(tmp_path: Path) -> None:
    from assistant.guide import examples as guide_examples

    (tmp_path / "examples.yaml").write_text("examples:\n- {q: 'Quel salaire ?', covered: 'false'}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="covered"):
        load_examples(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    before = len(guide_examples._VECTORS)
    for _ in range(3):
        assert example_vectors(empty, "g", HashEmbeddings(), None)[0] == []
    assert len(guide_examples._VECTORS) == before


def test_a_new_version_of_the_examples_gets_its_own_passages(services, monkeypatch) -> None:
    """The mapping from examples to passages is kept per list of examples: another list (a new version of the file)
    is mapped anew, and so is a list that finds an entry left by another one for the same passages."""
    from assistant.guide.examples import Example
    from assistant.qa import examples as module

    first = [Example(q="a", covered=True, section="Grille de salaire", source="x", contains="2920")]
    second = [Example(q="a", covered=True, section="Le métier", source="x", contains="gestionnaire de compte")]
    kb = services.kb
    assert "2920" in kb.get(module._answering(first, kb)[0][0]).text
    assert "gestionnaire de compte" in kb.get(module._answering(second, kb)[0][0]).text
    monkeypatch.setitem(module._ANSWERING, tuple(c.id for c in kb.chunks), ([], [("stale",)]))
    assert "2920" in kb.get(module._answering(first, kb)[0][0]).text
