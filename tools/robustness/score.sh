#!/bin/bash
# Scores a model on every perturbed copy that perturb.py wrote: ./score.sh MODEL_DIR PERTURBED_DIR OUT_DIR
set -euo pipefail
model=$1 perturbed=$2 out=$3
mkdir -p "$out"
here=$(cd "$(dirname "$0")/../.." && pwd)
for d in "$perturbed"/*/; do
  name=$(basename "$d")
  [ -f "$out/$name/metrics.json" ] && continue
  rm -rf "$out/$name"
  "$here/ichnet" test --model "$model" "$d" --out "$out/$name" --bootstrap 300 > "$out-$name.log" 2>&1 || echo "$name: failed, see $out-$name.log" >&2
done
