#!/usr/bin/env bash
# Import benchmark: `gloss import` of a JSONL file vs. the sqlite3 shell's
# `.import --csv` of the same rows. See Benchmarks/README.md.
#
#   bash Benchmarks/import.sh            # 1,000,000 items, 3 runs
#   N=100000 RUNS=5 KEEP=1 BENCH_DIR=/tmp/bench bash Benchmarks/import.sh
#   N=10000000 RUNS=1 bash Benchmarks/import.sh   # issue 20's size: 4.8 GB of input
#                                                   # and about 5 GB of stores
#
# Exits 0 whether or not the targets are met (it is a measurement); non-zero
# only when something broke (build, generation, an import failing, wrong row
# counts).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

N="${N:-1000000}"
RUNS="${RUNS:-3}"
KEEP="${KEEP:-0}"

# Targets, defined for N = 1,000,000 (time, ratio to sqlite3, peak RSS) and for
# N = 10,000,000 (issue 20: ratio, flat memory); a re-import of the same file (all
# duplicates) takes no longer than the import at either size.
if [[ "${N:-1000000}" == 10000000 ]]; then
    TARGET_SECONDS="50.0"
    TARGET_RATIO="2.0"
    TARGET_RSS_MB="150"
else
    TARGET_SECONDS="5.0"
    TARGET_RATIO="3.0"
    TARGET_RSS_MB="100"
fi

export LC_ALL=C # decimal points in awk/printf

log() { printf '==> %s\n' "$*" >&2; }
die() {
    printf 'import.sh: error: %s\n' "$*" >&2
    exit 1
}

[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$N'"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$RUNS'"

# --- tools -------------------------------------------------------------------

if [[ ! -x /usr/bin/time ]]; then
    log "/usr/bin/time is missing; installing Debian's 'time' package"
    if [[ "$(id -u)" -ne 0 ]]; then
        die "/usr/bin/time not found; install it with: sudo apt-get install time"
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q time >&2 || { apt-get update -q >&2 && apt-get install -y -q time >&2; } ||
        die "could not install the 'time' package"
fi
command -v sqlite3 >/dev/null || die "sqlite3 not found (apt-get install sqlite3)"
command -v python3 >/dev/null || die "python3 not found"
command -v swift >/dev/null || die "swift not found"

# --- work dir ----------------------------------------------------------------

WORK_CREATED=0
if [[ -n "${BENCH_DIR:-}" ]]; then
    if [[ ! -d "$BENCH_DIR" ]]; then
        mkdir -p "$BENCH_DIR"
        WORK_CREATED=1
    fi
    WORK="$(cd "$BENCH_DIR" && pwd)"
else
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/gloss-import-bench.XXXXXX")"
    WORK_CREATED=1
fi

# Every file this script writes in $WORK, so that a BENCH_DIR the user gave
# is never wiped wholesale.
WORK_FILES=(bench.jsonl bench.csv
    gloss.db gloss.db-wal gloss.db-shm gloss.db-journal
    plain.db plain.db-wal plain.db-shm plain.db-journal
    gloss.time gloss.out gloss.err gloss-again.time gloss-again.out gloss-again.err sqlite3.time sqlite3.out sqlite3.err)

cleanup() {
    if [[ "$KEEP" == "1" ]]; then
        log "kept work dir: $WORK"
        return
    fi
    if [[ "$WORK_CREATED" == "1" ]]; then
        rm -rf -- "$WORK"
    else
        (cd "$WORK" && rm -f -- "${WORK_FILES[@]}")
    fi
}
trap cleanup EXIT

# --- build -------------------------------------------------------------------

if [[ -n "${GLOSS_BIN:-}" ]]; then
    GLOSS="$GLOSS_BIN"
    log "using $GLOSS (GLOSS_BIN; not building)"
else
    log "building gloss (release)"
    (cd "$REPO_ROOT" && swift build -c release --product gloss) >&2 ||
        die "swift build -c release --product gloss failed"
    BIN_PATH="$(cd "$REPO_ROOT" && swift build -c release --show-bin-path)"
    GLOSS="$BIN_PATH/gloss"
fi
[[ -x "$GLOSS" ]] || die "built binary not found at $GLOSS"

# --- generate ----------------------------------------------------------------

log "generating $N items in $WORK"
gen_start=$EPOCHREALTIME
python3 "$SCRIPT_DIR/generate.py" --n "$N" \
    --jsonl "$WORK/bench.jsonl" --csv "$WORK/bench.csv" ||
    die "generate.py failed"
gen_end=$EPOCHREALTIME
GEN_SECONDS="$(awk -v a="$gen_start" -v b="$gen_end" 'BEGIN { printf "%.1f", b - a }')"
JSONL_BYTES="$(stat -c %s "$WORK/bench.jsonl")"
CSV_BYTES="$(stat -c %s "$WORK/bench.csv")"

# --- measurement helpers -----------------------------------------------------

# run_timed NAME CMD... — runs CMD in $WORK under /usr/bin/time -v with stdout
# and stderr to NAME.out / NAME.err; sets WALL (seconds) and RSS_KB. Dies, with
# the tool's output, if it exits non-zero.
run_timed() {
    local name="$1"
    shift
    local rc=0
    (cd "$WORK" && /usr/bin/time -v -o "$name.time" "$@" >"$name.out" 2>"$name.err") || rc=$?
    if ((rc != 0)); then
        printf 'import.sh: %s failed (exit %d): %s\n' "$name" "$rc" "$*" >&2
        printf -- '--- %s stderr (last 30 lines) ---\n' "$name" >&2
        tail -n 30 "$WORK/$name.err" >&2 || true
        printf -- '--- %s stdout (last 10 lines) ---\n' "$name" >&2
        tail -n 10 "$WORK/$name.out" >&2 || true
        exit 1
    fi
    # "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34"
    WALL="$(awk '/Elapsed \(wall clock\) time/ {
                t = $NF; n = split(t, p, ":"); s = 0
                for (i = 1; i <= n; i++) s = s * 60 + p[i]
                printf "%.2f", s }' "$WORK/$name.time")"
    RSS_KB="$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$WORK/$name.time")"
    [[ -n "$WALL" && -n "$RSS_KB" ]] || die "could not parse /usr/bin/time output in $WORK/$name.time"
}

