"""Issue 9, part 7: notes by outside writers in styles the engine had not met (markdown tables, +/- and emoji
markers, hedged or sarcastic voices, comparatives, very short notes). The causes, each on sentences unlike the dev
notes': a hedged claim ("allegedly", "soi-disant", scare quotes) is not praise, and a claim refuted in the next
sentence is a weakness; a line's marker (a +/- list, ✅/❌) carries its polarity; "less at ease" is no strength;
"without being asked" is no negation; a table row scored n/a or the overall verdict is not evidence; a client about
to leave who extended is a conflict resolved; a line of a very short note is not a wrapped line."""

from __future__ import annotations

import pytest
from notes_helpers import polarities as _polarities
from notes_helpers import statuses as _status

from assistant.notes import summarize_notes
from assistant.notes.polarity import polarity
from assistant.notes.prepare import prepare


def _assessed(summary) -> set[str]:
    return {cid for cid, status in _status(summary).items() if status == "assessed"}


# --------------------------------------------------------------------------- hedged claims and sarcasm


@pytest.mark.parametrize(
    "notes, cid",
    [
        ("Allegedly runs 25 key accounts in retail.", "experience_similar"),
        ("Gère soi-disant 40 comptes chez un grossiste.", "experience_similar"),
        ('Her "excellent rapport" with clients: two of them asked for another account manager.', "interpersonal"),
        ("Self-proclaimed expert on the retail market.", "sector_knowledge"),
    ],
)
def test_a_hedged_claim_is_not_praise(services, notes: str, cid: str) -> None:
    assert "positive" not in _polarities(summarize_notes(notes, services), cid)


def test_a_claim_refuted_in_the_next_sentence_is_a_weakness(services) -> None:
    summary = summarize_notes("Claims to manage 15 accounts. Could not name one of them.\n", services)
    assert "negative" in _polarities(summary, "experience_similar")
    assert "positive" not in _polarities(summary, "experience_similar")


def test_plain_facts_stay_positive(services) -> None:
    summary = summarize_notes("Runs 25 key accounts in retail. Named all of them and what they buy.\n", services)
    assert "positive" in _polarities(summary, "experience_similar")


# --------------------------------------------------------------------------- markers


def test_a_plus_minus_list_carries_polarity(services) -> None:
    notes = (
        "- 3 ans AM chez un éditeur, 25 comptes\n"
        "- relance ses clients une fois par mois\n"
        "+ a monté seul un tableau de bord des renouvellements\n"
    )
    assert "negative" not in _polarities(summarize_notes(notes, services), "experience_similar")
    notes = (
        "+ 3 ans AM chez un éditeur, 25 comptes\n"
        "+ a monté seul un tableau de bord des renouvellements\n"
        "- urgent client requests wait for his Friday call-back slot\n"
    )
    summary = summarize_notes(notes, services)
    assert "negative" in _polarities(summary, "reactivity"), _polarities(summary, "reactivity")


def test_a_plain_dash_list_is_not_negative(services) -> None:
    notes = (
        "- urgent client requests wait for his Friday call-back slot\n- 5 yrs AM at a software vendor, 30 accounts\n"
    )
    summary = summarize_notes(notes, services)
    assert "negative" not in _polarities(summary, "reactivity")
    assert "negative" not in _polarities(summary, "experience_similar")


@pytest.mark.parametrize(
    "notes, cid, pol",
    [
        ("✅ 10 min d'échange en anglais avec notre CTO", "english", "positive"),
        ("❌ anglais : 5 min en anglais avec notre CTO", "english", "negative"),
        (
            "❌ gestion d'un client mécontent : le laisse attendre une semaine avant de rappeler",
            "conflict_resolution",
            "negative",
        ),
    ],
)
def test_emoji_markers_carry_polarity(services, notes: str, cid: str, pol: str | None) -> None:
    summary = summarize_notes(notes + "\n", services)
    if pol is not None:
        assert pol in _polarities(summary, cid), _polarities(summary, cid)


# --------------------------------------------------------------------------- words that turn a phrase


@pytest.mark.parametrize(
    "notes, cid, pol",
    [
        ("She is less at ease with numbers.", "data_kpi", "negative"),
        ("Moins à l'aise sur les chiffres.", "data_kpi", "negative"),
        ("a lancé de nouvelles offres sans qu'on le lui demande", "proactivity", "positive"),
        ("set up a referral scheme for her clients without being asked", "proactivity", "positive"),
        ("Her time management worries me.", "organisation", "negative"),
    ],
)
def test_turning_words(services, notes: str, cid: str, pol: str) -> None:
    summary = summarize_notes(notes + "\n", services)
    assert pol in _polarities(summary, cid), _polarities(summary, cid)
    other = {"positive": "negative", "negative": "positive"}[pol]
    assert other not in _polarities(summary, cid)


