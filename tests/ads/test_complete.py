"""Completing the LLM's ad: the facts of the brief and the guide the model left out are added in code, no extra call."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from assistant.ads import brief_from_dict, draft_job_ad
from assistant.ads.complete import complete_ad
from assistant.ads.compose import (
    CLIENTS,
    PEOPLE,
    compose_offline,
    counted_needle,
    number_needle,
    phrase_needle,
    skill_needle,
)
from assistant.ads.plan import plan_ad
from assistant.services import Services
from assistant.text import fold

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 27)

BRIEF = {
    "company": "Helios",
    "seniority": "senior",
    "team_to_manage": 4,
    "key_clients": ["Decathlon", "Carrefour"],
    "partners_count": 140,
    "requirements": "Bonne connaissance du CRM.",
    "salary": "4 800 - 5 400 € brut mensuel",
}


def section(sid: str, heading: str, paragraphs: list[str], bullets: list[str]) -> dict:
    return {"id": sid, "heading": heading, "paragraphs": paragraphs, "bullets": bullets, "citations": []}


def model_draft(*, missions: list[str], profile: list[str], company: str, process: bool = True) -> dict:
    sections = [
        section("company", "À propos d’Helios", [company], []),
        section("missions", "Vos missions", ["Vous gérez un portefeuille de clients."], missions),
        section("profile", "Votre profil", ["Vous aimez le travail en équipe."], profile),
    ]
    if process:
        sections.append(section("process", "Processus de recrutement", [], ["Un entretien avec la direction."]))
    return {
        "title": "Key Account Manager (F/H)",
        "descriptive_line": "responsable de comptes clés",
        "sections": sections,
        "skills": [],
        "experience": "",
        "education": "",
    }


def test_what_the_model_left_out_is_added_from_the_offline_draft(llm_services) -> None:
    data = model_draft(missions=["Suivre les comptes"], profile=["Rigueur"], company="Helios est une belle entreprise.")
    services, model = llm_services(data)
    result = draft_job_ad(brief_from_dict(BRIEF, settings=services.settings), services, today=TODAY)
    assert len(model.calls) == 1 and result.usage.get("calls") == 1  # no extra call
    text = result.text
    for fact in (
        "encadrer une équipe de 4 personnes",
        "Decathlon et Carrefour",
        "140 partners",
        "Bonne connaissance du CRM",
        "au moins 5 ans",
        "Management d’équipe",
        "Qualités attendues : sens de l’organisation, sens de l’écoute",
    ):
        assert fact in text, fact
    assert "Vous gérez un portefeuille de clients." in text and "Rigueur" in text  # the model's wording stays
    assert result.notice and "left out were added" in result.notice
    for what in ("équipe à encadrer", "clients de référence", "exigence du brief", "compétence : Management d’équipe"):
        assert result.notice_fr and what in result.notice_fr  # the French notice names the facts in French
    for what in ("team to manage", "key clients", "requirement of the brief", "skill: Team management"):
        assert what in result.notice  # and the English one in English, whatever the ad's language
    assert "Management d’équipe" in result.ad.skills and result.ad.experience and result.ad.education
    missions = result.ad.section("missions")
    assert missions is not None and missions.citations, "the added axis cites the guide"


def test_facts_the_model_states_in_its_own_words_are_not_repeated(llm_services) -> None:
    data = model_draft(
        missions=[
            "Manager une équipe de quatre commerciaux",
            "Accompagner les clients dans la mise en place de la solution",
            "Suivre les indicateurs de vos comptes",
        ],
        profile=[
            "Au moins 5 ans d’expérience comme KAM",
            "Bac+5, école de commerce",
            "Culture marketing, aisance avec les KPI et les tableurs",
            "Tempérament commercial, résolution de conflits, amélioration des process",
            "Connaissance du secteur, spécialisation, réseau",
            "Management d’équipe",
            "Organisation, écoute, aisance relationnelle, réactivité, force de proposition",
            "Bonne connaissance du CRM",
        ],
        company="Plus de 140 clients, dont DECATHLON et carrefour.",
    )
    services, _ = llm_services(data)
    result = draft_job_ad(brief_from_dict(BRIEF, settings=services.settings), services, today=TODAY)
    assert result.notice is None or "left out were added" not in result.notice, result.notice
    assert "encadrer une équipe de 4 personnes" not in result.text


def test_a_section_the_model_left_out_is_taken_whole_with_its_citations(llm_services) -> None:
    data = model_draft(missions=[], profile=[], company="Helios.", process=False)
    services, model = llm_services(data, data)  # the re-ask on the missing section gets the same draft
    result = draft_job_ad(brief_from_dict(BRIEF, settings=services.settings), services, today=TODAY)
    process = result.ad.section("process")
    assert process is not None and process.bullets and process.citations
    assert [s.id for s in result.ad.sections] == ["company", "missions", "profile", "pay", "process"]
    assert result.notice and "section: process" in result.notice


def test_the_notice_names_the_added_facts_in_the_ads_language(llm_services) -> None:
    data = model_draft(missions=[], profile=[], company="Helios.")
    services, _ = llm_services(data)
    brief = {**BRIEF, "language": "en", "country": "GB"}
    result = draft_job_ad(brief_from_dict(brief, settings=services.settings), services, today=TODAY)
    assert result.notice and "team to manage" in result.notice and "skill: Team management" in result.notice


def test_soft_skills_bullet_lists_only_the_missing_ones(llm_services) -> None:
    data = model_draft(missions=[], profile=["Sens de l’écoute et réactivité"], company="Helios.")
    services, _ = llm_services(data)
    result = draft_job_ad(brief_from_dict(BRIEF, settings=services.settings), services, today=TODAY)
    bullet = next(b for b in result.ad.section("profile").bullets if b.startswith("Qualités attendues"))
    assert "écoute" not in bullet and "réactivité" not in bullet and "organisation" in bullet


def test_english_ad_is_completed_in_english(llm_services) -> None:
    data = model_draft(missions=[], profile=[], company="Helios.")
    data["sections"][0]["heading"] = "About Helios"
    brief = {**BRIEF, "language": "en", "country": "GB", "requirements": "Strong Excel skills."}
    services, _ = llm_services(data)
    result = draft_job_ad(brief_from_dict(brief, settings=services.settings), services, today=TODAY)
    for fact in ("leading a team of 4 people", "Strong Excel skills", "at least 5 years", "Soft skills: organisation"):
        assert fact in result.text, fact


def _eval_briefs() -> list[dict]:
    """The dev briefs of the ads eval and the examples (the test split's briefs stay out of what code is checked on)."""
    data = yaml.safe_load((ROOT / "evals" / "briefs" / "ads.yaml").read_text(encoding="utf-8"))
    return [c["brief"] for c in data["cases"] if c.get("split") != "test"] + [
        json.loads(p.read_text(encoding="utf-8")) if p.suffix == ".json" else yaml.safe_load(p.read_text())
        for p in sorted((ROOT / "examples").glob("brief*"))
        if p.suffix in (".json", ".yaml", ".yml")
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_offline_draft_states_every_required_fact(services, lang: str) -> None:
    """The patterns recognise the offline sentences themselves: completing the offline ad adds nothing."""
    checked = 0
    for data in _eval_briefs():
        brief = brief_from_dict(data, settings=services.settings)
        plan = plan_ad(brief, services.framework, lang, today=TODAY)
        composed = compose_offline(plan, services.framework)
        ad = plan.job_ad(
            title=plan.title_text,
            descriptive_line=plan.descriptive_line,
            sections=[s.model_copy(deep=True) for s in composed.sections],
            skills=list(composed.skills),
            experience=composed.experience,
            education=composed.education,
        )
        done = complete_ad(ad, composed)
        assert done.added == [], (data, done.added)
        checked += len(composed.required)
    assert checked > 80


def test_needles() -> None:
    assert re.search(number_needle(140), fold("Plus de 140 partners"))
    assert not re.search(number_needle(14), fold("Plus de 140 partners"))
    assert re.search(number_needle(4), fold("une équipe de quatre personnes"))
    assert re.search(number_needle(1200), fold("1 200 clients")) and re.search(number_needle(1200), "1,200 clients")
    assert re.search(phrase_needle("Bonne connaissance du CRM."), fold("bonne  connaissance du CRM"))
    listening = skill_needle("Sens de l’écoute", "Listening")
    assert re.search(listening, fold("À l’écoute des clients")) and not re.search(listening, fold("Sens du service"))
    interpersonal = skill_needle("Aisance relationnelle", "Interpersonal skills")
    assert not re.search(interpersonal, fold("relation client, soft skills"))


def test_lines_copied_from_the_instructions_are_left_out(llm_services) -> None:
    echoes = ["Prestigious clients", "Farmer = existing clients", "Five soft skills", "Team size"]
    data = model_draft(missions=["Suivre les comptes", *echoes], profile=["Hard skills"], company="Helios.")
    services, _ = llm_services(data)
    result = draft_job_ad(brief_from_dict(BRIEF, settings=services.settings), services, today=TODAY)
    for echo in [*echoes, "Hard skills"]:
        assert f"- {echo}\n" not in result.text, echo
    assert "- Suivre les comptes" in result.text


def test_a_french_ad_still_in_english_after_the_reask_gives_way_to_the_offline_draft(llm_services) -> None:
    english = model_draft(
        missions=["You will manage a portfolio of clients and grow the business with them."],
        profile=[],
        company="Helios is a leading company with a strong focus on the needs of its clients.",
    )
    services, model = llm_services(english, english)
    brief = brief_from_dict(BRIEF, settings=services.settings)
    result = draft_job_ad(brief, services, today=TODAY)
    assert len(model.calls) == 2 and "language" in model.calls[1][-1].content  # the re-ask names the problem
    offline_services = Services(services.settings, kb=services.kb, framework=services.framework)
    offline = draft_job_ad(brief, offline_services, today=TODAY)
    assert result.text == offline.text and result.backend == "offline" and result.model is None
    assert "You will manage" not in result.text
    assert not [f for f in result.flags if f.severity == "error"]  # the shown ad's flags, not the rejected draft's
    assert result.notice and "Showing the offline draft" in result.notice and "language" in result.notice
    assert result.usage.get("calls") == 2  # the calls the model took are still counted
    assert result.citations == offline.citations


def test_a_model_draft_fixed_by_the_reask_is_kept(llm_services) -> None:
    english = model_draft(
        missions=["You will manage a portfolio of clients and grow the business with them."],
        profile=[],
        company="Helios is a leading company with a strong focus on the needs of its clients.",
    )
    french = model_draft(
        missions=["Suivre les comptes"], profile=["Rigueur"], company="Helios est une belle entreprise."
    )
    services, model = llm_services(english, french)
    result = draft_job_ad(brief_from_dict(BRIEF, settings=services.settings), services, today=TODAY)
    assert len(model.calls) == 2 and result.backend != "offline"
    assert "Helios est une belle entreprise." in result.text
    assert not (result.notice or "").count("Showing the offline draft")


def test_the_model_is_instructed_in_the_ads_language(llm_services) -> None:
    data = model_draft(missions=["Suivre les comptes"], profile=["Rigueur"], company="Helios est une belle entreprise.")
    services, model = llm_services(data)
    draft_job_ad(brief_from_dict(BRIEF, settings=services.settings), services, today=TODAY)
    system, human = model.calls[0][0].content, model.calls[0][-1].content
    assert "Vous rédigez des offres d'emploi" in system and "en français uniquement" in system
    assert "Titre à utiliser: " in human and "Title to use" not in human
    services, model = llm_services(data, data)  # French text in an English ad: re-asked
    draft_job_ad(brief_from_dict({**BRIEF, "language": "en"}, settings=services.settings), services, today=TODAY)
    assert "You write job ads for recruiters, in English" in model.calls[0][0].content


def test_gendered_forms_the_model_keeps_are_rewritten_by_code_without_a_reask(llm_services) -> None:
    data = model_draft(
        missions=["Suivre les comptes"],
        profile=["Idéalement, il disposera d’un réseau et sera un connaisseur du secteur."],
        company="Helios est une belle entreprise.",
    )
    services, model = llm_services(data)
    result = draft_job_ad(brief_from_dict(BRIEF, settings=services.settings), services, today=TODAY)
    assert len(model.calls) == 1
    assert "la personne recrutée disposera" in result.text and "un·e connaisseur·euse" in result.text
    assert "il disposera" not in result.text
    assert not [f for f in result.flags if f.kind == "gendered_wording" and f.severity == "warning"]
    assert result.notice and "« il disposera » → « la personne recrutée disposera »" in result.notice


def test_a_string_cut_at_its_length_limit_ends_at_its_last_whole_sentence(llm_services) -> None:
    from assistant.ads.models import LIMITS
    from assistant.text import whole_sentences

    cut = ("Vous suivez vos clients au quotidien. " * 9 + "De plus, un réseau solide pourrait être t")[
        : LIMITS["paragraph"]
    ]
    assert not cut.endswith(".")
    assert whole_sentences(cut, LIMITS["paragraph"]).endswith("au quotidien.")
    short = "Une phrase sans point"
    assert whole_sentences(short, LIMITS["paragraph"]) == short  # short: not cut, left as written
    one_phrase = "x" * LIMITS["bullet"]
    assert whole_sentences(one_phrase, LIMITS["bullet"]) == one_phrase  # no sentence end: kept whole


def test_company_bullets_that_only_name_a_kind_of_selling_point_are_left_out(llm_services) -> None:
    labels = ["Clients prestigieux", "Nombre de partenaires existants", "Taille de l'équipe", "Expertise du secteur"]
    data = model_draft(missions=["Suivre les comptes"], profile=["Rigueur"], company="Helios.")
    data["sections"][0]["bullets"] = [*labels, "Plus de 140 partenaires", "Decathlon et Carrefour parmi nos clients"]
    services, _ = llm_services(data)
    result = draft_job_ad(brief_from_dict(BRIEF, settings=services.settings), services, today=TODAY)
    for label in labels:
        assert f"- {label}\n" not in result.text, label
    assert "- Plus de 140 partenaires" in result.text and "- Decathlon et Carrefour parmi nos clients" in result.text
    assert "- Management d’équipe" in _with_profile_bullet(llm_services, "Management d’équipe")


def _with_profile_bullet(llm_services, bullet: str) -> str:
    data = model_draft(missions=["Suivre les comptes"], profile=[bullet], company="Helios.")
    services, _ = llm_services(data)
    return draft_job_ad(brief_from_dict(BRIEF, settings=services.settings), services, today=TODAY).text


def test_a_junior_ad_that_only_names_the_level_gets_the_entry_level_sentence(llm_services) -> None:
    data = model_draft(
        missions=["Suivre les comptes"],
        profile=["Pour le niveau junior, une expérience significative dans un poste similaire est préférée."],
        company="Helios est une belle entreprise.",
    )
    services, _ = llm_services(data)
    junior = {**BRIEF, "seniority": "junior", "team_to_manage": None, "salary": "3 000 € brut mensuel"}
    result = draft_job_ad(brief_from_dict(junior, settings=services.settings), services, today=TODAY)
    assert "Débutant·e accepté·e" in result.text


def _strings_without_bound(node, path="$") -> list[str]:
    """Paths of string schemas with no maxLength of their own (an enum is bounded by its values)."""
    out = []
    if isinstance(node, dict):
        if node.get("type") == "string" and "maxLength" not in node and "enum" not in node:
            out.append(path)
        for key, value in node.items():
            out += _strings_without_bound(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _strings_without_bound(value, f"{path}[{i}]")
    return out


def test_every_string_the_ad_schema_sends_is_bounded_where_a_grammar_reads_it() -> None:
    # llama.cpp compiles maxLength only on the string schema itself: on an optional field pydantic puts it beside
    # anyOf, where it bounds nothing, and the real 1.5B model looped in `education` until its output limit.
    from assistant.ads.models import AdDraft

    assert _strings_without_bound(AdDraft.model_json_schema()) == []


def test_a_head_count_is_stated_only_next_to_what_it_counts(llm_services) -> None:
    # The team to manage (4) is not stated by the pay's "4 800" nor by "managez": its bullet is added.
    data = model_draft(missions=["Vous managez la relation client."], profile=["Rigueur"], company="Helios.")
    services, _ = llm_services(data)
    result = draft_job_ad(brief_from_dict(BRIEF, settings=services.settings), services, today=TODAY)
    assert "encadrer une équipe de 4 personnes" in result.text
    assert re.search(number_needle(4), "une équipe de 4 personnes")
    assert not re.search(number_needle(4), "4 800 €") and not re.search(number_needle(4), "4.800 €")
    assert re.search(counted_needle(140, CLIENTS), fold("Le nombre de partenaires (clients) est de 140"))
    assert not re.search(counted_needle(5, PEOPLE), fold("5 ans d’expérience en account management"))


def test_the_guides_own_labels_and_skills_are_never_taken_for_echoes(llm_services) -> None:
    # "English", "Team management" and "Education" are also words of the English prompt (found by review).
    data = model_draft(missions=["Suivre les comptes"], profile=["English", "Team management"], company="Helios.")
    data["skills"] = ["English", "Team management", "Education"]
    services, _ = llm_services()
    from assistant.ads.draft import _assemble
    from assistant.ads.models import AdDraft
    from assistant.ads.plan import plan_ad

    plan = plan_ad(brief_from_dict({**BRIEF, "language": "en"}, settings=services.settings), services.framework, "en")
    ad = _assemble(plan, services.framework, AdDraft.model_validate(data), {})
    assert ad.skills == ["English", "Team management", "Education"]
    assert "English" in ad.section("profile").bullets and "Team management" in ad.section("profile").bullets


def test_the_profiles_mission_is_a_required_fact(llm_services) -> None:
    """A hunter ad must say the hire prospects for new clients, a farmer ad that they look after existing ones: the
    profile is what the brief asks for, and the real 1.5B model wrote hunter ads with only the account-keeping
    missions (ads test split, stop 24)."""
    keeping = model_draft(
        missions=["Suivre les comptes"], profile=["Rigueur"], company="Helios est une belle entreprise."
    )
    services, _ = llm_services(keeping)
    hunter = {**BRIEF, "profile": "hunter", "key_clients": [], "partners_count": None, "team_to_manage": None}
    result = draft_job_ad(brief_from_dict(hunter, settings=services.settings), services, today=TODAY)
    missions = result.ad.section("missions")
    assert missions is not None and any("Vous prospectez" in p for p in missions.paragraphs)
    assert result.notice and "mission" in result.notice
    # Said in the model's own words: nothing added.
    prospecting = model_draft(
        missions=["Conquérir de nouveaux comptes dans votre région"], profile=["Rigueur"], company="Helios recrute."
    )
    services, _ = llm_services(prospecting)
    result = draft_job_ad(brief_from_dict(hunter, settings=services.settings), services, today=TODAY)
    assert "Vous prospectez" not in result.text
    # A farmer ad that only speaks of new business gets the account-keeping sentence.
    new_business = model_draft(missions=["Prospecter de nouveaux clients"], profile=["Rigueur"], company="Helios.")
    new_business["sections"][1]["paragraphs"] = ["Vous signez de nouveaux contrats."]
    services, _ = llm_services(new_business)
    farmer = {**hunter, "profile": "farmer"}
    result = draft_job_ad(brief_from_dict(farmer, settings=services.settings), services, today=TODAY)
    assert "clients existants" in result.text


def test_mission_needles() -> None:
    from assistant.ads.compose import FARMER_NEEDLE, HUNTER_NEEDLE

    for said in ("Vous prospectez", "trouver de nouveaux clients", "new business", "win new accounts", "Conquête"):
        assert re.search(HUNTER_NEEDLE, fold(said)), said
    for said in ("Vous gérez un portefeuille de clients", "fidéliser vos clients", "existing customers", "upsell"):
        assert re.search(FARMER_NEEDLE, fold(said)), said
    assert not re.search(HUNTER_NEEDLE, fold("Vous gérez un portefeuille de clients existants"))
    assert not re.search(FARMER_NEEDLE, fold("Vous prospectez afin de faire signer de nouveaux contrats."))


def test_the_guides_mission_axes_are_required_facts(llm_services) -> None:
    """The guide sets the job's axes (supporting the portfolio, tracking performance, new markets for a hunter): the
    real model wrote "Le métier s'articule autour de 4 axes" and listed one. An axis the model's missions do not state
    in any words gets the offline bullet; one stated in its own words does not."""
    hunter = {**BRIEF, "profile": "hunter", "key_clients": [], "partners_count": None, "team_to_manage": None}
    bare = model_draft(missions=["Suivre les comptes"], profile=["Rigueur"], company="Helios recrute.")
    services, _ = llm_services(bare)
    result = draft_job_ad(brief_from_dict(hunter, settings=services.settings), services, today=TODAY)
    missions = result.ad.section("missions")
    assert missions is not None
    for label in ("Accompagnement du portefeuille client", "Suivi des indicateurs", "Conquête de nouveaux marchés"):
        assert any(b.startswith(label) for b in missions.bullets), label
    own_words = model_draft(
        missions=[
            "Accompagner vos clients dans le déploiement de la solution",
            "Suivre les KPI et la facturation de vos comptes",
            "Ouvrir de nouveaux marchés au-delà des clients existants",
        ],
        profile=["Rigueur"],
        company="Helios recrute.",
    )
    services, _ = llm_services(own_words)
    result = draft_job_ad(brief_from_dict(hunter, settings=services.settings), services, today=TODAY)
    assert not any(label in result.text for label in ("Accompagnement du portefeuille", "Suivi des indicateurs"))
    assert "Conquête de nouveaux marchés" not in result.text
    # A farmer ad is not asked for new markets.
    services, _ = llm_services(bare)
    result = draft_job_ad(
        brief_from_dict({**hunter, "profile": "farmer"}, settings=services.settings), services, today=TODAY
    )
    assert "Conquête de nouveaux marchés" not in result.text and "Suivi des indicateurs" in result.text
