"""What stop 40's hostile review found and stop 40 left (written here, stop 41, before the fix).

Ads, beside an equal-opportunity phrase:
- a group cut from the verb that turns it away by an incise between commas, brackets or dashes (« les femmes
  enceintes, quelle que soit leur expérience, ne seront pas retenues »);
- a group said not to be taken into account (« les candidatures de femmes enceintes ne seront pas prises en compte »,
  "applications from pregnant women will not be considered"). A criterion named to say it will not count (« l'âge ne
  sera pas pris en compte », "age will not be considered") stays lawful.
Notes:
- a report of wrongdoing written without accents (« a signale au comite d'ethique »), an alert to management
  (« a alerté la direction sur des fraudes »), the labour inspectorate seized (« a saisi l'inspection du travail »);
- a payslip with an amount in euros but no gross/net word;
- « Prud'hommes » and a unit of work in Markdown (« **40 jours**-hommes ») read as sex; an ageing CRM read as age.
"""

from __future__ import annotations

import pytest

from assistant.rules.compliance import lint_ad
from assistant.rules.pay_history import find_pay_history

from support import criterion_labels


def _ad_quotes(text: str) -> list[str]:
    return [text[f.start : f.end] for f in lint_ad(text) if f.kind == "discrimination" and f.start is not None]


AD_EXCLUSIONS = [
    (
        "Poste ouvert à tous : les femmes enceintes, quelle que soit leur expérience, ne seront pas retenues.",
        "enceintes",
    ),
    (
        "Poste ouvert à tous, sans discrimination. Les femmes enceintes, quelle que soit leur expérience, ne seront pas "
        "retenues.",
        "enceintes",
    ),
    ("Poste ouvert à tous, les personnes handicapées (même qualifiées) ne seront pas retenues.", "handicap"),
    ("Poste ouvert à tous, les seniors – même expérimentés – ne seront pas recrutés.", "seniors"),
    ("Open to all, pregnant women, whatever their experience, will not be hired.", "pregnant"),
    ("Open to all, pregnant women (even if qualified) will not be hired.", "pregnant"),
    ("Open to all, people with disabilities, sadly, cannot be accepted.", "disabilit"),
    ("Poste ouvert à tous, les candidatures de femmes enceintes ne seront pas prises en compte.", "enceintes"),
    ("Ouvert à tous : les candidats de plus de 50 ans ne seront pas pris en considération.", "50 ans"),
    ("Open to all, applications from pregnant women will not be considered.", "pregnant"),
    ("Open to all, pregnant applicants will not be considered.", "pregnant"),
    ("Equal opportunity employer: people with disabilities won't be taken into account.", "disabilit"),
]
AD_LAWFUL = [
    "Poste ouvert à tous, sans discrimination : l'âge ne sera pas pris en compte.",
    "Poste ouvert à tous, la grossesse ne sera pas prise en compte.",
    "Sans discrimination : l'âge des candidats ne sera pas pris en compte.",
    "Open to all: age will not be considered.",
    "Open to all: your age, whatever it is, will not be considered.",
    "Equal opportunity employer: disability will not be taken into account.",
    "Poste ouvert à tous, les seniors, quelle que soit leur expérience, seront les bienvenus.",
    "Open to all, people with disabilities, like everyone, will be considered.",
    "Poste ouvert aux personnes handicapées, aux seniors, les candidatures incomplètes ne seront pas retenues.",
    "Open to people with disabilities (wheelchair access), and applications without a CV will not be accepted.",
    "Ouvert à tous, les personnes handicapées, comme les autres, ne seront pas écartées.",
    "Open to all, candidates with a disability, like all others, will not be rejected.",
]
WHISTLEBLOWING = [
    "Elle a signale au comite d'ethique des pots-de-vin, depuis elle est placardisée.",
    "Il avait signale au referent alerte des malversations.",
    "Elle a alerté la direction sur des fraudes comptables, ça lui a coûté son poste.",
    "She alerted senior management to the bribery scheme and was let go.",
    "Il a saisi l'inspection du travail contre son employeur.",
    "A saisi le Défenseur des droits l'an dernier.",
]
NOT_WHISTLEBLOWING = [
    "Elle a alerté la direction sur un risque de churn chez un client.",
    "Il a saisi l'opportunité d'un upsell chez son plus gros client.",
    "L'outil signale les fraudes au client en temps réel.",
    "She alerted the client to a billing error and fixed it.",
    "A saisi les commandes dans le CRM tous les soirs.",
]
NOT_SEX = [
    "A gagné aux Prud'hommes contre son ex-employeur, dossier clos.",
    "Connaît le conseil de prud’hommes par son ancien poste RH.",
    "Projet de **40 jours**-hommes, livré à temps.",
    "Projet de *12 mois*-hommes sur l'intégration.",
]
NOT_AGE = [
    "Le CRM du client est vieillissant.",
    "Leur ERP est un peu vieillissant, migration prévue.",
    "Plateforme vieillissante chez son client principal.",
]
STILL_AGE = [
    "Le CRM il connaît, mais il est vieillissant.",
    "Bon sur le CRM mais vieux.",
]
PAY_HISTORY = [
    "Bulletin de salaire envoyé : 3 400 € par mois.",
    "Elle m'a montré sa fiche de paie, 3 150 euros.",
    "Payslip sent over: £2,900 a month.",
    "Fiche de paie : 42 k€ sur l'année.",
    # (read-through of stop 41) a word before the payslip is no count
    "Copie du bulletin de salaire : 3 400 €.",
    "Il m'a transmis le bulletin de paie : 2 950 €.",
]
NOT_PAY_HISTORY = [
    "Gère l'édition de 3 000 bulletins de salaire par mois, budget 2 M€.",
    "Leurs fiches de paie : 3 400 salariés.",
    "Vend un logiciel de bulletins de salaire, contrats de 20 000 € en moyenne.",
    "Bulletins de paie dématérialisés chez nous, coffre-fort numérique.",
]


