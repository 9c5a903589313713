"""The offline abstention model, written by evals/calibrate_qa.py (do not edit by hand: run it again).

Logistic regression over Evidence.features, fitted on the QA dev split only (evals/questions.yaml +
evals/qa-dev.yaml: 122 answerable, 33 out-of-scope questions). Leave-one-out on dev at THRESHOLD:
2 false abstentions of 122, abstain recall 26 of 33.
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
)
WEIGHTS = {
    "dense": 17.307070,
    "log_bm25": 0.217374,
    "agree": -0.395108,
    "framework": -0.324536,
    "unknown": -6.785887,
    "english": -0.541600,
    "off_topic": -3.830256,
    "unknown_acronym": -2.461642,
    "unknown_name": -2.061574,
}
BIAS = -12.087659
THRESHOLD = 0.3
