"""Issue 9, the ninth dev round's failure classes (evals/notes-heldout/h139-h153), each tested on notes written here,
unlike the round's own:
- what the interviewer told the candidate, under a heading ("What I covered:") or on its own line ("Walked her
  through our…", « Je lui ai présenté… »), and the job ad quoted in the notes, describe the job, not the candidate;
- the interviewer's plan for a later interview (« Je lui demanderai… », « On creusera… », "I'll probe…", under « Points
  à vérifier jeudi : ») is what happens next, not evidence;
- a candidate's self-rating alone ("self 9/10") is no observation; the interviewer's observation beside it is;
- "Nothing to go on", "Ran out of time, no example" say the topic was not covered."""

from __future__ import annotations

import pytest
from notes_helpers import statuses as _status

from assistant.notes import summarize_notes
from assistant.notes.prepare import non_evidence_reason


def _quotes(summary) -> list[str]:
    return [e.quote for a in summary.competencies for e in a.evidence]


PITCH = (
    "Screen – Sam Ortiz – AM retail – 25 min\n"
    "What I covered:\n"
    "- Our Excel-based forecasting and the weekly KPI review with the Head of Sales.\n"
    "- The team: 4 AMs, he would coach the two juniors.\n"
    "- English is needed for two UK accounts.\n"
    "What he said:\n"
    "- 3 yrs AM at a DIY chain supplier, 20 stores in his book.\n"
)


def test_what_the_interviewer_covered_is_not_evidence(services) -> None:
    st = _status(summarize_notes(PITCH, services))
    assert st["experience_similar"] == "assessed"
    for cid in ("data_kpi", "team_management", "english"):
        assert st[cid] != "assessed", cid


AD_QUOTED = (
    "Préparation entretien – Léa M.\n"
    "Extrait de l'annonce :\n"
    "« Vous maîtrisez Excel et les tableaux croisés dynamiques. Anglais courant exigé. Vous encadrerez 2 assistants. »\n"
    "\n"
    "Au 1er appel : 6 ans chargée de clientèle chez un grossiste en matériel médical, 45 pharmacies suivies.\n"
)


def test_the_job_ad_quoted_in_the_notes_is_not_evidence(services) -> None:
    st = _status(summarize_notes(AD_QUOTED, services))
    assert st["experience_similar"] == "assessed"
    for cid in ("data_kpi", "english", "team_management"):
        assert st[cid] != "assessed", cid


@pytest.mark.parametrize(
    "line",
    [
        "Walked her through our KPI dashboard and the Excel forecast the team uses.",
        "Told him the English-speaking accounts are a third of the book.",
        "Explained our variable: 15% on renewals.",
        "Je lui ai présenté notre tableau de bord Excel et les KPI suivis chaque lundi.",
        "Présenté le poste : anglais quotidien avec le siège, management de 2 juniors.",
    ],
)
def test_what_the_interviewer_told_the_candidate_is_the_pitch(line: str) -> None:
    assert non_evidence_reason(line) == "pitch"


@pytest.mark.parametrize(
    "line",
    [
        "Explained how she rebuilt the renewal process after losing two accounts.",
        "Walked me through her Excel forecast, seats × price per account.",
        "Told the client the truth about the delay and kept the account.",
        "Elle m'a présenté son tableau de bord Excel, mis à jour chaque lundi.",
    ],
)
def test_what_the_candidate_explained_stays_evidence(line: str) -> None:
    assert non_evidence_reason(line) != "pitch"


@pytest.mark.parametrize(
    "line",
    [
        "Je lui demanderai de chiffrer son portefeuille actuel.",
        "On creusera sa gestion des clients mécontents.",
        "Je vérifierai son anglais avec une mise en situation.",
        "I'll probe how she handles a lost renewal.",
        "We will test his Excel with a short case.",
        "I will check her references with the former manager.",
    ],
)
def test_the_interviewers_plan_is_not_evidence(line: str) -> None:
    assert non_evidence_reason(line) == "next_step"


@pytest.mark.parametrize(
    "line",
    [
        "Je lui ai demandé de chiffrer son portefeuille : 2,1 M€, 38 comptes.",
        "Il doublera son portefeuille s'il le faut, dit-il, sans exemple.",
        "She will own 40 accounts from day one.",
        "I asked about a lost renewal: she won it back with a 3-month pilot.",
    ],
)
def test_past_deeds_and_the_candidates_own_words_are_no_plan(line: str) -> None:
    assert non_evidence_reason(line) != "next_step"


