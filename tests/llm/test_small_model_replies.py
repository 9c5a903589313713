"""What small models really write, handled in code: citation ids in brackets, quotes or as section names,
over-citation, answers in the wrong language, outputs cut at max_tokens, a scorecard that must fit its budget."""

from __future__ import annotations

import re

import pytest
from notes_helpers import NOTES_FR

from assistant.errors import LLMError
from assistant.llm import OutputTruncated
from assistant.notes import summarize_notes
from assistant.qa import ask
from assistant.qa.llm import normalize_citation, supported_citations
from assistant.services import Services

from fake_llm import FakeStructuredChatModel
from openai_server import Raw
from support import make_settings

SALARY_Q = "Quel salaire pour un account manager débutant ?"
SALARY_A = "Pour un profil débutant, le salaire est compris entre 2920 € et 3500 € mensuel."


def _fake(services, *responses) -> tuple[Services, FakeStructuredChatModel]:
    model = FakeStructuredChatModel(responses=list(responses))
    return Services(settings=services.settings, kb=services.kb, chat_model=model), model


def _salary_hit(services):
    from assistant.qa import _focus, ask, evidence_for

    # What `ask` gives the model for a question the offline engine answers.
    hits = _focus(ask(SALARY_Q, services), evidence_for(SALARY_Q, services)[0], services)
    return hits, next(h for h in hits if "2920" in h.chunk.text)


@pytest.mark.parametrize("written", ["[{id}]", "'{id}'", "  {id}\n", '"[{id}]"', "【{id}】", "id: {id}", "{id}."])
def test_wrapped_ids_are_normalised(services, written) -> None:
    hits, salary = _salary_hit(services)
    assert normalize_citation(written.format(id=salary.chunk.id), hits) == salary.chunk.id


def test_section_names_numbers_and_unknown_ids(services) -> None:
    hits, salary = _salary_hit(services)
    assert normalize_citation(salary.chunk.section, hits) == salary.chunk.id
    assert normalize_citation("[" + salary.chunk.section.split(">")[-1].strip().upper() + "]", hits) == salary.chunk.id
    position = [h.chunk.id for h in hits].index(salary.chunk.id) + 1
    assert normalize_citation(f"passage {position}", hits) == salary.chunk.id
    assert normalize_citation("zzz", hits) is None and normalize_citation("", hits) is None


def test_over_citation_keeps_the_passages_the_answer_draws_on(services) -> None:
    hits, salary = _salary_hit(services)
    every = [h.chunk.id for h in hits]
    assert supported_citations(SALARY_A, every, hits, SALARY_Q) == [salary.chunk.id]
    # No usable citation at all: the passage holding the answer's words is cited by the code, not withheld.
    assert supported_citations(SALARY_A, [], hits, SALARY_Q) == [salary.chunk.id]
    assert supported_citations("Bonjour.", [], hits, SALARY_Q) == []


def test_bracketed_over_citing_answer_is_shown_with_the_supporting_passage(services) -> None:
    hits, salary = _salary_hit(services)
    svc, model = _fake(services, {"answer": SALARY_A, "abstain": False, "citations": [f"[{h.chunk.id}]" for h in hits]})
    answer = ask(SALARY_Q, svc)
    assert not answer.abstained and answer.notice is None and len(model.calls) == 1
    assert [c.chunk_id for c in answer.citations] == [salary.chunk.id]
    assert set(answer.dropped_citations) == {h.chunk.id for h in hits} - {salary.chunk.id}


def test_wrong_language_answer_is_reasked_once(services) -> None:
    hits, salary = _salary_hit(services)
    english = "For a junior profile the salary is between 2920 € and 3500 € a month, with a variable part on top."
    svc, model = _fake(
        services,
        {"answer": english, "abstain": False, "citations": [salary.chunk.id]},
        {"answer": SALARY_A, "abstain": False, "citations": [salary.chunk.id]},
    )
    answer = ask(SALARY_Q, svc)
    assert answer.answer.startswith(SALARY_A) and len(model.calls) == 2
    assert "French" in model.calls[1][-1].content
    # Still wrong after the re-ask: shown, with a notice (the facts are verified; the language is not a safety issue).
    svc, model = _fake(services, *[{"answer": english, "abstain": False, "citations": [salary.chunk.id]}] * 2)
    answer = ask(SALARY_Q, svc)
    assert not answer.abstained and "another language" in (answer.notice or "") and len(model.calls) == 2


