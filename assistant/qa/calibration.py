"""The offline abstention model, written by evals/calibrate_qa.py (do not edit by hand: run it again).

Logistic regression over Evidence.features, fitted on the QA dev split only
(evals/questions.yaml + evals/qa-dev.yaml + evals/qa-dev2.yaml + evals/qa-dev3.yaml:
168 answerable, 71 out-of-scope questions). Leave-one-out on dev at THRESHOLD:
3 false abstentions of 168, abstain recall 55 of 71.
"""

FEATURES = (
    "dense",
    "log_bm25",
    "agree",
    "framework",
    "unknown",
    "english",
    "off_topic",
    "unknown_acronym",
    "unknown_name",
    "other_role",
)
WEIGHTS = {
    "dense": 7.924968,
    "log_bm25": 0.886934,
    "agree": -0.602433,
    "framework": -0.419333,
    "unknown": -3.796017,
    "english": -0.735476,
    "off_topic": -4.432191,
    "unknown_acronym": -2.033914,
    "unknown_name": -0.328406,
    "other_role": -6.056110,
}
BIAS = -5.297257
THRESHOLD = 0.25