# check_count DB — the items table in DB must hold exactly N rows.
check_count() {
    local db="$1" count
    [[ -f "$WORK/$db" ]] || die "$db was not created"
    count="$(sqlite3 "$WORK/$db" "SELECT COUNT(*) FROM items")" ||
        die "could not count rows in $db"
    [[ "$count" == "$N" ]] || die "$db holds $count rows in items, expected $N"
}

fresh_db() {
    local base="$1"
    rm -f -- "$WORK/$base" "$WORK/$base-wal" "$WORK/$base-shm" "$WORK/$base-journal"
}

# median of the arguments (average of the middle two for an even count)
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
        END { if (NR % 2) printf "%.4f", v[(NR + 1) / 2]
              else printf "%.4f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000000 }'; } # bytes -> MB
kb_to_mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k * 1024 / 1000000 }'; }

# --- runs --------------------------------------------------------------------

GLOSS_WALL=() GLOSS_RSS=() SQLITE_WALL=() SQLITE_RSS=() AGAIN_WALL=() AGAIN_RSS=()

for ((run = 1; run <= RUNS; run++)); do
    fresh_db gloss.db
    run_timed gloss "$GLOSS" import bench.jsonl --dataset bench --db gloss.db
    check_count gloss.db
    GLOSS_WALL+=("$WALL") GLOSS_RSS+=("$RSS_KB")
    log "run $run/$RUNS gloss:   ${WALL} s, $(kb_to_mb "$RSS_KB") MB peak RSS"

    # The same file again: every record a duplicate, nothing added.
    run_timed gloss-again "$GLOSS" import bench.jsonl --dataset bench --db gloss.db
    grep -q ': 0 added, ' "$WORK/gloss-again.out" || die "re-importing added items: $(cat "$WORK/gloss-again.out")"
    check_count gloss.db
    AGAIN_WALL+=("$WALL") AGAIN_RSS+=("$RSS_KB")
    log "run $run/$RUNS gloss re-import: ${WALL} s, $(kb_to_mb "$RSS_KB") MB peak RSS"

    fresh_db plain.db
    run_timed sqlite3 sqlite3 plain.db \
        "CREATE TABLE items(id TEXT, text TEXT);" \
        ".import --csv --skip 1 bench.csv items"
    # .import reports malformed CSV (wrong column count, unterminated quotes)
    # on stderr but still exits 0: treat any message as a broken input.
    if [[ -s "$WORK/sqlite3.err" ]]; then
        head -n 20 "$WORK/sqlite3.err" >&2
        die "sqlite3 .import reported problems with bench.csv"
    fi
    check_count plain.db
    SQLITE_WALL+=("$WALL") SQLITE_RSS+=("$RSS_KB")
    log "run $run/$RUNS sqlite3: ${WALL} s, $(kb_to_mb "$RSS_KB") MB peak RSS"
