"""The scope probe (stop 44): a logistic regression over the question's own embedding, fitted on the QA dev split by
evals/calibrate_scope.py, makes the offline engine abstain on questions about something else entirely where the
abstention model is not confident (assistant/qa/offline.py: out_of_scope, SCOPE_OVERRULES_BELOW).

The questions below were written by hand for this file, none taken from an eval file: questions a recruiter would
type with a person's name, a greeting or a bit of context around a question the guide answers (the probe first read
some of these as out of scope, which is why it only overrules a doubtful abstention model), and far-off questions."""

from __future__ import annotations

import pytest

from assistant.guide.embeddings import HashEmbeddings
from assistant.qa import ask, calibration, evidence_for, scope_model
from assistant.qa.offline import Evidence, out_of_scope
from assistant.text import detect_language

# Questions the guide answers, with the context recruiters put around them.
IN_SCOPE = [
    "Mon candidat Julien Morel a 2 ans d'expérience : quel salaire proposer à Julien pour un AM junior ?",
    "Ma candidate Sophie a 5 ans d'expérience, quel salaire ?",
    "What should I pay Tom, who has 3 years of experience as an AM?",
    "Bonjour, je recrute un account manager pour notre agence de Nantes, quelles compétences dois-je vérifier ?",
    "Karim sort d'une école de commerce, il peut postuler comme AM débutant ? quel fixe ?",
    "notre manager Paul veut un chasseur plutôt qu'un éleveur, c'est quoi la différence ?",
    "mon boss Marc me demande quel intitulé de poste utiliser pour l'annonce, t'as une idée ?",
    "Quelles soft skills regarder chez Thomas pour le poste d'account manager ?",
    "for our candidate Priya, what questions should we ask about handling an unhappy client?",
    "Chère Claire, pour l'annonce d'AM senior : quelle fourchette de salaire afficher ?",
    "Ahmed parle anglais couramment, c'est important pour un account manager ?",
    "Est-ce qu'il faut savoir utiliser un CRM comme Salesforce pour être AM ?",
    "Pierre gère 40 comptes clients aujourd'hui : c'est un bon signe pour un poste de KAM ?",
    'Hello Jean, quick question before the debrief: what does "churn" mean in the guide?',
    "Nina a travaillé 4 ans chez Orange comme commerciale, quel niveau de salaire pour elle comme AM confirmé ?",
]

# The abstention model, not the probe, refused these two until « RH », "HR" and « DRH » joined the expansion
# lexicon (stop 44): an acronym the guide never writes weighed against them.
IN_SCOPE_REFUSED = [
    "Hi, I'm Sarah from HR at Acme. We are hiring our first account manager: what interview steps does the guide "
    "suggest?",
    "Léa a passé l'entretien RH hier, quelle est l'étape suivante selon le guide ?",
]

FAR_OFF = [
    "comment détartrer une bouilloire avec du vinaigre blanc ?",
    "what's a good beginner yoga routine for lower back pain?",
    "quelle pression pour les pneus d'une Clio 4 ?",
    "how many eggs do I need for a chocolate mousse for six?",
]


def test_the_probe_matches_the_abstention_model_it_reads() -> None:
    assert scope_model.FEATURES == calibration.FEATURES
    assert len(scope_model.FEATURE_WEIGHTS) == len(scope_model.FEATURE_MEAN) == len(scope_model.FEATURES)
    assert len(scope_model.FEATURE_SD) == len(scope_model.FEATURES) and all(sd > 0 for sd in scope_model.FEATURE_SD)
    assert len(scope_model.EMBEDDING_WEIGHTS) == 384  # multilingual-e5-small
    assert 0.5 < scope_model.THRESHOLD < 1.0


def test_the_probe_stays_silent_on_another_embedding_space(kb) -> None:
    """Its weights mean nothing for other vectors: another backend keeps the abstention model alone."""
    evidence = Evidence(dense=0.9, bm25=5.0, agree=True, framework=False, unknown=0.0)
    real = kb.embedder
    try:
        kb.embedder = HashEmbeddings(384)
        assert out_of_scope("comment détartrer une bouilloire ?", evidence, kb) is None
    finally:
        kb.embedder = real
    assert out_of_scope("comment détartrer une bouilloire ?", evidence, kb) is not None


@pytest.mark.parametrize("question", IN_SCOPE + IN_SCOPE_REFUSED)
def test_a_question_with_context_around_it_is_answered(services, question: str) -> None:
    _, evidence = evidence_for(question, services)
    assert evidence is not None and not evidence.beyond_scope(detect_language(question))
    answer = ask(question, services)
    assert not answer.abstained, (answer.notice, answer.score)


@pytest.mark.parametrize("question", FAR_OFF)
def test_a_far_off_question_is_refused_by_the_probe(services, question: str) -> None:
    _, evidence = evidence_for(question, services)
    assert evidence is not None and evidence.out_of_scope is not None and evidence.out_of_scope > 0.5
    assert ask(question, services).abstained


def test_a_probe_abstention_still_says_why_where_a_notice_applies(services) -> None:
    """A choice between names the guide never uses keeps its notice when the probe is what abstains."""
    answer = ask("Should we train the new AM on Sandler vs Miller Heiman?", services)
    assert answer.abstained and "Sandler" in (answer.notice or "")
