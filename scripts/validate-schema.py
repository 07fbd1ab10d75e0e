#!/usr/bin/env python3
"""Validate bank files against the JSON Schema that `rehearse schema` prints.

Usage:
    swift run rehearse schema > /tmp/schema.json
    python3 scripts/validate-schema.py /tmp/schema.json quizzes scenarios [rehearse.yaml ...]

Each argument after the schema is a YAML file or a folder (searched recursively for .yaml and
.yml files). YAML is read as the engine reads it (YAML 1.2 core: only true/false are booleans,
decimal numbers only, no dates), and duplicate keys are reported.

Before the files, the script checks the schema itself: a few documents that are valid must be
accepted and a few deliberately broken ones (an unknown key, a key of another kind, a bad id,
...) must be rejected, so that a schema that accepts everything cannot pass.

A file under a `scenarios/` folder is checked as a scenario, one under `quizzes/` as a quiz and
`rehearse.yaml` as the bank's configuration, as the loader does; other files are checked
against the whole schema.

Exit status: 0 when every check passes, 1 when any fails, 2 on a usage error.
Needs PyYAML and jsonschema (pip install pyyaml jsonschema).
"""

import copy
import json
import re
import sys
from pathlib import Path

try:
    import yaml
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError
except ImportError as missing:
    sys.exit(f"validate-schema: {missing}; install with `pip install pyyaml jsonschema`")


# --- YAML as the engine reads it ---------------------------------------------------------------


class DuplicateKeyError(yaml.YAMLError):
    pass


class CoreLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core scalars (as the engine's reader) and duplicate-key errors."""

    yaml_implicit_resolvers = {}

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, (str, int, float, bool)) and key in seen:
                raise DuplicateKeyError(
                    f"duplicate key `{key}` at line {key_node.start_mark.line + 1} "
                    f"(first given at line {seen[key]})"
                )
            if isinstance(key, (str, int, float, bool)):
                seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
    list("-+.0123456789"),
)
CoreLoader.add_constructor(
    "tag:yaml.org,2002:int", lambda loader, node: int(loader.construct_scalar(node), 10)
)
CoreLoader.add_constructor(
    "tag:yaml.org,2002:float", lambda loader, node: float(loader.construct_scalar(node))
)


def load_yaml(text):
    """The document and its node tree (for line numbers)."""
    loader = CoreLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
        return data, node
    finally:
        loader.dispose()


def locate(node, path, extra_key=None):
    """Line and column of the value at `path` in the node tree (or of `extra_key` inside it)."""
    best = node
    for part in path:
        if isinstance(best, yaml.MappingNode):
            match = next(
                (value for key, value in best.value if getattr(key, "value", None) == str(part)),
                None,
            )
        elif isinstance(best, yaml.SequenceNode) and isinstance(part, int):
            match = best.value[part] if part < len(best.value) else None
        else:
            match = None
        if match is None:
            break
        best = match
    if extra_key is not None and isinstance(best, yaml.MappingNode):
        for key, _ in best.value:
            if getattr(key, "value", None) == extra_key:
                best = key
                break
    if best is None:
        return 1, 1
    return best.start_mark.line + 1, best.start_mark.column + 1


# --- Schema checks -------------------------------------------------------------------------------


def short(value, limit=60):
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def where(path):
    parts = []
    for part in path:
        parts.append(f"[{part}]" if isinstance(part, int) else (f".{part}" if parts else part))
    return "".join(parts) or "(document)"


def required_sets(error):
    """For an anyOf/oneOf of `required` alternatives, the keys of each alternative."""
    options = error.validator_value if isinstance(error.validator_value, list) else []
    if options and all(isinstance(o, dict) and set(o) == {"required"} for o in options):
        return [o["required"] for o in options]
    return None