@pytest.mark.parametrize(("text", "evidence"), AD_EXCLUSIONS)
def test_a_group_turned_away_past_an_incise_or_not_taken_into_account_is_flagged(text: str, evidence: str) -> None:
    assert any(evidence in q for q in _ad_quotes(text)), _ad_quotes(text)


@pytest.mark.parametrize("text", AD_LAWFUL)
def test_a_criterion_that_will_not_count_or_a_group_welcomed_stays_lawful(text: str) -> None:
    assert _ad_quotes(text) == []


@pytest.mark.parametrize("text", WHISTLEBLOWING)
def test_more_reports_of_wrongdoing_are_whistleblower_status(text: str) -> None:
    assert "whistleblower status" in criterion_labels(text)


@pytest.mark.parametrize("text", NOT_WHISTLEBLOWING)
def test_an_alert_to_a_client_a_product_or_a_seized_chance_is_not_whistleblowing(text: str) -> None:
    assert "whistleblower status" not in criterion_labels(text)


@pytest.mark.parametrize("text", NOT_SEX)
def test_a_labour_court_and_a_marked_up_unit_of_work_are_no_sex(text: str) -> None:
    assert "sex" not in criterion_labels(text)


@pytest.mark.parametrize("text", NOT_AGE)
def test_an_ageing_system_is_no_age(text: str) -> None:
    assert "age" not in criterion_labels(text)


@pytest.mark.parametrize("text", STILL_AGE)
def test_an_ageing_person_beside_a_system_is_still_age(text: str) -> None:
    assert "age" in criterion_labels(text)


@pytest.mark.parametrize("text", PAY_HISTORY)
def test_a_payslip_with_an_amount_of_money_is_pay_history(text: str) -> None:
    assert find_pay_history(text)


@pytest.mark.parametrize("text", NOT_PAY_HISTORY)
def test_payslips_as_a_product_or_a_count_are_not_pay_history(text: str) -> None:
    assert not find_pay_history(text)
