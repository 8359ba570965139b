#!/usr/bin/env bash
# Builds the lab.   scripts/build.sh [native] [wasm] [site]   (no argument: all three)
#   native  build/native: the `lab` CLI, the Catch2 tests, the benchmark
#   wasm    build/wasm:   lab-simd.{js,wasm} and lab-scalar.{js,wasm}
#   site    build/site:   the self-contained static lab (needs wasm)
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs  # Debian's emscripten finds its Node modules (acorn) there
jobs=$(nproc)
targets=("$@")
((${#targets[@]})) || targets=(native wasm site)

for target in "${targets[@]}"; do
  case "$target" in
    native)
      cmake --preset native >/dev/null
      cmake --build --preset native -j"$jobs"
      ;;
    wasm)
      cmake --preset wasm >/dev/null
      cmake --build --preset wasm -j"$jobs"
      ;;
    site)
      # The course's Python and figures are an optional input of the site (README: "The course's own files"):
      # named by LAB_COURSE_SOLUTIONS and LAB_COURSE_FIGURES, or taken from ../shared/reference when it is there.
      course=../shared/reference
      if [[ -z "${LAB_COURSE_SOLUTIONS:-}" && -f $course/notebook_solutions.txt ]]; then
        export LAB_COURSE_SOLUTIONS=$PWD/$course/notebook_solutions.txt
      fi
      if [[ -z "${LAB_COURSE_FIGURES:-}" && -d $course/figures ]]; then
        export LAB_COURSE_FIGURES=$PWD/$course/figures
      fi
      cmake --preset wasm >/dev/null
      cmake --build --preset site -j"$jobs"
      ;;
    *)
      echo "build: unknown target '$target' (use native, wasm or site)" >&2
      exit 2
      ;;
  esac
done