TRUNCATED = {
    "id": "c",
    "object": "chat.completion",
    "created": 0,
    "model": "test-model",
    "choices": [
        {
            "index": 0,
            "finish_reason": "length",
            "message": {"role": "assistant", "content": '{"assessments": [{"competency_id": "english", "quo'},
        }
    ],
    "usage": {"prompt_tokens": 900, "completion_tokens": 40, "total_tokens": 940},
}


def _server_services(services, server, **env) -> Services:
    settings = make_settings(
        services.settings.data_dir,
        ASSISTANT_LLM_BACKEND="openai-compatible",
        ASSISTANT_LLM_BASE_URL=server.base_url,
        ASSISTANT_LLM_MODEL="test-model",
        ASSISTANT_LLM_MAX_RETRIES=0,
        **env,
    )
    return Services(settings=settings, kb=services.kb, framework=services.framework)


def test_truncated_outputs_fall_back_to_offline_or_say_so(services, openai_server) -> None:
    svc = _server_services(services, openai_server)
    openai_server.script([Raw(TRUNCATED)])
    with pytest.raises(OutputTruncated, match="output limit"):
        summarize_notes(NOTES_FR, svc)
    openai_server.script([Raw(TRUNCATED)])
    summary = summarize_notes(NOTES_FR, svc, fallback_offline=True)
    assert summary.backend == "offline" and "output limit" in summary.notice and "offline scorecard" in summary.notice
    assert any(a.status == "assessed" for a in summary.competencies)
    openai_server.script([Raw(TRUNCATED)])
    answer = ask(SALARY_Q, svc, fallback_offline=True)
    assert answer.backend == "offline" and "2920" in answer.answer and "output limit" in (answer.notice or "")


def test_scorecard_schema_and_budget_fit_a_small_model(services, openai_server) -> None:
    svc = _server_services(services, openai_server)
    openai_server.script(
        [
            {
                "assessments": [{"competency_id": "English", "quotes": ["Anglais courant."], "rating": 4}],
                "recommendation": None,
            }
        ]
    )
    summary = summarize_notes(NOTES_FR, svc)
    sent = openai_server.requests[-1]
    schema = sent["response_format"]["json_schema"]["schema"]
    # Line numbers, not quotes: code copies the numbered lines, so the answer is small and verbatim by construction.
    assert set(schema["properties"]) == {"evidence", "ratings", "recommendation", "facts"}
    assert set(schema["$defs"]["LineEvidence"]["properties"]) == {"line", "competency_id"}
    assert set(schema["$defs"]["RatingDraft"]["properties"]) == {"competency_id", "rating"}
    assert set(schema["$defs"]["FactDraft"]["properties"]) == {"kind", "line"}  # practical facts, same call
    assert 384 <= sent["max_tokens"] < 1500  # derived from the lines and the framework, not a fixed budget
    assert "[1] " in sent["messages"][-1]["content"]  # the notes are numbered
    english = next(a for a in summary.competencies if a.id == "english")
    assert english.status == "assessed" and english.rating == 4  # "English" normalised to the framework id
    assert summary.usage["calls"] == 1 and summary.usage["total_tokens"] > 0


def test_any_llm_failure_falls_back_when_asked(services) -> None:
    svc, _ = _fake(services, RuntimeError("boom"))
    with pytest.raises(LLMError):
        summarize_notes(NOTES_FR, svc)
    svc, _ = _fake(services, RuntimeError("boom"))
    summary = summarize_notes(NOTES_FR, svc, fallback_offline=True)
    assert summary.backend == "offline" and "offline scorecard" in summary.notice


def test_an_answer_drawn_from_another_shown_passage_cites_that_passage(services) -> None:
    """The real 1.5B model wrote the hunters' sentence of « Le métier » and cited « Les compétences à viser » (dev
    split): code cites the shown passage the answer's words come from."""
    from assistant.qa.llm import supported_citations

    hits = services.kb.search("chasseurs prospectent nouveaux contrats compétences tempérament commercial", 5)
    metier = next(h for h in hits if "chasseurs" in h.chunk.text)
    other = next(h for h in hits if h is not metier and "chasseurs" not in h.chunk.text)
    answer = "Un AM chasseur prospecte afin de faire signer de nouveaux contrats."
    kept = supported_citations(answer, [other.chunk.id], hits, "un AM chasseur il fait quoi exactement ?")
    assert kept[0] == metier.chunk.id
    # A cited passage that supports the answer as well as any other stays the citation.
    assert supported_citations(answer, [metier.chunk.id], hits, "un AM chasseur ?") == [metier.chunk.id]


