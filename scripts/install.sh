#!/bin/sh
# Installs azspec's release binary, checked against its published SHA-256 before anything is unpacked.
#
#   install.sh [--version VERSION] [--to FOLDER]
#
#   --version   the release to install (default: DEFAULT_VERSION below, the release this script came with)
#   --to        where to put `azspec` (default: $AZSPEC_INSTALL_DIR, else ~/.local/bin)
#   AZSPEC_DOWNLOAD_URL   where releases are downloaded from, for mirrors and tests (default: the project's GitHub
#               releases); the archive is BASE/vVERSION/azspec-VERSION-linux-ARCH.tar.gz, with a .sha256 beside it.
#               https only, except on a loopback host (127.0.0.1, ::1, localhost).
#
# The binary is unpacked into a temporary file in the target folder, run once (`azspec --version`), and then renamed
# over any existing one: a half-written binary is never on PATH. Exit codes: 0 installed; 1 the download, the
# checksum or the archive failed (nothing installed); 2 usage; 3 no release is built for this platform; 4 no release
# of this version exists at the base URL (the GitHub Action builds from source then).
set -eu

DEFAULT_VERSION="0.1.0"
DEFAULT_DOWNLOAD_URL="https://github.com/azspec/azspec/releases/download"

fail() { status="$1"; shift; echo "install.sh: error: $*" >&2; exit "$status"; }

version="$DEFAULT_VERSION"
to="${AZSPEC_INSTALL_DIR:-${HOME:-}/.local/bin}"
while [ $# -gt 0 ]; do
  case "$1" in
    --version) [ $# -ge 2 ] || fail 2 "--version needs a value"; version="${2#v}"; shift 2 ;;
    --to) [ $# -ge 2 ] || fail 2 "--to needs a folder"; to="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail 2 "unknown argument '$1' (try --help)" ;;
  esac
done
case "$version" in
  *[!0-9A-Za-z.+-]*|"") fail 2 "'$version' is not a version (for example 0.1.0)" ;;
esac
[ -n "$to" ] || fail 2 "no folder to install into: pass --to FOLDER"

os="$(uname -s)"
machine="$(uname -m)"
[ "$os" = "Linux" ] || fail 3 "no release is built for $os; build from source instead: swift build -c release --product azspec"
case "$machine" in
  x86_64|amd64) arch=x86_64 ;;
  aarch64|arm64) arch=aarch64 ;;
  *) fail 3 "no release is built for Linux on $machine; build from source instead: swift build -c release --product azspec" ;;
esac

base="${AZSPEC_DOWNLOAD_URL:-$DEFAULT_DOWNLOAD_URL}"
base="${base%/}"
# Redirects stay on https (GitHub sends release downloads to its object store); a loopback mirror may not redirect.
case "$base" in
  https://*) curl_protocols="=https"; max_redirects=5 ;;
  http://127.0.0.1[:/]*|http://127.0.0.1|http://localhost[:/]*|http://localhost|http://\[::1\]*)
    curl_protocols="=http"; max_redirects=0 ;;
  *) fail 2 "AZSPEC_DOWNLOAD_URL must be an https:// URL (plain http only on a loopback host): $base" ;;
esac
name="azspec-$version-linux-$arch"
url="$base/v$version/$name.tar.gz"

# Download into a temporary folder (removed on every exit, an interrupt included).
scratch="$(mktemp -d "${TMPDIR:-/tmp}/azspec-install.XXXXXXXX")"
partial=""
cleanup() { rm -rf "$scratch"; [ -z "$partial" ] || rm -f "$partial"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# fetch URL FILE: 0 on success, 4 when the server says the file does not exist, 1 on any other failure.
fetch() {
  if command -v curl >/dev/null 2>&1; then
    code="$(curl --silent --show-error --location --proto "$curl_protocols" --proto-redir "$curl_protocols" \
      --max-redirs "$max_redirects" --connect-timeout 20 --max-time 600 --retry 2 --output "$2" \
      --write-out '%{http_code}' "$1")" || {
      case "${code:-}" in
        404) return 4 ;;
        3??) echo "install.sh: $1 redirects where install.sh does not follow (off https, or away from a loopback mirror)" >&2 ;;
      esac
      return 1
    }
    case "$code" in
      2??) return 0 ;;
      404|410) return 4 ;;
      *) echo "install.sh: $1 answered HTTP $code" >&2; return 1 ;;
    esac
  elif command -v wget >/dev/null 2>&1; then
    # wget cannot hold redirects to https; it follows none off a loopback mirror, and curl is preferred.
    output="$(wget --quiet --server-response --timeout=60 --tries=3 --max-redirect="$max_redirects" \
      --output-document="$2" "$1" 2>&1)" && return 0
    case "$output" in *" 404 "*|*" 410 "*) return 4 ;; esac
    return 1
  else
    fail 1 "neither curl nor wget is installed"
  fi
}

status=0
fetch "$url.sha256" "$scratch/$name.tar.gz.sha256" || status=$?
[ "$status" -ne 4 ] || fail 4 "no release $version at $base (no $url.sha256)"
[ "$status" -eq 0 ] || fail 1 "could not download $url.sha256"
status=0
fetch "$url" "$scratch/$name.tar.gz" || status=$?
[ "$status" -ne 4 ] || fail 4 "no release $version at $base (no $url)"
[ "$status" -eq 0 ] || fail 1 "could not download $url (interrupted or refused); nothing was installed"

expected="$(head -c 64 "$scratch/$name.tar.gz.sha256")"
case "$expected" in
  *[!0-9a-f]*) fail 1 "$url.sha256 does not start with a SHA-256 (64 hex digits); nothing was installed" ;;
esac
[ "${#expected}" -eq 64 ] || fail 1 "$url.sha256 does not start with a SHA-256 (64 hex digits); nothing was installed"
if command -v sha256sum >/dev/null 2>&1; then
  actual="$(sha256sum "$scratch/$name.tar.gz" | cut -d ' ' -f 1)"
else
  actual="$(shasum -a 256 "$scratch/$name.tar.gz" | cut -d ' ' -f 1)"
fi
[ "$actual" = "$expected" ] \
  || fail 1 "the archive's SHA-256 is $actual, but $url.sha256 says $expected: not installed (a tampered or corrupt download)"

# Only the binary is taken from the (verified) archive.
tar -xzf "$scratch/$name.tar.gz" -C "$scratch" "$name/azspec" 2>/dev/null \
  || fail 1 "the archive holds no $name/azspec; nothing was installed"
[ -f "$scratch/$name/azspec" ] && [ ! -L "$scratch/$name/azspec" ] || fail 1 "$name/azspec in the archive is not a file"

mkdir -p "$to" || fail 1 "cannot create $to"
partial="$(mktemp "$to/.azspec.XXXXXXXX")" || fail 1 "cannot write into $to"
cp "$scratch/$name/azspec" "$partial"
chmod 0755 "$partial"
installed="$("$partial" --version 2>&1)" || fail 1 "the downloaded binary does not run here: $installed"
mv -f "$partial" "$to/azspec"
partial=""
echo "installed $installed at $to/azspec (from $url, SHA-256 $actual)"
case ":${PATH:-}:" in
  *":$to:"*) ;;
  *) echo "note: $to is not on PATH" ;;
esac
