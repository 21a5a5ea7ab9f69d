#!/usr/bin/env bash
# Builds azspec's release archive: dist/azspec-VERSION-linux-ARCH.tar.gz and its .sha256.
#
#   scripts/release.sh                  build the release binary (Swift runtime linked in), strip it, package it
#   scripts/release.sh --binary PATH    package a binary built elsewhere (the install tests use this)
#   scripts/release.sh --out DIR        write the archive into DIR instead of dist/
#
# The archive holds one folder, azspec-VERSION-linux-ARCH/, with the binary `azspec`, LICENSE, THIRD_PARTY_LICENSES
# (the licences of every package linked in) and azspec.schema.json (the spec format's JSON Schema, from the binary).
# The packaging is reproducible: files in name order, owner 0, mode 0755 or 0644, every time the commit's time (or
# SOURCE_DATE_EPOCH), gzip without a name or time; the same binary packaged twice gives the same bytes. The build is
# reproducible but for what the toolchain writes from its paths: built again from the same commit in another folder,
# the binary differed only in its .swift_modhash section (the Swift driver's module hashes), the GNU build-id that
# follows from it, and one string length in a dependency (2026-12-07, Swift 6.3.1).
#
# The Swift runtime and Foundation are linked statically (--static-swift-stdlib); where the fully static Linux SDK is
# installed (`swift sdk list` names a *-swift-linux-musl SDK) it is used instead and the binary needs no C library at
# all. What the binary still needs from the system is printed at the end (scripts/release-check.sh checks it).
set -euo pipefail
cd "$(dirname "$0")/.."

binary=""
out="dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary="${2:?--binary needs a path}"; shift 2 ;;
    --out) out="${2:?--out needs a folder}"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "release.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done

version="$(sed -n 's/^ *public static let current = "\([^"]*\)".*/\1/p' Sources/AzspecKit/Support/AzspecVersion.swift)"
case "$version" in
  [0-9]*.[0-9]*.[0-9]*) ;;
  *) echo "release.sh: cannot read the version from Sources/AzspecKit/Support/AzspecVersion.swift" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64|amd64) arch=x86_64 ;;
  aarch64|arm64) arch=aarch64 ;;
  *) echo "release.sh: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac
name="azspec-$version-linux-$arch"

# The commit and its time: what --version names, and every timestamp in the archive.
commit="$(git rev-parse HEAD 2>/dev/null || true)"
if [ -n "$commit" ] && [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  echo "release.sh: note: the checkout has uncommitted changes; the binary names $commit all the same" >&2
fi
epoch="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}"

if [ -z "$binary" ]; then
  scratch=".build-release"
  flags=(-c release --product azspec --scratch-path "$scratch")
  musl_sdk="$(swift sdk list 2>/dev/null | grep -m1 -- "$arch-swift-linux-musl" || true)"
  if [ -n "$musl_sdk" ]; then
    flags+=(--swift-sdk "$musl_sdk")
  else
    flags+=(--static-swift-stdlib)
  fi
  # Paths of this checkout and of the packages' copies are not written into the binary, so that where it was built
  # does not change its bytes.
  flags+=(-Xswiftc -file-prefix-map -Xswiftc "$PWD=." -Xcc "-ffile-prefix-map=$PWD=.")
  echo "release.sh: building azspec $version ($name) with: swift build ${flags[*]}" >&2
  AZSPEC_COMMIT="$commit" swift build "${flags[@]}" >&2
  binary="$(AZSPEC_COMMIT="$commit" swift build "${flags[@]}" --show-bin-path)/azspec"
fi
[ -f "$binary" ] && [ -x "$binary" ] || { echo "release.sh: no executable at $binary" >&2; exit 1; }

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
folder="$stage/$name"
mkdir -p "$folder"
cp "$binary" "$folder/azspec"
strip --strip-all "$folder/azspec" 2>/dev/null || strip "$folder/azspec"
cp LICENSE "$folder/LICENSE"
"$folder/azspec" schema > "$folder/azspec.schema.json"
{
  echo "azspec links in the code of these packages; each one's licence follows."
  for licence in "${scratch:-.build}"/checkouts/*/LICENSE*; do
    [ -f "$licence" ] || continue
    package="$(basename "$(dirname "$licence")")"
    printf '\n==== %s (%s) ====\n\n' "$package" "$(basename "$licence")"
    cat "$licence"
  done
} > "$folder/THIRD_PARTY_LICENSES"
chmod 0755 "$folder" "$folder/azspec"
chmod 0644 "$folder/LICENSE" "$folder/THIRD_PARTY_LICENSES" "$folder/azspec.schema.json"

mkdir -p "$out"
archive="$out/$name.tar.gz"
tar --create --format=gnu --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
  --directory "$stage" "$name" | gzip -9 --no-name > "$archive.partial"
mv -f "$archive.partial" "$archive"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")

echo "release.sh: wrote $archive ($(du -k "$archive" | cut -f1) KiB; binary $(du -k "$folder/azspec" | cut -f1) KiB)" >&2
echo "release.sh: $(cat "$archive.sha256")" >&2
echo "release.sh: the binary loads: $(ldd "$folder/azspec" 2>&1 | awk '{print $1}' | tr '\n' ' ')" >&2
echo "$archive"
