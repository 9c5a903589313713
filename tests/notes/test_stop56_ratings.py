"""Stop 56's blind measure of `summarize` (12 notes in styles the earlier sets lacked, frozen before the first run):
on scorecard rows the interviewer's own rating was ignored. "Drive / selling: 5/5 – … without flinching" came out a
weakness, "Numbers: 2/5 – …" and « Formation : 4/5 – … » neutral, and rows whose label has no colon after it
(« Chiffres 5/5 – … », "Listening – 3/5, …") or names two things (« Négo/vente 3/5 : … ») were not read as rows.
The rows below are written here, in the shapes the measure found."""

from __future__ import annotations

import pytest

from assistant.notes import summarize_notes


def _polarities(services, line: str, cid: str) -> list[str]:
    note = f"Entretien AM – 2e tour – 12/05\n{line}\nProchaine étape : rencontre équipe.\n"
    summary = summarize_notes(note, services)
    return [e.polarity for a in summary.competencies if a.id == cid for e in a.evidence]


@pytest.mark.parametrize(
    ("line", "cid", "want"),
    [
        # a clear rating is the writer's verdict on the row's competency, whatever words the reason uses
        (
            "Drive / selling: 5/5 – best in his team four quarters running, took my objections without flinching",
            "sales_temperament",
            "positive",
        ),
        ("Numbers: 2/5 – knows his own activity stats, nothing on revenue or forecasting", "data_kpi", "negative"),
        ("Formation : 4/5 – école d'ingénieurs, passé ensuite à la vente", "education", "positive"),
        ("Anglais 2/5 – comprend bien mais cherche ses mots à l'oral", "english", "negative"),
        ("English – 4/5, ran the second half of the call in English", "english", "positive"),
        # the label before the rating, no colon: « Chiffres 5/5 – … »
        ("Chiffres 5/5 – a refait le business plan du cas en 20 min sur Excel", "data_kpi", "positive"),
        # the colon after the rating: « Écoute 2/5 : … »
        ("Écoute 2/5 : répond avant la fin des questions, peu de reformulation", "listening", "negative"),
        # a label naming two things, one of them the competency: « Négo/vente »
        ("Négo/vente 4/5 : a tenu son prix dans la simulation", "sales_temperament", "positive"),
        # out of 10 and in stars
        ("Organisation : 8/10 – prépare ses revues de comptes un mois à l'avance", "organisation", "positive"),
        ("Réactivité ★★☆☆☆ – a mis trois jours à rappeler le client", "reactivity", "negative"),
        # a label that names no competency: the rating is about what its reason is evidence of
        (
            "Problem solving under pressure: 4/5 – rescued a botched demo in 10 mins by switching to a sandbox",
            "reactivity",
            "positive",
        ),
    ],
)
def test_a_clear_rating_sets_the_rows_polarity(services, line: str, cid: str, want: str) -> None:
    got = _polarities(services, line, cid)
    assert got, f"{cid} not found in {line!r}"
    assert set(got) == {want}, got


def test_a_middle_rating_leaves_the_words_to_decide(services) -> None:
    got = _polarities(services, "Écoute 3/5 : coupe la parole, reformule peu", "listening")
    assert got and "positive" not in got, got


def test_a_rating_under_another_label_does_not_judge_what_the_reason_mentions(services) -> None:
    # the 2/5 is about the experience, not about prospecting (a sales word)
    got = _polarities(
        services,
        "Expérience : 2/5 – 18 mois de prospection téléphonique, très à l'aise au téléphone",
        "sales_temperament",
    )
    assert "negative" not in got, got


@pytest.mark.parametrize(
    "line",
    [
        "Score sheet: organisation 4/5, written comms 2/5",  # two ratings on one row: none decides
        "Note globale : 4/5 – organisation à revoir, trop d'oublis",  # an overall score judges no competency
    ],
)
def test_rows_whose_rating_is_not_the_rows_verdict(services, line: str) -> None:
    got = _polarities(services, line, "organisation")
    assert "positive" not in got, got


def test_a_bare_rating_is_still_no_evidence(services) -> None:
    # rows with a rating and no reason stay not assessed (evals/notes: « a rating is not evidence »)
    assert _polarities(services, "Chiffres 5/5", "data_kpi") == []
    assert _polarities(services, "Écoute : 4/5", "listening") == []


def test_a_rated_row_without_colon_is_read_as_its_labels_row(services) -> None:
    # "Relevant exp" names the similar-role experience, though the reason's words name prospecting
    note = (
        "AM interview – 3 May\n"
        "Relevant exp: 2/5 – 18 mo of outbound prospecting, never owned accounts after the sale\n"
        "Gestion de crise 4/5 : retard de livraison géré avec l'usine et un geste commercial, client gardé\n"
    )
    summary = summarize_notes(note, services)
    by_id = {a.id: [e.polarity for e in a.evidence] for a in summary.competencies if a.evidence}
    assert by_id.get("experience_similar") == ["negative"], by_id
    assert "positive" in by_id.get("conflict_resolution", []), by_id
