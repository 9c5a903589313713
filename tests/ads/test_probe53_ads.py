"""Stop 53's outside probe of `draft-ad` (a recruiter writing briefs, who never read the code): unlawful brief text
reached the ad, and lawful text about the clients was thrown out. The rules are tested in tests/rules/test_probe53_*;
here, what the drafted ad (offline) keeps and leaves out."""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.ads import brief_from_dict, draft_job_ad

TODAY = date(2026, 12, 7)


def _draft(services: Any, **brief: Any):
    base = {"company": "Lumen", "seniority": "confirmé", "salary": "3 800 € - 4 600 € brut mensuel", "location": "Lyon"}
    return draft_job_ad(brief_from_dict({**base, **brief}, settings=services.settings), services, today=TODAY)


def test_unlawful_brief_text_is_left_out_and_flagged(services: Any) -> None:
    result = _draft(
        services,
        requested_title="Account Manager - personnes trans s'abstenir",
        company_pitch="Lumen édite une plateforme SaaS. Candidats de Seine-Saint-Denis s'abstenir. "
        "Quel est votre brut annuel aujourd'hui ?",
        requirements="Maîtrise d'un CRM. Aucune restriction médicale, apte à 100 %. Salary history required. "
        "Vous avez la fougue de la jeunesse.",
    )
    for gone in (
        "trans",
        "Seine-Saint-Denis",
        "brut annuel aujourd",
        "restriction médicale",
        "Salary history",
        "fougue",
    ):
        assert gone not in result.text, gone
    kinds = {f.kind for f in result.flags if f.severity == "error"}
    assert {"discrimination", "pay_history"} <= kinds
    assert "Maîtrise d'un CRM" in result.text


def test_adjectives_of_the_applicant_are_rewritten_not_left_out(services: Any) -> None:
    result = _draft(services, requirements="Maîtrise d'un CRM. Vous êtes passionné et motivé.")
    assert "Vous êtes passionné·e et motivé·e." in result.text
    assert any(f.kind == "gendered_wording" and f.severity == "info" for f in result.flags)


def test_the_clients_a_brief_names_are_kept(services: Any) -> None:
    result = _draft(
        services,
        company_pitch="Babymoon édite une application qui aide les femmes enceintes à suivre leur grossesse.",
        key_clients=["Groupe Hospitalier Est", "salons de coiffure Dessange"],
    )
    assert "salons de coiffure Dessange" in result.text
    assert "femmes enceintes" in result.text
    assert not [f for f in result.flags if f.kind == "discrimination"], result.flags


def test_a_key_client_entry_that_is_more_than_a_name_is_screened_as_text(services: Any) -> None:
    """(review of stop 53) "Harrods, they want a young woman as account manager" was published as a client."""
    from assistant.ads.screen import clean_text

    kept = clean_text("Harrods, they want a young woman as account manager", "key_clients", services.framework, "en")
    assert not any("young woman" in k for k in kept.kept) and kept.flags
    aside = clean_text(
        "Chanel (le client veut une jeune femme de bonne présentation)", "key_clients", services.framework, "fr"
    )
    assert aside.kept == ["Chanel"] and aside.flags
