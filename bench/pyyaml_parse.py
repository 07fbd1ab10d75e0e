#!/usr/bin/env python3
"""Baseline for the benchmark: parse every bank file with PyYAML's C loader, and nothing else.

    python3 bench/pyyaml_parse.py BANK_DIR

Loads each `.yaml`/`.yml` file under BANK_DIR/quizzes and BANK_DIR/scenarios with
`yaml.load(f, Loader=yaml.CSafeLoader)`, one after the other in this one process, and prints how
many it parsed. No validation: this is the floor any Python-based linter starts from.
"""

import os
import sys

import yaml


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    if not getattr(yaml, "__with_libyaml__", False):
        sys.exit("PyYAML has no libyaml here: yaml.CSafeLoader is missing")
    root = sys.argv[1]
    paths = []
    for folder in ("quizzes", "scenarios"):
        for top, dirs, files in os.walk(os.path.join(root, folder)):
            dirs.sort()
            paths += [os.path.join(top, f) for f in sorted(files) if f.endswith((".yaml", ".yml"))]
    documents = 0
    for path in paths:
        with open(path, "rb") as f:
            if yaml.load(f, Loader=yaml.CSafeLoader) is not None:
                documents += 1
    print(f"parsed {documents} of {len(paths)} files")


if __name__ == "__main__":
    main()
