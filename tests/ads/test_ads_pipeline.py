"""Job ads: brief loading, offline composition, protected criteria kept out, pay, titles, the LLM path and its re-ask."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from assistant.ads import brief_from_dict, draft_job_ad, load_brief
from assistant.ads.export import ad_to_markdown as to_markdown
from assistant.ads.models import AdResult, JobBrief
from assistant.errors import InputError, LLMError
from assistant.rules.safety import find_protected_criteria
from assistant.services import Services

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 27)
RECOMMENDED = {"Account Manager", "Account Executive", "Key Account Manager", "Global Account Manager"}


def brief(services: Services, **values: object) -> JobBrief:
    return brief_from_dict({"company": "Acme", **values}, settings=services.settings)


def draft(services: Services, **values: object) -> AdResult:
    return draft_job_ad(brief(services, **values), services, today=TODAY)


def kinds(result: AdResult, *severities: str) -> set[str]:
    wanted = severities or ("error", "warning")
    return {f.kind for f in result.flags if f.severity in wanted}


def bare_title(result: AdResult) -> str:
    return re.sub(r"\s*\((?:F/H|H/F|M/F)\)\s*$", "", result.ad.title)


def errors_besides_pay(result: AdResult) -> list:
    """Error flags other than the pay placeholder's (a brief without pay gives that error, by design)."""
    return [f for f in result.flags if f.severity == "error" and f.kind != "salary"]


# --------------------------------------------------------------------------- loading briefs


def test_load_yaml_and_json(tmp_path: Path, settings) -> None:
    yml = tmp_path / "b.yaml"
    yml.write_text(
        "company: Acme\nseniority: Débutante\nkey_clients: Decathlon, SNCF\nremote: hybride\n", encoding="utf-8"
    )
    b = load_brief(yml, settings=settings)
    assert (b.company, b.seniority, b.key_clients, b.remote, b.contract, b.language) == (
        "Acme",
        "junior",
        ["Decathlon", "SNCF"],
        "hybrid",
        "CDI",
        "fr",
    )
    js = tmp_path / "b.json"
    js.write_text(
        json.dumps({"company": "Acme", "seniority": "confirmé", "salary": {"min": 3500, "max": 4000}}), encoding="utf-8"
    )
    b = load_brief(js, settings=settings)
    assert b.seniority == "mid" and b.salary.min == 3500


@pytest.mark.parametrize(
    ("given", "level"),
    [
        ("junior", "junior"),
        ("débutant", "junior"),
        ("Débutant(e)", "junior"),
        ("jeune diplômé", "junior"),
        ("entry-level", "junior"),
        ("confirmé", "mid"),
        ("Confirmée", "mid"),
        ("intermédiaire", "mid"),
        ("mid", "mid"),
        ("expérimenté", "senior"),
        ("EXPÉRIMENTÉE", "senior"),
        ("senior", "senior"),
        ("experienced", "senior"),
    ],
)
def test_seniority_synonyms(settings, given: str, level: str) -> None:
    assert brief_from_dict({"company": "A", "seniority": given}, settings=settings).seniority == level


@pytest.mark.parametrize(
    ("key", "given", "value"),
    [
        ("language", "Français", "fr"),
        ("language", "anglais", "en"),
        ("language", "EN", "en"),
        ("contract", "cdi", "CDI"),
        ("contract", "Stage", "stage"),
        ("contract", "fixed-term", "CDD"),
        ("remote", "Télétravail partiel", "hybrid"),
        ("remote", "full remote", "full"),
        ("remote", False, "no"),
        ("country", "Royaume-Uni", "GB"),
        ("country", "be", "BE"),
    ],
)
def test_other_synonyms(settings, key: str, given: object, value: str) -> None:
    assert getattr(brief_from_dict({"company": "A", key: given}, settings=settings), key) == value


def test_requirements_as_a_list(settings) -> None:
    b = brief_from_dict({"company": "A", "requirements": ["Excel", "CRM"]}, settings=settings)
    assert b.requirements == "Excel\nCRM"


def test_unknown_seniority_lists_valid_values(settings) -> None:
    with pytest.raises(InputError, match="junior, mid, senior"):
        brief_from_dict({"company": "A", "seniority": "stagiaire en chef"}, settings=settings)


def test_unknown_key_lists_valid_keys(settings) -> None:
    with pytest.raises(InputError) as err:
        brief_from_dict({"company": "A", "salaire": "3000"}, settings=settings)
    assert "salaire" in str(err.value) and "seniority" in str(err.value) and "requirements" in str(err.value)


