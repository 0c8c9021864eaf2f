#!/usr/bin/env bash
# Benchmark of `ariadne triage` against `ariadne hash` on the same photos (see README.md in this folder).
# Usage: bench/triage-bench.sh [PHOTOS [ENTRIES]]   PHOTOS: bench/photos (built if missing), ENTRIES: 10000000
# Environment: RUNS (3), PASSES (3), SETS ("small large"), HASHSET_DIR (/tmp/ariadne-hashsets)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
photos=${1:-"$here/photos"}
entries=${2:-10000000}
runs=${RUNS:-3}
passes=${PASSES:-3}
data=${HASHSET_DIR:-/tmp/ariadne-hashsets}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$here/build-photo-sets.sh" "$photos" >&2
"$root/ariadne" --version >&2    # builds the launcher's jar if needed
big="$data/synthetic-$entries.vics.json"
[ -f "$big" ] || "$here/hashset-gen" "$data" "$entries" >&2

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "## triage benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo
echo "Hash set: $(basename "$big"), $(awk -v b="$(stat -c %s "$big")" 'BEGIN { printf "%.2f", b / 1e9 }') GB, plus a list of the photos' own hashes (every 10th MD5, every 10th PDQ)"
for set in ${SETS:-small large}; do
  dir="$photos/$set"
  n=$(find "$dir" -name '*.jpg' | wc -l)
  cat "$dir"/*.jpg > /dev/null    # warm page cache: the benchmark measures hashing and matching, not the disk
  # Some photos must be known and some similar, or matching would only ever miss.
  "$root/ariadne" hash --threads 2 --no-progress "$dir" | python3 -c '
import json, sys
for i, line in enumerate(sys.stdin):
    r = json.loads(line)
    if i % 10 == 0: print("md5:" + r["md5"])
    if i % 10 == 5 and r["pdq"]: print("pdq:" + r["pdq"])' > "$work/planted.txt"
  echo
  echo "### $set set: $n JPEGs passed $passes times a run, 2 threads, $runs runs each, alternated"
  args=(); for p in $(seq 1 "$passes"); do args+=("$dir"); done
  : > "$work/hash-rates"; : > "$work/triage-rates"; : > "$work/loads"
  for r in $(seq 1 "$runs"); do
    "$root/ariadne" hash --threads 2 --no-progress --timings "${args[@]}" > /dev/null 2> "$work/hash.txt"
    hash_rate=$(sed -n 's/^[0-9]* files in .*: \([0-9.]*\) files\/s.*/\1/p' "$work/hash.txt")
    rm -rf "$work/out"
    "$root/ariadne" triage --threads 2 --no-progress --hashset "$big" --hashset "$work/planted.txt" \
      --out "$work/out" "${args[@]}" 2> "$work/triage.txt"
    load=$(grep -m1 "^loaded $big" "$work/triage.txt" | sed -n 's/.* in \([0-9.]*\) s$/\1/p')
    files=$(sed -n 's/^triage: \([0-9]*\) files.* in \([0-9.]*\) s;.*/\1/p' "$work/triage.txt")
    secs=$(sed -n 's/^triage: \([0-9]*\) files.* in \([0-9.]*\) s;.*/\2/p' "$work/triage.txt")
    triage_rate=$(awk -v n="$files" -v s="$secs" 'BEGIN { printf "%.1f", n / s }')
    verdicts=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["verdicts"])' "$work/out/summary.json")
    echo "- run $r: hash $hash_rate files/s; triage $triage_rate files/s ($files files in $secs s, hash set loaded in $load s); verdicts $verdicts"
    echo "$hash_rate" >> "$work/hash-rates"; echo "$triage_rate" >> "$work/triage-rates"; echo "$load" >> "$work/loads"
  done
  h=$(median < "$work/hash-rates"); t=$(median < "$work/triage-rates"); l=$(median < "$work/loads")
  echo "- median: hash **$h files/s**, triage **$t files/s**: triage at **$(awk -v t="$t" -v h="$h" 'BEGIN { printf "%.0f", 100 * t / h }') %** of hash (goal >= 90 %); $entries-entry hash set loaded in **$l s** (median; goal <= 10 s)"
done
