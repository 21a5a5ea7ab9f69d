#!/usr/bin/env bash
# Proves azspec is not the cause of ARM's 429s: 2,000 reads for one principal, --jobs 16, retries off, against the
# emulator's token bucket as ARM has it (reads 250, refilling 25 a second). With the rate limit (the default) no read
# is throttled; with `rateLimit: false` the same run is. Takes about 75 s (2,000 − 250 reads at 25 a second).
#
#   bench/politeness.sh [READS] [JOBS]       (defaults: 2000 16; loopback only)
set -euo pipefail
cd "$(dirname "$0")/.."
reads=${1:-2000}
jobs=${2:-16}
port=${BENCH_PORT:-18410}
work=$(mktemp -d)
emulator_pid=""
trap '[ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null; rm -rf "$work"' EXIT

swift build -c release --product azspec --scratch-path .build-release >"$work/build.log" 2>&1 || { grep -E "error:" "$work/build.log"; exit 1; }
azspec=.build-release/release/azspec
subscription=99999999-8888-7777-6666-555555555555
cat >"$work/emulator.yaml" <<YAML
tokenBucket: { reads: { burst: 250, refill: 25 } }
tenants:
  - id: 11111111-2222-3333-4444-555555555555
    servicePrincipals:
      - { name: app, clientId: a0000000-0000-4000-8000-000000000001, objectId: b0000000-0000-4000-8000-000000000001, secrets: [app-secret-value] }
    subscriptions: [ { id: $subscription } ]
    roleAssignments:
      - { principal: app, role: Reader, scope: /subscriptions/$subscription }
YAML
$azspec emulator --port "$port" --config "$work/emulator.yaml" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 50); do grep -q "Entra ID and ARM at" "$work/emulator.log" 2>/dev/null && break; sleep 0.1; done
export AZURE_AUTHORITY_HOST="http://127.0.0.1:$port" AZURE_RESOURCE_MANAGER_ENDPOINT="http://127.0.0.1:$port"

mkdir -p "$work/specs"
per_file=$(( (reads + jobs - 1) / jobs ))
for file in $(seq "$jobs"); do
  {
    echo "name: reads $file"
    echo "identity: app"
    echo "tests:"
    for i in $(seq "$per_file"); do
      echo "  - { name: read $i, request: { url: \"/subscriptions/$subscription/resourcegroups\" }, expect: { status: 200 } }"
    done
  } >"$work/specs/f$file.yaml"
done
project() {
  cat >"$work/specs/azspec.yaml" <<YAML
identities:
  app: { kind: clientSecret, tenant: 11111111-2222-3333-4444-555555555555, clientId: a0000000-0000-4000-8000-000000000001, secret: app-secret-value }
apiVersion: "2021-04-01"
retry: false
rateLimit: $1
YAML
}

project true
start=$(date +%s.%N)
"$azspec" run "$work/specs" --jobs "$jobs" --junit "$work/polite.xml" >"$work/polite.log" 2>&1 || true
polite_seconds=$(python3 -c "print(round($(date +%s.%N) - $start, 1))")
polite_429=$(grep -c "got 429" "$work/polite.log" || true)
echo "rate limit on:  $(tail -1 "$work/polite.log"); ${polite_429} reads throttled; ${polite_seconds} s"

project false
"$azspec" run "$work/specs" --jobs "$jobs" --junit "$work/rude.xml" >"$work/rude.log" 2>&1 || true
rude_429=$(grep -c "got 429" "$work/rude.log" || true)
echo "rate limit off: $(tail -1 "$work/rude.log"); ${rude_429} reads throttled"
[ "$polite_429" -eq 0 ]