@pytest.mark.parametrize("data", [{}, {"company": ""}, {"company": "   "}, {"sector": "SaaS"}])
def test_missing_company_names_the_field(settings, data: dict) -> None:
    with pytest.raises(InputError, match="company"):
        brief_from_dict(data, settings=settings)


def test_field_over_the_limit(settings) -> None:
    limit = settings.max_field_chars
    brief_from_dict({"company": "A", "requirements": "x" * limit}, settings=settings)
    with pytest.raises(InputError, match=f"requirements.*limit is {limit}"):
        brief_from_dict({"company": "A", "requirements": "x" * (limit + 1)}, settings=settings)
    with pytest.raises(InputError, match="key_clients"):
        brief_from_dict({"company": "A", "key_clients": ["y" * (limit + 1)]}, settings=settings)


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ({"company": "A", "partners_count": "beaucoup"}, "partners_count"),
        ({"company": "A", "contract": "contrat à vie"}, "CDI, CDD"),  # free text with no contract word in it
        ({"company": "A", "remote": "parfois"}, "no, hybrid, full"),
        ({"company": "A", "language": "de"}, "fr, en"),
        ({"company": "A", "country": "Atlantis"}, "ISO code"),
        ({"company": "A", "key_clients": {"a": 1}}, "key_clients"),
        (["company", "A"], "mapping"),
    ],
)
def test_bad_values_are_input_errors(settings, data: object, match: str) -> None:
    with pytest.raises(InputError, match=match):
        brief_from_dict(data, settings=settings)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"", "empty"),
        (b"  \n", "empty"),
        (b"company: \xff\xfe Acme\n", "UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"- a\n- b\n", "mapping"),
        (b"company: [unclosed\n", "not valid YAML"),
    ],
)
def test_bad_files(tmp_path: Path, settings, content: bytes, match: str) -> None:
    path = tmp_path / "brief.yaml"
    path.write_bytes(content)
    with pytest.raises(InputError, match=match):
        load_brief(path, settings=settings)


