#!/usr/bin/env bash
# docs/SPARK.md "Measured": in-process `ichnet predict` and `ichnet batch --master local[2]` back to back on the same
# CT-ICH patient folders (default: the full release beside the checkout), wall time and peak memory of each, and
# batch / predict as throughput ratios: of the whole commands, and of the batch job alone (its own "in X s", without
# the JVM and Spark start) against the whole predict command. Extra arguments go to `ichnet batch` (e.g. --model).
# Usage: tools/bench-batch.sh [DATA_DIR] [PATIENTS] [BATCH_ARGS...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$here/../shared/data/ct-ich}"
patients="${2:-72}"
shift $(( $# < 2 ? $# : 2 ))
work="$(mktemp -d)"
mapfile -t folders < <(find "$data/Patients_CT" -mindepth 1 -maxdepth 1 -type d | sort | head -n "$patients")
mkdir -p "$work/in"
for f in "${folders[@]}"; do ln -s "$(cd "$f" && pwd)" "$work/in/$(basename "$f")"; done
slices=$(find -L "$work/in" -path '*/brain/*.jpg' ! -name '*_HGE_Seg*' | wc -l)
# build both commands if needed, and read the slices once, so that neither timed run pays for a build or a cold disk
"$here/ichnet" --version >/dev/null
"$here/ichnet" batch --help >/dev/null
find -L "$work/in" -type f -exec cat {} + >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); ${#folders[@]} patients, $slices slices"
measure() { # label, command...
  local label="$1"; shift
  local t0 t1
  t0=$(date +%s.%N)
  # predict exits 2 when it skipped an unreadable file (a few in the CT-ICH release); the rest is still predicted
  /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>"$work/$label.err" || [ $? -eq 2 ] || { cat "$work/$label.err"; exit 1; }
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }' >"$work/$label.wall"
  awk -v l="$label" -v w="$(cat "$work/$label.wall")" -v n="$slices" -v kb="$(cat "$work/rss")" \
    'BEGIN { printf "%-8s %6.1f s  %6.1f slices/s  peak RSS %.2f GiB\n", l, w, n / w, kb / 1048576 }'
  grep -h "ichnet batch:\|skipped" "$work/$label.err" | head -5 || true
}
measure predict "$here/ichnet" predict --no-progress --csv "$work/predict.csv" "$work"/in/*
measure batch "$here/ichnet" batch --master 'local[2]' --input "$work/in" --out "$work/out" "$@"
# the summary line: "ichnet batch: N scans (...), N slices in 21.9 s (...)"
job=$(sed -n 's/^ichnet batch: .* slices in \([0-9.]*\) s .*/\1/p' "$work/batch.err" | head -1)
awk -v p="$(cat "$work/predict.wall")" -v b="$(cat "$work/batch.wall")" -v j="${job:-0}" 'BEGIN {
  printf "batch / predict throughput: whole command %.0f%%", 100 * p / b
  if (j > 0) printf ", job alone %.0f%% (batch job %.1f s, JVM and Spark start and stop %.1f s)", 100 * p / j, j, b - j
  printf "\n" }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"
