#!/usr/bin/env bash
# Front door 2: install what is missing, build everything, and run every test:
#   0. static: ESLint over the JavaScript, clang-format over the C++; the C++ builds with -Werror
#   1. native: the Catch2 tests through ctest (plus the JSON-Schema-Test-Suite, when ../shared has it)
#   2. wasm:   the module in Node (its Results equal the native CLI's)
#   3. page:   the served site in headless Chromium (playwright-core + Debian's /usr/bin/chromium)
#   4. asan:   the Catch2 tests again, built with AddressSanitizer + UBSan (preset asan; the maxima sweep, which
#              measures time and memory, is left to the native run)
#   5. fuzz:   every libFuzzer target for 30 s (scripts/fuzz.sh)
#   6. bench:  scripts/bench.sh --short: every benchmark runs once and fills its table (no time is asserted)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-browser

echo "== static checks (ESLint, clang-format)"
npx eslint .
scripts/check-format.sh

LAB_WARNINGS_AS_ERRORS=ON scripts/build.sh native wasm site

echo "== native tests (ctest)"
# The one optional input: the official JSON-Schema-Test-Suite, run when the course's copy sits beside the project
# (without it, its ctest entry is Skipped; see tests/CMakeLists.txt).
if [[ -d ../shared/reference/json-schema-test-suite ]]; then
  export LAB_JSON_SCHEMA_TEST_SUITE="$(realpath ../shared/reference/json-schema-test-suite)"
fi
ctest --preset native -j"$(nproc)"
echo "== wasm module in Node"
node --test tests/node/
echo "== the page in headless Chromium"
node --test tests/browser/
echo "== native tests under AddressSanitizer + UBSan (ctest --preset asan)"
LAB_WARNINGS_AS_ERRORS=ON scripts/build.sh asan
ctest --preset asan -j"$(nproc)" -LE maxima
echo "== fuzzing (scripts/fuzz.sh, 30 s per target)"
scripts/fuzz.sh 30
echo "== benchmarks, short mode (build/BENCHMARKS-short.md)"
LAB_BENCH_NO_BUILD=1 scripts/bench.sh --short
echo "== all tests passed"
