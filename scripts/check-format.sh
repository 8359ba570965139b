#!/usr/bin/env bash
# Fails, listing the files, when any tracked .cpp/.hpp differs from what clang-format (.clang-format) would write.
# scripts/format.sh rewrites them.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "check-format: clang-format is missing (scripts/setup.sh installs it)" >&2; exit 1; }
git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror --style=file
