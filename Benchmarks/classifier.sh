#!/usr/bin/env bash
# Classifier benchmark: Gloss's embedded text classifier trained on the reference
# labels of a public split, scored on its test split, beside fastText and
# scikit-learn trained and scored on the same split in the same run; then the
# online model's learning curves (file order vs. the labeler's uncertain order).
# The suite: rt_full and rt_small of ../shared/bench, and the corpora that
# Benchmarks/corpora.py builds from Debian and PyPI packages into CORPORA_DIR
# (outside the repo; built when missing). See Benchmarks/README.md.
#
#   bash Benchmarks/classifier.sh                  # the whole suite
#   SETS=rt_small CURVE_SETS=rt_small KEEP=1 bash Benchmarks/classifier.sh
#
# Knobs: SETS, CURVE_SETS (sets that also get learning curves), DATA_DIR,
# CORPORA_DIR, BENCH_DIR (scratch, outside the repo), KEEP, PEERS (names for
# classifier_peers.py --peers),
# GLOSS_BIN (skip the build), GLOSS_BENCH_VENV (peers' virtualenv, outside the
# repo), PREDICT_LINES (size of the end-to-end predict file), CURVE_AT,
# CURVE_SEEDS, CURVE_POOL, CURVE_RESCORE, CURVE_RANDOM_START, PIN (1: one core
# with taskset -c 0 for Gloss and the peers alike).
#
# Exits 0 whether or not the target is met (it is a measurement); non-zero only
# when something broke (build, venv, import, train, eval, predict, a peer).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
SCRIPT_START=$EPOCHREALTIME

SETS="${SETS:-rt_full rt_small fortunes man_language man_section man_names chatterbot gen_one_per_class gen_100_classes gen_long}"
CURVE_SETS="${CURVE_SETS-rt_full chatterbot man_names}"
DATA_DIR="${DATA_DIR:-$REPO_ROOT/../shared/bench}"
CORPORA_DIR="${CORPORA_DIR:-/tmp/gloss-corpora}"
PEERS="${PEERS:-}"
KEEP="${KEEP:-0}"
GLOSS_BIN="${GLOSS_BIN:-}"
VENV="${GLOSS_BENCH_VENV:-$HOME/.cache/gloss-bench-venv}"
PREDICT_LINES="${PREDICT_LINES:-100000}"
CURVE_AT="${CURVE_AT:-100,300,1000,3000}"
CURVE_SEEDS="${CURVE_SEEDS:-1 2 3}"
CURVE_POOL="${CURVE_POOL:-2000}"
CURVE_RESCORE="${CURVE_RESCORE:-200}"
CURVE_RANDOM_START="${CURVE_RANDOM_START:-30}"
PIN="${PIN:-1}"

# Target: on rt_full the uncertain order beats file order at this many decisions.
TARGET_SET="rt_full"
TARGET_DECISIONS="1000"

export LC_ALL=C # decimal points in printf

log() { printf '==> %s\n' "$*" >&2; }
die() {
    printf 'classifier.sh: error: %s\n' "$*" >&2
    exit 1
}

[[ "$PREDICT_LINES" =~ ^[1-9][0-9]*$ ]] || die "PREDICT_LINES must be a positive integer, got '$PREDICT_LINES'"
[[ "$CURVE_AT" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "CURVE_AT must be comma-separated counts such as 100,1000, got '$CURVE_AT'"
for var in CURVE_POOL CURVE_RESCORE CURVE_RANDOM_START; do
    [[ "${!var}" =~ ^[0-9]+$ ]] || die "$var must be a non-negative integer, got '${!var}'"
done
for seed in $CURVE_SEEDS; do [[ "$seed" =~ ^[0-9]+$ ]] || die "CURVE_SEEDS must be integers, got '$seed'"; done
[[ -n "${CURVE_SEEDS// /}" ]] || die "CURVE_SEEDS needs at least one seed"
[[ -n "${SETS// /}" ]] || die "SETS needs at least one set (rt_full, rt_small)"
# data_dir SET — where the set's splits are: ../shared/bench for rt_*, else CORPORA_DIR.
data_dir() { case "$1" in rt_*) printf '%s' "$DATA_DIR" ;; *) printf '%s' "$CORPORA_DIR" ;; esac; }

