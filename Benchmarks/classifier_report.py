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
    """Prints the set's table; returns its summary row."""
    models = load(os.path.join(work, f"models-{name}.json"))
    model = max(models, key=lambda m: m["version"])
    evaluation = load(os.path.join(work, f"eval-{name}.json"))
    baseline = load(os.path.join(work, f"baseline-{name}.json"))
    with open(os.path.join(work, f"models-{name}.wall")) as f:
        train_wall = float(f.read())
    with open(os.path.join(work, f"predict-{name}.wall")) as f:
        lines, predict_wall = f.read().split()
    with open(os.path.join(work, f"train-{name}.rss")) as f:
        rss = [int(line.split()[1]) for line in f if line.startswith("peak-rss-kb")][0] * 1024 / 1e6
    peers = load_lines(os.path.join(work, f"peers-{name}.jsonl"))
    gloss = {"accuracy": evaluation["accuracy"], "macroF1": evaluation["macro_f1"],
             "train": model["seconds"], "docs": evaluation["scoring"]["docs_per_second"], "rss": rss}

    print(f"\n{name}: {commas(model['examples'])} train, {commas(evaluation['items'])} test items, "
          f"{baseline['labels']} labels (largest {baseline['largest']}, smallest {baseline['smallest']}); "
          f"majority baseline {baseline['accuracy']:.3f} ({baseline['majority']})")
    header = (f"  {'model':<40} {'accuracy':>8} {'macro-F1':>8} {'train s':>8} {'peak MB':>8} {'docs/s':>9}"
              f"   {'acc':>5} {'F1':>5} {'train':>6} {'docs/s':>6}")
    print(header)
    print(f"  {'':<40} {'':>8} {'':>8} {'':>8} {'':>8} {'':>9}   {'Gloss/peer':^26}")
    print(f"  {'Gloss (train; eval scoring in-process)':<40} {gloss['accuracy']:>8.3f} {gloss['macroF1']:>8.3f} "
          f"{gloss['train']:>8.2f} {rss:>8.1f} {commas(gloss['docs']):>9}")
    e2e = int(lines) / float(predict_wall)
    print(f"  {'Gloss predict, end to end':<40} {'':>8} {'':>8} {'':>8} {'':>8} {commas(e2e):>9}")
    for peer in peers:
        print(f"  {peer['model']:<40} {peer['accuracy']:>8.3f} {peer['macroF1']:>8.3f} {peer['trainSeconds']:>8.2f} "
              f"{peer.get('peakRSSMB', 0):>8.1f} {commas(peer['docsPerSecond']):>9}   {ratio(gloss['accuracy'], peer['accuracy']):>5} "
              f"{ratio(gloss['macroF1'], peer['macroF1']):>5} {ratio(gloss['train'], peer['trainSeconds']):>6} "
              f"{ratio(gloss['docs'], peer['docsPerSecond']):>6}")
    print(f"  Gloss train s is the model's own training time (the whole command took {train_wall:.2f} s; its peak RSS "
          f"includes reading the store); end to end: gloss predict on {commas(int(lines))} JSONL lines in {float(predict_wall):.2f} s.")
    best_acc = max(p["accuracy"] for p in peers)
    best_f1 = max(p["macroF1"] for p in peers)
    fasttext = [p for p in peers if p["model"].startswith("fastText")]
    return {"name": name, "gloss": gloss, "baseline": baseline["accuracy"], "best_acc": best_acc, "best_f1": best_f1,
            "fasttext_train": min((p["trainSeconds"] for p in fasttext), default=None),
            "fasttext_main_train": fasttext[0]["trainSeconds"] if fasttext else None}


def summary(rows):
    print("\nSummary: Gloss against the best peer of the same run (accuracy and macro-F1 in points; "
          "'>= best - 0.5' is the target)")
    print(f"  {'set':<18} {'majority':>8} {'acc':>6} {'best':>6} {'F1':>6} {'best':>6} {'acc ok':>6} {'F1 ok':>6} "
          f"{'ahead':>5} {'train s':>8} {'fT main':>8} {'fT min':>8}")
    met = ahead = 0
    for row in rows:
        g = row["gloss"]
        acc_ok = g["accuracy"] >= row["best_acc"] - 0.005
        f1_ok = g["macroF1"] >= row["best_f1"] - 0.005
        both_ahead = g["accuracy"] > row["best_acc"] and g["macroF1"] > row["best_f1"]
        above_baseline = g["accuracy"] > row["baseline"]
        met += acc_ok and f1_ok and above_baseline
        ahead += both_ahead
        ft_main = f"{row['fasttext_main_train']:.2f}" if row["fasttext_main_train"] is not None else "-"
        ft_min = f"{row['fasttext_train']:.2f}" if row["fasttext_train"] is not None else "-"
        print(f"  {row['name']:<18} {row['baseline']:>8.3f} {g['accuracy']:>6.3f} {row['best_acc']:>6.3f} "
              f"{g['macroF1']:>6.3f} {row['best_f1']:>6.3f} {'yes' if acc_ok else 'NO':>6} {'yes' if f1_ok else 'NO':>6} "
              f"{'yes' if both_ahead else 'no':>5} {g['train']:>8.2f} {ft_main:>8} {ft_min:>8}")
    print(f"  within 0.5 points of the best peer on both and above the majority baseline: {met} of {len(rows)}; "
          f"ahead of the best peer on both: {ahead} of {len(rows)}")


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
    parser.add_argument("--curve-sets", default="")
    parser.add_argument("--target-set", required=True)
    parser.add_argument("--target-decisions", type=int, required=True)
    parser.add_argument("--pinned", default="no")
    parser.add_argument("--version", default="?")
    parser.add_argument("--wall", default="?")
    args = parser.parse_args()
    sets, seeds = args.sets.split(), args.seeds.split()

    print(f"\nGloss classifier benchmark (gloss {args.version})")
    print(f"  pinned: {args.pinned if args.pinned != 'no' else 'no (taskset unavailable or PIN=0)'}; peers single-threaded")
    summary([performance(args.work, name) for name in sets])
    verdict = None
    for name in [n for n in sets if n in args.curve_sets.split()]:
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
