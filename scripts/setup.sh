#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and runs the main job on corpora/:
# ingest it into ./dipdoc-db, then print the index's stats and a sample search.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
build/dipdoc ingest corpora/documents
build/dipdoc stats
build/dipdoc search --limit 3 Pfizer
