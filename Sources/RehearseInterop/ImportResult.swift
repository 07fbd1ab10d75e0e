import RehearseBank

/// What importing one file gave: the quiz and its YAML text, and the report.
public struct ImportResult: Sendable {
    public var format: ImportFormat
    public var quiz: ImportedQuiz
    /// The quiz file's text; empty when no question could be imported.
    public var yaml: String
    /// Questions imported, per kind.
    public var imported: [QuestionKind: Int]
    /// Questions not imported, with why, in file order.
    public var skipped: [ImportFinding]
    /// Questions imported with something the kind cannot hold left out, in file order.
    public var notes: [ImportFinding]

    public init(
        format: ImportFormat, quiz: ImportedQuiz, yaml: String, imported: [QuestionKind: Int],
        skipped: [ImportFinding], notes: [ImportFinding]
    ) {
        self.format = format
        self.quiz = quiz
        self.yaml = yaml
        self.imported = imported
        self.skipped = skipped
        self.notes = notes
    }

    /// The number of questions imported.
    public var importedCount: Int { imported.values.reduce(0, +) }

    /// `12 imported (5 choice, 4 truefalse, 3 text), 2 skipped`.
    public var summary: String {
        let kinds = QuestionKind.allCases.compactMap { kind in
            imported[kind].map { "\($0) \(kind.rawValue)" }
        }
        let detail = kinds.isEmpty ? "" : " (" + kinds.joined(separator: ", ") + ")"
        return "\(importedCount) imported\(detail), \(skipped.count) skipped"
    }
}
