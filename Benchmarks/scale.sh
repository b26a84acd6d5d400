#!/usr/bin/env bash
# Scale benchmark: every bulk path of gloss at 1,000,000 and at 10,000,000 items,
# each beside its peer in the same run, with the growth factor from the smaller
# size to the larger for gloss and for the peer. See Benchmarks/README.md
# ("Scale benchmark").
#
#   bash Benchmarks/scale.sh                       # SIZES="1000000 10000000"
#   SIZES="10000 100000" RUNS=1 bash Benchmarks/scale.sh   # a quick try
#
# The stores are built once and kept in BENCH_DIR (default
# ~/.cache/gloss-scale-bench) under a stamp that names the size and the scripts
# that made them, as label.sh does; at 10M they take about 9 GB and 20-30
# minutes to build. Each run then measures, at each size:
#   import      `gloss import` of the JSONL into a new store, then the same file
#               again (all duplicates), beside `sqlite3 .import` of the same rows
#               as CSV (as import.sh does);
#   export      `gloss export --format jsonl` of every item, each with one
#               decision, beside `sqlite3 .mode json` of the same rows (export.sh);
#   stats       `gloss stats --json` on as many decisions as items, beside sqlite3
#               counting and summing those decision rows;
#   search      the labeler's `/` (a word no item holds; six words of the item
#               nine tenths of the way in), from Enter to the frame, beside sqlite3
#               running the same full-text query;
#   launch      `gloss label` from exec to the frame with the first item, beside
#               sqlite3 opening the store and reading that item;
#   datasets, projects   the commands, beside sqlite3 reading the datasets table;
#   train       `gloss train --reference` on a tenth of the items (100k, 1M) with
#               labels their words decide, beside fastText (wordNgrams 2, epoch
#               25, lr 0.5, one thread, as classifier.sh) on the same 80% of rows.
# Exits 0 whether or not the targets are met (it is a measurement); non-zero
# only when something broke.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

SIZES="${SIZES:-1000000 10000000}"
RUNS="${RUNS:-3}"
IMPORT_RUNS="${IMPORT_RUNS:-1}"
GLOSS_BIN="${GLOSS_BIN:-}"
BENCH_DIR="${BENCH_DIR:-$HOME/.cache/gloss-scale-bench}"
VENV="${GLOSS_BENCH_VENV:-$HOME/.cache/gloss-bench-venv}"
GUIDE="$REPO_ROOT/guides/sentiment.md"

export LC_ALL=C

log() { printf '==> %s\n' "$*" >&2; }
die() {
    printf 'scale.sh: error: %s\n' "$*" >&2
    exit 1
}

