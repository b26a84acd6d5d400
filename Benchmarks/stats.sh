#!/usr/bin/env bash
# Statistics benchmark: `gloss stats --json` on a project of N decision rows
# (default 1,000,000: 8 annotators, three per item, changes, undos, skips,
# flags, suggestions, gold and adjudications) beside the sqlite3 shell reading
# the same rows in the same order, in the same run; then the labeler's `:stats`
# dashboard on the same store. Prints the medians of RUNS, their ratio and the
# peak RSS. See Benchmarks/README.md.
#
#   bash Benchmarks/stats.sh
#   N=100000 RUNS=5 KEEP=1 BENCH_DIR=/tmp/bench bash Benchmarks/stats.sh
#
# The decisions are written with SQL straight into the store (not through the
# labeler). Exits 0 whether or not the targets are met (it is a measurement);
# non-zero only when something broke.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

N="${N:-1000000}"
RUNS="${RUNS:-5}"
KEEP="${KEEP:-0}"
GLOSS_BIN="${GLOSS_BIN:-}"
GUIDE="$REPO_ROOT/guides/sentiment.md"

TARGET_SECONDS="0.5"
TARGET_RSS_MB="100"

export LC_ALL=C

log() { printf '==> %s\n' "$*" >&2; }
die() {
    printf 'stats.sh: error: %s\n' "$*" >&2
    exit 1
}

