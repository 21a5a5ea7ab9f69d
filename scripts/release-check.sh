#!/usr/bin/env bash
# Proves that a release archive runs without a Swift toolchain:
#
#   scripts/release-check.sh [ARCHIVE]     (default: this version's archive in dist/)
#
# 1. the archive matches its .sha256;
# 2. unpacked into an empty folder, its binary loads no libswift*, libFoundation*, libdispatch, libxml2 or ICU library (ldd);
# 3. in a mount namespace where the toolchain's folder is an empty directory, with LD_LIBRARY_PATH unset and a PATH
#    holding only the system's folders, it prints its version, validates the example specs and runs them against its
#    built-in emulator, all passing (the JUnit report is checked for zero failures and errors);
# 4. it prints what the binary still needs (C libraries, the glibc and libstdc++ symbol versions it asks for), its size
#    and its start-up time (median of 20: `azspec --version`, `azspec validate --emulator specs`).
# Hiding the toolchain needs `unshare --mount` (root, as in CI); elsewhere the check says so and fails.
set -euo pipefail
cd "$(dirname "$0")/.."

version="$(sed -n 's/^ *public static let current = "\([^"]*\)".*/\1/p' Sources/AzspecKit/Support/AzspecVersion.swift)"
archive="${1:-dist/azspec-$version-linux-$(uname -m).tar.gz}"
[ -f "$archive" ] || { echo "release-check: no archive at $archive (run scripts/release.sh first)" >&2; exit 1; }

(cd "$(dirname "$archive")" && sha256sum --check --quiet "$(basename "$archive").sha256") \
  || { echo "release-check: $archive does not match its .sha256" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
name="$(basename "$archive" .tar.gz)"
binary="$work/$name/azspec"
[ -x "$binary" ] || { echo "release-check: the archive holds no $name/azspec" >&2; exit 1; }
for file in LICENSE THIRD_PARTY_LICENSES azspec.schema.json; do
  [ -s "$work/$name/$file" ] || { echo "release-check: the archive holds no $name/$file" >&2; exit 1; }
done

# It names its version and, built from a git checkout, the commit.
printed="$("$binary" --version)"
case "$printed" in
  "azspec $version"*) ;;
  *) echo "release-check: --version printed '$printed', not azspec $version" >&2; exit 1 ;;
esac
if commit="$(git rev-parse HEAD 2>/dev/null)" && [ "$printed" != "azspec $version (commit ${commit:0:12})" ]; then
  echo "release-check: --version printed '$printed'; the checkout is at $commit" >&2
  exit 1
fi

libraries="$(ldd "$binary" 2>&1 || true)"
if printf '%s\n' "$libraries" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime|libxml2|libicu|not found'; then
  echo "release-check: the binary still needs the Swift runtime (above)" >&2
  exit 1
fi

# The toolchain's root: /opt/swift for /opt/swift/usr/bin/swift. A toolchain installed under /usr keeps its runtime in
# /usr/lib/swift, which is what is hidden then.
hide=""
if swift_path="$(command -v swift 2>/dev/null)"; then
  root="$(dirname "$(dirname "$(dirname "$(readlink -f "$swift_path")")")")"
  if [ "$root" = "/" ] || [ "$root" = "/usr" ]; then hide="/usr/lib/swift"; else hide="$root"; fi
fi

cp -R specs "$work/specs"
empty="$work/empty"
mkdir "$empty"
cat > "$work/check.sh" <<'EOF'
set -euo pipefail
hide="$1"; work="$2"; binary="$3"
if [ -n "$hide" ]; then mount --bind "$work/empty" "$hide"; fi
unset LD_LIBRARY_PATH
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
if command -v swift >/dev/null 2>&1 || { [ -n "$hide" ] && [ -n "$(ls -A "$hide")" ]; }; then
  echo "release-check: the toolchain is still visible" >&2; exit 1
fi
cd "$work"
"$binary" --version
"$binary" validate --emulator specs > validate.out
"$binary" run --emulator specs --junit reports/junit.xml > run.out 2>&1 || { cat run.out; exit 1; }
tail -2 run.out
grep -q 'failures="0"' reports/junit.xml && grep -q 'errors="0"' reports/junit.xml
EOF
if ! unshare --mount --propagation private bash "$work/check.sh" "$hide" "$work" "$binary"; then
  echo "release-check: the binary did not pass the example specs with the toolchain${hide:+ ($hide)} hidden" >&2
  echo "release-check: (hiding it needs unshare --mount, that is root or a user namespace)" >&2
  exit 1
fi

# What it still needs, its size and its start-up time.
median_ms() {
  local runs=()
  for _ in $(seq 20); do
    local start end
    start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
    runs+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 10p | awk '{printf "%.1f ms", $1 / 1000}'
}
glibc="$(objdump -T "$binary" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)"
glibcxx="$(objdump -T "$binary" | grep -o 'GLIBCXX_[0-9.]*' | sort -uV | tail -1 || true)"
echo "release-check: $name passes the example specs with the Swift toolchain hidden${hide:+ ($hide)}"
echo "  archive: $(stat -c %s "$archive") bytes; binary: $(stat -c %s "$binary") bytes"
echo "  loads: $(printf '%s\n' "$libraries" | awk '{print $1}' | tr '\n' ' ')"
echo "  needs: ${glibc:-no glibc symbol versions}${glibcxx:+, $glibcxx}"
echo "  start-up (median of 20): --version $(median_ms "$binary" --version); validate --emulator specs $(cd "$work" && median_ms "$binary" validate --emulator specs)"