PLAN = (
    "Prépa 2e entretien – Tom R.\n"
    "Points à vérifier jeudi :\n"
    "- son niveau d'anglais (échange avec le siège à Londres)\n"
    "- sa maîtrise d'Excel sur un cas chiffré\n"
    "- comment il gère un client mécontent\n"
    "\n"
    "Déjà vu : 5 ans account manager chez un éditeur de logiciels RH, 60 clients PME.\n"
)


def test_a_list_of_points_to_check_next_time_is_not_evidence(services) -> None:
    st = _status(summarize_notes(PLAN, services))
    assert st["experience_similar"] == "assessed"
    for cid in ("english", "data_kpi", "conflict_resolution"):
        assert st[cid] != "assessed", cid


SELF = (
    "Screen – Ana P., 3 yrs AM at a payroll SaaS, 30 SMB accounts\n"
    "Negotiation: self 9/10. Me: could not name a renewal she negotiated herself.\n"
    "Conflict: self 8/10. Ran out of time, no example.\n"
    "Organisation: self 10/10. Nothing to go on.\n"
    "English: rates herself 6/10.\n"
)


def test_a_self_rating_alone_is_not_evidence(services) -> None:
    summary = summarize_notes(SELF, services)
    st = _status(summary)
    for cid in ("conflict_resolution", "organisation", "english"):
        assert st[cid] != "assessed", cid
    assert not [q for q in _quotes(summary) if "self" in q.lower() and "Me:" not in q and "renewal" not in q]
    assert st["sales_temperament"] == "assessed"  # the interviewer's observation beside the self-rating


LETTER = (
    "Préqualif – Inès V. – AM PME\n"
    "Extrait de sa lettre de motivation :\n"
    "« Dotée d'un excellent sens de l'écoute, je suis rigoureuse et organisée, et je parle couramment anglais. »\n"
    "\n"
    "Constaté à l'appel :\n"
    "- 3 ans chargée d'affaires chez un distributeur de fournitures, 70 clients TPE.\n"
)


def test_a_cover_letter_quoted_in_the_notes_is_a_claim_not_evidence(services) -> None:
    st = _status(summarize_notes(LETTER, services))
    assert st["experience_similar"] == "assessed"
    for cid in ("listening", "organisation", "english"):
        assert st[cid] != "assessed", cid


@pytest.mark.parametrize(
    "line",
    [
        "English,5,yes",
        'Listening,4,"ok"',
        "Team mgmt,3,",
        "- Product quiz: 420/500 XP",
        "Case study: 78/100",
    ],
)
def test_a_score_with_no_reason_is_the_raters_grid(line: str) -> None:
    assert non_evidence_reason(line) == "grid"


@pytest.mark.parametrize(
    "line",
    [
        'English,5,"presented the QBR in English to the Munich team, no notes"',
        "Case study: 78/100, built the forecast in Excel with three scenarios",
    ],
)
def test_a_score_with_its_reason_stays_evidence(line: str) -> None:
    assert non_evidence_reason(line) != "grid"


@pytest.mark.parametrize(
    ("line", "cid"),
    [
        ("Fluent in usage-based pricing: commit, overage, true-up.", "english"),
        ("Found the new budget holder in procurement and renewed flat.", "education"),
        ("Les acheteurs l'appelaient en direct plutôt que de passer par le service client.", "experience_adjacent"),
        ("On ne retient pas ça, aucun rapport avec le poste.", "interpersonal"),
        ("Pitch exercise: skipped (time)", "sales_temperament"),
    ],
)
def test_cue_words_in_another_sense_are_not_evidence(services, line: str, cid: str) -> None:
    st = _status(summarize_notes("Entretien AM – 3 ans AM chez un grossiste, 40 comptes.\n- " + line + "\n", services))
    assert st[cid] != "assessed", line