def _sent_scorecard(services, server, notes: str) -> dict:
    svc = _server_services(services, server)
    server.script([{"evidence": [{"line": 1, "competency_id": "english"}], "ratings": []}])
    summarize_notes(notes, svc)
    return server.requests[-1]


def _longest_output(schema: dict, ids: int) -> int:
    """Tokens of the longest output the schema allows, by the budget's own per-entry estimates."""
    from assistant.notes.llm import FACTS_TOKENS, PER_EVIDENCE_TOKENS, PER_RATING_TOKENS

    props = schema["properties"]
    return 64 + PER_EVIDENCE_TOKENS * props["evidence"]["maxItems"] + PER_RATING_TOKENS * ids + FACTS_TOKENS


def test_scorecard_schema_bounds_what_a_looping_model_can_write(services, openai_server) -> None:
    """The real 1.5B model, on 4 of the first 6 dev notes of a recording run, wrote
    '{"competency_id": "none", "rating": 1}' until its output limit, so the scorecard failed. The schema sent
    names every allowed value and bounds every list, so a JSON-schema grammar (llama.cpp, vLLM, OpenAI strict)
    closes each list within the output budget."""
    sent = _sent_scorecard(services, openai_server, NOTES_FR)
    schema = sent["response_format"]["json_schema"]["schema"]
    lines = len(re.findall(r"^\[\d+\] ", sent["messages"][-1]["content"], flags=re.M))
    ids = set(services.framework.competency_ids)
    line_ev, rating, fact = (
        schema["$defs"][name]["properties"] for name in ("LineEvidence", "RatingDraft", "FactDraft")
    )
    assert set(line_ev["competency_id"]["enum"]) == ids | {"none"}  # "none": a line read that shows none
    assert set(rating["competency_id"]["enum"]) == ids  # a rating of "none" is what the model looped on
    assert (rating["rating"]["minimum"], rating["rating"]["maximum"]) == (1, 5)
    fact_int = next(o for o in fact["line"]["anyOf"] if o.get("type") == "integer")  # where a grammar reads it
    assert line_ev["line"]["minimum"] == fact_int["minimum"] == 1
    assert line_ev["line"]["maximum"] == fact_int["maximum"] == lines > 1
    assert schema["properties"]["evidence"]["maxItems"] == 2 * lines  # two competencies a line at most
    assert schema["properties"]["ratings"]["maxItems"] == len(ids)
    assert schema["properties"]["facts"]["maxItems"] == 5
    assert _longest_output(schema, len(ids)) <= sent["max_tokens"]


def test_long_notes_bound_the_evidence_by_the_output_budget(services, openai_server) -> None:
    """Notes of 200 lines cannot get two entries a line within MAX_OUTPUT_TOKENS: the schema allows what the budget
    holds, so a model listing every line stops at the bound instead of failing at its output limit."""
    from assistant.notes.llm import MAX_OUTPUT_TOKENS

    notes = "".join(f"- Point {n} : très bonne écoute du client numéro {n}.\n" for n in range(1, 201))
    sent = _sent_scorecard(services, openai_server, notes)
    schema = sent["response_format"]["json_schema"]["schema"]
    ids = len(services.framework.competency_ids)
    assert schema["$defs"]["LineEvidence"]["properties"]["line"]["maximum"] == 200
    assert 50 < schema["properties"]["evidence"]["maxItems"] < 200
    assert _longest_output(schema, ids) <= sent["max_tokens"] <= MAX_OUTPUT_TOKENS


# What the real 1.5B model wrote for a French question on the test split (qa-test t-fr-hunter, stop 24): one
# sentence repeated until the output limit. Written again here in its shape, not its words.
LOOP = (
    "Un profil débutant touche un salaire fixe. " + "Il est formé en gestion de projet et en gestion de projet. " * 30
)


def test_repetition_is_told_from_an_answer() -> None:
    from assistant.text import looping

    assert looping(LOOP) and looping(LOOP[:1000])
    assert looping("et en gestion de projet " * 20)  # no sentence end at all
    assert not looping(SALARY_A) and not looping("")
    listing = (
        "Pour un junior, le salaire est compris entre 2920 € et 3500 €. Pour un profil confirmé, le salaire est "
        "compris entre 3500 € et 4500 €. Pour un senior, le salaire est compris entre 4500 € et 5800 €. Le variable "
        "s'ajoute au fixe, et le variable dépend des objectifs."
    )
    assert not looping(listing)  # a list of parallel sentences is not a loop


