#!/usr/bin/env bash
# Installs the Debian 12 packages dipdoc needs to build, run and test. Idempotent: quiet, and touches
# nothing, when every package is already there.
set -euo pipefail

packages=(
  build-essential cmake pkg-config   # the toolchain
  libicu-dev                         # Unicode normalisation, encodings
  libxapian-dev                      # the index
  libzstd-dev                        # the records the index keeps, compressed
  rapidjson-dev                      # JSON
  libcli11-dev                       # the command line
  libkainjow-mustache-dev            # letter templates (Mustache)
  libcpp-httplib-dev                 # the HTTP server
  chromium chromium-driver           # headless: the web UI's browser test, report rendering
  python3-selenium                   # drives the browser test
  libssl-dev                         # SHA-256 content ids
  libgumbo-dev                       # HTML5 parsing
  libcld2-dev                        # language identification
  libtesseract-dev libleptonica-dev  # OCR, and image reading
  tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng tesseract-ocr-fra  # OCR models (and the CLI baseline)
  python3-pil fonts-dejavu-core      # renders the test scans from corpus text
  qpdf                               # merges and encrypts the test PDFs
  libpoppler-cpp-dev                 # PDF
  libmagic-dev                       # file types by content
  libgmime-3.0-dev                   # e-mail (MIME)
  libzip-dev libpugixml-dev          # DOCX and ODT (zip archives of XML)
  catch2                             # tests (v2)
  python3                            # runs ../shared/tools/check-contract.py in the test suite
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "dipdoc: installing ${missing[*]}" >&2
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
