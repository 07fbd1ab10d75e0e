import ArgumentParser
import Foundation
import RehearseBank
import RehearseCore
import RehearseGrading
import RehearseProgress

struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade a cohort's answer sheets, with item analysis.",
        discussion: """
            Sheets are recognised by content: recorded attempts (the JSON `rehearse take --record` \
            writes, one or an array), long CSV (learner,quiz,question,answer) and wide CSV (a row \
            per response, a column per question named by ref or prompt: Google Forms and \
            Microsoft Forms exports as they are). Rows that cannot be \
            graded are reported with file, line and column; the rest is graded. Exit codes: 0 \
            graded; 1 some input was rejected; 2 a file cannot be read or written; 64 usage error.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Answer sheets (JSON attempts, long or wide CSV).")
    var sheets: [String]

    @Option(name: .long, help: "The quiz the sheets answer (needed when they do not say).")
    var quiz: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output format.", valueName: GradeFormat.allCases.map(\.rawValue).joined(separator: "|")
        ))
    var format = GradeFormat.table

    @OptionGroup var xapi: XAPIOptions

    @Option(name: [.customShort("o"), .long], help: "Write the report to FILE.")
    var output: String?

    @Option(
        name: .long, help: "The learner column of a wide sheet (default: learner, email, name).")
    var learnerColumn: String?

    @Option(
        name: .long,
        help: ArgumentHelp("CSV delimiter: , ; tab (default: detected).", valueName: "delimiter"))
    var delimiter: SheetDelimiter?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --format csv: the learners table, the items table, or the learner x item "
                + "marks matrix `rehearse stats` reads.", valueName: "learners|items|marks"))
    var table = GradeTable.learners

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A learner who answered more than once: grade the last response (by timestamp), the "
                + "first or the best.", valueName: "last|first|best"))
    var attempt = AttemptChoice.last

    @Flag(name: .long, help: "Add each learner's graded attempt to their progress file.")
    var updateProgress = false

    func validate() throws {
        guard !sheets.isEmpty else { throw ValidationError("name at least one answer sheet") }
    }

    /// The byte of a delimiter as `--delimiter` spells it (`stats` shares the spelling).
    func run() throws {
        let loaded = try global.loadBank(then: "Grading with what loaded.")
        let options = SheetOptions(
            quiz: quiz, learnerColumn: learnerColumn, delimiter: delimiter?.byte, attempt: attempt)
        let reader = SheetReader(bank: loaded.bank, options: options)
        // The cohort (every learner's answers) goes once graded.
        let graded: GradedCohort
        do {
            let cohort = try reader.cohort(readingFiles: sheets)
            graded = Grader.grade(bank: loaded.bank, cohort: cohort)
        } catch {
            switch error {
            case .unreadable(let path):
                throw RehearseError(.io, "cannot read \(path)")
            case .rejected(let error):
                // Rows rejected on the way are still worth reporting: they may be why nothing
                // is left.
                for row in reader.rejected {
                    printError("\(row.file):\(row.line):\(row.column): rejected: \(row.reason)")
                }
                for note in reader.unlistedRejected { printError(note) }
                throw RehearseError(reader.rejected.isEmpty ? .usage : .rejected, error.message)
            }
        }
        var notes = reader.notes
        var rejected = reader.rejected
        if updateProgress {
            let now = try global.now()
            let store = global.progressStore()
            do {
                let outcome = try ProgressUpdate.apply(
                    graded, bank: loaded.bank, store: store, now: now)
                notes += outcome.notes
                rejected += outcome.rejected
            } catch {
                throw RehearseError(.io, "\(error)")
            }
        }
        if format == .xapi {
            let now = try global.now()
            try writeReport(
                XAPIOutput.grade(graded, bank: loaded.bank, now: now, options: xapi), to: output,
                format: .json)
        } else {
            // Written in pieces as rendered (JSON, and the CSV tables of learners and marks).
            let sink = try reportSink()
            let report = GradeReport(
                graded: graded, rejected: rejected, notes: notes, names: reader.displayNames)
            GradeRendering.render(
                report, format: format.report, itemsTable: table == .items,
                marksTable: table == .marks,
                color: output == nil && format == .table && global.useColor(),
                width: output == nil ? Self.tableWidth() : nil, buffers: sink.buffers
            ) { sink.write($0) }
            try close(sink)
        }
        if output != nil || format != .table {
            for row in rejected {
                printError("\(row.file):\(row.line):\(row.column): rejected: \(row.reason)")
            }
            for note in reader.unlistedRejected { printError(note) }
        }
        if !rejected.isEmpty { throw RehearseError.rejected }
    }

    /// The width the terminal table fits: `COLUMNS`, else the terminal's, else 100.
    static func tableWidth() -> Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0) }),
            columns > 0
        {
            return columns
        }
        return Console.terminalWidth() ?? 100
    }

    private func reportSink() throws(RehearseError) -> ReportSink {
        do {
            return try ReportSink(path: output, suggestedName: reportFileName(format.report))
        } catch {
            throw RehearseError(.io, error.message)
        }
    }

    private func close(_ sink: ReportSink) throws(RehearseError) {
        do {
            try sink.close()
        } catch {
            throw RehearseError(.io, error.message)
        }
    }
}

/// The file name proposed when `-o` names a folder: `report.html` for `--format html`.
func reportFileName(_ format: ReportFormat) -> String {
    "report." + (format == .table ? "txt" : format == .markdown ? "md" : format.rawValue)
}

/// Writes a report in `format` to FILE, or to standard output.
func writeReport(_ bytes: [UInt8], to path: String?, format: ReportFormat) throws(RehearseError) {
    do {
        try ReportSink.write(bytes, to: path, suggestedName: reportFileName(format))
    } catch {
        throw RehearseError(.io, error.message)
    }
}

/// `grade --attempt last|first|best`.
extension AttemptChoice: ExpressibleByArgument {}
