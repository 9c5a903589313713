"""What a hostile review of stop 41's rule changes found (read-only helper; its inputs, copied here, each wrong at the
reviewed commits b5f15cb and 9a52932). Fixed and tested here:
- in notes, the employer's equal-opportunity sentence no longer excuses anything: excusing it hid remarks on the
  candidate beside it ("We are an equal-opportunity employer - pregnant, due in March");
- in ads, a group is told from a criterion by a word for people in, right after or just before the mention (a long
  list of criteria « ne seront pas pris en compte » is lawful; "applicants with any disability will not be
  considered" is not); a criterion said to count (« la grossesse sera prise en compte ») is a selection; more verbs
  of selection (« examinées », « convoquées », "invited to interview", « nous ne considérerons pas »); an incise of
  several commas, or after « ou » or a figure; a requirement beside an equal-opportunity phrase ("must be
  able-bodied"); an incise that sets a condition is an accommodation;
- in notes, an alert is whistleblowing only to the company's management and about a deed, not a risk (a fraud
  analyst's alerts to a manager or a team are the job); « forcément vieillissant » after « donc » or « depuis » is
  about the candidate; "old - school run" is no idiom; a waiter (« serveur ») is a person;
- a payslip's amount is pay history right after it, after « envoyé », "sent", "shows", a month or a date, with ISO
  currency codes; payslips counted or sold are not.
Also fixed after the review: an incise inside the verb group ("will, however, not be hired") and the group taken
up by a pronoun (« nous ne les retiendrons pas », "we will not hire").
Left (named in the closing note): the EO statement's sentence is still flagged in notes (conservative); "young
graduate" beside a hyphenated EO phrase, a labour-court claim (« a saisi les prud'hommes »), "TPT", a payslip amount
far from the word, a bare figure "per year" after a payslip ("Payslip shows 45,000 per year": a count of payslips
reads the same, « fiches de paie envoyées : 1 200 par mois »)."""

from __future__ import annotations

import pytest

from assistant.rules.criteria import find_protected_criteria
from assistant.rules.pay_history import find_pay_history

from support import ad_discriminates


def _notes_flagged(text: str) -> bool:
    return bool(find_protected_criteria(text, context="notes"))


FLAG_IN_AD = [
    "Open to all, pregnant women, if qualified, will not be hired.",
    "Poste ouvert à tous, les femmes enceintes, si qualifiées, ne seront pas retenues.",
    "Open to all, pregnant women will, however, not be hired.",
    "Open to all, pregnant women will, regrettably, not be considered.",
    "Poste ouvert à tous, les femmes enceintes, quelle que soit leur expérience, nous ne les retiendrons pas.",
    "Open to all, pregnant women, even if qualified, we will not hire.",
    "Disability Confident employer — applicants must be able-bodied.",
    "Disability Confident employer: must be physically fit and able-bodied.",
    "Disability Confident employer — must be in good health.",
    "Equal-opportunity employer — must be in good health.",
    "We are an equal opportunity employer, applicants must be able-bodied.",
    "Open to all, applicants with any disability will not be considered.",
    "Open to all, applicants with a declared disability will not be considered.",
    "Open to all, applicants with a serious disability will not be taken into account.",
    "Open to all, applicants with a history of disability will not be considered.",
    "Ouvert à tous : les personnes ayant un lourd handicap ne seront pas prises en compte.",
    "Ouvert à tous : les personnes porteuses d'un handicap ne seront pas prises en compte.",
    "Ouvert à tous : les candidats dont le handicap est visible ne seront pas pris en compte.",
    "Equal opportunity employer: applicants whose religion is visible will not be considered.",
    "Equal opportunity employer: applicants whose age exceeds 50 will not be considered.",
    "Ouvert à tous : les candidats en âge de partir à la retraite ne seront pas pris en compte.",
    "Equal opportunity employer: your age will be taken into account.",
    "Equal opportunity employer: age will be taken into account in the selection.",
    "Poste ouvert à tous, l'âge sera pris en compte dans la sélection.",
    "Poste ouvert à tous, la grossesse sera prise en compte dans la décision.",
    "Poste ouvert à tous, la situation de famille sera prise en considération.",
    "Equal opportunity employer: your pregnancy will be considered.",
    "Poste ouvert à tous, les candidatures de femmes enceintes ne seront pas examinées.",
    "Poste ouvert à tous, les candidatures de femmes enceintes seront classées sans suite.",
    "Poste ouvert à tous, les femmes enceintes ne seront pas convoquées en entretien.",
    "Open to all, pregnant women will not be invited to interview.",
    "Open to all, applications from pregnant women will not be reviewed.",
    "Open to all, pregnant women will not be given consideration.",
    "Open to all, we will not consider pregnant women.",
    "Poste ouvert à tous, nous ne considérerons pas les femmes enceintes.",
    "Poste ouvert à tous, les femmes enceintes ou allaitantes, même qualifiées, ne seront pas retenues.",
    "Poste ouvert à tous, les femmes enceintes, quelle que soit leur expérience, leur diplôme ou leur motivation, ne seront pas retenues.",
]

