/// Writes an imported quiz as a bank quiz file: block style, two spaces per level, every
/// string through `YAMLScalar`, so the loader reads back exactly what was written.
public struct QuizYAMLWriter {
    /// A piece of a quiz file: its text and the YAML nodes in it (an upper bound of the
    /// loader's count).
    public struct Chunk: Sendable {
        public var text: String
        public var nodes: Int
    }

    private var out = ""
    /// Scalars, lists and mappings in the current chunk (an upper bound of the loader's count).
    private var nodeCount = 0

    public init() {}

    /// The YAML text of `quiz` as one file, with a first comment line saying where it came
    /// from (an import lays it out through `QuizFileSplitter`, in parts when large).
    public mutating func write(_ quiz: ImportedQuiz, source: String) -> String {
        var text = header(quiz, source: source).text
        for (id, question) in quiz.questions {
            text += item(question, id: id, competency: quiz.competency).text
        }
        return text
    }

    /// The lines before the questions: where the quiz came from, its id, title and
    /// description, and `items:`.
    public mutating func header(_ quiz: ImportedQuiz, source: String) -> Chunk {
        out = ""
        nodeCount = 1
        out += "# Imported by rehearse import from \(oneLine(source)).\n"
        scalar("id", quiz.id, indent: 0)
        scalar("title", quiz.title, indent: 0)
        if let description = quiz.description { scalar("description", description, indent: 0) }
        out += "items:\n"
        nodeCount += 2
        return Chunk(text: out, nodes: nodeCount)
    }

    /// One question's entry of `items:`.
    public mutating func item(_ question: DraftQuestion, id: String, competency: String) -> Chunk {
        out = "  - question:\n"
        nodeCount = 3
        write(question, id: id, competency: competency, indent: 6)
        return Chunk(text: out, nodes: nodeCount)
    }

    private mutating func write(
        _ question: DraftQuestion, id: String, competency: String, indent: Int
    ) {
        scalar("id", id, indent: indent)
        plain("kind", question.body.kind.rawValue, indent: indent)
        scalar("competency", competency, indent: indent)
        scalar("prompt", question.prompt, indent: indent)
        if let points = question.points {
            plain("points", YAMLScalar.number(points), indent: indent)
        }
        if let hint = question.hint { scalar("hint", hint, indent: indent) }
        if let explanation = question.explanation {
            scalar("explanation", explanation, indent: indent)
        }
        if !question.tags.isEmpty { list("tags", question.tags, indent: indent) }
        switch question.body {
        case .choice(let options):
            self.options(options, multi: false, indent: indent)
        case .multi(let options, let partial):
            if partial { plain("scoring", "partial", indent: indent) }
            self.options(options, multi: true, indent: indent)
        case .truefalse(let answer):
            plain("answer", answer ? "true" : "false", indent: indent)
        case .order(let items, let partial):
            if partial { plain("scoring", "partial", indent: indent) }
            key("items", indent: indent)
            var ids = ImportIDs()
            for (index, item) in items.enumerated() {
                let itemID = ids.claim(
                    [ImportIDs.slug(item, limit: 24)], fallback: "i\(index + 1)")
                listEntry(indent: indent + 2)
                scalar("id", itemID, indent: indent + 4, first: true)
                scalar("text", item, indent: indent + 4)
            }
        case .text(let accept, let patterns):
            if !accept.isEmpty { list("accept", accept, indent: indent) }
            if !patterns.isEmpty {
                key("patterns", indent: indent)
                for pattern in patterns {
                    out += String(repeating: " ", count: indent + 2) + "- "
                    out += YAMLScalar.pattern(pattern, indent: indent + 2) + "\n"
                    nodeCount += 1
                }
            }
        case .number(let answer, let tolerance, let range, let unit):
            if let range {
                plain(
                    "range",
                    "[\(YAMLScalar.number(range.lowerBound)), \(YAMLScalar.number(range.upperBound))]",
                    indent: indent)
                nodeCount += 2
            } else if let answer {
                plain("answer", YAMLScalar.number(answer), indent: indent)
                if tolerance > 0 {
                    plain("tolerance", YAMLScalar.number(tolerance), indent: indent)
                }
            }
            if let unit { scalar("unit", unit, indent: indent) }
        }
    }

    private mutating func options(_ options: [DraftOption], multi: Bool, indent: Int) {
        key("options", indent: indent)
        for (index, option) in options.enumerated() {
            listEntry(indent: indent + 2)
            let inner = indent + 4
            plain("id", Self.optionID(index), indent: inner, first: true)
            scalar("text", option.text, indent: inner)
            if let score = option.score, !multi {
                plain("score", YAMLScalar.number(score), indent: inner)
            } else if option.correct || multi {
                plain("correct", option.correct ? "true" : "false", indent: inner)
            }
            if let feedback = option.feedback { scalar("feedback", feedback, indent: inner) }
        }
    }

    /// `a` to `z`, then `o27`, `o28`...
    static func optionID(_ index: Int) -> String {
        guard index < 26, let scalar = Unicode.Scalar(UInt32(0x61 + index)) else {
            return "o\(index + 1)"
        }
        return String(Character(scalar))
    }

    // MARK: - Lines

    private var pendingListEntry = false

    private mutating func listEntry(indent: Int) {
        out += String(repeating: " ", count: indent) + "- "
        pendingListEntry = true
        nodeCount += 1
    }

    private mutating func lead(_ indent: Int, first: Bool) {
        if first && pendingListEntry {
            pendingListEntry = false
        } else {
            out += String(repeating: " ", count: indent)
        }
    }

    private mutating func key(_ name: String, indent: Int) {
        lead(indent, first: false)
        out += name + ":\n"
        nodeCount += 2
    }

    private mutating func plain(_ name: String, _ value: String, indent: Int, first: Bool = false) {
        lead(indent, first: first)
        out += name + ": " + value + "\n"
        nodeCount += 2
    }

    private mutating func scalar(_ name: String, _ value: String, indent: Int, first: Bool = false)
    {
        lead(indent, first: first)
        out += name + ": " + YAMLScalar.string(value, indent: indent) + "\n"
        nodeCount += 2
    }

    private mutating func list(_ name: String, _ values: [String], indent: Int) {
        key(name, indent: indent)
        for value in values {
            out += String(repeating: " ", count: indent + 2) + "- "
            out += YAMLScalar.string(value, indent: indent + 2) + "\n"
            nodeCount += 1
        }
    }

    private func oneLine(_ text: String) -> String {
        String(
            text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
    }
}
