#!/usr/bin/env python3
"""Trains the second layer of reply intent detection and writes it as Swift source.

    python3 -m pip install scikit-learn==1.5.2 numpy
    python3 scripts/train-intent-model.py            # writes Sources/Triage/IntentModelWeights.swift
    python3 scripts/train-intent-model.py --report   # also prints cross-validated figures

The model is a multinomial logistic regression over hashed features of the person's own words:
word 1- and 2-grams and character 3- to 5-grams inside words, plus a length bucket. The features
are computed here and in Sources/Triage/IntentFeatures.swift by the same steps, and a parity file
(Tests/TriageTests/Fixtures/intent-features.jsonl) lets the Swift tests check that they agree.

Training reads only Tests/TriageTests/Fixtures/intent-train/*.jsonl. The held-out split
(intent-heldout/) is never read here. The run is deterministic: same data, same weights.

"no" and "remove" close or suppress a prospect, so the model may return one of them only when
their summed probability passes a threshold chosen on cross-validated predictions: above the most
it gave them together for any reply of another class, but at most 0.99 (docs/triage-accuracy.md
names the replies above it). Below it, the reply goes to review.
"""
import argparse
import base64
import glob
import json
import math
import os
import sys
import unicodedata

CLASSES = ["no", "remove", "positive", "later", "referral", "unclear"]
BUCKETS = 1 << 17
MAX_WORDS = 400
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fold(text):
    """Lowercase, accents removed, digits as 0, everything but letters and digits a space."""
    decomposed = unicodedata.normalize("NFD", text)
    out = []
    for ch in decomposed:
        code = ord(ch)
        if 0x300 <= code <= 0x36F:
            continue
        for low in ch.lower():
            c = ord(low)
            if 0x30 <= c <= 0x39:
                out.append("0")
            elif 0x61 <= c <= 0x7A:
                out.append(low)
            elif c >= 0x80 and unicodedata.category(low)[0] == "L":
                out.append(low)
            else:
                out.append(" ")
    return "".join(out)


def features(text):
    """The feature strings of a text, each once, in first-seen order."""
    words = fold(text).split()[:MAX_WORDS]
    seen = {}
    count = len(words)
    bucket = "0" if count == 0 else "1" if count <= 2 else "2" if count <= 5 else "3" if count <= 12 else "4" if count <= 30 else "5"
    seen["len:" + bucket] = None
    for i, word in enumerate(words):
        seen["w:" + word] = None
        if i + 1 < len(words):
            seen["b:" + word + " " + words[i + 1]] = None
        padded = " " + word + " "
        for n in (3, 4, 5):
            for start in range(0, len(padded) - n + 1):
                seen["c:" + padded[start:start + n]] = None
    seen["b:<s> " + (words[0] if words else "")] = None
    return list(seen)


def fnv1a(s):
    h = 0x811C9DC5
    for byte in s.encode("utf-8"):
        h ^= byte
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def vector(text):
    """Sparse {bucket: value}: each feature 1/sqrt(n), colliding features summed."""
    names = features(text)
    value = 1.0 / math.sqrt(len(names))
    out = {}
    for name in names:
        index = fnv1a(name) % BUCKETS
        out[index] = out.get(index, 0.0) + value
    return out


def model_text(record):
    """What the model reads: the person's words, or the subject when they wrote none."""
    text = record.get("text") or ""
    if text.strip():
        return text
    subject = record.get("subject") or ""
    return subject


def load(pattern):
    records = []
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                line = line.strip()
                if not line:
                    continue
                record = json.loads(line)
                if record.get("intent") not in CLASSES:
                    sys.exit(f"{path}:{number}: unknown intent {record.get('intent')!r}")
                records.append(record)
    return records


