"""Issue 9, part 9: notes in the fifth round's styles (a team's results told in the candidate's interview, SMS
shorthand, an interviewer's question followed by the answer after a colon). The causes, each on sentences unlike the
dev notes': what the candidate's team, manager or another named person did is not the candidate's evidence; « tb »,
« moy » and « jms » are « très bien », « moyen » and « jamais »; the answer after "Asked …:" carries the judgement,
not the question's words."""

from __future__ import annotations

import pytest
from notes_helpers import polarities as _polarities
from notes_helpers import statuses as _status

from assistant.notes import summarize_notes
from assistant.notes.polarity import polarity
from assistant.notes.prepare import _People, is_about_someone_else, prepare

TEAM_NOTES = """Video call – Account Manager – 3 Dec – 40 min – candidate: Ines Carvalho
- Works in Tobias Moreau's team of six at a freight-software vendor, handles 11 logistics accounts herself.
- Tobias built the team's churn dashboard and presents it to the board every quarter.
- Tobias manages the six AMs and runs their weekly one-to-ones.
- The team beat its renewal target by 20% last year.
- Her manager says she is the one clients call first.
"""


def test_what_the_team_or_a_named_colleague_did_is_not_the_candidates_evidence(services) -> None:
    prep = prepare(TEAM_NOTES, 20_000)
    reasons = {TEAM_NOTES[s.start : s.end][:20]: s.non_evidence for s in prep.segments}
    assert reasons["Tobias built the tea"] == "someone_else"
    assert reasons["Tobias manages the s"] == "someone_else"
    assert reasons["The team beat its re"] == "someone_else"
    assert reasons["Her manager says she"] == ""  # a report on the candidate
    assert reasons["Works in Tobias More"] == ""
    summary = summarize_notes(TEAM_NOTES, services)
    assert _status(summary)["team_management"] != "assessed"
    quotes = [e.quote for a in summary.competencies for e in a.evidence]
    assert not any(q.startswith(("Tobias", "The team")) for q in quotes)


@pytest.mark.parametrize(
    "line, someone_else",
    [
        ("Son manager a refait tout le process de renouvellement.", True),
        ("L'équipe a signé 4 nouveaux comptes ce trimestre.", True),
        ("Their predecessor negotiated the framework contract.", True),
        ("team: coaches the two juniors informally", False),  # a topic label, then the candidate
        ("My manager rolled my checklist out to everyone.", False),  # the candidate speaking, in a transcript
        ("His manager calls him the best negotiator on the floor.", False),
        ("Team lead for 3 years, managed 5 SDRs.", False),  # a topic, not the team as a subject
        ("Team player, very collaborative.", False),
        ("The team I managed grew ARR 30%.", False),  # the first person is the candidate
        ("Son manager l'a promue deux fois.", False),
        ("Son équipe de 8 a dépassé ses objectifs grâce à son coaching.", False),
    ],
)
def test_a_team_or_manager_subject_is_someone_else(line: str, someone_else: bool) -> None:
    prep = prepare("candidate: Ines Carvalho\n" + line, 20_000)
    assert [s.non_evidence == "someone_else" for s in prep.segments][1:] == [someone_else]
    assert is_about_someone_else(line, _People(frozenset(), frozenset())) is someone_else  # no names known


def test_the_candidate_label_in_capitals_and_tools_are_not_people() -> None:
    notes = (
        "Candidate: Chiara B. – phone screen\n"
        "- Works in Tobias Moreau's team, with Salesforce Admin rights, in London.\n"
        "- Tobias rebuilt the renewal process.\n"
        "- Salesforce admin for 3 years, built all the team's reports.\n"
        "- Chiara owns 14 accounts.\n"
    )
    reasons = {notes[s.start : s.end][:12]: s.non_evidence for s in prepare(notes, 20_000).segments}
    assert reasons["Tobias rebui"] == "someone_else"
    assert reasons["Salesforce a"] == ""
    assert reasons["Chiara owns "] == ""


def test_the_candidate_label_is_any_case_but_the_name_is_capitalised_or_in_capitals() -> None:
    # « CANDIDATE: » or « candidat : » is a label; "candidate: our best closer" names nobody.
    line = "Works in Tobias Moreau's team.\nTobias rebuilt the renewal process last year.\n"
    named = prepare("CANDIDATE: Ines Carvalho\n" + line, 20_000)
    assert [s.non_evidence for s in named.segments][-1] == "someone_else"
    unnamed = prepare("candidate: strong overall\n" + line, 20_000)
    assert [s.non_evidence for s in unnamed.segments][-1] == ""
    surname_first = prepare("Candidat : DUPONT Marie\n" + line, 20_000)  # NOM Prénom, the French order
    assert [s.non_evidence for s in surname_first.segments][-1] == "someone_else"


def test_a_named_subject_counts_only_when_the_notes_name_the_candidate() -> None:
    # Without a "candidate:" label, "Tobias" may be the candidate: the line stays possible evidence.
    prep = prepare("Call with Tobias and Ines\nTobias manages six AMs and runs their one-to-ones.\n", 20_000)
    assert all(s.non_evidence != "someone_else" for s in prep.segments)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("tb en négo, a tenu ses prix", "positive"),
        ("écoute moy, enchaîne sur son pitch", "negative"),
        ("reformule jms ce que dit le client", "negative"),
        ("Asked what he had improved without being asked: no example at all.", "negative"),
        ("Asked how she tracks churn: weekly sheet, knew every figure by heart.", "positive"),
        ("Je lui ai demandé un exemple de client perdu : très clair, concret.", "positive"),
        ("à l'écrit, synthèses claires et structurées", "positive"),  # plurals the lists do not spell out
        ("pistes floues", "negative"),
        ("6 yrs selling consumer goods to retailers", "neutral"),  # not "good"
        ("connaît les règles des marchés publics", "neutral"),  # not « réglé »
        ("Asked excellent questions at the end: pricing, roadmap.", "positive"),  # the candidate asked
        ("Asked her for a tough client story: weak, vague example.", "negative"),
        ("migrated 2 TB of CRM history to the new tool", "neutral"),  # terabytes, not « très bien »
        ("Q2 TB", "positive"),  # a mark after a question stays « très bien »
        ("mise en situation n°2 : TB", "positive"),
    ],
)
def test_shorthand_and_the_answer_after_the_question(text: str, expected: str) -> None:
    assert polarity(text) == expected


