#!/usr/bin/env bash
# Runs each libFuzzer target for a fixed number of executions (not part of CI; see RELIABILITY.md).
#
#   scripts/fuzz.sh [RUNS] [TARGET…]      (defaults: 200000 runs; every target)
#
# Seeds: the example specs, the JSONPath compliance suite's selectors (../shared/jsonpath-cts, when present) and
# Fuzz/EmulatorConfigurationFuzz/seeds.
# Findings (crash-*, timeout-*, oom-* files) land in .build-fuzz/findings/TARGET.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200000}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(JSONPathFuzz YAMLFuzz SpecLoaderFuzz EmulatorConfigurationFuzz PostmanImportFuzz)
scratch=.build-fuzz
corpus=$scratch/corpus

mkdir -p "$corpus/JSONPathFuzz" "$corpus/YAMLFuzz" "$corpus/SpecLoaderFuzz" "$corpus/EmulatorConfigurationFuzz" "$corpus/PostmanImportFuzz"
cp Tests/AzspecImportTests/Fixtures/*collection.json "$corpus/PostmanImportFuzz/"
cp Fuzz/EmulatorConfigurationFuzz/seeds/* "$corpus/EmulatorConfigurationFuzz/"
for spec in specs/*.yaml; do
  cp "$spec" "$corpus/YAMLFuzz/"
  cp "$spec" "$corpus/SpecLoaderFuzz/"
done
if [ -f ../shared/jsonpath-cts/cts.json ]; then
  python3 - "$corpus/JSONPathFuzz" <<'PY'
import json, sys, hashlib, os
cases = json.load(open("../shared/jsonpath-cts/cts.json"))["tests"]
for case in cases:
    data = (case["selector"] + "\n" + json.dumps(case.get("document", None))).encode()
    open(os.path.join(sys.argv[1], hashlib.sha1(data).hexdigest()), "wb").write(data)
PY
else
  printf '$.value[*].name\n{"value":[{"name":"rg-smoke"}]}' >"$corpus/JSONPathFuzz/seed"
fi

for target in "${targets[@]}"; do
  AZSPEC_FUZZ=1 swift build -c release --scratch-path "$scratch" --product "$target" \
    -Xswiftc -sanitize=fuzzer,address >"$scratch/$target.build.log" 2>&1 \
    || { grep -E "error:" "$scratch/$target.build.log"; exit 1; }
  mkdir -p "$scratch/findings/$target"
  echo "== $target: $runs runs"
  "$scratch/release/$target" -runs="$runs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$scratch/findings/$target/" "$corpus/$target" 2>&1 | grep -E "^#[0-9]+ +DONE|^Done|ERROR|SUMMARY|crash-|timeout-|oom-" || true
done
