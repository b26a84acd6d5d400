#!/usr/bin/env bash
# Export benchmark: `gloss export --format jsonl` of N labeled items (default
# 1,000,000, one current decision each, split 80/10/10) beside the sqlite3
# command line writing the same rows as JSON (`.mode json`: id, text, the
# decision's value, its annotator) from the same store, in the same run.
# Prints both times (median of RUNS), their ratio and gloss's peak RSS. See
# Benchmarks/README.md.
#
#   bash Benchmarks/export.sh
#   N=100000 RUNS=5 KEEP=1 BENCH_DIR=/tmp/bench bash Benchmarks/export.sh
#
# The decisions are written with SQL straight into the store (not through the
# labeler), 1 annotator, labels drawn from the guide's three with a fixed rule.
# Exits 0 whether or not the targets are met (it is a measurement); non-zero
# only when something broke.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

N="${N:-1000000}"
RUNS="${RUNS:-3}"
KEEP="${KEEP:-0}"
GLOSS_BIN="${GLOSS_BIN:-}"
GUIDE="$REPO_ROOT/guides/sentiment.md"

TARGET_SECONDS="3"
TARGET_RATIO="1.5"
TARGET_RSS_MB="100"

export LC_ALL=C

log() { printf '==> %s\n' "$*" >&2; }
die() {
    printf 'export.sh: error: %s\n' "$*" >&2
    exit 1
}

[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$N'"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$RUNS'"
command -v sqlite3 >/dev/null || die "sqlite3 not found (apt-get install sqlite3)"
command -v python3 >/dev/null || die "python3 not found"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (apt-get install time)"
[[ -n "$GLOSS_BIN" ]] || command -v swift >/dev/null || die "swift not found"

if [[ -n "${BENCH_DIR:-}" ]]; then
    mkdir -p "$BENCH_DIR/export-bench"
    WORK="$(cd "$BENCH_DIR/export-bench" && pwd)"
else
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/gloss-export-bench.XXXXXX")"
fi
cleanup() {
    if [[ "$KEEP" == "1" ]]; then log "kept work dir: $WORK"; else rm -rf -- "$WORK"; fi
}
trap cleanup EXIT

# --- build -------------------------------------------------------------------

if [[ -n "$GLOSS_BIN" ]]; then
    GLOSS="$GLOSS_BIN"
else
    log "building gloss (release)"
    (cd "$REPO_ROOT" && swift build -c release --product gloss) >&2 || die "swift build -c release failed"
    GLOSS="$(cd "$REPO_ROOT" && swift build -c release --show-bin-path)/gloss"
fi
[[ -x "$GLOSS" ]] || die "gloss binary not found at $GLOSS"

# --- data --------------------------------------------------------------------

STORE="$WORK/store-$N.db"
STAMP="n=$N gloss=$(sha256sum "$GLOSS" | cut -c1-16) generate=$(sha256sum "$SCRIPT_DIR/generate.py" | cut -c1-16)"
if [[ -s "$STORE" && "$(cat "$STORE.stamp" 2>/dev/null)" == "$STAMP" ]]; then
    log "reusing $STORE"
else
    rm -f -- "$STORE" "$STORE-wal" "$STORE-shm" "$STORE.stamp"
    log "generating and importing $N items"
    python3 "$SCRIPT_DIR/generate.py" --n "$N" --jsonl "$WORK/items.jsonl" --csv /dev/null >&2 || die "generate.py failed"
    "$GLOSS" import "$WORK/items.jsonl" --dataset bench --db "$STORE" >/dev/null || die "gloss import failed"
    "$GLOSS" project create bench --dataset bench --guide "$GUIDE" --author bench --db "$STORE" >/dev/null ||
        die "gloss project create failed"
    rm -f -- "$WORK/items.jsonl"
    log "labeling every item (SQL)"
    # Each value goes with its checksum, as Gloss's writers store it (export verifies it).
    CHECKS=($(python3 "$SCRIPT_DIR/value_check.py" '{"label":"positive"}' '{"label":"negative"}' '{"label":"neutral"}'))
    [[ "${#CHECKS[@]}" == 3 ]] || die "value_check.py failed"
    sqlite3 "$STORE" >/dev/null <<SQL || die "could not write the decisions"
INSERT INTO annotators (name, created_at) VALUES ('bench', '2026-11-25 00:00:00.000');
INSERT INTO annotations (project_id, item_id, annotator_id, kind, value, value_check, guide_version, decided_at, active_ms)
SELECT 1, id, 1, 'label',
       CASE id % 3 WHEN 0 THEN '{"label":"positive"}' WHEN 1 THEN '{"label":"negative"}' ELSE '{"label":"neutral"}' END,
       CASE id % 3 WHEN 0 THEN ${CHECKS[0]} WHEN 1 THEN ${CHECKS[1]} ELSE ${CHECKS[2]} END,
       1, '2026-11-25 00:00:00.000', 1500
FROM items ORDER BY id;
INSERT OR REPLACE INTO annotator_progress (project_id, annotator_id, frontier, decided)
SELECT 1, 1, MAX(id) + 1, COUNT(*) FROM items;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
    count="$(sqlite3 "$STORE" "SELECT COUNT(*) FROM annotations")"
    [[ "$count" == "$N" ]] || die "the store holds $count decisions, expected $N"
    printf '%s\n' "$STAMP" >"$STORE.stamp"
    sync # the new store's pages go to disk now, not during the timed runs
fi

# The peer: the same rows (id, text, value, annotator) as JSON from the sqlite3 shell.
PEER_SQL=".mode json
SELECT i.external_id AS id, i.text AS text, a.value AS value, n.name AS annotator
FROM annotations a JOIN items i ON i.id = a.item_id JOIN annotators n ON n.id = a.annotator_id
WHERE a.project_id = 1 AND a.superseded_by IS NULL AND a.undone_at IS NULL ORDER BY a.item_id;"

# seconds CMD... — wall seconds of CMD (3 decimals).
seconds() {
    local start=$EPOCHREALTIME
    "$@"
    awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }'
}

