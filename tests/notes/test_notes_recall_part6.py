"""Issue 9, part 6: notes in shapes the engine had not met (forms, transcripts, chats, e-mails). What is about the
interview rather than the candidate gives no evidence (the interviewer's questions without answers, the
interviewer's own 1-5 grid, the pitch of the role); sentence shapes that say what nobody asked for, who asks
about the client, who trains newcomers, who moved a team to a new tool; experience stated as a fact is positive.
Each behaviour is tested on sentences unlike the dev notes'."""

from __future__ import annotations

import pytest
from notes_helpers import polarities as _polarities
from notes_helpers import statuses as _status

from assistant.notes import summarize_notes


def _assessed(summary) -> set[str]:
    return {cid for cid, status in _status(summary).items() if status == "assessed"}


# --------------------------------------------------------------------------- about the interview, not the candidate


@pytest.mark.parametrize(
    "notes",
    [
        # a list of the interviewer's questions, no answers typed
        (
            "Questions asked:\n"
            "1. How do you handle a customer who wants to cancel?\n"
            "2. Which dashboards do you check on Mondays, and in which CRM?\n"
            "3. Tell me about a workflow you simplified and what it changed.\n"
            "4. Could you run a QBR in English?\n"
        ),
        (
            "Questions posées :\n"
            "- Comment gérez-vous un client mécontent ?\n"
            "- Quels indicateurs suivez-vous chaque semaine dans votre CRM ?\n"
            "- Pouvez-vous me décrire votre portefeuille actuel ?\n"
        ),
        # the interviewer's own grid: a label and a score, nothing observed
        "Grille (1-5) :\nNégociation : 4\nAnglais : 3/5\nManagement : N/A\nCommunication : 2\n",
        "Interviewer ratings (1-5):\nNegotiation: 2\nCustomer focus: 4\nLeadership: N/A\nLanguages: not assessed\n",
    ],
)
def test_questions_and_grid_scores_are_not_evidence(services, notes: str) -> None:
    assert _assessed(summarize_notes(notes, services)) == set()


def test_a_question_answered_on_the_same_line_still_counts(services) -> None:
    notes = "Q : comment gérez-vous un client mécontent ? R : elle le rappelle le jour même et règle le litige.\n"
    assert "conflict_resolution" in _assessed(summarize_notes(notes, services))


def test_a_one_word_topic_question_is_not_evidence(services) -> None:
    notes = "Sam 09:14\nand English?\nJo 09:15\ndunno, ask the HM\n"
    assert "english" not in _assessed(summarize_notes(notes, services))


@pytest.mark.parametrize(
    "notes, kept, dropped",
    [
        (
            "Présentation du poste :\n"
            "- portefeuille de 30 PME, reporting hebdo dans HubSpot\n"
            "- pas de management pour l'instant\n"
            "\n"
            "Lui :\n"
            "- 4 ans account manager chez un éditeur de logiciels RH\n",
            "experience_similar",
            {"data_kpi", "team_management"},
        ),
        (
            "What I told her about the role:\n"
            "- quarterly business reviews in English with each client\n"
            "- no direct reports for now\n"
            "\n"
            "Her:\n"
            "- 3 years as an account manager at a logistics software vendor\n",
            "experience_similar",
            {"english", "team_management"},
        ),
        # sixth dev round (h94): a qualifier between the heading word and its colon, and no blank line after the list
        (
            "Pitch fait (à garder pour les prochains) :\n"
            "- Équipe AM : 6 personnes, portefeuille de 120 à 150 comptes par AM\n"
            "- Process : cet entretien, puis cas pratique, puis rencontre avec la directrice\n"
            "Ce qu'elle a dit d'elle :\n"
            "- 4 ans account manager chez un éditeur de logiciels de paie\n",
            "experience_similar",
            {"process_improvement", "network"},
        ),
        (
            "Role overview (as pitched):\n"
            "- QBRs in English with each client\n"
            "- management of one junior AM next year\n"
            "Her background:\n"
            "- 3 years as an account manager at a logistics software vendor\n",
            "experience_similar",
            {"english", "team_management"},
        ),
    ],
)
def test_the_pitch_of_the_role_is_not_evidence(services, notes: str, kept: str, dropped: set[str]) -> None:
    found = _assessed(summarize_notes(notes, services))
    assert kept in found
    assert not found & dropped, found & dropped


