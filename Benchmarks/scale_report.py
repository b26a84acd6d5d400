#!/usr/bin/env python3
"""Print the table of Benchmarks/scale.sh from its results file (lines of
"SIZE KEY VALUE"): each figure at each size for gloss and for its peer, the
growth factor from the smallest size to the largest for both, and the targets
of issue 20 checked at the largest size (the growth check: gloss's growth no
worse than the peer's plus 20%).

Python 3 standard library only. Usage: python3 scale_report.py results.txt RUNS IMPORT_RUNS
"""

import sys

# key, peer key, what, unit, absolute target at the largest size (or None), target on gloss/peer (or None)
FIGURES = [
    ("import", "import_peer", "import (JSONL vs .import CSV)", "s", None, 2.0),
    ("reimport", "import", "re-import, all duplicates (peer: the import)", "s", None, 1.0),
    ("export", "export_peer", "export jsonl (vs .mode json)", "s", None, 1.2),
    ("stats", "stats_peer", "stats --json (vs one scan of the rows)", "s", 2.0, None),
    ("search_none", "search_none_peer", "/ a word no item holds (vs FTS query)", "s", 0.050, None),
    ("search_found", "search_found_peer", "/ six words, 9/10 in (vs FTS query)", "s", 0.050, None),
    ("launch", "launch_peer", "label: launch to first item", "s", 0.100, None),
    ("datasets", "listing_peer", "gloss datasets", "s", 0.100, None),
    ("projects", "listing_peer", "gloss projects", "s", 0.100, None),
    ("train", "train_peer", "train --reference, a tenth (vs fastText)", "s", None, 1.0),
]
MEMORY = [("import_rss_mb", None), ("export_rss_mb", None), ("stats_rss_mb", 150.0), ("train_rss_mb", None)]


def main():
    path, runs, import_runs = sys.argv[1], sys.argv[2], sys.argv[3]
    values = {}
    sizes = []
    for line in open(path):
        size, key, value = line.split()
        size = int(size)
        if size not in sizes:
            sizes.append(size)
        values[(size, key)] = float(value) if value not in ("", "None") else None
    small, large = sizes[0], sizes[-1]

    def get(size, key):
        return values.get((size, key))

    def fmt(v):
        if v is None:
            return "-"
        return f"{v:.3f}" if v < 100 else f"{v:.1f}"

    print(f"\nscale: sizes {', '.join(f'{s:,}' for s in sizes)}; medians of {runs} runs "
          f"(imports {import_runs}, training 1); growth = figure at {large:,} / figure at {small:,}\n")
    header = f"{'figure':<46}" + "".join(f"{f'gloss {s:,}':>18}" for s in sizes) + f"{'growth':>8}" \
        + "".join(f"{f'peer {s:,}':>18}" for s in sizes) + f"{'growth':>8}{'ratio':>8}"
    print(header)
    checks = []
    for key, peer, what, unit, absolute, ratio_target in FIGURES:
        g = [get(s, key) for s in sizes]
        p = [get(s, peer) for s in sizes]
        if all(v is None for v in g):
            continue
        growth = g[-1] / g[0] if g[0] and g[-1] and len(sizes) > 1 else None
        peer_growth = p[-1] / p[0] if p[0] and p[-1] and len(sizes) > 1 else None
        ratio = g[-1] / p[-1] if g[-1] is not None and p[-1] else None
        print(f"{what + ' (' + unit + ')':<46}" + "".join(f"{fmt(v):>18}" for v in g) + f"{fmt(growth):>8}"
              + "".join(f"{fmt(v):>18}" for v in p) + f"{fmt(peer_growth):>8}{fmt(ratio):>8}")
        if absolute is not None and g[-1] is not None:
            checks.append((g[-1] <= absolute, f"{what}: {fmt(g[-1])} s <= {absolute} s at {large:,}"))
        if ratio_target is not None and ratio is not None:
            checks.append((ratio <= ratio_target, f"{what}: ratio {ratio:.2f} <= {ratio_target} at {large:,}"))
        if growth is not None and peer_growth is not None:
            checks.append((growth <= peer_growth * 1.2,
                           f"{what}: growth {growth:.2f} <= peer's {peer_growth:.2f} + 20% ({peer_growth * 1.2:.2f})"))
    print()
    for key, limit in MEMORY:
        row = [get(s, key) for s in sizes]
        if all(v is None for v in row):
            continue
        print(f"{'peak RSS ' + key[:-7] + ' (MB)':<46}" + "".join(f"{fmt(v):>18}" for v in row))
        if limit is not None and row[-1] is not None:
            checks.append((row[-1] <= limit, f"{key[:-7]} peak RSS: {row[-1]:.1f} MB <= {limit} MB at {large:,}"))
    accuracy = [(get(s, "train_accuracy"), get(s, "train_peer_accuracy")) for s in sizes]
    print("held-out accuracy of train (gloss / fastText): "
          + ", ".join(f"{fmt(a)} / {fmt(b)} at {s // 10:,} rows" for s, (a, b) in zip(sizes, accuracy)))
    print()
    for ok, text in checks:
        print(f"  [{'pass' if ok else 'FAIL'}] {text}")
    print()


if __name__ == "__main__":
    main()
