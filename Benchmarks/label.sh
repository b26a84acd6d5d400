#!/usr/bin/env bash
# Labeling benchmark: `gloss label` driven in a pseudo-terminal through 500
# decisions on a 10,000-item and a 1,000,000-item project, and on a 1,000,000-item
# pairwise project (guides/preference.md: the winner, then a rating of each answer,
# three keys a decision), vs. Python's sqlite3 module doing each decision's
# database work on a copy of the same store. See Benchmarks/README.md.
#
#   bash Benchmarks/label.sh               # 10,000 and 1,000,000 items, 1 run
#   N=100000 RUNS=3 KEEP=1 BENCH_DIR=/tmp/bench bash Benchmarks/label.sh
#   PAIRWISE=0 bash Benchmarks/label.sh    # without the pairwise project
#
# Exits 0 whether or not the targets are met (it is a measurement); non-zero
# only when something broke (build, generation, import, the labeler failing,
# hanging or not storing every decision, the peer failing).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
SCRIPT_START=$EPOCHREALTIME

N="${N:-1000000}"             # the large project
N_SMALL="${N_SMALL:-10000}"   # the small project
DECISIONS="${DECISIONS:-500}"  # decisions per session
LOOK_MS="${LOOK_MS:-250}"        # each item stays on screen this long before its key (the labeler's minimum look is 150 ms)
RUNS="${RUNS:-1}"
KEEP="${KEEP:-0}"
SCRATCH_PATH="${SCRATCH_PATH:-}" # swift build --scratch-path (default: .build)
GLOSS_BIN="${GLOSS_BIN:-}"       # use this binary instead of building
SETTLE_MS="${SETTLE_MS:-3}"      # a frame is complete after this long without output
IMPORT_RUN="${IMPORT_RUN:-1}"     # also label the small project while another process imports N items
PAIRWISE="${PAIRWISE:-1}"         # also label a pairwise project of N items

# Targets (defined for N = 1,000,000 and N_SMALL = 10,000).
TARGET_P50_MS="2"
TARGET_P99_MS="10"
TARGET_SCALE="1.5" # p50 at N <= 1.5 x p50 at N_SMALL
TARGET_FIRST_DRAW_MS="150"
TARGET_RSS_MB="64"
TARGET_IMPORT_KEY_MAX_MS="100" # slowest key while another process imports N items

PROJECT="bench"
DATASET="bench"
ANNOTATOR="bench"
GUIDE="$REPO_ROOT/guides/sentiment.md"
PAIRWISE_PROJECT="judge"
PAIRWISE_GUIDE="$REPO_ROOT/guides/preference.md"
# Each decision: the winner (f left, j right, t tie, n neither), then the quality of the
# left and of the right answer (1-5).
PAIRWISE_KEYS="f43,j35,t44,n21"
DRIVER="$SCRIPT_DIR/label_driver.py"

export LC_ALL=C # decimal points in awk/printf

log() { printf '==> %s\n' "$*" >&2; }
die() {
    printf 'label.sh: error: %s\n' "$*" >&2
    exit 1
}

for var in N N_SMALL DECISIONS RUNS; do
    [[ "${!var}" =~ ^[1-9][0-9]*$ ]] || die "$var must be a positive integer, got '${!var}'"
