#!/usr/bin/env python3
"""Writes a large GIFT or Moodle XML file of customer-service questions for the import benchmark.

    python3 bench/gift/generate.py --questions 10000 > bench/out/bank-10000.gift
    python3 bench/gift/generate.py --questions 10000 --format xml > bench/out/bank-10000.xml

The questions cycle through choice (with per-answer and general feedback, some weighted),
multiple answers, true/false with feedback, short answers, numbers (tolerance and range),
HTML texts, essays and matching (the last two are skipped by the import), in a new category
every 40 questions. The output depends only on the arguments (seeded randomness).
"""

import argparse
import random
import sys
from xml.sax.saxutils import escape

TOPICS = ["Returns", "Billing", "Shipping", "Accounts", "Complaints", "Warranty", "Loyalty"]
CHANNELS = ["phone", "chat", "e-mail", "the shop", "social media"]
WORDS = ["refund", "invoice", "parcel", "password", "voucher", "receipt", "courier", "order"]


def gift_escape(text):
    out = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        out = out.replace(char, "\\" + char)
    return out


def question(rng, index):
    """One question as a neutral record: kind, title, prompt, answers, feedback."""
    topic = TOPICS[(index // 40) % len(TOPICS)]
    channel = rng.choice(CHANNELS)
    word = rng.choice(WORDS)
    kind = ["choice", "weighted", "multi", "truefalse", "short", "number", "range", "html",
            "essay", "matching"][index % 10]
    record = {
        "kind": kind,
        "id": f"q{index}",
        "title": f"{topic} {kind} {index}",
        "topic": topic,
        "tag": channel.replace(" ", "-").replace(".", ""),
        "general": f"On {channel}, the {word} comes first: {index}.",
    }
    if kind in ("choice", "weighted", "html"):
        record["prompt"] = (
            f"A customer on {channel} asks about a {word} (case {index}). What do you say first?"
        )
        if kind == "html":
            record["prompt"] = (
                f"<p>A customer on <b>{channel}</b> asks about a <i>{word}</i> "
                f"&amp; waits (case {index}). What first?</p>"
            )
        record["answers"] = [
            (100, "I understand, let me check that for you.", "Right: acknowledge, then act."),
            (50 if kind == "weighted" else 0, "Let me look at the policy.", "Only partly."),
            (0, "That is not my department.", "Never send the customer away."),
            (0, f"Please call back about the {word}.", "It makes the customer wait."),
        ]
    elif kind == "multi":
        record["prompt"] = f"Which details confirm who is calling about the {word}? (case {index})"
        record["answers"] = [
            (50, "The account number", "Yes."),
            (50, "The postcode", "Yes."),
            (-100, "The favourite colour", "Not a security detail."),
        ]
    elif kind == "truefalse":
        record["prompt"] = f"A {word} can be handled on {channel} without an order number ({index})."
        record["answer"] = index % 3 != 0
    elif kind == "short":
        record["prompt"] = f"One word for a returned payment (case {index})."
        record["answers"] = [(100, "refund", "Right."), (100, "reimbursement", "Also right.")]
    elif kind == "number":
        record["prompt"] = f"How many working days does a {word} take to arrive (case {index})?"
        record["answer"] = (3 + index % 5, 1)
    elif kind == "range":
        record["prompt"] = f"A good hold time in seconds for {channel} (case {index})?"
        record["range"] = (30, 60 + index % 30)
    elif kind == "essay":
        record["prompt"] = f"Describe how you would hand over a {word} complaint ({index})."
    else:
        record["prompt"] = f"Match each channel to its reply time (case {index})."
        record["pairs"] = [("Phone", "at once"), ("Chat", "a minute"), ("E-mail", "a day")]
    return record


def gift(record):
    lines = [f"// [id:{record['id']}] [tag:{record['tag']}]"]
    title = f"::{gift_escape(record['title'])}::"
    kind = record["kind"]
    prompt = record["prompt"] if kind == "html" else gift_escape(record["prompt"])
    if kind == "html":
        prompt = "[html]" + prompt.replace("{", "\\{").replace("}", "\\}")
    general = f"  ####{gift_escape(record['general'])}"
    if kind in ("choice", "weighted", "html"):
        body = []
        for weight, text, feedback in record["answers"]:
            if weight == 100:
                mark = "="
            elif weight > 0:
                mark = f"~%{weight}%"
            else:
                mark = "~"
            body.append(f"  {mark}{gift_escape(text)}#{gift_escape(feedback)}")
        lines.append(title + prompt + " {")
        lines += body + [general, "}"]
    elif kind == "multi":
        body = [
            f"  ~%{weight}%{gift_escape(text)}#{gift_escape(feedback)}"
            for weight, text, feedback in record["answers"]
        ]
        lines.append(title + prompt + " {")
        lines += body + [general, "}"]
    elif kind == "truefalse":
        answer = "TRUE" if record["answer"] else "FALSE"
        lines.append(f"{title}{prompt} {{{answer}#Not quite.#Right.{general.strip()}}}")
    elif kind == "short":
        answers = " ".join(f"={gift_escape(text)}" for _, text, _ in record["answers"])
        lines.append(f"{title}{prompt} {{{answers}}}")
    elif kind == "number":
        value, tolerance = record["answer"]
        lines.append(f"{title}{prompt} {{#{value}:{tolerance}}}")
    elif kind == "range":
        low, high = record["range"]
        lines.append(f"{title}{prompt} {{#{low}..{high}}}")
    elif kind == "essay":
        lines.append(f"{title}{prompt} {{}}")
    else:
        pairs = " ".join(f"={left} -> {right}" for left, right in record["pairs"])
        lines.append(f"{title}{prompt} {{{pairs}}}")
    return "\n".join(lines) + "\n\n"


def text_element(text, html=False):
    if html:
        return f'<text><![CDATA[{text}]]></text>'
    return f"<text>{escape(text)}</text>"


def xml(record):
    kind = record["kind"]
    html = kind == "html"
    qtype = {
        "choice": "multichoice", "weighted": "multichoice", "html": "multichoice",
        "multi": "multichoice", "truefalse": "truefalse", "short": "shortanswer",
        "number": "numerical", "range": "numerical", "essay": "essay", "matching": "matching",
    }[kind]
    fmt = "html" if html else "plain_text"
    out = [
        f'  <question type="{qtype}">',
        f"    <name>{text_element(record['title'])}</name>",
        f'    <questiontext format="{fmt}">{text_element(record["prompt"], html)}</questiontext>',
        f"    <generalfeedback>{text_element(record['general'])}</generalfeedback>",
        f"    <idnumber>{record['id']}</idnumber>",
    ]
    if kind in ("choice", "weighted", "html", "multi"):
        out.append(f"    <single>{'false' if kind == 'multi' else 'true'}</single>")
        for weight, text, feedback in record["answers"]:
            out.append(f'    <answer fraction="{weight}">{text_element(text)}')
            out.append(f"      <feedback>{text_element(feedback)}</feedback></answer>")
    elif kind == "truefalse":
        right = record["answer"]
        out.append(f'    <answer fraction="{100 if right else 0}"><text>true</text></answer>')
        out.append(f'    <answer fraction="{0 if right else 100}"><text>false</text></answer>')
    elif kind == "short":
        for weight, text, feedback in record["answers"]:
            out.append(f'    <answer fraction="{weight}">{text_element(text)}</answer>')
    elif kind in ("number", "range"):
        if kind == "number":
            value, tolerance = record["answer"]
        else:
            low, high = record["range"]
            value, tolerance = (low + high) / 2, (high - low) / 2
        out.append(f'    <answer fraction="100"><text>{value}</text>')
        out.append(f"      <tolerance>{tolerance}</tolerance></answer>")
    elif kind == "matching":
        for left, right in record["pairs"]:
            out.append(f"    <subquestion>{text_element(left)}")
            out.append(f"      <answer><text>{escape(right)}</text></answer></subquestion>")
    out.append(f"    <tags><tag>{text_element(record['tag'])}</tag></tags>")
    out.append("  </question>")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10000)
    parser.add_argument("--format", choices=["gift", "xml"], default="gift")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
    if args.format == "xml":
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n')
    else:
        out.write("// Generated for the import benchmark.\n\n")
    for index in range(args.questions):
        record = question(rng, index)
        if index % 40 == 0:
            path = f"$course$/top/Customer service/{record['topic']}"
            if args.format == "xml":
                out.write('  <question type="category">\n')
                out.write(f"    <category>{text_element(path)}</category>\n  </question>\n")
            else:
                out.write(f"$CATEGORY: {path}\n\n")
        out.write(xml(record) if args.format == "xml" else gift(record))
    if args.format == "xml":
        out.write("</quiz>\n")


if __name__ == "__main__":
    main()