# --------------------------------------------------------------------------- tables and verdicts


def test_a_table_row_scored_na_and_the_overall_row_are_not_evidence(services) -> None:
    notes = (
        "| Area | Score | Comment |\n"
        "|---|---|---|\n"
        "| Team | n/a | no direct reports in this role |\n"
        "| Overall | 3 | lean hire, figures are the weak spot |\n"
    )
    assert _assessed(summarize_notes(notes, services)) == set()


def test_a_lean_verdict_is_not_lean_management(services) -> None:
    summary = summarize_notes("Verdict: good call overall. Lean no.\n", services)
    assert "process_improvement" not in _assessed(summary)


def test_a_table_row_with_a_comment_is_evidence(services) -> None:
    notes = "| Area | Score | Comment |\n|---|---|---|\n| Numbers | 2 | never built a dashboard herself |\n"
    assert "negative" in _polarities(summarize_notes(notes, services), "data_kpi")


# --------------------------------------------------------------------------- sentence shapes


@pytest.mark.parametrize(
    "notes, cid, pol",
    [
        (
            "The customer wanted to cancel after repeated outages; she went on site and they extended for a year.",
            "conflict_resolution",
            "positive",
        ),
        ("He really knows that world: freight rates, port strikes, customs rules.", "sector_knowledge", "positive"),
        ("Led a team of four AMs for two years, set their targets.", "team_management", "positive"),
        ("Prépare ses renouvellements deux mois avant l'échéance.", "organisation", None),
    ],
)
def test_new_sentence_shapes(services, notes: str, cid: str, pol: str | None) -> None:
    summary = summarize_notes(notes + "\n", services)
    assert cid in _assessed(summary), _assessed(summary)
    if pol is not None:
        assert pol in _polarities(summary, cid), _polarities(summary, cid)


def test_lines_of_a_very_short_note_are_not_joined(services) -> None:
    notes = "Tel 15' – AM\nchaleureux, bavard, mais répond à côté de la question\naucune notion de ses chiffres\n"
    summary = summarize_notes(notes, services)
    quotes = [e.quote for a in summary.competencies if a.id == "listening" for e in a.evidence]
    assert quotes and all("chiffres" not in q for q in quotes), quotes
    assert "negative" in _polarities(summary, "data_kpi")


# --------------------------------------------------------------------------- an excluded thought runs on


def test_a_protected_remark_excludes_the_rest_of_its_thought() -> None:
    notes = "- enceinte de 4 mois... on verra pour le planning de la rentrée\n- 5 ans AM, 30 comptes\n"
    prep = prepare(notes, 20_000)
    start = notes.index("on verra")
    assert prep.is_excluded_original(start, start + 10)
    later = notes.index("5 ans")
    assert not prep.is_excluded_original(later, later + 5)


# --------------------------------------------------------------------------- a verdict on the sentence before


def test_a_short_verdict_judges_the_sentence_before_it(services) -> None:
    notes = "Wrap-up\n- follow-up summary typed during the meeting: three bullets, next dates. Crystal clear.\n"
    assert "positive" in _polarities(summarize_notes(notes, services), "interpersonal")


def test_unprompted_is_not_a_negation(services) -> None:
    notes = "He really knows that business, and explained the pricing rules without me asking.\n"
    assert "negative" not in _polarities(summarize_notes(notes, services), "sector_knowledge")
    assert polarity("explained the pricing rules without me asking") == "positive"


# --------------------------------------------------------------------------- cue words in another sense


@pytest.mark.parametrize(
    "notes, cid",
    [
        ("Le nouveau directeur des achats du client a relancé un appel d'offres.", "education"),
        ("The client's Head of Procurement asked for a 10% cut.", "education"),
        ("a vendu 400 licences supplémentaires à une mutuelle", "education"),
        ("a fait adopter l'outil dans tout le réseau d'agences de la banque", "network"),
        ("Synthèse : à revoir en deuxième entretien.", "interpersonal"),
    ],
)
def test_a_cue_word_in_another_sense_is_not_evidence(services, notes: str, cid: str) -> None:
    assert cid not in _assessed(summarize_notes(notes + "\n", services))


def test_the_cue_words_in_their_own_sense_still_count(services) -> None:
    summary = summarize_notes("Master achats à Grenoble. A un très bon réseau chez les distributeurs.\n", services)
    assert {"education", "network"} <= _assessed(summary)


# --------------------------------------------------------------------------- more sentence shapes


