"""Stop 56's blind measure of `summarize`, beyond the ratings (test_stop56_ratings.py): in question-and-answer notes the
interviewer's question names the topic in words no cue holds ("Tell me about a time things went wrong.", « Une
amélioration que vous avez mise en place ? »), so the answer was no evidence; a closing « → à revoir avec le manager »
was read as evidence; a panel's first line was evidence because its legend named « [Claire] » (« claire »: clear);
experience told without a job title ("18 mo of outbound prospecting", « conseiller en agence bancaire ») was missed.
The notes below are written here, in the shapes the measure found."""

from __future__ import annotations

import pytest
from notes_helpers import polarities

from assistant.notes import summarize_notes
from assistant.notes.prepare import prepare


def _ids(services, note: str) -> dict[str, list[str]]:
    summary = summarize_notes(note, services)
    return {a.id: [e.quote for e in a.evidence] for a in summary.competencies if a.evidence}


@pytest.mark.parametrize(
    ("question", "answer", "cid"),
    [
        (
            "Q: Tell me about a time things went wrong.",
            "A: a client about to churn, she called the CFO the same day and rebuilt the rollout plan with him",
            "conflict_resolution",
        ),
        (
            "Q : Une amélioration que vous avez mise en place ?",
            "R : une check-list partagée par l'équipe, le délai de traitement est passé de 10 à 4 jours",
            "process_improvement",
        ),
        ("Q: Have you managed people?", "A: none directly, buddy to one new hire for three months", "team_management"),
        (
            "Q : Un client mécontent récemment ?",
            "R : un restaurateur furieux, elle l'a rappelé dans l'heure et a obtenu un geste de la direction",
            "conflict_resolution",
        ),
        (
            "Q: How do you keep track of your accounts' health?",
            "A: her own sheet with usage and tickets per account, reviewed every Monday",
            "data_kpi",
        ),
    ],
)
def test_a_questions_topic_carries_to_its_labelled_answer(services, question: str, answer: str, cid: str) -> None:
    note = f"Phone screen – AM – 12/05\n{question}\n{answer}\n"
    got = _ids(services, note)
    assert cid in got, got
    assert all(not q.startswith(("Q:", "Q :")) for quotes in got.values() for q in quotes), got


def test_a_question_with_no_topic_gives_its_answer_none(services) -> None:
    note = "Phone screen – AM – 12/05\nQ: Anything else?\nA: wanted to know when we would get back to her\n"
    assert _ids(services, note) == {}


@pytest.mark.parametrize(
    "line",
    [
        "→ à revoir avec le manager, réserve sur chiffres et anglais",
        "-> à revoir avec la DG",
        "=> next step: case study with the Head of Sales",
    ],
)
def test_a_next_step_after_an_arrow_is_no_evidence(services, line: str) -> None:
    note = f"Entretien AM – 12/05\n- Bonne écoute, reformule avant de répondre.\n{line}\n"
    prep = prepare(note, 20_000)
    last = prep.segments[-1]
    assert last.non_evidence == "next_step", (line, last)


def test_a_panel_legend_on_the_first_line_is_a_header(services) -> None:
    note = (
        "Panel AM – candidate : Inès Roy – 20/06 – [Claire] = Head of Sales (EN), [Yann] = AM senior\n"
        "[Yann] Chargée de compte chez un grossiste, 3 ans, 80 clients, gère les renouvellements.\n"
    )
    prep = prepare(note, 20_000)
    assert prep.segments[0].non_evidence == "header", prep.segments[0]
    got = _ids(services, note)
    assert not any("Head of Sales" in q for quotes in got.values() for q in quotes), got


