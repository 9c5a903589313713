"""Classes of the thirteenth dev round's false positives (stop 38), each written here for its class, not copied from a
dev note: a scorecard template's numbered headings over arrow answers (« 3. Culture marketing » then « → non
abordé »), a field answered « N/A » or « sans objet », and what the candidate wishes or will have to do
(« aimerait un jour manager », "will need to learn HubSpot") rather than what they did."""

from __future__ import annotations

import pytest
from notes_helpers import statuses as _status

from assistant.notes import summarize_notes

GRID = """GRILLE — Account Manager — 1er tour
Candidate : Léa Martin

  1. Expérience similaire
     → 3 ans AM chez un éditeur de logiciel de paie, 60 PME en portefeuille.
  2. Culture marketing
     → non abordé
  3. Anglais
     → à creuser au prochain tour
  4. Chiffres / KPI / Excel
     →
  5. Management d'équipe
     → N/A (poste sans encadrement)
  6. Résolution de conflits
     → a récupéré un client furieux après une panne : appel le jour même, geste commercial, client renouvelé.
  7. Écoute / aisance relationnelle / réactivité
     → Le reste à voir en mise en situation.
"""


def test_a_template_s_numbered_headings_over_arrow_answers_are_not_evidence(services) -> None:
    st = _status(summarize_notes(GRID, services))
    for cid in (
        "marketing_culture",
        "english",
        "data_kpi",
        "team_management",
        "listening",
        "interpersonal",
        "reactivity",
    ):
        assert st[cid] != "assessed", cid
    assert st["experience_similar"] == "assessed"
    assert st["conflict_resolution"] == "assessed"


@pytest.mark.parametrize(
    "line",
    [
        "Management : N/A (pas d'équipe sur ce poste)",
        "Team management: n/a, individual contributor role",
        "Encadrement → sans objet pour ce poste",
        "Managing people: not applicable here.",
    ],
)
def test_a_field_answered_not_applicable_is_not_evidence(services, line: str) -> None:
    st = _status(summarize_notes("Entretien AM – 3 ans AM chez un grossiste, 40 comptes.\n- " + line + "\n", services))
    assert st["team_management"] != "assessed", line


@pytest.mark.parametrize(
    ("line", "cid"),
    [
        ("Elle aimerait un jour manager une équipe.", "team_management"),
        ("He'd like to manage a team in two or three years.", "team_management"),
        ("Souhaiterait évoluer vers l'encadrement d'une petite équipe.", "team_management"),
        ("Il faudra qu'il se forme à HubSpot dès son arrivée.", "data_kpi"),
        ("She will need to learn our Excel forecasting model.", "data_kpi"),
        ("À terme, elle devra encadrer le stagiaire de l'équipe.", "team_management"),
    ],
)
def test_a_wish_or_a_future_duty_is_not_evidence(services, line: str, cid: str) -> None:
    st = _status(summarize_notes("Entretien AM – 3 ans AM chez un grossiste, 40 comptes.\n- " + line + "\n", services))
    assert st[cid] != "assessed", line


@pytest.mark.parametrize(
    ("line", "cid"),
    [
        ("A encadré une équipe de 4 commerciaux pendant deux ans.", "team_management"),
        ("She managed a team of five AMs and would like to do so again.", "team_management"),
        ("Suit ses comptes dans un tableau Excel mis à jour chaque semaine.", "data_kpi"),
        ("  4. Chiffres\n     → suit son churn et son NRR chaque mois dans Excel.", "data_kpi"),
    ],
)
def test_what_the_candidate_did_still_counts(services, line: str, cid: str) -> None:
    st = _status(summarize_notes("Entretien AM – 3 ans AM chez un grossiste, 40 comptes.\n- " + line + "\n", services))
    assert st[cid] == "assessed", line


@pytest.mark.parametrize(
    "line",
    [
        "His answer was pretty good, if a bit long.",
        "The example she gave was thin: no figures.",
        "Her pipeline is thin right now.",
        "References are thin on the ground.",
        "Pitch was really slim on figures.",
        'Says he "lives in the health-score dashboard".',
        "She lives in her team's shared spreadsheet.",
    ],
)
def test_words_of_the_body_or_home_in_another_sense_are_not_flagged(line: str) -> None:
    from assistant.rules.safety import check_notes

    assert check_notes(line).discrimination == [], line


@pytest.mark.parametrize(
    "line",
    [
        "She is pretty.",
        "She is pretty and smart.",
        "He is very tall for the role.",
        "She is thin, looks tired.",
        "Must be slim.",
        "He lives in the Paris region.",
        "Lives in a small town an hour away.",
    ],
)
def test_the_body_and_the_home_are_still_flagged(line: str) -> None:
    from assistant.rules.safety import check_notes

    assert check_notes(line).discrimination, line


# review of stop 38: a wish beside a fact is not only a wish
@pytest.mark.parametrize(
    "line",
    [
        "He'd like to manage again (ran a team of 5 at Acme)",
        "Il aimerait manager : il gère déjà informellement 2 juniors",
        "Elle aimerait recommencer à manager, elle manageait 5 personnes chez Decathlon",
        "Elle espère rester sur du grand compte, 7 ans chez SAP",
        "She wants to keep prospecting in English, she runs 50 calls a week",
    ],
)
def test_a_wish_beside_a_fact_may_be_evidence(line: str) -> None:
    from assistant.notes.prepare import non_evidence_reason

    assert non_evidence_reason(line) == "", line


def test_an_arrow_run_is_read_once() -> None:
    from assistant.notes.offline import _NOT_DISCUSSED

    from support import cpu_seconds

    assert cpu_seconds(lambda: _NOT_DISCUSSED.search("→" * 40_000)) < 0.5
