#!/usr/bin/env python3
"""Generates the grading benchmark: a bank with one quiz of 100 questions (10 branching scenarios
of 6 steps, 40 inline questions of five kinds) and a long CSV answer sheet of LEARNERS x 100
answers, with answers drawn from a simple ability model so item analysis has something to find.

    python3 bench/grading/generate.py OUT [--learners 10000] [--seed 1] [--scale 1]

`--scale K` makes the quiz K times as long (10K scenarios, 40K inline questions): 10,000
learners at scale 10 are 10,000,000 answers of 1,000 each.

Writes OUT/bank/{quizzes,scenarios}/*.yaml and OUT/answers.csv.
"""
import argparse
import os
import random

SCENARIOS = 10
STEPS = 6
INLINE = 40


def scenario_yaml(s):
    sid = f"bench-case-{s:02d}"
    lines = [
        f"id: {sid}",
        f"title: Benchmark case {s}",
        "channel: phone",
        "competencies: [empathy, product-knowledge]",
        "steps:",
    ]
    for k in range(STEPS):
        lines += [f"  - id: step-{k}", "    kind: choice", f"    prompt: Case {s}, step {k}?", "    options:"]
        for o, score in zip("abcd", (2, 1, 0, 0)):
            nxt = ""
            if k == 0 and o == "d":
                nxt = ", next: step-2"  # branching: d skips step-1
            lines.append(f"      - {{id: {o}, text: Option {o}, score: {score}{nxt}}}")
    return sid, "\n".join(lines) + "\n"


def inline_question(q):
    kind = ("choice", "truefalse", "number", "multi", "text")[q % 5]
    qid = f"q{q:02d}"
    head = [f"  - question:", f"      id: {qid}", f"      kind: {kind}",
            f"      competency: {('empathy', 'product-knowledge', 'above-and-beyond')[q % 3]}",
            f"      prompt: Inline question {q}?"]
    if kind == "choice":
        head += ["      options:", "        - {id: a, text: A, correct: true}",
                 "        - {id: b, text: B}", "        - {id: c, text: C}"]
    elif kind == "truefalse":
        head += ["      answer: true"]
    elif kind == "number":
        head += ["      answer: 30", "      unit: days"]
    elif kind == "multi":
        head += ["      scoring: partial", "      options:",
                 "        - {id: a, text: A, correct: true}", "        - {id: b, text: B, correct: true}",
                 "        - {id: c, text: C, correct: false}", "        - {id: d, text: D, correct: false}"]
    else:
        head += ["      accept: [Northwind Circle, the Circle]"]
    return qid, kind, "\n".join(head)


def answer_for(kind, good, rng):
    if kind == "step":
        return rng.choice("ab") if good else rng.choice("bcd")
    if kind == "choice":
        return "a" if good else rng.choice("bc")
    if kind == "truefalse":
        return "true" if good else rng.choice(("false", "no", "f"))
    if kind == "number":
        return "30 days" if good else rng.choice(("14", "28 days", "60"))
    if kind == "multi":
        # Semicolons: a comma would need quotes (RFC 4180), and a sheet with quotes is read on
        # one core.
        return "a;b" if good else rng.choice(("a", "a;c", "b;d", "c"))
    return "Northwind Circle" if good else rng.choice(("Rewards club", "circle club", "NW Plus"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--learners", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    bank = os.path.join(args.out, "bank")
    os.makedirs(os.path.join(bank, "quizzes"), exist_ok=True)
    os.makedirs(os.path.join(bank, "scenarios"), exist_ok=True)

    items = []  # (ref, kind)
    quiz = ["id: bench-grading", "title: Grading benchmark", "pass: 60%", "mode: exam", "items:"]
    inline = 0
    for s in range(SCENARIOS * args.scale):
        sid, text = scenario_yaml(s)
        with open(os.path.join(bank, "scenarios", sid + ".yaml"), "w") as f:
            f.write(text)
        quiz.append(f"  - scenario: {sid}")
        items += [(f"{sid}/step-{k}", "step") for k in range(STEPS)]
        for _ in range(INLINE // SCENARIOS):
            qid, kind, text = inline_question(inline)
            quiz.append(text)
            items.append((f"bench-grading/{qid}", kind))
            inline += 1
    with open(os.path.join(bank, "quizzes", "bench-grading.yaml"), "w") as f:
        f.write("\n".join(quiz) + "\n")

    difficulty = [rng.uniform(-1.5, 1.5) for _ in items]
    with open(os.path.join(args.out, "answers.csv"), "w", newline="") as f:
        f.write("learner,quiz,question,answer\n")
        for n in range(args.learners):
            learner = f"learner{n:05d}@example.com"
            ability = rng.gauss(0, 1)
            rows = []
            for (ref, kind), d in zip(items, difficulty):
                good = rng.random() < 1 / (1 + 2.718281828 ** (d - ability))
                rows.append(f"{learner},bench-grading,{ref},{answer_for(kind, good, rng)}\n")
            f.write("".join(rows))


if __name__ == "__main__":
    main()