def test_a_pitch_list_ends_at_the_first_line_that_is_not_an_item() -> None:
    """The interviewer's own line after the pitch's list is no longer the pitch (it may say how the candidate
    listened)."""
    from assistant.notes.prepare import prepare

    notes = (
        "Pitch fait :\n"
        "- Variable : 20 % du fixe, indexé sur le renouvellement\n"
        "J'ai parlé 25 minutes, elle a surtout écouté et pris des notes.\n"
    )
    marked = {notes[s.orig[0] : s.orig[1]]: s.non_evidence for s in prepare(notes, 20000).segments}
    assert any(why == "pitch" for text, why in marked.items() if "Variable" in text), marked
    assert all(why != "pitch" for text, why in marked.items() if "écouté" in text), marked


# --------------------------------------------------------------------------- sentence shapes


@pytest.mark.parametrize(
    "notes, cid, pol",
    [
        # nobody asked: initiative (and its absence)
        ("personne ne lui a demandé, il a lancé un club utilisateurs", "proactivity", "positive"),
        ("set up a referral scheme for his clients, nobody asked him to", "proactivity", "positive"),
        ("asked what he had started by himself, he only named tasks his boss gave him", "proactivity", "negative"),
        # who asks about the client, who never does, who talks over everyone
        ("asked us lots about our clients' buying cycles", "listening", "positive"),
        ("never once asked what the buyer actually needed", "listening", "negative"),
        ("parle tout seul, impossible d'en placer une", "listening", "negative"),
        # training newcomers is managing people
        ("a formé les trois nouveaux commerciaux et les a accompagnés en rendez-vous", "team_management", "neutral"),
        ("trained and shadowed the two new hires for a quarter", "team_management", "neutral"),
        # a client about to leave, and then renewed
        (
            "le client voulait partir chez un concurrent, elle a obtenu un renouvellement sur 3 ans",
            "conflict_resolution",
            "positive",
        ),
        # knows a market, by a recruiter's word for it
        ("très calée sur le marché de l'assurance santé", "sector_knowledge", "positive"),
        # a team moved from one way of working to another
        (
            "a fait passer l'équipe des relances à la main à des alertes auto dans le CRM",
            "process_improvement",
            "neutral",
        ),
        ("moved the team from a shared spreadsheet to automatic renewal alerts", "process_improvement", "neutral"),
        # figures are not his thing
        ("les chiffres, c'est pas son truc", "data_kpi", "negative"),
        # experience stated as a fact is a strength
        ("6 ans comme account manager chez un éditeur, 30 comptes PME", "experience_similar", "positive"),
        ("looks after 22 hospital accounts, 3 yrs in the seat", "experience_similar", "positive"),
    ],
)
def test_new_sentence_shapes_are_evidence(services, notes: str, cid: str, pol: str) -> None:
    summary = summarize_notes(notes, services)
    assert cid in _assessed(summary), _assessed(summary)
    if pol != "neutral":
        assert pol in _polarities(summary, cid), _polarities(summary, cid)


@pytest.mark.parametrize(
    "notes, cid",
    [
        # a question the candidate was asked is not her listening
        ("I asked her lots about her pipeline", "listening"),
        # training a product is not training people
        ("a suivi une formation Salesforce en 2023", "team_management"),
        # experience stated with a negation stays negative
        ("n'a jamais eu de portefeuille commercial", "experience_similar"),
    ],
)
def test_near_misses_stay_out_or_negative(services, notes: str, cid: str) -> None:
    summary = summarize_notes(notes, services)
    if cid == "experience_similar":
        assert "positive" not in _polarities(summary, cid)
    else:
        assert cid not in _assessed(summary)


# --------------------------------------------------------------------------- transcripts, verdicts, figures


def test_a_transcript_answer_is_about_its_question(services) -> None:
    notes = (
        "[00:10:02] Recruteur (Paul) : Et votre anglais ?\n"
        "[00:10:05] Candidate (Inès) : Je me débrouille à l'écrit, mais à l'oral je suis vraiment pas à l'aise.\n"
    )
    summary = summarize_notes(notes, services)
    assert "english" in _assessed(summary)
    assert "negative" in _polarities(summary, "english")


def test_a_hedged_judgement_with_a_question_mark_still_counts(services) -> None:
    summary = summarize_notes("- Negotiation weak? gave 10% away on the first push.\n", services)
    assert "negative" in _polarities(summary, "sales_temperament"), _polarities(summary, "sales_temperament")


