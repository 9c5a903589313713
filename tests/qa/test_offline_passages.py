"""LLM-mode answers completed with the passages the offline answer rests on and the model left out (quoted verbatim,
cited), so a small model that answers from one of the offline engine's passages does not lose the others."""

from __future__ import annotations

import re

from assistant.qa import ask
from assistant.qa.offline import ALSO_HEAD
from assistant.services import Services

from fake_llm import FakeStructuredChatModel

# The offline engine cites two passages for it: the glossary entry and the competencies section. ("what's a value
# chain (chaine de valeur)?" now gets the glossary's definition alone: one term said in both languages is asked to be
# defined, stop 55.)
QUESTION = "la chaîne de valeur, ça sert à quoi pour un AM ?"
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


# The offline engine answers it with the opening sentence of the passage on the job; the question shares too few of
# the guide's words for the best-matching quote (guide_quote) to find that sentence on its own.
DUTIES = "What does an account manager do?"


def test_the_offline_engines_sentence_of_a_passage_the_model_also_cites_is_quoted_after_a_paraphrase(
    services,
) -> None:
    from assistant.qa.offline import QUOTE_HEAD

    offline = ask(DUTIES, services)
    first = offline.citations[0]
    sentence = "Auparavant appelé « gestionnaire de compte »"
    assert sentence in offline.answer and sentence in first.text  # the case this test is about
    reply = {"answer": "They look after the client's account once it is signed.", "abstain": False}
    answer = ask(DUTIES, _llm(services, {**reply, "citations": [first.chunk_id]}))
    assert answer.backend != "offline" and answer.answer.startswith(reply["answer"])
    assert QUOTE_HEAD["en"] in answer.answer and sentence in answer.answer
    assert answer.answer.count(QUOTE_HEAD["en"]) == 1  # one block for the one passage cited
    mark = re.search(r"\[(\d+)\]", answer.answer.split(sentence, 1)[1])
    assert mark and answer.citations[int(mark.group(1)) - 1].chunk_id == first.chunk_id  # cited where it comes from
    assert answer.answer.count(sentence) == 1


def test_no_sentence_is_quoted_again_when_the_model_kept_the_guides_words(services) -> None:
    question = "Peut-on faire passer une étude de cas ?"
    offline = ask(question, services)
    first = offline.citations[0]
    kept = re.sub(r"\s*\[\d+\]", "", offline.answer)  # the offline extract, in the model's answer
    reply = {"answer": kept, "abstain": False, "citations": [first.chunk_id]}
    answer = ask(question, _llm(services, reply))
    assert answer.answer.count("étude de cas écrite") == 1


def test_offline_sentences_are_the_passage_sentences_the_offline_answer_holds(services) -> None:
    from assistant.qa.offline import offline_sentences

    offline = ask(DUTIES, services)
    found = offline_sentences(offline, offline.citations[0].text)
    assert found and all(s in offline.answer for s in found)
    assert all(s in offline.citations[0].text.replace("**", "") for s in found)
