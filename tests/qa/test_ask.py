"""ask(): input checks, the offline extractive engine, and the LLM path (fake model and the real ChatOpenAI client)."""

from __future__ import annotations

import pytest

from assistant.errors import InputError, LLMError
from assistant.qa import ask
from assistant.services import Services

from fake_llm import FakeStructuredChatModel
from openai_server import Delay
from support import make_settings


@pytest.mark.parametrize("question", ["", "   \n\t", "\u200b\u200b", "?!", None, 42])
def test_bad_questions_are_refused_before_any_llm_call(services, question) -> None:
    fake = FakeStructuredChatModel(responses=[])
    llm_services = Services(settings=services.settings, kb=services.kb, chat_model=fake)
    with pytest.raises(InputError):
        ask(question, llm_services)
    assert fake.calls == []


def test_too_long_question_is_refused(services) -> None:
    with pytest.raises(InputError, match="2000"):
        ask("salaire " * 300, services)


def test_offline_answer_quotes_and_cites_the_salary_grid(services) -> None:
    answer = ask("Quel salaire pour un account manager débutant ?", services)
    assert not answer.abstained and answer.backend == "offline"
    assert "2920" in answer.answer and "[1]" in answer.answer
    assert answer.citations[0].section == "Grille de salaire"
    # Extractive: every sentence shown comes from a cited passage.
    cited = " ".join(c.text for c in answer.citations)
    for line in answer.answer.split("[")[0].split(". "):
        assert line.strip(" .") in cited


def test_offline_abstains_out_of_scope_in_the_question_language(services) -> None:
    fr = ask("Quelle est la capitale de l'Australie ?", services)
    en = ask("Who won the football world cup in 2018?", services)
    assert fr.abstained and fr.citations == [] and "ne couvre pas" in fr.answer
    assert en.abstained and "does not cover" in en.answer


def test_answer_json_shape(services) -> None:
    data = ask("Qu'est-ce que le CSAT ?", services).model_dump()
    assert {"answer", "abstained", "citations", "backend"} <= set(data)
    assert set(data["citations"][0]) >= {"chunk_id", "section", "text"}


def _llm_services(services, model) -> Services:
    return Services(settings=services.settings, kb=services.kb, chat_model=model)


def test_llm_citations_outside_the_retrieved_set_are_dropped(services) -> None:
    hits = services.kb.search("Quel salaire pour un débutant ?", 5)
    good = hits[0].chunk.id
    fake = FakeStructuredChatModel(
        responses=[
            {"answer": "Entre 2920 € et 3500 € brut mensuel.", "abstain": False, "citations": [good, "invented-id"]},
            {"answer": "Entre 2920 € et 3500 € brut mensuel.", "abstain": False, "citations": [good, "invented-id"]},
        ]
    )
    answer = ask("Quel salaire pour un débutant ?", _llm_services(services, fake))
    assert not answer.abstained
    assert [c.chunk_id for c in answer.citations] == [good]
    assert answer.dropped_citations == ["invented-id"]
    assert len(fake.calls) == 1  # a valid citation beside it: the invented id is dropped, no re-ask needed


def test_llm_answer_without_valid_citation_is_not_shown(services) -> None:
    fake = FakeStructuredChatModel(responses=[{"answer": "Around 4000 €.", "abstain": False, "citations": []}] * 2)
    answer = ask("Quel salaire pour un débutant ?", _llm_services(services, fake))
    # the model's answer is not shown; the offline engine answers this question, so its answer is (stop 55)
    assert "4000" not in answer.answer and answer.notice
    assert answer.answer == ask("Quel salaire pour un débutant ?", services).answer


def test_llm_abstention(services) -> None:
    fake = FakeStructuredChatModel(responses=[{"answer": "", "abstain": True, "citations": []}])
    answer = ask("Quel est le taux de TVA sur les logiciels ?", _llm_services(services, fake))
    assert answer.abstained and answer.citations == []


def _server_services(services, server, **env) -> Services:
    settings = make_settings(
        services.settings.data_dir,
        ASSISTANT_LLM_BACKEND="auto",
        ASSISTANT_LLM_BASE_URL=server.base_url,
        ASSISTANT_LLM_MODEL="test-model",
        **env,
    )
    return Services(settings=settings, kb=services.kb)


