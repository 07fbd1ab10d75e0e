import ArgumentParser
import Foundation
import RehearseBank
import RehearseCore
import RehearseInterop

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import GIFT or Moodle XML files as quizzes.",
        discussion: """
            Writes one quiz of inline questions per file, as BANK/quizzes/ID.yaml (ID from \
            --quiz or the file name); a quiz too large for one bank file is written in parts, \
            ID-part-1.yaml, ID-part-2.yaml... Prints what was imported per kind and what was \
            skipped, at file:line, and why. The format is told by content. Exit codes: 0 \
            everything imported; 1 some questions skipped; 2 a file cannot be read or written \
            (nothing is half-written); 64 usage error.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "GIFT or Moodle XML files.")
    var files: [String] = []

    @Option(name: .long, help: ArgumentHelp("The bank to write into.", valueName: "BANK"))
    var into: String

    @Option(name: .long, help: "The quiz id (one file only; default: from the file name).")
    var quiz: String?

    @Option(
        name: .long,
        help:
            "The competency of every question (default: product-knowledge, else the bank's first).")
    var competency: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Import essays as text questions that accept any answer (add accepted answers or a "
                + "rubric to score them)."))
    var essayAsText = false

    @Flag(name: .long, help: "Report what would be imported; write nothing.")
    var dryRun = false

    @Flag(
        name: .long,
        help: "Replace quiz files that exist, and remove those an earlier import of the quiz left.")
    var force = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file to import") }
        if let quiz {
            guard files.count == 1 else {
                throw ValidationError("--quiz names the quiz of one file; import files one by one")
            }
            guard ImportIDs.isValid(quiz) else {
                throw ValidationError(
                    "'\(quiz)' is not a valid id: lower-case letters, digits and hyphens, "
                        + "starting with a letter or digit")
            }
        }
    }

    func run() throws {
        let competency = try chosenCompetency()
        var failed = false
        var skipped = false
        var written: Set<String> = []
        var quizIDs: Set<String> = []
        for file in files {
            let bytes: [UInt8]
            do {
                bytes = try read(file)
            } catch {
                printError("rehearse: \(TerminalText.sanitizeLine(file)): \(error.reason)")
                failed = true
                continue
            }
            let result: ImportResult
            do {
                result = try QuizImporter.importFile(
                    bytes: bytes, name: file, quizID: quiz, competency: competency,
                    essayAsText: essayAsText)
            } catch {
                let place = error.line > 0 ? "\(file):\(error.line)" : file
                printError("rehearse: \(TerminalText.sanitizeLine(place)): \(error.message)")
                failed = true
                continue
            }
            writeOutput(report(file, result))
            if !result.skipped.isEmpty { skipped = true }
            guard result.importedCount > 0 else {
                printError("rehearse: \(TerminalText.sanitizeLine(file)): nothing to import")
                continue
            }
            let paths = result.files.map(\.path)
            if !quizIDs.insert(result.quiz.id).inserted {
                printError(
                    "rehearse: \(TerminalText.sanitizeLine(file)): two files of this import give "
                        + "the quiz id '\(result.quiz.id)'; import them one by one with --quiz")
                failed = true
                continue
            }
            if let taken = paths.first(where: written.contains) {
                printError(
                    "rehearse: \(TerminalText.sanitizeLine(taken)): two files of this import "
                        + "write it; import them one by one with --quiz")
                failed = true
                continue
            }
            written.formUnion(paths)
            if dryRun {
                if force {
                    let stale = ImportWriter.stale(result, in: into).filter {
                        !written.contains($0)
                    }
                    writeOutput(removals(stale, done: false))
                }
                continue
            }
            do {
                let removed = try ImportWriter.write(
                    result, into: into, force: force, keeping: written)
                writeOutput(removals(removed, done: true))
            } catch {
                printError(
                    "rehearse: cannot write \(TerminalText.sanitizeLine(error.path)): "
                        + "\(error.reason); nothing of \(TerminalText.sanitizeLine(file)) was written"
                )
                failed = true
            }
        }
        if failed { throw RehearseError.io }
        if skipped { throw RehearseError.rejected }
    }

    /// The summary of one file: where it goes, what was imported and skipped, the parts.
    private func report(_ file: String, _ result: ImportResult) -> String {
        let paths = result.files.map(\.path)
        let target: String
        switch paths.count {
        case 0: target = ImportedFile.path(of: result.quiz.id)
        case 1: target = paths[0]
        default: target = "\(paths.count) parts, \(paths[0]) ... \(paths[paths.count - 1])"
        }
        var lines = ["\(file) (\(result.format.rawValue)) -> \(target): \(result.summary)"]
        if result.isSplit {
            for (index, part) in result.files.enumerated() {
                let count = part.quiz.questions.count
                lines.append(
                    "  part \(index + 1) of \(paths.count) \(part.path): \(count) questions, "
                        + "\(part.quiz.questions.first?.id ?? "") to \(part.quiz.questions.last?.id ?? "")"
                )
            }
        }
        lines += result.skipped.map { "  skipped \($0.description)" }
        lines += result.notes.map { "  note    \($0.description)" }
        return lines.map(TerminalText.sanitizeLine).joined(separator: "\n") + "\n"
    }

    /// `  removed quizzes/ID.yaml (...)` per file an earlier import left, or `would remove`.
    private func removals(_ paths: [String], done: Bool) -> String {
        paths.map {
            "  \(done ? "removed" : "would remove") \(TerminalText.sanitizeLine($0)) (an earlier "
                + "import of the quiz)\n"
        }.joined()
    }

    /// `--competency`, else `product-knowledge` if the bank has it, else its first one.
    private func chosenCompetency() throws -> String {
        var known = Competency.builtIn.map(\.id)
        if let config = BankDirectory.configFiles(root: into).first,
            let data = FileManager.default.contents(atPath: config)
        {
            let loaded = BankLoader.load([
                SourceFile(path: config, bytes: [UInt8](data), role: .config)
            ])
            if !loaded.bank.competencies.isEmpty { known = loaded.bank.competencies.map(\.id) }
        }
        if let competency {
            guard known.contains(competency) else {
                let guess =
                    Suggestion.closest(to: competency, in: known).map { " (did you mean '\($0)'?)" }
                    ?? ""
                throw RehearseError(
                    .usage,
                    "the bank has no competency '\(competency)'\(guess); it has: "
                        + known.joined(separator: ", "))
            }
            return competency
        }
        return known.contains("product-knowledge") ? "product-knowledge" : known.first ?? "empathy"
    }

    /// The file's bytes; a file over the import limit is refused before it is read.
    private func read(_ path: String) throws(ReadFailure) -> [UInt8] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > QuizImporter.maxInputBytes {
            throw ReadFailure(
                path: path,
                reason:
                    "the file is \(size) bytes, over the \(QuizImporter.maxInputBytes >> 20) MiB "
                    + "an import reads; split it")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ReadFailure(path: path, reason: exists ? "cannot be read" : "no such file")
        }
        return [UInt8](data)
    }
}
