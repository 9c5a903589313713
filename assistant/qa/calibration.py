"""The offline abstention model, written by evals/calibrate_qa.py (do not edit by hand: run it again).

Logistic regression over Evidence.features, fitted on the QA dev split only
(evals/questions.yaml + evals/qa-dev.yaml + evals/qa-dev2.yaml:
144 answerable, 55 out-of-scope questions). Leave-one-out on dev at THRESHOLD:
2 false abstentions of 144, abstain recall 46 of 55.
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
    "dense": 14.847581,
    "log_bm25": 0.756512,
    "agree": -0.684905,
    "framework": -0.084348,
    "unknown": -5.006366,
    "english": -0.761276,
    "off_topic": -4.774339,
    "unknown_acronym": -1.883772,
    "unknown_name": -0.384455,
    "other_role": -6.216947,
}
BIAS = -10.741267
THRESHOLD = 0.35
