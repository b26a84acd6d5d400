#!/usr/bin/env python3
"""The report of Benchmarks/classifier.sh, from the files its runs left in --work.

Per set: Gloss beside each peer (accuracy, macro-F1, train s, predict docs/s and
the Gloss/peer ratios), then the learning curves, file order vs. uncertain order
(mean over the seeds, with their range), and the target line.
"""
import argparse
import json
import os
import sys


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as error:
        sys.exit(f"classifier_report.py: cannot read {path}: {error}")


def load_lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def commas(x):
    return f"{x:,.0f}"


def ratio(a, b):
    return f"{a / b:.2f}" if b else "n/a"


def performance(work, name):
    models = load(os.path.join(work, f"models-{name}.json"))
    model = max(models, key=lambda m: m["version"])
    evaluation = load(os.path.join(work, f"eval-{name}.json"))
    with open(os.path.join(work, f"models-{name}.wall")) as f:
        train_wall = float(f.read())
    with open(os.path.join(work, f"predict-{name}.wall")) as f:
        lines, predict_wall = f.read().split()
    peers = load_lines(os.path.join(work, f"peers-{name}.jsonl"))
    gloss = {"accuracy": evaluation["accuracy"], "macroF1": evaluation["macro_f1"],
             "train": model["seconds"], "docs": evaluation["scoring"]["docs_per_second"]}

    print(f"\n{name}: {commas(model['examples'])} train, {commas(evaluation['items'])} test items")
    header = f"  {'model':<40} {'accuracy':>8} {'macro-F1':>8} {'train s':>8} {'docs/s':>9}   {'acc':>5} {'F1':>5} {'train':>6} {'docs/s':>6}"
    print(header)
    print(f"  {'':<40} {'':>8} {'':>8} {'':>8} {'':>9}   {'Gloss/peer':^26}")
    print(f"  {'Gloss (train; eval scoring in-process)':<40} {gloss['accuracy']:>8.3f} {gloss['macroF1']:>8.3f} "
          f"{gloss['train']:>8.2f} {commas(gloss['docs']):>9}")
    e2e = int(lines) / float(predict_wall)
    print(f"  {'Gloss predict, end to end':<40} {'':>8} {'':>8} {'':>8} {commas(e2e):>9}")
    for peer in peers:
        print(f"  {peer['model']:<40} {peer['accuracy']:>8.3f} {peer['macroF1']:>8.3f} {peer['trainSeconds']:>8.2f} "
              f"{commas(peer['docsPerSecond']):>9}   {ratio(gloss['accuracy'], peer['accuracy']):>5} "
              f"{ratio(gloss['macroF1'], peer['macroF1']):>5} {ratio(gloss['train'], peer['trainSeconds']):>6} "
              f"{ratio(gloss['docs'], peer['docsPerSecond']):>6}")
    print(f"  Gloss train s is the model's own training time (the whole command took {train_wall:.2f} s);")
    print(f"  end to end: gloss predict on {commas(int(lines))} JSONL lines (the test texts repeated) in {float(predict_wall):.2f} s,")
    print("  reading, scoring and writing included. Peers: vectorizing + fitting; docs/s over the test split")
    print("  repeated to >= 20,000 docs, in one batch call each time (sklearn) or a list (fastText).")


def curves(work, name, seeds):
    runs = [load(os.path.join(work, f"curve-{name}-{seed}.json")) for seed in seeds]
    first = runs[0]
    by_order = {}
    for run in runs:
        for curve in run["curves"]:
            by_order.setdefault(curve["order"], []).append(curve)
    orders = list(by_order)
    counts = sorted({p["decisions"] for c in first["curves"] for p in c["points"]})
    print(f"\n{name} learning curves: {commas(first['items'])} items, scored on {commas(first['test_items'])}; "
          f"uncertain = pool {first['pool']}, {first['rescore']} rescored per decision, {first['random_start']} random first picks")
    print(f"  mean over seeds {' '.join(seeds)}, accuracy [min-max]; F1 is macro-F1; file order does not depend on the seed")
    header = f"  {'decisions':>9}"
    for order in orders:
        label = "file order" if order == "sequential" else order
        header += f"  {label + ' acc':>20} {'F1':>6}"
    print(header)
    table = {}
    for count in counts:
        row = f"  {count:>9}"
        for order in orders:
            for key, width in (("accuracy", 20), ("macro_f1", 6)):
                values = [p[key] for c in by_order[order] for p in c["points"] if p["decisions"] == count]
                mean = sum(values) / len(values)
                table[(order, count, key)] = mean
                spread = key == "accuracy" and max(values) != min(values)
                cell = f"{mean:.3f} [{min(values):.3f}-{max(values):.3f}]" if spread else f"{mean:.3f}"
                row += f"{'  ' if key == 'accuracy' else ' '}{cell:>{width}}"
        print(row)
    for order in orders:
        learn = sum(c["learn_microseconds_mean"] for c in by_order[order]) / len(by_order[order])
        rescore = sum(c["rescore_milliseconds_mean"] for c in by_order[order]) / len(by_order[order])
        line = f"  {order}: mean online learn step {learn:.1f} us per decision"
        if rescore > 0:
            line += f"; rescoring the pool {rescore:.2f} ms per decision (off the UI path)"
        print(line)
    return table


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", required=True)
    parser.add_argument("--sets", required=True)
    parser.add_argument("--seeds", required=True)
    parser.add_argument("--target-set", required=True)
    parser.add_argument("--target-decisions", type=int, required=True)
    parser.add_argument("--pinned", default="no")
    parser.add_argument("--version", default="?")
    parser.add_argument("--wall", default="?")
    args = parser.parse_args()
    sets, seeds = args.sets.split(), args.seeds.split()

    print(f"\nGloss classifier benchmark (gloss {args.version})")
    print(f"  pinned: {args.pinned if args.pinned != 'no' else 'no (taskset unavailable or PIN=0)'}; peers single-threaded")
    for name in sets:
        performance(args.work, name)
    verdict = None
    for name in sets:
        table = curves(args.work, name, seeds)
        if name == args.target_set:
            key = args.target_decisions
            file_order = table.get(("sequential", key, "accuracy"))
            uncertain = table.get(("uncertain", key, "accuracy"))
            if file_order is not None and uncertain is not None:
                verdict = (uncertain > file_order, uncertain, file_order)
    print()
    if verdict is None:
        print(f"  target: {args.target_set} uncertain vs file order at {args.target_decisions} decisions: not measured in this run")
    else:
        ok, uncertain, file_order = verdict
        print(f"  target: on {args.target_set}, uncertain accuracy at {args.target_decisions} decisions beats file order "
              f"[{'PASS' if ok else 'FAIL'}] ({uncertain:.3f} vs {file_order:.3f})")
    print(f"  script wall time: {args.wall} s")


if __name__ == "__main__":
    main()
