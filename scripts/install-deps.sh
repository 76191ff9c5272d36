#!/usr/bin/env bash
# Installs the Debian packages Briefing needs, skipping those present; runs apt-get only when
# something is missing, so `make briefing` is quick on a ready machine.
#
#   scripts/install-deps.sh build   what building needs (headers, pkg-config, the man page tool's)
#   scripts/install-deps.sh test    what the tests and CI need besides (readers, cron, mail, lintian)
#   scripts/install-deps.sh bench   what `make bench` needs besides building (gcc's peer, PyMuPDF, Typst, valgrind)
#   scripts/install-deps.sh         build and test
#
# `make install` and `make deb` never run this: installing a program must not install (or,
# as msmtp-mta's Conflicts would, remove) packages behind a user's back. What an installed
# briefing needs at run time is listed in the README and is the .deb's Depends.
set -euo pipefail

build=(
  pkg-config dpkg-dev
  libcairo2-dev libpango1.0-dev libfontconfig-dev   # drawing and text layout
  libharfbuzz-dev                                   # subsetting the fonts the HTML edition carries (hb-subset)
  libcmark-gfm-dev libcmark-gfm-extensions-dev      # CommonMark parser with GFM tables and footnotes
  librsvg2-2                                        # SVG images in sections (opened when the first SVG is drawn)
  libqpdf-dev zlib1g-dev                            # completing the PDF for PDF/UA (libqpdf's header; the library is opened at run time)
  libdeflate-dev                                    # deflating page contents and the streams cairo leaves uncompressed
  icc-profiles-free                                 # the sRGB profile a PDF/A-2b file names as its output intent
  libsqlite3-dev                                    # the edition store (GRDB)
  libhyphen-dev hyphen-en-gb hyphen-en-us           # hyphenation patterns (British, the default, and American)
)
test=(
  sqlite3                                           # the edition store, read back in tests
  poppler-utils qpdf                                # read generated PDFs back in tests and CI
  ghostscript                                       # a second renderer in CI: every output must render without a complaint
  cron procps                                       # scheduled regeneration (and its real-cron test)
  msmtp-mta python3-aiosmtpd                        # delivery: sendmail (msmtp) and the tests' real SMTP server
  man-db bash-completion lintian                    # the installed man page, completion and .deb are checked
  chromium chromium-driver                          # a real browser: the mail's HTML, the HTML edition and the site checked with axe-core
  curl                                              # the live preview's server asked for paths it must refuse
)

case "${1:-all}" in
  build) packages=("${build[@]}") ;;
  bench) packages=("${build[@]}" poppler-utils valgrind binutils) ;;
  test) packages=("${test[@]}") ;;
  all) packages=("${build[@]}" "${test[@]}") ;;
  *) echo "usage: $0 [build|test|bench]" >&2; exit 64 ;;
esac

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

[ "${1:-all}" = build ] && exit 0

if [ "${1:-all}" = bench ]; then
  # The C baseline's draw list is read back with PyMuPDF; Typst is the peer (PyPI typst).
  for module in pymupdf typst; do
    if ! python3 -c "import $module" 2>/dev/null; then
      echo "installing: $module (PyPI)"
      python3 -m pip install --quiet "$module"
    fi
  done
  exit 0
fi

# The end-to-end tests read PDFs back with PyMuPDF (links, outline, page labels).
if ! python3 -c "import pymupdf" 2>/dev/null; then
  echo "installing: pymupdf (PyPI)"
  python3 -m pip install --quiet pymupdf
fi

# The mail's HTML part is opened in chromium through selenium and checked with axe-core (the
# copy axe-selenium-python ships).
if ! python3 -c "import selenium, axe_selenium_python" 2>/dev/null; then
  echo "installing: selenium, axe-selenium-python (PyPI)"
  python3 -m pip install --quiet selenium axe-selenium-python
fi

# CI checks PDFs against the machine-checkable subset of PDF/UA-1 with pdfua (PyPI, on pikepdf).
if ! python3 -c "import pdfua" 2>/dev/null; then
  echo "installing: pdfua (PyPI)"
  python3 -m pip install --quiet pdfua
fi
