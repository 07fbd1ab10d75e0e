#!/usr/bin/env python3
"""Generate a large, realistic Rehearse bank for benchmarks.

    python3 bench/generate_bank.py OUT_DIR [--scenarios N] [--steps-per-scenario M]
                                           [--quizzes Q] [--questions-per-quiz K]
                                           [--invalid K] [--seed S]

The defaults give 2,000 files (1,900 scenarios and 100 quizzes) holding 20,000 questions
(1,900 x 10 steps + 100 x 10 inline questions), about 8 MB of YAML. The output is a function of
the arguments alone: the same arguments always write the same bytes.

The bank uses every question kind, branching scenarios (options with `next`, acyclic, every step
reachable), the three built-in competencies, and quizzes that list scenarios, hold inline
questions and draw from pools large enough for every draw. It passes `rehearse check` with no
finding, unless `--invalid K` asks for K files with the mistakes authors really make (misspelt
keys, references to steps or scenarios that do not exist, unknown competencies, wrong values).

Only the standard library is used; the YAML is written by hand the way an author writes it.
"""

import argparse
import os
import random
import re
import shutil
import sys

COMPANY = "Northwind Home"
CLUB = "Northwind Circle"
COMPETENCIES = ["empathy", "product-knowledge", "above-and-beyond"]
CHANNELS = ["phone", "chat", "email", "in-person", "internal"]
KINDS = ["choice", "multi", "truefalse", "order", "text", "number", "rate"]

FIRST_NAMES = """Maria Ahmed Chloe Daniel Priya Tomasz Ingrid Kwame Lucia Oliver Mei Rafael Sofia
Jonas Amara Hugo Elena Farid Grace Henrik Isabel Jamal Keiko Liam Nadia Oscar Paula Quentin Rosa
Samuel Tara Umar Vera Wendell Ximena Yusuf Zoe Arjun Beatrice Carlos Delphine Emeka Fatima Gustav
Hannah Ivan Julia Kofi Leila Marco Nora Omar Petra Ravi Selma Theo Ulla Viktor Wanda Yara""".split()
LAST_NAMES = """Chen Okafor Novak Fernandes Lindqvist Brennan Haddad Moreau Sato Kowalski Osei
Varga Jensen Rossi Nakamura Abebe Schmidt Duarte Kaur MacLeod Petrov Ibrahim Costa Walsh Tanaka
Larsen Mendes Quinn Adeyemi Horvath Silva Becker""".split()
COLLEAGUES = """Anna Ben Carla Dev Eli Femi Gita Hal Iris Joe Kim Lars Mona Nils Pia Raj Sam Tess
Uma Vic""".split()
STORES = ["Harbourside", "Riverside", "Old Town", "Northgate", "Westfield", "the airport outlet"]

# (name, low price, high price, category)
PRODUCTS = [
    ("oak bookcase", 189, 349, "furniture"), ("three-seat sofa", 699, 1499, "furniture"),
    ("linen duvet cover", 59, 129, "textiles"), ("cast-iron casserole", 89, 179, "kitchen"),
    ("smart table lamp", 49, 99, "lighting"), ("memory-foam mattress", 399, 899, "bedroom"),
    ("espresso machine", 249, 599, "kitchen"), ("wool rug", 149, 449, "textiles"),
    ("extendable dining table", 499, 1099, "furniture"), ("set of six oak chairs", 420, 780, "furniture"),
    ("blender", 59, 149, "kitchen"), ("standing desk", 379, 699, "office"),
    ("blackout curtains", 45, 120, "textiles"), ("ceramic dinner set", 79, 199, "kitchen"),
    ("outdoor lounge set", 899, 1899, "garden"), ("robot vacuum", 299, 649, "appliances"),
    ("bathroom cabinet", 129, 289, "bathroom"), ("floor lamp", 69, 189, "lighting"),
    ("kettle", 29, 89, "kitchen"), ("bunk bed", 449, 799, "bedroom"),
    ("office chair", 199, 449, "office"), ("chest of drawers", 229, 479, "bedroom"),
    ("pendant light", 59, 239, "lighting"), ("garden parasol", 79, 259, "garden"),
]