done

# --- report ------------------------------------------------------------------

G_SEC="$(median "${GLOSS_WALL[@]}")"
S_SEC="$(median "${SQLITE_WALL[@]}")"
G_RSS_MB="$(kb_to_mb "$(median "${GLOSS_RSS[@]}")")"
A_SEC="$(median "${AGAIN_WALL[@]}")"
A_RSS_MB="$(kb_to_mb "$(median "${AGAIN_RSS[@]}")")"
S_RSS_MB="$(kb_to_mb "$(median "${SQLITE_RSS[@]}")")"

awk -v n="$N" -v runs="$RUNS" -v gen="$GEN_SECONDS" \
    -v jsonl_mb="$(mb "$JSONL_BYTES")" -v csv_mb="$(mb "$CSV_BYTES")" \
    -v g_sec="$G_SEC" -v s_sec="$S_SEC" -v g_rss="$G_RSS_MB" -v s_rss="$S_RSS_MB" \
    -v a_sec="$A_SEC" -v a_rss="$A_RSS_MB" \
    -v t_sec="$TARGET_SECONDS" -v t_ratio="$TARGET_RATIO" -v t_rss="$TARGET_RSS_MB" \
    -v sqlite_version="$(sqlite3 --version | awk '{ print $1 }')" \
    -v fs="$(stat -f -c %T "$WORK")" '
function rate(sec) { return sec > 0 ? sprintf("%.0f", n / sec) : "inf" }
function mark(ok) { return ok ? "ok" : "MISSED" }
BEGIN {
    ratio = s_sec > 0 ? g_sec / s_sec : 0
    ok_sec = (g_sec + 0 <= t_sec + 0)
    ok_ratio = (s_sec > 0 && ratio <= t_ratio + 0)
    ok_rss = (g_rss + 0 <= t_rss + 0)
    ok_again = (a_sec + 0 <= g_sec + 0)
    printf "\nGloss import benchmark\n"
    printf "  items:       %d\n", n
    printf "  input:       %s MB JSONL (gloss), %s MB CSV (sqlite3)\n", jsonl_mb, csv_mb
    printf "  runs:        %d each, alternating; medians below\n", runs
    printf "  generation:  %s s\n", gen
    printf "  sqlite3:     %s; work dir filesystem: %s\n\n", sqlite_version, fs
    printf "  %-16s %10s %12s %14s\n", "tool", "median s", "items/s", "peak RSS MB"
    printf "  %-16s %10.2f %12s %14.1f\n", "gloss import", g_sec, rate(g_sec), g_rss
    printf "  %-16s %10.2f %12s %14.1f\n", "gloss re-import", a_sec, rate(a_sec), a_rss
    printf "  %-16s %10.2f %12s %14.1f\n", "sqlite3 .import", s_sec, rate(s_sec), s_rss
    if (s_sec > 0) printf "\n  ratio gloss/sqlite3 (median time): %.2f\n\n", ratio
    else printf "\n  ratio gloss/sqlite3 (median time): n/a (sqlite3 took 0.00 s)\n\n"
    printf "  targets: gloss <= %s s [%s], ratio <= %s [%s], gloss peak RSS <= %s MB [%s], re-import <= import [%s]\n",
        t_sec, mark(ok_sec), t_ratio, mark(ok_ratio), t_rss, mark(ok_rss), mark(ok_again)
    if (n != 1000000 && n != 10000000) printf "  note: the targets are defined for N=1000000 and N=10000000; this run used N=%d\n", n
    printf "%s\n", (ok_sec && ok_ratio && ok_rss && ok_again) ? "PASS" : "FAIL"
}'
