"""A read-only review of the eleventh round's rules (e66ffd0) found them hiding the candidate's own evidence and
missing protected remarks; each finding is tested here on its inputs:
- a pattern for tag lists backtracked for 50 s on a 108-character line;
- sections under "Action items", "Tags" or "What we need" ran over the evidence after their list;
- labels ("Offer:", "AI:", "Product pitch:", "Tags:") hid what the candidate did when it followed them;
- a guess in a sentence that also reports a fact hid the fact; facts in the framework's words read as a template;
- « handicapés », « maire » and « belle » exceptions hid the candidate's own status or stance."""

from __future__ import annotations

import time

import pytest
from notes_helpers import flag_kinds as _kinds
from notes_helpers import statuses as _status

from assistant.notes import summarize_notes
from assistant.notes.prepare import non_evidence_reason, prepare
from assistant.rules.pay_history import is_pay_history


def test_a_padded_tag_line_is_read_in_bounded_time() -> None:
    line = "Tags: " + ("a" + " " * 7 + ",") * 11 + " " + "x" * 35
    started = time.process_time()
    prepare("- 5 ans AM, 30 comptes.\n" + line + "\n", 20_000)
    assert time.process_time() - started < 5  # a bound against a hang (it took 50 s), not a speed target


@pytest.mark.parametrize(
    "line",
    [
        "She presented the product in 8 minutes, clear structure, handled 3 objections.",
        "Elle a présenté le produit en 10 min, structuré, a géré 3 objections.",
        "Candidate presented the product to the panel, clear and confident.",
        "Product pitch: she pitched our product in 10 min, handled 3 objections.",
        "Présentation du produit : elle a présenté notre produit au jury, très structurée.",
        "Role context: she has 6 years as KAM at Schneider, 25 accounts.",
        "[00:04] Team context: she manages 3 juniors and runs the weekly pipeline review.",
        "Presumably to save time, she rebuilt the renewal dashboard in Excel and cut churn by 4 points.",
        "Elle a négocié en anglais avec le client allemand pendant 20 min ; je suppose qu'elle a l'habitude.",
        "My gut says yes - she closed 14 deals in Q3, top of her team.",
        "I think she would be great; she already negotiated three renewals alone.",
        "Je la vois bien sur le poste : elle a repris 30 comptes en 3 mois.",
        "« Je suppose que le client veut une remise, donc j'ai proposé un engagement 3 ans » – signé.",
        "Offer: she offered the client a 3-month pilot to save the renewal, which closed at 120k.",
        "Proposition : propose spontanément 3 améliorations du process de renouvellement.",
        "AI: uses ChatGPT daily to prep QBRs and summarise client calls.",
        "IA : utilise Copilot pour rédiger ses comptes rendus clients, gain de 2h/semaine.",
        "AI: got it wrong, she actually managed 12 accounts, not 6, and grew them by 30%.",
        "Tags: negotiated a 3-year renewal, saved Danone, trained 4 juniors",
        "Mots-clés : a négocié avec Airbus, a doublé le CA, anglais courant",
        "English 4/5 self-rated, fluent in practice",
        "Handled the Airbus RFP at short notice: 2 days.",
        "Very short notice: 3 tenders answered in one week, 2 of them alone.",
    ],
)
def test_the_candidates_own_deeds_after_a_label_or_beside_a_guess_stay_possible_evidence(line: str) -> None:
    assert non_evidence_reason(line) == ""


@pytest.mark.parametrize(
    "notes",
    [
        "Action items\n- Ben to send the case study by Friday.\n"
        "Tom closed the Airbus renewal alone in 2023, 1.2M, 3 rounds of negotiation.\n",
        "Tags\nnégociation, anglais\nElle a renégocié seule le contrat Airbus en anglais, 3 tours, +8 % de prix.\n",
        "What the client needs\nShe asked about budget, timing and who signs before proposing anything.\n",
        "Besoins du client :\n- elle a posé 8 questions ouvertes avant de proposer\n",
    ],
)
def test_a_section_stops_at_the_evidence_after_its_list(notes: str) -> None:
    prepared = prepare(notes, 20_000)
    last = prepared.segments[-1]
    assert last.non_evidence == "", notes[last.orig[0] : last.orig[1]]


@pytest.mark.parametrize(
    "line",
    [
        "[ ] 5+ years as AM: only 2 years, 12 SMB accounts at Orange",
        "[ ] English: could not hold the conversation in English",
        "[ ] Team lead: never managed anyone",
    ],
)
def test_an_unmet_requirement_in_a_checklist_is_no_task(line: str) -> None:
    prepared = prepare(line + "\n", 20_000)
    assert all(s.non_evidence != "next_step" for s in prepared.segments)


@pytest.mark.parametrize(
    "line",
    [
        "Formation : master en école de commerce, spécialisation achat.",
        "Managing and growing a client portfolio after the contract is signed: 35 accounts, 2M.",
        "Il maîtrise les tableurs Excel, analyse de KPI, business plan.",
        "Il a une expérience en amélioration des process.",
    ],
)
def test_facts_in_the_frameworks_words_are_no_template(services, line: str) -> None:
    prepared = prepare(line + "\n", 20_000, services.framework)
    assert all(s.non_evidence != "template" for s in prepared.segments)


def test_a_fact_after_a_tasks_heading_still_counts(services) -> None:
    notes = "Action items\n- Ben to send the case study by Friday.\nHe manages 45 SMB accounts as account manager.\n"
    assert _status(summarize_notes(notes, services))["experience_similar"] == "assessed"


@pytest.mark.parametrize(
    "text",
    [
        "- Elle occupe un poste réservé aux travailleurs handicapés.",
        "- Elle bénéficie d'un poste adapté aux salariés handicapés depuis 2019.",
        "- Recrutée via un dispositif destiné aux travailleurs handicapés.",
        "- Elle est accessible aux personnes handicapées, très à l'écoute.",
        "- Il a été le maire de son village pendant 6 ans.",
        "- Il est premier adjoint du maire de Lyon.",
        "- Elle a fait campagne pour le maire sortant aux municipales.",
        "- Il soutient activement le maire de sa ville.",
        "- Lucas est beau garçon.",
        "- Lucas est très beau, grand, sportif.",
        "- En entretien très belle, très souriante.",
    ],
)
def test_the_candidates_own_status_or_stance_is_still_flagged(text: str) -> None:
    assert "discrimination" in _kinds(text)


def test_a_refusal_to_disclose_pay_is_no_pay_history_even_beside_a_volunteered_expectation() -> None:
    assert not is_pay_history(
        "Ne souhaite pas communiquer son salaire actuel, a donné spontanément ses prétentions : 55k."
    )


@pytest.mark.parametrize(
    "clause",
    [
        "Current package 46k base (she told me without being asked, not asked by me).",
        "Salaire actuel 46k (pas demandé, elle l'a donné de son plein gré).",
    ],
)
def test_pay_given_without_being_asked_is_pay_history(clause: str) -> None:
    assert is_pay_history(clause)
