"""Questions about everyday life, far from work (stop 43: on the dev split the offline engine answered « un œuf
mollet », a bike puncture, a tennis tie-break, snow in Chamonix and a marathon plan from the nearest guide passage).

A rule was tried and reverted this stop: a question naming nothing of work, recruiting, sales or the guide's subjects
(a word list plus the framework's labels and glossary) had to score 0.6 to be answered. It abstained on 7 more of
the 30 out-of-scope questions of the blind twelfth dev round (evals/qa-dev12.yaml) and on 7 of the 14 below, but
made 2 more answerable test questions abstain (4 of 94, above issue 9's 1 in 40) and caught no out-of-scope test
question: by the project's rule (a change that helps dev and hurts test is reverted), it is not on main. Stop 44's
scope probe over the question's embedding abstained on 6 of the 7 still answered, but was reverted after a review
found it refused pay questions set in French cities (tests/qa/test_context_questions_stop44.py). The far-off
questions the engine still answers are marked as expected failures (strict: a fix makes them pass and the mark must
go); those it abstains on, and the short questions on the guide's subjects, guard any later attempt. Every question
here was written by hand for this test; none is taken from an eval file.

Stop 45 tried a narrower rule and reverted it: abstain when the question names none of the job, the guide,
recruiting, pay, experience or clients, AND no framework item, at least half its topic words are foreign to the
guide, the top BM25 score is under 3 and the two rankings disagree. It passed all 14 questions below and every
question of test_context_questions_stop44.py; on the dev split it abstained on 16 more of 289 out of scope for 2 more
of 468 answerable, on stop 44's review set on 11 more of 40 out of scope for none of 212 answerable, but on the test
split on no more out of scope and on 2 more of 94 answerable (0 before): reverted by the same rule as stop 43's.

Stop 48 tried again, with a fresh test file that has far-off questions (evals/qa-test3.yaml, 13 of them, written
before the change): a question with no word of work, pay, sales or the guide's subjects (a longer word list, one
typo tolerated, the framework's names, a few phrases such as « étude de cas ») and no framework item abstained where
the calibrated model scored it under 0.5. It passed all of this file (the 7 marked below included) and
test_context_questions_stop44.py; on dev, abstain recall 0.626 → 0.682 for 1 more false abstention of 468; on the
test split, 9 more of 55 out of scope (9 of the 11 far-off questions qa-test3.yaml's first run answered) but 4 more
false abstentions of 139 (1 → 5, over issue 9's 1 in 40): terse questions in the recruiter's words that the list
lacks (« vaut mieux qqn qui connait déjà notre marché ? », "MSc w/ a procurement major, good background?"). A lost
answer to a real question costs a recruiter more than a far-off question answered from the nearest passage, so it
was reverted; a word list cannot tell a terse question of work from a far-off one.

Stop 50: the abstention model weighs how much closer a question is to the dev split's questions the guide covers
than to those it does not (qa/examples.py): 6 of the 7 far-off questions marked here now abstain, and their
marks are gone."""

from __future__ import annotations

import pytest

from assistant.qa import ask

STILL_ANSWERED = pytest.mark.xfail(
    strict=True, reason="unfinished (issue 9): a far-off question is answered from the nearest passage"
)

FAR_OFF = [
    "combien de temps faut-il laisser reposer une pâte brisée au frigo ?",
    "quand tailler les rosiers grimpants, à l'automne ou au printemps ?",
    "how long should I boil pasta for it to be al dente?",
    "what is the best string gauge for a beginner on an acoustic guitar?",
    "il fera beau à Biarritz samedi pour aller surfer ?",
    "how many sets does a volleyball match have, and to how many points?",
    "quelle commande Linux pour afficher les fichiers cachés d'un dossier ?",
    "comment enlever une tache de vin rouge sur un canapé en lin ?",
    "how do I get my toddler to sleep through the night?",
    "combien de kilomètres fait le tour du lac d'Annecy à vélo ?",
    pytest.param("what's the difference between a crocodile and an alligator?", marks=STILL_ANSWERED),
    "quelle est la hauteur de la tour Eiffel avec ses antennes ?",
    "how often should I change the oil in a diesel car?",
    "peut-on congeler du fromage râpé et combien de temps se garde-t-il ?",
]

# Questions on the guide's subjects that name them by a single word of the guide (a skill, a tool, a step), by
# shorthand, or in English: none may lose its answer to a rule against far-off questions.
ON_TOPIC = [
    "Faut-il maîtriser Excel ?",
    "CX c koi",
    "hunters vs farmers, what's the difference?",
    "Qu'est-ce que le pairing pour une nouvelle recrue ?",
    "il faut qqn qui gère bien l'urgence ?",
    "is a bachelor's enough or do they need a master's?",
    "who runs the second round, and what does it test?",
    "réactivité ?",
    "L'anglais est-il nécessaire ?",
]


@pytest.mark.parametrize("question", FAR_OFF)
def test_a_far_off_question_is_not_covered(services, question: str) -> None:
    answer = ask(question, services)
    assert answer.abstained, answer.answer


@pytest.mark.parametrize("question", ON_TOPIC)
def test_a_question_on_the_guide_s_subjects_keeps_its_answer(services, question: str) -> None:
    answer = ask(question, services)
    assert not answer.abstained
    assert answer.citations