def test_missing_file_and_bad_json(tmp_path: Path, settings) -> None:
    with pytest.raises(InputError, match="not found"):
        load_brief(tmp_path / "nope.yaml", settings=settings)
    path = tmp_path / "b.json"
    path.write_text("{company: 1", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load_brief(path, settings=settings)


def test_examples_load(settings) -> None:
    for name in ("brief-fr.yaml", "brief-en.yaml"):
        load_brief(ROOT / "examples" / name, settings=settings)


# --------------------------------------------------------------------------- offline ads


def test_offline_french_ad(services) -> None:
    result = draft(
        services,
        seniority="confirmé",
        location="Lyon",
        sector="logiciels RH",
        key_clients=["Decathlon", "SNCF"],
        partners_count=120,
        team_size=15,
        salary="3800 - 4500 € brut mensuel",
    )
    ad, text = result.ad, result.text
    assert result.backend == "offline" and result.notice is None
    assert ad.title == "Account Manager (F/H)" and text.startswith("# Account Manager (F/H)\n")
    assert ad.descriptive_line == "chargé·e de comptes clients" and "Chargé·e de comptes clients" in text
    assert [s.id for s in ad.sections] == ["company", "missions", "profile", "pay", "process"]
    for fact in (
        "Decathlon",
        "SNCF",
        "120",
        "15 personnes",
        "logiciels RH",
        "Lyon",
        "3 800 €",
        "4 500 €",
        "Publiée le 27 novembre 2026",
        "Entretien téléphonique exploratoire",
        "Vos missions",
    ):
        assert fact in text, fact
    assert (ad.salary.min, ad.salary.max, ad.salary.source) == (3800, 4500, "brief")
    assert text == to_markdown(result)
    assert not kinds(result, "error")


def test_offline_english_ad(services) -> None:
    result = draft(services, language="en", country="GB", location="London", seniority="junior")
    assert (
        result.ad.language == "en"
        and "## What you will do" in result.text
        and "Posted on 27 November 2026" in result.text
    )
    assert "Vos missions" not in result.text
    assert "language" not in kinds(result)
    # issue 12: no pay in the brief → a placeholder and an error, never the guide's grid; an English ad says (M/F)
    assert (result.ad.salary.min, result.ad.salary.max, result.ad.salary.source) == (None, None, "none")
    assert "Salary: [salary to be confirmed]." in result.text and "2,920" not in result.text
    assert result.ad.title == "Account Manager (M/F)" and "F/H" not in result.text


def test_language_argument_overrides_the_brief(services) -> None:
    result = draft_job_ad(brief(services), services, language="en", today=TODAY)
    assert result.ad.language == "en" and "About Acme" in result.text
    assert "language" in kinds(result)  # an English ad for a job in France
    with pytest.raises(InputError, match="fr, en"):
        draft_job_ad(brief(services), services, language="de")


def test_each_section_cites_guide_chunks(services) -> None:
    result = draft(services, key_clients=["Decathlon"])
    kb = services.kb
    for section in result.ad.sections:
        assert section.citations, section.id
        assert all(kb.get(cid) is not None for cid in section.citations)
    pay = kb.get(result.ad.section("pay").citations[0])
    assert "2920" in pay.text
    assert {c.chunk_id for c in result.citations} == {cid for s in result.ad.sections for cid in s.citations}
    missions = [kb.get(c).text for c in result.ad.section("missions").citations]
    assert any("4 axes" in t for t in missions)


def test_json_output_shape(services) -> None:
    data = draft(services).to_json()
    json.dumps(data)
    assert isinstance(data["ad"]["title"], str) and isinstance(data["text"], str)
    assert set(data["ad"]["salary"]) >= {"min", "max", "currency", "period"}
    assert data["ad"]["salary"]["currency"] == "EUR" and data["ad"]["salary"]["period"] in ("month", "year")
    for flag in data["flags"]:
        assert set(flag) >= {"kind", "severity", "message", "evidence"}
    assert data["citations"] and set(data["citations"][0]) >= {"chunk_id", "section", "text"}
    assert data["ad"]["date_posted"] == "2026-11-27"


def test_date_defaults_to_today(services) -> None:
    result = draft_job_ad(brief(services), services)
    assert result.ad.date_posted == date.today()
    assert draft(services, date_posted="2026-12-01").ad.date_posted == date(2026, 12, 1)


def test_nothing_invented(services) -> None:
    """A bare brief gives an ad whose every figure comes from the brief, the guide's grid or the date."""
    result = draft(services, seniority="junior")
    text = result.text
    for absent in ("Parmi nos clients", "partners", "Vous rejoindrez une équipe", "secteur d’expertise", "Anglais"):
        assert absent not in text
    allowed = {"2", "920", "3", "500", "15", "50", "27", "2026", "2019", "4"}
    numbers = set(re.findall(r"\d+", text))
    assert numbers <= allowed, numbers - allowed


# --------------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("values", "title"),
    [
        ({"seniority": "junior"}, "Account Manager"),
        ({"seniority": "mid", "accounts": "3 comptes clés"}, "Key Account Manager"),
        ({"seniority": "senior", "team_to_manage": 4}, "Key Account Manager"),
        ({"seniority": "senior", "accounts": "grands comptes internationaux"}, "Global Account Manager"),
        ({"seniority": "junior", "accounts": "comptes clés"}, "Account Manager"),  # KAM is not a junior title
        ({"seniority": "mid", "accounts": "prospection de nouveaux clients"}, "Account Executive"),
        ({"requested_title": "Account Executive (H/F)"}, "Account Executive"),
    ],
)
def test_title_by_level_and_scope(services, values: dict, title: str) -> None:
    result = draft(services, **values)
    assert bare_title(result) == title
    assert re.search(r"\((?:F/H|H/F)\)$", result.ad.title)


@pytest.mark.parametrize("requested", ["Gestionnaire de compte", "Responsable de comptes H/F"])
def test_discouraged_title_is_used_and_flagged_with_the_suggestion(services, requested: str) -> None:
    # issue 12: a requested title is the title; the guide's advice is a flag (with a fix), not a silent replacement
    result = draft(services, requested_title=requested)
    bare = re.sub(r"\s*H/F$", "", requested)
    assert bare_title(result) == bare and result.text.startswith(f"# {bare} (F/H)\n")
    flag = next(f for f in result.flags if f.kind == "title" and f.severity == "warning")
    assert flag.evidence in bare and flag.start is not None and "« Account Manager »" in flag.message
    assert result.ad.descriptive_line == "chargé·e de comptes clients"


def test_unknown_requested_title_is_used_with_the_guides_suggestion(services) -> None:
    result = draft(services, requested_title="Business Developer")
    assert bare_title(result) == "Business Developer"  # issue 12: the requested title is used
    note = next(f for f in result.flags if f.kind == "title" and f.severity == "info")
    assert "“Account Manager”" in note.message


