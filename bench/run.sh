#!/usr/bin/env bash
# Benchmarks azspec beside Tavern and wrk on loopback (see bench/bench.py for the targets) and writes BENCHMARKS.md.
#
#   bench/run.sh                      the quick targets: peer sequential parallel validate memory tokens (~3 minutes)
#   bench/run.sh politeness soak      the long ones (~5 minutes)
#   bench/run.sh sequential --runs 9  one target, more runs
#   bench/run.sh release              the release archive's size and start-up (after scripts/release.sh; builds nothing)
#
# Needs wrk and GNU time (apt-get install wrk time) and python3 with venv. Tavern is installed from PyPI into
# bench/.venv on first use (with pytest < 9.1: Tavern 3.7 imports a module pytest 9.1 removed).
# Everything talks to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$*" = "release" ]; then exec python3 bench/bench.py release; fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# azspec, and the floor: AsyncHTTPClient alone (bench/Floor, a target only when AZSPEC_BENCH is set).
for product in azspec BenchFloor; do
  if ! AZSPEC_BENCH=1 swift build -c release --product "$product" --scratch-path .build-bench >"$log" 2>&1; then
    grep -E "error:" "$log"; exit 1
  fi
done
exec python3 bench/bench.py "$@"