def test_real_client_structured_answer_and_dropped_citation(services, openai_server) -> None:
    svc = _server_services(services, openai_server)
    good = services.kb.search("soft skills à privilégier", 5)[0].chunk.id
    openai_server.script(
        [
            {
                "answer": "Organisation, écoute, aisance relationnelle, réactivité, force de proposition.",
                "abstain": False,
                "citations": [good, "zzz"],
            }
        ]
        * 2
    )
    answer = ask("soft skills à privilégier", svc)
    assert answer.backend == "openai-compatible" and answer.model == "test-model"
    assert [c.chunk_id for c in answer.citations] == [good] and answer.dropped_citations == ["zzz"]
    sent = openai_server.requests[0]
    assert sent["model"] == "test-model" and sent["max_tokens"] == min(svc.settings.llm_max_tokens, 600)
    assert good in sent["messages"][-1]["content"]  # the retrieved passages were sent with their ids
    assert answer.usage["calls"] == 1 and answer.usage["total_tokens"] > 0  # "zzz" dropped without a re-ask


def test_real_client_abstention(services, openai_server) -> None:
    openai_server.script([{"answer": "", "abstain": True, "citations": []}])
    answer = ask("Comment obtenir un visa de travail ?", _server_services(services, openai_server))
    assert answer.abstained


def test_llm_timeout_is_a_clear_error_or_an_offline_fallback(services, openai_server) -> None:
    svc = _server_services(services, openai_server, ASSISTANT_LLM_TIMEOUT=0.5, ASSISTANT_LLM_MAX_RETRIES=0)
    openai_server.script([Delay(2.0)])
    with pytest.raises(LLMError, match="did not answer"):
        ask("Quel salaire pour un débutant ?", svc)
    openai_server.script([Delay(2.0)])
    answer = ask("Quel salaire pour un débutant ?", svc, fallback_offline=True)
    assert answer.backend == "offline" and "2920" in answer.answer and "did not answer" in (answer.notice or "")


def test_llm_figures_must_come_from_the_cited_passages(services) -> None:
    hits = services.kb.search("Quel salaire pour un débutant ?", 5)
    grid = next(h.chunk.id for h in hits if "2920" in h.chunk.text)
    invented = {"answer": "Entre 3 100 € et 3 900 € brut mensuel.", "abstain": False, "citations": [grid]}
    fake = FakeStructuredChatModel(responses=[invented, invented])
    answer = ask("Quel salaire pour un débutant ?", _llm_services(services, fake))
    # not shown; the offline answer, which the guide's grid backs, is, with a notice naming the figures (stop 55)
    assert "3 100" not in answer.answer and "2920" in answer.answer.replace(" ", "")
    assert "chiffres" in (answer.notice or "") and "3100" not in (answer.notice or "")
    assert "3100" in fake.calls[1][-1].content  # the re-ask named the unsupported figures
    exact = {
        "answer": "Entre 2 920 € et 3500 € brut mensuel, variable de 15 à 50 %.",
        "abstain": False,
        "citations": [grid],
    }
    ok = ask("Quel salaire pour un débutant ?", _llm_services(services, FakeStructuredChatModel(responses=[exact])))
    assert not ok.abstained and "2 920" in ok.answer


def test_a_model_answer_to_a_figure_question_the_guide_does_not_cover_is_withheld(services) -> None:
    """Where the guide gives no figure, a model that answers a request for one from a passage without any is
    withheld, as the offline engine abstains (the model is asked: the figure rule reads the passages it cites)."""
    question = "Combien de personnes doivent mener le second entretien en face à face ?"
    hits = services.kb.search(question, 5)
    cited = next(h.chunk.id for h in hits if not any(ch.isdigit() for ch in h.chunk.text))
    fake = FakeStructuredChatModel(
        responses=[{"answer": "Deux personnes mènent cet entretien.", "abstain": False, "citations": [cited]}] * 2
    )
    answer = ask(question, _llm_services(services, fake))
    assert answer.abstained and answer.withheld == "uncovered" and "figure" in (answer.notice or "")