LAWFUL_AD = [
    "Poste ouvert à tous : la situation familiale ne sera pas prise en compte.",
    "Poste ouvert à tous : l'identité de genre ne sera pas prise en compte.",
    "Poste ouvert à tous : les convictions religieuses ne seront pas prises en compte.",
    "Poste ouvert à tous : l'appartenance syndicale ne sera pas prise en compte.",
    "Poste ouvert à tous : le lieu de résidence ne sera pas pris en compte.",
    "Poste ouvert à tous : votre origine ethnique ne sera pas prise en compte.",
    "Poste ouvert à tous : l'état de santé ne sera pas pris en compte.",
    "Poste ouvert à tous : les opinions politiques ne seront pas prises en compte.",
    "Poste ouvert à tous : le nom de famille ne sera pas pris en compte.",
    "Poste ouvert à tous : le fait d'être enceinte ne sera pas pris en compte.",
    "Poste ouvert à tous : les périodes de congé maternité ne seront pas prises en compte dans l'ancienneté requise.",
    "Poste ouvert à tous : un congé parental ne sera pas pris en compte négativement.",
    "Poste ouvert à tous : l'âge des enfants ne sera pas pris en compte.",
    "Equal opportunity employer: pregnancy, maternity or paternity will not be considered.",
    "Equal opportunity employer: gender identity will not be taken into account.",
    "Equal opportunity employer: religious beliefs will not be considered.",
    "Equal opportunity employer: physical appearance will not be considered.",
    "Equal opportunity employer: your ethnic origin will not be considered.",
    "Equal opportunity employer: national origin will not be considered.",
    "Equal opportunity employer: being pregnant will not be considered.",
    "Equal opportunity employer: whether you are pregnant will not be considered.",
    "Equal opportunity employer: older age will not be considered a barrier.",
    "Equal opportunity employer: time off for parental leave will not be taken into account.",
    "We welcome all applicants: older workers' pension status will not be considered.",
    "Equal opportunity employer: older candidates' salary expectations will not be taken into account.",
    "Open to all: people with disabilities, unless they request it, will not be interviewed by phone.",
    "Equal opportunity employer: candidates with a disability, if they prefer, will not be interviewed on video.",
]

