#!/usr/bin/env bash
# Classifier benchmark: Gloss's embedded text classifier trained on the reference
# labels of a public split, scored on its test split, beside fastText and
# scikit-learn trained and scored on the same split in the same run; then the
# online model's learning curves (file order vs. the labeler's uncertain order).
# See Benchmarks/README.md; the data is described in ../shared/bench/README.md.
#
#   bash Benchmarks/classifier.sh                  # rt_full and rt_small
#   SETS=rt_small CURVE_SEEDS="1 2 3" KEEP=1 bash Benchmarks/classifier.sh
#
# Knobs: SETS, DATA_DIR, BENCH_DIR (scratch, outside the repo), KEEP,
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

SETS="${SETS:-rt_full rt_small}"
DATA_DIR="${DATA_DIR:-$REPO_ROOT/../shared/bench}"
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
for set in $SETS; do
    for split in train test; do
        [[ -s "$DATA_DIR/$set.$split.jsonl" ]] || die "missing $DATA_DIR/$set.$split.jsonl (set DATA_DIR; see ../shared/bench/README.md)"
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
WORK_PATTERNS=('rt-guide.md' 'store-*.db' 'store-*.db-wal' 'store-*.db-shm' 'store-*.db-journal'
    '*.log' '*.wall' 'eval-*.json' 'models-*.json' 'peers-*.jsonl' 'curve-*.json' 'predict-*.jsonl' 'predictions-*.jsonl')

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

# The guide of the rt sets' three labels.
cat >"$WORK/rt-guide.md" <<'GUIDE'
---
name: Film snippets
task: classify
instructions: >-
  Each item is a short text about a film: a critic's review snippet or a plot
  summary. Choose fresh for a favourable snippet, rotten for an unfavourable one,
  plot for a summary of the story with no verdict.
labels:
  - name: fresh
    key: f
    description: A review snippet whose verdict on the film is favourable.
    examples:
      - "A warm, funny film that earns its ending."
  - name: rotten
    key: r
    description: A review snippet whose verdict on the film is unfavourable.
    examples:
      - "Two hours I will never get back."
  - name: plot
    key: p
    description: A summary of the story, with no verdict on the film.
    examples:
      - "A retired detective returns to the island where her brother vanished."
---
# Film snippets

Label the snippet's verdict on the film, not the mood of the story: a dark story
told well is fresh. A text that only retells the story is plot.
GUIDE
run_logged "$WORK/guide.log" "$GLOSS" guide lint "$WORK/rt-guide.md"

# --- runs --------------------------------------------------------------------

for set in $SETS; do
    db="$WORK/store-$set.db" logfile="$WORK/$set.log"
    rm -f -- "$db" "$db-wal" "$db-shm" "$db-journal" "$logfile"
    log "$set: importing the train and test splits"
    # --skip-invalid: rt_full's train split has one empty text, which gloss refuses (the peers keep it).
    for split in train test; do
        run_logged "$logfile" "$GLOSS" import "$DATA_DIR/$set.$split.jsonl" --dataset "$set-$split" --label-field label --skip-invalid --db "$db"
    done
    grep -h '^skipped' "$logfile" | sed "s/^/==> $set: gloss import /" >&2 || true
    run_logged "$logfile" "$GLOSS" project create "$set" --dataset "$set-train" --guide "$WORK/rt-guide.md" --author bench --db "$db"

    log "$set: gloss train --reference (all of train, nothing held out)"
    start=$(now)
    run_logged "$logfile" "${PINNED[@]}" "$GLOSS" train "$set" --reference --holdout 0 --db "$db"
    printf '%s\n' "$(elapsed "$start" "$(now)")" >"$WORK/models-$set.wall"
    run_to "$WORK/models-$set.json" "$logfile" "$GLOSS" models "$set" --json --db "$db"

    log "$set: gloss eval --against reference --dataset $set-test"
    run_to "$WORK/eval-$set.json" "$logfile" "${PINNED[@]}" "$GLOSS" eval "$set" --against reference --dataset "$set-test" --json --db "$db"

    log "$set: gloss predict end to end on the test texts repeated to >= $PREDICT_LINES lines"
    python3 - "$DATA_DIR/$set.test.jsonl" "$WORK/predict-$set.jsonl" "$PREDICT_LINES" <<'PY' || die "could not write the predict input"
import json, sys
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
need = int(sys.argv[3])
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
        --train "$DATA_DIR/$set.train.jsonl" --test "$DATA_DIR/$set.test.jsonl" --json

    for seed in $CURVE_SEEDS; do
        log "$set: learning curves at $CURVE_AT decisions, seed $seed"
        run_to "$WORK/curve-$set-$seed.json" "$logfile" "${PINNED[@]}" "$GLOSS" learning-curve "$set" --test-dataset "$set-test" \
            --order sequential,random,uncertain --at "$CURVE_AT" --seed "$seed" --pool "$CURVE_POOL" --rescore "$CURVE_RESCORE" \
            --random-start "$CURVE_RANDOM_START" --json --db "$db"
    done
done

# --- report ------------------------------------------------------------------

python3 "$SCRIPT_DIR/classifier_report.py" --work "$WORK" --sets "$SETS" --seeds "$CURVE_SEEDS" \
    --target-set "$TARGET_SET" --target-decisions "$TARGET_DECISIONS" \
    --pinned "${PINNED[*]:-no}" --version "$("$GLOSS" --version 2>/dev/null || echo '?')" \
    --wall "$(elapsed "$SCRIPT_START" "$(now)")"
