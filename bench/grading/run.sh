#!/usr/bin/env bash
# Grading benchmark: `rehearse grade --format json` (with item analysis) on a generated long CSV
# of 1,000,000 answers (10,000 learners x 100 questions), side by side in one run with Python's
# csv module merely reading the same file, and DuckDB (`pip install duckdb`) grading it with SQL
# (bench/grading/duckdb_grade.py: the sheet joined with the answer key, aggregated per learner and
# per item). Goals: under 1 s wall, at most half of Python's time, peak memory under 500 MB
# (issue 15: under 300 MB at any size, time at most DuckDB's). Run from anywhere:
# `bash bench/grading/run.sh`; LEARNERS=100000 for 10,000,000 answers.
#
# Knobs (environment): RUNS (7, alternating, medians reported), LEARNERS (10000), NO_BUILD=1
# (use the existing release build), OUT (bench/out/grading).
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-7}
LEARNERS=${LEARNERS:-10000}
OUT=${OUT:-bench/out/grading}
BIN=.build/release/rehearse
mkdir -p "$OUT"

if [ "${NO_BUILD:-0}" != 1 ]; then
  swift build -c release >/dev/null
fi
if [ ! -f "$OUT/answers.csv" ] || [ "$(($(wc -l < "$OUT/answers.csv") - 1))" != "$((LEARNERS * 100))" ]; then
  rm -rf "$OUT/bank"
  python3 bench/grading/generate.py "$OUT" --learners "$LEARNERS"
fi
if [ ! -x /usr/bin/time ]; then
  echo "/usr/bin/time is needed for peak memory (Debian package: time)" >&2
  exit 1
fi

GRADE=("$BIN" grade --bank "$OUT/bank" "$OUT/answers.csv" --format json)
TOFILE=("${GRADE[@]}" -o "$OUT/report.json")
PYREAD=(python3 -c 'import csv, sys
with open(sys.argv[1], newline="") as f:
    for row in csv.reader(f): pass' "$OUT/answers.csv")

# Warm the page cache and check the report once.
"${TOFILE[@]}"
"${PYREAD[@]}"
python3 - "$OUT/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
answers = sum(len(learner["answers"]) for learner in report["learners"])
print(f"report: {len(report['learners'])} learners, {answers} answers on their paths, "
      f"{len(report['items'])} items, alpha {report['test']['alpha']:.3f}")
PY

DUCK=(python3 bench/grading/duckdb_grade.py "$OUT/bank" "$OUT/answers.csv")
if ! python3 -c 'import duckdb' 2>/dev/null; then
  echo "DuckDB is not installed (pip install duckdb): its row is left out" >&2
  DUCK=()
fi

python3 - "$RUNS" "$OUT" "${GRADE[@]}" -- "${PYREAD[@]}" -- "${DUCK[@]}" <<'PY'
import os, statistics, subprocess, sys, time
runs, out = int(sys.argv[1]), sys.argv[2]
rest = sys.argv[3:]
split = rest.index("--")
grade, rest = rest[:split], rest[split + 1:]
split = rest.index("--")
pyread, duck = rest[:split], rest[split + 1:]
tofile = grade + ["-o", f"{out}/report.json"]

def timed(command):
    # Standard output goes to /dev/null, as hyperfine does: the command's own work is timed.
    # What earlier runs wrote (the -o report, DuckDB's spill) is flushed first, untimed, so
    # no run pays for the disk writes of the one before it.
    os.sync()
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start

def peak(command):
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, check=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1]) / 1024

grade_times, file_times, python_times, duck_times = [], [], [], []
for _ in range(runs):
    grade_times.append(timed(grade))
    python_times.append(timed(pyread))
    file_times.append(timed(tofile))
    if duck:
        duck_times.append(timed(duck))
g, p = statistics.median(grade_times), statistics.median(python_times)
f = statistics.median(file_times)
memory = peak(grade)
file_memory = peak(tofile)
lines = [
    f"| rehearse grade --format json > /dev/null (item analysis included) | {g:.3f} s | {min(grade_times):.3f} s | {memory:.0f} MB |",
    f"| rehearse grade --format json -o report.json | {f:.3f} s | {min(file_times):.3f} s | {file_memory:.0f} MB |",
    f"| python3 csv.reader, reading only | {p:.3f} s | {min(python_times):.3f} s | {peak(pyread):.0f} MB |",
]
if duck:
    d = statistics.median(duck_times)
    lines.append(f"| DuckDB: join with the answer key, per learner and per item | {d:.3f} s | {min(duck_times):.3f} s | {peak(duck):.0f} MB |")
lines += [
    "",
    f"ratio rehearse / python (medians): {g / p:.2f} to /dev/null, {f / p:.2f} writing the file "
    f"(goal: at most 0.50); under 1 s: {'yes' if max(g, f) < 1 else 'NO'}; "
    f"under 500 MB: {'yes' if memory < 500 else 'NO'}; under 300 MB: {'yes' if memory < 300 else 'NO'}"
    + (f"; rehearse / DuckDB: {g / d:.2f}" if duck else ""),
]
table = "| command | median wall | best wall | peak memory |\n|---|---:|---:|---:|\n" + "\n".join(lines)
print(table)
with open(f"{out}/results.md", "w") as f:
    f.write(f"{runs} runs each, alternating.\n\n{table}\n")
PY
{
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores available"
  echo "- memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "- $(swift --version 2>&1 | grep -m1 -i 'swift version' | sed 's/^ *//'); $(python3 --version)"
} | tee "$OUT/machine.md"
