import ArgumentParser
import Foundation
import RehearseBank
import RehearseCore
import RehearseInterop

/// `export --to gift|moodle-xml`.
extension ExportFormat: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a quiz as GIFT or Moodle XML.",
        discussion: """
            Writes every question of the quiz: inline questions, the steps of its scenarios in \
            order (the scenario's context before the first step), and for a draw every \
            scenario of its pool. What the format cannot hold (branching, rate questions, \
            order questions in GIFT, rubrics) is written in its nearest form with a comment \
            and listed on standard error. Exit codes: 0 written; 1 no such quiz; 2 a file \
            cannot be read or written; 64 usage error.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The quiz id.")
    var quiz: String

    @Option(
        name: .customLong("to"),
        help: ArgumentHelp(
            "The format.",
            valueName: ExportFormat.allCases.map(\.rawValue).joined(separator: "|")))
    var format: ExportFormat

    @Option(
        name: [.customShort("o"), .long], help: "The file to write (default: standard output).")
    var output: String?

    func run() throws {
        let bank = try global.loadBank(then: "Exporting what loaded.").bank
        guard let found = bank.quiz(quiz) else {
            let ids = bank.quizzes.map(\.id.value)
            let guess =
                Suggestion.closest(to: quiz, in: ids).map { " (did you mean '\($0)'?)" } ?? ""
            throw RehearseError(
                .rejected, "no quiz '\(TerminalText.sanitizeLine(quiz))' in the bank\(guess)")
        }
        let plan = ExportPlan(quiz: found, bank: bank)
        let result =
            switch format {
            case .gift: GiftExporter.export(plan)
            case .moodleXML: MoodleXMLExporter.export(plan)
            }
        if !result.notes.isEmpty {
            printError(
                result.notes.map { "rehearse: note: " + TerminalText.sanitizeLine($0) }
                    .joined(separator: "\n"))
        }
        guard let output else {
            writeOutput(result.text)
            return
        }
        do {
            try AtomicFileWriter.write(result.text, to: output, replace: true)
        } catch {
            throw RehearseError(.io, "cannot write \(error.path): \(error.reason)")
        }
    }
}
