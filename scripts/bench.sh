#!/usr/bin/env bash
# The benchmark suite: builds what it measures, runs it on this machine and writes BENCHMARKS.md.
#   scripts/bench.sh           full run (a few minutes): the float products, every exercise, the copy task
#                              against PyTorch (when python3-torch is installed), a first visit's transfer
#   scripts/bench.sh --short   one quick run of everything into build/BENCHMARKS-short.md (scripts/test.sh runs
#                              it: it checks that every program runs and fills every row, never a time)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--short" ]]; then
  [[ -n "${LAB_BENCH_NO_BUILD:-}" ]] || scripts/build.sh native wasm site
  node bench/bench.mjs --short --out build/BENCHMARKS-short.md
else
  scripts/build.sh native wasm site
  node bench/bench.mjs --out BENCHMARKS.md
fi