def describe(error):
    """A readable message for one validation error: (path, message, extra key to point at)."""
    kind = error.validator
    path = list(error.absolute_path)
    if kind == "additionalProperties":
        allowed = error.schema.get("properties", {})
        extra = [k for k in error.instance if k not in allowed] or ["?"]
        return path, f"unknown key `{extra[0]}`; allowed: {', '.join(allowed)}", extra[0]
    if kind == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        return path, f"missing key `{missing[0] if missing else error.validator_value}`", None
    if kind in ("anyOf", "oneOf"):
        sets = required_sets(error)
        if sets is not None:
            given = [s for s in sets if all(k in error.instance for k in s)]
            names = " or ".join(f"`{s[0]}`" for s in sets)
            if len(given) > 1:
                return path, f"takes only one of {names}", None
            return path, f"needs one of {names}", None
        if error.context:
            inner = min(error.context, key=lambda e: (len(e.absolute_path) * -1, str(e.message)))
            return describe(inner)
    if kind == "contains":
        return path, "no entry is marked right (`correct: true`, or a choice `score` above 0)", None
    if kind == "not" and isinstance(error.validator_value, dict) and "required" in error.validator_value:
        others = error.validator_value["required"]
        schema_path = list(error.absolute_schema_path)
        if len(schema_path) >= 3 and schema_path[-3] == "dependentSchemas":
            return path, f"`{others[0]}` cannot be given together with `{schema_path[-2]}`", others[0]
        return path, f"`{others[0]}` is not allowed here", others[0]
    if kind == "pattern":
        return path, f"{short(error.instance)} does not match {error.validator_value}", None
    if kind in ("enum", "const"):
        options = error.validator_value
        wanted = ", ".join(options) if isinstance(options, list) else str(options)
        return path, f"{short(error.instance)} is not one of: {wanted}", None
    if kind == "type":
        return path, f"{short(error.instance)} is not of type {error.validator_value}", None
    if kind == "dependentRequired":
        return path, f"{error.message}", None
    return path, f"{short(error.instance)}: {error.message[:200]}", None


def role_of(path, data):
    """The role the loader gives a file: by its path, else by its keys."""
    parts = Path(path).parts
    if parts and parts[-1] in ("rehearse.yaml", "rehearse.yml"):
        return "config"
    if "scenarios" in parts:
        return "scenario"
    if "quizzes" in parts:
        return "quiz"
    if isinstance(data, dict):
        if "steps" in data:
            return "scenario"
        if "items" in data:
            return "quiz"
        if "competencies" in data and "id" not in data:
            return "config"
    return None


class Checker:
    def __init__(self, schema):
        self.schema = schema
        self.validator = Draft202012Validator(schema)
        self.role_validators = {}
        definitions = schema.get("$defs", {})
        root_ref = schema.get("$ref", "")
        if "oneOf" in schema:
            self.roles = {r for r in ("quiz", "scenario", "config") if r in definitions}
        else:
            self.roles = {root_ref.rsplit("/", 1)[-1]} if root_ref else set()
        for role in self.roles:
            if "oneOf" in schema:
                # The same schema with the root pinned to one role, for precise messages.
                pinned = copy.deepcopy(schema)
                del pinned["oneOf"]
                pinned["$ref"] = f"#/$defs/{role}"
                self.role_validators[role] = Draft202012Validator(pinned)
            else:
                self.role_validators[role] = self.validator

    def errors(self, data, role):
        """Readable problems of a document: (path, message, extra key)."""
        if role is not None and role not in self.roles:
            return [([], f"the schema does not describe {role} files", None)]
        validator = self.role_validators.get(role, self.validator)
        found = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
        if not found and validator is not self.validator:
            found = list(self.validator.iter_errors(data))
        return [describe(error) for error in found]


# --- Self-test: documents the schema must accept or reject --------------------------------------

VALID_SCENARIO = """\
id: late-delivery
title: The late delivery
channel: phone
competencies: [empathy, product-knowledge]
customer: Maria, a repeat customer; her order is three days late
context: |
  Maria calls. Her order was promised for Friday; it is now Monday.
steps:
  - id: greet
    kind: choice
    prompt: Maria sounds upset. What do you say first?
    options:
      - id: a
        text: "I'm sorry your order is late. Let's find out where it is together."
        score: 2
        feedback: Acknowledges the feeling and commits to act.
        next: lookup
      - id: b
        text: Delays are the courier's responsibility, not ours.
        score: 0
        next: escalation
    points: 2
  - id: lookup
    kind: number
    competency: product-knowledge
    prompt: How many business days is the standard delivery promise?
    answer: 5
    tolerance: 0
    next: end
  - id: escalation
    kind: text
    prompt: Maria asks for a manager. Write your reply.
    rubric:
      - any: [sorry, apologise, apologize, understand]
        points: 1
      - any: [manager, supervisor, escalate]
"""

