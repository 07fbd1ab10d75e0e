import ArgumentParser
import Foundation
import RehearseBank
import RehearseCheck
import RehearseCore
import RehearseGrading
import RehearseProgress
import RehearseScoring
import RehearseSession

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Item and test statistics of any marks matrix (learner x item).",
        discussion: """
            One row per learner, the learner in the first column (or --learner-column), one \
            column per item with the learner's mark; an empty cell means the item was not met. \
            A column equal to the row's sum in every row is recognised as a total and left out. \
            Statistics are Moodle's quiz statistics. Exit codes: 0 done; 1 some cells were \
            rejected; 2 the file cannot be read; 64 usage error.
            """)

    @Argument(help: "The marks matrix (CSV).")
    var marks: String

    @Option(name: .long, help: "The learner column (default: the first column).")
    var learnerColumn: String?

    @Option(name: .long, help: "The maximum mark of every item (default: per column, 1 or more).")
    var maxMark: Double?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output format.", valueName: StatsFormat.allCases.map(\.rawValue).joined(separator: "|")
        ))
    var format: StatsFormat = .table

    @Option(name: [.customShort("o"), .long], help: "Write the report to FILE.")
    var output: String?

    @Option(name: .long, help: "CSV delimiter: , ; tab (default: detected).")
    var delimiter: SheetDelimiter?

    func validate() throws {
        if let maxMark, !(maxMark > 0) { throw ValidationError("--max-mark must be above 0") }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: marks) else {
            printError("rehearse: cannot read \(marks)")
            throw RehearseError.io
        }
        let read: MarksReader.Result
        do {
            read = try MarksReader.read(
                file: marks, bytes: [UInt8](data), learnerColumn: learnerColumn, maxMark: maxMark,
                delimiter: delimiter?.byte)
        } catch {
            printError("rehearse: \(error.message)")
            throw RehearseError.usage
        }
        let report = StatsReport(file: marks, read: read)
        try writeReport(report.render(format.reportFormat), to: output, format: format.reportFormat)
        if format != .table || output != nil {
            for row in report.rejected {
                printError("\(row.file):\(row.line):\(row.column): rejected: \(row.reason)")
            }
        }
        if !report.rejected.isEmpty { throw RehearseError.rejected }
    }
}
