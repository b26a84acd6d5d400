#!/usr/bin/env bash
# Judging statistics benchmark: `gloss stats --json` on a pairwise project of N items
# (default 1,000,000), each with a prompt and three model responses, judged by two of
# eight annotators with the preference guide (a judgment and a 1-5 quality rating of
# each response), read from the totals and with --since from the pass over the rows.
# Prints the medians of RUNS and the peak RSS. See Benchmarks/README.md.
#
#   bash Benchmarks/judging_stats.sh
#   N=100000 RUNS=3 KEEP=1 BENCH_DIR=/tmp/bench GLOSS_BIN=.build/release/gloss bash Benchmarks/judging_stats.sh
#
# Items go through `gloss import`; decisions are written with SQL straight into the
# store (the triggers keep the totals). Exits 0 whatever the figures; non-zero only when
# something broke.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
N="${N:-1000000}"
RUNS="${RUNS:-3}"
KEEP="${KEEP:-0}"
GLOSS_BIN="${GLOSS_BIN:-}"
export LC_ALL=C

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'judging_stats.sh: error: %s\n' "$*" >&2; exit 1; }

[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$N'"
command -v sqlite3 >/dev/null || die "sqlite3 not found"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (apt-get install time)"

if [[ -n "${BENCH_DIR:-}" ]]; then
    mkdir -p "$BENCH_DIR/judging-bench"
    WORK="$(cd "$BENCH_DIR/judging-bench" && pwd)"
else
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/gloss-judging-bench.XXXXXX")"
fi
cleanup() { if [[ "$KEEP" == "1" ]]; then log "kept work dir: $WORK"; else rm -rf -- "$WORK"; fi; }
trap cleanup EXIT

if [[ -n "$GLOSS_BIN" ]]; then
    GLOSS="$GLOSS_BIN"
else
    log "building gloss (release)"
    (cd "$REPO_ROOT" && swift build -c release --product gloss) >&2 || die "swift build -c release failed"
    GLOSS="$(cd "$REPO_ROOT" && swift build -c release --show-bin-path)/gloss"
fi

STORE="$WORK/judging-$N.db"
if [[ ! -s "$STORE" ]]; then
    log "writing and importing $N items with three responses each"
    python3 - "$N" >"$WORK/items.jsonl" <<'PY'
import json, random, sys
random.seed(11)
words = "the a model answer water boils lower pressure summit cooking pasta takes longer because air thin".split()
out = sys.stdout
for n in range(int(sys.argv[1])):
    def text(k):
        return " ".join(random.choice(words) for _ in range(k))
    out.write(json.dumps({"id": "q%07d" % n, "prompt": "Question %d: %s?" % (n, text(8)),
                          "responses": [{"model": m, "text": text(20)} for m in ("atlas-7b", "borealis-13b", "cirrus-70b")]}) + "\n")
PY
    "$GLOSS" import "$WORK/items.jsonl" --dataset bench --db "$STORE" >/dev/null || die "gloss import failed"
    "$GLOSS" project create bench --dataset bench --guide "$REPO_ROOT/guides/preference.md" --overlap 2 --author bench \
        --db "$STORE" >/dev/null || die "gloss project create failed"
    rm -f -- "$WORK/items.jsonl"
    log "writing $((2 * N)) judgments (SQL)"
    sqlite3 -bail "$STORE" >/dev/null <<'SQL' || die "could not write the judgments"
PRAGMA synchronous = OFF;
INSERT INTO annotators (name, created_at)
SELECT column1, '2026-09-01 00:00:00.000'
FROM (VALUES ('ana'), ('bob'), ('cy'), ('dee'), ('eli'), ('fay'), ('gus'), ('hal'));
CREATE TEMP TABLE models (n INTEGER PRIMARY KEY, name TEXT);
INSERT INTO models VALUES (0, 'atlas-7b'), (1, 'borealis-13b'), (2, 'cirrus-70b');
-- Item i, judge j (0, 1): annotators i % 8 and (i + 3) % 8; the pair (a, b) by i % 3, a
-- first in name order; sides, outcome (8% tie, 2% neither, the stronger model winning
-- 60-70%) and the ratings from a pseudo-random u.
INSERT INTO annotations (project_id, item_id, annotator_id, kind, value, guide_version, decided_at, active_ms)
WITH d AS (
  SELECT i.id AS item, j.j, (i.id + 3 * j.j) % 8 + 1 AS annotator,
         CASE i.id % 3 WHEN 0 THEN 0 WHEN 1 THEN 0 ELSE 1 END AS a,
         CASE i.id % 3 WHEN 0 THEN 1 WHEN 1 THEN 2 ELSE 2 END AS b,
         ((i.id * 2 + j.j) * 2654435761) % 1000003 AS u
  FROM items i CROSS JOIN (SELECT 0 AS j UNION ALL SELECT 1) j),
e AS (SELECT *, (SELECT name FROM models WHERE n = a) AS ma, (SELECT name FROM models WHERE n = b) AS mb,
             CASE WHEN u % 100 < 8 THEN 'tie' WHEN u % 100 < 10 THEN 'neither'
                  WHEN (u / 100) % 100 < 55 + 5 * (b - a) THEN 'a' ELSE 'b' END AS outcome,
             (u / 10000) % 2 AS swapped FROM d),
f AS (SELECT *, CASE swapped WHEN 0 THEN ma ELSE mb END AS l, CASE swapped WHEN 0 THEN mb ELSE ma END AS r,
             CASE outcome WHEN 'a' THEN 3 + (u / 7) % 3 WHEN 'b' THEN 1 + (u / 7) % 3 ELSE 2 + (u / 7) % 3 END AS qa,
             CASE outcome WHEN 'b' THEN 3 + (u / 11) % 3 WHEN 'a' THEN 1 + (u / 11) % 3 ELSE 2 + (u / 11) % 3 END AS qb
      FROM e)
SELECT 1, item, annotator, 'label',
       '{"pairwise":' || CASE WHEN outcome IN ('tie', 'neither')
           THEN '{"outcome":"' || outcome || '","left":"' || l || '","right":"' || r || '"}'
           ELSE '{"winner":"' || (CASE outcome WHEN 'a' THEN ma ELSE mb END) || '","side":"'
                || (CASE WHEN (outcome = 'a') = (swapped = 0) THEN 'left' ELSE 'right' END)
                || '","left":"' || l || '","right":"' || r || '"}' END
       || ',"ratings":{"' || ma || '":{"quality":' || qa || '},"' || mb || '":{"quality":' || qb || '}}}',
       1, strftime('%Y-%m-%d %H:%M:%f', 1790000000 + item * 5 + j, 'unixepoch'), 2000 + u % 9000
FROM f ORDER BY item, j;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
    sync
fi
log "$(sqlite3 "$STORE" "SELECT COUNT(*) FROM annotations") judgments, $(sqlite3 "$STORE" "SELECT COUNT(*) FROM stats_units") rows of unit totals"

seconds() {
    local start=$EPOCHREALTIME
    "$@"
    awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }'
}
run_totals() { /usr/bin/time -f '%M' -o "$WORK/rss" "$GLOSS" stats bench --json --db "$STORE" >"$WORK/totals.json" || die "gloss stats failed"; }
run_pass() {
    /usr/bin/time -f '%M' -o "$WORK/rss" "$GLOSS" stats bench --json --since 2000-01-01 --db "$STORE" >"$WORK/pass.json" ||
        die "gloss stats --since failed"
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

run_totals
T=() TR=() P=() PR=()
for ((run = 1; run <= RUNS; run++)); do
    T+=("$(seconds run_totals)"); TR+=("$(cat "$WORK/rss")")
    P+=("$(seconds run_pass)"); PR+=("$(cat "$WORK/rss")")
done
python3 - "$WORK/totals.json" "$WORK/pass.json" <<'PY' || die "the two reports' judging sections differ"
import json, sys
a, b = (json.load(open(p))["judging"] for p in sys.argv[1:])
assert a == b, "judging differs between the totals and the pass"
print("leaderboard:", ", ".join("%s %.3f" % (m["model"], m["strength"]) for m in a["leaderboard"]["models"]))
PY
printf 'items %s, judgments %s\n' "$N" "$((2 * N))"
printf 'gloss stats (totals): median %s s, peak RSS %s MB\n' "$(median "${T[@]}")" "$(awk -v k="$(median "${TR[@]}")" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }')"
printf 'gloss stats --since (pass over rows): median %s s, peak RSS %s MB\n' "$(median "${P[@]}")" "$(awk -v k="$(median "${PR[@]}")" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }')"