def test_answer_schema_bounds_what_a_looping_model_can_write(services, openai_server) -> None:
    """llama.cpp's JSON-schema grammar reads maxLength and maxItems: a model that loops inside the answer string (or
    the rewrite, or the citations) is closed within the output budget instead of failing at the limit."""
    from assistant.qa.models import ANSWER_MAX_CHARS, MAX_CITATIONS, MAX_REWRITE_CHARS

    svc = _server_services(services, openai_server)
    _, salary = _salary_hit(services)
    openai_server.script([{"answer": SALARY_A, "abstain": False, "citations": [salary.chunk.id]}])
    assert not ask(SALARY_Q, svc).abstained
    sent = openai_server.requests[-1]
    props = sent["response_format"]["json_schema"]["schema"]["properties"]
    assert props["answer"]["maxLength"] == ANSWER_MAX_CHARS
    assert props["standalone_question"]["maxLength"] == MAX_REWRITE_CHARS
    cites = props["citations"]
    assert cites["maxItems"] == MAX_CITATIONS and cites["items"]["maxLength"] <= 40
    # Three characters a token at worst (a loop of short French words), plus the JSON around the strings.
    longest = ANSWER_MAX_CHARS + MAX_REWRITE_CHARS + cites["maxItems"] * (cites["items"]["maxLength"] + 4)
    assert longest / 3 + 60 <= sent["max_tokens"]


def test_a_looping_answer_is_reasked_once_then_falls_back(services) -> None:
    from assistant.qa.models import ANSWER_MAX_CHARS

    _, salary = _salary_hit(services)
    loop = {"answer": LOOP[:ANSWER_MAX_CHARS], "abstain": False, "citations": [salary.chunk.id]}
    svc, model = _fake(services, loop, {"answer": SALARY_A, "abstain": False, "citations": [salary.chunk.id]})
    answer = ask(SALARY_Q, svc)
    assert answer.answer.startswith(SALARY_A) and len(model.calls) == 2
    assert "repeat" in model.calls[1][-1].content
    svc, model = _fake(services, loop, loop)
    with pytest.raises(LLMError, match="repeat"):
        ask(SALARY_Q, svc)
    svc, model = _fake(services, loop, loop)
    answer = ask(SALARY_Q, svc, fallback_offline=True)
    assert answer.backend == "offline" and "2920" in answer.answer and "repeat" in (answer.notice or "")
    assert "gestion de projet" not in answer.answer


def test_an_answer_cut_at_its_bound_ends_at_its_last_whole_sentence(services) -> None:
    from assistant.qa.models import ANSWER_MAX_CHARS

    _, salary = _salary_hit(services)
    long = (
        SALARY_A + " Le variable s'ajoute au fixe selon les objectifs atteints dans l'année. Un profil confirmé, "
        "avec trois à cinq ans d'expérience, gagne davantage, et un senior encore plus. La part variable représente "
        "souvent dix à vingt pour cent de la rémunération totale, versée chaque trimestre ou chaque année. Les "
        "avantages comptent aussi : tickets restaurant, mutuelle, télétravail partiel et formation continue sont "
        "des arguments que les candidats comparent entre deux offres. Pensez à indiquer la fourchette dans "
        "l'annonce : la loi l'impose désormais dans l'Union européenne, et les candidats répondent plus volontiers "
        "à une offre transparente. Le guide rappelle que la négociation porte souvent sur le fixe, rarement sur le "
        "variable, et qu'un écart trop fort avec le marché fait échouer le recrutement au dernier moment, quand "
        "le candidat reçoit une contre-proposition de son employeur actuel ou une meilleure offre ailleurs, ce qui "
        "arrive plus souvent qu'on ne le croit dans les métiers commerciaux où la demande reste forte et où"
    )
    assert len(long) > ANSWER_MAX_CHARS
    long = long[:ANSWER_MAX_CHARS]
    svc, _ = _fake(services, {"answer": long, "abstain": False, "citations": [salary.chunk.id]})
    answer = ask(SALARY_Q, svc)
    # The unfinished sentence is left out; the whole ones before it stay (code may add the guide's quote after them).
    assert "transparente." in answer.answer and "Le guide rappelle que la négociation" not in answer.answer