@pytest.mark.parametrize(
    ("line", "cid"),
    [
        ("- 18 mo of outbound prospecting, booking meetings for the AEs", "experience_adjacent"),
        ("- avant, 18 mois conseiller en agence bancaire", "experience_adjacent"),
        ("- two years in a Big Four advisory team on supply-chain projects", "experience_adjacent"),
        ("- gère 40 PME après signature : renouvellements et options", "experience_similar"),
        ("- never owned accounts after the sale", "experience_similar"),
    ],
)
def test_experience_told_without_a_job_title(services, line: str, cid: str) -> None:
    got = _ids(services, f"Entretien AM – 12/05\n{line}\n")
    assert cid in got, got


@pytest.mark.parametrize(
    "line",
    [
        "- Anglais 2/5 – comprend bien mais cherche ses mots à l'oral",
        "- Anglais : lu, mais difficultés à l'oral",
    ],
)
def test_speaking_on_a_line_about_english_is_the_english(services, line: str) -> None:
    got = _ids(services, f"Entretien AM – 12/05\n{line}\n")
    assert "english" in got and "interpersonal" not in got, got


def test_speaking_on_another_line_is_still_interpersonal(services) -> None:
    got = _ids(services, "Entretien AM – 12/05\n- très à l'aise à l'oral, présente clairement\n")
    assert "interpersonal" in got, got


def _polarity_of(services, line: str, cid: str) -> set[str]:
    return set(polarities(summarize_notes(f"Entretien AM – 12/05\n{line}\n", services), cid))


@pytest.mark.parametrize(
    ("line", "cid"),
    [
        ("- 4 ans chez un éditeur SaaS RH, gérait une quarantaine de PME", "sector_knowledge"),
        ("- Formation : master en école de commerce (Kedge)", "education"),
        ("- before that, two years as a consultant at a strategy firm", "experience_adjacent"),
    ],
)
def test_a_background_told_plainly_is_evidence_for_it(services, line: str, cid: str) -> None:
    assert _polarity_of(services, line, cid) == {"positive"}


@pytest.mark.parametrize(
    ("line", "cid"),
    [
        ("- ne connaît pas du tout le secteur de la santé", "sector_knowledge"),
        ("- vient de la banque, pas du SaaS", "sector_knowledge"),
        ("- no degree, left university after one year", "education"),
    ],
)
def test_a_background_with_a_negation_is_not_praise(services, line: str, cid: str) -> None:
    got = _polarity_of(services, line, cid)
    assert got and "positive" not in got, got


# The review of stop 56's first changes.


@pytest.mark.parametrize(
    ("question", "answer", "cid"),
    [
        ("Q: Do you know what we sell?", "A: not really, something with payroll I think", "sales_temperament"),
        (
            "Q : Pourquoi quitter votre poste actuel ?",
            "R : pas d'évolution possible, envie de changer",
            "experience_similar",
        ),
        (
            "Q: Any questions about our market?",
            "A: asked about our growth rate and our main competitor",
            "sector_knowledge",
        ),
        (
            "Q : Comment aimez-vous être encadrée ?",
            "R : avec de l'autonomie et un point par semaine",
            "team_management",
        ),
    ],
)
def test_questions_whose_answer_does_not_show_the_topic(services, question: str, answer: str, cid: str) -> None:
    got = _ids(services, f"Phone screen – AM – 12/05\n{question}\n{answer}\n")
    assert cid not in got, got


def test_a_speakers_praise_after_a_colon_is_no_legend(services) -> None:
    got = _ids(services, "Panel AM – 20/06\n[Claire]: excellent closer, a tenu son prix jusqu'au bout\n")
    assert "sales_temperament" in got, got


def test_speaking_praised_before_english_is_named_stays_interpersonal(services) -> None:
    got = _ids(services, "Entretien AM – 12/05\n- Très bonne expression orale, anglais à retravailler\n")
    assert "interpersonal" in got and "english" in got, got


@pytest.mark.parametrize(
    ("line", "cid"),
    [
        ("- only a BTS", "education"),
        ("- Non diplômé, autodidacte", "education"),
        ("- degree unrelated, philosophy", "education"),
        ("- new to the industry", "sector_knowledge"),
        ("- ❌ Secteur : retail uniquement", "sector_knowledge"),
    ],
)
def test_a_limited_or_missing_background_is_not_praise(services, line: str, cid: str) -> None:
    got = _polarity_of(services, line, cid)
    assert got and "positive" not in got, got


