"""An LLM answer to a question the guide does not cover is not shown as grounded (issue 8).

On the real 1.5B model, questions the guide does not cover got answers: "C'est quoi le NPS ?" got an invented
definition citing a glossary passage, and a Python developer's salary came from the Account Manager grid (the figure
check let it through: the figures are in the guide). When the offline engine's coverage signal says the guide does
not cover the question, the model's answer is shown only if its cited passages hold the question's own terms and
most of the answer's words.
"""

from __future__ import annotations

import pytest

from assistant.qa import ask
from assistant.services import Services

from fake_llm import FakeStructuredChatModel


def _llm(services, *replies) -> tuple[Services, FakeStructuredChatModel]:
    model = FakeStructuredChatModel(responses=list(replies))
    return Services(settings=services.settings, kb=services.kb, chat_model=model), model


def _answering(services, answer: str, *citations: str) -> tuple[Services, FakeStructuredChatModel]:
    """Services whose model answers `answer`, citing `citations`, and gives the same reply when asked again."""
    reply = {"answer": answer, "abstain": False, "citations": list(citations)}
    return _llm(services, reply, reply)


def _first_hit(services, question: str) -> str:
    return services.kb.search(question, 5)[0].chunk.id


def test_an_invented_definition_of_a_term_the_guide_lacks_is_withheld(services) -> None:
    q = "C'est quoi le NPS ?"
    svc, _ = _answering(
        services,
        "Le NPS (Net Promoter Score) est un indicateur de fidélité : la part de promoteurs moins celle des "
        "détracteurs parmi les clients interrogés.",
        _first_hit(services, q),
    )
    answer = ask(q, svc)
    assert answer.abstained and answer.withheld == "uncovered"
    assert "Promoter" not in answer.answer and answer.citations == []
    assert answer.notice and "cover" in answer.notice


def test_the_account_manager_grid_is_not_a_developer_salary(services) -> None:
    """The question asks another job's pay: since stop 53 (offline.paid_job) code refuses it before any model call,
    as it does a job the question recruits for, with the notice naming the job (before: the model was asked and its
    answer withheld)."""
    q = "Quel salaire pour un développeur Python senior ?"  # the offline engine abstains on it (dev split)
    grid = _first_hit(services, "Quel salaire pour un account manager expérimenté ?")
    svc, model = _answering(services, "Jusqu'à 5420 € brut mensuel pour un profil expérimenté.", grid)
    answer = ask(q, svc)
    assert answer.abstained and model.calls == []
    assert "5420" not in answer.answer and answer.notice and "développeur" in answer.notice


def test_a_covered_question_keeps_its_grounded_answer(services) -> None:
    q = "Quel salaire pour un account manager débutant ?"
    svc, _ = _answering(services, "Entre 2920 € et 3500 € brut mensuel pour un débutant.", _first_hit(services, q))
    answer = ask(q, svc)
    assert not answer.abstained and answer.withheld is None and answer.citations


def test_an_answer_drawn_from_its_passage_is_shown_even_where_offline_would_abstain(services) -> None:
    # Offline abstains on this colloquial question; the model's answer is the guide's own wording, so it is shown.
    q = "le farmer c'est qui déjà"
    hit = services.kb.search("farmer hunter", 5)[0]
    words = hit.chunk.text.split()
    svc, _ = _answering(services, " ".join(words[:40]), hit.chunk.id)
    answer = ask(q, svc)
    assert not answer.abstained, answer.notice


def test_the_model_reads_the_passages_the_offline_engine_retrieves(services, monkeypatch) -> None:
    """The LLM gets the passages retrieved for the question with its shorthand spelled out and the framework's
    wording added (dev split recall@5: 0.926 for the raw question, 0.959 expanded), in one retrieval shared with
    the coverage check."""
    import assistant.qa as qa

    q = "il faut qqn dispo pour ses clients tout le temps ?"
    pool, _ = qa.evidence_for(q, services)
    calls = []
    real = qa.evidence_for
    monkeypatch.setattr(qa, "evidence_for", lambda *a, **kw: calls.append(a) or real(*a, **kw))
    reply = {"answer": "Oui, il se rend disponible.", "abstain": False, "citations": [pool[0].chunk.id]}
    svc, model = _llm(services, reply, reply)
    ask(q, svc)
    assert len(calls) == 1
    prompt = "\n".join(m.text for m in model.calls[0])
    assert pool[0].chunk.id in prompt


