#!/usr/bin/env python3
"""Writes the FSRS-6 test vectors that RehearseProgress's scheduler must reproduce.

The reference is the Python package `fsrs` (install it with `pip install fsrs`), configured
as the spec fixes it: default parameters, desired retention 0.9, no learning or relearning
steps, no fuzz. The script draws random rating histories at random times (whole seconds,
UTC) for a few dozen cards, reviews them with the reference scheduler and writes every
review with the state it produced. Only the vectors are kept in the repository.

Usage: python3 scripts/fsrs-vectors.py [OUTPUT] [--seed N]
"""

import argparse
import importlib.metadata
import json
import random
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler

DEFAULT_OUTPUT = "Tests/RehearseProgressTests/Fixtures/fsrs-vectors.json"


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def next_gap(rng: random.Random) -> timedelta:
    """A gap between two reviews: same minute to over a year, same-day gaps common."""
    kind = rng.random()
    if kind < 0.25:
        return timedelta(seconds=rng.randint(0, 3600))  # same session or same hour
    if kind < 0.40:
        return timedelta(seconds=rng.randint(3600, 86_399))  # same day, later
    if kind < 0.50:
        return timedelta(seconds=rng.randint(86_400, 2 * 86_400))  # around one day
    if kind < 0.85:
        return timedelta(seconds=rng.randint(86_400, 40 * 86_400))
    return timedelta(seconds=rng.randint(40 * 86_400, 500 * 86_400))


def next_rating(rng: random.Random) -> Rating:
    return rng.choices(
        [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy], weights=[2, 2, 5, 1]
    )[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default=DEFAULT_OUTPUT)
    parser.add_argument("--seed", type=int, default=20260103)
    parser.add_argument("--cards", type=int, default=40)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    scheduler = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    cards = []
    total = 0
    for index in range(args.cards):
        moment = datetime(2026, 1, 1, tzinfo=timezone.utc) + timedelta(
            seconds=rng.randint(0, 90 * 86_400)
        )
        card = Card(card_id=index + 1, due=moment)
        reviews = []
        for _ in range(rng.randint(3, 14)):
            rating = next_rating(rng)
            card, _ = scheduler.review_card(card, rating, review_datetime=moment)
            reviews.append(
                {
                    "rating": int(rating),
                    "at": iso(moment),
                    "stability": card.stability,
                    "difficulty": card.difficulty,
                    "due": iso(card.due),
                }
            )
            moment = moment + next_gap(rng)
        total += len(reviews)
        cards.append({"card": f"card-{index + 1}", "reviews": reviews})

    document = {
        "generator": "scripts/fsrs-vectors.py",
        "reference": "fsrs " + importlib.metadata.version("fsrs"),
        "scheduler": {
            "parameters": list(scheduler.parameters),
            "desiredRetention": scheduler.desired_retention,
            "learningSteps": [],
            "relearningSteps": [],
            "maximumInterval": scheduler.maximum_interval,
            "enableFuzzing": False,
        },
        "seed": args.seed,
        "reviewCount": total,
        "cards": cards,
    }
    with open(args.output, "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=1)
        handle.write("\n")
    print(f"wrote {total} reviews of {len(cards)} cards to {args.output}")


if __name__ == "__main__":
    main()
