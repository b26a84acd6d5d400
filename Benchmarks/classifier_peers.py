#!/usr/bin/env python3
"""Peers of Gloss's text classifier, trained and scored on the same split.

    python Benchmarks/classifier_peers.py --train T.jsonl --test S.jsonl [--json]

Each line of the splits is {"text": ..., "label": ...}. For each peer it prints
accuracy, macro-F1, training seconds and prediction docs/s on the test split:
one JSON object a line with --json, else a table. Single-threaded: fastText
thread=1, BLAS/OpenMP threads 1 (set before numpy loads).

Peers (from PyPI, installed by Benchmarks/classifier.sh into a virtualenv
outside the repo): fastText (wordNgrams 2, epoch 25, lr 0.5; and defaults),
scikit-learn TF-IDF word 1-2 grams + LinearSVC, and + LogisticRegression.
"""
import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

# Prediction is timed over at least this many documents (the test split repeated).
MIN_PREDICT_DOCS = 20000


def read_split(path):
    texts, labels = [], []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                texts.append(str(row["text"]))
                labels.append(str(row["label"]))
            except (ValueError, KeyError, TypeError) as error:
                sys.exit(f"classifier_peers.py: {path}:{number}: not a {{\"text\", \"label\"}} object ({error})")
    if not texts:
        sys.exit(f"classifier_peers.py: {path}: no examples")
    return texts, labels


def scores(gold, predicted):
    """Accuracy and macro-F1 over the labels present in gold or predicted."""
    labels = sorted(set(gold) | set(predicted))
    correct = sum(g == p for g, p in zip(gold, predicted))
    f1s = []
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted))
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return correct / len(gold), sum(f1s) / len(f1s)


def timed_predict(predict, texts):
    """Predictions for texts, and docs/s measured over >= MIN_PREDICT_DOCS docs."""
    predicted = predict(texts)
    repeats = max(1, -(-MIN_PREDICT_DOCS // len(texts)))
    start = time.perf_counter()
    for _ in range(repeats):
        predict(texts)
    elapsed = time.perf_counter() - start
    return predicted, repeats * len(texts) / elapsed


def fasttext_peer(name, **params):
    import fasttext

    def run(train_texts, train_labels, test_texts):
        def clean(text):
            # fastText's own tutorial preprocessing: lowercase, punctuation split off.
            return " ".join(re.findall(r"\w+|[^\w\s]", text.lower()))

        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
            for text, label in zip(train_texts, train_labels):
                f.write(f"__label__{label} {clean(text)}\n")
            path = f.name
        try:
            start = time.perf_counter()
            model = fasttext.train_supervised(input=path, thread=1, verbose=0, **params)
            train_seconds = time.perf_counter() - start
        finally:
            os.unlink(path)

        def predict(texts):
            found, _ = model.predict([clean(t) for t in texts], k=1)
            return [labels[0][len("__label__"):] for labels in found]

        return train_seconds, predict

    return name, run


def sklearn_peer(name, make_classifier):
    def run(train_texts, train_labels, test_texts):
        from sklearn.feature_extraction.text import TfidfVectorizer

        start = time.perf_counter()
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        features = vectorizer.fit_transform(train_texts)
        classifier = make_classifier()
        classifier.fit(features, train_labels)
        train_seconds = time.perf_counter() - start

        def predict(texts):
            return list(classifier.predict(vectorizer.transform(texts)))

        return train_seconds, predict

    return name, run


def linear_svc():
    from sklearn.svm import LinearSVC
    return LinearSVC()


def logistic_regression():
    from sklearn.linear_model import LogisticRegression
    return LogisticRegression(max_iter=1000)


PEERS = [
    fasttext_peer("fastText wordNgrams=2 epoch=25 lr=0.5", wordNgrams=2, epoch=25, lr=0.5),
    fasttext_peer("fastText defaults"),
    sklearn_peer("TF-IDF 1-2 grams + LinearSVC", linear_svc),
    sklearn_peer("TF-IDF 1-2 grams + LogisticRegression", logistic_regression),
]
# The peers the robustness suite runs by default (LogisticRegression takes minutes on long documents).
DEFAULT_PEERS = "fastText wordNgrams=2 epoch=25 lr=0.5,fastText defaults,TF-IDF 1-2 grams + LinearSVC"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", required=True, help="training split (JSONL)")
    parser.add_argument("--test", required=True, help="test split (JSONL)")
    parser.add_argument("--json", action="store_true", help="one JSON object a line")
    parser.add_argument("--peers", default=DEFAULT_PEERS, help="comma-separated peer names, or 'all'")
    args = parser.parse_args()
    wanted = None if args.peers == "all" else set(args.peers.split(","))
    train_texts, train_labels = read_split(args.train)
    test_texts, test_labels = read_split(args.test)
    if not args.json:
        print(f"{'model':<40} {'accuracy':>9} {'macro-F1':>9} {'train s':>8} {'docs/s':>9} {'peak MB':>8}")
    for name, run in PEERS:
        if wanted is not None and name not in wanted:
            continue
        row = run_in_child(name, run, train_texts, train_labels, test_texts, test_labels)
        if args.json:
            print(json.dumps(row), flush=True)
        else:
            print(f"{name:<40} {row['accuracy']:>9.3f} {row['macroF1']:>9.3f} {row['trainSeconds']:>8.2f} "
                  f"{row['docsPerSecond']:>9.0f} {row['peakRSSMB']:>8.1f}", flush=True)


def run_in_child(name, run, train_texts, train_labels, test_texts, test_labels):
    """Trains and scores one peer in a forked child, so its peak RSS is its own."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        train_seconds, predict = run(train_texts, train_labels, test_texts)
        predicted, docs_per_second = timed_predict(predict, test_texts)
        accuracy, macro_f1 = scores(test_labels, predicted)
        row = {"model": name, "accuracy": accuracy, "macroF1": macro_f1,
               "trainSeconds": train_seconds, "docsPerSecond": docs_per_second}
        with os.fdopen(write_end, "w") as out:
            out.write(json.dumps(row))
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as source:
        text = source.read()
    _, status, usage = os.wait4(pid, 0)
    if status != 0 or not text:
        sys.exit(f"classifier_peers.py: {name} failed (status {status})")
    row = json.loads(text)
    row["peakRSSMB"] = usage.ru_maxrss * 1024 / 1e6
    return row


if __name__ == "__main__":
    main()
