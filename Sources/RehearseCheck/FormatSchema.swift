import RehearseBank
import RehearseCore

/// A JSON Schema (draft 2020-12) of the bank format: quiz files, scenario files and
/// `rehearse.yaml`, for editors (completion, hover help) and other validators.
///
/// Every object's `properties` come from `FormatKeys`, the table the loader checks keys
/// against, so the schema and the loader cannot drift apart. Types, defaults, enumerations
/// and bounds follow the loader (`BankLoader` and its decoders) and the error rules of
/// `rehearse check`; what a schema cannot say (references between files, scoring sums,
/// cycles) is left to `rehearse check`.
///
/// This file assembles the document; the definitions are declarative tables in the
/// `FormatSchema+...Definitions` files, made of the blocks in `FormatSchema+Blocks`.
public enum FormatSchema {
    /// Which files a schema describes.
    public enum Target: String, CaseIterable, Sendable {
        /// Any bank file: a quiz, a scenario or `rehearse.yaml`.
        case all
        /// A quiz file (`quizzes/*.yaml`).
        case quiz
        /// A scenario file (`scenarios/*.yaml`).
        case scenario
        /// The bank's `rehearse.yaml`.
        case config
    }

    /// The JSON Schema dialect.
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"
    /// The `$id` of the schema of every bank file; one target's schema appends `:TARGET`.
    public static let identifier = "urn:rehearse:bank-format:v1"
    /// The pattern every id matches.
    public static let idPattern = "^[a-z0-9][a-z0-9-]{0,63}$"

    /// The schema as pretty-printed JSON text (two-space indent, no trailing newline). The
    /// same target always gives the same text.
    public static func json(for target: Target) -> String {
        document(for: target).rendered(inlineWidth: 80)
    }

    // MARK: Document

    static func document(for target: Target) -> JSON {
        var root: [(key: String, value: JSON)] = [
            ("$schema", .string(dialect)),
            ("$id", .string(target == .all ? identifier : "\(identifier):\(target.rawValue)")),
        ]
        let description =
            "A quiz (quizzes/*.yaml, has `items`), a scenario (scenarios/*.yaml, has `steps`) "
            + "or the bank's rehearse.yaml (has `competencies` and no `id`)."
        switch target {
        case .all:
            root.append(("title", "Rehearse bank file"))
            root.append(("description", .string(description)))
            root.append(("type", "object"))
            root += kindOfFile()
        case .quiz:
            root.append(("title", "Rehearse quiz"))
            root.append(("$ref", ref("quiz")["$ref"]))
        case .scenario:
            root.append(("title", "Rehearse scenario"))
            root.append(("$ref", ref("scenario")["$ref"]))
        case .config:
            root.append(("title", "Rehearse bank configuration"))
            root.append(("$ref", ref("config")["$ref"]))
        }
        let all = definitions()
        let used = referencedDefinitions(from: .object(root), in: all)
        root.append(("$defs", .object(all.filter { used.contains($0.key) })))
        return .object(root)
    }

    /// The schema of any bank file picks its branch by the file's keys, as the loader does,
    /// so that a validator reports what is wrong inside a scenario or a quiz rather than that
    /// the file matches none of them: `steps` makes a scenario, else `items` a quiz, else
    /// `competencies` without `id` the bank's rehearse.yaml; a file with none of these is a
    /// quiz when it has a key only quizzes have (`pass`, `mode`, ...), else a scenario.
    static func kindOfFile() -> [(key: String, value: JSON)] {
        let quizOnly = FormatKeys.quiz.filter { !FormatKeys.scenario.contains($0) && $0 != "items" }
        let guess: JSON = [
            "if": ["anyOf": .array(quizOnly.map { ["required": [.string($0)]] })],
            "then": ref("quiz"),
            "else": ref("scenario"),
        ]
        let config: JSON = [
            "if": ["required": ["competencies"], "not": ["required": ["id"]]],
            "then": ref("config"),
            "else": guess,
        ]
        return [
            ("if", ["required": ["steps"]]),
            ("then", ref("scenario")),
            ("else", ["if": ["required": ["items"]], "then": ref("quiz"), "else": config]),
        ]
    }

    /// A reference to a definition.
    static func ref(_ name: String) -> JSON { ["$ref": .string("#/$defs/\(name)")] }

    /// The names of the definitions `root` uses, directly or through other definitions.
    static func referencedDefinitions(
        from root: JSON, in definitions: [(key: String, value: JSON)]
    ) -> Set<String> {
        var found: Set<String> = []
        var pending = [root]
        while let value = pending.popLast() {
            for target in value.references {
                let prefix = "#/$defs/"
                guard target.hasPrefix(prefix) else { continue }
                let name = String(target.dropFirst(prefix.count))
                guard found.insert(name).inserted,
                    let definition = definitions.first(where: { $0.key == name })
                else { continue }
                pending.append(definition.value)
            }
        }
        return found
    }

    static func definitions() -> [(key: String, value: JSON)] {
        var result: [(key: String, value: JSON)] = [
            ("quiz", quiz()),
            ("quiz-item", quizItem()),
            ("draw-filter", drawFilter()),
            ("scenario", scenario()),
            ("ending", ending()),
            ("config", config()),
            ("competency", competency()),
            ("xapi-config", xapiConfig()),
            ("question", questionDispatch(inScenario: false)),
            ("step", questionDispatch(inScenario: true)),
        ]
        for inScenario in [false, true] {
            for kind in QuestionKind.allCases {
                result.append(
                    (
                        questionName(kind, inScenario: inScenario),
                        question(kind, inScenario: inScenario)
                    ))
            }
        }
        result += [
            ("choice-option", choiceOption(inScenario: false)),
            ("step-choice-option", choiceOption(inScenario: true)),
            ("multi-option", multiOption()),
            ("order-item", orderItem()),
            ("rubric-group", rubricGroup()),
            ("rate-response", rateResponse()),
        ]
        return result
    }

    /// The definition name of a question of one kind: `question-choice`, `step-choice`, ...
    static func questionName(_ kind: QuestionKind, inScenario: Bool) -> String {
        "\(inScenario ? "step" : "question")-\(kind.rawValue)"
    }
}

// MARK: JSON

extension FormatSchema {
    /// Schema documents are ordered JSON values.
    typealias JSON = JSONValue
}

extension JSONValue {
    /// Every `$ref` target inside the value.
    var references: [String] {
        switch self {
        case .array(let items):
            return items.flatMap(\.references)
        case .object(let pairs):
            return pairs.flatMap { pair -> [String] in
                if pair.key == "$ref", case .string(let target) = pair.value {
                    return [target]
                }
                return pair.value.references
            }
        default:
            return []
        }
    }
}
