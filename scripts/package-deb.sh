#!/usr/bin/env bash
# Builds a Debian package of Rehearse that needs no Swift toolchain on the machine it goes to:
#
#   scripts/package-deb.sh [--output DIR]      # writes DIR/rehearse_<version>_<arch>.deb (DIR: .)
#
# The binary is a release build with the Swift standard library and Foundation linked in
# (--static-swift-stdlib), stamped with the commit it was built from. The package holds
# /usr/bin/rehearse, one man page per command (swift-argument-parser's generate-manual plugin),
# bash, zsh and fish completions, the sample bank in /usr/share/rehearse/sample and the docs in
# /usr/share/doc/rehearse. `Depends:` comes from dpkg-shlibdeps on the binary. When lintian is
# installed the package is checked with it, and an error fails the script.
#
# Needs: swift, dpkg-dev (dpkg-deb, dpkg-shlibdeps), binutils (strip), gzip, and the libraries the
# static Foundation links against at build time: libcurl4-openssl-dev (URLSession, for `rehearse
# sync`) and libxml2-dev (FoundationXML); the binary then needs libcurl4 and libxml2, which
# dpkg-shlibdeps puts in Depends. git is optional (without it, as in a source tarball, the
# version is the plain project version and the binary says "unknown commit"). Environment:
# DEBFULLNAME and DEBEMAIL name the maintainer; SOURCE_DATE_EPOCH fixes the build date; REVISION
# is the Debian revision (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$(pwd)

output_dir=.
while [ $# -gt 0 ]; do
  case "$1" in
    --output) output_dir=${2:?--output needs a folder}; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 64 ;;
  esac
done

for tool in swift clang dpkg-deb dpkg-shlibdeps strip readelf gzip; do
  command -v "$tool" >/dev/null || { echo "package-deb: $tool is missing (apt-get install dpkg-dev binutils)" >&2; exit 2; }
done
# The static FoundationNetworking and FoundationXML leave -lcurl and -lxml2 to the link, which
# needs the development symlinks (libcurl.so, libxml2.so), not only the run-time libraries.
for library in curl:libcurl4-openssl-dev xml2:libxml2-dev; do
  name=${library%%:*}
  # The toolchain's clang drives the link; it prints the bare name when it finds no such file.
  if [ "$(clang -print-file-name="lib$name.so" 2>/dev/null || true)" = "lib$name.so" ]; then
    echo "package-deb: lib$name.so is missing (apt-get install ${library#*:})" >&2
    exit 2
  fi
done

say() { printf '== %s\n' "$*"; }

# --- The version -------------------------------------------------------------------------------
upstream=$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/RehearseCore/Version.swift)
[ -n "$upstream" ] || { echo "package-deb: no Version.current in Sources/RehearseCore/Version.swift" >&2; exit 2; }
commit=""
if command -v git >/dev/null && git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  commit=$(git rev-parse --short=7 HEAD)
  # A tagged release is the plain version; any other commit is a snapshot after it.
  if ! git describe --exact-match --tags HEAD 2>/dev/null | grep -qxF -e "$upstream" -e "v$upstream"; then
    commit_day=$(TZ=UTC git log -1 --format=%cd --date=format-local:%Y%m%d HEAD)
    upstream="$upstream+git$commit_day.$commit"
  fi
  git diff --quiet HEAD -- 2>/dev/null || commit="$commit-modified"
fi
version="$upstream-${REVISION:-1}"
build_epoch=${SOURCE_DATE_EPOCH:-$(date +%s)}
build_date=$(date -u -d "@$build_epoch" +%Y-%m-%dT%H:%M:%SZ)
arch=$(dpkg --print-architecture)
maintainer="${DEBFULLNAME:-Rehearse maintainers} <${DEBEMAIL:-rehearse@example.org}>"
say "rehearse $version ($arch), commit ${commit:-unknown}"

work=$(mktemp -d)
stamp=Sources/rehearse/BuildStamp+Generated.swift
cleanup() { rm -rf "$work"; rm -f "$root_dir/$stamp"; }
trap cleanup EXIT

# --- The man pages ------------------------------------------------------------------------------
say "man pages (swift package plugin generate-manual)"
# The pages come from the commands' own help, one per command. The plugin builds the package
# itself; it is given the debug build (which CI and development have already made), not the
# release one: `swift package` takes no --static-swift-stdlib, and its build would relink
# .build/release/rehearse against the toolchain's shared libraries. It runs before the stamp
# exists, so the debug binary stays unstamped.
man_date=$(date -u -d "@$build_epoch" +%Y-%m-%d)
man_source=.build/plugins/GenerateManual/outputs/rehearse
rm -rf "$man_source"
swift package plugin generate-manual --configuration debug --multi-page --date "$man_date" --authors "The Rehearse authors"
[ -f "$man_source/rehearse.1" ] || { echo "package-deb: generate-manual wrote no $man_source/rehearse.1" >&2; exit 1; }

# --- The binary --------------------------------------------------------------------------------
# The stamp lives only for this build (see Sources/rehearse/BuildStamp.swift); `cleanup`
# removes it, so a later plain build does not claim this commit.
{
  echo "// Written by scripts/package-deb.sh for one build, then removed. Not committed."
  echo "extension BuildStamp {"
  if [ -n "$commit" ]; then echo "    static var commit: String? { \"$commit\" }"; fi
  echo "    static var buildDate: String? { \"$build_date\" }"
  echo "}"
} > "$stamp"

say "swift build -c release --static-swift-stdlib"
# No $ORIGIN run path (the binary loads nothing from /usr/bin); full RELRO and immediate binding.
build_flags=(-c release --static-swift-stdlib --disable-local-rpath
  -Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now)
