#!/usr/bin/env python3
"""Writes the reference fixtures of Tests/Fixtures/judging (the tests read the JSON; they do
not run this script).

How they were made:

    python3 -m venv /tmp/venv-kr
    /tmp/venv-kr/bin/pip install krippendorff numpy scipy choix
    /tmp/venv-kr/bin/python Tests/Fixtures/judging/generate.py

with krippendorff 0.9.0, numpy 2.4.6, scipy 1.17.1, choix 0.4.1 (the versions are written
into every fixture's `source`). Data come from numpy's default_rng with fixed seeds, so a
run gives the same files. Expected values are printed with 17 significant digits.

- alpha-*.json: Krippendorff's alpha, ordinal / interval / ratio (and nominal), from
  `krippendorff.alpha` on the coders x units matrix (NaN where a coder left a unit out),
  both with `value_domain` = the scale's points 1..n and without it (the observed values).
  Undefined (the package raises or returns NaN) is null.
- rankings-*.json: Kendall's W with the tie correction (the textbook formula over
  `scipy.stats.rankdata` mid-ranks, written out below) and Kendall's tau-b from
  `scipy.stats.kendalltau` (whose default variant is tau-b).
- pairwise-*.json: Bradley-Terry log-strengths from a maximum-likelihood fit with
  `scipy.optimize.minimize(method="trust-exact")`, polished to the
  root of the score equations by `scipy.optimize.root(method="hybr")`, checked against choix's
  `ilsr_pairwise_dense` to 1e-9 before writing; 95% intervals from the pseudo-inverse of the
  observed information (checked against the reduced-coordinates inverse); position bias
  from `scipy.stats.binomtest` (two-sided p, Wilson interval); pairwise agreement: percent
  (the mean per-item share of agreeing ordered pairs) and nominal alpha from `krippendorff`.
"""

import json
import os
import re
from importlib.metadata import version

import choix
import krippendorff
import numpy as np
from scipy import optimize, stats

HERE = os.path.dirname(os.path.abspath(__file__))
VERSIONS = ", ".join(f"{p} {version(p)}" for p in ["krippendorff", "numpy", "scipy", "choix"])


def g17(x):
    return None if x is None or (isinstance(x, float) and np.isnan(x)) else float("%.17g" % x)


def write(name, obj):
    """JSON with every float printed with 17 significant digits."""
    def mark(o):
        if isinstance(o, float):
            return "@@%.17g@@" % o
        if isinstance(o, dict):
            return {k: mark(v) for k, v in o.items()}
        if isinstance(o, (list, tuple)):
            return [mark(v) for v in o]
        if isinstance(o, (np.integer,)):
            return int(o)
        return o
    text = json.dumps(mark(obj), indent=1, ensure_ascii=False)
    text = re.sub(r'"@@([^@]+)@@"', r"\1", text)
    # Keep short integer lists on one line.
    text = re.sub(r"\[\s+([-0-9.e, \n]+?)\s+\]", lambda m: "[" + re.sub(r"\s+", " ", m.group(1)) + "]", text)
    with open(os.path.join(HERE, name), "w") as f:
        f.write(text + "\n")


# ---------------------------------------------------------------- Krippendorff's alpha

def package_alpha(matrix, level, domain):
    try:
        with np.errstate(invalid="ignore", divide="ignore"):
            value = krippendorff.alpha(reliability_data=matrix, level_of_measurement=level, value_domain=domain)
        return g17(value)
    except ValueError:
        return None


def alpha_fixture(name, description, matrix, points):
    matrix = np.asarray(matrix, dtype=float)
    units = [[int(v) for v in matrix[:, u] if not np.isnan(v)] for u in range(matrix.shape[1])]
    domain = list(range(1, points + 1))
    expected = {}
    for level in ["nominal", "ordinal", "interval", "ratio"]:
        expected[level] = package_alpha(matrix, level, domain)
        expected[level + "Observed"] = package_alpha(matrix, level, None)
    write(name, {
        "source": f"{description} Expected: krippendorff.alpha(reliability_data=coders x units with NaN for "
                  f"missing, level_of_measurement=..., value_domain=[1..{points}]) and, as *Observed, the same "
                  f"without value_domain (null: the package raises or gives NaN). {VERSIONS}.",
        "points": points,
        "units": units,
        "expected": expected,
    })


