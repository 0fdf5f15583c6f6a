#!/usr/bin/env bash
# Configures and builds dipdoc in build/ (tests included). Extra arguments go to cmake's configure step.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DDIPDOC_BUILD_TESTS=ON "$@" >/dev/null
cmake --build build -j"$(nproc)"