done
[[ "$SETTLE_MS" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "SETTLE_MS must be a number of milliseconds, got '$SETTLE_MS'"
((DECISIONS <= N_SMALL && DECISIONS <= N)) ||
    die "DECISIONS ($DECISIONS) must not exceed N_SMALL ($N_SMALL) or N ($N): each decision takes a new item"
SIZES=("$N_SMALL")
[[ "$N" == "$N_SMALL" ]] || SIZES+=("$N")

# --- tools -------------------------------------------------------------------

command -v sqlite3 >/dev/null || die "sqlite3 not found (apt-get install sqlite3)"
command -v python3 >/dev/null || die "python3 not found"
command -v sha256sum >/dev/null || die "sha256sum not found"
[[ -n "$GLOSS_BIN" ]] || command -v swift >/dev/null || die "swift not found"
[[ -f "$GUIDE" ]] || die "guide not found: $GUIDE"
[[ -f "$PAIRWISE_GUIDE" ]] || die "guide not found: $PAIRWISE_GUIDE"

# --- work dir ----------------------------------------------------------------

WORK_CREATED=0
if [[ -n "${BENCH_DIR:-}" ]]; then
    if [[ ! -d "$BENCH_DIR" ]]; then
        mkdir -p "$BENCH_DIR"
        WORK_CREATED=1
    fi
    WORK="$(cd "$BENCH_DIR" && pwd)"
else
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/gloss-label-bench.XXXXXX")"
    WORK_CREATED=1
fi

# Every file this script writes in $WORK (patterns), so that a BENCH_DIR the
# user gave is never wiped wholesale.
WORK_PATTERNS=('items-*.jsonl' 'items-*.jsonl.tmp' 'items-*.stamp'
    'store-*.db' 'store-*.db-wal' 'store-*.db-shm' 'store-*.db-journal' 'store-*.stamp' 'store-*.log'
    'gloss-run.db' 'gloss-run.db-wal' 'gloss-run.db-shm' 'gloss-run.db-journal'
    'peer-run.db' 'peer-run.db-wal' 'peer-run.db-shm' 'peer-run.db-journal'
    'drive-*.json' 'drive-*.csv' 'peer-*.json')

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
    BUILD_ARGS=(-c release)
    [[ -z "$SCRATCH_PATH" ]] || BUILD_ARGS+=(--scratch-path "$SCRATCH_PATH")
    log "building gloss (release${SCRATCH_PATH:+, scratch path $SCRATCH_PATH})"
    (cd "$REPO_ROOT" && swift build "${BUILD_ARGS[@]}" --product gloss) >&2 ||
        die "swift build ${BUILD_ARGS[*]} --product gloss failed"
    BIN_PATH="$(cd "$REPO_ROOT" && swift build "${BUILD_ARGS[@]}" --show-bin-path)"
    GLOSS="$BIN_PATH/gloss"
fi
[[ -x "$GLOSS" ]] || die "gloss binary not found at $GLOSS"

sum() { sha256sum "$1" | cut -c1-16; }
GEN_SUM="$(sum "$SCRIPT_DIR/generate.py")"
GLOSS_SUM="$(sum "$GLOSS")"
GUIDE_SUM="$(sum "$GUIDE")"
PAIRWISE_GUIDE_SUM="$(sum "$PAIRWISE_GUIDE")"

# --- data --------------------------------------------------------------------

# fresh_db PATH — removes a store and its side files.
fresh_db() { rm -f -- "$1" "$1-wal" "$1-shm" "$1-journal"; }

# run_logged LOG CMD... — runs CMD with its output in LOG; dies showing it.
run_logged() {
    local logfile="$1" rc=0
    shift
    "$@" >>"$logfile" 2>&1 || rc=$?
    if ((rc != 0)); then
        printf 'label.sh: failed (exit %d): %s\n' "$rc" "$*" >&2
        tail -n 30 "$logfile" >&2 || true
        exit 1
    fi
}

# The project, guide and keys of a run's key: a size (a classify project of that many
# items) or "pw" (the pairwise project of N items).
project_of() { if [[ "$1" == pw ]]; then echo "$PAIRWISE_PROJECT"; else echo "$PROJECT"; fi; }
keys_of() { if [[ "$1" == pw ]]; then echo "$PAIRWISE_KEYS"; else echo "p,n,u,m"; fi; }
items_of() { if [[ "$1" == pw ]]; then echo "$N"; else echo "$1"; fi; }

# prepare KEY — makes items-KEY.jsonl and store-KEY.db (imported, project created,
# checkpointed), reusing them when a kept BENCH_DIR already holds them for the
# same generate.py, gloss binary and guide.
prepare() {
    local key="$1" n guide guide_sum generate_flags=()
    n="$(items_of "$key")"
    if [[ "$key" == pw ]]; then
        guide="$PAIRWISE_GUIDE" guide_sum="$PAIRWISE_GUIDE_SUM" generate_flags=(--pairwise)
    else
        guide="$GUIDE" guide_sum="$GUIDE_SUM"
    fi
    local jsonl="$WORK/items-$key.jsonl" store="$WORK/store-$key.db"
    local want_items="n=$n generate=$GEN_SUM ${generate_flags[*]}"
    local want_store="$want_items gloss=$GLOSS_SUM guide=$guide_sum"
    if [[ -s "$jsonl" && "$(cat "$WORK/items-$key.stamp" 2>/dev/null)" == "$want_items" ]]; then
        log "reusing $jsonl"
    else
        rm -f -- "$jsonl" "$WORK/items-$key.stamp" "$WORK/store-$key.stamp"
        log "generating $n items ${generate_flags[*]}"
        python3 "$SCRIPT_DIR/generate.py" --n "$n" "${generate_flags[@]}" --jsonl "$jsonl.tmp" --csv /dev/null ||
            die "generate.py failed"
        mv -- "$jsonl.tmp" "$jsonl"
        printf '%s\n' "$want_items" >"$WORK/items-$key.stamp"
    fi
    if [[ -s "$store" && ! -e "$store-wal" && "$(cat "$WORK/store-$key.stamp" 2>/dev/null)" == "$want_store" ]]; then
        log "reusing $store"
        return
    fi
    rm -f -- "$WORK/store-$key.stamp" "$WORK/store-$key.log"
    fresh_db "$store"
    log "importing $n items into store-$key.db and creating project '$(project_of "$key")'"
    run_logged "$WORK/store-$key.log" "$GLOSS" import "$jsonl" --dataset "$DATASET" --db "$store"
    run_logged "$WORK/store-$key.log" "$GLOSS" project create "$(project_of "$key")" --dataset "$DATASET" \
        --guide "$guide" --author "$ANNOTATOR" --db "$store"
    local count
    count="$(sqlite3 "$store" "SELECT COUNT(*) FROM items")" || die "could not count the items in $store"
    [[ "$count" == "$n" ]] || die "store-$key.db holds $count items, expected $n"
    # Fold the WAL into the file so that a plain copy is the whole store.
    sqlite3 "$store" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null || die "could not checkpoint $store"
    [[ ! -s "$store-wal" ]] || die "$store-wal is not empty after a checkpoint"
    rm -f -- "$store-wal" "$store-shm"
    printf '%s\n' "$want_store" >"$WORK/store-$key.stamp"
}

# copy_store N DEST — a scratch copy of store-N.db (the sessions write into it).
copy_store() {
    fresh_db "$2"
    cp -- "$WORK/store-$1.db" "$2" || die "could not copy store-$1.db"
    # Write the copy back now: otherwise the session's first checkpoint fsyncs
    # hundreds of MB that cp left dirty, and one key pays for it.
    sync -- "$2" || die "could not sync $2"
}

# jget FILE KEY[.SUBKEY] — a value from a driver's JSON result ('' for null).
jget() {
    python3 -c 'import json, sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."):
    v = v.get(k) if isinstance(v, dict) else None
print("" if v is None else v)' "$1" "$2"
}

# median of the arguments (average of the middle two for an even count)
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
        END { if (NR % 2) printf "%.4f", v[(NR + 1) / 2]
              else printf "%.4f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

kb_to_mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k * 1024 / 1000000 }'; }

RUN_KEYS=("${SIZES[@]}")
[[ "$PAIRWISE" == "1" ]] && RUN_KEYS+=(pw)
for key in "${RUN_KEYS[@]}"; do prepare "$key"; done

# --- runs --------------------------------------------------------------------

# Per size, space-separated values of each run (used through namerefs).
# shellcheck disable=SC2034
declare -A P50 P99 MAXK FIRST RSS EXT_RSS KEYS PEER50 PEER99 DRV50 DRV99 READY SILENT

add() { # add ARRAY SIZE VALUE
    # shellcheck disable=SC2178
    local -n arr="$1"
    arr[$2]="${arr[$2]:-}${arr[$2]:+ }$3"
}

run_gloss() {
    local n="$1" run="$2" project
    project="$(project_of "$n")"
    local db="$WORK/gloss-run.db" out="$WORK/drive-$n-$run.json"
    copy_store "$n" "$db"
    log "run $run/$RUNS, $(items_of "$n") items, project $project: gloss label, $DECISIONS decisions"
    if ! python3 "$DRIVER" drive --gloss "$GLOSS" --db "$db" --project "$project" --annotator "$ANNOTATOR" \
        --decisions "$DECISIONS" --keys "$(keys_of "$n")" --settle-ms "$SETTLE_MS" --look-ms "$LOOK_MS" \
        --cwd "$WORK" --out "$out" --times "$WORK/drive-$n-$run.csv"; then
        die "the labeler run on $n items failed: $(jget "$out" error) ($(jget "$out" exit))"
    fi
    local row sid labels skips keys p50 p99 max first rss stored reason
    row="$(sqlite3 -separator '|' -cmd '.nullvalue NULL' "$db" "
        SELECT s.id, s.labels, s.skips, s.keystrokes, s.key_p50_ms, s.key_p99_ms, s.key_max_ms,
               s.first_draw_ms, s.peak_rss_kb,
               (SELECT COUNT(*) FROM annotations a WHERE a.session_id = s.id), s.end_reason
        FROM sessions s JOIN projects p ON p.id = s.project_id
        WHERE p.name = '$project' ORDER BY s.id DESC LIMIT 1")" || die "could not read the session from $db"
    [[ -n "$row" ]] || die "no session row for project '$project' in $db"
    IFS='|' read -r sid labels skips keys p50 p99 max first rss stored reason <<<"$row"
    log "session $sid: $labels labels, $skips skips, $keys keystrokes, $stored annotations, p50 $p50 ms, p99 $p99 ms, max $max ms, first draw $first ms, peak RSS $rss KiB, ended: $reason"
    [[ "$stored" == "$DECISIONS" ]] || die "session $sid stored $stored annotations, expected $DECISIONS (keys dropped?)"
    [[ "$labels" == "$DECISIONS" ]] || die "session $sid counts $labels labels, expected $DECISIONS"
    [[ "$reason" == "quit" ]] || die "session $sid ended with '$reason', expected 'quit'"
    local v
    for v in "$p50" "$p99" "$max" "$first" "$rss"; do
        [[ "$v" != "NULL" && -n "$v" ]] || die "session $sid lacks a timing or the peak RSS: $row"
    done
    log "driver: key written to frame drawn p50 $(jget "$out" driver_frame_ms.p50) ms, p99 $(jget "$out" driver_frame_ms.p99) ms; slowest [key, ms]: $(jget "$out" driver_slowest_keys)"
    add P50 "$n" "$p50"
    add P99 "$n" "$p99"
    add MAXK "$n" "$max"
    add FIRST "$n" "$first"
    add RSS "$n" "$rss"
    add KEYS "$n" "$keys"
    add EXT_RSS "$n" "$(jget "$out" maxrss_kb)"
    add DRV50 "$n" "$(jget "$out" driver_frame_ms.p50)"
    add DRV99 "$n" "$(jget "$out" driver_frame_ms.p99)"
    add READY "$n" "$(jget "$out" ready_after_ms)"
    add SILENT "$n" "$(jget "$out" keys_without_frame)"
    if [[ "$(jget "$out" ready_by)" != "marker" ]]; then
        log "warning: the project name never showed in the first frame; keys started after the output went quiet"
    fi
}

run_peer() {
    local n="$1" run="$2"
    local db="$WORK/peer-run.db" out="$WORK/peer-$n-$run.json"
    copy_store "$n" "$db"
    log "run $run/$RUNS, $(items_of "$n") items: sqlite3 peer, $DECISIONS decisions"
    python3 "$DRIVER" peer --db "$db" --project "$(project_of "$n")" --decisions "$DECISIONS" --out "$out" ||
        die "the peer on $n items failed: $(jget "$out" error)"
    add PEER50 "$n" "$(jget "$out" decision_ms.p50)"
    add PEER99 "$n" "$(jget "$out" decision_ms.p99)"
    log "peer: p50 $(jget "$out" decision_ms.p50) ms, p99 $(jget "$out" decision_ms.p99) ms"
}

for ((run = 1; run <= RUNS; run++)); do
    for n in "${RUN_KEYS[@]}"; do
        run_gloss "$n" "$run"
        run_peer "$n" "$run"
    done
done

# run_during_import — the small project labeled while another process imports the
# large project's items into a new dataset of the same store: the labeler's slowest
# key, and that nothing of either is lost.
IMPORT_LINE=""
IMPORT_MAX=""
run_during_import() {
    local db="$WORK/gloss-run.db" out="$WORK/drive-import.json" importlog="$WORK/import-during.log"
    copy_store "$N_SMALL" "$db"
    log "labeling $N_SMALL items ($DECISIONS decisions) while another process imports $N items into the same store"
    local started=$EPOCHREALTIME
    "$GLOSS" import "$WORK/items-$N.jsonl" --dataset concurrent --db "$db" >"$importlog" 2>&1 &
    local importer=$!
    sleep 0.3
    if ! python3 "$DRIVER" drive --gloss "$GLOSS" --db "$db" --project "$PROJECT" --annotator "$ANNOTATOR" \
        --decisions "$DECISIONS" --settle-ms "$SETTLE_MS" --look-ms "$LOOK_MS" --cwd "$WORK" --out "$out" \
        --times "$WORK/drive-import.csv"; then
        kill "$importer" 2>/dev/null || true
        die "the labeler run during the import failed: $(jget "$out" error) ($(jget "$out" exit))"
    fi
    local labeled_s import_s
    labeled_s="$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')"
    wait "$importer" || die "the import during labeling failed: $(tail -3 "$importlog")"
    # The import's own time, from its report ("... in 12.34 s ...").
    import_s="$(sed -n 's/.* in \([0-9.]*\) s .*/\1/p' "$importlog" | head -1)"
    local row sid stored saved maxk p99 imported
    row="$(sqlite3 -separator '|' "$db" "
        SELECT s.id, (SELECT COUNT(*) FROM annotations a WHERE a.session_id = s.id), s.labels, s.key_max_ms, s.key_p99_ms
        FROM sessions s ORDER BY s.id DESC LIMIT 1")" || die "could not read the session from $db"
    IFS='|' read -r sid stored saved maxk p99 <<<"$row"
    imported="$(sqlite3 "$db" "SELECT COUNT(*) FROM items i JOIN datasets d ON d.id = i.dataset_id WHERE d.name = 'concurrent'")"
    # A key that arrives while a save waits, or on an item drawn less than 150 ms before
    # (the next item comes later when a save waited), is ignored and said so on screen;
    # every decision the labeler counted as saved must be in the store.
    [[ "$stored" == "$saved" ]] || die "session $sid counted $saved saves but the store holds $stored decisions"
    ((stored * 10 >= DECISIONS * 9)) || die "session $sid stored only $stored of $DECISIONS decisions during the import"
    [[ "$imported" == "$N" ]] || die "the import during labeling stored $imported items, expected $N"
    IMPORT_MAX="$maxk"
    IMPORT_LINE="$(printf 'during an import of %s items by another process (the import took %s s; the %s decisions %s s): session %s: %s of the keys saved and stored, %s items imported; key p99 %s ms, key max %s ms; driver slowest [key, ms]: %s' \
        "$N" "$import_s" "$DECISIONS" "$labeled_s" "$sid" "$stored" "$imported" "$p99" "$maxk" "$(jget "$out" driver_slowest_keys)")"
    log "$IMPORT_LINE"
}
[[ "$IMPORT_RUN" == "1" ]] && run_during_import

fresh_db "$WORK/gloss-run.db"
fresh_db "$WORK/peer-run.db"

# --- report ------------------------------------------------------------------

# med ARRAY SIZE — the median of a size's runs
med() {
    # shellcheck disable=SC2178
    local -n arr="$1"
    # shellcheck disable=SC2086 # the runs are space-separated
    median ${arr[$2]}
}

WALL_S="$(awk -v a="$SCRIPT_START" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }')"
{
    for n in "${RUN_KEYS[@]}"; do
        printf 'size %s %s %s %s %s %s %s %s %s %s %s %s %s\n' "$n" \
            "$(med P50 "$n")" "$(med P99 "$n")" "$(med MAXK "$n")" "$(med FIRST "$n")" \
            "$(kb_to_mb "$(med RSS "$n")")" "$(kb_to_mb "$(med EXT_RSS "$n")")" \
            "$(med PEER50 "$n")" "$(med PEER99 "$n")" "$(med DRV50 "$n")" "$(med DRV99 "$n")" \
            "$(med READY "$n")" "$(med KEYS "$n")"
    done
} | awk -v small="$N_SMALL" -v large="$N" -v runs="$RUNS" -v decisions="$DECISIONS" \
    -v settle="$SETTLE_MS" -v wall="$WALL_S" \
    -v t_p50="$TARGET_P50_MS" -v t_p99="$TARGET_P99_MS" -v t_scale="$TARGET_SCALE" \
    -v t_first="$TARGET_FIRST_DRAW_MS" -v t_rss="$TARGET_RSS_MB" \
    -v silent="$(for n in "${RUN_KEYS[@]}"; do printf '%s ' "${SILENT[$n]}"; done)" \
    -v sqlite_version="$(sqlite3 --version | awk '{ print $1 }')" \
    -v py_sqlite="$(python3 -c 'import sqlite3, platform; print(platform.python_version(), sqlite3.sqlite_version)')" \
    -v fs="$(stat -f -c %T "$WORK")" -v version="$("$GLOSS" --version 2>/dev/null || echo '?')" \
    -v import_line="$IMPORT_LINE" -v import_max="$IMPORT_MAX" -v t_import="$TARGET_IMPORT_KEY_MAX_MS" '
function commas(x,   s, out) {
    s = sprintf("%d", x); out = ""
    while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
    return s out
}
function mark(ok) { return ok ? "PASS" : "FAIL" }
function label(n) { return n == "pw" ? commas(large) " pw" : commas(n) }
function target(ok, text) { printf "    %s  %s\n", mark(ok), text; all = all && ok }
{
    n = $2; order[++count] = n
    p50[n] = $3; p99[n] = $4; mx[n] = $5; first[n] = $6; rss[n] = $7; ext[n] = $8
    peer50[n] = $9; peer99[n] = $10; drv50[n] = $11; drv99[n] = $12; ready[n] = $13; keys[n] = $14
}
END {
    all = 1
    printf "\nGloss labeling benchmark (gloss %s)\n", version
    printf "  decisions:  %d per session, keys p n u m in turn (pw: the pairwise project, keys\n", decisions
    printf "              f43 j35 t44 n21 in turn, three keys a decision), each sent once the\n"
    printf "              previous frame was drawn and the pty had been quiet for %s ms\n", settle
    printf "  terminal:   80x24 pseudo-terminal, TERM=xterm-256color\n"
    printf "  runs:       %d per size; medians below\n", runs
    printf "  sqlite:     %s (gloss), Python %s (peer); work dir filesystem: %s\n\n", sqlite_version, py_sqlite, fs
    printf "  %-12s %8s %8s %8s %11s %9s %9s %9s %9s %11s\n", "", "key p50", "key p99", "key max", "first draw", "peak RSS", "(wait4)", "peer p50", "peer p99", "gloss/peer"
    printf "  %-12s %8s %8s %8s %11s %9s %9s %9s %9s %11s\n", "items", "ms", "ms", "ms", "ms", "MB", "MB", "ms", "ms", "p50"
    for (i = 1; i <= count; i++) {
        n = order[i]
        ratio[n] = peer50[n] > 0 ? sprintf("%.2f", p50[n] / peer50[n]) : "n/a"
        printf "  %-12s %8.3f %8.3f %8.2f %11.1f %9.1f %9.1f %9.3f %9.3f %11s\n", label(n),
            p50[n], p99[n], mx[n], first[n], rss[n], ext[n], peer50[n], peer99[n], ratio[n]
    }
    printf "\n  key times are gloss'\''s own (key read to frame flushed, the decision committed in\n"
    printf "  between; 10 us buckets); peer times are one decision'\''s transaction, BEGIN to COMMIT.\n"
    printf "  peak RSS is the session'\''s figure (VmHWM, read at its end); (wait4) is the same seen by the driver.\n"
    printf "  driver view, key written to the last byte of its frame (pty and scheduling included):\n"
    for (i = 1; i <= count; i++) {
        n = order[i]
        printf "    %s items: p50 %.3f ms, p99 %.3f ms; first frame seen %.1f ms after fork; %d keystrokes recorded\n",
            label(n), drv50[n], drv99[n], ready[n], keys[n]
    }
    split(silent, s, " "); nosil = 0
    for (i in s) nosil += s[i]
    if (nosil > 0) printf "  warning: %d keys drew no frame within the driver'\''s timeout\n", nosil
    printf "\n  targets:\n"
    for (i = 1; i <= count; i++) {
        n = order[i]
        target(p50[n] + 0 <= t_p50 + 0, sprintf("key p50 at %s items <= %s ms (%.3f)", label(n), t_p50, p50[n]))
        target(p99[n] + 0 <= t_p99 + 0, sprintf("key p99 at %s items <= %s ms (%.3f)", label(n), t_p99, p99[n]))
    }
    if (large != small) {
        scale = p50[small] > 0 ? p50[large] / p50[small] : 1e9
        target(scale <= t_scale + 0, sprintf("key p50 at %s <= %s x key p50 at %s (%.2f x)", commas(large), t_scale, commas(small), scale))
    }
    target(first[large] + 0 <= t_first + 0, sprintf("first item drawn at %s items <= %s ms after launch (%.1f)", commas(large), t_first, first[large]))
    target(rss[large] + 0 <= t_rss + 0, sprintf("peak RSS labeling %s items <= %s MB (%.1f)", commas(large), t_rss, rss[large]))
    if ("pw" in p50) {
        target(first["pw"] + 0 <= t_first + 0, sprintf("first item drawn at %s items <= %s ms after launch (%.1f)", label("pw"), t_first, first["pw"]))
        target(rss["pw"] + 0 <= t_rss + 0, sprintf("peak RSS labeling %s items <= %s MB (%.1f)", label("pw"), t_rss, rss["pw"]))
    }
    if (import_line != "") {
        printf "  %s\n", import_line
        target(import_max + 0 <= t_import + 0, sprintf("slowest key while another process imports %s items <= %s ms (%.2f)", commas(large), t_import, import_max))
    }
    if (large != 1000000 || small != 10000)
        printf "  note: the targets are defined for 1,000,000 and 10,000 items; this run used %s and %s\n", commas(large), commas(small)
    printf "  script wall time: %d s\n", wall
    printf "%s\n", all ? "PASS" : "FAIL"
}'
