import ArgumentParser
import Foundation
import RehearseBank
import RehearseCore
import RehearseInterop
import RehearseSession
import Synchronization

/// `export --to gift|moodle-xml|qti`.
extension ExportFormat: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a quiz as GIFT, Moodle XML or a QTI 3.0 package.",
        discussion: """
            Writes every question of the quiz: inline questions, the steps of its scenarios in \
            order (the scenario's context before the first step), and for a draw every \
            scenario of its pool. What the format cannot hold (branching, rate questions, \
            order questions in GIFT, rubrics) is written in its nearest form with a comment \
            and listed on standard error. A QTI package (`--to qti`) is a zip, written only to \
            the file given with -o. Exit codes: 0 written; 1 no such quiz; 2 a file \
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

    func validate() throws {
        if format.isBinary && output == nil {
            throw ValidationError(
                "--to \(format.rawValue) writes a zip file: give the file with -o (for example "
                    + "-o \(TerminalText.sanitizeLine(quiz)).zip)")
        }
    }

    func run() throws {
        let (found, bank) = try load()
        let plan = ExportPlan(quiz: found, bank: bank)
        // A whole bank's questions, freed one by one, took longer than writing a large quiz's
        // file: they are given back with the process instead.
        defer { KeptUntilExit.keep((bank, plan)) }
        let export: (ExportPlan, (@Sendable ([UInt8]) -> Void)?) -> ExportResult
        switch format {
        case .gift: export = GiftExporter.export
        case .moodleXML: export = MoodleXMLExporter.export
        case .qti:
            try writePackage(QTIPackage(plan))
            return
        }
        // The text goes out piece by piece as the pieces are done, while later ones are still
        // being written; the notes follow on standard error.
        guard let output else {
            Self.report(export(plan) { piece in writeOutput(piece) }.notes)
            return
        }
        var notes: [String] = []
        do throws(AtomicFileWriter.Failure) {
            try AtomicFileWriter.write(to: output, replace: true) { handle in
                let failed = Mutex<String?>(nil)
                notes =
                    export(plan) { piece in
                        do {
                            try AtomicFileWriter.write(piece, to: handle)
                        } catch {
                            let reason = AtomicFileWriter.reason(error)
                            failed.withLock { $0 = $0 ?? reason }
                        }
                    }.notes
                if let reason = failed.withLock({ $0 }) {
                    throw AtomicFileWriter.Failure(path: output, reason: reason)
                }
            }
        } catch {
            throw RehearseError(.io, "cannot write \(error.path): \(error.reason)")
        }
        Self.report(notes)
    }

    /// The quiz and the part of the bank it needs, read by the quiz loader `take` uses: the
    /// quiz's file, the scenarios it lists and every scenario of its draws' pools, whole. When
    /// those files have findings, or the quiz or a scenario it lists is not found by its file
    /// name, the whole bank is loaded instead, so what is exported and said is what a load of
    /// the whole bank gives.
    private func load() throws -> (Quiz, Bank) {
        if let loaded = try? QuizLoader.loadWithWholePools(quiz: quiz, root: global.bankRoot),
            loaded.diagnostics.isEmpty,
            loaded.quiz.items.allSatisfy({ item in
                guard case .scenario(let id) = item else { return true }
                return loaded.bank.scenario(id.value) != nil
            })
        {
            return (loaded.quiz, loaded.bank)
        }
        let bank = try global.loadBank(then: "Exporting what loaded.").bank
        guard let found = bank.quiz(quiz) else {
            let ids = bank.quizzes.map(\.id.value)
            let guess =
                Suggestion.closest(to: quiz, in: ids).map { " (did you mean '\($0)'?)" } ?? ""
            throw RehearseError(
                .rejected, "no quiz '\(TerminalText.sanitizeLine(quiz))' in the bank\(guess)")
        }
        return (found, bank)
    }

    /// The notes on standard error, one line each, made safe for the terminal line by line
    /// (so the whole needs no second pass through `printError`).
    private static func report(_ notes: [String]) {
        guard !notes.isEmpty else { return }
        var text = ""
        text.reserveCapacity(notes.reduce(0) { $0 + $1.utf8.count + 17 })
        for note in notes {
            text += "rehearse: note: "
            text += TerminalText.sanitizeLine(note)
            text += "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes the zip durably at `-o` (temp file, flush, rename); an existing file there is
    /// replaced only when it is a package this command wrote.
    private func writePackage(_ package: QTIPackage) throws {
        Self.report(package.notes)
        guard let output else { throw RehearseError(.usage, "--to qti needs -o FILE") }
        let data: Data
        do {
            data = try package.zipData()
        } catch {
            throw RehearseError(.io, "cannot build the zip: \(error)")
        }
        do {
            try OutputFile.write(data, to: output, replacing: QTIPackage.isPackage)
        } catch {
            throw RehearseError(.io, error.description)
        }
    }
}
