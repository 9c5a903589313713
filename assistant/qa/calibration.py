"""The offline abstention model, written by evals/calibrate_qa.py (do not edit by hand: run it again).

Logistic regression over Evidence.features, fitted on the QA dev split only
(evals/questions.yaml + evals/qa-dev.yaml + evals/qa-dev2.yaml + evals/qa-dev3.yaml + evals/qa-dev4.yaml +
evals/qa-dev5.yaml + evals/qa-dev6.yaml: 263 answerable, 114 out-of-scope questions). Leave-one-out on dev at
THRESHOLD:
4 false abstentions of 263, abstain recall 65 of 114.
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
    "dense": 4.603402,
    "log_bm25": 0.326376,
    "agree": -0.562341,
    "framework": -0.481578,
    "unknown": -3.048834,
    "english": -0.117150,
    "off_topic": -3.899934,
    "unknown_acronym": -1.984595,
    "unknown_name": -0.025817,
    "other_role": -5.572488,
}
BIAS = -2.352432
THRESHOLD = 0.2