def test_a_background_under_a_heading_of_concerns_is_not_praise(services) -> None:
    note = "Entretien AM – 12/05\nPoints forts :\n- très bonne écoute\nPoints de vigilance :\n- vient du retail\n"
    summary = summarize_notes(note, services)
    got = set(polarities(summary, "sector_knowledge"))
    assert got and "positive" not in got, got


# The second review of stop 56.


@pytest.mark.parametrize(
    ("line", "cid"),
    [
        ("- cherche un premier poste d'account manager", "experience_similar"),
        ("- wants to become a KAM within 2 years", "experience_similar"),
        ("- claims an MBA from Harvard", "education"),
    ],
)
def test_a_wish_or_a_claim_is_no_background_yet(services, line: str, cid: str) -> None:
    got = _polarity_of(services, line, cid)
    assert got and "positive" not in got, got


@pytest.mark.parametrize(
    "heading",
    ["- Points faibles :", "Points faibles", "Bémols :", "Main concerns:", "Les moins :", "Doutes :"],
)
def test_headings_of_concerns_in_other_shapes(services, heading: str) -> None:
    note = f"Entretien AM – 12/05\n- très bonne écoute\n{heading}\n  - vient du retail\n"
    summary = summarize_notes(note, services)
    got = set(polarities(summary, "sector_knowledge"))
    assert got and "positive" not in got, (heading, got)


def test_a_heading_after_the_concerns_ends_them(services) -> None:
    note = "Entretien AM – 12/05\nPoints de vigilance :\n- mobilité\n\nParcours\n- 6 ans chez un éditeur SaaS RH\n"
    summary = summarize_notes(note, services)
    got = set(polarities(summary, "sector_knowledge"))
    assert got == {"positive"}, got


@pytest.mark.parametrize(
    ("line", "cid"),
    [
        ("- outside sales for 5 years in 3 different software vendors", "experience_similar"),
        ("- 4 ans AM chez Orange Business, grands comptes, zero churn sur son portefeuille", "experience_similar"),
    ],
)
def test_words_that_do_not_limit_the_background(services, line: str, cid: str) -> None:
    assert "positive" in _polarity_of(services, line, cid)


@pytest.mark.parametrize(
    ("line", "cid", "want"),
    [
        (
            "- Management / teams : 1/5 – jamais encadré d'équipe en 6 ans, préfère travailler seul sur ses comptes",
            "team_management",
            "negative",
        ),
        ("- Écoute (tour de table) : 5/5 – reformule chaque besoin du client", "listening", "positive"),
        ("- Conflits : 5/5 – gère les claims clients chez Axa, clients gardés", "conflict_resolution", "positive"),
        (
            "- Organisation : 5/5 – planifie ses revues de comptes, dates à confirmer pour la prise de poste",
            "organisation",
            "positive",
        ),
    ],
)
def test_ratings_of_real_labels_still_decide(services, line: str, cid: str, want: str) -> None:
    assert set(_polarity_of(services, line, cid)) == {want}


def test_a_why_question_keeps_its_topic(services) -> None:
    got = _ids(
        services,
        "Phone screen – AM – 12/05\nQ: Why did the client complain?\nA: the invoice was wrong; "
        "she called him the same day and fixed it\n",
    )
    assert "conflict_resolution" in got, got


@pytest.mark.parametrize(
    "line",
    [
        "- Parle anglais et espagnol ; en français, très bonne expression orale",
        "- Anglais courant, très bonne expression orale",
    ],
)
def test_speaking_praise_beside_english_stays_interpersonal(services, line: str) -> None:
    got = _ids(services, f"Entretien AM – 12/05\n{line}\n")
    assert "interpersonal" in got, got
