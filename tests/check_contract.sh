#!/bin/sh
# Runs ../shared/tools/check-contract.py on the seeds and the project's corpus; exit 77 (skipped) without it.
dipdoc=$1
project=$2
shared="$project/../shared"
if [ ! -f "$shared/tools/check-contract.py" ]; then
  echo "skipped: $shared/tools/check-contract.py is absent"
  exit 77
fi
exec python3 "$shared/tools/check-contract.py" "$dipdoc" "$shared"/seeds/*.txt "$project"/corpora/documents/*
