#!/usr/bin/env bash
# Benchmarks azspec against Tavern and wrk on loopback, with the same requests against the same emulator.
#
#   bench/run.sh [FILES] [GETS_PER_FILE]     (defaults: 8 files × 250 resource-group lists, each file with its own token)
#
# Needs: a release build (done here), wrk and hyperfine (apt-get install wrk hyperfine), Tavern (pip install tavern)
# for the Tavern column. Everything talks to 127.0.0.1 only. Results go to bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-8}
gets=${2:-250}
port=${BENCH_PORT:-18400}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
emulator_pid=""
trap '[ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null; rm -rf "$work"' EXIT

if ! swift build -c release --product azspec --scratch-path .build-release >"$work/build.log" 2>&1; then
  grep -E "error:" "$work/build.log"; exit 1
fi
azspec=.build-release/release/azspec

# The emulator's default identity (the same values `azspec run --emulator` uses).
$azspec emulator --port "$port" --env-file "$work/emulator.env" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 50); do grep -q "Entra ID and ARM at" "$work/emulator.log" 2>/dev/null && break; sleep 0.1; done
python3 bench/generate.py "$work" "$files" "$gets" "$base"
# shellcheck disable=SC1091
source "$work/env.sh"

requests=$((files * (gets + 1)))
echo "suite: $files files × (1 token + $gets GETs) = $requests requests against $base"

# azspec: one process, files side by side.
azspec_seconds=$(python3 bench/timeit.py 3 "$azspec" run "$work/azspec" --jobs "$files" --junit "$work/junit.xml")
azspec_rate=$(python3 -c "print(round($requests / $azspec_seconds))")
echo "azspec: ${azspec_seconds}s, ${azspec_rate} req/s"

# Tavern on the same suite (pytest, one process).
if python3 -c "import tavern" 2>/dev/null; then
  tavern_seconds=$(cd "$work/tavern" && python3 "$OLDPWD/bench/timeit.py" 1 python3 -m pytest -q -p no:cacheprovider .)
  tavern_rate=$(python3 -c "print(round($requests / $tavern_seconds))")
  speedup=$(python3 -c "print(round($tavern_seconds / $azspec_seconds, 1))")
  echo "tavern: ${tavern_seconds}s, ${tavern_rate} req/s (azspec is ${speedup}× faster)"
else
  tavern_seconds="n/a"; tavern_rate="n/a"; speedup="n/a"
  echo "tavern: not installed (pip install tavern)"
fi

# wrk: the same GET as fast as the machine allows (2 threads, 16 connections, 5 s).
if command -v wrk >/dev/null; then
  wrk_rate=$(wrk -t2 -c16 -d5s -H "Authorization: Bearer $BENCH_TOKEN" \
    "$base/subscriptions/$AZURE_SUBSCRIPTION_ID/resourcegroups?api-version=2021-04-01" | awk '/Requests\/sec/ {print int($2)}')
  ratio=$(python3 -c "print(round($azspec_rate / $wrk_rate, 2))")
  echo "wrk: ${wrk_rate} req/s (azspec reaches ${ratio} of it)"
else
  wrk_rate="n/a"; ratio="n/a"
  echo "wrk: not installed (apt-get install wrk)"
fi

cat >bench/results.md <<MD
# Benchmark results

$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, release build, emulator on loopback (\`bench/run.sh $files $gets\`).
Suite: $files spec files, each 1 token request + $gets resource-group lists = $requests requests.

| tool | seconds | requests/s | |
| --- | --- | --- | --- |
| azspec (--jobs $files) | $azspec_seconds | $azspec_rate | |
| Tavern | $tavern_seconds | $tavern_rate | azspec ${speedup}× faster |
| wrk -t2 -c16 (GET only) | 5 | $wrk_rate | azspec at ${ratio} of wrk's rate |
MD
echo "wrote bench/results.md"