@pytest.mark.parametrize(
    "notes, cid, pol",
    [
        ("suit chaque semaine le taux d'adoption de ses clients dans un Google Sheet", "data_kpi", None),
        ("tracks the adoption rate of each customer every month", "data_kpi", None),
        ("planifie ses visites avant les soldes pour que tout soit prêt", "organisation", None),
        ("books the on-site checks ahead of the busy season", "organisation", None),
        ("pièces de rechange livrées en moins de 2 h chez le client", "reactivity", "positive"),
        ("son compte rendu est vraiment bien fait, tient sur une page", "interpersonal", "positive"),
        ("échange de 10 min en anglais avec notre DAF, très naturel", "english", "positive"),
        ("Polite and warm on the phone.", "interpersonal", "positive"),
        ("ses relances, elle les fait à l'arrache le vendredi soir, aucune priorité", "organisation", "negative"),
    ],
)
def test_more_sentence_shapes(services, notes: str, cid: str, pol: str | None) -> None:
    summary = summarize_notes(notes + "\n", services)
    assert cid in _assessed(summary), _assessed(summary)
    if pol is not None:
        assert pol in _polarities(summary, cid), _polarities(summary, cid)


def test_a_relative_clause_about_the_interviewer_is_not_a_negation(services) -> None:
    notes = "lors de l'appel, elle a reformulé le besoin du client avec un angle auquel je n'avais pas pensé\n"
    assert "negative" not in _polarities(summarize_notes(notes, services), "listening")


# --------------------------------------------------------------------------- a heading names its items' topic


def test_items_under_a_one_word_heading_are_about_it(services) -> None:
    notes = (
        "Anglais\n- échange de 10 min avec notre CTO, sans difficulté\n\nPrep\n- arrived with a one-page account plan\n"
    )
    summary = summarize_notes(notes, services)
    quotes = [e.quote for a in summary.competencies if a.id == "english" for e in a.evidence]
    assert quotes and all(q != "Anglais" for q in quotes), quotes


def test_owning_a_complaint_is_not_a_negation(services) -> None:
    notes = "Unhappy client in the role-play: owned it, no excuses, set up a weekly call until every ticket closed.\n"
    assert "negative" not in _polarities(summarize_notes(notes, services), "conflict_resolution")
    assert polarity("owned it, no excuses, set up a weekly call") == "positive"


@pytest.mark.parametrize(
    "notes, cid, pol",
    [
        ("knows her margin per customer without looking it up", "data_kpi", None),
        ("a relancé tous ses clients dormants sans attendre son manager", "proactivity", None),
        ("sent the renewal offers without waiting for sign-off from head office", "proactivity", None),
        ("a refondu le process de relance des impayés de son équipe", "process_improvement", None),
        ("simplified the quarterly review template: 3 slides instead of 12", "process_improvement", None),
        ("organise ses tournées avant la haute saison pour que tout soit prêt", "organisation", "positive"),
    ],
)
def test_shapes_of_initiative_method_and_figures(services, notes: str, cid: str, pol: str | None) -> None:
    summary = summarize_notes(notes + "\n", services)
    assert cid in _assessed(summary), _assessed(summary)
    if pol is not None:
        assert pol in _polarities(summary, cid), _polarities(summary, cid)


def test_a_table_without_scores_still_gives_evidence(services) -> None:
    notes = (
        "| Sujet | Note | Commentaire |\n|---|---|---|\n| Négo | - | très solide, a tenu son prix face à l'acheteur |\n"
    )
    assert "positive" in _polarities(summarize_notes(notes, services), "sales_temperament")


def test_a_noun_that_looks_like_a_hedge_is_not_one() -> None:
    assert polarity("Handles the insurance claims that clients escalate, very calm and clear with them.") == "positive"
    assert polarity("On se dit que c'est un très bon profil.") == "positive"
    assert polarity("Claims to be very calm and clear with clients.") == "neutral"


@pytest.mark.parametrize(
    "text, pol",
    [
        ("« ce client, je l'ai repris à 120 k€, il est à 310 k€ cette année »", "positive"),
        ("took the account over at 300k and it is at 520k now", "positive"),
        ("repris à 80 k€, il est à 60 k€ aujourd'hui", "negative"),
        ("pris à 15h, il est à 16h", "neutral"),
    ],
)
def test_an_account_taken_at_one_figure_and_now_at_another(text: str, pol: str) -> None:
    assert polarity(text) == pol


@pytest.mark.parametrize(
    "text",
    [
        "elle a posé au client une question sur ses stocks à laquelle je n'avais pas pensé",
        "raised a point about their budget cycle that I hadn't thought of",
    ],
)
def test_a_point_the_interviewer_had_missed_is_praise(text: str) -> None:
    assert polarity(text) == "positive"