def test_a_covered_question_shows_the_model_the_offline_engines_passages_first(services) -> None:
    """When the offline engine answers, the model gets the passages it cites, then the best other retrieved ones, at
    most FOCUS_PASSAGES: on the real 1.5B model, given five passages, it answered from the wrong one where the
    offline engine had the right one (dev split, issue 8)."""
    import assistant.qa as qa

    q = "faut qqn capable de gerer plein de projets en parallele ou pas"
    offline = ask(q, services)
    assert not offline.abstained and offline.citations
    reply = {"answer": "Oui.", "abstain": False, "citations": [offline.citations[0].chunk_id]}
    svc, model = _llm(services, reply, reply)
    ask(q, svc)
    prompt = "\n".join(m.text for m in model.calls[0])
    candidates = {h.chunk.id for h in qa.evidence_for(q, services)[0]} | {c.chunk_id for c in offline.citations}
    shown = [cid for cid in candidates if f"[{cid}]" in prompt]
    assert len(shown) == max(qa.FOCUS_PASSAGES, len(offline.citations))
    first = offline.citations[0].chunk_id
    assert all(prompt.index(f"[{first}]") <= prompt.index(f"[{cid}]") for cid in shown)


def test_an_uncovered_question_shows_the_model_the_retrieved_passages(services) -> None:
    import assistant.qa as qa

    q = "NPS definition?"
    assert ask(q, services).abstained
    reply = {"answer": "", "abstain": True, "citations": []}
    svc, model = _llm(services, reply, reply)
    ask(q, svc)
    prompt = "\n".join(m.text for m in model.calls[0])
    top = qa.evidence_for(q, services)[0][: services.settings.top_k]
    assert all(f"[{h.chunk.id}]" in prompt for h in top)


def test_a_model_answer_is_followed_by_the_guide_sentence_it_rests_on(services) -> None:
    """A small model paraphrases ("il doit connaître le produit à fond"): the answer then shows the cited passage's
    sentence that matches the question and the answer best, verbatim, so the reader can check it."""
    q = "il doit connaitre le produit a fond techniquement ou c pas son job ?"
    offline = ask(q, services)
    reply = {
        "answer": "Oui, il doit connaître le produit à fond techniquement.",
        "abstain": False,
        "citations": [offline.citations[0].chunk_id],
    }
    svc, _ = _llm(services, reply, reply)
    answer = ask(q, svc)
    assert answer.answer.startswith("Oui, il doit connaître le produit")
    assert "« " in answer.answer and "parfaite connaissance technique" in answer.answer


def test_a_question_with_personal_data_reaches_a_remote_model_redacted(services) -> None:
    """Review of da93473: `ask` sent the question as typed to a remote LLM, where the notes were redacted first."""
    q = "Mon candidat jean.dupont@example.com (06 12 34 56 78) a 2 ans d'expérience : quel salaire pour un AM junior ?"
    reply = {
        "answer": "Entre 2 000 et 2 500 € brut par mois.",
        "abstain": False,
        "citations": [_first_hit(services, q)],
    }
    model = FakeStructuredChatModel(responses=[reply, reply])
    settings = services.settings.model_copy(update={"redact_pii": True})
    ask(q, Services(settings=settings, kb=services.kb, chat_model=model))
    prompt = "\n".join(m.text for m in model.calls[0])
    assert "jean.dupont@example.com" not in prompt and "06 12 34 56 78" not in prompt
    # Stop 48: contact details are blanked out of a question before anything reads it (qa.without_personal_data), so
    # not even a placeholder reaches the model; the question itself does.
    assert "quel salaire pour un AM junior" in prompt


def test_a_name_in_the_question_reaches_a_remote_model_pseudonymised(services) -> None:
    q = "Mon candidat Julien Morel a 2 ans d'expérience : quel salaire proposer à Julien pour un AM junior ?"
    reply = {
        "answer": "Pour [NAME_2], le guide donne la grille de rémunération selon le niveau d'expérience.",
        "abstain": False,
        "citations": [_first_hit(services, q)],
    }
    model = FakeStructuredChatModel(responses=[reply, reply])
    settings = services.settings.model_copy(update={"redact_pii": True})
    answer = ask(q, Services(settings=settings, kb=services.kb, chat_model=model))
    prompt = "\n".join(m.text for m in model.calls[0])
    assert "Julien" not in prompt and "Morel" not in prompt
    assert "[NAME_1]" in prompt and "[NAME_2]" in prompt
    assert "[NAME_" not in answer.answer and "Julien" in answer.answer