@pytest.mark.parametrize("requested", ["Vendeuse grands comptes H/F", "Chargé d'affaires"])
def test_gendered_requested_title_is_not_used(services, requested: str) -> None:
    result = draft(services, requested_title=requested)
    assert bare_title(result) in RECOMMENDED
    assert any(f.kind == "gendered_wording" and f.evidence == requested for f in result.flags)
    assert requested not in result.text and "Vendeuse" not in result.text


# --------------------------------------------------------------------------- protected criteria from the brief


@pytest.mark.parametrize(
    ("field", "value", "quote"),
    [
        ("requirements", "Maîtrise d'Excel, moins de 30 ans.", "moins de 30 ans"),
        ("requirements", "Nous cherchons un jeune homme motivé.", "jeune homme"),
        ("requirements", "Nationalité française exigée.", "Nationalité française"),
        ("company_pitch", "Une équipe jeune et dynamique.", "jeune"),
        ("requirements", "Under 35, native English speaker.", "Under 35"),
    ],
)
def test_protected_criterion_in_brief_is_left_out_and_quoted(services, field: str, value: str, quote: str) -> None:
    result = draft(services, **{field: value})
    errors = [f for f in result.flags if f.kind == "discrimination" and f.severity == "error"]
    assert errors, result.flags
    assert any(quote.casefold() in (f.evidence or "").casefold() for f in errors)
    assert quote.casefold() not in result.text.casefold()
    assert find_protected_criteria(result.text, context="ad") == []


def test_clean_parts_of_a_requirement_are_kept(services) -> None:
    result = draft(services, requirements="Maîtrise de Salesforce. Profil commercial, moins de 30 ans.")
    assert "Maîtrise de Salesforce." in result.text and "Profil commercial" in result.text
    assert "30 ans" not in result.text


def test_invisible_characters_do_not_hide_a_criterion(services) -> None:
    result = draft(services, requirements="Candidat de moins de 3\u200b0 a\u200dns.")
    assert any(f.kind == "discrimination" for f in result.flags)
    assert "30 ans" not in result.text and "\u200b" not in result.text


def test_jeune_diplome_level_is_junior_and_never_written(services) -> None:
    result = draft(services, seniority="jeune diplômé")
    assert result.ad.level == "junior"
    assert "jeune" not in result.text.casefold()
    assert any(f.kind == "discrimination" and f.evidence == "jeune diplômé" for f in result.flags)


def test_gendered_wording_in_brief_is_left_out(services) -> None:
    result = draft(services, requirements="Un vrai homme de terrain. Bon relationnel.")
    assert "homme de terrain" not in result.text
    assert any(
        f.kind in ("gendered_wording", "discrimination") and "homme de terrain" in (f.evidence or "")
        for f in result.flags
    )
    assert "Bon relationnel." in result.text


# --------------------------------------------------------------------------- pay


def test_unparsable_salary_warns_and_shows_the_placeholder(services) -> None:
    result = draft(services, seniority="junior", salary="selon profil")
    assert any(f.kind == "salary" and f.severity == "warning" and f.evidence == "selon profil" for f in result.flags)
    assert (result.ad.salary.min, result.ad.salary.max, result.ad.salary.source) == (None, None, "none")
    assert "Salaire : [salaire à compléter]." in result.text and "2 920 €" not in result.text


def test_no_salary_shows_a_placeholder_and_an_error_with_the_grid_as_suggestion(services) -> None:
    # issue 12: the grid goes in the error's message, never into the ad on its own; nor does a variable part
    for level, band in (("junior", "€2,920 to €3,500"), ("mid", "€3,500 to €5,420"), ("senior", "€3,500 to €5,420")):
        result = draft(services, seniority=level)
        assert (result.ad.salary.min, result.ad.salary.max, result.ad.salary.source) == (None, None, "none")
        assert "[salaire à compléter]" in result.text
        assert "2 920" not in result.text and "5 420" not in result.text and "variable" not in result.text.casefold()
        error = next(f for f in result.flags if f.kind == "salary" and f.severity == "error")
        assert error.evidence == "[salaire à compléter]" and result.text[error.start : error.end] == error.evidence
        assert "2023/970" in error.message and band in error.message
        assert (level != "junior") == ("interpolated" in error.message)


def test_structured_and_variable_pay(services) -> None:
    result = draft(services, seniority="junior", salary={"min": 3000, "max": 3400}, variable_pay="10 % sur objectifs")
    assert (result.ad.salary.min, result.ad.salary.max, result.ad.salary.variable) == (3000, 3400, "10 % sur objectifs")
    assert "Part variable : 10 % sur objectifs." in result.text
    assert "salary" not in kinds(result)


