"""Issue 9, the eleventh dev round's failure classes (evals/notes-heldout/h169-h183: text on a competency's topic that
is not evidence about the candidate), each tested on notes written here, unlike the round's own, with the candidate's
own evidence beside it that must still count:
- an AI notetaker's "Action items" and a Teams recap's « Tâches de suivi » are what happens next; "Keywords" and
  « Étiquettes » are tags; "What we need" is the job;
- the framework's own labels and descriptions copied into the notes as a template are not evidence;
- the recruiter's guess (« j'imagine », "I'd guess", « je suppose ») is an inference, not an observation;
- an "AI:" line of a summary being corrected, an offer line and a notice period are not evidence of the competency
  their words name;
- a company presentation by a named interviewer ("Company presentation: Ana presented…") is the pitch."""

from __future__ import annotations

import pytest
from notes_helpers import marks
from notes_helpers import statuses as _status

from assistant.notes import summarize_notes
from assistant.notes.prepare import non_evidence_reason
from assistant.rules.pay_history import is_pay_history

NOTETAKER = (
    "Auto-summary — screen with Priya Nair (recruiter: Ben)\n"
    "\n"
    "Outline\n"
    "- 00:02 Company presentation: Ben presented the product and the team's forecasting routine in Excel.\n"
    "- 00:09 Background: Priya has been an account manager for three years at a logistics-software vendor, 45 accounts.\n"
    "\n"
    "Action items\n"
    "- [ ] Ben: send the negotiation role-play brief and the KPI case\n"
    "- [ ] Ben: ask the Madrid team whether English is required\n"
    "\n"
    "Keywords\n"
    "negotiation · Excel · KPIs · English · team management\n"
)


def test_an_ai_notetakers_action_items_keywords_and_pitch_are_not_evidence(services) -> None:
    st = _status(summarize_notes(NOTETAKER, services))
    assert st["experience_similar"] == "assessed"
    for cid in ("data_kpi", "sales_temperament", "english", "team_management"):
        assert st[cid] != "assessed", cid


RECAP_FR = (
    "Récapitulatif de la réunion Teams — Entretien AM\n"
    "Notes\n"
    "• Inès gère 30 comptes chez un grossiste en fournitures de bureau depuis 5 ans.\n"
    "• Elle a présenté son suivi mensuel des renouvellements dans Excel, avec le taux de churn par segment.\n"
    "\n"
    "Tâches de suivi\n"
    "• Karim : préparer le jeu de rôle de négociation\n"
    "• Karim : vérifier si l'anglais est utile pour le compte suisse\n"
)


def test_a_teams_recaps_follow_up_tasks_are_not_evidence(services) -> None:
    st = _status(summarize_notes(RECAP_FR, services))
    assert st["experience_similar"] == "assessed"
    assert st["data_kpi"] == "assessed"  # her own Excel follow-up, above the tasks
    for cid in ("sales_temperament", "english"):
        assert st[cid] != "assessed", cid


@pytest.mark.parametrize(
    "line",
    [
        "Keywords: negotiation, CRM, Excel, English",
        "Tags : négociation, anglais, urgent",
        "Étiquettes : négociation, excel, réseau",
        "Mots-clés : KPI, conflit, écoute",
    ],
)
def test_a_line_of_tags_is_not_evidence(line: str) -> None:
    assert non_evidence_reason(line) == "template"


@pytest.mark.parametrize(
    "line",
    [
        "Key accounts: she kept all 12 of them through the merger.",
        "Tags every deal in the CRM with its renewal date, the cleanest pipeline I have seen.",
    ],
)
def test_a_label_like_start_is_no_tag_list(line: str) -> None:
    assert non_evidence_reason(line) == ""


NEEDS = (
    "Debrief HM — Tomás R.\n"
    "What we need:\n"
    "- Someone who can negotiate hard renewals, procurement always asks for 10% off.\n"
    "- Someone calm when an outage hits a big client.\n"
    "\n"
    "What I saw:\n"
    "- 4 years as account manager at a payroll-software vendor, 35 SMB clients.\n"
)


def test_what_the_team_needs_is_not_evidence(services) -> None:
    st = _status(summarize_notes(NEEDS, services))
    assert st["experience_similar"] == "assessed"
    for cid in ("sales_temperament", "reactivity", "conflict_resolution"):
        assert st[cid] != "assessed", cid


TEMPLATE_FR = (
    "Grille AM (copiée du référentiel)\n"
    "Sens de l'écoute — Écoute, observation et esprit d'analyse.\n"
    "→ ?\n"
    "Réseau — Un solide réseau professionnel, utile pour développer les comptes et en conquérir de nouveaux.\n"
    "→ TBD\n"
    "Expérience dans un poste similaire — Une expérience significative comme account manager ou équivalent.\n"
    "→ 3 ans chargé de comptes chez un éditeur de logiciels pour notaires, 80 études suivies.\n"
)


def test_the_frameworks_own_words_copied_as_a_template_are_not_evidence(services) -> None:
    st = _status(summarize_notes(TEMPLATE_FR, services))
    assert st["experience_similar"] == "assessed"
    for cid in ("listening", "network"):
        assert st[cid] != "assessed", cid


