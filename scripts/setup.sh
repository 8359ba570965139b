#!/usr/bin/env bash
# Installs what the lab needs on Debian 12 and is missing, then the npm packages (npm ci).
#   scripts/setup.sh                  compilers, Emscripten, headers, Node.js
#   scripts/setup.sh --with-browser   the same, plus Chromium for the browser tests
# Uses apt-get (through sudo when not root) only when a package is missing; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# clang + libclang-rt-14-dev: the asan and fuzz presets (AddressSanitizer, UBSan, libFuzzer).
packages=(cmake g++ make git clang-format clang libclang-rt-14-dev emscripten libeigen3-dev xtensor-dev
  nlohmann-json3-dev catch2)
if [[ "${1:-}" == "--with-browser" ]]; then
  packages+=(chromium fonts-noto-color-emoji)  # the font: emoji in the test screenshots
fi
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [[ "$(id -u)" == "0" ]] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm packages: Chart.js, highlight.js and wasm-feature-detect (vendored into the site), playwright-core (tests).
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi
echo "setup: ready"
