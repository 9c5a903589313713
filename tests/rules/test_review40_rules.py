"""What a hostile review of stop 40's rule changes found (read-only helper; its inputs, copied here). The NEW
regressions must hold; of the older misses in the same classes, the ones fixed are tested, the rest are listed in
the closing note.
- an age, religion or skin-colour remark the new excuses hid (« …mais il est vieux », « prie religieusement », "is
  white - background in…");
- whistleblower patterns on job duties ("reported weekly to the compliance team", "Reported 120% of quota selling
  fraud-detection software", « signalé au prospect un risque de fraude »), and reports they missed;
- an equal-opportunity sentence whose clause turns away someone else, or says the group is not set aside, and
  exclusions the clause makes with other words;
- a client's payslips read as the candidate's pay; a payslip amount read as pay without « sa »;
- « <br> » inside a sentence, which reads as a space."""

from __future__ import annotations

import pytest

from assistant.rules.compliance import lint_ad
from assistant.rules.criteria import find_protected_criteria
from assistant.rules.pay_history import find_pay_history


def _notes_kinds(text: str) -> set[str]:
    return {f.kind for f in find_protected_criteria(text, context="notes")}


def _ad_discrimination(text: str) -> bool:
    return any(f.kind == "discrimination" for f in lint_ad(text))


PERSON_REMARKS = [
    "Maîtrise bien les outils mais il est vieux.",
    "Bonne relation avec les acheteurs mais vieillissant.",
    "Il a de bonnes bases mais il est vieux pour le poste.",
    "Son image est un peu vieillissante.",
    "Elle prie religieusement cinq fois par jour.",
    "Il va à la messe religieusement chaque dimanche.",
    "Fasts religiously every year, would need adjustments.",
    "Prays religiously, asked for a room to pray at work.",
    "He is religiously conservative.",
    "Candidate is white - background in telecom sales.",
    "She's white - background in retail banking.",
    "He is white - type: hunter.",
    "Candidate is white - wine sector background.",
    "Is white - writing skills OK.",
]
WHISTLEBLOWING = [
    "Elle a fait un signalement au comité d'éthique sur des pots-de-vin.",
    "Après son signalement de fraude comptable, elle a été mise au placard.",
    "She flagged her boss's expense fraud to the ethics hotline.",
    "She reported her manager for falsifying sales figures.",
    "She reported the client's CFO for bribery.",
]
NOT_WHISTLEBLOWING = [
    "AM in a fraud-prevention SaaS, reported weekly to the compliance team.",
    "She reported to the Head of Compliance at Acme for 3 years.",
    "Reported directly to the compliance director.",
    "Reported 120% of quota selling fraud-detection software.",
    "Reported on fraud losses and chargebacks for her 30 accounts.",
    "Elle a signalé 40 tentatives de fraude par mois via l'outil.",
    "Ticket signalé au support, irrégularités de facturation corrigées.",
    "Anomalie signalée à l'équipe conformité pour le KYC d'un prospect.",
    "Reported the bug to the compliance module's product team.",
    "Has reported into the regulator-facing team at a bank.",
    "Elle a signalé des irrégularités dans les données CRM après la migration.",
    "Dénonciation du contrat cadre par le prospect, elle a renégocié avec la conformité.",
    "She reported harassment training completion rates to HR.",
    "Elle a signalé au prospect un risque de fraude.",
    "Il a signalé une fraude au client.",
]
AD_EXCLUSIONS = [
    "Open to all, pregnant women please do not apply.",
    "Open to all, pregnant women don't apply.",
    "Open to all, pregnant women will be disqualified.",
    "Open to all candidates, we do not hire pregnant women.",
    "Poste ouvert à tous, nous ne recrutons pas les femmes enceintes.",
    "Poste ouvert à tous, nous n'embauchons pas les femmes enceintes.",
    "Poste ouvert à tous, les candidatures de femmes enceintes ne seront pas étudiées.",
    "Poste ouvert à tous, merci aux femmes enceintes de ne pas postuler.",
    "Poste ouvert à tous, les personnes handicapées ne peuvent pas postuler.",
    "Poste ouvert à tous, les femmes enceintes seront malheureusement automatiquement écartées.",
]
AD_LAWFUL = [
    "Poste ouvert à tous, les seniors ne sont nullement écartés.",
    "Poste ouvert à tous : aucune candidature de personne handicapée ne sera refusée.",
    "Open to all: no candidate with a disability will be rejected.",
    "Poste ouvert à tous les âges et les candidatures sans CV ne seront pas retenues.",
    "Candidates of all ages welcome and applications sent by post will not be accepted.",
    "Open to people with disabilities and incomplete applications will not be accepted.",
    "Ouvert aux personnes en situation de handicap et aucune candidature ne sera écartée sans entretien.",
    "Ouvert aux personnes en situation de handicap et les candidatures incomplètes seront écartées.",
    "Open to all, including people with disabilities who were previously not hired elsewhere.",
    "Ouvert à tous, y compris aux seniors qui n'ont jamais été retenus ailleurs.",
    "Open to all ages, parents returning from parental leave are welcome and will not be interviewed any differently.",
    "We are an equal opportunity employer and candidates with disabilities are not just welcome but encouraged to apply.",
    "Poste ouvert à tous et les personnes en situation de handicap ne sont pas seulement bienvenues mais encouragées.",
    "Diversité et inclusion : les candidats seniors et les personnes handicapées ne sont pas simplement acceptés mais recherchés.",
    "Poste ouvert à tous,<br>y compris aux personnes en situation de handicap.",
    "Regardless of age, gender<br>or disability, we welcome you.",
]
NOT_PAY_HISTORY = [
    "Leurs bulletins de paie : 2 500 salariés traités chez nous.",
    "Son plus gros client édite leurs fiches de paie chez nous : 3 400 salariés.",
    "Leur fiche de paie est générée par notre logiciel pour 12 000 salariés.",
    "Dernières fiches de paie envoyées : 1 200 par mois pour le compte Auchan.",
    "Son portefeuille : éditeur de logiciel de paie, leurs fiches de paie 15 000 par mois.",
]
PAY_HISTORY = [
    "Fiche de paie fournie : 3 450 € brut mensuel.",
    "Payslip shows 3,850 gross per month.",
]