def matrix(records):
    from scipy.sparse import csr_matrix
    rows, cols, vals = [], [], []
    for row, record in enumerate(records):
        for index, value in sorted(vector(model_text(record)).items()):
            rows.append(row)
            cols.append(index)
            vals.append(value)
    return csr_matrix((vals, (rows, cols)), shape=(len(records), BUCKETS))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--report", action="store_true", help="print cross-validated figures")
    parser.add_argument("--C", type=float, default=80.0, help="inverse regularisation strength")
    args = parser.parse_args()

    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    records = load(os.path.join(ROOT, "Tests/TriageTests/Fixtures/intent-train/*.jsonl"))
    X = matrix(records)
    y = np.array([CLASSES.index(r["intent"]) for r in records])

    def make():
        return LogisticRegression(C=args.C, max_iter=5000, tol=1e-5)

    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)
    probabilities = cross_val_predict(make(), X, y, cv=folds, method="predict_proba")
    # "no" and "remove" both stop the mail, so they share one threshold on their summed
    # probability: above the most the model gave them together for any reply of another class.
    stopping = [CLASSES.index("no"), CLASSES.index("remove")]
    stop_mass = probabilities[:, stopping].sum(axis=1)
    others = stop_mass[~np.isin(y, stopping)]
    stop_threshold = float(min(0.99, round(others.max() + 0.01, 3)))
    thresholds = [stop_threshold if k in stopping else 0.6 for k in range(len(CLASSES))]

    def decide(p):
        k = int(np.argmax(p))
        mass = p[stopping].sum() if k in stopping else p[k]
        return k if mass >= thresholds[k] else CLASSES.index("unclear")

    if args.report:
        predicted = np.array([decide(p) for p in probabilities])
        print(f"{len(records)} replies; cross-validated accuracy {np.mean(predicted == y):.3f}")
        for k, name in enumerate(CLASSES):
            tp = np.sum((predicted == k) & (y == k))
            precision = tp / max(1, np.sum(predicted == k))
            recall = tp / max(1, np.sum(y == k))
            print(f"  {name:9} threshold {thresholds[k]:.3f} precision {precision:.3f} recall {recall:.3f}")

    model = make().fit(X, y)
    weights = model.coef_.T  # buckets x classes
    scale = float(np.abs(weights).max() / 127.0)
    quantized = np.clip(np.round(weights / scale), -127, 127).astype(np.int8)
    payload = base64.b64encode(quantized.tobytes()).decode("ascii")
    intercepts = ", ".join(f"{v:.6f}" for v in model.intercept_)
    threshold_text = ", ".join(f"{v:.3f}" for v in thresholds)
    lines = [payload[i:i + 120] for i in range(0, len(payload), 120)]
    source = "\n".join([
        "// Generated by scripts/train-intent-model.py from Tests/TriageTests/Fixtures/intent-train; do not edit.",
        f"// {len(records)} labelled replies, C = {args.C}, {BUCKETS} buckets.",
        "",
        "extension IntentModel {",
        "    /// The trained parameters: int8 weights (bucket-major, one per class), their scale, the",
        "    /// intercepts, and the probability each class needs before the model may return it.",
        "    static let trained = IntentModel(",
        f"        buckets: {BUCKETS},",
        "        classes: [" + ", ".join(f".{c}" for c in CLASSES) + "],",
        f"        intercepts: [{intercepts}],",
        f"        thresholds: [{threshold_text}],",
        f"        scale: {scale!r},",
        "        weightsBase64: \"\"\"",
        *lines,
        "\"\"\")",
        "}",
        "",
    ])
    target = os.path.join(ROOT, "Sources/Triage/IntentModelWeights.swift")
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(source)

    # The parity file: what the features and the quantized model give for a few texts.
    samples = [model_text(r) for r in records[:: max(1, len(records) // 40)]]
    samples += ["Grüße aus Köln — 12.03.", "¡No, gracias! ÉTÉ 2027", ""]
    with open(os.path.join(ROOT, "Tests/TriageTests/Fixtures/intent-features.jsonl"), "w", encoding="utf-8") as handle:
        for text in samples:
            v = vector(text)
            scores = [float(model.intercept_[k]) + sum(quantized[i, k] * scale * value for i, value in v.items()) for k in range(len(CLASSES))]
            handle.write(json.dumps({"text": text, "folded": " ".join(fold(text).split()[:MAX_WORDS]),
                                     "buckets": sorted(v), "scores": [round(s, 4) for s in scores]}, ensure_ascii=False) + "\n")
    print(f"wrote {os.path.relpath(target, ROOT)}: {len(records)} replies, thresholds {threshold_text}")


if __name__ == "__main__":
    main()
