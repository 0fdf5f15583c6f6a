#!/usr/bin/env bash
# Renders a report page (`dipdoc report --format html -o report.html`) to an A4-shaped PNG with headless
# Chromium, to look at it as a reader would: render-report.sh report.html report.png [report.pdf]
# With a third argument, also prints the page to a PDF (A4, the page's own @page rules) to check the print
# layout. Chromium (Debian's `chromium`, or `chromium-browser`/`google-chrome`) must be installed.
# The page needs no network: it is one file with its styles and charts inline.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 REPORT.html OUT.png [OUT.pdf]" >&2
  exit 2
fi
html=$(realpath "$1")
png=$(realpath -m "$2")
pdf=${3:+$(realpath -m "$3")}
[[ -r "$html" ]] || { echo "$0: cannot read $1" >&2; exit 2; }

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null; then browser=$candidate; break; fi
done
[[ -n "$browser" ]] || { echo "$0: no chromium found (apt-get install chromium)" >&2; exit 1; }

# A fresh profile, so that a running browser and its settings play no part.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --disable-gpu --no-sandbox --user-data-dir="$profile" --hide-scrollbars
       --no-first-run --disable-extensions --force-device-scale-factor=1)

# 1240x1754 is A4 at 150 dpi.
"$browser" "${flags[@]}" --window-size=1240,1754 --screenshot="$png" "file://$html" 2>/dev/null
[[ -s "$png" ]] || { echo "$0: chromium wrote no $png" >&2; exit 1; }
echo "$png"
if [[ -n "$pdf" ]]; then
  "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html" 2>/dev/null
  [[ -s "$pdf" ]] || { echo "$0: chromium wrote no $pdf" >&2; exit 1; }
  echo "$pdf"
fi