def test_a_name_the_passages_already_hold_reaches_the_model_as_written(services) -> None:
    """Stop 37: the guide's own author, or an author it cites, is public text the passages send anyway; made a
    placeholder in the question only, the model could not tell the question is about the passage it reads. A
    candidate's name in the same question is still pseudonymised."""
    q = "Que dit Robert S. Kaplan du tableau de bord ? Mon candidat Julien Morel en parle."
    import assistant.qa as qa

    hits = [h for h in qa.evidence_for(q, services)[0] if "Kaplan" in h.chunk.text]
    assert hits, "the guide cites Kaplan in a passage retrieved for this question"
    reply = {
        "answer": "Le guide cite le tableau de bord prospectif.",
        "abstain": False,
        "citations": [hits[0].chunk.id],
    }
    model = FakeStructuredChatModel(responses=[reply, reply])
    settings = services.settings.model_copy(update={"redact_pii": True})
    ask(q, Services(settings=settings, kb=services.kb, chat_model=model))
    prompt = "\n".join(m.text for m in model.calls[0])
    question_part = prompt[prompt.index("Que dit") :][:120]
    assert "Robert S. Kaplan" in question_part
    assert "Julien" not in prompt and "Morel" not in prompt


def test_pay_abroad_or_another_job_is_not_put_to_the_model(services) -> None:
    """Stop 39: the offline engine abstains on pay set abroad and on recruiting another job, with the reason; no
    model answer drawn from the passages retrieval brings back could be shown, so the model is not asked (stop 51:
    the 1.5B model answered « comment recruter un customer success manager ? » from the AM's passages)."""
    for q, why in (
        ("what would an account manager earn in £ per year?", "euros"),
        ("comment recruter un.e fleuriste pour ma boutique ?", "fleuriste"),
        ("comment recruter un customer success manager ?", "customer success"),
    ):
        hit = services.kb.search(q, 5)[0].chunk
        sentence = " ".join(hit.text.split()[:14])
        svc, model = _answering(services, sentence, hit.id)
        answer = ask(q, svc)
        assert answer.abstained and model.calls == [], (q, answer.withheld, answer.notice)
        assert sentence not in answer.answer and answer.notice and why in answer.notice, (q, answer.notice)


def test_the_uncovered_check_still_withholds_a_model_answer_the_rules_did_not_refuse(services) -> None:
    """Without a rule's notice the model is still asked where the offline engine abstains, and its answer must hold
    up on its own (llm.uncovered_problem): the NPS definition of the first test, asked in English."""
    q = "What's an NPS?"
    svc, model = _answering(
        services,
        "NPS (Net Promoter Score) measures loyalty: promoters minus detractors among surveyed clients.",
        _first_hit(services, q),
    )
    answer = ask(q, svc)
    assert model.calls and answer.abstained and answer.withheld == "uncovered"


def test_a_role_the_question_only_mentions_is_still_put_to_the_model(services) -> None:
    """The other-job rule reads « head of sales » or « BDR » anywhere in a question; only a question that recruits
    for that job is kept from the model (review of stop 51: these dev questions were refused in LLM mode)."""
    from assistant.qa import refused_by_rule

    assert refused_by_rule("comment recruter un customer success manager ?", services)
    assert refused_by_rule("what would an account manager earn in £ per year?", services)
    assert not refused_by_rule("un lead que le BDR nous passe, c deja un client ou pas encore ?", services)
    q = "We have no head of sales. Can the person who manages our account managers run the in-person round instead?"
    assert not refused_by_rule(q, services)
    second_round = next(c for c in services.kb.chunks if "second entretien en face à face" in c.text)
    svc, model = _answering(
        services,
        "Yes: the second, face-to-face interview is run by an account manager lead or a head of sales.",
        second_round.id,
    )
    answer = ask(q, svc)
    assert model.calls and "head of sales" not in (answer.notice or "")


@pytest.mark.parametrize(
    "question, shown",
    [
        ("comment recruter un œnologue ?", "(œnologue)"),  # « œ » was dropped: « (nologue) »
        ("Comment recruter un Œnologue pour notre cave ?", "(Œnologue)"),
        (
            "comment recruter un directeur commercial ?",
            "(directeur commercial)",
        ),  # was « directeur commercial, directeur »
        ("How do I hire a Customer Success Manager?", "(Customer Success Manager)"),
    ],
)
def test_the_other_job_notice_names_the_job_once_as_written(services, question: str, shown: str) -> None:
    """The notice quotes the job as the question writes it: ligatures kept, and a job named by two rules (other_role's
    « directeur commercial », unknown_job's head word « directeur ») named once."""
    answer = ask(question, services)
    assert answer.abstained and answer.notice and answer.notice.endswith(f"{shown}."), answer.notice
