"""Issue 9, part 5: recall on notes written by other people. Telegraphic signs, double negations and idioms in
polarity; abbreviations and title lines in sentence cutting; structural paraphrases (a client at risk and saved,
someone who runs a team, asks questions, writes readable documents, knows how a market works); figurative or
incidental words that are not protected criteria. Each behaviour is tested on sentences unlike the dev notes'."""

from __future__ import annotations

import pytest
from notes_helpers import polarities as _polarities
from notes_helpers import statuses as _status

from assistant.notes import summarize_notes
from assistant.notes.polarity import polarity
from assistant.notes.prepare import prepare
from assistant.rules.criteria import find_protected_criteria

# --------------------------------------------------------------------------- polarity


@pytest.mark.parametrize(
    "text, expected",
    [
        # telegraphic signs after a topic
        ("closing ++", "positive"),
        ("prospection +++", "positive"),
        ("reporting --", "negative"),
        ("CRM ---.", "negative"),
        ("orga +", "positive"),
        ("anglais -", "negative"),
        # a dash or plus between words is no judgement
        ("Lyon - Paris", "neutral"),
        ("un avoir + un point mensuel", "neutral"),
        # double negations
        ("can't say he isn't organised", "positive"),
        ("I wouldn't say she is not convincing", "positive"),
        ("on ne peut pas dire qu'il n'est pas rigoureux", "positive"),
        ("not that he lacks drive", "positive"),
        # the usual single negations still flip
        ("isn't comfortable with numbers", "negative"),
        ("n'est pas rigoureux", "negative"),
        # idioms
        ("rien ne lui échappe sur ses comptes", "positive"),
        ("nothing slips through the cracks with her", "positive"),
        ("connaît ses produits sur le bout des doigts", "positive"),
        ("knows the pricing grid inside out", "positive"),
        ("maîtrise avancée de Power BI", "positive"),
        ("advanced Excel user", "positive"),
        ("allemand ok", "positive"),
        ("anglais pas ok", "negative"),
        ("a monté de lui-même un club utilisateurs", "positive"),
        ("set up a user group unprompted", "positive"),
        ("sait animer un atelier client", "positive"),
        ("ne sait pas construire un forecast", "negative"),
        # reservations
        ("plutôt pour, avec réserve sur le closing", "negative"),
        ("quelques réserves sur son organisation", "negative"),
        ("some reservations about his forecasting", "negative"),
        ("came across as stiff", "negative"),
    ],
)
def test_signs_double_negations_idioms_and_reservations(text: str, expected: str) -> None:
    assert polarity(text) == expected


# --------------------------------------------------------------------------- sentence cutting


def _segment_texts(notes: str) -> list[tuple[str, str]]:
    prep = prepare(notes, 20000)
    return [(notes[s.orig[0] : s.orig[1]], s.non_evidence) for s in prep.segments]


def test_abbreviation_with_a_period_does_not_end_the_sentence() -> None:
    texts = [t for t, _ in _segment_texts("- a rencontré le dir. commercial et la resp. achats du client\n")]
    assert texts == ["a rencontré le dir. commercial et la resp. achats du client"]


def test_lowercase_line_under_the_title_line_is_not_part_of_the_title() -> None:
    notes = "visio 20' – AM – 03/02\nex-account manager chez un éditeur, 6 ans\n"
    segs = _segment_texts(notes)
    assert ("ex-account manager chez un éditeur, 6 ans", "") in segs, segs


@pytest.mark.parametrize(
    "line",
    [
        "Présents : moi, Julien (sales), Emma (AM senior)",
        "Attendees: me, the VP Sales, a senior AM",
        "Source : cooptation via un ancien collègue",
        "Sourced via: referral from the sales team",
    ],
)
def test_attendee_and_source_lines_are_about_the_meeting(line: str) -> None:
    segs = _segment_texts(f"Entretien – 12/01\n{line}\n- 6 ans comme account manager, 40 clients PME.\n")
    assert all(why == "header" for text, why in segs if text in line), segs


# --------------------------------------------------------------------------- structural paraphrases


@pytest.mark.parametrize(
    "notes, cid, pol",
    [
        (
            "Le client menaçait de partir après deux retards, elle l'a gardé avec un plan d'action.",
            "conflict_resolution",
            "positive",
        ),
        (
            "Customer was about to walk after a botched migration; she won them back within a month.",
            "conflict_resolution",
            "positive",
        ),
        ("ran a sales team of eight for three years", "team_management", "neutral"),
        ("dirige une équipe de 4 commerciaux depuis 2021", "team_management", "neutral"),
        ("ne pose jamais de questions sur le contexte du client", "listening", "negative"),
        ("never asked a single question about the prospect", "listening", "negative"),
        ("asked me sharp questions about our renewal cycle", "listening", "positive"),
        ("son support de présentation était illisible, beaucoup trop de texte", "interpersonal", "negative"),
        ("her written summary was short and easy to read", "interpersonal", "positive"),
        ("knows how regional utility procurement works", "sector_knowledge", "neutral"),
        ("connaît bien les rouages des centrales d'achat", "sector_knowledge", "positive"),
        ("4 ans à suivre une trentaine de concessionnaires automobiles", "experience_similar", "neutral"),
        ("looked after ~25 dental practices for a software vendor", "experience_similar", "neutral"),
        ("a dû tout replanifier 24h avant l'événement", "reactivity", "neutral"),
        ("turned a full proposal around in 48 hours", "reactivity", "neutral"),
        ("a construit seule le BP de sa business unit", "data_kpi", "neutral"),
        ("école de co à Lille", "education", "neutral"),
        ("5 ans chargé d'affaires dans le BTP", "experience_similar", "neutral"),
        ("2 yrs as an SDR then BDR at a martech startup", "experience_adjacent", "neutral"),
    ],
)
def test_structural_paraphrases_are_evidence(services, notes: str, cid: str, pol: str) -> None:
    summary = summarize_notes(notes, services)
    assert _status(summary)[cid] == "assessed", {k: v for k, v in _status(summary).items() if v == "assessed"}
    if pol != "neutral":
        assert pol in _polarities(summary, cid)


