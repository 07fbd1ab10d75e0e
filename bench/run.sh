#!/usr/bin/env bash
# Benchmark of `rehearse check` on a generated bank of 20,000 questions in 2,000 files, side by
# side with PyYAML's C loader merely parsing the same files and with check-jsonschema validating
# them. Run from anywhere: `bash bench/run.sh`. Results: bench/out/results.md.
#
# Knobs (environment): RUNS (10), WARMUP (2), SCHEMA_RUNS (1: one check-jsonschema run takes
# tens of seconds), INVALID (files with a mistake in the second bank, 100), NO_INSTALL=1 (never
# install hyperfine, time, PyYAML or check-jsonschema), NO_HYPERFINE=1 (time with the python loop),
# GEN_ARGS (extra generator arguments).
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=bench/out
BANK=$OUT/bank
BAD=$OUT/bank-invalid
RUNS=${RUNS:-10}
WARMUP=${WARMUP:-2}
SCHEMA_RUNS=${SCHEMA_RUNS:-1}
INVALID=${INVALID:-100}
GEN_ARGS=${GEN_ARGS:-}
BIN=.build/release/rehearse
mkdir -p "$OUT"
rm -f "$OUT"/t-*.json "$OUT"/rows.tsv "$OUT"/verdict.txt
: > "$OUT/commands.txt"

say() { printf '\n== %s\n' "$*"; }
log() { printf '%s\n' "$*" | tee -a "$OUT/commands.txt"; }
can_install() { [ "${NO_INSTALL:-0}" != 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }

say "machine"
{
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores available"
  echo "- memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "- OS: $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- $(swift --version 2>&1 | grep -m1 -i 'swift version' | sed 's/^ *//')"
  if git rev-parse --short HEAD >/dev/null 2>&1; then
    echo "- commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || echo ' with uncommitted changes to Sources')"
  fi
} > "$OUT/machine.md"
cat "$OUT/machine.md"

say "tools"
if ! command -v hyperfine >/dev/null && can_install; then
  (apt-get install -y -qq hyperfine >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine; }) >/dev/null 2>&1 || true
fi
if ! [ -x /usr/bin/time ] && can_install; then
  (apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time; }) >/dev/null 2>&1 || true
fi
if ! python3 -c 'import yaml; assert yaml.__with_libyaml__' 2>/dev/null; then
  [ "${NO_INSTALL:-0}" != 1 ] && python3 -m pip install -q pyyaml >/dev/null 2>&1 || true
  python3 -c 'import yaml; assert yaml.__with_libyaml__' \
    || { echo "PyYAML with libyaml (yaml.CSafeLoader) is required" >&2; exit 1; }
fi
if ! command -v check-jsonschema >/dev/null && [ "${NO_INSTALL:-0}" != 1 ]; then
  python3 -m pip install -q check-jsonschema >/dev/null 2>&1 || true
fi
HYPERFINE=$([ "${NO_HYPERFINE:-0}" = 1 ] || command -v hyperfine || true)
PYYAML_VERSION=$(python3 -c 'import yaml, yaml._yaml as c; print(yaml.__version__, "with libyaml", c.get_version_string())')
{
  if [ -n "$HYPERFINE" ]; then TIMER_NAME=$(hyperfine --version); else TIMER_NAME="python timing loop (bench/timing.py)"; fi
  echo "- timing: $TIMER_NAME, $WARMUP warm-up runs, then $RUNS runs (check-jsonschema: $SCHEMA_RUNS)"
  echo "- Python $(python3 -c 'import platform; print(platform.python_version())'), PyYAML $PYYAML_VERSION"
  if command -v check-jsonschema >/dev/null; then
    echo "- $(check-jsonschema --version 2>&1 | head -1)"
  fi
} >> "$OUT/machine.md"
grep -E '^- (timing|Python|check-jsonschema)' "$OUT/machine.md"

say "build"
log "swift build -c release"
if ! swift build -c release > "$OUT/build.log" 2>&1; then
  tail -30 "$OUT/build.log" >&2
  echo "the release build failed" >&2
  exit 1
fi
tail -1 "$OUT/build.log"

say "generate"
log "python3 bench/generate_bank.py $BANK${GEN_ARGS:+ $GEN_ARGS}"
python3 bench/generate_bank.py "$BANK" $GEN_ARGS | tee "$OUT/gen.txt"
log "python3 bench/generate_bank.py $BAD --invalid $INVALID${GEN_ARGS:+ $GEN_ARGS}"
python3 bench/generate_bank.py "$BAD" --invalid "$INVALID" $GEN_ARGS | tee "$OUT/gen-invalid.txt"
find "$BANK/quizzes" "$BANK/scenarios" -name '*.yaml' | sort > "$OUT/files.txt"
{
  echo "- $(sed "s| to $BANK||" "$OUT/gen.txt") (\`bench/generate_bank.py\`, fixed seed)"
  echo "- $(wc -l < "$OUT/files.txt") files: $(find "$BANK/scenarios" -name '*.yaml' | wc -l) scenarios, $(find "$BANK/quizzes" -name '*.yaml' | wc -l) quizzes"
  echo "- second bank for (d): the same with a realistic mistake in $INVALID files"
} > "$OUT/bank.md"

