#!/usr/bin/env python3
"""Add quizzes of unknown scenario references to a generated bank, for timing the did-you-mean.

    python3 bench/generate_bank.py OUT --scenarios 2000 --quizzes 0
    python3 bench/unknown_refs.py OUT --refs 13506

Each reference is an existing scenario id with one letter changed, dropped or doubled (a typo,
which gets a suggestion) or, one in four, a made-up id (which gets none). The references are split
into quizzes of 500 items so no file nears the bank's size limits. Deterministic for a seed.
"""

import argparse
import os
import random


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bank", help="a bank written by bench/generate_bank.py")
    parser.add_argument("--refs", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    ids = []
    for folder, _, names in sorted(os.walk(os.path.join(args.bank, "scenarios"))):
        ids += [name[:-5] for name in sorted(names) if name.endswith(".yaml")]
    if not ids:
        raise SystemExit("no scenarios in " + args.bank)
    known = set(ids)
    refs = []
    while len(refs) < args.refs:
        if rng.random() < 0.25:
            ref = "no-such-" + "".join(rng.choice("abcdefghij") for _ in range(10))
        else:
            word = list(rng.choice(ids))
            at = rng.randrange(len(word))
            change = rng.choice(("swap-letter", "drop", "double"))
            if change == "swap-letter":
                word[at] = rng.choice("xyz")
            elif change == "drop":
                del word[at]
            else:
                word.insert(at, word[at])
            ref = "".join(word)
        if ref not in known and ref.strip("-") == ref:
            refs.append(ref)
    folder = os.path.join(args.bank, "quizzes")
    os.makedirs(folder, exist_ok=True)
    for number, start in enumerate(range(0, len(refs), 500)):
        quiz = f"unknown-refs-{number:03d}"
        lines = [f"id: {quiz}", f"title: Unknown references {number}", "items:"]
        lines += [f"  - scenario: {ref}" for ref in refs[start:start + 500]]
        with open(os.path.join(folder, quiz + ".yaml"), "w") as out:
            out.write("\n".join(lines) + "\n")
    print(f"wrote {len(refs)} unknown references in {(len(refs) + 499) // 500} quizzes")


if __name__ == "__main__":
    main()
