"""Issue 9, the fourteenth dev round's failure classes (evals/notes-heldout/h214-h228), tested on notes written here,
unlike the round's own: French « rapport » with its article is a document (« extrait du rapport de personnalité »,
« le rapport la décrit… »), matched by the English cue "rapport"; a rapport with someone still counts."""

from __future__ import annotations

import pytest
from notes_helpers import statuses as _status

from assistant.notes import summarize_notes

_HEAD = "Entretien AM – 3 ans AM chez un grossiste, 40 comptes.\n- "


@pytest.mark.parametrize(
    "line",
    [
        "Extrait du rapport d'évaluation en ligne, collé tel quel.",
        "Je lui ai relu le passage du rapport.",
        "Le cabinet précise que le rapport n'est qu'un support de discussion.",
        "Mon avis : ce rapport la décrit moins bien que l'entretien.",
        "Reçu les rapports du test vendredi.",
        "Rapport en anglais, collé tel quel.",
    ],
)
def test_a_report_with_its_article_is_no_rapport(services, line: str) -> None:
    assert _status(summarize_notes(_HEAD + line + "\n", services))["interpersonal"] != "assessed", line


@pytest.mark.parametrize(
    "line",
    [
        "Le rapport qu'il crée avec les acheteurs est remarquable.",
        "Un rapport très direct avec ses clients, ils l'appellent par son prénom.",
        "Son rapport avec les acheteurs est excellent.",
        "Des rapports de confiance avec ses acheteurs, bâtis sur 10 ans.",
        "Builds rapport fast, even with a hostile buyer.",
    ],
)
def test_a_rapport_with_someone_still_counts(services, line: str) -> None:
    assert _status(summarize_notes(_HEAD + line + "\n", services))["interpersonal"] == "assessed", line


@pytest.mark.parametrize(
    "line",
    [
        "Rapport du test de personnalité en anglais, collé tel quel.",
        "The assessment report from the agency was in English.",
        "Questionnaire en anglais reçu du cabinet avant l'entretien.",
    ],
)
def test_a_document_in_english_is_not_the_candidates_english(services, line: str) -> None:
    assert _status(summarize_notes(_HEAD + line + "\n", services))["english"] != "assessed", line


@pytest.mark.parametrize(
    "line",
    [
        "Entretien mené en anglais sur 20 minutes, très à l'aise.",
        "Presented her QBR deck in English to our UK director, fluent.",
    ],
)
def test_the_candidates_english_still_counts(services, line: str) -> None:
    assert _status(summarize_notes(_HEAD + line + "\n", services))["english"] == "assessed", line


# (review of stop 40) the candidate writing or presenting in English, and a rapport with people, still count
@pytest.mark.parametrize(
    "line",
    [
        "A rédigé son rapport de stage en anglais, très propre.",
        "She wrote the report herself in English, no spelling mistakes.",
        "Presented her QBR report in English to the board.",
        "A présenté ses rapports clients en anglais chaque mois chez Acme.",
        "Rapports hebdo rédigés en anglais pour son N+1 londonien.",
        "Her reports were written in English for the US HQ.",
        "Rédige les annonces en anglais pour le marché UK.",
        "Écrit ses rapports en anglais sans faute.",
        "Elle a écrit le rapport en anglais.",
    ],
)
def test_the_candidates_own_writing_in_english_counts(services, line: str) -> None:
    assert _status(summarize_notes(_HEAD + line + "\n", services))["english"] == "assessed", line


@pytest.mark.parametrize(
    "line",
    [
        "Son rapport aux autres est simple.",
        "Le rapport à l'autre est simple.",
        "Un rapport sincère avec chaque acheteur.",
        "Le rapport client est excellent.",
        "Son rapport aux acheteurs est excellent.",
        "Un rapport d'égal à égal avec les DAF.",
        "Un rapport de proximité avec les acheteurs.",
    ],
)
def test_a_rapport_with_people_however_worded_counts(services, line: str) -> None:
    assert _status(summarize_notes(_HEAD + line + "\n", services))["interpersonal"] == "assessed", line