@pytest.mark.parametrize("text", PERSON_REMARKS)
def test_a_remark_on_the_person_stays_flagged(text: str) -> None:
    assert "discrimination" in _notes_kinds(text)


@pytest.mark.parametrize("text", WHISTLEBLOWING)
def test_more_ways_of_reporting_wrongdoing_are_whistleblower_status(text: str) -> None:
    assert "discrimination" in _notes_kinds(text)


@pytest.mark.parametrize("text", NOT_WHISTLEBLOWING)
def test_a_job_duty_a_figure_or_a_problem_flagged_to_a_client_is_not_whistleblowing(text: str) -> None:
    assert "discrimination" not in _notes_kinds(text)


@pytest.mark.parametrize("text", AD_EXCLUSIONS)
def test_an_exclusion_beside_an_equal_opportunity_phrase_is_flagged(text: str) -> None:
    assert _ad_discrimination(text)


@pytest.mark.parametrize("text", AD_LAWFUL)
def test_an_equal_opportunity_sentence_that_turns_no_group_away_is_lawful(text: str) -> None:
    assert not _ad_discrimination(text)


@pytest.mark.parametrize("text", NOT_PAY_HISTORY)
def test_a_clients_payslips_are_not_the_candidates_pay(text: str) -> None:
    assert find_pay_history(text) == []


@pytest.mark.parametrize("text", PAY_HISTORY)
def test_a_payslip_read_as_pay_is_pay_history(text: str) -> None:
    assert find_pay_history(text)