# slug, title pattern, context sentences, tags
SITUATIONS = [
    ("late-delivery", "The late {product}", [
        "{name} ordered a {product} {days} days ago; the promise was {promise} business days and tracking has not moved since {weekday}.",
        "{pronoun_cap} has taken a day off work twice to wait for the courier.",
        "The order is paid in full, ${price}, and was placed on the website with standard delivery.",
        "The courier's portal shows the parcel as held at the regional depot with no reason given.",
    ], ["delivery", "courier"]),
    ("wrong-colour", "The wrong colour {product}", [
        "{name} ordered a {product} in {colour_a} and received one in {colour_b}.",
        "{pronoun_cap} needs it for a family visit on {weekday} and is worried there is no time for an exchange.",
        "The packing slip shows the right colour, so the mistake happened in the warehouse.",
        "The {colour_a} version is in stock at the {store} store and in the central warehouse.",
    ], ["exchange", "warehouse"]),
    ("damaged-on-arrival", "A damaged {product}", [
        "{name}'s {product} arrived with a cracked panel and a torn box.",
        "{pronoun_cap} sent two photos with the first message and is clearly disappointed.",
        "The delivery was signed for yesterday by a neighbour, which the courier allows.",
        "Damage reported within 48 hours is always covered, whoever signed for the parcel.",
    ], ["damage", "returns"]),
    ("missing-part", "A {product} with a missing part", [
        "{name} is halfway through assembling a {product} and has found that the bag of fittings for step {step_no} is missing.",
        "{pronoun_cap} has the instructions open and a drill in hand, and the rest of the room is in boxes.",
        "Spare fittings can be sent by first-class post at no charge, or collected from any store.",
    ], ["assembly", "spare-parts"]),
    ("refund-not-received", "Where is my refund?", [
        "{name} returned a {product} {days} days ago and has not seen the ${price} refund on {pronoun_pos} card.",
        "The return was scanned at the warehouse {scan_days} days ago and the refund was issued the same day.",
        "Banks can take up to 5 business days to show a refund, and {pronoun} has checked every day.",
    ], ["refunds", "payments"]),
    ("double-charge", "Charged twice", [
        "{name} sees two charges of ${price} for one {product} on {pronoun_pos} statement.",
        "One of them is a pre-authorisation that the bank releases within 7 days; the other is the real payment.",
        "{pronoun_cap} is on a tight budget this month and says the second charge has pushed {pronoun_pos} account into overdraft.",
    ], ["payments", "billing"]),
    ("warranty-claim", "A {product} out of warranty", [
        "{name}'s {product} stopped working after {months} months; the standard warranty is 24 months.",
        "{pronoun_cap} bought it as a {CLUB} member, and the order history shows the purchase date.",
        "Repairs under warranty are booked through the service desk and take about ten working days.",
    ], ["warranty", "repairs"]),
    ("assembly-booking", "Booking assembly for a {product}", [
        "{name} bought a {product} and would like it assembled, but the next slot in {pronoun_pos} area is in {days} days.",
        "{pronoun_cap} is moving in on {weekday} and had hoped to have it ready by then.",
        "Assembly costs $45 per item, or is free for orders over $500.",
    ], ["assembly", "booking"]),
    ("price-drop", "The price dropped after purchase", [
        "{name} bought a {product} for ${price} {days} days ago and has just seen it on sale for ${sale_price}.",
        "Price adjustments are given within 14 days of purchase when the item is the same and in stock.",
        "{pronoun_cap} writes politely, but says {pronoun} feels foolish for not waiting.",
    ], ["pricing", "goodwill"]),
    ("gift-delivery", "A gift that must arrive on time", [
        "{name} is sending a {product} as a birthday present to {pronoun_pos} mother and needs it delivered by {weekday}.",
        "The order has not shipped yet, and express delivery costs $14.95.",
        "{pronoun_cap} would also like a gift note and no prices on the packing slip.",
    ], ["gifts", "delivery"]),
    ("return-without-receipt", "A return without a receipt", [
        "{name} is at the returns desk with a {product} in its sealed box, bought {days} days ago.",
        "{pronoun_cap} has lost the receipt but paid by card, and may be a {CLUB} member.",
        "The return window is 30 days from purchase, and proof of purchase can be the card or the order history.",
    ], ["returns", "in-store"]),
    ("backorder", "A backordered {product}", [
        "{name}'s {product} is on backorder; the new date is {weeks} weeks later than the first promise.",
        "The supplier has confirmed the date in writing, and the order can be cancelled free of charge at any time before it ships.",
        "{pronoun_cap} has already sold {pronoun_pos} old one and is doing without in the meantime.",
    ], ["backorder", "delivery"]),
    ("promo-code", "The discount code that did not work", [
        "{name} tried the code SPRING15 at checkout and got an error, then paid ${price} in full.",
        "The code excludes items already on sale, and the {product} was reduced last week.",
        "{pronoun_cap} asks whether the discount can still be applied after the order.",
    ], ["pricing", "website"]),
    ("store-stock", "Out of stock at the store", [
        "{name} has driven forty minutes to the {store} store for a {product} that the website showed as in stock.",
        "Stock on the website is updated every hour, and the last one sold this morning.",
        "Another store has two in stock and can hold one until closing time.",
    ], ["stock", "in-store"]),
    ("colleague-handover", "A case handed over by a colleague", [
        "{colleague} from the warehouse team is going on leave and hands you {name}'s open case about a {product}.",
        "The case notes are short and do not say what was promised to the customer.",
        "{colleague} has ten minutes before leaving and is stressed about the handover.",
    ], ["internal-customer", "handover"]),
]

