"""Notes: flags stop 41's review left unraised (its inputs, and variants written before the fix), with the lawful
sentences closest to each.
- A report to the labour inspectorate or the Défenseur des droits, made in other words than « signalé » / "reported"
  ("went to", « a contacté »), and concerns raised about wrongdoing: whistleblower status (L1132-1).
- A therapeutic part-time (« TPT », « MTT ») written as its initials: state of health.
Not built: « a saisi les prud'hommes » (a claim against a former employer). No criterion of L1132-1 names it, and
flagging it as one would tell the recruiter something the law does not say.
- A payslip amount after how it was sent (« envoyé par mail ce matin au recruteur : 3 400 € ») or after the thirteenth
  month it includes: pay history (EU Directive 2023/970 art. 5(2)). Left: a bare figure "per year" after a payslip (it
  may count payslips, as "per month" may)."""

from __future__ import annotations

import pytest

from assistant.rules.pay_history import find_pay_history

from support import criterion_labels

FLAGGED = [
    ("Went to the labour inspectorate about unpaid overtime.", "whistleblower status"),
    (
        "Complained to the labour inspector about unpaid overtime at her last job, a bit of a troublemaker.",
        "whistleblower status",
    ),
    ("A contacté l'inspection du travail pour des heures supplémentaires impayées.", "whistleblower status"),
    ("Est allée à l'inspection du travail pour ses heures sup non payées.", "whistleblower status"),
    ("Wrote to the Défenseur des droits about her former boss.", "whistleblower status"),
    ("Raised concerns internally about the accounting fraud, then left.", "whistleblower status"),
    ("She raised serious concerns with her manager about the kickbacks.", "whistleblower status"),
    ("A fait remonter en interne des soupçons de fraude comptable.", "whistleblower status"),
    ("En TPT depuis janvier.", "state of health or disability"),
    ("Reprise en MTT après son opération, à voir.", "state of health or disability"),
]
LAWFUL = [
    "Raised concerns about the client's churn early, with numbers.",
    "Raised concerns about the fraud-detection module's price with the client.",
    "Sold HR software to the labour inspectorate's regional offices.",
    "Talked to the ethics committee about the new CRM rollout.",
    "A contacté le client pour renégocier.",
    "Objectif : 30 % de TPV en plus.",
]


@pytest.mark.parametrize(("text", "label"), FLAGGED)
def test_a_report_or_a_health_mention_is_flagged(text: str, label: str) -> None:
    assert label in criterion_labels(text)


@pytest.mark.parametrize("text", LAWFUL)
def test_the_closest_lawful_sentences_are_not_flagged(text: str) -> None:
    assert not criterion_labels(text)


PAY_HISTORY = [
    "Bulletin de salaire envoyé par mail ce matin au recruteur : 3 400 €.",
    "Bulletin de salaire de décembre, 13e mois compris : 6 800 €.",
    "Payslip sent over by e-mail this morning: £2,900.",
]
NOT_PAY_HISTORY = [
    "Fiches de paie envoyées aux clients en fin de mois : 40 € par dossier.",
    "Bulletins de paie envoyés chaque mois, budget logiciel : 30 k€.",
]


@pytest.mark.parametrize("text", PAY_HISTORY)
def test_a_payslip_amount_after_how_it_was_sent_is_pay_history(text: str) -> None:
    assert find_pay_history(text)


@pytest.mark.parametrize("text", NOT_PAY_HISTORY)
def test_payslips_sent_to_clients_or_a_budget_are_not_pay_history(text: str) -> None:
    assert not find_pay_history(text)
