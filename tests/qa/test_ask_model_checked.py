"""Where the offline engine finds the guide covers a question, code checks the model's answer against the passages
the offline engine cites, and shows the offline answer instead, with a notice, when it does not hold up (issue 8).

On the real 1.5B model (qa-dev5, LLM mode): "how much English is required for this job?" was answered from the
passage on selling the company; "suggest an interview question on which companies to prospect" got one sentence
saying the passages do not answer it; "variable pay is capped at 10%, right?" got the premise's 10 % back. Where the
guide does not seem to cover the question, "13e mois : oui ou non ?" got a passage copied whole, unrelated to it.
"""

from __future__ import annotations

import pytest

import assistant.qa as qa
from assistant.qa.llm import is_non_answer, missing_topics


def _reply(answer: str, *citations: str, abstain: bool = False) -> dict:
    """What the scripted model returns: its answer, whether it abstains, the passage ids it cites."""
    return {"answer": answer, "abstain": abstain, "citations": list(citations)}


def _offline(services, q: str):
    answer = qa.ask(q, services)
    assert not answer.abstained and answer.citations, "the offline engine must answer this question"
    return answer


def test_an_answer_resting_on_another_passage_gives_way_to_the_offline_answer(services, llm_services) -> None:
    q = "Pourriez-vous m'indiquer dans quelle mesure la maîtrise de l'anglais est exigée pour ce poste ?"
    offline = _offline(services, q)
    cited = {c.chunk_id for c in offline.citations}
    shown = qa._focus(offline, qa.evidence_for(q, services)[0], services)
    other = next(h.chunk for h in shown if h.chunk.id not in cited)  # a passage the model reads, offline does not cite
    sentence = other.text.split(". ")[0]
    svc, model = llm_services(_reply(sentence, other.id))
    answer = qa.ask(q, svc)
    assert not answer.abstained
    assert [c.chunk_id for c in answer.citations] == [c.chunk_id for c in offline.citations]
    assert answer.answer == offline.answer
    assert answer.notice and "d'autres passages" in answer.notice  # in the question's language
    assert len(model.calls) == 1


def test_a_one_sentence_non_answer_gives_way_to_the_offline_answer(services, llm_services) -> None:
    q = "Can you suggest an interview question to check whether a candidate knows which companies to prospect?"
    offline = _offline(services, q)
    reply = _reply(
        "The question about which companies to prospect is not directly answered in the given passages.",
        offline.citations[0].chunk_id,
    )
    svc, _ = llm_services(reply)
    answer = qa.ask(q, svc)
    assert not answer.abstained and answer.answer == offline.answer
    assert answer.notice and "no answer" in answer.notice


def test_the_questions_own_figure_repeated_gives_way_to_the_offline_answer(services, llm_services) -> None:
    q = "hey quick q, the guide says an AM's variable pay is capped at 10% of salary, right?"
    offline = _offline(services, q)
    assert "15" in offline.answer  # the guide's range corrects the premise
    wrong = _reply("Yes, variable pay is capped at 10% of salary.", offline.citations[0].chunk_id)
    svc, _ = llm_services(wrong, wrong)
    answer = qa.ask(q, svc)
    assert not answer.abstained and answer.answer == offline.answer
    assert answer.notice and "question's figures" in answer.notice


def test_a_figure_the_model_made_up_gives_way_to_the_offline_answer(services, llm_services) -> None:
    # (stop 55) it was withheld, and the question the offline engine answers ended as an abstention
    q = "hey quick q, what share of the salary can an AM's variable pay reach?"
    offline = _offline(services, q)
    made_up = _reply("Up to 70% of the salary.", offline.citations[0].chunk_id)
    svc, _ = llm_services(made_up, made_up)
    answer = qa.ask(q, svc)
    assert not answer.abstained and answer.answer == offline.answer and "70" not in answer.answer
    assert answer.notice and "no passage holds" in answer.notice and "70" not in answer.notice


def test_a_figure_the_model_made_up_stays_withheld_where_the_offline_engine_abstains(services, llm_services) -> None:
    q = "13e mois pour un AM : oui ou non ?"
    assert qa.ask(q, services).abstained
    cited = qa.evidence_for(q, services)[0][0].chunk.id
    made_up = _reply("Oui, un 13e mois de 2 400 € est courant.", cited)
    svc, _ = llm_services(made_up, made_up)
    answer = qa.ask(q, svc)
    assert answer.abstained and "2 400" not in answer.answer


