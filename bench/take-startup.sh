#!/usr/bin/env bash
# Time from start to the first question of `rehearse take` on a generated 20,000-question bank
# (2,000 files). Release build; the bank comes from bench/generate_bank.py (fixed seed, so the same
# quizzes every time). Each run starts the program with a pipe for standard input, reads its output
# until "Question 1" appears, and stops the clock there; then closes the pipe (the learner leaves
# before answering, so nothing is saved). The first run of each quiz starts with an empty data
# folder, so it includes building the pool index (see QuizLoader and PoolIndex); the timed runs
# reuse it, as every later `take` on an unchanged bank does. Run from anywhere:
# `bash bench/take-startup.sh`.
#
# Knobs (environment): RUNS (20), WARMUP (3), BANK (bench/out/bank: generated when missing),
# QUIZZES (quiz ids; default: one quiz of each kind of draw found in the bank, see below).
# Results: bench/out/take-startup.md.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=bench/out
BANK=${BANK:-$OUT/bank}
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
BIN=.build/release/rehearse
mkdir -p "$OUT"

echo "== build"
swift build -c release 2>&1 | tail -1

if [ ! -d "$BANK/quizzes" ]; then
  echo "== generate"
  python3 bench/generate_bank.py "$BANK"
fi

echo "== time to the first question"
python3 - "$BIN" "$BANK" "$RUNS" "$WARMUP" "${QUIZZES:-}" > "$OUT/take-startup.md" <<'PY'
import glob, os, platform, re, statistics, subprocess, sys, tempfile, time

binary, bank, runs, warmup, chosen = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]

def kind(path):
    """How a quiz's draws choose their pool: by name only, or by competency/channel/tags."""
    text = open(path, encoding="utf-8").read()
    pools = re.findall(r"^\s*from:\s*\n((?:\s{6,}.*\n)+)", text, re.M)
    if not pools:
        return "lists scenarios, no draw" if "draw:" not in text else "draws from named scenarios"
    keys = set()
    for pool in pools:
        keys.update(re.findall(r"^\s+(competenc\w*|channel|tags|scenarios):", pool, re.M))
    if keys <= {"scenarios"}:
        return "draws from named scenarios"
    return "draws by " + ", ".join(sorted(k for k in keys if k != "scenarios"))

quizzes = {}
for path in sorted(glob.glob(os.path.join(bank, "quizzes", "**", "*.yaml"), recursive=True)):
    quizzes[os.path.splitext(os.path.basename(path))[0]] = kind(path)
if chosen:
    picked = chosen.split()
else:
    picked, seen = [], set()
    for quiz, k in quizzes.items():
        group = "named" if "named" in k or "no draw" in k else k
        if group not in seen:
            seen.add(group)
            picked.append(quiz)

env = dict(os.environ, REHEARSE_NOW="2026-01-05T09:00:00Z", NO_COLOR="1")

def once(quiz, data):
    command = [binary, "take", quiz, "--bank", bank, "--learner", "bench", "--seed", "1",
               "--data-dir", data]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, env=env)
    seen = b""
    while b"Question 1" not in seen:
        chunk = os.read(child.stdout.fileno(), 65536)
        if not chunk:
            raise SystemExit(f"{quiz}: the program ended before the first question")
        seen += chunk
    elapsed = time.perf_counter() - start
    child.stdin.close()
    child.stdout.read()
    child.wait()
    return elapsed

cpu = "?"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
except OSError:
    pass
files = len(glob.glob(os.path.join(bank, "**", "*.yaml"), recursive=True))
print("## Time to the first question (`rehearse take`)\n")
print(f"- machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}")
print(f"- bank: {files} files (`python3 bench/generate_bank.py {bank}`)")
print(f"- per quiz: one run with an empty data folder (first run: a draw by competency,")
print(f"  channel or tags builds the pool index), then {warmup} warm-up runs and {runs} timed runs;")
print("  the clock stops when `Question 1` is printed\n")
print("| quiz | its draws | first run | mean | median | min | max |")
print("|---|---|---|---|---|---|---|")
ms = lambda t: f"{t * 1000:.0f} ms"
for quiz in picked:
    data = tempfile.mkdtemp(prefix="rehearse-bench-")
    first = once(quiz, data)
    for _ in range(warmup):
        once(quiz, data)
    times = [once(quiz, data) for _ in range(runs)]
    print(f"| {quiz} | {quizzes.get(quiz, '?')} | {ms(first)} | {ms(statistics.mean(times))} | "
          f"{ms(statistics.median(times))} | {ms(min(times))} | {ms(max(times))} |")
    sys.stdout.flush()
PY
cat "$OUT/take-startup.md"
echo
echo "written to $OUT/take-startup.md"
