#!/usr/bin/env bash
# Builds the lab.   scripts/build.sh [native] [wasm] [site] [asan]   (no argument: native, wasm and site)
#   native  build/native: the `lab` CLI, the Catch2 tests, the benchmark
#   asan    build/asan:   the CLI and the Catch2 tests with AddressSanitizer + UBSan (clang-14)
#   wasm    build/wasm:   lab-simd.{js,wasm} and lab-scalar.{js,wasm}
#   site    build/site:   the self-contained static lab (needs wasm)
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's emscripten finds its Node modules (acorn) in /usr/share/nodejs, which Node does not search by itself.
if [[ -d /usr/share/nodejs ]]; then export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}; fi
# LAB_WARNINGS_AS_ERRORS=ON (scripts/test.sh, CI): the lab's own code must compile without a single warning.
# Unset, a build folder keeps the setting it was configured with (so a later plain build does not recompile all).
configure_flags=()
if [[ -n "${LAB_WARNINGS_AS_ERRORS:-}" ]]; then configure_flags+=(-DLAB_WARNINGS_AS_ERRORS="$LAB_WARNINGS_AS_ERRORS"); fi
# ccache, when installed, keeps compiled objects between builds and between clones of the project.
if command -v ccache >/dev/null 2>&1 && [[ -z "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ]]; then
  export CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
fi
jobs=$(nproc)
targets=("$@")
((${#targets[@]})) || targets=(native wasm site)

for target in "${targets[@]}"; do
  case "$target" in
    native)
      cmake --preset native "${configure_flags[@]}" >/dev/null
      cmake --build --preset native -j"$jobs"
      ;;
    wasm)
      emcmake cmake --preset wasm "${configure_flags[@]}" >/dev/null
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
      emcmake cmake --preset wasm "${configure_flags[@]}" >/dev/null
      cmake --build --preset site -j"$jobs"
      ;;
    asan)
      cmake --preset asan "${configure_flags[@]}" >/dev/null
      cmake --build --preset asan -j"$jobs"
      ;;
    *)
      echo "build: unknown target '$target' (use native, wasm, site or asan)" >&2
      exit 2
      ;;
  esac
done
