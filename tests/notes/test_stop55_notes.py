"""Stop 55's blind measure of `summarize` (12 notes written from the framework alone, frozen before the first run):
notes typed one thought a line with no bullets had their lines joined into one quote (« sortie d'école… » and
« bac+5 ESC spé achats » became one piece of evidence, credited to both competencies); a transport strike the
candidate planned around was flagged as union activity and its evidence lost."""

from __future__ import annotations

import pytest

from assistant.notes import summarize_notes
from assistant.notes.facts import offline_facts
from assistant.notes.prepare import prepare, split_segments

# the shape of the blind measure's notes, written here
ONE_A_LINE = (
    "Visio 18/03 - candidature Account Manager - Léa\n"
    "sortie d'école il y a 2 ans, alternance au support client d'un éditeur SaaS\n"
    "master 2 école de commerce spé marketing\n"
    "très calme, reformule mes questions avant de répondre, creuse les besoins\n"
    "a monté seule un tableau de suivi des tickets clients repris par toute l'équipe\n"
    "aime quand ça bouge, a tenu le pic de demandes pendant la migration sans décrocher\n"
    "prétentions 40k\n"
    "dispo immédiatement\n"
)


def test_lines_with_no_bullets_and_no_full_stops_are_items_of_their_own() -> None:
    spans = split_segments(ONE_A_LINE)
    texts = [ONE_A_LINE[a:b] for a, b in spans]
    assert not any("\n" in t for t in texts), texts
    assert "master 2 école de commerce spé marketing" in texts


def test_each_line_is_its_own_quote_in_the_scorecard(services) -> None:
    summary = summarize_notes(ONE_A_LINE, services)
    quotes = [e.quote for a in summary.competencies for e in a.evidence]
    assert quotes
    assert not any("\n" in q for q in quotes), quotes


@pytest.mark.parametrize(
    "text",
    [
        # prose an editor wrapped: a line cut before the width, then its lowercase continuation
        "Parcours : licence en gestion puis 3 ans de business development dans une start-up de la mobilité, puis 2 ans "
        "comme\naccount manager sur un portefeuille de PME. Très à l'aise avec les chiffres.\n",
        # a dictated note with no punctuation: a line ending on « de » goes on
        "elle est enceinte de\ncinq mois\nbonne négociatrice\n",
    ],
)
def test_wrapped_prose_is_still_joined(text: str) -> None:
    spans = split_segments(text)
    assert any("\n" in text[a:b] for a, b in spans), [text[a:b] for a, b in spans]


@pytest.mark.parametrize(
    "line",
    [
        "- Ruptures, grèves transport : avait prévu un plan B fournisseurs avant que ça arrive",
        "- Pendant les grèves des transports, a organisé les livraisons autrement",
    ],
)
def test_a_strike_the_candidate_planned_around_is_no_union_activity(services, line: str) -> None:
    summary = summarize_notes(f"Entretien AM\n{line}\n- Bonne écoute.\n", services)
    assert not summary.flags, summary.flags


def test_taking_part_in_a_strike_is_still_flagged(services) -> None:
    summary = summarize_notes("Entretien AM\n- A fait grève en 2023, très engagé\n- Bonne écoute.\n", services)
    assert summary.flags


@pytest.mark.parametrize(
    "line",
    [
        "cas du clt historique qui veut résilier : répond remise de 20% direct, aucune question sur la cause",
        "Pas de questions sur le poste, ni sur l'équipe",
        "No questions about the team at all",
    ],
)
def test_no_question_asked_is_no_candidate_question(line: str) -> None:
    kinds = {f.kind for f in offline_facts(prepare(f"- {line}\n- Bonne écoute.\n", 20_000))}
    assert "candidate_question" not in kinds, kinds


def test_the_candidates_questions_are_still_facts() -> None:
    kinds = {f.kind for f in offline_facts(prepare("- pose bcp de questions sur nos clients\n", 20_000))}
    assert "candidate_question" in kinds


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("- attentes: 50k fixe, ouvert sur le variable", "salary_expectation"),
        ("- notice: 4 weeks", "availability"),
        ("dispo 1er juin", "availability"),
        ("- next: HM interview w/ Claire", "next_steps"),
        ("- next : débrief avec Sophie vendredi", "next_steps"),
        ("Next: case study + meet VP Sales", "next_steps"),
        ("→ envoyer étude de cas", "next_steps"),
    ],
)
def test_labelled_logistics_lines_are_facts(line: str, kind: str) -> None:
    facts = offline_facts(prepare(f"Entretien AM\n{line}\n- Bonne écoute.\n", 20_000))
    assert kind in {f.kind for f in facts}, facts


@pytest.mark.parametrize(
    "line",
    [
        "- salaire actuel : 45k",  # pay history: never a fact
        "- Salary: 50k",  # may be the current pay: not taken as an expectation
        "- CA 1,2M → 1,6M sur son portefeuille",
        "- next level negotiator",
    ],
)
def test_lines_that_are_no_labelled_logistics(line: str) -> None:
    facts = offline_facts(prepare(f"Entretien AM\n{line}\n- Bonne écoute.\n", 20_000))
    assert not {f.kind for f in facts} & {"salary_expectation", "next_steps"}, facts
