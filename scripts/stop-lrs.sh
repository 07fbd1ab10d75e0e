#!/usr/bin/env bash
# Stops the LRS that scripts/start-lrs.sh started: scripts/stop-lrs.sh [STATE-DIR].
set -euo pipefail
cd "$(dirname "$0")/.."
state=${1:-.build/lrs}
[ -f "$state/pid" ] || exit 0
pid=$(cat "$state/pid")
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
fi
rm -f "$state/pid"
