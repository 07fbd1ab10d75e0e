#!/usr/bin/env bash
# How the progress store grows from 1x to 10x to 100x: bench/progress-scale.sh at 1,000, 10,000
# and 100,000 learners (one graded attempt of 100 answers each; no generator runs). The largest
# data folder is about 3.5 GB and the grading CSV 620 MB: both under a temp folder, removed
# after each size. Knobs: SIZES ("1000 10000 100000"), NO_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${NO_BUILD:-0}" = 1 ] || swift build -c release >/dev/null
for learners in ${SIZES:-1000 10000 100000}; do
  LEARNERS=$learners ATTEMPTS=0 NO_BUILD=1 bash bench/progress-scale.sh
  echo
done