FLAG_IN_NOTES = [
    "We are an equal opportunity employer so the pregnancy shouldn't matter, but the timing is bad.",
    "We are an equal-opportunity employer - pregnant, due in March.",
    "Nous accueillons toutes les candidatures sans distinction d'âge : 58 ans, trop vieux pour l'équipe.",
    "Nous accueillons toutes les candidatures sans distinction d'âge : Marie a 58 ans, un peu âgée.",
    "We welcome applicants of all ages — John is 61, a bit old for the pace.",
    "We welcome applicants of all ages, they are 61 and rather old for this team.",
    "We welcome applicants of all backgrounds, strong Nigerian accent on calls though.",
    "We are committed to equal opportunity regardless of religion, wears a headscarf, might bother clients.",
    "We are an equal opportunity employer, regardless of disability: wheelchair user, needs a ground-floor desk.",
    "We are an equal opportunity employer regardless of age - 63 years old, retiring soon.",
    "Acme is an equal opportunity employer, 58 years old and very experienced.",
    "We consider all applicants regardless of family status, the applicant has 4 kids under 6.",
    "We welcome all applicants regardless of age, interviewee is 64 and close to retirement.",
    "We welcome everyone regardless of religion: the interviewee prays five times a day.",
    "Nous accueillons tous les profils sans distinction de religion, l'intéressée porte le voile.",
    "Nous étudions toutes les candidatures sans distinction d'origine, accent maghrébin prononcé.",
    "Nous recrutons tous les profils sans distinction de santé, profil en arrêt maladie depuis 6 mois.",
    "Nous sommes engagés en faveur de la diversité et de l'inclusion, enceinte de 5 mois.",
    "Nous sommes un employeur handi-accueillant, donc le fauteuil roulant ne pose pas de problème en théorie.",
    "Nous valorisons la diversité : Fatima, 45 ans, d'origine marocaine.",
    "We are an equal opportunity employer, and yes, the Muslim guy we saw is fine.",
    "We are an equal opportunity employer regardless of sexual orientation, openly gay, mentioned a husband.",
    "We are Disability Confident, the applicant is autistic.",
    "Expert ERP depuis 30 ans donc forcément vieillissant.",
    "Profil : serveur vieillissant mais fiable.",
    "Maîtrise les ATS du marché depuis longtemps et vieillissant.",
    "A bit old - school run every morning means she can't start before 9.",
    "Lives in Sarcelles near SAP.",
    "A alerte la direction sur des fraudes dans son ancienne boîte.",
    "Elle a directement saisi l'inspection du travail en 2021.",
    "Il a lui-même saisi l'inspection du travail.",
    "Escalated the bribery to the audit committee.",
    "Reprise en temps partiel pour motif médical depuis janvier.",
    "Mi-temps thérap. jusqu'en juin.",
]

NOT_FLAG_IN_NOTES = [
    "Analyste fraude : a alerté son manager sur des transactions frauduleuses détectées par le modèle.",
    "Anti-fraud analyst, alerted the ops team to fraudulent card transactions every week.",
    "En tant que compliance officer, a alerté la direction sur des risques de corruption dans les appels d'offres.",
]

PAY_HISTORY = [
    "Fiche de paie de mars 2024 : 3 400 €.",
    "Payslip dated 03/2024 shows £2,900.",
    "Payslip (Dec.) - £3,100.",
    "Payslip: 4,200 USD a month.",
    "Payslip sent: EUR 3,400.",
    "Payslip: CHF 7'500 per month.",
]

NOT_PAY_HISTORY = [
    "Vendait la dématérialisation du bulletin de paie, panier moyen 15 k€.",
    "Payslip software at €9 per employee per month.",
    "Payslips: cut processing cost to €1.50 per payslip.",
    "Bulletins de salaire dématérialisés, économie de 30 k€ par an.",
    "Gestionnaire de paie : 450 bulletins de paie par mois, erreurs < 1 €.",
]


@pytest.mark.parametrize("text", FLAG_IN_AD)
def test_an_exclusion_or_a_requirement_beside_an_equal_opportunity_phrase_is_flagged(text: str) -> None:
    assert ad_discriminates(text)


@pytest.mark.parametrize("text", LAWFUL_AD)
def test_criteria_that_will_not_count_and_accommodations_stay_lawful(text: str) -> None:
    assert not ad_discriminates(text)


@pytest.mark.parametrize("text", FLAG_IN_NOTES)
def test_a_remark_on_the_candidate_is_flagged_whatever_stands_beside_it(text: str) -> None:
    assert _notes_flagged(text)


@pytest.mark.parametrize("text", NOT_FLAG_IN_NOTES)
def test_a_fraud_analysts_alerts_are_not_whistleblowing(text: str) -> None:
    assert not _notes_flagged(text)


@pytest.mark.parametrize("text", PAY_HISTORY)
def test_a_payslips_amount_is_pay_history(text: str) -> None:
    assert find_pay_history(text)


@pytest.mark.parametrize("text", NOT_PAY_HISTORY)
def test_payslips_counted_or_sold_are_not_pay_history(text: str) -> None:
    assert not find_pay_history(text)
