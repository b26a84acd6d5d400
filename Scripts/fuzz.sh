#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each, one after another in one process, for
# SECONDS (default 60), then prints executions, coverage and findings per target.
#   Scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. Scripts/fuzz.sh 300 FuzzGuideLint
# Seeds are read from Fuzz/Corpus/<target>/ (committed, small); what the fuzzer adds goes to
# Fuzz/.build/corpus/<target>/, crashes and hangs to Fuzz/.build/findings/<target>/, the full
# output to Fuzz/.build/logs/<target>.log. Exit status 1 when any target found something, 2
# when the targets do not build.
set -euo pipefail

seconds=${1:-60}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
fuzz="$root/Fuzz"
all=(FuzzImportJSONL FuzzImportCSV FuzzImportLabelStudio FuzzImportProdigy FuzzImportDoccano FuzzImportArgilla
     FuzzGuideLint FuzzCanonicalValue FuzzAnnotationLine)
targets=("${@:-${all[@]}}")

cd "$fuzz"
mkdir -p .build
if ! swift build -c release -Xswiftc -sanitize=fuzzer > .build/build.log 2>&1; then
    grep -E "error" .build/build.log >&2
    echo "the fuzz targets did not build; see Fuzz/.build/build.log" >&2
    exit 2
fi
bin=$(swift build -c release -Xswiftc -sanitize=fuzzer --show-bin-path)

# libFuzzer, not the Swift runtime's backtracer, must see a crash, so it saves the input.
export SWIFT_BACKTRACE=enable=no
found=0
printf "%-22s %8s %12s %8s %8s %s\n" target seconds executions cov ft findings | tee "$fuzz/.build/summary.txt"
for target in "${targets[@]}"; do
    corpus="$fuzz/.build/corpus/$target" findings="$fuzz/.build/findings/$target" log="$fuzz/.build/logs/$target.log"
    mkdir -p "$corpus" "$findings" "$(dirname "$log")"
    echo "fuzzing $target for ${seconds}s" >&2
    status=0 started=$SECONDS
    "$bin/$target" "$corpus" "$fuzz/Corpus/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$findings/" > "$log" 2>&1 || status=$?
    elapsed=$((SECONDS - started))
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    coverage=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
    cov=$(echo "$coverage" | awk '{print $2}') ft=$(echo "$coverage" | awk '{print $4}')
    outcome=none
    if [ "$status" -ne 0 ]; then
        found=1
        outcome="$(grep -Eo 'ERROR: libFuzzer: [a-z-]+|Fatal error: .*' "$log" | head -1); input: $(ls -t "$findings" | head -1)"
    fi
    printf '%-22s %8s %12s %8s %8s %s\n' "$target" "$elapsed" "${executions:-?}" "${cov:-?}" "${ft:-?}" "$outcome" \
        | tee -a "$fuzz/.build/summary.txt"
done
exit "$found"
