#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (a package of its own, outside the normal build) and runs
# each for a bounded time from its seed corpus. A crash, a leak, a timeout or an out-of-memory
# fails the run; libFuzzer leaves the input that did it as crash-*/timeout-*/oom-* in the
# working folder, and the run prints how to replay it.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 30 s, every target)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(FuzzYAML FuzzBank FuzzCSV FuzzAnswer FuzzProgress FuzzGIFT)
fi

# The fuzz package uses the Yams checkout of the main package.
[ -d .build/checkouts/Yams ] || swift package resolve

(cd Fuzz && swift build --sanitize fuzzer 2>&1 | grep -E "error|warning:|Compiling|Build" | tail -3)
bin=$(cd Fuzz && swift build --sanitize fuzzer --show-bin-path)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for target in "${targets[@]}"; do
  corpus="$work/$target"
  mkdir -p "$corpus"
  cp Fuzz/Corpus/"$target"/* "$corpus"/
  printf '== %s: %s s\n' "$target" "$seconds"
  # Swift's own backtracer would take the crash first and libFuzzer would keep no input.
  if ! (cd "$work" && SWIFT_BACKTRACE=enable=no "$bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=0 "$corpus" >"$work/$target.log" 2>&1); then
    tail -40 "$work/$target.log"
    for found in "$work"/crash-* "$work"/timeout-* "$work"/oom-* "$work"/leak-*; do
      [ -e "$found" ] || continue
      mkdir -p Fuzz/Findings
      cp "$found" Fuzz/Findings/
      echo "replay: $bin/$target Fuzz/Findings/$(basename "$found")"
    done
    status=1
  else
    grep -E "^Done [0-9]+ runs" "$work/$target.log" || true
  fi
done
exit $status
