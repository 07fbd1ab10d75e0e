#!/usr/bin/env python3
"""The DuckDB peer of the grading benchmark: joins a long answer sheet with the quiz's answer key
and aggregates per learner (score, max, percent, passed) and per item (answers, mean mark,
facility), as a team would grade the sheet with SQL instead of `rehearse grade`.

    python3 bench/grading/duckdb_grade.py BANK ANSWERS.csv

The key is built from the bank's YAML (PyYAML): one row per (question, accepted answer text,
points); an answer not in the key earns 0. Multiple choice answers are written `a;b` in the
sheet (sheets of older generators wrote `a,b` unquoted, so a fifth, optional column is still read
and joined back with a comma). It prints one line of totals
(the results are fetched into Python, as a report would need them).
"""
import os
import sys

import duckdb
import yaml


def key_rows(bank):
    rows = []

    def question(ref, q):
        kind = q.get("kind")
        points = float(q.get("points", 1))
        if kind == "choice":
            for option in q["options"]:
                if "score" in option:
                    rows.append((ref, str(option["id"]), float(option["score"]), 2.0))
                elif option.get("correct"):
                    rows.append((ref, str(option["id"]), points, points))
        elif kind == "truefalse":
            truth = bool(q["answer"])
            for text in (("true", "t", "yes") if truth else ("false", "f", "no")):
                rows.append((ref, text, points, points))
        elif kind == "number":
            answer = q["answer"]
            rows.append((ref, str(answer), points, points))
            if q.get("unit"):
                rows.append((ref, f"{answer} {q['unit']}", points, points))
        elif kind == "multi":
            correct = [str(o["id"]) for o in q["options"] if o.get("correct")]
            rows.append((ref, ";".join(correct), points, points))
            rows.append((ref, ",".join(correct), points, points))
        elif kind == "text":
            for text in q.get("accept", []):
                rows.append((ref, str(text).lower(), points, points))

    scenarios = {}
    for name in os.listdir(os.path.join(bank, "scenarios")):
        with open(os.path.join(bank, "scenarios", name)) as f:
            doc = yaml.load(f, Loader=yaml.CSafeLoader)
        scenarios[doc["id"]] = doc
    for name in os.listdir(os.path.join(bank, "quizzes")):
        with open(os.path.join(bank, "quizzes", name)) as f:
            quiz = yaml.load(f, Loader=yaml.CSafeLoader)
        for item in quiz["items"]:
            if "scenario" in item:
                for step in scenarios[item["scenario"]]["steps"]:
                    question(f"{item['scenario']}/{step['id']}", step)
            elif "question" in item:
                question(f"{quiz['id']}/{item['question']['id']}", item["question"])
    return rows


def main():
    bank, sheet = sys.argv[1], sys.argv[2]
    db = duckdb.connect()
    db.execute("CREATE TABLE answer_key (question VARCHAR, answer VARCHAR, points DOUBLE, max DOUBLE)")
    db.executemany("INSERT INTO answer_key VALUES (?, ?, ?, ?)", key_rows(bank))
    db.execute("""
        CREATE TEMP TABLE marks AS
        SELECT s.learner, s.question, coalesce(k.points, 0) AS mark
        FROM read_csv('{path}', header = true, null_padding = true, delim = ',', quote = '"',
                      strict_mode = false, auto_detect = false,
                      columns = {'learner': 'VARCHAR', 'quiz': 'VARCHAR', 'question': 'VARCHAR',
                                 'answer': 'VARCHAR', 'extra': 'VARCHAR'}) AS s
        LEFT JOIN answer_key AS k
          ON k.question = s.question
         AND k.answer = lower(trim(CASE WHEN s.extra IS NULL THEN s.answer
                                        ELSE s.answer || ',' || s.extra END))
    """.replace("{path}", sheet.replace("'", "''")))
    db.execute("""
        CREATE TEMP TABLE item_max AS
        SELECT question, max(max) AS max FROM answer_key GROUP BY question
    """)
    learners = db.execute("""
        SELECT learner, sum(mark) AS score, sum(mark) / (SELECT sum(max) FROM item_max) * 100 AS percent,
               sum(mark) / (SELECT sum(max) FROM item_max) >= 0.6 AS passed
        FROM marks GROUP BY learner ORDER BY learner
    """).fetchall()
    items = db.execute("""
        SELECT m.question, count(*) AS answers, avg(m.mark) AS mean, avg(m.mark) / i.max AS facility
        FROM marks AS m JOIN item_max AS i USING (question)
        GROUP BY m.question, i.max ORDER BY m.question
    """).fetchall()
    passed = sum(1 for row in learners if row[3])
    print(f"duckdb: {len(learners)} learners ({passed} passed), {len(items)} items, "
          f"{sum(row[1] for row in items)} answers")


if __name__ == "__main__":
    main()