CHECK="$BIN check --bank $BANK"
PARSE="python3 bench/pyyaml_parse.py $BANK"
BADCHECK="$BIN check --bank $BAD"

say "exit codes"
set +e
$CHECK > "$OUT/check.txt" 2>&1; CHECK_EXIT=$?
$BADCHECK > "$OUT/check-invalid.txt" 2>&1; BAD_EXIT=$?
$PARSE > "$OUT/parse.txt" 2>&1; PARSE_EXIT=$?
set -e
echo "(a) check: exit $CHECK_EXIT, $(tail -1 "$OUT/check.txt")"
echo "(b) PyYAML: exit $PARSE_EXIT, $(tail -1 "$OUT/parse.txt")"
echo "(d) check with findings: exit $BAD_EXIT, $(tail -1 "$OUT/check-invalid.txt")"
if [ "$CHECK_EXIT" != 0 ]; then
  echo "rehearse check must pass on the generated bank; findings:" >&2
  head -40 "$OUT/check.txt" >&2
  exit 1
fi
[ "$BAD_EXIT" = 1 ] || echo "warning: check on the bank with mistakes exited $BAD_EXIT, expected 1" >&2

say "schema"
SCHEMA_CMD=""
SCHEMA_REMARK=""
if ! command -v check-jsonschema >/dev/null; then
  SCHEMA_REMARK="skipped: check-jsonschema is not installed"
elif ! $BIN schema > "$OUT/schema.json" 2> "$OUT/schema.err" \
  || ! python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert isinstance(d, dict) and d' "$OUT/schema.json" 2>/dev/null; then
  SCHEMA_REMARK="skipped: \`rehearse schema\` printed no JSON Schema yet"
else
  # One process validating every file, as a CI job would run it.
  SCHEMA_CMD="bash -c 'exec check-jsonschema --schemafile $OUT/schema.json \$(cat $OUT/files.txt)'"
fi
[ -n "$SCHEMA_REMARK" ] && echo "(c) $SCHEMA_REMARK"
[ -n "$SCHEMA_CMD" ] && log "$BIN schema > $OUT/schema.json" && echo "(c) $(check-jsonschema --version 2>&1 | head -1), schema written"

say "timing"
timeit() { # json runs output ignore-failure command...
  local json=$1 runs=$2 output=$3 ignore=$4 n=0
  shift 4
  if [ -n "$HYPERFINE" ]; then
    hyperfine -N --style basic --warmup "$WARMUP" --runs "$runs" --output "$output" $ignore \
      --export-json "$json" "$@"
  else
    for command in "$@"; do
      n=$((n + 1))
      python3 bench/timing.py run --runs "$runs" --warmup "$WARMUP" --json "$json.$n" -- "$command"
    done
    python3 -c 'import json, sys; print(json.dumps({"results": [r for p in sys.argv[2:] for r in json.load(open(p))["results"]]}))' \
      x "$json".* > "$json" && rm -f "$json".*
  fi
}
timer() { # how the timings were taken, for the report
  if [ -n "$HYPERFINE" ]; then echo "hyperfine -N --warmup $1 --runs $2"; else
    echo "python3 bench/timing.py run --warmup $1 --runs $2 --"; fi
}
log "$(timer "$WARMUP" "$RUNS") '$CHECK' '$PARSE'"
timeit "$OUT/t-main.json" "$RUNS" null "" "$CHECK" "$PARSE"
log "$(timer "$WARMUP" "$RUNS") '$BADCHECK'"
timeit "$OUT/t-invalid.json" "$RUNS" null -i "$BADCHECK"
if [ -n "$SCHEMA_CMD" ]; then
  log "$(timer 0 "$SCHEMA_RUNS") \"$SCHEMA_CMD\""
  WARMUP=0 timeit "$OUT/t-schema.json" "$SCHEMA_RUNS" "$OUT/jsonschema.txt" -i "$SCHEMA_CMD"
fi

say "peak memory"
rss() {
  if [ -x /usr/bin/time ]; then
    { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } \
      | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}'
  else
    python3 bench/timing.py peak-rss -- "$@"
  fi
}
log "/usr/bin/time -v $CHECK"
CHECK_RSS=$(rss $CHECK)
PARSE_RSS=$(rss $PARSE)
BAD_RSS=$(rss $BADCHECK)
echo "(a) $CHECK_RSS KiB, (b) $PARSE_RSS KiB, (d) $BAD_RSS KiB"

printf '%s\t%s\t%s\t%s\t%s\t%s\n' \
  "(a) rehearse check" "$CHECK" "$CHECK" "$CHECK_EXIT" "$CHECK_RSS" "" \
  "(b) PyYAML CSafeLoader, parse only" "$PARSE" "$PARSE" "$PARSE_EXIT" "$PARSE_RSS" "" \
  "(c) check-jsonschema" "$SCHEMA_CMD" "check-jsonschema --schemafile $OUT/schema.json <every file>" "" "" "$SCHEMA_REMARK" \
  "(d) rehearse check, $INVALID files with mistakes" "$BADCHECK" "$BADCHECK" "$BAD_EXIT" "$BAD_RSS" "" \
  > "$OUT/rows.tsv"

say "results"
python3 bench/timing.py report --dir "$OUT" > "$OUT/results.md"
cat "$OUT/results.md"
echo
echo "written to $OUT/results.md"
