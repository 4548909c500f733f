#!/usr/bin/env bash
# docs/SPARK.md "Measured": in-process `ichnet predict` and `ichnet batch --master local[2]` back to back on the same
# CT-ICH patient folders (default: the full release beside the checkout), wall time and peak memory of each.
# Usage: tools/bench-batch.sh [DATA_DIR] [PATIENTS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$here/../shared/data/ct-ich}"
patients="${2:-72}"
work="$(mktemp -d)"
mapfile -t folders < <(find "$data/Patients_CT" -mindepth 1 -maxdepth 1 -type d | sort | head -n "$patients")
mkdir -p "$work/in"
for f in "${folders[@]}"; do ln -s "$(cd "$f" && pwd)" "$work/in/$(basename "$f")"; done
slices=$(find -L "$work/in" -path '*/brain/*.jpg' ! -name '*_HGE_Seg*' | wc -l)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); ${#folders[@]} patients, $slices slices"
measure() { # label, command...
  local label="$1"; shift
  local t0 t1
  t0=$(date +%s.%N)
  # predict exits 2 when it skipped an unreadable file (a few in the CT-ICH release); the rest is still predicted
  /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>"$work/$label.err" || [ $? -eq 2 ] || { cat "$work/$label.err"; exit 1; }
  t1=$(date +%s.%N)
  awk -v l="$label" -v a="$t0" -v b="$t1" -v n="$slices" -v kb="$(cat "$work/rss")" \
    'BEGIN { printf "%-8s %6.1f s  %6.1f slices/s  peak RSS %.2f GiB\n", l, b - a, n / (b - a), kb / 1048576 }'
  grep -h "ichnet batch:\|skipped" "$work/$label.err" | head -5 || true
}
measure predict "$here/ichnet" predict --no-progress --csv "$work/predict.csv" "$work"/in/*
measure batch "$here/ichnet" batch --master 'local[2]' --input "$work/in" --out "$work/out"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"