def test_salary_outside_the_grid_is_flagged_by_the_linter(services) -> None:
    result = draft(services, seniority="junior", salary="2000 € brut mensuel")
    assert "salary" in kinds(result)


# --------------------------------------------------------------------------- the LLM path

GOOD_DRAFT = {
    "title": "Account Manager (F/H)",
    "descriptive_line": "chargé·e de comptes clients",
    "sections": [
        {
            "id": "company",
            "heading": "À propos d’Acme",
            "paragraphs": ["Acme recrute un·e Account Manager (F/H) en CDI."],
            "bullets": [],
            "citations": [],
        },
        {
            "id": "missions",
            "heading": "Vos missions",
            "paragraphs": ["Vous gérez et développez un portefeuille client."],
            "bullets": ["Suivi des indicateurs de performance", "Accompagnement du portefeuille client"],
            "citations": [],
        },
        {
            "id": "profile",
            "heading": "Votre profil",
            "paragraphs": ["Une expérience dans un poste similaire."],
            "bullets": ["Culture marketing", "Maîtrise des tableurs Excel"],
            "citations": [],
        },
        {
            "id": "pay",
            "heading": "Rémunération",
            "paragraphs": ["Salaire : 9 999 € nets et une voiture de fonction."],
            "bullets": [],
            "citations": [],
        },
        {
            "id": "process",
            "heading": "Processus de recrutement",
            "paragraphs": [],
            "bullets": ["Entretien téléphonique exploratoire"],
            "citations": [],
        },
    ],
    "skills": ["Culture marketing"],
    "experience": "Une expérience dans un poste similaire.",
    "education": "Master en école de commerce.",
}


def bad_draft() -> dict:
    data = json.loads(json.dumps(GOOD_DRAFT))
    data["title"] = "Vendeuse grands comptes H/F"  # ignored since issue 12: the title is the application's
    data["sections"][2]["bullets"].append("Moins de 30 ans")
    data["sections"][1]["paragraphs"].append("Il sera rattaché à la direction commerciale.")
    return data


def with_citations(data: dict, services: Services, fake: str = "deadbeefdeadbeef") -> dict:
    data = json.loads(json.dumps(data))
    real = services.kb.search("Le métier s’articule autour de 4 axes", k=1)[0].chunk.id
    data["sections"][1]["citations"] = [real, fake]
    return data


def test_llm_reask_fixes_a_rule_break(services, llm_services) -> None:
    llm, model = llm_services(bad_draft(), with_citations(GOOD_DRAFT, services))
    result = draft_job_ad(brief(llm), llm, today=TODAY)
    assert len(model.calls) == 2
    reask = model.calls[1][-1].content
    assert "rejected" in reask and "Il sera" in reask and "Moins de 30 ans" in reask
    assert result.ad.title == "Account Manager (F/H)" and "still breaks rules" not in (result.notice or "")
    assert "Moins de 30 ans" not in result.text and not errors_besides_pay(result)
    # The pay is the application's, never the model's: no invented figure or perk.
    assert "9 999" not in result.text and "voiture" not in result.text
    assert (result.ad.salary.min, result.ad.salary.max, result.ad.salary.source) == (None, None, "none")
    missions = result.ad.section("missions")
    assert missions.citations and "deadbeefdeadbeef" not in missions.citations
    assert result.usage.get("calls") == 2


def test_llm_still_wrong_after_one_reask_keeps_the_flags(services, llm_services) -> None:
    llm, model = llm_services(bad_draft(), bad_draft())
    result = draft_job_ad(brief(llm), llm, today=TODAY)
    assert len(model.calls) == 2  # bounded: one re-ask only
    assert "discrimination" in kinds(result, "error")  # the flag of the sentence code dropped stays
    # Code dropped the protected criterion and rewrote « Il sera »: the notice says so, and not that the ad shown
    # still breaks rules (it does not).
    assert result.notice and "were left out of the model" in result.notice
    assert "Moins de 30 ans" not in result.text and "Il sera" not in result.text
    assert "still breaks rules" not in result.notice


def test_llm_failure(services, llm_services) -> None:
    llm, model = llm_services(TimeoutError("slow"))
    with pytest.raises(LLMError):
        draft_job_ad(brief(llm), llm, today=TODAY)
    model.script([TimeoutError("slow")])
    result = draft_job_ad(brief(llm), llm, today=TODAY, fallback_offline=True)
    assert result.backend == "offline" and "offline draft" in (result.notice or "")