@pytest.mark.parametrize(
    ("line", "cid"),
    [
        ("Fluent in English, ran the QBRs with the US head office.", "english"),
        ("Master's degree in procurement, Kedge.", "education"),
        ("6 ans au service client d'un opérateur télécom.", "experience_adjacent"),
        ("Built rapport fast with a hostile buyer in the role-play.", "interpersonal"),
    ],
)
def test_the_same_words_in_the_competencys_sense_still_count(services, line: str, cid: str) -> None:
    st = _status(summarize_notes("Entretien AM – 3 ans AM chez un grossiste, 40 comptes.\n- " + line + "\n", services))
    assert st[cid] == "assessed", line


@pytest.mark.parametrize(
    "notes",
    [
        "Screen — AM\n14:25 team mgmt: none so far, nobody has ever reported to her\n",
        "Screen — AM\n[09h40] Management : aucun, n'a jamais eu personne sous sa responsabilité\n",
    ],
)
def test_a_label_after_a_clock_time_is_still_a_label(services, notes: str) -> None:
    # ninth dev round: bullets opened by the time the interviewer wrote them
    assert _status(summarize_notes(notes, services))["team_management"] == "assessed"


@pytest.mark.parametrize(
    "line",
    [
        "No management so far.",
        "No people management experience yet.",
        "Pas encore de management.",
        "Aucune expérience managériale.",
    ],
)
def test_no_management_behind_the_candidate_is_negative_team_management(services, line: str) -> None:
    summary = summarize_notes("Screen — AM – 3 yrs AM at a wholesaler, 40 accounts\n- " + line + "\n", services)
    team = next(a for a in summary.competencies if a.id == "team_management")
    assert team.evidence and all(e.polarity == "negative" for e in team.evidence), line


@pytest.mark.parametrize(
    "line",
    [
        "No management in this role, it's an individual contributor job.",
        "Pas de management sur ce poste.",
        "No account management experience, only SDR work.",
    ],
)
def test_no_management_in_the_job_or_of_accounts_is_not_team_management(services, line: str) -> None:
    summary = summarize_notes("Screen — AM – 3 yrs AM at a wholesaler, 40 accounts\n- " + line + "\n", services)
    assert _status(summary)["team_management"] != "assessed", line


# Review of the change (read-only helper, stop 32): the candidate is the implied subject, or the plan is the
# candidate's, or the line under a requirements heading is a fact: each stays possible evidence.
@pytest.mark.parametrize(
    "line",
    [
        "Took her team from 4 to 9 people in two years.",
        "Talked her way into the CFO meeting at Orange, closed the upsell.",
        "Walked her client through a renewal deck at Acme, won it back.",
        "Told her boss the forecast was wrong and fixed it.",
        "Explained our pricing back to me in her own words, accurate.",
        "Went over the targets: hit 115% two years running.",
        "Presented the team's QBR deck she built at Acme.",
        "Détaille le portefeuille repris chez X : 40 comptes.",
        "Explique l'équipe qu'elle a montée : 6 personnes.",
        "Will call every top-20 account in the first month (her 30-60-90).",
        "Plan to run QBRs with every key account - her 90-day plan.",
        "Then will push for multi-year renewals, as she did at SAP.",
        "Je doublerai le portefeuille en 2 ans, dit-elle.",
        "On doublera le CA du compte Carrefour : son plan, chiffré.",
        "Renewals: 38/40.",
        "Quota: 11/12.",
    ],
)
def test_the_candidates_deeds_and_plans_stay_possible_evidence(line: str) -> None:
    assert non_evidence_reason(line) == "", line


@pytest.mark.parametrize(
    "heading",
    ["Requirements from the JD:", "Exigences de l'annonce (vs candidate) :", "Annonce :", "JD:"],
)
def test_a_fit_checklist_under_the_requirements_is_evidence(services, heading: str) -> None:
    notes = f"Screen – AM\n{heading}\n- Team management: led a team of 4 AMs at Sage for 2 years\n"
    assert _status(summarize_notes(notes, services))["team_management"] == "assessed"


@pytest.mark.parametrize(
    ("line", "cid"),
    [
        ("Prospection : pas fait depuis 3 ans, que de l'inbound.", "sales_temperament"),
        ("Le rapport qu'elle crée avec les acheteurs est remarquable.", "interpersonal"),
        ("Un rapport très naturel avec les clients, ils l'appellent par son prénom.", "interpersonal"),
        ("Moved to AM through customer support after 3 years.", "experience_adjacent"),
    ],
)
def test_the_other_senses_leave_the_competencys_own_sense(services, line: str, cid: str) -> None:
    st = _status(summarize_notes("Entretien AM – 3 ans AM chez un grossiste, 40 comptes.\n- " + line + "\n", services))
    assert st[cid] == "assessed", line