COLOURS = ["sage green", "charcoal", "natural oak", "navy", "terracotta", "ivory", "walnut", "dusty pink"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

CHOICE_PROMPTS = [
    "{name} sounds upset. What do you say first?",
    "{name} asks what you can do about it. What do you offer?",
    "How do you open your reply to {name}?",
    "{name} says this is the second time it has happened. What is your best next move?",
    "Before you look anything up, what do you tell {name}?",
    "{name} asks to speak to a manager straight away. How do you respond?",
    "You find the cause of the problem in the order history. What do you do with it?",
    "{name} goes quiet on the line after hearing the new date. What do you say?",
    "The system offers you three ways to settle the case. Which do you choose for {name}?",
    "{name} mentions that {pronoun} is about to leave for work. How do you handle the rest of the case?",
]
GOOD_OPTIONS = [
    "I'm sorry about the {product}, {name}. Let's find out what happened together.",
    "Acknowledge the frustration and say what you will check, and how long it takes.",
    "Offer the fix the policy allows and set a date to follow up yourself.",
    "Check the order history now and tell {pronoun_obj} what you see.",
    "Take ownership and give {pronoun_obj} your direct reference number.",
]
MID_OPTIONS = [
    "Tell {pronoun_obj} you will pass the case on to the right team.",
    "Explain the policy clearly, without offering anything beyond it.",
    "Apologise and ask {pronoun_obj} to call back tomorrow when the system has updated.",
    "Send {pronoun_obj} the link to the help page that covers this problem.",
]
POOR_OPTIONS = [
    "Delays are the courier's responsibility, not ours.",
    "Tell {pronoun_obj} that nothing can be done until the case is older than ten days.",
    "Read out the terms and conditions that cover the situation.",
    "Ask {pronoun_obj} to put the complaint in writing and send it to head office.",
    "Say that you are not allowed to discuss orders from another channel.",
]
GOOD_FEEDBACK = [
    "Acknowledges the feeling and commits to act.",
    "Owns the problem and gives the customer a clear next step.",
    "Specific, honest and kind: the customer knows what happens next and when.",
    "Solves the problem and the one the customer has not noticed yet.",
]
MID_FEEDBACK = [
    "Correct, but the customer is left to chase the case alone.",
    "Accurate, and a missed chance to make the customer feel looked after.",
    "It works eventually, but the customer has to do the work.",
]
POOR_FEEDBACK = [
    "Deflects; the customer feels unheard.",
    "Blames someone else and leaves the customer with nothing.",
    "Turns the customer away for no reason the policy gives.",
    "Hides behind process; the customer hears that nobody will help.",
]
EXPLANATIONS = [
    "Customers remember how a problem was handled far longer than the problem itself. Naming the feeling first, then acting, keeps the conversation on the solution rather than the blame.",
    "The policy sets the minimum, not the maximum. Where the policy allows a choice, choose what the customer would choose, and say so.",
    "A follow-up date that you set yourself turns a promise into a plan. Put it in the case notes so a colleague can keep it if you are away.",
    "Facts from the order history end arguments before they start. Read them out plainly and check that the customer sees the same thing.",
    "Saying who will do what, and by when, is the single most reassuring thing you can tell a worried customer.",
    "A refund, a replacement and a goodwill voucher solve different problems. Ask what matters most to the customer before you pick one.",
]
TF_STATEMENTS = [
    ("Refunds always go back to the original payment method.", True),
    ("Damage reported within 48 hours is covered even when a neighbour signed for the parcel.", True),
    ("A customer who raises {pronoun_pos} voice should be put on hold until {pronoun} calms down.", False),
    ("Price adjustments are given within 14 days when the item is the same and in stock.", True),
    ("Gift cards can be returned within 30 days like any other item.", False),
    ("You should promise a delivery date before checking it with the courier.", False),
    ("{CLUB} members get free standard delivery on every order.", True),
    ("Interrupting the customer to offer a fix quickly shows that you care.", False),
    ("A follow-up you promised should be written into the case notes.", True),
    ("Made-to-order items can be returned for any reason within 30 days.", False),
]
TF_PROMPT_LEADS = [
    "True or false: ", "{name} asks you a question you should know the answer to. True or false: ",
    "While the system loads, a colleague checks your knowledge. True or false: ",
]
MULTI_PROMPTS = [
    ("Which of these are proof of purchase for a return? Select all that apply.", [
        ("The card the customer paid with", True), ("The {CLUB} order history", True),
        ("The printed receipt or the e-mail confirmation", True), ("The customer's word alone", False),
        ("A photo of the item in the customer's home", False)]),
    ("Which of these should go into the case notes before you end the contact? Select all that apply.", [
        ("What you promised and by when", True), ("The order number", True),
        ("Your opinion of the customer's mood", False), ("The next contact date", True),
        ("The customer's card number in full", False)]),
    ("Which of these does the delivery promise cover? Select all that apply.", [
        ("Standard delivery within 5 business days", True), ("A tracking link by e-mail", True),
        ("Delivery on a Sunday at no extra cost", False), ("A two-hour delivery window on the day", True),
        ("Assembly of the item on arrival", False)]),
    ("What helps a worried customer on the phone? Select all that apply.", [
        ("Using their name", True), ("Telling them what you are doing while you look", True),
        ("Long silences while you read the screen", False), ("Summarising what was agreed at the end", True),
        ("Saying the problem is common, so not to worry", False)]),
]
ORDER_PROMPTS = [
    ("Put the steps of handling a complaint in the right order.", [
        ("listen", "Let the customer tell the whole story"), ("acknowledge", "Acknowledge how they feel"),
        ("apologise", "Apologise for what went wrong"), ("solve", "Agree on a solution and carry it out"),
        ("check", "Check that the customer is satisfied"), ("thank", "Thank them for telling you")]),
    ("Put the steps of a warm transfer in the right order.", [
        ("explain", "Explain to the customer why and to whom you are transferring"),
        ("ask", "Ask whether they are happy to be transferred"),
        ("brief", "Brief the colleague before connecting the call"),
        ("introduce", "Introduce the customer to the colleague by name"),
        ("leave", "Leave the call only once the colleague has taken over")]),
    ("Put the steps of a damage claim in the right order.", [
        ("photos", "Ask for photos of the item and the box"), ("order", "Find the order and the delivery date"),
        ("claim", "Open a damage claim with the courier"),
        ("replace", "Offer a replacement or a refund"), ("confirm", "Confirm what happens next by e-mail")]),
    ("Put the steps of a store return in the right order.", [
        ("greet", "Greet the customer and ask what brings them in"),
        ("proof", "Find proof of purchase"), ("inspect", "Inspect the item"),
        ("refund", "Refund to the original payment method"), ("receipt", "Hand over the return receipt")]),
]
TEXT_PROMPTS_ACCEPT = [
    ("What is the name of {COMPANY}'s free loyalty programme?",
     [CLUB, "the " + CLUB, "Circle", "the Circle"]),
    ("Which team books repairs under warranty?", ["service desk", "the service desk", "service"]),
    ("What is the name of the courier portal's status for a parcel held at a depot?",
     ["held at depot", "held", "on hold at depot"]),
]
TEXT_PROMPTS_PATTERN = [
    ("Write the order reference in the subject line of your reply, in the format NW- followed by seven digits.",
     [r"\bNW-?\d{7}\b"]),
    ("Type the model number of the product exactly as it appears on the label, for example GL-210.",
     [r"^\s*[A-Z]{2}-?\s?\d{3}\s*$"]),
    ("Give the new delivery date as day and month, for example 14 March.",
     [r"^\s*\d{1,2}\s+[A-Za-z]+\s*$", r"^\s*\d{1,2}/\d{1,2}\s*$"]),
]
TEXT_PROMPTS_RUBRIC = [
    ("{name} asks for a manager. Write your reply.", [
        ["sorry", "apologise", "apologize", "understand"], ["manager", "supervisor", "escalate"],
        ["today", "now", "right away"]]),
    ("Write the first two sentences of your e-mail to {name}.", [
        ["sorry", "apologise", "apologies"], ["order", "delivery", "parcel"],
        ["will", "by", "date"]]),
    ("Write what you say to {name} before putting {pronoun_obj} on hold.", [
        ["minute", "minutes", "moment"], ["check", "look", "find"], ["thank", "thanks"]]),
]
NUMBER_QUESTIONS = [
    ("How many business days is the standard delivery promise?", 5, None, "days"),
    ("How many days does a customer have to return an item?", 30, None, "days"),
    ("Within how many hours must damage be reported to be covered whatever happened on the doorstep?", 48, None, "hours"),
    ("How many months does the standard warranty last?", 24, None, "months"),
    ("How much does express delivery cost, in dollars?", 14.95, 0.01, "dollars"),
    ("From what order value, in dollars, is assembly free?", 500, None, "dollars"),
    ("How often, in days, should you update a customer waiting for a backorder?", None, (5, 7), "days"),
    ("How many seconds may pass before you check back on a customer on hold?", None, (30, 60), "seconds"),
    ("Within how many days of purchase is a price adjustment given?", 14, None, "days"),
]
RATE_PROMPTS = [
    "Rate each of these closing lines for your reply to {name} from 1 (poor) to 5 (excellent).",
    "Before {name} leaves, rate each of these extra touches from 1 (poor) to 5 (excellent).",
    "Rate each of these ways to explain the delay to {name} from 1 (poor) to 5 (excellent).",
]
RATE_RESPONSES = [
    ("I've set a reminder to check on your order on {weekday}, and I'll e-mail you either way.", 5,
     "A promise with a date: the customer knows they are not forgotten."),
    ("Let me know if there's anything else.", 2, "Polite, but it puts the work back on the customer."),
    ("Here is my direct reference, so you never have to explain this again.", 5,
     "Saves the customer from repeating the whole story."),
    ("These things happen, unfortunately.", 1, "Shrugs the problem off."),
    ("I've added a note so the courier calls you an hour before arriving.", 4,
     "A small, concrete improvement to the next delivery."),
    ("Thanks for your patience while we sorted this out.", 3, "Warm, though it says nothing about what comes next."),
    ("Our systems are always slow on {weekday}s, sorry.", 1, "Complaining about your own tools makes the company look worse."),
]
HINTS = [
    "Think about how it feels to be cut off mid-sentence.",
    "What would you want to hear if it were your order?",
    "The policy is in the returns section of the handbook.",
    "Start with the customer, then the case.",
]
# How much optional text questions carry; tuned so the default bank is about 8 MB.
FEEDBACK_SHARE = 0.2
EXPLANATION_SHARE = 0.12

WRONG_PICK_FEEDBACK = [
    "Not part of the policy, however often customers ask for it.",
    "Tempting, but it does not help the customer.",
    "This one sounds reasonable and is the usual mistake.",
    "Leave this out: it costs the customer time and tells them nothing.",
]
THEY_VERB = re.compile(r"\b([Tt]hey) (has|is|says|writes|needs|asks|feels|calms|sounds|goes|mentions)\b")
THEY_FORMS = {"has": "have", "is": "are", "goes": "go"}
STEP_SLUGS = ["greet", "listen", "lookup", "explain-delay", "offer", "refund-method", "follow-up",
              "escalation", "tone-check", "close", "case-notes", "check-policy", "next-steps",
              "apology", "warm-transfer", "hold", "subject-line", "confirm", "extra-touch",
              "reassure", "options", "goodwill", "handover", "wrap-up"]
QUIZ_THEMES = [("onboarding", "Week one at {COMPANY}"), ("refresher", "Quarterly refresher"),
               ("drill", "Daily drill"), ("exam", "Certification exam"),
               ("remote", "Remote support check"), ("store", "Store floor essentials")]


class Writer:
    """Writes YAML the way an author does: block style, plain scalars where safe, folded text."""

    PLAIN_SAFE = re.compile(r"^[A-Za-z0-9(][^\n]*$")
    RESERVED = re.compile(
        r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
        r"|null|Null|NULL|~|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|\.inf|\.nan)$")
    WIDTH = 96

    def __init__(self):
        self.lines = []

    def plain_ok(self, text, flow=False):
        if not text or text != text.strip() or not self.PLAIN_SAFE.match(text):
            return False
        if self.RESERVED.match(text) or ": " in text or " #" in text or text.endswith(":"):
            return False
        if flow and any(c in text for c in ",[]{}"):
            return False
        return True

    def scalar(self, text, flow=False):
        if isinstance(text, bool):
            return "true" if text else "false"
        if isinstance(text, (int, float)):
            return repr(text) if isinstance(text, float) else str(text)
        if self.plain_ok(text, flow):
            return text
        return "'" + text.replace("'", "''") + "'"

    def key(self, indent, key, value, dash=False):
        """`key: value`, folding long text into a `>-` block."""
        lead = " " * indent + ("- " if dash else "")
        if isinstance(value, str) and len(lead) + len(key) + 2 + len(value) > self.WIDTH:
            self.lines.append(f"{lead}{key}: >-")
            self.fold(indent + (4 if dash else 2), value)
        else:
            self.lines.append(f"{lead}{key}: {self.scalar(value)}")

    def fold(self, indent, text):
        width = max(40, self.WIDTH - indent)
        line = ""
        for word in text.split(" "):
            if line and len(line) + 1 + len(word) > width:
                self.lines.append(" " * indent + line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        if line:
            self.lines.append(" " * indent + line)

    def flow_list(self, indent, key, items, dash=False):
        lead = " " * indent + ("- " if dash else "")
        self.lines.append(f"{lead}{key}: [" + ", ".join(self.scalar(i, flow=True) for i in items) + "]")

    def raw(self, line):
        self.lines.append(line)

    def text(self):
        return "\n".join(self.lines) + "\n"


class Generator:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.scenarios = []  # (id, channel, competencies covered, tags)

    # --- text ---

    def person(self):
        rng = self.rng
        first = rng.choice(FIRST_NAMES)
        pronoun = rng.choice(["she", "he", "they"])
        obj = {"she": "her", "he": "him", "they": "them"}[pronoun]
        pos = {"she": "her", "he": "his", "they": "their"}[pronoun]
        return {"name": first, "full": f"{first} {rng.choice(LAST_NAMES)}", "pronoun": pronoun,
                "pronoun_obj": obj, "pronoun_pos": pos, "pronoun_cap": pronoun.capitalize()}

    def fill(self, template, ctx):
        text = template.format(**ctx)
        if ctx["pronoun"] == "they":  # "they has" reads badly: agree the verbs with "they"
            text = THEY_VERB.sub(lambda m: m.group(1) + " " + THEY_FORMS.get(m.group(2), m.group(2)[:-1]), text)
        return text

    def context(self, product):
        rng = self.rng
        person = self.person()
        low, high = product[1], product[2]
        price = rng.randrange(low, high + 1)
        ctx = dict(person)
        ctx.update(product=product[0], price=price, sale_price=int(price * rng.uniform(0.7, 0.9)),
                   days=rng.randint(3, 12), promise=5, weekday=rng.choice(WEEKDAYS),
                   colour_a=rng.choice(COLOURS[:4]), colour_b=rng.choice(COLOURS[4:]),
                   store=rng.choice(STORES), step_no=rng.randint(3, 14), scan_days=rng.randint(2, 6),
                   months=rng.randint(11, 23), weeks=rng.randint(2, 6), colleague=rng.choice(COLLEAGUES),
                   CLUB=CLUB, COMPANY=COMPANY)
        return ctx

    # --- questions ---

    def question(self, w, indent, kind, ctx, qid, competency, dash=True):
        """One question: a list entry (`- id: ...`, a scenario step) or a mapping (inline)."""
        rng = self.rng
        w.key(indent, "id", qid, dash=dash)
        ind = indent + 2 if dash else indent
        w.key(ind, "kind", kind)
        if competency:
            w.key(ind, "competency", competency)
        points = None
        if kind == "choice":
            w.key(ind, "prompt", self.fill(rng.choice(CHOICE_PROMPTS), ctx))
            n = rng.choice([2, 2, 3, 3, 3, 4])
            use_correct = rng.random() < 0.4
            best = rng.choice([1, 2, 2, 3])
            if rng.random() < 0.4 and not use_correct:
                points = best
                w.key(ind, "points", points)
            if rng.random() < 0.3:
                w.key(ind, "hint", self.fill(rng.choice(HINTS), ctx))
            w.raw(" " * ind + "options:")
            texts = [rng.choice(GOOD_OPTIONS)] + rng.sample(MID_OPTIONS, 1) + rng.sample(POOR_OPTIONS, n - 2)
            order = list(range(n))
            rng.shuffle(order)
            for pos, source in enumerate(order):
                oid = "abcdefg"[pos]
                w.key(ind + 2, "id", oid, dash=True)
                w.key(ind + 4, "text", self.fill(texts[source], ctx))
                if use_correct:
                    if source == 0:
                        w.key(ind + 4, "correct", True)
                else:
                    w.key(ind + 4, "score", best if source == 0 else (1 if source == 1 and best > 1 else 0))
                fb = GOOD_FEEDBACK if source == 0 else MID_FEEDBACK if source == 1 else POOR_FEEDBACK
                if rng.random() < FEEDBACK_SHARE:
                    w.key(ind + 4, "feedback", rng.choice(fb))
                w.raw(f"{' ' * (ind + 4)}#next:{source}")  # placeholder, replaced by branching
        elif kind == "multi":
            prompt, options = rng.choice(MULTI_PROMPTS)
            w.key(ind, "prompt", self.fill(prompt, ctx))
            w.key(ind, "scoring", rng.choice(["partial", "all-or-nothing"]))
            if rng.random() < 0.5:
                w.key(ind, "points", 2)
            w.raw(" " * ind + "options:")
            picked = rng.sample(options, rng.choice([3, 3, 4]))
            if not any(c for _, c in picked):
                picked[0] = next(o for o in options if o[1])
            for pos, (text, correct) in enumerate(picked):
                w.key(ind + 2, "id", "abcdefg"[pos], dash=True)
                w.key(ind + 4, "text", self.fill(text, ctx))
                w.key(ind + 4, "correct", correct)
                if not correct and rng.random() < FEEDBACK_SHARE / 2:
                    w.key(ind + 4, "feedback", rng.choice(WRONG_PICK_FEEDBACK))
        elif kind == "truefalse":
            statement, answer = rng.choice(TF_STATEMENTS)
            if not statement.startswith("{"):  # "True or false: refunds ...", not "Refunds"
                statement = statement[0].lower() + statement[1:]
            w.key(ind, "prompt", self.fill(rng.choice(TF_PROMPT_LEADS) + statement, ctx))
            w.key(ind, "answer", answer)
        elif kind == "order":
            prompt, items = rng.choice(ORDER_PROMPTS)
            w.key(ind, "prompt", prompt)
            w.key(ind, "scoring", rng.choice(["partial", "exact"]))
            if rng.random() < 0.5:
                w.key(ind, "points", 2)
            w.raw(" " * ind + "items:")
            keep = sorted(rng.sample(range(len(items)), rng.choice([3, 4, 4])))
            for iid, text in (items[k] for k in keep):
                w.key(ind + 2, "id", iid, dash=True)
                w.key(ind + 4, "text", text)
        elif kind == "text":
            mode = rng.choice(["accept", "patterns", "rubric"])
            if mode == "accept":
                prompt, accept = rng.choice(TEXT_PROMPTS_ACCEPT)
                w.key(ind, "prompt", self.fill(prompt, ctx))
                w.raw(" " * ind + "accept:")
                for a in accept:
                    w.raw(" " * (ind + 2) + "- " + w.scalar(a))
            elif mode == "patterns":
                prompt, patterns = rng.choice(TEXT_PROMPTS_PATTERN)
                w.key(ind, "prompt", self.fill(prompt, ctx))
                w.raw(" " * ind + "patterns:")
                for p in patterns:
                    w.raw(" " * (ind + 2) + "- '" + p.replace("'", "''") + "'")
            else:
                prompt, groups = rng.choice(TEXT_PROMPTS_RUBRIC)
                w.key(ind, "prompt", self.fill(prompt, ctx))
                w.raw(" " * ind + "rubric:")
                for words in groups:
                    w.flow_list(ind + 2, "any", words, dash=True)
                    w.key(ind + 4, "points", rng.choice([1, 1, 2]))
        elif kind == "number":
            prompt, answer, tolerance, unit = rng.choice(NUMBER_QUESTIONS)
            w.key(ind, "prompt", self.fill(prompt, ctx))
            if answer is None:
                w.flow_list(ind, "range", list(tolerance))
            else:
                w.key(ind, "answer", answer)
                if tolerance is not None:
                    w.key(ind, "tolerance", tolerance)
            w.key(ind, "unit", unit)
        elif kind == "rate":
            w.key(ind, "prompt", self.fill(rng.choice(RATE_PROMPTS), ctx))
            if rng.random() < 0.5:
                w.key(ind, "scale", 5)
            if rng.random() < 0.5:
                w.key(ind, "points", 2)
            w.raw(" " * ind + "responses:")
            for pos, (text, key, feedback) in enumerate(rng.sample(RATE_RESPONSES, rng.choice([3, 3, 3, 4]))):
                w.key(ind + 2, "id", "abcdefg"[pos], dash=True)
                w.key(ind + 4, "text", self.fill(text, ctx))
                w.key(ind + 4, "key", key)
                if rng.random() < FEEDBACK_SHARE:
                    w.key(ind + 4, "feedback", feedback)
        if rng.random() < EXPLANATION_SHARE:
            w.key(ind, "explanation", rng.choice(EXPLANATIONS))
        if rng.random() < 0.1:
            w.flow_list(ind, "tags", rng.sample(["policy", "tone", "follow-up", "tricky"], 2))
        w.raw(f"{' ' * ind}#step-next")  # placeholder for a step's own `next`

    def kinds_for(self, count):
        rng = self.rng
        weights = [17, 7, 22, 6, 20, 20, 8]
        kinds = rng.choices(KINDS, weights=weights, k=count)
        kinds[0] = "choice"  # scenarios open with a choice, as real ones do
        return kinds

    # --- scenarios ---

    def branching(self, kinds, option_counts):
        """Returns step-level `next` and per-option `next` (indices, or "end", or None)."""
        rng = self.rng
        n = len(kinds)
        step_next = [None] * n
        option_next = [[None] * option_counts[i] for i in range(n)]
        for i, kind in enumerate(kinds):
            if kind == "choice" and i <= n - 3 and rng.random() < 0.6:
                for o in range(option_counts[i]):
                    option_next[i][o] = rng.choice([i + 1, i + 2, min(i + 3, n - 1)])
                if rng.random() < 0.2:
                    option_next[i][-1] = "end"
            elif kind != "choice" and i <= n - 3 and rng.random() < 0.2:
                step_next[i] = rng.choice([i + 2, min(i + 3, n - 1)])
        step_next[n - 1] = "end" if rng.random() < 0.3 else None

        def successors(i):
            fallback = step_next[i] if step_next[i] is not None else i + 1
            if any(t is not None for t in option_next[i]):
                targets = {t if t is not None else fallback for t in option_next[i]}
            else:
                targets = {fallback}
            return {t for t in targets if t != "end" and t < n}

        while True:
            seen, todo = {0}, [0]
            while todo:
                for t in successors(todo.pop()):
                    if t not in seen:
                        seen.add(t)
                        todo.append(t)
            missing = [j for j in range(n) if j not in seen]
            if not missing:
                return step_next, option_next
            j = missing[0]  # every step before j is reachable: let j - 1 fall through to j
            step_next[j - 1] = None
            if any(t is not None for t in option_next[j - 1]):
                option_next[j - 1][0] = j

    def scenario(self, number):
        rng = self.rng
        a = self.args
        slug, title, sentences, tags = SITUATIONS[number % len(SITUATIONS)]
        product = rng.choice(PRODUCTS)
        channel = "internal" if slug == "colleague-handover" else rng.choice(CHANNELS[:4])
        ctx = self.context(product)
        sid = f"{slug}-{product[0].replace(' ', '-')}-{number:05d}"[:64]
        comps = rng.sample(COMPETENCIES, rng.choice([1, 2, 2, 3]))
        w = Writer()
        w.key(0, "id", sid)
        w.key(0, "title", self.fill(title, ctx))
        w.key(0, "channel", channel)
        w.flow_list(0, "competencies", comps)
        w.key(0, "customer", f"{ctx['full']}, {rng.choice(['a repeat customer', 'a first-time customer', 'a ' + CLUB + ' member', 'a business account holder'])}")
        keep = [0] + sorted(rng.sample(range(1, len(sentences)), rng.randint(1, len(sentences) - 1)))
        w.key(0, "context", " ".join(self.fill(sentences[k], ctx) for k in keep))
        stags = tags + ([rng.choice(["branching", "escalation", "goodwill"])] if rng.random() < 0.5 else [])
        w.flow_list(0, "tags", stags)
        w.raw("steps:")
        kinds = self.kinds_for(a.steps_per_scenario)
        ids, covered = [], set(comps)
        for i in range(len(kinds)):
            base = STEP_SLUGS[(i * 7 + number) % len(STEP_SLUGS)]
            ids.append(base if base not in ids else f"{base}-{i}")
        body_lines = []
        option_counts = []
        for i, kind in enumerate(kinds):
            step = Writer()
            competency = rng.choice(COMPETENCIES) if rng.random() < 0.4 else None
            if competency:
                covered.add(competency)
            self.question(step, 2, kind, ctx, ids[i], competency)
            body_lines.append(step.lines)
            option_counts.append(sum(1 for l in step.lines if l.lstrip().startswith("#next:")))
        step_next, option_next = self.branching(kinds, option_counts)
        for i, lines in enumerate(body_lines):
            if i > 0:
                w.raw("")
            o = 0
            for line in lines:
                stripped = line.lstrip()
                if stripped.startswith("#next:"):
                    target = option_next[i][o]
                    o += 1
                    if target is not None:
                        w.raw(line[: len(line) - len(stripped)] + "next: "
                              + ("end" if target == "end" else ids[target]))
                elif stripped == "#step-next":
                    if step_next[i] is not None:
                        w.raw(line[: len(line) - len(stripped)] + "next: "
                              + ("end" if step_next[i] == "end" else ids[step_next[i]]))
                else:
                    w.raw(line)
        self.scenarios.append((sid, channel, covered, set(stags)))
        return channel, sid, w.text()

    # --- quizzes ---

    def quiz(self, number):
        rng = self.rng
        a = self.args
        theme, title = QUIZ_THEMES[number % len(QUIZ_THEMES)]
        qid = f"{theme}-{number:04d}"
        exam = theme == "exam" or rng.random() < 0.2
        w = Writer()
        w.key(0, "id", qid)
        w.key(0, "title", f"{title.format(COMPANY=COMPANY)}, set {number + 1}")
        w.key(0, "description", rng.choice([
            "A first tour of the job: late deliveries on the phone, wrong items in chat, returns at the store counter and colleagues who depend on you, with short questions in between.",
            "A short, different drill every time: scenarios drawn from the bank by channel and competency, in shuffled order with shuffled options.",
            "The check every agent passes before taking calls alone: policies, tone and follow-up, with no feedback until the end.",
            "Refresh the policies that changed this quarter and practise the situations that customers rate worst.",
        ]))
        w.key(0, "pass", f"{rng.choice([60, 65, 70, 75, 80, 85])}%")
        w.key(0, "mode", "exam" if exam else "practice")
        w.key(0, "shuffle", rng.choice(["none", "options", "items", "both"]))
        if exam:
            w.key(0, "time-limit", rng.choice(["20m", "30m", "45m", "1h", "1h30m"]))
        w.flow_list(0, "tags", [theme] + ([rng.choice(["mixed", "new-starters", "team-leads"])]))
        w.raw("items:")
        listed = rng.sample(self.scenarios, min(len(self.scenarios), rng.randint(2, 5)))
        taken = {s[0] for s in listed}
        items = [("scenario", s[0]) for s in listed]
        items += [("question", i) for i in range(a.questions_per_quiz)]
        for _ in range(rng.randint(1, 3) if self.scenarios else 0):
            items.append(("draw", None))
        rng.shuffle(items)
        qids = set()
        for item, value in items:
            if item == "scenario":
                w.key(2, "scenario", value, dash=True)
            elif item == "question":
                ctx = self.context(rng.choice(PRODUCTS))
                kind = KINDS[(value + number) % len(KINDS)] if value < len(KINDS) else rng.choice(KINDS)
                base = f"{kind}-{rng.choice(STEP_SLUGS)}"
                name = base if base not in qids else f"{base}-{value}"
                qids.add(name)
                w.raw("  - question:")
                self.question(w, 6, kind, ctx, name, rng.choice(COMPETENCIES), dash=False)
                w.lines = [l for l in w.lines if not l.lstrip().startswith("#")]
            else:
                self.draw(w, taken)
        return qid, w.text()

    def draw(self, w, taken):
        """A draw whose pool, after what the quiz lists and earlier draws reserve, is big enough."""
        rng = self.rng
        for _ in range(50):
            count = rng.randint(1, 3)
            style = rng.choice(["competency", "channel", "both", "tags", "scenarios"])
            f = {}
            if style in ("competency", "both"):
                f["competency"] = rng.choice(COMPETENCIES)
            if style in ("channel", "both"):
                f["channel"] = rng.choice(CHANNELS)
            if style == "tags":
                f["tags"] = [rng.choice(sorted({t for s in self.scenarios for t in s[3]}))]
            if style == "scenarios":
                f["scenarios"] = [s[0] for s in rng.sample(self.scenarios, min(5, len(self.scenarios)))]
            pool = [s for s in self.scenarios if s[0] not in taken
                    and ("competency" not in f or f["competency"] in s[2])
                    and ("channel" not in f or f["channel"] == s[1])
                    and ("tags" not in f or all(t in s[3] for t in f["tags"]))
                    and ("scenarios" not in f or s[0] in f["scenarios"])]
            if len(pool) >= count:
                # the check reserves the first matches in bank order (sorted paths): do the same
                pool.sort(key=lambda s: os.path.join("scenarios", s[1], s[0] + ".yaml"))
                break
        else:
            return
        w.key(2, "draw", count, dash=True)
        w.raw("    from:")
        for key, value in f.items():
            if isinstance(value, list):
                if len(value) > 2:
                    w.raw(f"      {key}:")
                    for v in value:
                        w.raw(f"        - {v}")
                else:
                    w.flow_list(6, key, value)
            else:
                w.key(6, key, value)
        for s in pool[:count]:
            taken.add(s[0])


MISTAKES = [
    # (description, function(text) -> text or None when it does not apply)
    ("misspelt key", lambda t: t.replace("    explanation:", "    explaination:", 1)
     if "    explanation:" in t else None),
    ("misspelt key", lambda t: t.replace("feedback:", "feedbak:", 1) if "feedback:" in t else None),
    ("key of another kind", lambda t: re.sub(r"(\n    kind: truefalse\n)", r"\1    options: [a, b]\n", t, count=1)
     if "kind: truefalse" in t else None),
    ("unknown step", lambda t: re.sub(r"next: (?!end)([a-z0-9-]+)", r"next: \1-typo", t, count=1)
     if re.search(r"next: (?!end)", t) else None),
    ("unknown competency", lambda t: t.replace("competency: empathy", "competency: empahty", 1)
     if "competency: empathy" in t else None),
    ("unknown scenario", lambda t: re.sub(r"- scenario: ([a-z0-9-]+)", r"- scenario: \1-old", t, count=1)
     if "- scenario: " in t else None),
    ("unknown kind", lambda t: t.replace("kind: multi\n", "kind: multiple-choice\n", 1)
     if "kind: multi\n" in t else None),
    ("misspelt competency key", lambda t: t.replace("    competency:", "    competancy:", 1)
     if "    competency:" in t else None),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="output folder (its quizzes/ and scenarios/ are replaced)")
    parser.add_argument("--scenarios", type=int, default=1900)
    parser.add_argument("--steps-per-scenario", type=int, default=10)
    parser.add_argument("--quizzes", type=int, default=100)
    parser.add_argument("--questions-per-quiz", type=int, default=10)
    parser.add_argument("--invalid", type=int, default=0, metavar="K",
                        help="put a realistic mistake into K files")
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()
    if args.steps_per_scenario < 1 or args.scenarios < 0 or args.quizzes < 0:
        parser.error("counts must be positive")

    gen = Generator(args)
    files = []  # (relative path, text)
    for n in range(args.scenarios):
        channel, sid, text = gen.scenario(n)
        files.append((os.path.join("scenarios", channel, sid + ".yaml"), text))
    for n in range(args.quizzes):
        qid, text = gen.quiz(n)
        files.append((os.path.join("quizzes", qid + ".yaml"), text))

    broken = []
    if args.invalid:
        rng = random.Random(args.seed + 1)
        order = list(range(len(files)))
        rng.shuffle(order)
        for index in order:
            if len(broken) >= args.invalid:
                break
            path, text = files[index]
            for desc, mistake in rng.sample(MISTAKES, len(MISTAKES)):
                changed = mistake(text)
                if changed is not None and changed != text:
                    files[index] = (path, changed)
                    broken.append((path, desc))
                    break
        if len(broken) < args.invalid:
            sys.exit(f"could only break {len(broken)} of {args.invalid} files")

    for folder in ("quizzes", "scenarios"):
        shutil.rmtree(os.path.join(args.out, folder), ignore_errors=True)
    total = 0
    for path, text in files:
        full = os.path.join(args.out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        data = text.encode("utf-8")
        with open(full, "wb") as f:
            f.write(data)
        total += len(data)
    questions = args.scenarios * args.steps_per_scenario + args.quizzes * args.questions_per_quiz
    print(f"wrote {len(files)} files, {questions} questions, {total} bytes ({total / 1e6:.2f} MB)"
          f" to {args.out}" + (f"; {len(broken)} files with a mistake" if broken else ""))


if __name__ == "__main__":
    main()