def test_llm_text_is_sanitised(services, llm_services) -> None:
    data = json.loads(json.dumps(GOOD_DRAFT))
    data["sections"][0]["paragraphs"].append(
        "Voir <script>alert(1)</script> ![p](https://evil.example/t.png) [ici](javascript:alert(1))"
    )
    data["sections"][0]["heading"] = "## <b>À propos</b>"
    llm, model = llm_services(data)
    result = draft_job_ad(brief(llm), llm, today=TODAY)
    for bad in ("<script", "<b>", "evil.example", "javascript:", "## ##"):
        assert bad not in result.text
    assert "## À propos\n" in result.text and "Voir" in result.text and "ici" in result.text


def test_prompt_variables_match_the_chain() -> None:
    from assistant.prompts import load_prompt

    assert load_prompt("draft_ad").variables == {"language", "facts", "titles", "passages"}


def test_llm_brief_facts_exclude_protected_criteria(services, llm_services) -> None:
    llm, model = llm_services(GOOD_DRAFT)
    draft_job_ad(brief(llm, requirements="Excel avancé, moins de 30 ans."), llm, today=TODAY)
    sent = "\n".join(str(m.content) for m in model.calls[0])
    assert "Excel avancé" in sent and "30 ans" not in sent


@pytest.mark.server
def test_real_chatopenai_client_and_reask(openai_server, tmp_path: Path, kb, framework) -> None:
    from assistant.settings import Settings

    settings = Settings(
        _env_file=None,
        **{
            "ASSISTANT_LLM_BASE_URL": openai_server.base_url,
            "ASSISTANT_LLM_MODEL": "test",
            "ASSISTANT_DATA_DIR": str(tmp_path / "data"),
            "ASSISTANT_LLM_MAX_RETRIES": 0,
        },
    )
    services = Services(settings=settings, kb=kb, framework=framework)
    openai_server.script([bad_draft(), with_citations(GOOD_DRAFT, services)])
    result = draft_job_ad(brief_from_dict({"company": "Acme"}, settings=settings), services, today=TODAY)
    assert result.backend == "openai-compatible" and result.model == "test"
    assert len(openai_server.requests) == 2
    first, second = openai_server.requests
    assert (
        first["response_format"]["json_schema"]["name"] == "AdDraft"
    )  # json_schema: the default for compatible servers
    last = second["messages"][-1]["content"]
    assert "Moins de 30 ans" in last and "discrimination" in last
    assert "gendered_wording" not in last  # « Il sera » has a neutral form: code rewrites it, the model is not asked
    assert result.ad.title == "Account Manager (F/H)"
    assert not errors_besides_pay(result)
    assert find_protected_criteria(result.text, context="ad") == []


# --------------------------------------------------------------------------- claims the model may not invent

INVENTED = [
    "Leader européen avec 500 collaborateurs, nous offrons une voiture de fonction.",
    "Le CSAT moyen de nos clients est de 9,8/10 et vous toucherez jusqu'à 9 999 € de prime.",
]


def invented_draft(services: Services) -> dict:
    data = with_citations(GOOD_DRAFT, services)
    data["sections"][0]["paragraphs"].append(" ".join(INVENTED))
    data["sections"][2]["bullets"].append("Mutuelle prise en charge à 100 %")
    return data


def test_invented_figures_and_benefits_are_reasked(services, llm_services) -> None:
    llm, model = llm_services(invented_draft(services), with_citations(GOOD_DRAFT, services))
    result = draft_job_ad(brief(llm), llm, today=TODAY)
    assert len(model.calls) == 2
    reask = model.calls[1][-1].content
    for quoted in ("unsupported_claim", "500", "9999", "9.8", "company car", "bonus", "health insurance", "Mutuelle"):
        assert quoted in reask, quoted
    assert "unsupported_claim" not in kinds(result) and "figures or benefits" not in (result.notice or "")
    assert "500 collaborateurs" not in result.text


def test_invented_claims_still_there_after_the_reask_are_dropped_and_flagged(services, llm_services) -> None:
    llm, model = llm_services(invented_draft(services), invented_draft(services))
    result = draft_job_ad(brief(llm), llm, today=TODAY)
    assert len(model.calls) == 2  # one re-ask only
    for gone in ("500 collaborateurs", "voiture de fonction", "9 999", "9,8", "prime", "Mutuelle"):
        assert gone not in result.text, gone
    assert "Acme recrute un·e Account Manager (F/H) en CDI." in result.text  # the supported sentence stays
    dropped = [f for f in result.flags if f.kind == "unsupported_claim"]
    assert {f.evidence for f in dropped} == {*INVENTED, "Mutuelle prise en charge à 100 %"}
    assert all(f.severity == "warning" for f in dropped)
    assert "Unsupported claim" in (result.notice or "")  # the flags named as the page labels them