@pytest.mark.parametrize(
    "line",
    ["Closed the Orange renewal with no management sign-off.", "No management fees on her renewals."],
)
def test_no_management_of_something_else_is_not_team_management(services, line: str) -> None:
    summary = summarize_notes("Screen — AM – 3 yrs AM at a wholesaler, 40 accounts\n- " + line + "\n", services)
    assert _status(summary)["team_management"] != "assessed", line


def test_a_pasted_row_of_many_tabs_is_read_at_once() -> None:
    import time

    from assistant.notes.prepare import prepare

    start = time.process_time()
    prepare("Negotiation" + "\t" * 40 + "closed Orange, +8%\n" + "english" + ",    " * 30 + "x\n", 20_000)
    # generous bound: the backtracking this guards against took 21 s on 16 tabs
    assert time.process_time() - start < 5


@pytest.mark.parametrize(
    "notes",
    [
        "Debrief AM\n- 6 ans AM, 40 comptes.\n- Elle a laissé entendre qu'un autre enfant n'était pas exclu. À prendre en "
        "compte dans le planning de l'équipe.\n",
        "Debrief AM\n- 6 yrs AM, 40 accounts.\n- Her husband was just transferred to Lyon. Something to keep in mind for "
        "the team planning.\n",
    ],
)
def test_a_reminder_after_a_protected_remark_goes_with_it(services, notes: str) -> None:
    # tenth dev round: the reminder is the remark's conclusion, not evidence of organisation
    summary = summarize_notes(notes, services)
    assert not [q for q in _quotes(summary) if "planning" in q], _quotes(summary)


FORM = (
    "Horodateur : 14/03/2025 17:42\n"
    "1. Poste actuel (intitulé, entreprise, ancienneté)\n"
    "Account manager depuis 4 ans chez un grossiste en fournitures, 50 clients PME.\n"
    "\n"
    "2. Anglais\n"
    "Non évalué.\n"
    "\n"
    "3. Management\n"
    "N'a jamais encadré personne.\n"
)


def test_a_numbered_form_question_gives_its_topic_to_the_answer(services) -> None:
    # tenth dev round: a Google Form export, each question numbered and its answer below
    summary = summarize_notes(FORM, services)
    st = _status(summary)
    assert st["experience_similar"] == "assessed"
    assert st["english"] != "assessed"
    assert st["team_management"] == "assessed"
    assert not [q for q in _quotes(summary) if q.strip() in ("2. Anglais", "Anglais", "3. Management", "Management")]


def test_a_numbered_list_of_facts_stays_evidence() -> None:
    from assistant.notes.prepare import prepare

    notes = "Points forts\n1. Anglais courant, QBR en anglais\n2. Excel : forecast par compte\n3. Management de 3 SDR\n"
    assert all(seg.non_evidence != "question" for seg in prepare(notes, 20_000).segments)


@pytest.mark.parametrize(
    "notes",
    [
        "Debrief\n- She mentioned she is pregnant. For the record, she hit 130% of quota two years running.\n",
        "Debrief\n- Enceinte de 5 mois. À retenir : 120 % de l'objectif en 2023.\n",
    ],
)
def test_a_fact_after_a_reminder_word_stays_out_of_the_flag(notes: str) -> None:
    from assistant.notes.prepare import prepare

    prep = prepare(notes, 20_000)
    assert any(
        not s.excluded_by and any(ch.isdigit() for ch in prep.sanitized.text[s.start : s.end]) for s in prep.segments
    )


@pytest.mark.parametrize(
    "notes",
    [
        "Debrief\n1. Closed 40 deals in 2023\nMostly mid-market, average 12k.\n",
        "Points forts\n1. Anglais courant\n2. Excel solide\n3. Parle anglais couramment\nConclusion : go.\n",
        "Debrief\n1. Led the Carrefour account\n   renewed twice, +20% volume\n",
    ],
)
def test_numbered_evidence_is_no_form_question(notes: str) -> None:
    from assistant.notes.prepare import prepare

    assert all(s.non_evidence != "question" for s in prepare(notes, 20_000).segments)