VALID_QUIZ = """\
id: empathy-essentials
title: Empathy essentials
description: First-week check on acknowledging and owning a customer's problem.
pass: 75%
mode: exam
shuffle: options
time-limit: 1h30m
items:
  - scenario: late-delivery
  - question:
      id: listen-first
      kind: truefalse
      competency: empathy
      prompt: Interrupting to offer a fix quickly shows a customer you care.
      answer: false
  - question:
      id: rate-replies
      kind: rate
      competencies: empathy
      prompt: Rate each reply.
      scale: 5
      responses:
        - {id: a, text: "I understand.", key: 4}
        - {id: b, text: "Calm down.", key: 1}
  - draw: 2
    from: { competency: above-and-beyond }
"""

VALID_CONFIG = """\
competencies:
  - id: empathy
    title: Empathy
    description: Acknowledging feelings, tone, respect, active listening.
  - id: upselling
    title: Upselling
"""

QUIZ_HEAD = "id: q\ntitle: Q\nitems:\n  - question:\n"
SCENARIO_HEAD = "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n"
TRUEFALSE = "      id: a\n      kind: truefalse\n      competency: empathy\n      prompt: P\n"

# (what, role, document): each must be rejected.
BROKEN = [
    ("unknown key in a quiz", "quiz", VALID_QUIZ.replace("title:", "titel:", 1)),
    ("unknown key in a scenario", "scenario", VALID_SCENARIO + "author: someone\n"),
    ("bad quiz id", "quiz", VALID_QUIZ.replace("id: empathy-essentials", "id: Empathy_Essentials")),
    ("bad step id", "scenario", VALID_SCENARIO.replace("- id: greet", "- id: -greet")),
    ("bad competency id", "config", VALID_CONFIG.replace("id: upselling", "id: Up Selling")),
    (
        "`options` on a truefalse question (a choice key)",
        "quiz",
        QUIZ_HEAD + TRUEFALSE + "      answer: true\n      options: [{id: x, text: X}]\n",
    ),
    (
        "`tolerance` on a choice step (a number key)",
        "scenario",
        VALID_SCENARIO.replace("    points: 2\n", "    points: 2\n    tolerance: 1\n"),
    ),
    (
        "`next` on an inline quiz question",
        "quiz",
        QUIZ_HEAD + TRUEFALSE + "      answer: true\n      next: end\n",
    ),
    (
        "`next` on an option of an inline quiz question",
        "quiz",
        QUIZ_HEAD
        + "      id: a\n      kind: choice\n      competency: empathy\n      prompt: P\n"
        + "      options:\n        - {id: x, text: X, correct: true, next: end}\n",
    ),
    (
        "`score` on a multi option",
        "quiz",
        QUIZ_HEAD
        + "      id: a\n      kind: multi\n      competency: empathy\n      prompt: P\n"
        + "      options:\n        - {id: x, text: X, correct: true, score: 1}\n",
    ),
    ("unknown kind", "quiz", QUIZ_HEAD + TRUEFALSE.replace("truefalse", "yesno") + "      answer: true\n"),
    ("`answer: yes` (not a YAML 1.2 boolean)", "quiz", QUIZ_HEAD + TRUEFALSE + "      answer: yes\n"),
    ("a truefalse question without `answer`", "quiz", QUIZ_HEAD + TRUEFALSE),
    ("an inline question without a competency", "quiz", QUIZ_HEAD + TRUEFALSE.replace("      competency: empathy\n", "") + "      answer: true\n"),
    ("a quiz item with two entries", "quiz", VALID_QUIZ.replace("  - scenario: late-delivery\n", "  - scenario: late-delivery\n    draw: 1\n")),
    ("an unknown draw filter", "quiz", VALID_QUIZ.replace("competency: above-and-beyond", "topic: refunds")),
    ("a bad channel", "scenario", VALID_SCENARIO.replace("channel: phone", "channel: fax")),
    ("a bad time limit", "quiz", VALID_QUIZ.replace("time-limit: 1h30m", "time-limit: 20 minutes")),
    ("a bad pass mark", "quiz", VALID_QUIZ.replace("pass: 75%", "pass: 120%")),
    ("a negative option score", "scenario", VALID_SCENARIO.replace("score: 0", "score: -1")),
    ("points of 0", "scenario", VALID_SCENARIO.replace("points: 2", "points: 0")),
    ("a scenario without steps", "scenario", "id: s\ntitle: S\ncompetencies: [empathy]\n"),
    ("a quiz with `steps`", "quiz", VALID_QUIZ + "steps: []\n"),
    (
        "a number question with both `answer` and `range`",
        "scenario",
        VALID_SCENARIO.replace("    tolerance: 0\n", "    range: [4, 6]\n"),
    ),
    ("`competency` and `competencies` on one question", "scenario", VALID_SCENARIO.replace("    competency: product-knowledge\n", "    competency: product-knowledge\n    competencies: [empathy]\n")),
    ("a rubric and `points` on one text step", "scenario", VALID_SCENARIO.replace("    kind: text\n", "    kind: text\n    points: 2\n")),
    ("a choice step where no option is right", "scenario", VALID_SCENARIO.replace("score: 2", "score: 0")),
    ("an order question with one item", "scenario", SCENARIO_HEAD + "  - id: a\n    kind: order\n    prompt: P\n    items: [{id: x, text: X}]\n"),
    ("a config with an id", "config", "id: bank\n" + VALID_CONFIG),
]

