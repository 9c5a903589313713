"""Flag gaps found by the fourteenth dev round of notes (h214-h228) at its first run, each fixed by its class and
tested here on phrasings of my own, beside the candidate's own trait or pay that must still be flagged:
- an ageing thing (« un parc vieillissant », « une relation vieillissante »), not an ageing person;
- "religiously" / « religieusement » (with zeal), not a religion;
- a unit of work (« jours-hommes », « temps-homme », "man-days"), not a sex;
- a colour of text, a font or a background ("white text"), not a skin colour;
- the candidate's own payslip with its amount (pay history);
- a report of wrongdoing to an ethics body or the authorities (whistleblower status, Code du travail L1132-1),
  not a problem flagged to a client."""

from __future__ import annotations

import pytest
from notes_helpers import flag_kinds as _kinds


@pytest.mark.parametrize(
    "text",
    [
        "- Le parc machines du client est vieillissant, d'où l'appel d'offres qu'elle a gagné.",
        "- Relation un peu vieillissante avec l'acheteur : elle l'a relancée avec un comité trimestriel.",
        "- Une clientèle vieillissante de boutiques indépendantes, qu'elle a fait passer au e-commerce.",
        "- Gamme vieillissante, il a quand même tenu le CA.",
        "- He religiously updates Salesforce after every call.",
        "- Tient religieusement son tableau de relances.",
        "- Projet chiffré à 40 jours-hommes, livré dans les temps.",
        "- Vend du conseil au temps-homme, pas des licences.",
        "- Scoped the rollout at 60 man-days and stayed within budget.",
        "- Her deck used white text on a dark background, very readable.",
        "- The proposal had a white background and our logo; fine.",
        "- Typed in white font so nobody saw it: a bad idea he admits.",
        "- It was white text on white, invisible in the PDF.",
    ],
)
def test_things_that_age_zeal_units_of_work_and_colours_of_text_are_not_flagged(text: str) -> None:
    assert "discrimination" not in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "- Candidat vieillissant, un peu lent à l'écrit.",
        "- Il est un peu vieux pour l'équipe.",
        "- Très religieuse, prie à midi.",
        "- Je préfère un homme pour ce portefeuille.",
        "- He is white, the client would like that.",
    ],
)
def test_the_candidates_own_trait_is_still_flagged(text: str) -> None:
    assert "discrimination" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "- He offered to forward his latest pay slip: 4,100 gross a month.",
        "- Elle m'a envoyé sa dernière fiche de paie : 3 450 € brut.",
        "- Son bulletin de salaire de mars montre 2 900 € nets.",
        "- Sent her last payslip (3,850 a month) to prove her figures.",
    ],
)
def test_the_candidates_payslip_with_its_amount_is_pay_history(text: str) -> None:
    assert "pay_history" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "- She asked whether payslips are digital here; yes, via our portal.",
        "- Prétentions : 52 k€ fixe, fiche de paie pas demandée.",
        "- Nos bulletins de paie sont dématérialisés, elle a trouvé ça bien.",
    ],
)
def test_a_payslip_without_the_candidates_amount_is_not_pay_history(text: str) -> None:
    assert "pay_history" not in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "- Il a signalé à la compliance des pots-de-vin chez son ancien employeur ; le manager trouve ça risqué.",
        "- She reported her boss's expense fraud to the ethics hotline in 2022, and the director doesn't want that again.",
        "- Elle a dénoncé des faits de harcèlement à l'inspection du travail en 2021, on m'a dit de m'en méfier.",
        "- He blew the whistle on a bribery scheme at his last company.",
        "- Partie après avoir signalé des malversations au comité d'éthique.",
    ],
)
def test_a_report_of_wrongdoing_is_whistleblower_status(text: str) -> None:
    assert "discrimination" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "- Elle a signalé au client un retard de livraison et proposé un geste.",
        "- He flagged a billing error to the client's finance team and fixed it the same day.",
        "- Reports weekly to the sales director on churn and upsell.",
        "- A repéré une tentative de fraude chez un client e-commerce et vendu notre module anti-fraude.",
        "- Signale au client les risques de fraude à la carte avant chaque pic de ventes.",
    ],
)
def test_a_problem_flagged_to_a_client_or_a_manager_is_not_whistleblowing(text: str) -> None:
    assert "discrimination" not in _kinds(text)