[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$N'"
((N >= 1000)) || die "N must be at least 1000, got '$N'"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$RUNS'"
command -v sqlite3 >/dev/null || die "sqlite3 not found (apt-get install sqlite3)"
command -v python3 >/dev/null || die "python3 not found"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (apt-get install time)"
[[ -n "$GLOSS_BIN" ]] || command -v swift >/dev/null || die "swift not found"

if [[ -n "${BENCH_DIR:-}" ]]; then
    mkdir -p "$BENCH_DIR/stats-bench"
    WORK="$(cd "$BENCH_DIR/stats-bench" && pwd)"
else
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/gloss-stats-bench.XXXXXX")"
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

# N rows: BASE first decisions, three annotators of eight per item (item r/3 + 1 for
# row r), and CHANGES later rows that supersede one of them.
CHANGES=$((N * 3 / 100))
BASE=$((N - CHANGES))
ITEMS=$(((BASE + 2) / 3 + BASE / 60))

STORE="$WORK/store-$N.db"
hash16() { sha256sum "$1" | cut -c1-16; }
STAMP="n=$N gloss=$(hash16 "$GLOSS") script=$(hash16 "$0") generate=$(hash16 "$SCRIPT_DIR/generate.py")"
if [[ -s "$STORE" && "$(cat "$STORE.stamp" 2>/dev/null)" == "$STAMP" ]]; then
    log "reusing $STORE"
else
    rm -f -- "$STORE" "$STORE-wal" "$STORE-shm" "$STORE.stamp"
    log "generating and importing $ITEMS items"
    python3 "$SCRIPT_DIR/generate.py" --n "$ITEMS" --jsonl "$WORK/items.jsonl" --csv /dev/null >&2 ||
        die "generate.py failed"
    "$GLOSS" import "$WORK/items.jsonl" --dataset bench --db "$STORE" >/dev/null || die "gloss import failed"
    "$GLOSS" project create bench --dataset bench --guide "$GUIDE" --overlap 3 --author bench \
        --db "$STORE" >/dev/null || die "gloss project create failed"
    rm -f -- "$WORK/items.jsonl"
    log "writing $N decision rows (SQL)"
    decisions_sql() {
        sed -e "s/:BASE/$BASE/g" -e "s/:CHANGES/$CHANGES/g" <<'SQL'
PRAGMA synchronous = OFF;
PRAGMA temp_store = MEMORY;
INSERT INTO annotators (name, created_at)
SELECT column1, '2026-09-01 00:00:00.000'
FROM (VALUES ('ana'), ('bob'), ('cy'), ('dee'), ('eli'), ('fay'), ('gus'), ('hal'), ('lead'));
CREATE TEMP TABLE names (n INTEGER PRIMARY KEY, name TEXT);
INSERT INTO names VALUES (0, 'positive'), (1, 'negative'), (2, 'neutral'), (3, 'mixed');
-- Row r: item r/3 + 1, annotators 3 apart of eight, u a pseudo-random draw. 2% skips,
-- 1% flags; 78% of labels say the item's "truth" (item % 4); 40% show it as a suggestion;
-- 3% without an active time; the last 30% under guide version 2.
INSERT INTO annotations (id, project_id, item_id, annotator_id, kind, value, guide_version, decided_at, active_ms,
                         suggestion, suggestion_accepted)
WITH RECURSIVE n(r) AS (SELECT 0 UNION ALL SELECT r + 1 FROM n WHERE r < :BASE - 1),
d AS (SELECT r, r / 3 + 1 AS item, ((r / 3) + (r % 3) * 3) % 8 + 1 AS annotator,
             (r * 2654435761) % 1000003 AS u FROM n),
e AS (SELECT *, CASE WHEN u % 100 < 2 THEN 'skip' WHEN u % 100 = 2 THEN 'flag' ELSE 'label' END AS kind,
             CASE WHEN (u / 100) % 100 < 78 THEN item % 4 ELSE (item % 4 + 1 + (u / 10000) % 3) % 4 END AS said
      FROM d)
SELECT r + 1, 1, item, annotator, kind,
       CASE kind WHEN 'label' THEN '{"label":"' || (SELECT name FROM names WHERE n = said) || '"}' END,
       1 + (r * 10 >= :BASE * 7),
       strftime('%Y-%m-%d %H:%M:%f', 1790000000 + r * 5 / 2, 'unixepoch'),
       CASE WHEN u % 33 = 0 THEN NULL ELSE 400 + (u / 7) % 15000 END,
       CASE WHEN kind = 'label' AND (u / 3) % 10 < 4
            THEN '{"label":"' || (SELECT name FROM names WHERE n = item % 4) || '"}' END,
       CASE WHEN kind = 'label' AND (u / 3) % 10 < 4 THEN said = item % 4 END
FROM e;
-- Changes: an annotator decides an item again a minute later; the new row supersedes the old.
CREATE TEMP TABLE changed (old INTEGER PRIMARY KEY, k INTEGER);
INSERT INTO changed
SELECT id, ROW_NUMBER() OVER (ORDER BY id) FROM annotations
WHERE id % 31 = 5 AND kind = 'label' ORDER BY id LIMIT :CHANGES;
INSERT INTO annotations (id, project_id, item_id, annotator_id, kind, value, guide_version, decided_at, active_ms)
SELECT :BASE + c.k, 1, a.item_id, a.annotator_id, 'label',
       '{"label":"' || (SELECT name FROM names WHERE n = (a.item_id + c.k) % 4) || '"}', 2,
       strftime('%Y-%m-%d %H:%M:%f', julianday(a.decided_at, '+60 seconds')), 2000
FROM changed c JOIN annotations a ON a.id = c.old;
UPDATE annotations SET superseded_by = :BASE + (SELECT k FROM changed WHERE old = annotations.id)
WHERE id IN (SELECT old FROM changed);
-- Undos: 2% of the first decisions, and one change in ten (its first decision stands again).
UPDATE annotations SET undone_at = strftime('%Y-%m-%d %H:%M:%f', julianday(decided_at, '+5 seconds'))
WHERE (id <= :BASE AND superseded_by IS NULL AND id % 50 = 7) OR (id > :BASE AND (id - :BASE) % 10 = 0);
UPDATE annotations SET superseded_by = NULL WHERE id IN (SELECT old FROM changed WHERE k % 10 = 0);
-- Gold answers on 1 labeled item in 640, adjudications (by "lead") on 1 in 160.
INSERT INTO gold_items (project_id, item_id, answer, source, added_at)
SELECT 1, id, '{"label":"' || (SELECT name FROM names WHERE n = id % 4) || '"}', 'bench', '2026-09-01 00:00:00.000'
FROM items WHERE id % 640 = 3 AND id <= :BASE / 3;
INSERT INTO adjudications (project_id, item_id, reviewer_id, value, decided_at)
SELECT 1, id, 9, '{"label":"' || (SELECT name FROM names WHERE n = id % 4) || '"}', '2026-10-20 00:00:00.000'
FROM items WHERE id % 160 = 11 AND id <= :BASE / 3;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
    }
    decisions_sql | sqlite3 -bail "$STORE" >/dev/null || die "could not write the decisions"
    count="$(sqlite3 "$STORE" "SELECT COUNT(*) FROM annotations")"
    [[ "$count" == "$N" ]] || die "the store holds $count decision rows, expected $N"
    printf '%s\n' "$STAMP" >"$STORE.stamp"
    sync # the new store's pages go to disk now, not during the timed runs
fi
read -r current changed undone <<<"$(sqlite3 -separator ' ' "$STORE" "SELECT
    SUM(superseded_by IS NULL AND undone_at IS NULL), SUM(superseded_by IS NOT NULL), SUM(undone_at IS NOT NULL)
    FROM annotations")"
log "$N rows: $current current, $changed changed, $undone undone"

# The peer reads the rows gloss reads, in its order (items by external id, each
# item's rows by id), every column it uses, and sums them.
PEER_SQL="SELECT COUNT(*), SUM(current), SUM(length(value)), SUM(active_ms), SUM(annotator_id), SUM(guide_version),
       SUM(length(day)), SUM(suggested), SUM(accepted), SUM(undone), SUM(length(kind))
FROM (SELECT a.annotator_id, a.kind, a.value, substr(a.decided_at, 1, 10) AS day, a.active_ms,
             a.suggestion IS NOT NULL AS suggested, a.suggestion_accepted AS accepted, a.guide_version,
             a.superseded_by IS NULL AND a.undone_at IS NULL AS current, a.undone_at IS NOT NULL AS undone
      FROM item_rows i INDEXED BY items_by_external_id
      CROSS JOIN annotations a INDEXED BY annotations_by_item
      WHERE i.dataset_id = 1 AND a.project_id = 1 AND a.item_id = i.id
      ORDER BY i.external_id);"

# seconds CMD... — wall seconds of CMD (3 decimals).
seconds() {
    local start=$EPOCHREALTIME
    "$@"
    awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }'
}

