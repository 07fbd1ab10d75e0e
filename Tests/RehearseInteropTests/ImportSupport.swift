import Foundation
import RehearseBank
import RehearseCheck
import RehearseCore
import RehearseInterop
import Testing

/// Imports texts and runs the project's own checker on the quiz written.
enum ImportSupport {
    static let fixtures = GiftFixtures.folder

    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/moodle")

    static func importText(
        _ text: String, name: String = "test.gift", quizID: String? = nil,
        essayAsText: Bool = false
    ) throws(ImportFileError) -> ImportResult {
        try QuizImporter.importFile(
            bytes: Array(text.utf8), name: name, quizID: quizID, competency: "product-knowledge",
            essayAsText: essayAsText)
    }

    /// Every finding `check --strict` would report on the quiz, alone in a bank.
    static func findings(_ result: ImportResult) -> [Diagnostic] {
        Checker.check([
            SourceFile(
                path: "quizzes/\(result.quiz.id).yaml", text: result.yaml, role: .quiz)
        ])
    }

    /// The bank of the quiz alone, as the project's loader reads it.
    static func bank(_ result: ImportResult) -> Bank? {
        BankLoader.load([
            SourceFile(path: "quizzes/\(result.quiz.id).yaml", text: result.yaml, role: .quiz)
        ]).bank
    }

    /// The quiz as the project's loader reads it back.
    static func load(_ result: ImportResult) -> Quiz? {
        BankLoader.load([
            SourceFile(path: "quizzes/\(result.quiz.id).yaml", text: result.yaml, role: .quiz)
        ]).bank.quizzes.first
    }
}