case "$(cd "$(dirname "$CORPORA_DIR")" 2>/dev/null && pwd)/" in "$REPO_ROOT/"*) die "CORPORA_DIR must be outside the repo" ;; esac
for set in $SETS; do
    dir="$(data_dir "$set")"
    if [[ ! -s "$dir/$set.train.jsonl" && "$dir" == "$CORPORA_DIR" ]]; then
        log "building the corpus $set into $CORPORA_DIR (Benchmarks/corpora.py)"
        python3 "$SCRIPT_DIR/corpora.py" --out "$CORPORA_DIR" --only "$set" || die "corpora.py could not build $set"
    fi
    for split in train test; do
        [[ -s "$dir/$set.$split.jsonl" ]] || die "missing $dir/$set.$split.jsonl (set DATA_DIR or CORPORA_DIR; see Benchmarks/README.md)"
    done
done

# --- tools -------------------------------------------------------------------

command -v python3 >/dev/null || die "python3 not found"
[[ -n "$GLOSS_BIN" ]] || command -v swift >/dev/null || die "swift not found"
PINNED=()
if [[ "$PIN" == "1" ]]; then
    if command -v taskset >/dev/null && taskset -c 0 true 2>/dev/null; then
        PINNED=(taskset -c 0)
    else
        log "taskset is not available here: Gloss and the peers run unpinned"
    fi
fi

# The peers live in a virtualenv outside the repo, from PyPI.
PY="$VENV/bin/python"
if ! "$PY" -c 'import fasttext, sklearn' 2>/dev/null; then
    log "installing the peers (fasttext, scikit-learn) into $VENV"
    [[ -x "$PY" ]] || python3 -m venv "$VENV" || die "could not create a virtualenv at $VENV"
    "$PY" -m pip install -q --upgrade pip >&2 || true
    "$PY" -m pip install -q 'numpy<2' scikit-learn >&2 || die "pip could not install scikit-learn into $VENV"
    "$PY" -m pip install -q fasttext >&2 || "$PY" -m pip install -q fasttext-wheel >&2 ||
        die "pip could not install fasttext (nor fasttext-wheel) into $VENV"
    "$PY" -c 'import fasttext, sklearn' || die "the peers do not import in $VENV"
fi

# --- work dir ----------------------------------------------------------------

WORK_CREATED=0
BENCH_DIR="${BENCH_DIR:-/tmp/gloss-bench-classifier}"
if [[ ! -d "$BENCH_DIR" ]]; then
    mkdir -p "$BENCH_DIR"
    WORK_CREATED=1
fi
WORK="$(cd "$BENCH_DIR" && pwd)"
case "$WORK/" in "$REPO_ROOT/"*) die "BENCH_DIR must be outside the repo, got $WORK" ;; esac

# Every file this script writes in $WORK (patterns), so that a BENCH_DIR the
# user gave is never wiped wholesale.
WORK_PATTERNS=('guide-*.md' 'store-*.db' 'store-*.db-wal' 'store-*.db-shm' 'store-*.db-journal'
    '*.log' '*.wall' 'eval-*.json' 'baseline-*.json' 'models-*.json' 'peers-*.jsonl' 'curve-*.json' 'predict-*.jsonl' 'predictions-*.jsonl' '*.rss')

cleanup() {
    if [[ "$KEEP" == "1" ]]; then
        log "kept work dir: $WORK"
        return
    fi
    if [[ "$WORK_CREATED" == "1" ]]; then
        rm -rf -- "$WORK"
    else
        (cd "$WORK" && shopt -s nullglob && for p in "${WORK_PATTERNS[@]}"; do
            # shellcheck disable=SC2086 # the pattern must glob
            rm -f -- $p
        done)
    fi
}
trap cleanup EXIT

