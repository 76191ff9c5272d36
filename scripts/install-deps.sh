#!/usr/bin/env bash
# Installs the Debian packages Briefing needs to build, run and test, skipping those present.
# Runs apt-get only when something is missing, so `make briefing` is quick on a ready machine.
set -euo pipefail

packages=(
  pkg-config
  libcairo2-dev libpango1.0-dev libfontconfig-dev   # drawing and text layout
  libcmark-gfm-dev libcmark-gfm-extensions-dev      # CommonMark parser with GFM tables and footnotes
  librsvg2-2                                        # SVG images in sections (opened when the first SVG is drawn)
  libqpdf-dev zlib1g-dev                            # completing the PDF for PDF/UA (catalog, XMP, alt text, artifacts)
  icc-profiles-free                                 # the sRGB profile a PDF/A-2b file names as its output intent
  libsqlite3-dev sqlite3                            # the edition store (GRDB), read back in tests
  libhyphen-dev hyphen-en-gb                        # hyphenation patterns
  poppler-utils qpdf                                # read generated PDFs back in tests and CI
  ghostscript                                       # a second renderer in CI: every output must render without a complaint
  cron procps                                       # scheduled regeneration (and its real-cron test)
  msmtp-mta python3-aiosmtpd                        # delivery: sendmail (msmtp) and the tests' real SMTP server
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The end-to-end tests read PDFs back with PyMuPDF (links, outline, page labels).
if ! python3 -c "import pymupdf" 2>/dev/null; then
  echo "installing: pymupdf (PyPI)"
  python3 -m pip install --quiet pymupdf
fi

# CI checks PDFs against the machine-checkable subset of PDF/UA-1 with pdfua (PyPI, on pikepdf).
if ! python3 -c "import pdfua" 2>/dev/null; then
  echo "installing: pdfua (PyPI)"
  python3 -m pip install --quiet pdfua
fi
