"""The offline QA engine: query expansion, abstention from all the evidence, structured framework answers."""

from __future__ import annotations

from assistant.qa import ask
from assistant.qa.expand import expansion
from assistant.qa.offline import EVIDENCE_THRESHOLD, Evidence


def test_expansion_adds_the_guides_french_wording(framework) -> None:
    churn = expansion("C'est quoi le churn ?", framework)
    assert churn.framework and "rétention" in churn.text
    hunters = expansion("What is the difference between a farmer and a hunter?", framework)
    assert "chasseurs" in hunters.text and "fermiers" in hunters.text
    assert (
        expansion("Quelle est la capitale de l'Australie ?", framework).text
        == "Quelle est la capitale de l'Australie ?"
    )


def test_the_role_name_alone_is_not_evidence(framework) -> None:
    assert not expansion("account manager à Bordeaux ?", framework).framework


def test_evidence_combines_dense_bm25_agreement_and_rare_terms() -> None:
    weak = Evidence(dense=0.84, bm25=2.0, agree=False, rare=False, framework=False, unknown=0.0)
    strong = Evidence(dense=0.84, bm25=9.0, agree=True, rare=True, framework=True, unknown=0.0)
    assert weak.score("fr") < EVIDENCE_THRESHOLD["fr"] <= strong.score("fr")
    unknown_words = Evidence(dense=0.86, bm25=2.0, agree=True, rare=False, framework=False, unknown=1.0)
    assert unknown_words.score("fr") < unknown_words.score("en")


def test_glossary_term_is_answered_not_abstained(services) -> None:
    answer = ask("C'est quoi le churn ?", services)
    assert not answer.abstained
    assert "rétention" in answer.answer and answer.citations[0].section.endswith("Les mots incontournables")


def test_ui_example_farmer_hunter_is_answered(services) -> None:
    answer = ask("What is the difference between a farmer and a hunter?", services)
    assert not answer.abstained
    assert any("chasseurs" in c.text for c in answer.citations)


def test_english_salary_question_gets_an_english_structured_answer(services) -> None:
    answer = ask("What salary should we offer a junior account manager?", services)
    assert not answer.abstained and answer.answer.startswith("The guide's salary grid")
    assert "€2920" in answer.answer and "€3500" in answer.answer
    assert answer.citations[0].section == "Grille de salaire"


def test_junior_salary_in_french_quotes_the_grid_not_the_variable_pay(services) -> None:
    answer = ask("Quel salaire pour un account manager junior ?", services)
    assert "2920" in answer.answer and answer.citations[0].section == "Grille de salaire"


def test_trial_period_answer_lists_the_guides_advice_and_cites_it(services) -> None:
    answer = ask("How should the probation period be assessed?", services)
    assert not answer.abstained and "trial period" in answer.answer
    assert any("période d’essai" in c.text for c in answer.citations)


def test_titles_answer_names_titles_to_use_and_to_avoid(services) -> None:
    answer = ask("Quel intitulé de poste utiliser dans l'annonce ?", services)
    assert "Account Executive" in answer.answer and "Gestionnaire de compte" in answer.answer
    assert answer.citations


def test_out_of_scope_still_abstains(services) -> None:
    for question in ("Quelle est la capitale de l'Australie ?", "How do I reverse a list in Python?"):
        assert ask(question, services).abstained