# The build description is not cached: SwiftPM has reused one made without
# --static-swift-stdlib (by the generate-manual plugin's release build) and linked the binary
# against the toolchain's shared libraries. The ldd check below catches any such link.
swift build "${build_flags[@]}" --disable-build-manifest-caching --product rehearse
binary="$(swift build "${build_flags[@]}" --show-bin-path)/rehearse"
if ldd "$binary" | grep -Eq 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|not found'; then
  echo "package-deb: the binary still needs Swift runtime libraries:" >&2
  ldd "$binary" >&2
  exit 1
fi

if readelf -d "$binary" | grep -Eq 'RPATH|RUNPATH'; then
  echo "package-deb: the binary has a library search path:" >&2
  readelf -d "$binary" | grep -E 'RPATH|RUNPATH' >&2
  exit 1
fi
cp "$binary" "$work/rehearse"

# --- The tree ----------------------------------------------------------------------------------
# The tree is built as debian/rehearse inside a scratch folder holding a minimal debian/control,
# which is all dpkg-shlibdeps needs to compute Depends.
pkg="$work/debian/rehearse"
doc="$pkg/usr/share/doc/rehearse"
mkdir -p "$pkg/DEBIAN" "$pkg/usr/bin" "$pkg/usr/share/man/man1" "$doc" \
  "$pkg/usr/share/rehearse/sample" "$pkg/usr/share/bash-completion/completions" \
  "$pkg/usr/share/zsh/vendor-completions" "$pkg/usr/share/fish/vendor_completions.d"

cp "$work/rehearse" "$pkg/usr/bin/rehearse"
strip --remove-section=.comment --remove-section=.note "$pkg/usr/bin/rehearse"
installed="$pkg/usr/bin/rehearse"
"$installed" --version >/dev/null

# generate-manual names a command's page rehearse.check.1 and its NAME "rehearse check", which
# whatis cannot read; the pages are installed as rehearse-check.1 with the NAME rehearse-check
# (as git-commit(1) is), while the synopsis keeps the command as typed: rehearse check.
for page in "$man_source"/*.1; do
  stem=$(basename "$page" .1)
  name=${stem//./-}
  sed -e "s/^\.Dt [^ ]* /.Dt ${name^^} /" \
    -e "/^\.Sh NAME\$/{n;s/^\.Nm .*/.Nm $name/;}" \
    -e "s/^\.Nm\$/.Nm \"${stem//./ }\"/" \
    -e ':dots' -e 's/^\(\.Xr [^ .]*\)\./\1-/' -e 't dots' \
    "$page" | gzip -9n > "$pkg/usr/share/man/man1/$name.1.gz"
done
# The bash completion is sourced, not run: no #! line.
"$installed" --generate-completion-script bash | sed '1{/^#!/d;}' \
  > "$pkg/usr/share/bash-completion/completions/rehearse"
"$installed" --generate-completion-script zsh > "$pkg/usr/share/zsh/vendor-completions/_rehearse"
"$installed" --generate-completion-script fish > "$pkg/usr/share/fish/vendor_completions.d/rehearse.fish"

# The sample bank, without hidden files (the bank's walker skips them too).
for part in quizzes scenarios examples rehearse.yaml; do
  [ -e "$part" ] && cp -R "$part" "$pkg/usr/share/rehearse/sample/"
done
find "$pkg/usr/share/rehearse/sample" -name '.*' -prune -exec rm -rf {} +

cp README.md "$doc/"
mkdir -p "$doc/docs"
cp docs/*.md "$doc/docs/"
[ -d docs/images ] && cp -R docs/images "$doc/docs/"
gzip -9n < CHANGELOG.md > "$doc/changelog.gz"
cp packaging/copyright "$doc/copyright"
mkdir -p "$pkg/usr/share/lintian/overrides"
cp packaging/lintian-overrides "$pkg/usr/share/lintian/overrides/rehearse"
changelog_date=$(LC_ALL=C date -u -R -d "@$build_epoch")
sed -e "s|@VERSION@|$version|" -e "s|@UPSTREAM@|${upstream%%+*}|" -e "s|@COMMIT@|${commit:-unknown}|" \
  -e "s|@MAINTAINER@|$maintainer|" -e "s|@DATE@|$changelog_date|" packaging/changelog.Debian.in \
  | gzip -9n > "$doc/changelog.Debian.gz"

find "$pkg" -type d -exec chmod 0755 {} +
find "$pkg" -type f -exec chmod 0644 {} +
chmod 0755 "$pkg/usr/bin/rehearse"

# --- The control files -------------------------------------------------------------------------
printf 'Source: rehearse\n\nPackage: rehearse\nArchitecture: any\n' > "$work/debian/control"
depends=$(cd "$work" && dpkg-shlibdeps -O -edebian/rehearse/usr/bin/rehearse | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "package-deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
rm "$work/debian/control"
installed_size=$(du -sk --apparent-size "$pkg/usr" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@MAINTAINER@|$maintainer|" \
  -e "s|@INSTALLED_SIZE@|$installed_size|" -e "s|@DEPENDS@|$depends|" packaging/control.in \
  > "$pkg/DEBIAN/control"
(cd "$pkg" && find usr -type f -print0 | LC_ALL=C sort -z | xargs -0 md5sum) > "$pkg/DEBIAN/md5sums"
chmod 0644 "$pkg/DEBIAN/control" "$pkg/DEBIAN/md5sums"

mkdir -p "$output_dir"
deb="$output_dir/rehearse_${version}_$arch.deb"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null
say "wrote $deb"
say "Depends: $depends"

if command -v lintian >/dev/null; then
  say "lintian"
  lintian --fail-on error --info "$deb"
fi