def test_sms_shorthand_notes_keep_their_judgements(services) -> None:
    summary = summarize_notes(
        "- négo : tb, a tenu ses tarifs sur 3 renouvellements\n- écoute : moy, coupe le client\n", services
    )
    assert "positive" in _polarities(summary, "sales_temperament")
    assert "negative" in _polarities(summary, "listening")


def test_notes_in_a_language_the_engine_does_not_read_get_a_notice(services) -> None:
    italian = (
        "Colloquio telefonico con la candidata.\n"
        "- Ha gestito 40 clienti per tre anni nel settore alimentare, con rinnovi annuali.\n"
        "- Non conosce molto bene i suoi numeri, ma la sua relazione con i clienti è molto buona.\n"
        "- Per lei la trattativa è una parte del lavoro che ama.\n"
    )
    summary = summarize_notes(italian, services)
    assert "French or English" in summary.notice or "ni en français ni en anglais" in summary.notice
    french = "- Très bonne écoute, gère 30 comptes dans la santé.\n- Un peu juste sur les chiffres.\n"
    summary = summarize_notes(french, services)
    assert "anglais :" not in summary.notice and "French or English" not in summary.notice


UNNAMED = """Recording – AM interview – 2 Dec – 35 min
Speaker A: Hi, can you hear me? Great. Shall we start with your current job?
Speaker B: Sure. I'm an account manager at a payroll software firm, 28 client companies, for four years now.
Speaker A: What happened the last time a client threatened to leave?
Speaker B: Uh, okay. I went to see their finance director the next morning, listened to everything that went wrong, and we agreed a recovery plan; they renewed.
Speaker A: And have you ever had people working for you?
Speaker B: No. Never had anyone reporting to me.
Speaker A: Thanks. I lead the account team here, eight people, and the role has no direct reports. Any questions?
Speaker B: Yes, how many accounts would I take over?
"""


def test_an_unnamed_transcripts_interviewer_is_the_one_asking(services) -> None:
    from assistant.notes.prepare import interviewer_label

    assert interviewer_label(UNNAMED) == "speakera"
    prep = prepare(UNNAMED, 20_000)
    turns = [s for s in prep.segments if UNNAMED[s.start : s.end].startswith("Speaker A")]
    assert turns and all(s.non_evidence == "question" for s in turns)
    summary = summarize_notes(UNNAMED, services)
    quotes = [e.quote for a in summary.competencies for e in a.evidence]
    assert not any("I lead the account team" in q or "Speaker A" in q for q in quotes)
    team = next(a for a in summary.competencies if a.id == "team_management")
    assert team.evidence and all("reporting to me" in e.quote for e in team.evidence)
    assert "positive" not in _polarities(summary, "team_management")
    # "Speaker" is no sign of presentation skills: the label alone brings no interpersonal evidence
    interpersonal = next(a for a in summary.competencies if a.id == "interpersonal")
    assert not any(e.quote.strip() in ("Speaker B: Sure.", "Speaker B: Uh, okay.") for e in interpersonal.evidence)


def test_an_interviewer_who_prompts_without_question_marks_is_found() -> None:
    from assistant.notes.prepare import interviewer_label

    transcript = (
        "Speaker 1: Tell me about your current portfolio.\n"
        "Speaker 2: I look after 30 logistics accounts. You mean this year?\n"
        "Speaker 1: Walk me through a renewal you saved.\n"
        "Speaker 2: I went on site the next day. The Geodis one?\n"
        "Speaker 1: Describe how you track churn.\n"
        "Speaker 2: I keep a weekly sheet.\n"
    )
    assert interviewer_label(transcript) == "speaker1"


def test_speakers_who_both_ask_questions_are_not_guessed() -> None:
    from assistant.notes.prepare import interviewer_label

    both = "\n".join(f"Speaker {1 + i % 2}: question {i}?" for i in range(8))
    assert interviewer_label(both) == ""
    assert interviewer_label("Speaker 1: Tell me about you?\nSpeaker 2: I sell software.\n") == ""  # too short


def test_a_long_title_line_and_the_referees_line_are_not_evidence() -> None:
    notes = (
        "Visio – Account Manager grands comptes (secteur transport) – 2 déc. – prévu 45 min, terminé à 30 min – "
        "candidat : Paul Martin\n"
        "Référent : Anne Roy, directrice des ventes chez Fretlog (logiciel de transport), qui a été sa manager directe "
        "de 2020 à 2024 à Lyon\n"
        "- 6 ans AM dans le transport, 22 comptes.\n"
    )
    prep = prepare(notes, 20_000)
    reasons = {notes[s.start : s.end][:9]: s.non_evidence for s in prep.segments}
    assert reasons["Visio – A"] == "header"
    assert reasons["Référent "] == "header"
    assert reasons["6 ans AM "] == ""
    # a first line with no meeting word is no title, however it is cut
    first = prepare("Anne Roy – 6 ans AM dans le transport – 22 comptes – renouvelle tout – 2023\n- x\n", 20_000)
    assert first.segments[0].non_evidence == ""
