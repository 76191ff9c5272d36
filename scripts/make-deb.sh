#!/usr/bin/env bash
# Builds .build/deb/briefing_VERSION_ARCH.deb from what `make share` and the release build
# made: the files `make install PREFIX=/usr` installs, the Debian copyright and changelog,
# Depends computed by dpkg-shlibdeps from the binary (plus what it opens at run time), and
# cron and a sendmail as Recommends. Run by `make deb`; needs dpkg-dev (install-deps build).
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: make-deb.sh VERSION}
arch=$(dpkg --print-architecture)
name="briefing_${version}_${arch}"
stage=.build/deb/$name
rm -rf "$stage"
mkdir -p "$stage"
make --no-print-directory install DESTDIR="$stage" PREFIX=/usr >/dev/null
gzip -9n "$stage/usr/share/man/man1/briefing.1"
# bash-completion sources the file: no interpreter line.
sed -i '1{/^#!/d}' "$stage/usr/share/bash-completion/completions/briefing"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage/usr/bin/briefing" "$stage/usr/bin/briefing-preview"

doc="$stage/usr/share/doc/briefing"
mkdir -p "$doc"
date=$(git log -1 --format=%aD 2>/dev/null || date -R)
printf 'briefing (%s) unstable; urgency=medium\n\n  * Built from %s.\n\n -- Briefing maintainers <maintainers@briefing.invalid>  %s\n' \
  "$version" "$(git rev-parse --short HEAD 2>/dev/null || echo source)" "$date" | gzip -9n > "$doc/changelog.gz"
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: briefing"
  echo
  echo "Files: *"
  echo "Copyright: 2026 Briefing maintainers"
  echo "License: unspecified"
  echo
  echo "Files: usr/share/briefing/Fonts/*"
  echo "Copyright: the fonts' authors, as named in each font's COPYRIGHT-debian.txt beside it"
  echo "License: OFL-1.1 or Apache-2.0, as each font's COPYRIGHT-debian.txt states"
  echo
  echo "License: unspecified"
  echo " The project has not published a licence for its own code yet."
  echo
  echo "License: OFL-1.1"
  echo " The SIL Open Font License 1.1; the full text is in each font's COPYRIGHT-debian.txt."
  echo
  echo "License: Apache-2.0"
  echo " On Debian systems the full text is in /usr/share/common-licenses/Apache-2.0."
} > "$doc/copyright"

# Depends: the shared libraries the binary links, as dpkg-shlibdeps names them, and what it
# opens at run time (libqpdf to finish each PDF, librsvg on the first SVG image, the
# hyphenation patterns).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/debian"
printf 'Source: briefing\n\nPackage: briefing\nArchitecture: any\n' > "$work/debian/control"
shlibs=$(cd "$work" && dpkg-shlibdeps -O "$OLDPWD/$stage/usr/bin/briefing" "$OLDPWD/$stage/usr/bin/briefing-preview" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
depends="$shlibs, libqpdf29, librsvg2-2, hyphen-en-gb, hyphen-en-us"

# Yams (the YAML parser, a Swift package) compiles libyaml's C sources into the binary, as
# every statically linked Swift program using it does: there is no system libyaml to link.
mkdir -p "$stage/usr/share/lintian/overrides"
echo "briefing: embedded-library libyaml [usr/bin/briefing]" > "$stage/usr/share/lintian/overrides/briefing"
size=$(du -k -s --exclude=DEBIAN "$stage" | cut -f1)

mkdir -p "$stage/DEBIAN"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: briefing
Version: $version
Architecture: $arch
Maintainer: Briefing maintainers <maintainers@briefing.invalid>
Installed-Size: $size
Depends: $depends
Recommends: cron, msmtp-mta | mail-transport-agent, icc-profiles-free
Section: text
Priority: optional
Homepage: https://briefing.invalid/
Description: publication-quality PDF policy briefings from a data model
 Briefing turns a template folder (facts in YAML and CSV with units, dates,
 sources and confidence; prose in Markdown with placeholders) into an
 accessible PDF (PDF/UA-1, optionally PDF/A-2b), drawn with Cairo and Pango.
 .
 It schedules regeneration with cron, records editions and what changed,
 checks that sentences still match their numbers, and mails each audience
 its sections through the system's sendmail.
CONTROL
(cd "$stage" && find usr -type f -print0 | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
find "$stage" -type d -exec chmod 0755 {} +
find "$stage/usr/share" -type f -exec chmod 0644 {} +
dpkg-deb --root-owner-group -Zxz --build "$stage" ".build/deb/$name.deb" >/dev/null
echo ".build/deb/$name.deb"
