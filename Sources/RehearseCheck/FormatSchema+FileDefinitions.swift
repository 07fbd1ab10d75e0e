import RehearseBank
import RehearseCore

/// The definitions of whole files and their parts that are not questions: the quiz, its
/// items and draw pools, the scenario, `rehearse.yaml` and its competencies. Declarative:
/// each is a table of key -> schema over the keys `FormatKeys` lists.
extension FormatSchema {
    // MARK: Quiz

    static func quiz() -> JSON {
        let schemas: [String: JSON] = [
            "id": id("Unique quiz id; should equal the file name without `.yaml`."),
            "title": text("The quiz's name, shown to learners."),
            "description": text("What the quiz covers, shown before it starts."),
            "pass": [
                "type": ["number", "string"],
                "minimum": 0,
                "maximum": 100,
                "pattern": #"^\s*(100(\.0+)?|[0-9]{1,2}(\.[0-9]+)?)\s*%?\s*$"#,
                "default": .integer(Int(Quiz.defaultPassPercent)),
                "examples": ["75%"],
                "description": .string(
                    "Pass mark over the whole quiz, in percent from 0 to 100: `75%` or `75` "
                        + "(default \(Int(Quiz.defaultPassPercent))%)."),
            ],
            "mode": [
                "enum": names(QuizMode.self),
                "default": .string(QuizMode.practice.rawValue),
                "description":
                    "practice: feedback after each answer; exam: no feedback until the end.",
            ],
            "shuffle": [
                "enum": names(ShuffleMode.self),
                "default": .string(ShuffleMode.none.rawValue),
                "description": "What to shuffle (seeded: the same seed gives the same order).",
            ],
            "time-limit": [
                "type": ["integer", "string"],
                "minimum": 1,
                "pattern": #"^\s*(?=[^1-9]*[1-9])([0-9]+\s*|([0-9]{1,6}\s*[hmsHMS]\s*)+)$"#,
                "examples": ["20m", "90s", "1h30m"],
                "description": .string(
                    "Time allowed in exam mode: a duration such as `20m`, `90s` or `1h30m`; "
                        + "a bare number is minutes."),
            ],
            "items": list(
                of: "quiz-item", minItems: 1,
                "The quiz's content, in order: scenarios, inline questions and random draws."),
            "tags": tagsSchema,
            "review": [
                "enum": names(ReviewPolicy.self),
                "default": .string(ReviewPolicy.full.rawValue),
                "description":
                    "After the attempt: full (each answer, the right one, feedback, explanation) or score.",
            ],
        ]
        return object(
            title: "Quiz",
            description:
                "A quiz: scenarios, inline questions and draws, with a pass mark and a mode.",
            keys: FormatKeys.quiz, schemas: schemas, required: ["id", "title", "items"])
    }

    static func quizItem() -> JSON {
        let schemas: [String: JSON] = [
            "scenario": id("Includes the scenario with this id."),
            "question": ref("question").merging(["description": "An inline question."]),
            "draw": [
                "type": "integer",
                "minimum": 1,
                "description":
                    "Draws this many scenarios at random (seeded) from the pool `from` selects.",
            ],
            "from": ref("draw-filter").merging([
                "description": "Which scenarios the draw picks from (default: all)."
            ]),
        ]
        return object(
            title: "Quiz item",
            description: "One of `scenario: ID`, `question: {...}` or `draw: N` (with `from`).",
            keys: FormatKeys.quizItem, schemas: schemas, required: [],
            extra: [
                (
                    "oneOf",
                    [
                        ["required": ["scenario"]], ["required": ["question"]],
                        ["required": ["draw"]],
                    ]
                ),
                ("dependentRequired", ["from": ["draw"]]),
            ])
    }

    static func drawFilter() -> JSON {
        let schemas: [String: JSON] = [
            "competency": ids("Only scenarios that cover this competency (or all of these)."),
            "competencies": ids("Only scenarios that cover all of these competencies."),
            "channel": [
                "enum": names(Channel.self), "description": "Only scenarios on this channel.",
            ],
            "tags": texts("Only scenarios that carry all of these tags."),
            "scenarios": ids("Only these scenarios."),
        ]
        return object(
            title: "Draw pool",
            description: "Every filter given must match.",
            keys: FormatKeys.drawFilter, schemas: schemas, required: [])
    }

    // MARK: Scenario

    static func scenario() -> JSON {
        let schemas: [String: JSON] = [
            "id": id("Unique scenario id; should equal the file name without `.yaml`."),
            "title": text("The scenario's name, shown to learners."),
            "channel": [
                "enum": names(Channel.self),
                "description":
                    "Where the conversation happens (`internal`: a colleague as customer).",
            ],
            "competencies": ids(
                "The competencies the steps count toward, unless a step names its own."),
            "customer": text("Who the customer is, in one line."),
            "context": text("The situation, shown before the first step."),
            "start": id("The first step (default: the first listed)."),
            "steps": list(
                of: "step", minItems: 1,
                "The questions of the scenario. Without `next`, the following step comes next."),
            "tags": tagsSchema,
            "endings": [
                "type": "array",
                "items": ref("ending"),
                "description": "Endings a `next` may name; `end` stays the silent end.",
            ],
        ]
        let stepNamesCompetency: JSON = [
            "anyOf": [["required": ["competency"]], ["required": ["competencies"]]]
        ]
        return object(
            title: "Scenario",
            description: "A customer situation played out in steps; each step is a question.",
            keys: FormatKeys.scenario, schemas: schemas, required: ["id", "title", "steps"],
            extra: [
                ("if", ["not": ["required": ["competencies"]]]),
                ("then", ["properties": ["steps": ["items": stepNamesCompetency]]]),
            ])
    }

    static func ending() -> JSON {
        object(
            title: "Ending", description: "Words shown when a scenario's path reaches this ending.",
            keys: FormatKeys.ending,
            schemas: [
                "id": id(
                    "The ending's id, which a `next` may name (unique among steps and endings)."),
                "text": text("What the learner reads when the path ends here."),
            ], required: ["id", "text"])
    }

    // MARK: rehearse.yaml

    static func config() -> JSON {
        let schemas: [String: JSON] = [
            "competencies": list(
                of: "competency", minItems: 1,
                "The bank's competencies; they replace the built-in empathy, "
                    + "product-knowledge and above-and-beyond."),
            "xapi": .object([
                ("$ref", ref("xapi-config")["$ref"]),
                ("description", "The organisation's xAPI settings: `home`."),
            ]),
        ]
        return object(
            title: "Bank configuration",
            description: "rehearse.yaml at the bank root.",
            keys: FormatKeys.config, schemas: schemas, required: ["competencies"])
    }

    static func xapiConfig() -> JSON {
        let home: JSON = [
            "type": "string", "pattern": "^[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>\"{}|\\\\^`]*$",
            "description": .string(
                "The organisation's home (an absolute IRI, such as https://lms.example.com): the "
                    + "home page of learner accounts and the base of activity ids; `--xapi-home` "
                    + "overrides it."),
        ]
        return object(
            title: "xAPI", description: "What xAPI statements and `rehearse sync` use.",
            keys: FormatKeys.xapiConfig, schemas: ["home": home], required: [])
    }

    static func competency() -> JSON {
        let schemas: [String: JSON] = [
            "id": id("The id questions name in `competency`."),
            "title": text("The competency's name in reports."),
            "description": text("What the competency covers."),
        ]
        return object(
            title: "Competency",
            description: "A skill that questions count toward.",
            keys: FormatKeys.competency, schemas: schemas, required: ["id", "title"])
    }
}