read -r -a SIZE_LIST <<<"$SIZES"
((${#SIZE_LIST[@]} >= 1)) || die "SIZES names no size"
for n in "${SIZE_LIST[@]}"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] && ((n >= 1000)) || die "each size must be an integer of at least 1000, got '$n'"
done
for var in RUNS IMPORT_RUNS; do
    [[ "${!var}" =~ ^[1-9][0-9]*$ ]] || die "$var must be a positive integer, got '${!var}'"
done
command -v sqlite3 >/dev/null || die "sqlite3 not found (apt-get install sqlite3)"
command -v python3 >/dev/null || die "python3 not found"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (apt-get install time)"
[[ -n "$GLOSS_BIN" ]] || command -v swift >/dev/null || die "swift not found"

mkdir -p "$BENCH_DIR"
WORK="$(cd "$BENCH_DIR" && pwd)"
RESULTS="$WORK/results.txt"
: >"$RESULTS"

# --- tools -------------------------------------------------------------------

if [[ -n "$GLOSS_BIN" ]]; then
    GLOSS="$GLOSS_BIN"
else
    log "building gloss (release)"
    (cd "$REPO_ROOT" && swift build -c release --product gloss) >&2 || die "swift build -c release failed"
    GLOSS="$(cd "$REPO_ROOT" && swift build -c release --show-bin-path)/gloss"
fi
[[ -x "$GLOSS" ]] || die "gloss binary not found at $GLOSS"

PY="$VENV/bin/python"
if ! "$PY" -c 'import fasttext' 2>/dev/null; then
    log "installing fastText into $VENV"
    [[ -x "$PY" ]] || python3 -m venv "$VENV" || die "could not create a virtualenv at $VENV"
    "$PY" -m pip install -q 'numpy<2' >&2 || die "pip could not install numpy into $VENV"
    "$PY" -m pip install -q fasttext >&2 || "$PY" -m pip install -q fasttext-wheel >&2 ||
        die "pip could not install fasttext (nor fasttext-wheel) into $VENV"
fi

sum_of() { sha256sum "$@" | cut -c1-16 | tr '\n' ' '; }

# seconds CMD... — wall seconds of CMD (4 decimals); its output goes to $WORK/out.txt, its
# standard input is the caller's.
seconds() {
    local start=$EPOCHREALTIME
    "$@" >"$WORK/out.txt" 2>"$WORK/err.txt" || {
        cat "$WORK/err.txt" >&2
        die "failed: $*"
    }
    awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f", b - a }'
}

# timed_rss CMD... — sets WALL (s) and RSS_KB (peak) of CMD; its output goes to $WORK/out.txt.
timed_rss() {
    local start=$EPOCHREALTIME
    /usr/bin/time -f '%M' -o "$WORK/rss.txt" "$@" >"$WORK/out.txt" 2>"$WORK/err.txt" || {
        cat "$WORK/err.txt" >&2
        die "failed: $*"
    }
    WALL="$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f", b - a }')"
    RSS_KB="$(tail -n 1 "$WORK/rss.txt")"
}

# mb KIB... — the median of peak RSS figures in KiB, in MB.
mb() { median "$@" | awk '{ printf "%.1f", $1 * 1024 / 1e6 }'; }

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.4f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# record SIZE KEY VALUE — one figure for the report.
record() { printf '%s %s %s\n' "$1" "$2" "$3" >>"$RESULTS"; }

# --- stores ------------------------------------------------------------------

# The version of build_store's recipe: a change to it must change this number, so that kept
# stores are built again (the stamp does not take this script's own checksum, which would
# rebuild a 10M store for every edit of a measurement).
STORE_RECIPE=1

# build_store N — items-N.jsonl/.csv, train-N.jsonl/.txt, search-N.json and store-N.db,
# each rebuilt only when its stamp differs.
build_store() {
    local n="$1" items="$WORK/items-$n.jsonl" store="$WORK/store-$n.db" m=$(($1 / 10))
    local want_items="n=$n generate=$(sum_of "$SCRIPT_DIR/generate.py") prep=$(sum_of "$SCRIPT_DIR/scale_prep.py")"
    if [[ -s "$items" && "$(cat "$WORK/items-$n.stamp" 2>/dev/null)" == "$want_items" ]]; then
        log "reusing the items of size $n"
    else
        rm -f -- "$WORK/items-$n.stamp" "$WORK/store-$n.stamp"
        log "generating $n items"
        python3 "$SCRIPT_DIR/generate.py" --n "$n" --jsonl "$items" --csv "$WORK/items-$n.csv" >&2 || die "generate.py failed"
        python3 "$SCRIPT_DIR/scale_prep.py" train --items "$items" --count "$m" \
            --jsonl "$WORK/train-$n.jsonl" --fasttext "$WORK/train-$n.txt" || die "scale_prep.py train failed"
        python3 "$SCRIPT_DIR/scale_prep.py" search --items "$items" --count "$n" >"$WORK/search-$n.json" ||
            die "scale_prep.py search failed"
        printf '%s\n' "$want_items" >"$WORK/items-$n.stamp"
    fi

    local want_store="$want_items guide=$(sum_of "$GUIDE") values=$(sum_of "$SCRIPT_DIR/value_check.py") recipe=$STORE_RECIPE"
    # The stamp is written last, so an interrupted build leaves none (a WAL file beside the
    # store is only what a reader's connection left).
    if [[ -s "$store" && "$(cat "$WORK/store-$n.stamp" 2>/dev/null)" == "$want_store" ]]; then
        log "reusing $store"
        return
    fi
    rm -f -- "$store" "$store-wal" "$store-shm" "$WORK/store-$n.stamp"
    log "building the store of $n items (import, projects, $n decisions by SQL, the word index)"
    "$GLOSS" import "$items" --dataset items --db "$store" >/dev/null || die "gloss import failed"
    "$GLOSS" import "$WORK/train-$n.jsonl" --dataset train --label-field label --db "$store" >/dev/null ||
        die "gloss import of the training rows failed"
    local project
    for project in bench:items look:items train:train; do
        "$GLOSS" project create "${project%%:*}" --dataset "${project#*:}" --guide "$GUIDE" --author bench \
            --db "$store" >/dev/null || die "gloss project create ${project%%:*} failed"
    done
    local bench_id items_id
    bench_id="$(sqlite3 "$store" "SELECT id FROM projects WHERE name = 'bench'")"
    items_id="$(sqlite3 "$store" "SELECT id FROM datasets WHERE name = 'items'")"
    # Each value goes with its checksum, as Gloss's writers store it (export verifies it).
    local checks
    read -r -a checks <<<"$(python3 "$SCRIPT_DIR/value_check.py" '{"label":"positive"}' '{"label":"negative"}' '{"label":"neutral"}' | tr '\n' ' ')"
    [[ "${#checks[@]}" == 3 ]] || die "value_check.py failed"
    sqlite3 "$store" >/dev/null <<SQL || die "could not write the decisions"
INSERT INTO annotators (name, created_at) VALUES ('bench', '2026-11-25 00:00:00.000');
INSERT INTO annotations (project_id, item_id, annotator_id, kind, value, value_check, guide_version, decided_at, active_ms)
SELECT $bench_id, id, (SELECT id FROM annotators WHERE name = 'bench'), 'label',
       CASE id % 3 WHEN 0 THEN '{"label":"positive"}' WHEN 1 THEN '{"label":"negative"}' ELSE '{"label":"neutral"}' END,
       CASE id % 3 WHEN 0 THEN ${checks[0]} WHEN 1 THEN ${checks[1]} ELSE ${checks[2]} END,
       1, '2026-11-25 00:00:00.000', 1000 + id % 4000
FROM items WHERE dataset_id = $items_id ORDER BY id;
INSERT OR REPLACE INTO annotator_progress (project_id, annotator_id, frontier, decided)
SELECT $bench_id, (SELECT id FROM annotators WHERE name = 'bench'), MAX(id) + 1, COUNT(*) FROM items WHERE dataset_id = $items_id;
-- The word index a running labeler fills in the background, filled at once.
INSERT INTO item_search (rowid, text) SELECT id, text FROM items
WHERE id > (SELECT through_item FROM item_search_progress WHERE id = 1) ORDER BY id;
UPDATE item_search_progress SET through_item = (SELECT MAX(id) FROM items) WHERE id = 1;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
    local count
    count="$(sqlite3 "$store" "SELECT COUNT(*) FROM annotations WHERE project_id = $bench_id")"
    [[ "$count" == "$n" ]] || die "the store holds $count decisions, expected $n"
    sync # the new store's pages go to disk now, not during the timed runs
    printf '%s\n' "$want_store" >"$WORK/store-$n.stamp"
}

# --- measurements ------------------------------------------------------------

measure_import() {
    local n="$1" scratch="$WORK/scratch.db" plain="$WORK/plain.db" run
    local G=() A=() S=() R=()
    for ((run = 1; run <= IMPORT_RUNS; run++)); do
        rm -f -- "$plain" "$plain-wal" "$plain-shm"
        S+=("$(seconds sqlite3 "$plain" "CREATE TABLE items(id TEXT, text TEXT);" ".import --csv --skip 1 $WORK/items-$n.csv items")")
        [[ ! -s "$WORK/err.txt" ]] || die "sqlite3 .import reported problems: $(head -n 3 "$WORK/err.txt")"
        rm -f -- "$plain" "$scratch" "$scratch-wal" "$scratch-shm"
        timed_rss "$GLOSS" import "$WORK/items-$n.jsonl" --dataset items --db "$scratch"
        G+=("$WALL") R+=("$RSS_KB")
        timed_rss "$GLOSS" import "$WORK/items-$n.jsonl" --dataset items --db "$scratch"
        grep -q ': 0 added, ' "$WORK/out.txt" || die "re-importing added items: $(cat "$WORK/out.txt")"
        A+=("$WALL")
        log "size $n import run $run: gloss ${G[-1]} s (again ${A[-1]} s, peak RSS $((R[-1] / 1024)) MiB), sqlite3 ${S[-1]} s"
    done
    rm -f -- "$scratch" "$scratch-wal" "$scratch-shm"
    record "$n" import "$(median "${G[@]}")"
    record "$n" import_peer "$(median "${S[@]}")"
    record "$n" reimport "$(median "${A[@]}")"
    record "$n" import_rss_mb "$(mb "${R[@]}")"
}

measure_export() {
    local n="$1" store="$WORK/store-$n.db" run bench_id
    bench_id="$(sqlite3 "$store" "SELECT id FROM projects WHERE name = 'bench'")"
    local peer_sql=".mode json
SELECT i.external_id AS id, i.text AS text, a.value AS value, n.name AS annotator
FROM annotations a JOIN items i ON i.id = a.item_id JOIN annotators n ON n.id = a.annotator_id
WHERE a.project_id = $bench_id AND a.superseded_by IS NULL AND a.undone_at IS NULL ORDER BY a.item_id;"
    local G=() P=() R=()
    printf '%s\n' "$peer_sql" | sqlite3 "$store" >"$WORK/peer.json" # warms the page cache
    for ((run = 1; run <= RUNS; run++)); do
        P+=("$(seconds sqlite3 -cmd ".output $WORK/peer.json" "$store" <<<"$peer_sql")")
        rm -rf -- "$WORK/export"
        timed_rss "$GLOSS" export bench --format jsonl --out "$WORK/export" --db "$store"
        G+=("$WALL") R+=("$RSS_KB")
        log "size $n export run $run: gloss ${G[-1]} s (peak RSS $((R[-1] / 1024)) MiB), sqlite3 ${P[-1]} s"
    done
    local lines
    lines="$(wc -l <"$WORK/export/data.jsonl")"
    [[ "$lines" == "$n" ]] || die "the export has $lines lines, expected $n"
    [[ "$(grep -c '"id":' "$WORK/peer.json")" == "$n" ]] || die "sqlite3 wrote other than $n rows"
    rm -rf -- "$WORK/export" "$WORK/peer.json"
    record "$n" export "$(median "${G[@]}")"
    record "$n" export_peer "$(median "${P[@]}")"
    record "$n" export_rss_mb "$(mb "${R[@]}")"
}

measure_stats() {
    local n="$1" store="$WORK/store-$n.db" run bench_id
    bench_id="$(sqlite3 "$store" "SELECT id FROM projects WHERE name = 'bench'")"
    local peer_sql="SELECT COUNT(*), SUM(active_ms), COUNT(DISTINCT annotator_id), SUM(length(value)) FROM annotations
WHERE project_id = $bench_id AND superseded_by IS NULL AND undone_at IS NULL;"
    local G=() P=() R=()
    for ((run = 1; run <= RUNS; run++)); do
        P+=("$(seconds sqlite3 "$store" "$peer_sql")")
        [[ "$(cut -d'|' -f1 "$WORK/out.txt")" == "$n" ]] || die "sqlite3 counted $(cat "$WORK/out.txt"), expected $n decisions"
        timed_rss "$GLOSS" stats bench --json --db "$store"
        grep -q "\"decisions\" *: *$n\b" "$WORK/out.txt" || die "gloss stats does not count $n decisions"
        G+=("$WALL") R+=("$RSS_KB")
    done
    log "size $n stats: gloss $(median "${G[@]}") s, sqlite3 $(median "${P[@]}") s"
    record "$n" stats "$(median "${G[@]}")"
    record "$n" stats_peer "$(median "${P[@]}")"
    record "$n" stats_rss_mb "$(mb "${R[@]}")"
}

measure_listings() {
    local n="$1" store="$WORK/store-$n.db" run
    local D=() J=() P=()
    for ((run = 1; run <= RUNS; run++)); do
        D+=("$(seconds "$GLOSS" datasets --db "$store")")
        tr -d , <"$WORK/out.txt" | grep -q "^items *$n " || die "gloss datasets does not show $n items: $(cat "$WORK/out.txt")"
        J+=("$(seconds "$GLOSS" projects --db "$store")")
        P+=("$(seconds sqlite3 "$store" "SELECT * FROM datasets; SELECT * FROM projects;")")
    done
    log "size $n listings: datasets $(median "${D[@]}") s, projects $(median "${J[@]}") s, sqlite3 $(median "${P[@]}") s"
    record "$n" datasets "$(median "${D[@]}")"
    record "$n" projects "$(median "${J[@]}")"
    record "$n" listing_peer "$(median "${P[@]}")"
}

measure_labeler() {
    local n="$1" store="$WORK/store-$n.db" run
    local q first first_id absent query found
    q="$WORK/search-$n.json"
    { read -r first; read -r first_id; read -r absent; read -r query; read -r found; } < <(python3 -c '
import json, sys
q = json.load(open(sys.argv[1]))
print("\n".join(q[k] for k in ("first", "first_id", "absent", "query", "found")))' "$q")
    local fts_none fts_found
    fts_none="SELECT s.rowid FROM item_search s WHERE item_search MATCH '\"$absent\"*' ORDER BY s.rowid LIMIT 1;"
    fts_found="SELECT s.rowid FROM item_search s WHERE item_search MATCH '$(sed 's/\([^ ]*\)/"\1"*/g; s/ / AND /g' <<<"$query")' AND s.rowid > 1 ORDER BY s.rowid LIMIT 1;"
    local L=() N=() F=() PL=() PN=() PF=()
    for ((run = 1; run <= RUNS; run++)); do
        python3 "$SCRIPT_DIR/scale_driver.py" --gloss "$GLOSS" --db "$store" --project look --annotator bench \
            --first "$first" --first-id "$first_id" --search "$absent" --expect "no item contains" \
            --search "$query" --expect "$found" >"$WORK/driver.json" || die "scale_driver.py failed: $(cat "$WORK/driver.json")"
        L+=("$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["launch_ms"] / 1000)' "$WORK/driver.json")")
        N+=("$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["search_ms"][0] / 1000)' "$WORK/driver.json")")
        F+=("$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["search_ms"][1] / 1000)' "$WORK/driver.json")")
        PL+=("$(seconds sqlite3 "$store" "SELECT text FROM items ORDER BY id LIMIT 1;")")
        PN+=("$(seconds sqlite3 "$store" "$fts_none")")
        [[ ! -s "$WORK/out.txt" ]] || die "the word index finds '$absent'"
        PF+=("$(seconds sqlite3 "$store" "$fts_found")")
        [[ -s "$WORK/out.txt" ]] || die "the word index does not find '$query'"
        log "size $n labeler run $run: launch ${L[-1]} s, search none ${N[-1]} s, found ${F[-1]} s; sqlite3 ${PL[-1]} / ${PN[-1]} / ${PF[-1]} s"
    done
    record "$n" launch "$(median "${L[@]}")"
    record "$n" launch_peer "$(median "${PL[@]}")"
    record "$n" search_none "$(median "${N[@]}")"
    record "$n" search_none_peer "$(median "${PN[@]}")"
    record "$n" search_found "$(median "${F[@]}")"
    record "$n" search_found_peer "$(median "${PF[@]}")"
}

measure_train() {
    local n="$1" store="$WORK/store-$n.db" m=$(($1 / 10))
    timed_rss "$GLOSS" train train --reference --db "$store"
    local accuracy
    accuracy="$(sed -n 's/.*accuracy \([0-9.]*\).*/\1/p' "$WORK/out.txt" | head -n 1)"
    log "size $n train ($m rows): gloss $WALL s, peak RSS $((RSS_KB / 1024)) MiB, held-out accuracy $accuracy"
    record "$n" train "$WALL"
    record "$n" train_rss_mb "$(awk -v k="$RSS_KB" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }')"
    record "$n" train_accuracy "$accuracy"
    "$PY" - "$WORK/train-$n.txt" "$WORK" >"$WORK/fasttext.txt" <<'PY' || die "fastText failed"
import os, sys, time
import fasttext
rows = open(sys.argv[1], encoding="utf-8").read().splitlines()
cut = len(rows) * 4 // 5
train, test = os.path.join(sys.argv[2], "ft-train.txt"), rows[cut:]
with open(train, "w", encoding="utf-8") as f:
    f.write("\n".join(rows[:cut]) + "\n")
start = time.perf_counter()
model = fasttext.train_supervised(input=train, thread=1, verbose=0, wordNgrams=2, epoch=25, lr=0.5)
seconds = time.perf_counter() - start
os.unlink(train)
labels = [r.split(" ", 1)[0] for r in test]
found, _ = model.predict([r.split(" ", 1)[1] for r in test], k=1)
print(f"{seconds:.4f} {sum(f[0] == l for f, l in zip(found, labels)) / len(labels):.3f}")
PY
    read -r ft_seconds ft_accuracy <"$WORK/fasttext.txt"
    log "size $n train ($m rows): fastText $ft_seconds s, held-out accuracy $ft_accuracy"
    record "$n" train_peer "$ft_seconds"
    record "$n" train_peer_accuracy "$ft_accuracy"
}

for n in "${SIZE_LIST[@]}"; do build_store "$n"; done
for n in "${SIZE_LIST[@]}"; do
    measure_listings "$n"
    measure_labeler "$n"
    measure_stats "$n"
    measure_export "$n"
    measure_import "$n"
    measure_train "$n"
done

python3 "$SCRIPT_DIR/scale_report.py" "$RESULTS" "$RUNS" "$IMPORT_RUNS"
