#!/usr/bin/env bash
# Times progress writes with the release build: saving one answer of the attempt in progress
# (the separate in-progress file) with 1,000 past attempts on the learner's file, and, for
# comparison, a full rewrite of that file (recording a finished attempt).
#
# Usage: bench/progress-bench.sh [SAVES] [PAST_ATTEMPTS]
# The figures go to docs/performance.md ("## Progress writes") by hand, with the machine.
set -euo pipefail

saves="${1:-500}"
history="${2:-1000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

swift build -c release --product rehearse-stress >/dev/null
binary="$(swift build -c release --show-bin-path)/rehearse-stress"

data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT

echo "machine: $(uname -sm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //')"
echo "file system of the data folder: $(df -T "$data" | awk 'NR == 2 { print $2 }')"
echo "command: rehearse-stress bench bench@example.com --data-dir DATA --saves $saves --history $history"
REHEARSE_NOW=2026-01-05T09:00:00Z "$binary" bench bench@example.com --data-dir "$data" \
    --saves "$saves" --history "$history"