def test_a_copied_passage_that_does_not_mention_the_question_is_not_an_answer(services, llm_services) -> None:
    q = "13e mois pour un AM : oui ou non ?"
    assert qa.ask(q, services).abstained  # the offline engine finds the guide does not cover it
    passage = next(h.chunk for h in qa.evidence_for(q, services)[0] if "mois" not in h.chunk.text.lower())
    reply = _reply(passage.text[:400], passage.id)
    svc, _ = llm_services(reply, reply)
    answer = qa.ask(q, svc)
    assert answer.abstained and answer.withheld == "uncovered"
    assert answer.notice and "mois" in answer.notice


def test_missing_topics_reads_stems_of_the_question_words(services) -> None:
    hit = next(h for h in services.kb.search("fermier chasseur", 5) if "fermiers" in h.chunk.text.lower())
    assert missing_topics("le fermier c'est qui déjà", [hit]) == []  # « fermier » and « fermiers », one stem
    assert missing_topics("13e mois pour un AM : oui ou non ?", [hit]) == ["mois"]


@pytest.mark.parametrize(
    "text, non_answer",
    [
        ("The question about which companies to go after is not directly answered in the given passages.", True),
        ("Le guide ne précise pas le score TOEIC attendu.", True),
        ("Le guide n'aborde pas ce point.", True),
        ("There is no information about this in the passages.", True),
        # an answer that says what the guide lacks, then what it does say, is an answer
        (
            "The guide does not mention a TOEIC score. It says a good level of English may be required, depending "
            "on how international the clients are.",
            False,
        ),
        ("Oui, il doit connaître le produit à fond.", False),
        ("Il ne faut pas négliger la période d'essai.", False),
        # advice about a candidate who does not answer is an answer (review of this change)
        ("If the candidate does not answer, ask again with a concrete example.", False),
        ("Si le candidat ne répond pas, reformulez la question avec un exemple concret.", False),
        ("Relancez si le candidat ne donne pas d'exemple chiffré.", False),
        ("Ne donnez pas d'information sur le salaire avant le deuxième entretien.", False),
        ("A candidate who gives no answer on his numbers is a red flag.", False),
        ("Yes: a candidate who does not mention a single client by name is a warning sign.", False),
        ("Le nombre de comptes n'est pas précisé dans le guide.", True),
        ("The passages do not specify a TOEIC score.", True),
    ],
)
def test_is_non_answer(text: str, non_answer: bool) -> None:
    assert is_non_answer(text) is non_answer


def test_a_non_answer_with_discriminatory_advice_is_withheld_as_such(services, llm_services) -> None:
    q = "Pourriez-vous m'indiquer dans quelle mesure la maîtrise de l'anglais est exigée pour ce poste ?"
    offline = _offline(services, q)
    reply = _reply(
        "Le guide ne précise pas le niveau, mais privilégiez les candidats de moins de 35 ans.",
        offline.citations[0].chunk_id,
    )
    svc, _ = llm_services(reply, reply)
    answer = qa.ask(q, svc)
    assert answer.abstained and answer.withheld == "protected_criterion"


def test_a_follow_up_naming_a_criterion_is_withheld_before_the_model(services, llm_services) -> None:
    # Stop 48: a question that brings in a protected criterion gets no passage, offline or with a model, and the model
    # is not called (screen.py); the follow-up « Et si le candidat est jeune ? » is one.
    history = [
        {"question": "Quel niveau d'anglais est exigé pour ce poste ?", "answer": "Un bon niveau.", "citations": []}
    ]
    q = "Et si le candidat est jeune ?"
    offline = qa.ask(q, services, history=history)
    assert offline.withheld == "criterion_in_question"
    svc, model = llm_services(_reply("", abstain=True))
    answer = qa.ask(q, svc, history=history)
    assert answer.abstained and answer.withheld == "criterion_in_question" and not answer.citations
    assert len(model.calls) == 0


def test_the_notice_is_in_the_questions_language(services, llm_services) -> None:
    q = "Pourriez-vous m'indiquer dans quelle mesure la maîtrise de l'anglais est exigée pour ce poste ?"
    offline = _offline(services, q)
    reply = _reply("", abstain=True)
    svc, _ = llm_services(reply)
    answer = qa.ask(q, svc)
    assert answer.answer == offline.answer
    assert answer.notice and "pas trouvé de réponse" in answer.notice and "found" not in answer.notice