# --- build -------------------------------------------------------------------

if [[ -n "$GLOSS_BIN" ]]; then
    GLOSS="$(cd "$(dirname "$GLOSS_BIN")" && pwd)/$(basename "$GLOSS_BIN")"
    log "using $GLOSS (GLOSS_BIN; not building)"
else
    log "building gloss (release)"
    (cd "$REPO_ROOT" && swift build -c release --product gloss) >&2 ||
        die "swift build -c release --product gloss failed"
    GLOSS="$(cd "$REPO_ROOT" && swift build -c release --show-bin-path)/gloss"
fi
[[ -x "$GLOSS" ]] || die "gloss binary not found at $GLOSS"

# --- helpers -----------------------------------------------------------------

# run_logged LOG CMD... — runs CMD with stdout and stderr appended to LOG; dies showing it.
run_logged() {
    local logfile="$1" rc=0
    shift
    "$@" >>"$logfile" 2>&1 || rc=$?
    if ((rc != 0)); then
        printf 'classifier.sh: failed (exit %d): %s\n' "$rc" "$*" >&2
        tail -n 30 "$logfile" >&2 || true
        exit 1
    fi
}

# run_to OUT LOG CMD... — runs CMD with stdout to OUT and stderr to LOG; dies showing LOG.
run_to() {
    local out="$1" logfile="$2" rc=0
    shift 2
    "$@" >"$out" 2>>"$logfile" || rc=$?
    if ((rc != 0)); then
        printf 'classifier.sh: failed (exit %d): %s\n' "$rc" "$*" >&2
        tail -n 30 "$logfile" >&2 || true
        exit 1
    fi
}

now() { printf '%s' "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# guide SET FILE — a guide whose labels are the set's training labels (the rt sets get
# their three labels with descriptions and an example each).
write_guide() {
    python3 - "$1" "$2" <<'PY' || die "could not write the guide of $1"
import json, sys
labels = sorted({json.loads(line)["label"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()})
keys = [c for c in "abcdefghijklmnoprstuvwxyz0123456789"]
out = ["---", "name: Benchmark labels", "task: classify", "instructions: Choose the label of the text.", "labels:"]
for i, label in enumerate(labels):
    out.append(f"  - name: {json.dumps(label)}")
    if len(labels) <= len(keys):
        out.append(f"    key: {keys[i]}")
    out.append(f"    description: {json.dumps('Texts labeled ' + label + ' in the corpus.')}")
out += ["---", "# Benchmark labels", "", "The labels of the corpus, as its source gives them."]
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out) + "\n")
PY
}

# --- runs --------------------------------------------------------------------

for set in $SETS; do
    db="$WORK/store-$set.db" logfile="$WORK/$set.log" data="$(data_dir "$set")"
    rm -f -- "$db" "$db-wal" "$db-shm" "$db-journal" "$logfile"
    write_guide "$data/$set.train.jsonl" "$WORK/guide-$set.md"
    log "$set: importing the train and test splits"
    # --skip-invalid: rt_full's train split has one empty text, which gloss refuses (the peers keep it).
    for split in train test; do
        run_logged "$logfile" "$GLOSS" import "$data/$set.$split.jsonl" --dataset "$set-$split" --label-field label --skip-invalid --db "$db"
    done
    grep -h '^skipped' "$logfile" | sed "s/^/==> $set: gloss import /" >&2 || true
    run_logged "$logfile" "$GLOSS" project create "$set" --dataset "$set-train" --guide "$WORK/guide-$set.md" --author bench --db "$db"

    log "$set: gloss train --reference (all of train, nothing held out)"
    start=$(now)
    run_logged "$logfile" "${PINNED[@]}" /usr/bin/time -f 'peak-rss-kb %M' -o "$WORK/train-$set.rss" "$GLOSS" train "$set" --reference --holdout 0 --db "$db"
    printf '%s\n' "$(elapsed "$start" "$(now)")" >"$WORK/models-$set.wall"
    run_to "$WORK/models-$set.json" "$logfile" "$GLOSS" models "$set" --json --db "$db"

    log "$set: gloss eval --against reference --dataset $set-test"
    run_to "$WORK/eval-$set.json" "$logfile" "${PINNED[@]}" "$GLOSS" eval "$set" --against reference --dataset "$set-test" --json --db "$db"

    log "$set: gloss predict end to end on the test texts repeated to >= $PREDICT_LINES lines"
    python3 - "$data/$set.test.jsonl" "$WORK/predict-$set.jsonl" "$PREDICT_LINES" <<'PY' || die "could not write the predict input"
