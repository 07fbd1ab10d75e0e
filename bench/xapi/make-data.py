#!/usr/bin/env python3
"""Makes a bank and a data folder for the xAPI benchmark.

    make-data.py OUT LEARNERS ANSWERS

OUT/bank: a quiz `bench` of ANSWERS inline choice questions. OUT/data/progress: LEARNERS
learners, each with one finished attempt answering every question (seeded, so every run makes
the same folder).
"""
import json
import os
import random
import sys

out, learners, answers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(f"{out}/bank/quizzes", exist_ok=True)
os.makedirs(f"{out}/data/progress", exist_ok=True)
with open(f"{out}/bank/quizzes/bench.yaml", "w") as quiz:
    quiz.write("id: bench\ntitle: Benchmark quiz\nitems:\n")
    for n in range(answers):
        quiz.write(
            f"  - question:\n      id: q{n}\n      kind: choice\n      competency: empathy\n"
            f"      prompt: \"Question {n}: what does the customer need first?\"\n"
            "      options:\n"
            "        - {id: a, text: An apology and a plan, correct: true}\n"
            "        - {id: b, text: The returns policy}\n"
            "        - {id: c, text: A transfer to another team}\n")
generator = random.Random(7)
for learner in range(learners):
    name = f"learner{learner:05d}"
    picks = [generator.choice("abc") for _ in range(answers)]
    score = sum(1 for pick in picks if pick == "a")
    attempt = {
        "format": "rehearse-attempt", "version": 1, "id": f"bench-{learner:05d}",
        "learner": name, "quiz": "bench", "quizHash": "fnv1a64:0000000000000000",
        "mode": "exam", "seed": learner, "status": "finished",
        "startedAt": "2026-03-01T09:00:00Z", "finishedAt": "2026-03-01T09:30:00Z",
        "answers": [
            {"ref": f"bench/q{n}", "answer": pick, "score": 1 if pick == "a" else 0, "max": 1,
             "answeredAt": f"2026-03-01T09:{n * 29 // answers:02d}:{n % 60:02d}Z"}
            for n, pick in enumerate(picks)
        ],
        "score": score, "max": answers, "percent": 100 * score / answers,
        "passed": score * 100 >= 70 * answers,
    }
    with open(f"{out}/data/progress/{name}.json", "w") as file:
        json.dump({"format": "rehearse-progress", "version": 1, "learner": name,
                   "attempts": [attempt], "items": {}}, file)
