#!/usr/bin/env bash
# The data folder of a whole contact centre, with the release build:
#   1. `grade --update-progress` of a cohort of LEARNERS (10,000) x 100 answers, one attempt each;
#   2. `progress --all` over that folder: cold (no summary index: every learner file read) and
#      warm (the index checked against the files);
#   3. a data folder of LEARNERS x ATTEMPTS made by the generator (`rehearse-stress cohort`),
#      and `progress --all` over it.
# Peak memory with /usr/bin/time -v (Debian package `time`). Data goes under a temp folder,
# removed at the end (KEEP=1 keeps it).
#
# Knobs: LEARNERS (10000), ATTEMPTS (3; 0 skips the generator), NO_BUILD=1, KEEP=1.
# bench/progress-growth.sh runs it at 1,000, 10,000 and 100,000 learners.
set -euo pipefail
cd "$(dirname "$0")/.."
LEARNERS=${LEARNERS:-10000}
ATTEMPTS=${ATTEMPTS:-3}
BIN=.build/release
[ "${NO_BUILD:-0}" = 1 ] || swift build -c release >/dev/null
WORK=$(mktemp -d)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
export REHEARSE_NOW=2026-01-05T09:00:00Z

measure() { # label command...
  local label=$1
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/time.txt" "$@" > /dev/null
  read -r wall user kernel rss < "$WORK/time.txt"
  awk -v label="$label" -v wall="$wall" -v user="$user" -v kernel="$kernel" -v rss="$rss" \
    'BEGIN { printf "| %s | %.2f s | %.2f s | %.2f s | %.0f MB |\n", label, wall, user, kernel, rss / 1024 }'
}

python3 bench/grading/generate.py "$WORK/grading" --learners "$LEARNERS" > /dev/null
echo "| what ($LEARNERS learners) | wall | user CPU | system CPU | peak memory |"
echo "|---|---:|---:|---:|---:|"
measure "grade --update-progress, 100 answers each" \
  $BIN/rehearse grade --bank "$WORK/grading/bank" "$WORK/grading/answers.csv" \
  --update-progress --data-dir "$WORK/data"
echo "| (data folder: $(du -sh "$WORK/data/progress" | cut -f1)) | | | | |"
measure "progress --all, cold (no index)" $BIN/rehearse progress --all --data-dir "$WORK/data"
sleep 3 # the index keeps only files older than 2 s (racily clean files are read again)
measure "progress --all, index rebuilt" $BIN/rehearse progress --all --data-dir "$WORK/data"
measure "progress --all, warm" $BIN/rehearse progress --all --data-dir "$WORK/data"
[ "$ATTEMPTS" -gt 0 ] || exit 0
measure "generator: $ATTEMPTS attempts each (rehearse-stress cohort)" \
  $BIN/rehearse-stress cohort --data-dir "$WORK/gen" --learners "$LEARNERS" --attempts "$ATTEMPTS"
measure "progress --all on it, cold" $BIN/rehearse progress --all --data-dir "$WORK/gen"
sleep 3
measure "progress --all on it, index rebuilt" $BIN/rehearse progress --all --data-dir "$WORK/gen"
measure "progress --all on it, warm" $BIN/rehearse progress --all --data-dir "$WORK/gen"