def test_a_telegraphic_topic_question_is_answered_on_its_line(services) -> None:
    summary = summarize_notes("- Anglais ? courant, a vécu 3 ans à Dublin\n", services)
    assert "positive" in _polarities(summary, "english"), _polarities(summary, "english")


@pytest.mark.parametrize(
    "notes",
    ["Négo : 3 remises accordées sans contrepartie sur le dernier trimestre\n", "Score CSAT : 4/5 chez ses clients\n"],
)
def test_a_label_and_a_figure_that_are_not_a_grid_still_count(services, notes: str) -> None:
    assert _assessed(summarize_notes(notes, services))


def test_a_cue_ending_a_compound_names_a_product_not_a_skill(services) -> None:
    summary = summarize_notes("looks after 30 shippers for a fleet-visibility platform\n", services)
    assert "marketing_culture" not in _assessed(summary)
    assert "experience_similar" in _assessed(summarize_notes("ex-account manager chez un éditeur, 6 ans\n", services))


def test_an_unlabelled_line_after_a_question_does_not_inherit_it(services) -> None:
    notes = "What about English?\nWe ran out of time, the next round will tell.\n"
    assert "english" not in _assessed(summarize_notes(notes, services))


@pytest.mark.parametrize(
    "notes, cid, pol",
    [
        # a short verdict judges the statement before it
        (
            "- Négo : a tenu son prix face à l'acheteur, contre un engagement de 2 ans. Solide.",
            "sales_temperament",
            "positive",
        ),
        # a figure that rose is good news, a churn that rose is not
        ("forecast accuracy went from 70% to 90% under her", "data_kpi", "positive"),
        ("a fait passer le CA de son portefeuille de 300k à 450k", "experience_similar", "positive"),
    ],
)
def test_verdicts_and_figures_give_polarity(services, notes: str, cid: str, pol: str) -> None:
    summary = summarize_notes(notes, services)
    assert pol in _polarities(summary, cid), (_assessed(summary), _polarities(summary, cid))


def test_a_topic_the_referee_never_saw_is_not_evidence(services) -> None:
    notes = "Son espagnol, son ancien manager ne l'a jamais vu à l'œuvre. L'anglais, il ne l'a jamais vu non plus.\n"
    assert "english" not in _assessed(summarize_notes(notes, services))


# Sixth dev round (h104): the client at risk and the save told in two sentences of one item.
@pytest.mark.parametrize(
    "notes",
    [
        "- She handled a clinic group that threatened to leave after two breakdowns: on-site visit within 48h, loan "
        "unit, monthly check-ins. They renewed.",
        "- Un groupe de cliniques menaçait de résilier après deux pannes. Visite sur site sous 48 h, appareil de "
        "prêt : ils ont renouvelé.",
    ],
)
def test_a_client_at_risk_then_kept_across_two_sentences_of_one_item_is_conflict_resolution(services, notes) -> None:
    assert "conflict_resolution" in _assessed(summarize_notes(notes, services))


def test_a_client_at_risk_and_a_renewal_on_separate_lines_are_not_joined(services) -> None:
    notes = "- One client threatened to leave over pricing last year.\n- Renewed her own gym membership in May.\n"
    assert "conflict_resolution" not in _assessed(summarize_notes(notes, services))


# Sixth dev round (h99): a scorecard line "Competency label: rating – reason" names the competency its reason is about.
@pytest.mark.parametrize(
    "line, cid",
    [
        (
            "Transferable experience: 3/5 – before that 2 yrs front-desk manager at a 4-star hotel.",
            "experience_adjacent",
        ),
        (
            "Expérience transférable : 3/5 – deux ans à la réception d'un hôtel 4 étoiles avant cela.",
            "experience_adjacent",
        ),
        ("Responsiveness: 4/5 – she got back to me within the hour with the figures I had asked for.", "reactivity"),
    ],
)
def test_a_line_labelled_with_a_competency_is_about_it(services, line: str, cid: str) -> None:
    notes = f"Scorecard – AM – 15/12\n{line}\n"
    assert cid in _assessed(summarize_notes(notes, services))


def test_a_label_with_only_a_reason_for_no_evidence_gives_none(services) -> None:
    notes = "Scorecard – AM – 15/12\nMarketing culture: 3/5 – default, we ran out of time.\n"
    assert "marketing_culture" not in _assessed(summarize_notes(notes, services))