def test_claims_the_brief_supports_are_kept(services, llm_services) -> None:
    data = with_citations(GOOD_DRAFT, services)
    data["sections"][0]["paragraphs"] += [
        "120 partners nous font confiance ; l'équipe compte 15 personnes.",
        "Vous bénéficiez d'une voiture de fonction et d'une prime annuelle.",
    ]
    data["sections"][1]["bullets"].append("Le métier s’articule autour de 4 axes.")  # a figure of the framework
    data["sections"][2]["bullets"].append("Travail en B2B, reporting Q1 à Q4")  # digits inside names: not figures
    llm, model = llm_services(data)
    result = draft_job_ad(
        brief(
            llm,
            partners_count=120,
            team_size=15,
            company_pitch="Voiture de fonction fournie.",
            variable_pay="prime annuelle sur objectifs",
        ),
        llm,
        today=TODAY,
    )
    assert len(model.calls) == 1, model.calls[-1][-1].content
    assert "120 partners" in result.text and "voiture de fonction" in result.text and "4 axes" in result.text
    assert "unsupported_claim" not in kinds(result)


def test_award_winning_is_not_a_bonus() -> None:
    from assistant.ads.claims import benefits_in as _benefits

    assert _benefits("Une start-up primée en 2024, le bilinguisme est un bonus.") == set()
    assert _benefits("Prime sur objectifs, tickets restaurant") == {"bonus", "meal vouchers"}


# --------------------------------------------------------------------------- pay as hiring managers write it


def salary_flags(result: AdResult) -> list:
    return [f for f in result.flags if f.kind == "salary"]


@pytest.mark.parametrize(
    ("given", "low", "high"),
    [
        (3500, 3500, 3500),
        ("3 500", 3500, 3500),
        ("3500", 3500, 3500),
        ("3000-3500", 3000, 3500),
        ("3 000 à 3 500", 3000, 3500),
    ],
)
def test_bare_amounts_are_monthly_pay_with_no_basis(services, given: object, low: float, high: float) -> None:
    result = draft(services, seniority="junior", salary=given)
    salary = result.ad.salary
    assert (salary.min, salary.max, salary.period, salary.basis, salary.source) == (
        low,
        high,
        "month",
        "unspecified",
        "brief",
    )
    assert "3 500 € mensuels" in result.text and "brut" not in result.text.casefold()
    messages = " ".join(f.message for f in salary_flags(result))
    assert "no readable amount" not in messages and "No pay in the brief" not in messages
    assert not [f for f in salary_flags(result) if f.severity != "info"]


def test_yearly_pay_without_basis_is_not_published_as_gross(services) -> None:
    result = draft(services, seniority="mid", salary="40 000 € annuel")
    assert (result.ad.salary.period, result.ad.salary.basis) == ("year", "unspecified")
    assert "40 000 € annuels" in result.text and "bruts" not in result.text
    assert draft(services, salary="40 000 € brut annuel").ad.salary.basis == "gross"
    assert "3 500 € nets" in draft(services, salary="3 500 € net par mois").text
    assert "bruts" in draft(services, salary="3500 brut").text


def test_structured_pay_states_its_basis_only_when_given(services) -> None:
    assert "bruts" not in draft(services, salary={"min": 3000, "max": 3400}).text
    assert (
        "3 000 € à 3 400 € bruts mensuels" in draft(services, salary={"min": 3000, "max": 3400, "basis": "gross"}).text
    )


def test_unreadable_pay_gives_one_flag_not_a_contradictory_pair(services) -> None:
    result = draft(services, seniority="junior", salary="selon profil")
    messages = [f.message for f in salary_flags(result) if f.evidence == "selon profil" or "brief" in f.message]
    assert any("no readable amount" in m for m in messages)
    assert not any("No pay in the brief" in m for m in messages)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_interpolated_band_is_not_passed_off_as_the_guides(services, lang: str) -> None:
    # issue 12: the band is a suggestion in the pay error's message, said to be interpolated; the ad has none
    result = draft(services, language=lang, country="FR" if lang == "fr" else "GB")  # no level, no pay
    pay = " ".join(result.ad.section("pay").paragraphs)
    assert not re.search(r"\d", pay)
    error = next(f for f in salary_flags(result) if f.severity == "error")
    assert "€3,500 to €5,420" in error.message and "interpolated" in error.message
    if "message_fr" in type(error).model_fields:
        assert "3 500 € à 5 420 €" in error.message_fr and "interpolée" in error.message_fr
    junior = next(f for f in salary_flags(draft(services, seniority="junior")) if f.severity == "error")
    assert "€2,920 to €3,500" in junior.message and "interpolated" not in junior.message


