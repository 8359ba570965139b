#!/usr/bin/env bash
# Front door 1: install what is missing, build the site, and serve it on http://localhost:8000 (PORT=... to change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh wasm site
exec node scripts/serve.mjs build/site --port "${PORT:-8000}"
