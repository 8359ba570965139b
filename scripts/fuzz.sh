#!/usr/bin/env bash
# Runs every libFuzzer target of the fuzz build preset (tests/fuzz/fuzz_*.cpp, built in build/asan) for SECONDS each (default 30), starting
# from its seed corpus tests/fuzz/corpus/<target>/ (read only: what the run discovers goes to build/fuzz/corpus/).
#   scripts/fuzz.sh [seconds]
# Prints each target's executions; a crash, a sanitizer finding or a broken invariant stops the script with the
# input saved under build/fuzz/crashes/<target>/ (make it a regression test).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
# Unset, LAB_WARNINGS_AS_ERRORS keeps build/asan's setting, so the fuzzers reuse the sanitized core test.sh built.
configure_flags=()
if [[ -n "${LAB_WARNINGS_AS_ERRORS:-}" ]]; then configure_flags+=(-DLAB_WARNINGS_AS_ERRORS="$LAB_WARNINGS_AS_ERRORS"); fi
cmake --preset asan "${configure_flags[@]}" >/dev/null
cmake --build --preset fuzz -j"$(nproc)"

targets=(fuzz_input_gate fuzz_structured_output fuzz_utf8_tokenizers fuzz_exercise_texts)
for target in "${targets[@]}"; do
  work=build/fuzz/corpus/$target crashes=build/fuzz/crashes/$target
  mkdir -p "$work" "$crashes"
  log=build/fuzz/$target.log
  if ! build/asan/tests/fuzz/"$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$crashes/" "$work" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $target failed; the input is in $crashes/" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  echo "fuzz: $target: $runs executions in ${seconds} s, no finding (corpus $(ls "$work" | wc -l) new inputs)"
done