VALID = [
    ("the format's scenario example", "scenario", VALID_SCENARIO),
    ("the format's quiz example", "quiz", VALID_QUIZ),
    ("a rehearse.yaml", "config", VALID_CONFIG),
    ("a scenario without a path", None, VALID_SCENARIO),
    ("a quiz without a path", None, VALID_QUIZ),
]


def self_test(checker):
    """Problems with the schema itself: valid documents rejected, broken ones accepted."""
    problems = []
    checked = 0
    for what, role, text in VALID:
        if role is not None and role not in checker.roles:
            continue
        data, _ = load_yaml(text)
        if role is None and role_of("x.yaml", data) not in checker.roles:
            continue
        checked += 1
        errors = checker.errors(data, role)
        if errors:
            path, message, _ = errors[0]
            problems.append(f"{what} is valid but the schema rejects it: {where(path)}: {message}")
    for what, role, text in BROKEN:
        if role not in checker.roles:
            continue
        checked += 1
        data, _ = load_yaml(text)
        if not checker.errors(data, role):
            problems.append(f"{what} is broken but the schema accepts it")
    return checked, problems


# --- Main -----------------------------------------------------------------------------------------


def collect(arguments):
    files, missing = [], []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = [p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()]
            files.extend(sorted(found))
        elif path.is_file():
            files.append(path)
        else:
            missing.append(argument)
    return files, missing


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if len(argv) >= 2 else 2
    schema_path, targets = argv[1], argv[2:]
    try:
        schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError) as problem:
        print(f"validate-schema: cannot read the schema {schema_path}: {problem}", file=sys.stderr)
        return 1
    except SchemaError as problem:
        print(f"validate-schema: {schema_path} is not a valid JSON Schema: {problem.message}", file=sys.stderr)
        return 1

    checker = Checker(schema)
    failed_checks = 0
    checked, problems = self_test(checker)
    if problems:
        failed_checks = len(problems)
        print(f"FAIL schema self-test ({len(problems)} of {checked} checks):")
        for problem in problems:
            print(f"  {problem}")
    else:
        print(f"ok   schema self-test: {checked} documents accepted or rejected as they should be")

    files, missing = collect(targets)
    for argument in missing:
        print(f"FAIL {argument}: no such file or folder")
    passed = failed = 0
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
            data, node = load_yaml(text)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as problem:
            failed += 1
            print(f"FAIL {path}: cannot read it: {str(problem).strip()}")
            continue
        errors = checker.errors(data, role_of(str(path), data))
        if not errors:
            passed += 1
            continue
        failed += 1
        print(f"FAIL {path}: {len(errors)} problem{'s' if len(errors) != 1 else ''}")
        for error_path, message, key in errors:
            line, column = locate(node, error_path, key) if node is not None else (1, 1)
            print(f"  {path}:{line}:{column}: {where(error_path)}: {message}")

    failed += len(missing)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or failed_checks or not files else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
