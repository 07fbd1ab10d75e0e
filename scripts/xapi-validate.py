#!/usr/bin/env python3
"""Validates xAPI statements with Ralph's models (ralph.models.xapi), offline.

    xapi-validate.py FILE...    (a JSON array of statements, or `-` for standard input)

Prints how many statements each file holds and every statement that does not validate, with
Ralph's reasons; exits 1 when any does not.
"""
import json
import sys

from pydantic import ValidationError
from ralph.models.xapi.base.statements import BaseXapiStatement


def main(paths):
    failures = 0
    for path in paths:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
        statements = json.loads(text)
        if not isinstance(statements, list):
            statements = [statements]
        for index, statement in enumerate(statements):
            try:
                BaseXapiStatement.model_validate(statement)
            except ValidationError as error:
                failures += 1
                print(f"{path}: statement {index} ({statement.get('id')}): {error}", file=sys.stderr)
        print(f"{path}: {len(statements)} statements, {failures} invalid")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["-"]))