@pytest.mark.parametrize(
    "notes, cid",
    [
        # a client at risk, nothing saved: anticipation, not conflict handling
        ("how would he spot an account about to leave? he watches usage every week", "conflict_resolution"),
        # the interviewer's questions are not the candidate's listening
        ("I asked three questions about her pipeline, we asked about her targets", "listening"),
        ("je lui ai posé des questions sur ses objectifs", "listening"),
        # "hiring manager" is a person, not hiring experience
        ("the hiring manager will call her next week", "team_management"),
        # years in another trade with no account noun
        ("5 ans à suivre des formations en ligne", "experience_similar"),
    ],
)
def test_near_misses_are_not_evidence(services, notes: str, cid: str) -> None:
    assert _status(summarize_notes(notes, services))[cid] == "not_assessed"


# --------------------------------------------------------------------------- protected criteria: cause, not weakening


@pytest.mark.parametrize(
    "text",
    [
        'says she "lives in Excel" and builds her own pivot tables',
        "basically lives in HubSpot all day",
        "lives in the CRM",
        "a dû réorganiser la tournée à cause d'une grève des transports",
        "livraisons bloquées pendant la grève SNCF, il a tout replanifié",
    ],
)
def test_figurative_or_external_words_are_not_protected_criteria(text: str) -> None:
    assert find_protected_criteria(text, context="notes") == []


@pytest.mark.parametrize(
    "text",
    [
        "lives in Marseille with his family",
        "He lives in a rough neighbourhood.",
        "a fait grève l'an dernier",
        "gréviste en 2023",
        "il a participé à la grève de son entreprise",
        "was on strike last spring",
    ],
)
def test_real_mentions_are_still_flagged(text: str) -> None:
    flags = find_protected_criteria(text, context="notes")
    assert flags and all(f.kind == "discrimination" for f in flags), text


# --------------------------------------------------------------------------- French feminine forms of cues


@pytest.mark.parametrize(
    "notes, cid",
    [
        ("très relationnelle avec ses clients", "interpersonal"),  # cue « relationnel »
        ("vraiment persuasive en rendez-vous", "sales_temperament"),  # cue « persuasif » is listed as both
        ("très méthodique et organisée", "organisation"),
        ("candidate proactive et impliquée", "proactivity"),
    ],
)
def test_feminine_forms_of_cues_match(services, notes: str, cid: str) -> None:
    assert _status(summarize_notes(notes, services))[cid] == "assessed"


def test_feminine_form_of_a_cue_matches_in_isolation(framework) -> None:
    from assistant.notes.offline import _cue_pattern

    assert _cue_pattern("relationnel", french=True).search("super relationnelle, met les gens a l'aise")
    assert _cue_pattern("attentif", french=True).search("attentive aux details")
    assert not _cue_pattern("excel", french=True).search("elle excelle en negociation")
    assert not _cue_pattern("sold").search("solde de tout compte")
    assert not _cue_pattern("relationnel", french=True).search("relationnellement")


def test_short_lowercase_lines_are_items_but_wrapped_prose_is_one_sentence() -> None:
    short = (
        "tel 15' - AM\n- 6 ans KAM dans le BTP\n~4M€ de CA\nconnaît bien les négociants\ncoupe la parole\nanglais ok\n"
    )
    texts = [t for t, _ in _segment_texts(short)]
    assert "connaît bien les négociants" in texts and "coupe la parole" in texts, texts
    prose = (
        "Candidate has spent six years managing mid-market accounts in the logistics space and\n"
        "explained in detail how she grew her book by a third, mostly through renewals and\n"
        "cross-sell of the tracking module, which she pitched to every client at their QBR.\n"
    )
    assert len(_segment_texts(prose + "y" * 500 + "\n")) == 2


@pytest.mark.parametrize("line", ["télétravail 2j ok", "relocation to Lyon ok", "préavis 1 mois, ok pour négocier"])
def test_ok_in_a_logistics_line_is_agreement_not_judgement(line: str) -> None:
    segs = _segment_texts(f"{line}\n- 6 ans comme account manager, 40 clients PME.\n")
    assert segs[0] == (line, "logistics"), segs


@pytest.mark.parametrize(
    "text, expected",
    [
        ("strong at saying no to discount requests", "positive"),
        ("sait dire non à un client exigeant", "positive"),
        ("anglais no pb", "positive"),
        ("gros pb de suivi", "negative"),
        ("friendly and easy-going", "positive"),
    ],
)
def test_saying_no_is_a_stance_not_a_negation(text: str, expected: str) -> None:
    assert polarity(text) == expected


def test_a_role_with_a_number_of_accounts_is_similar_experience(services) -> None:
    summary = summarize_notes("Onsite – AM – 16/12\n- moved to a farming role with 45 accounts in 2022\n", services)
    assert _status(summary)["experience_similar"] == "assessed"


def test_co_founders_are_not_accounts(services) -> None:
    summary = summarize_notes("Entretien – 16/12\n- a monté sa boîte avec 2 partenaires, revendue en 2021\n", services)
    assert _status(summary)["experience_similar"] == "not_assessed"