def test_the_frameworks_english_description_is_a_template_too(services) -> None:
    notes = (
        "Scorecard template v3\n"
        "Figures, KPIs and spreadsheets: Expert with figures: reviewing KPIs, writing business plans, mastering Excel.\n"
        "Answer: not covered.\n"
        "Sales temperament: Sales techniques, ease with people, persuasion, identifying client needs.\n"
        "Answer: 6 years selling payroll software to SMBs, always above quota.\n"
    )
    st = _status(summarize_notes(notes, services))
    assert st["data_kpi"] != "assessed"
    assert st["sales_temperament"] == "assessed"


@pytest.mark.parametrize(
    "line",
    [
        "I'd guess he's a natural closer, but no example today.",
        "J'imagine qu'avec son parcours elle a un bon carnet d'adresses dans le Sud-Ouest.",
        "Je suppose qu'elle connaît du monde chez les distributeurs ?",
        "My guess is she would be fine with our CRM.",
        "I imagine she negotiates well, given how she talks.",
        "Je ne serais pas étonné qu'il connaisse déjà nos clients.",
        "I liked her, I think she'd pick up our CRM in a week.",
        "Je pense qu'il saurait gérer nos grands comptes.",
    ],
)
def test_the_recruiters_guess_is_an_inference(line: str) -> None:
    assert non_evidence_reason(line) == "inference"


@pytest.mark.parametrize(
    "line",
    [
        "He guessed the client's budget right and priced the renewal 2% under it.",
        "She imagined a new onboarding flow and rolled it out to 40 clients.",
        "She supposed the client would churn and opened the renewal talks 4 months early.",
        "Elle suppose toujours le pire et prépare un plan B pour chaque renouvellement.",
        "I think she handled the price rise well: 38 of 40 clients renewed.",
        "Je pense qu'il a bien géré la crise : il a rappelé les 12 clients en deux jours.",
    ],
)
def test_the_candidates_own_guessing_or_imagining_stays_possible_evidence(line: str) -> None:
    assert non_evidence_reason(line) != "inference"


@pytest.mark.parametrize(
    "line",
    [
        'AI: "Managed a team of six account managers."',
        "AI summary: « A négocié une hausse de prix de 15 % »",
        "Résumé IA : « Maîtrise Excel et les tableaux croisés dynamiques »",
    ],
)
def test_a_line_of_an_ai_summary_being_corrected_is_a_claim(line: str) -> None:
    assert non_evidence_reason(line) == "claim"


@pytest.mark.parametrize(
    "line",
    [
        "Offer: 52k base + 15% variable on net revenue retention, accepted in principle.",
        "Offre : 48 k€ fixe + variable sur la marge, acceptée.",
        "Notice — 3 months, hopes to negotiate it down to 6 weeks.",
        "Préavis : 2 mois, elle va négocier pour partir plus tôt.",
    ],
)
def test_an_offer_or_a_notice_period_is_logistics(line: str) -> None:
    assert non_evidence_reason(line) == "logistics"


@pytest.mark.parametrize(
    "line",
    [
        "00:04 Company presentation: Ana presented the product and the Q4 renewal cycle.",
        "Présentation de l'entreprise : Paul a présenté les 3 gammes et le cycle de renouvellement.",
        "Team context: Ana described the team's escalations since the price rise.",
    ],
)
def test_a_named_interviewers_company_presentation_is_the_pitch(line: str) -> None:
    assert non_evidence_reason(line) == "pitch"


@pytest.mark.parametrize(
    "line",
    [
        "Priya presented her QBR deck for her largest client, clear and well structured.",
        "Ana described how she rebuilt the renewal process at her company.",
        "Company: 4 years at a logistics-software vendor, 45 accounts.",
    ],
)
def test_the_candidates_own_presentation_stays_possible_evidence(line: str) -> None:
    assert non_evidence_reason(line) not in ("pitch", "template")


@pytest.mark.parametrize("line", ["« Excel : 4/5 » (son auto-évaluation)", "CRM: 5/5 (self-rated)"])
def test_a_self_rating_with_its_marker_after_it_is_the_grid(line: str) -> None:
    assert non_evidence_reason(line) == "grid"


def test_a_self_rating_beside_what_was_seen_stays_possible_evidence() -> None:
    assert non_evidence_reason("Excel: 4/5 self-rated, and her pivot of the 3 accounts in the case backs it up.") == ""


def test_the_recruiters_guess_does_not_count_but_the_fact_beside_it_does(services) -> None:
    notes = (
        "Call w/ Noah — AM\n"
        "- 5 yrs AM at a telecom reseller, 60 SMB accounts.\n"
        "- I'd guess his network in the region is strong, didn't ask.\n"
    )
    st = _status(summarize_notes(notes, services))
    assert st["experience_similar"] == "assessed"
    assert st["network"] != "assessed"


def test_the_segments_of_a_notetaker_summary_say_why_they_do_not_count() -> None:
    m = marks(NOTETAKER)
    assert m["[ ] Ben: send the negotiation role-play brief and the KPI case"] == "next_step"
    assert m["negotiation · Excel · KPIs · English · team management"] == "template"
    background = next(k for k in m if "logistics-software vendor" in k)
    assert m[background] == ""


@pytest.mark.parametrize(
    "clause",
    [
        "Current package 46k base + 6k bonus (she volunteered it, not asked).",
        "Salaire actuel 41 k€ fixe, donné spontanément, pas demandé.",
    ],
)
def test_pay_volunteered_is_still_pay_history(clause: str) -> None:
    assert is_pay_history(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "Current salary not asked.",
        "Salaire actuel : pas demandé (interdit).",
    ],
)
def test_pay_not_asked_is_no_pay_history(clause: str) -> None:
    assert not is_pay_history(clause)