# --------------------------------------------------------------------------- counts and dates in the brief


@pytest.mark.parametrize("value", [True, False, 2.5, "beaucoup", "1e9", -3, 10**9, [3]])
@pytest.mark.parametrize("field", ["partners_count", "team_size", "team_to_manage"])
def test_counts_are_strict_whole_numbers(settings, field: str, value: object) -> None:
    with pytest.raises(InputError, match=field):
        brief_from_dict({"company": "A", field: value}, settings=settings)


def test_counts_accept_form_strings(settings) -> None:
    b = brief_from_dict(
        {"company": "A", "team_size": "12", "partners_count": 120.0, "team_to_manage": 0}, settings=settings
    )
    assert (b.team_size, b.partners_count, b.team_to_manage) == (12, 120, 0)


def test_ui_form_counts_reach_the_brief(settings) -> None:
    from assistant.ui.ad_tab import brief_dict

    b = brief_from_dict(brief_dict({"company": "A", "team_size": 12.0, "partners_count": "7"}), settings=settings)
    assert (b.team_size, b.partners_count) == (12, 7)


def test_expiry_before_publication_is_an_input_error(settings) -> None:
    with pytest.raises(InputError, match="valid_through.*before.*date_posted"):
        brief_from_dict({"company": "A", "date_posted": "1999-01-01", "valid_through": "1998-01-01"}, settings=settings)
    b = brief_from_dict({"company": "A", "date_posted": "2026-12-01", "valid_through": "2026-12-01"}, settings=settings)
    assert b.valid_through == b.date_posted


def test_past_publication_date_is_a_date_warning(services) -> None:
    old = draft(services, date_posted="2026-11-01")
    flag = next(f for f in old.flags if f.kind == "date")
    assert flag.severity == "warning" and flag.evidence == "2026-11-01"
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    assert "date" not in kinds(draft(services, date_posted=yesterday))
    assert "date" not in kinds(draft(services, date_posted="2026-12-15", valid_through="2027-01-15"))
    assert "date" in kinds(draft(services, valid_through="2026-11-01"))


# The guide states only the junior band and the 5,420 € ceiling, so a mid ad at 3,200 € is not "below the
# guide's mid grid" (3,500 € is an interpolated floor).
def test_mid_pay_is_only_compared_with_figures_the_guide_states(services) -> None:
    assert "salary" not in kinds(draft(services, seniority="mid", salary="3 200 € brut mensuel"))
    assert "salary" in kinds(draft(services, seniority="mid", salary="2 800 € brut mensuel"))


@pytest.mark.parametrize(
    "sentence, rewritten",
    [
        (
            "Nous recrutons un account manager pour accompagner notre croissance.",
            "Nous recrutons un·e account manager pour accompagner notre croissance.",
        ),
        ("Vous épaulerez une responsable grands comptes.", "Vous épaulerez un·e responsable grands comptes."),
        ("Nous recrutons une analyste financière.", "Nous recrutons un·e analyste financier·ère."),
    ],
)
def test_a_brief_sentence_whose_only_fault_is_a_determiner_is_rewritten_not_dropped(
    services, sentence: str, rewritten: str
) -> None:
    """(stop 52) « un account manager » is now gendered wording (the noun is epicene, the determiner is not). A brief
    sentence whose only fault is such a determiner is kept with the epicene one, and the rewrite is reported; a
    sentence that steers to one sex otherwise (« homme de terrain », above) is still left out."""
    result = draft(services, requirements=f"{sentence} Bon relationnel.")
    assert rewritten in result.text and sentence not in result.text
    assert any(f.kind == "gendered_wording" and f.severity == "info" and "→" in f.message for f in result.flags)
    assert not any(f.kind == "gendered_wording" and f.severity != "info" for f in result.flags), result.flags


def test_a_gendered_phrase_in_the_brief_is_still_left_out_not_rewritten(services) -> None:
    """(review of stop 52) « un vrai commercial » was published as « un·e vrai commercial·e »: only a determiner and
    its noun are rewritten; a phrase around them leaves the sentence out, as before."""
    result = draft(services, requirements="Nous cherchons un vrai commercial. Bon relationnel.")
    assert "vrai commercial" not in result.text and "Bon relationnel." in result.text
