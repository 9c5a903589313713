"""LLM-mode answers completed with the passages the offline answer rests on and the model left out (quoted verbatim,
cited), so a small model that answers from one of the offline engine's passages does not lose the others."""

from __future__ import annotations

import re

from assistant.qa import ask
from assistant.qa.offline import ALSO_HEAD
from assistant.services import Services

from fake_llm import FakeStructuredChatModel

# The offline engine cites two passages for it: the glossary entry and the competencies section. The question reads
# as French (its guide term), so the answer is in French.
QUESTION = "what's a value chain (chaine de valeur)?"
REPLY = {"answer": "Une chaîne de valeur décrit les activités clés de l'entreprise.", "abstain": False}


def _llm(services, *responses) -> Services:
    model = FakeStructuredChatModel(responses=list(responses))
    return Services(settings=services.settings, kb=services.kb, framework=services.framework, chat_model=model)


def test_a_passage_of_the_offline_answer_the_model_left_out_is_quoted_and_cited(services) -> None:
    offline = ask(QUESTION, services)
    ids = [c.chunk_id for c in offline.citations]
    assert len(ids) == 2, ids
    first = offline.citations[0]
    reply = REPLY
    answer = ask(QUESTION, _llm(services, {**reply, "citations": [first.chunk_id]}))
    assert [c.chunk_id for c in answer.citations] == ids
    assert answer.answer.startswith(reply["answer"]) and ALSO_HEAD["fr"] in answer.answer
    quoted = answer.answer.split(ALSO_HEAD["fr"], 1)[1].split("« ", 1)[1].split(" »", 1)[0]
    assert quoted in offline.citations[1].text  # verbatim from the passage it cites
    assert answer.answer.rstrip().endswith("[2]")


def test_nothing_is_added_when_the_model_answer_draws_on_every_offline_passage(services) -> None:
    offline = ask(QUESTION, services)
    ids = [c.chunk_id for c in offline.citations]
    # The offline extract without its [n] marks (which read as figures) holds a sentence of each passage.
    reply = {"answer": re.sub(r"\s*\[\d+\]", "", offline.answer), "abstain": False, "citations": ids}
    answer = ask(QUESTION, _llm(services, reply))
    assert [c.chunk_id for c in answer.citations] == ids
    assert ALSO_HEAD["fr"] not in answer.answer


def test_nothing_is_added_where_the_offline_engine_abstains(services) -> None:
    question = "Quel est le taux de TVA sur les logiciels ?"
    assert ask(question, services).citations == []
    cited = services.kb.search(question, 1)[0].chunk.id
    reply = {"answer": "Le taux de TVA est de 20 % sur les logiciels.", "abstain": False, "citations": [cited]}
    answer = ask(question, _llm(services, reply, reply))
    assert ALSO_HEAD["fr"] not in answer.answer  # the model's answer (shown or withheld), never an offline quote