run_gloss() {
    /usr/bin/time -f '%M' -o "$WORK/rss" "$GLOSS" stats bench --json --db "$STORE" >"$WORK/stats.json" ||
        die "gloss stats failed"
}
run_peer() { printf '%s\n' "$PEER_SQL" | sqlite3 "$STORE" >"$WORK/peer.txt" || die "sqlite3 failed"; }
run_dashboard() {
    python3 "$SCRIPT_DIR/stats_driver.py" --gloss "$GLOSS" --db "$STORE" --project bench >"$WORK/dashboard.json" ||
        die "the :stats run failed: $(cat "$WORK/dashboard.json")"
}

median() {
    printf '%s\n' "$@" | sort -g |
        awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
field() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$@"; }

log "warming the page cache"
run_peer
run_gloss
G=() P=() R=() D=() DR=()
for ((run = 1; run <= RUNS; run++)); do
    P+=("$(seconds run_peer)")
    G+=("$(seconds run_gloss)")
    R+=("$(cat "$WORK/rss")")
    run_dashboard
    D+=("$(awk -v ms="$(field "$WORK/dashboard.json" stats_ms)" 'BEGIN { printf "%.3f", ms / 1000 }')")
    DR+=("$(field "$WORK/dashboard.json" maxrss_kb)")
    log "run $run: gloss stats ${G[-1]} s (peak RSS ${R[-1]} KiB), sqlite3 ${P[-1]} s," \
        ":stats ${D[-1]} s (labeler peak RSS ${DR[-1]} KiB)"
done

rows="$(cut -d'|' -f1 "$WORK/peer.txt")"
[[ "$rows" == "$N" ]] || die "sqlite3 read $rows rows, expected $N"
decisions="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["progress"]["decisions"])' \
    "$WORK/stats.json")"
[[ "$decisions" == "$current" ]] || die "gloss stats counts $decisions current decisions, the store holds $current"

g="$(median "${G[@]}")" p="$(median "${P[@]}")" rss="$(median "${R[@]}")"
d="$(median "${D[@]}")" drss="$(median "${DR[@]}")"
awk -v n="$N" -v g="$g" -v p="$p" -v rss="$rss" -v d="$d" -v drss="$drss" -v ts="$TARGET_SECONDS" \
    -v tm="$TARGET_RSS_MB" -v runs="$RUNS" -v current="$current" 'BEGIN {
    ratio = g / p; mb = rss * 1024 / 1000000; dmb = drss * 1024 / 1000000
    printf "\nteam statistics of %d decision rows (%d current; median of %d runs)\n", n, current, runs
    printf "  gloss stats --json            %7.3f s  peak RSS %6.1f MB\n", g, mb
    printf "  sqlite3, the same rows        %7.3f s\n", p
    printf "  ratio gloss/sqlite3           %7.2f\n", ratio
    printf "  :stats (Enter to the report)  %7.3f s  labeler peak RSS %6.1f MB\n\n", d, dmb
    printf "  [%s] gloss stats time <= %s s (%.3f)\n", (g <= ts) ? "PASS" : "FAIL", ts, g
    printf "  [%s] gloss stats peak RSS <= %s MB (%.1f)\n", (mb <= tm) ? "PASS" : "FAIL", tm, mb
    printf "  [%s] :stats time <= %s s (%.3f)\n", (d <= ts) ? "PASS" : "FAIL", ts, d
    printf "  [%s] :stats labeler peak RSS <= %s MB (%.1f)\n", (dmb <= tm) ? "PASS" : "FAIL", tm, dmb
}'