run_gloss() {
    rm -rf -- "$WORK/out"
    /usr/bin/time -f '%M' -o "$WORK/rss" "$GLOSS" export bench --format jsonl --out "$WORK/out" --db "$STORE" >/dev/null ||
        die "gloss export failed"
}
run_peer() { printf '%s\n' "$PEER_SQL" | sqlite3 "$STORE" >"$WORK/peer.json" || die "sqlite3 failed"; }

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

log "warming the page cache"
run_peer
G=() P=() R=()
for ((run = 1; run <= RUNS; run++)); do
    P+=("$(seconds run_peer)")
    G+=("$(seconds run_gloss)")
    R+=("$(cat "$WORK/rss")")
    log "run $run: gloss ${G[-1]} s, sqlite3 ${P[-1]} s, gloss peak RSS ${R[-1]} KiB"
done

lines="$(wc -l <"$WORK/out/data.jsonl")"
[[ "$lines" == "$N" ]] || die "the export has $lines lines, expected $N"
peer_rows="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/peer.json")"
[[ "$peer_rows" == "$N" ]] || die "sqlite3 wrote $peer_rows rows, expected $N"

g="$(median "${G[@]}")" p="$(median "${P[@]}")" rss="$(median "${R[@]}")"
awk -v n="$N" -v g="$g" -v p="$p" -v rss="$rss" -v gb="$(stat -c %s "$WORK/out/data.jsonl")" -v pb="$(stat -c %s "$WORK/peer.json")" \
    -v ts="$TARGET_SECONDS" -v tr="$TARGET_RATIO" -v tm="$TARGET_RSS_MB" -v runs="$RUNS" 'BEGIN {
    ratio = g / p; mb = rss * 1024 / 1000000
    printf "\nexport of %d labeled items (median of %d runs)\n", n, runs
    printf "  gloss export --format jsonl  %7.3f s  %6.1f MB written  peak RSS %.1f MB\n", g, gb / 1e6, mb
    printf "  sqlite3 .mode json           %7.3f s  %6.1f MB written\n", p, pb / 1e6
    printf "  ratio gloss/sqlite3          %7.2f\n\n", ratio
    printf "  [%s] time <= %s s (%.3f)\n", (g <= ts) ? "pass" : "FAIL", ts, g
    printf "  [%s] ratio <= %s (%.2f)\n", (ratio <= tr) ? "pass" : "FAIL", tr, ratio
    printf "  [%s] peak RSS <= %s MB (%.1f)\n", (mb <= tm) ? "pass" : "FAIL", tm, mb
}'