import json, sys
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
# At most about 50 MB of text, so long documents do not make a file of gigabytes.
need = max(len(texts), min(int(sys.argv[3]), 50_000_000 * len(texts) // max(1, sum(len(t) for t in texts))))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    n = 0
    while n < need:
        for text in texts:
            out.write(json.dumps({"id": str(n), "text": text}) + "\n")
            n += 1
PY
    start=$(now)
    run_to "$WORK/predictions-$set.jsonl" "$logfile" "${PINNED[@]}" "$GLOSS" predict "$set" "$WORK/predict-$set.jsonl" --db "$db"
    predict_wall="$(elapsed "$start" "$(now)")"
    lines_in="$(wc -l <"$WORK/predict-$set.jsonl")"
    lines_out="$(wc -l <"$WORK/predictions-$set.jsonl")"
    [[ "$lines_in" == "$lines_out" ]] || die "gloss predict wrote $lines_out lines for $lines_in input lines"
    printf '%s %s\n' "$lines_in" "$predict_wall" >"$WORK/predict-$set.wall"
    rm -f -- "$WORK/predictions-$set.jsonl"

    log "$set: peers (fastText, scikit-learn) on the same split"
    run_to "$WORK/peers-$set.jsonl" "$logfile" "${PINNED[@]}" "$PY" "$SCRIPT_DIR/classifier_peers.py" \
        --train "$data/$set.train.jsonl" --test "$data/$set.test.jsonl" --json ${PEERS:+--peers "$PEERS"}
    python3 - "$data/$set.train.jsonl" "$data/$set.test.jsonl" >"$WORK/baseline-$set.json" <<'PY' || die "could not compute the baseline of $set"
import collections, json, sys
label = lambda path: [json.loads(line)["label"] for line in open(path, encoding="utf-8") if line.strip()]
train, test = label(sys.argv[1]), label(sys.argv[2])
counts = collections.Counter(train)
majority = counts.most_common(1)[0][0]
print(json.dumps({"majority": majority, "accuracy": sum(l == majority for l in test) / len(test),
                  "labels": len(counts), "largest": counts.most_common(1)[0][1], "smallest": min(counts.values())}))
PY

    [[ " $CURVE_SETS " == *" $set "* ]] || continue
    for seed in $CURVE_SEEDS; do
        log "$set: learning curves at $CURVE_AT decisions, seed $seed"
        run_to "$WORK/curve-$set-$seed.json" "$logfile" "${PINNED[@]}" "$GLOSS" learning-curve "$set" --test-dataset "$set-test" \
            --order sequential,random,uncertain --at "$CURVE_AT" --seed "$seed" --pool "$CURVE_POOL" --rescore "$CURVE_RESCORE" \
            --random-start "$CURVE_RANDOM_START" --json --db "$db"
    done
done

# --- report ------------------------------------------------------------------

python3 "$SCRIPT_DIR/classifier_report.py" --work "$WORK" --sets "$SETS" --curve-sets "$CURVE_SETS" --seeds "$CURVE_SEEDS" \
    --target-set "$TARGET_SET" --target-decisions "$TARGET_DECISIONS" \
    --pinned "${PINNED[*]:-no}" --version "$("$GLOSS" --version 2>/dev/null || echo '?')" \
    --wall "$(elapsed "$SCRIPT_START" "$(now)")"
