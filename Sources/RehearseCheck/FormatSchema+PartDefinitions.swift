import RehearseBank
import RehearseCore

/// The definitions of the parts of questions: options, items to order, rubric groups and
/// responses to rate. Declarative tables of key -> schema over the keys `FormatKeys` lists.
extension FormatSchema {
    // MARK: Options and items

    static func choiceOption(inScenario: Bool) -> JSON {
        let schemas: [String: JSON] = [
            "id": id("The option's id: what the learner answers."),
            "text": text("The option as the learner sees it."),
            "score": [
                "type": "number",
                "minimum": 0,
                "description": .string(
                    "Points this option earns (partial credit); the best option scores the "
                        + "question's points."),
            ],
            "correct": [
                "type": "boolean",
                "description": "`true`: this option earns the question's full points.",
            ],
            "feedback": text("Shown when this option is chosen."),
            "next": id("The step that follows when this option is chosen: a step id, or `end`."),
        ]
        return object(
            title: inScenario ? "Option of a choice step" : "Option of a choice question",
            description: "An option: `score: N` for partial credit, or `correct: true`.",
            keys: FormatKeys.choiceOption.filter { inScenario || $0 != "next" }, schemas: schemas,
            required: ["id", "text"], extra: [exclusions([("score", "correct")])])
    }

    static func multiOption() -> JSON {
        let schemas: [String: JSON] = [
            "id": id("The option's id: what the learner answers."),
            "text": text("The option as the learner sees it."),
            "correct": [
                "type": "boolean",
                "default": false,
                "description": "Whether this option is one of the right picks.",
            ],
            "feedback": text("Shown after answering."),
        ]
        return object(
            title: "Option of a multi question",
            description: "An option that is right (`correct: true`) or wrong.",
            keys: FormatKeys.multiOption, schemas: schemas, required: ["id", "text"])
    }

    static func orderItem() -> JSON {
        let schemas: [String: JSON] = [
            "id": id("The item's id: what the learner answers."),
            "text": text("The item as the learner sees it."),
        ]
        return object(
            title: "Item to order",
            description: "One of the items, listed in the right order.",
            keys: FormatKeys.orderItem, schemas: schemas, required: ["id", "text"])
    }

    static func rubricGroup() -> JSON {
        let schemas: [String: JSON] = [
            "any": texts("Words or phrases; using any of them earns the group's points."),
            "points": [
                "type": "number",
                "exclusiveMinimum": 0,
                "default": 1,
                "description": "Points the group earns.",
            ],
        ]
        return object(
            title: "Rubric group",
            description: "A group of words; the answer earns its points when it uses any of them.",
            keys: FormatKeys.rubricGroup, schemas: schemas, required: ["any"])
    }

    static func rateResponse() -> JSON {
        let schemas: [String: JSON] = [
            "id": id("The response's id: what the learner answers (`id=rating`)."),
            "text": text("The response as the learner sees it."),
            "key": [
                "type": "number",
                "minimum": 1,
                "maximum": 100,
                "description": "The expert's rating, from 1 to the question's `scale`.",
            ],
            "feedback": text("Shown after answering."),
        ]
        return object(
            title: "Response to rate",
            description: "A response with the rating an expert gives it.",
            keys: FormatKeys.rateResponse, schemas: schemas, required: ["id", "text", "key"])
    }
}
