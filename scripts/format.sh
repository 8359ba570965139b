#!/usr/bin/env bash
# Formats the lab's C++ and JavaScript in place: clang-format (.clang-format) over every tracked .cpp/.hpp, then
# ESLint's fixable rules (eslint.config.mjs) over web/, tests/, bench/ and scripts/.   scripts/format.sh
# scripts/test.sh runs the same tools as checks and fails on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files '*.cpp' '*.hpp' | xargs clang-format -i --style=file
npx eslint --fix .
