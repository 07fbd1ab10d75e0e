import RehearseBank

/// What importing one file gave: the quiz, the files to write, and the report.
public struct ImportResult: Sendable {
    public var format: ImportFormat
    /// The whole quiz, every question imported (the files may hold it in parts).
    public var quiz: ImportedQuiz
    /// The quiz files to write: `quizzes/ID.yaml`, or its parts `quizzes/ID-part-N.yaml` when
    /// it is too large for one file (`QuizFileSplitter`); none when no question was imported.
    public var files: [ImportedFile]
    /// Questions imported, per kind.
    public var imported: [QuestionKind: Int]
    /// Questions not imported, with why, in file order.
    public var skipped: [ImportFinding]
    /// Questions imported with something the kind cannot hold left out, in file order.
    public var notes: [ImportFinding]

    public init(
        format: ImportFormat, quiz: ImportedQuiz, files: [ImportedFile],
        imported: [QuestionKind: Int],
        skipped: [ImportFinding], notes: [ImportFinding]
    ) {
        self.format = format
        self.quiz = quiz
        self.files = files
        self.imported = imported
        self.skipped = skipped
        self.notes = notes
    }

    /// The text of the one quiz file; empty when the quiz is split or nothing was imported.
    public var yaml: String { files.count == 1 ? files[0].yaml : "" }

    /// Whether the quiz is written in parts.
    public var isSplit: Bool { files.count > 1 }

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