def noisy(rng, coders, units, points, missing, noise):
    truth = rng.integers(1, points + 1, size=units)
    m = truth[None, :] + np.round(rng.normal(0, noise, size=(coders, units)))
    m = np.clip(m, 1, points).astype(float)
    m[rng.random(size=m.shape) < missing] = np.nan
    return m


def alpha_fixtures():
    rng = np.random.default_rng(15)
    alpha_fixture("alpha-2coders-5points-missing.json",
                  "Two coders, 40 units, a 5-point scale, 20% of values missing.",
                  noisy(rng, 2, 40, 5, 0.2, 0.9), 5)
    alpha_fixture("alpha-5coders-5points-missing.json",
                  "Five coders, 60 units, a 5-point scale, 30% of values missing.",
                  noisy(rng, 5, 60, 5, 0.3, 1.1), 5)
    alpha_fixture("alpha-8coders-9points-sparse.json",
                  "Eight coders, 100 units, a 9-point scale, 75% missing: many units have one value or none.",
                  noisy(rng, 8, 100, 9, 0.75, 1.5), 9)
    alpha_fixture("alpha-4coders-2points.json",
                  "Four coders, 50 units, a 2-point scale, 15% missing.",
                  noisy(rng, 4, 50, 2, 0.15, 0.6), 2)
    alpha_fixture("alpha-3coders-9points-close.json",
                  "Three coders, 80 units, a 9-point scale, close agreement, 10% missing; scale points 1 and 9 "
                  "may go unused, which only value_domain makes part of the domain.",
                  noisy(rng, 3, 80, 9, 0.1, 0.5), 9)
    nan = np.nan
    alpha_fixture("alpha-krippendorff-2011.json",
                  "Krippendorff (2011), Computing Krippendorff's Alpha-Reliability, section E (4 coders, 12 units, "
                  "values 1..5, missing data); published: ordinal 0.815, interval 0.849, ratio 0.797.",
                  [[1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
                   [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
                   [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
                   [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan]], 5)
    alpha_fixture("alpha-all-agree.json",
                  "Every pairable value is 3 (units with one value differ): alpha is undefined (NaN with "
                  "value_domain, an error without).",
                  [[3, 3, nan, 5, 3, nan], [3, 3, 3, nan, nan, nan], [nan, 3, 3, nan, 3, 1]], 5)
    alpha_fixture("alpha-single-pairable-unit.json",
                  "One pairable unit (values 2, 4 and 4); the other units have one value each and drop out. With one "
                  "unit the observed and expected coincidences are equal, so alpha is 0 at every level.",
                  [[2, 5, nan, 1], [4, nan, 3, nan], [4, nan, nan, nan]], 5)


# ---------------------------------------------------------------- rankings

def kendall_w(ranks):
    """Kendall's W with the tie correction, from mid-ranks (m judges x n objects)."""
    ranks = np.asarray(ranks, dtype=float)
    m, n = ranks.shape
    totals = ranks.sum(axis=0)
    s = ((totals - totals.mean()) ** 2).sum()
    ties = 0.0
    for row in ranks:
        _, counts = np.unique(row, return_counts=True)
        ties += (counts ** 3 - counts).sum()
    denominator = m * m * (n ** 3 - n) - m * ties
    return None if denominator == 0 else 12 * s / denominator


def ranks_from_order(order, objects):
    """Mid-ranks (best = 1) of `objects` from an order of tie groups, best first."""
    position = {}
    for group_index, group in enumerate(order):
        for o in group:
            position[o] = group_index
    key = [position[o] for o in objects]
    return list(stats.rankdata(key))


def tau_b(x, y):
    with np.errstate(invalid="ignore", divide="ignore"):
        value = stats.kendalltau(x, y).statistic
    return g17(value)


def random_order(rng, objects, tie_share, noise, truth):
    scores = truth + rng.normal(0, noise, size=len(objects))
    ordered = [objects[i] for i in np.argsort(-scores, kind="stable")]
    groups = []
    for o in ordered:
        if groups and rng.random() < tie_share:
            groups[-1].append(o)
        else:
            groups.append([o])
    return groups


def ranking_fixtures():
    rng = np.random.default_rng(42)
    # Items: each ranks K responses (by model name), judged by 2 to 4 judges.
    judges = ["ana", "bo", "chen", "dara", "eli"]
    items = []
    for i in range(40):
        k = int(rng.integers(2, 6))
        objects = [f"m{j}" for j in range(k)]
        truth = rng.normal(0, 1, size=k)
        chosen = sorted(rng.choice(len(judges), size=int(rng.integers(1, 5)), replace=False).tolist())
        rankings = {judges[j]: random_order(rng, objects, 0.25, 0.8, truth) for j in chosen}
        if i == 7:  # one judge ties everything: tau-b with that judge is undefined
            rankings = {"ana": [objects], "bo": random_order(rng, objects, 0.0, 0.8, truth)}
        if i == 8:  # everybody ties everything: W is undefined
            rankings = {"ana": [objects], "bo": [objects]}
        items.append({"responses": objects, "rankings": rankings})
    per_item = []
    pair_taus = {}
    for item in items:
        names = sorted(item["rankings"])
        ranks = {name: ranks_from_order(item["rankings"][name], item["responses"]) for name in names}
        w = kendall_w([ranks[n] for n in names]) if len(names) >= 2 else None
        taus = {}
        for a_index, a in enumerate(names):
            for b in names[a_index + 1:]:
                t = tau_b(ranks[a], ranks[b])
                taus[f"{a}|{b}"] = t
                if t is not None:
                    pair_taus.setdefault(f"{a}|{b}", []).append(t)
        per_item.append({"ranks": {n: [float(r) for r in ranks[n]] for n in names}, "w": g17(w), "tau": taus})
    ws = [p["w"] for p in per_item if p["w"] is not None]
    pairs = [{"first": k.split("|")[0], "second": k.split("|")[1], "items": len(v), "meanTau": float(np.mean(v))}
             for k, v in sorted(pair_taus.items())]
    write("rankings-40items.json", {
        "source": "40 ranking items of 2 to 5 responses, each ordered best first (with ties) by 1 to 4 of 5 judges "
                  "(numpy default_rng(42)); item 7 has a judge who ties everything, item 8 only such judges. "
                  "Mid-ranks: scipy.stats.rankdata. W per item: 12 S / (m^2 (n^3 - n) - m sum(t^3 - t)) over the "
                  "item's judges (null when the denominator is 0 or fewer than 2 judges); tau-b per pair of judges: "
                  f"scipy.stats.kendalltau (null when undefined). meanW: plain mean of defined W; pairs: mean tau-b "
                  f"per pair over the items both ranked where defined; meanPairwiseTau: plain mean of the pairs'. "
                  f"{VERSIONS}.",
        "items": items,
        "expected": {
            "perItem": per_item,
            "itemsWithW": len(ws),
            "meanW": float(np.mean(ws)),
            "pairs": pairs,
            "meanPairwiseTau": float(np.mean([p["meanTau"] for p in pairs])),
        },
    })
    # A classic table: 6 judges rank 12 objects, with ties.
    truth = rng.normal(0, 1, size=12)
    objects = [f"o{j}" for j in range(12)]
    orders = [random_order(rng, objects, 0.3, 0.9, truth) for _ in range(6)]
    ranks = [ranks_from_order(o, objects) for o in orders]
    write("rankings-6judges-12objects.json", {
        "source": "Six judges rank twelve objects with ties (numpy default_rng(42), after rankings-40items). "
                  "W: the tie-corrected formula over scipy.stats.rankdata mid-ranks; tau-b of judge 0 with each "
                  f"other: scipy.stats.kendalltau. {VERSIONS}.",
        "ranks": [[float(r) for r in row] for row in ranks],
        "expected": {"w": g17(kendall_w(ranks)), "tauWithFirst": [tau_b(ranks[0], r) for r in ranks[1:]]},
    })


# ---------------------------------------------------------------- pairwise judgments

Z = stats.norm.ppf(0.975)


def bradley_terry(models, judgments):
    """Log-strengths (sum zero) and 95% intervals; a tie is half a win each, `neither` is
    left out, and every pair of models gets one virtual tie."""
    k = len(models)
    index = {m: i for i, m in enumerate(models)}
    wins = np.zeros((k, k))
    for j in judgments:
        a, b = index[j["left"]], index[j["right"]]
        if j["outcome"] == "left":
            wins[a, b] += 1
        elif j["outcome"] == "right":
            wins[b, a] += 1
        elif j["outcome"] == "tie":
            wins[a, b] += 0.5
            wins[b, a] += 0.5
    wins += 0.5 * (1 - np.eye(k))  # the prior: one virtual tie per pair
    games = wins + wins.T

    def full(theta_reduced):
        return np.append(theta_reduced, -theta_reduced.sum())

    def nll(t):
        th = full(t)
        d = th[:, None] - th[None, :]
        return -(wins * (d - np.logaddexp(0, d))).sum()

    reduce = np.vstack([np.eye(k - 1), -np.ones((1, k - 1))])  # theta = reduce @ t

    def information(th):
        d = th[:, None] - th[None, :]
        p = 1 / (1 + np.exp(-d))
        w = games * p * p.T
        return np.diag(w.sum(axis=1)) - w

    def grad(t):
        th = full(t)
        d = th[:, None] - th[None, :]
        p = 1 / (1 + np.exp(-d))
        g = -(wins.sum(axis=1) - (games * p).sum(axis=1))
        return reduce.T @ g

    def hess(t):
        return reduce.T @ information(full(t)) @ reduce

    fit = optimize.minimize(nll, np.zeros(k - 1), jac=grad, hess=hess, method="trust-exact",
                            options={"gtol": 1e-13, "maxiter": 1000})
    # trust-exact can stop short of 1e-9 on a poorly connected graph: polish the root of the
    # score equations with the analytic Hessian.
    root = optimize.root(grad, fit.x, jac=hess, method="hybr", options={"xtol": 1e-15})
    assert np.abs(grad(root.x)).max() < 1e-10, root.message
    theta = full(root.x)
    reference = choix.ilsr_pairwise_dense(wins, tol=1e-14, max_iter=10000)
    assert np.abs(reference - theta).max() < 1e-9, (reference, theta)
    info = information(theta)
    covariance = np.linalg.pinv(info)
    reduced = reduce @ np.linalg.inv(hess(root.x)) @ reduce.T
    assert np.abs(covariance - reduced).max() < 1e-10
    se = np.sqrt(np.diag(covariance))
    return theta, se, float(np.abs(reference - theta).max())


def pairwise_fixture(name, description, models, judgments):
    theta, se, choix_gap = bradley_terry(models, judgments)
    table = []
    for i, m in enumerate(models):
        w = t = l = n = 0
        for j in judgments:
            if m not in (j["left"], j["right"]):
                continue
            side = "left" if j["left"] == m else "right"
            if j["outcome"] == "neither":
                n += 1
            elif j["outcome"] == "tie":
                t += 1
            elif j["outcome"] == side:
                w += 1
            else:
                l += 1
        table.append({"model": m, "judgments": w + t + l + n, "wins": w, "ties": t, "losses": l,
                      "winRate": g17((w + 0.5 * t) / (w + t + l)) if w + t + l else None,
                      "strength": float(theta[i]), "standardError": float(se[i]),
                      "lower": float(theta[i] - Z * se[i]), "upper": float(theta[i] + Z * se[i])})
    bias = []
    for a in sorted({j["annotator"] for j in judgments}):
        mine = [j for j in judgments if j["annotator"] == a and j["outcome"] in ("left", "right")]
        left = sum(1 for j in mine if j["outcome"] == "left")
        entry = {"annotator": a, "decisive": len(mine), "left": left}
        if mine:
            test = stats.binomtest(left, len(mine), 0.5)
            ci = test.proportion_ci(confidence_level=0.95, method="wilson")
            entry.update({"share": left / len(mine), "pValue": float(test.pvalue),
                          "wilsonLower": float(ci.low), "wilsonUpper": float(ci.high)})
        bias.append(entry)
    # Agreement on outcomes: one category per judgment, whatever the sides.
    items = sorted({j["item"] for j in judgments})
    annotators = sorted({j["annotator"] for j in judgments})
    def category(j):
        if j["outcome"] in ("tie", "neither"):
            return j["outcome"]
        return "winner:" + (j["left"] if j["outcome"] == "left" else j["right"])
    categories = sorted({category(j) for j in judgments})
    matrix = np.full((len(annotators), len(items)), np.nan)
    units = {}
    for j in judgments:
        matrix[annotators.index(j["annotator"]), items.index(j["item"])] = categories.index(category(j))
        units.setdefault(j["item"], []).append(category(j))
    shares = []
    for values in units.values():
        m = len(values)
        if m >= 2:
            _, counts = np.unique(values, return_counts=True)
            shares.append((counts * (counts - 1)).sum() / (m * (m - 1)))
    write(name, {
        "source": f"{description} Bradley-Terry: a tie is half a win for each model, neither is left out, one "
                  "virtual tie per pair of models; log-strengths summing to zero by scipy.optimize.minimize "
                  "(trust-exact) on the log-likelihood, polished by scipy.optimize.root (hybr) on the score equations, equal to choix.ilsr_pairwise_dense within "
                  f"{choix_gap:.1e}; standard errors from the pseudo-inverse of the observed information; "
                  "interval theta -/+ norm.ppf(0.975) se. Win rate (wins + ties / 2) / (wins + ties + losses). "
                  "Position bias: scipy.stats.binomtest(left wins, decisive, 0.5), two-sided p and Wilson 95% "
                  "interval. Outcome agreement: percent = mean over items with 2+ judgments of agreeing ordered "
                  "pairs / m(m-1); alpha = krippendorff.alpha nominal over categories winner:MODEL / tie / "
                  f"neither. {VERSIONS}.",
        "models": models,
        "judgments": judgments,
        "expected": {
            "models": table,
            "positionBias": bias,
            "agreement": {"items": len(shares), "percent": float(np.mean(shares)),
                          "alpha": g17(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"))},
        },
    })


def simulate(rng, models, strengths, items, pairs, annotators, left_bias, tie_share, neither_share):
    judgments = []
    for i in range(items):
        a, b = pairs[int(rng.integers(len(pairs)))] if pairs else rng.choice(len(models), 2, replace=False)
        for annotator in sorted(rng.choice(len(annotators), size=int(rng.integers(1, min(4, len(annotators) + 1))), replace=False).tolist()):
            left, right = (a, b) if rng.random() < 0.5 else (b, a)
            r = rng.random()
            if r < neither_share:
                outcome = "neither"
            elif r < neither_share + tie_share:
                outcome = "tie"
            else:
                d = strengths[left] - strengths[right] + left_bias[annotator]
                outcome = "left" if rng.random() < 1 / (1 + np.exp(-d)) else "right"
            judgments.append({"item": f"i{i:03d}", "annotator": annotators[annotator],
                              "left": models[left], "right": models[right], "outcome": outcome})
    return judgments


def pairwise_fixtures():
    rng = np.random.default_rng(7)
    models = ["gpt-x", "claude-y", "llama-z", "mistral-m", "qwen-q", "gemma-g"]
    strengths = [0.9, 0.7, -0.2, 0.0, -0.4, -1.0]
    annotators = ["ana", "bo", "chen", "dara"]
    judgments = simulate(rng, models, strengths, 160, None, annotators, [0.0, 0.8, 0.0, -0.3], 0.12, 0.04)
    pairwise_fixture("pairwise-6models.json",
                     f"Six models, 160 items judged by 1 to 3 of 4 annotators ({len(judgments)} judgments, numpy "
                     "default_rng(7)); bo prefers the left side, dara slightly the right.", models, judgments)
    # Disconnected: {a, b, c} are compared among themselves, {d, e} only with each other and d
    # always wins; without the prior d's strength would be infinite and the groups unrelated.
    models = ["a", "b", "c", "d", "e"]
    pairs = [(0, 1), (1, 2), (0, 2)]
    judgments = simulate(rng, models, [0.5, 0.0, -0.5, 0, 0], 60, pairs, ["ana", "bo"], [0.0, 0.0], 0.1, 0.05)
    for i in range(8):
        judgments.append({"item": f"j{i:03d}", "annotator": "ana", "left": "d" if i % 2 else "e",
                          "right": "e" if i % 2 else "d", "outcome": "left" if i % 2 else "right"})
    pairwise_fixture("pairwise-disconnected.json",
                     "Five models in two groups never compared with each other ({a, b, c} and {d, e}), and d "
                     "beats e every time (numpy default_rng(7), after pairwise-6models).", models, judgments)


if __name__ == "__main__":
    alpha_fixtures()
    ranking_fixtures()
    pairwise_fixtures()
