#!/usr/bin/env python3
"""Helpers for bench/run.sh.

    python3 bench/timing.py run --runs N --warmup W --json OUT.json -- COMMAND [ARGS...]
        Times COMMAND N times after W warm-up runs (output discarded) and writes the results
        in hyperfine's --export-json layout. Used when hyperfine is not installed.

    python3 bench/timing.py peak-rss -- COMMAND [ARGS...]
        Runs COMMAND once and prints its peak resident set size in KiB (for machines without
        /usr/bin/time).

    python3 bench/timing.py report --dir bench/out
        Reads the JSON files and notes run.sh left in DIR and prints the Markdown report.
"""

import json
import os
import resource
import shlex
import statistics
import subprocess
import sys
import time


def run(argv):
    runs, warmup, out = 10, 2, None
    while argv and argv[0] != "--":
        flag, value = argv[0], argv[1]
        argv = argv[2:]
        if flag == "--runs":
            runs = int(value)
        elif flag == "--warmup":
            warmup = int(value)
        elif flag == "--json":
            out = value
        else:
            sys.exit(f"unknown option {flag}")
    command = shlex.split(argv[1]) if len(argv) == 2 else argv[1:]
    shown = argv[1] if len(argv) == 2 else " ".join(argv[1:])
    times, codes = [], []
    for i in range(warmup + runs):
        start = time.perf_counter()
        code = subprocess.call(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        if i >= warmup:
            times.append(elapsed)
            codes.append(code)
    result = {
        "command": shown, "mean": statistics.mean(times),
        "stddev": statistics.stdev(times) if len(times) > 1 else None,
        "median": statistics.median(times), "min": min(times), "max": max(times),
        "times": times, "exit_codes": codes,
    }
    print(f"  {result['command'][:90]}\n    mean {result['mean'] * 1000:.1f} ms, min "
          f"{result['min'] * 1000:.1f} ms over {runs} runs")
    with open(out, "w") as f:
        json.dump({"results": [result]}, f, indent=2)


def peak_rss(argv):
    command = argv[1:]
    subprocess.call(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def load(path):
    try:
        with open(path) as f:
            return json.load(f)["results"]
    except (OSError, ValueError, KeyError):
        return []


def note(folder, name, default=""):
    try:
        with open(os.path.join(folder, name)) as f:
            return f.read().strip()
    except OSError:
        return default


def seconds(value):
    if value is None:
        return "n/a"
    return f"{value:.3f} s" if value >= 1 else f"{value * 1000:.0f} ms"


def report(argv):
    folder = argv[argv.index("--dir") + 1]
    rows = []  # (label, result or None, exit, rss, remark)
    # the commands, as run.sh recorded them: one "label<TAB>file<TAB>result-index" per row
    results = {}
    for name in ("t-main.json", "t-invalid.json", "t-schema.json"):
        for r in load(os.path.join(folder, name)):
            results[r["command"]] = r
    lines = note(folder, "rows.tsv").splitlines()
    for line in lines:
        label, command, shown, exit_code, rss, remark = (line.split("\t") + [""] * 6)[:6]
        rows.append((label, shown, results.get(command), exit_code, rss, remark))

    out = []
    out.append("## Machine\n")
    out.append(note(folder, "machine.md"))
    out.append("\n## Bank\n")
    out.append(note(folder, "bank.md"))
    out.append("\n## Results\n")
    out.append("| | command | exit | mean | σ | min | max | runs | peak RSS |")
    out.append("|---|---|---|---|---|---|---|---|---|")
    by_label = {}
    for label, shown, r, exit_code, rss, remark in rows:
        by_label[label[:3]] = r
        if r is None:
            out.append(f"| {label} | `{shown}` | {exit_code or '-'} | {remark or 'skipped'} | | | | | |")
            continue
        rss_text = f"{int(rss) / 1024:.0f} MiB" if rss.isdigit() else (rss or "-")
        if not exit_code:  # the exit codes of the timed runs themselves
            exit_code = ", ".join(sorted({str(c) for c in r.get("exit_codes") or []})) or "-"
        out.append(
            f"| {label} | `{shown}` | {exit_code} | {seconds(r['mean'])} | {seconds(r.get('stddev'))} | "
            f"{seconds(r['min'])} | {seconds(r['max'])} | {len(r['times'])} | {rss_text} |")
    check, pyyaml = by_label.get("(a)"), by_label.get("(b)")
    out.append("")
    if check and pyyaml:
        ratio = check["mean"] / pyyaml["mean"]
        ratio_min = check["min"] / pyyaml["min"]
        under = check["mean"] < 1.0
        half = ratio <= 0.5
        out.append(f"- check / PyYAML parse: **{ratio:.2f}** (means), {ratio_min:.2f} (minimums); "
                   f"the goal is at most 0.50: **{'met' if half else 'NOT met'}**.")
        out.append(f"- check under 1 s wall: **{'met' if under else 'NOT met'}** "
                   f"({seconds(check['mean'])} mean).")
        schema = by_label.get("(c)")
        if schema:
            out.append(f"- check-jsonschema / check: {schema['mean'] / check['mean']:.0f}x.")
        with open(os.path.join(folder, "verdict.txt"), "w") as f:
            f.write(f"ratio={ratio:.3f} under1s={under} half={half}\n")
    out.append("\n## Commands\n")
    out.append("```sh\n" + note(folder, "commands.txt") + "\n```")
    print("\n".join(out))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    {"run": run, "peak-rss": peak_rss, "report": report}[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
