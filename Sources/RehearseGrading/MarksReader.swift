import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// Reads a marks matrix for `rehearse stats`: one row per learner, the learner in the first column
/// (or the one named), one column per item holding the learner's mark. An empty cell means the
/// learner did not meet the item. A column that equals the sum of the item columns in every row
/// (a spreadsheet's total) is recognised, left out and said so.
public enum MarksReader {
    public struct Result: Sendable {
        public var matrix: MarksMatrix
        public var rejected: [RejectedRow]
        public var notes: [String]
    }

    /// The columns of `grade --format csv` that are not items.
    static let gradeColumns: Set<String> = [
        "name", "score", "max", "percent", "passed", "unanswered", "ignored",
    ]

    /// How far a total may be from the row's sum (spreadsheets round what they export).
    public static let totalTolerance = 0.01

    public static func read(
        file: String, bytes raw: [UInt8], learnerColumn: String? = nil, maxMark: Double? = nil,
        delimiter: UInt8? = nil
    ) throws(GradingError) -> Result {
        let (bytes, encoding) = SheetText.utf8(raw)
        var notes: [String] = []
        if encoding == .windows1252 { notes.append("\(file): not UTF-8; read as Windows-1252") }
        let separator = delimiter ?? CSVParser.detectDelimiter(bytes)
        // The rows are read one at a time (a matrix of a hundred thousand learners is never held
        // as text): the header, then each row's marks into the columns below.
        return try bytes.withUnsafeBufferPointer { buffer throws(GradingError) in
            var scanner = CSVScanner(buffer, delimiter: separator)
            defer { scanner.deallocate() }
            func failed(_ error: any Error) -> GradingError {
                let failure =
                    (error as? CSVError) ?? CSVError(line: 1, column: 1, reason: "\(error)")
                return GradingError("\(file):\(failure.line):\(failure.column): \(failure.reason)")
            }
            let header: [String]
            do {
                guard try scanner.next() else { throw GradingError("\(file) is empty") }
                header = (0..<scanner.fieldCount).map {
                    String(decoding: scanner.field($0), as: UTF8.self)
                }
            } catch let error as GradingError {
                throw error
            } catch {
                throw failed(error)
            }
            return try read(
                file: file, header: header, scanner: &scanner, learnerColumn: learnerColumn,
                maxMark: maxMark, notes: notes, failed: failed)
        }
    }

    private static func read(
        file: String, header: [String], scanner: inout CSVScanner, learnerColumn: String?,
        maxMark: Double?, notes: [String], failed: (any Error) -> GradingError
    ) throws(GradingError) -> Result {
        var notes = notes
        var rejected: [RejectedRow] = []
        var learnerIndex = 0
        if let learnerColumn {
            let wanted = QuizIndex.foldHeader(learnerColumn)
            guard let found = header.firstIndex(where: { QuizIndex.foldHeader($0) == wanted })
            else {
                throw GradingError("\(file) has no column `\(learnerColumn)`")
            }
            learnerIndex = found
        }
        var columns = header.indices.filter { $0 != learnerIndex }
        // `grade --format csv` (the learners table): read its item columns only.
        let folded = header.map(QuizIndex.foldHeader)
        if ["score", "max", "percent", "passed"].allSatisfy(folded.contains) {
            columns = columns.filter {
                !gradeColumns.contains(folded[$0]) && !folded[$0].hasPrefix("competency:")
            }
            notes.append(
                "\(file) is a grade report (learners table): its totals, pass, unanswered, "
                    + "ignored and competency columns are left out; the items are read")
        }
        guard !columns.isEmpty else { throw GradingError("\(file) has no item columns") }
        // Marks by column, NaN for empty or unreadable cells.
        var values = [[Double]](repeating: [], count: header.count)
        var learners: [String] = []
        do {
            while try scanner.next() {
                func text(_ column: Int) -> String {
                    column < scanner.fieldCount
                        ? String(decoding: scanner.field(column), as: UTF8.self) : ""
                }
                learners.append(text(learnerIndex))
                for column in columns {
                    let cell = text(column).trimmingSpaces
                    if cell.isEmpty {
                        values[column].append(.nan)
                    } else if let value = number(cell) {
                        values[column].append(value)
                    } else {
                        values[column].append(.nan)
                        rejected.append(
                            RejectedRow(
                                file: file, line: scanner.recordLine, column: column + 1,
                                reason: "`\(cell)` is not a mark (a number, or empty when not met)")
                        )
                    }
                }
            }
        } catch {
            throw failed(error)
        }
        // A total column: equal to the sum of the others in every row.
        if columns.count > 2, !learners.isEmpty {
            for candidate in columns.reversed() {
                let others = columns.filter { $0 != candidate }
                let isTotal = learners.indices.allSatisfy { row in
                    let total = values[candidate][row]
                    guard !total.isNaN else { return false }
                    let sum = others.reduce(0.0) { sum, column in
                        let value = values[column][row]
                        return value.isNaN ? sum : sum + value
                    }
                    return abs(total - sum) <= totalTolerance
                }
                if isTotal {
                    notes.append(
                        "column `\(header[candidate])` is the row total; left out of the items")
                    columns = others
                    break
                }
            }
        }
        var marks: [Double] = []
        marks.reserveCapacity(columns.count * learners.count)
        var maxima: [Double] = []
        var unanswered: [Int] = []
        for column in columns {
            marks += values[column]
            let largest = values[column].filter { !$0.isNaN }.max() ?? 1
            maxima.append(maxMark ?? Swift.max(1, largest.rounded(.up)))
            unanswered.append(values[column].count(where: \.isNaN))
            values[column] = []
        }
        let matrix = MarksMatrix(
            items: columns.map { header[$0] }, maxima: maxima, learners: learners, marks: marks,
            unanswered: unanswered)
        return Result(matrix: matrix, rejected: rejected, notes: notes)
    }

    /// A mark: a decimal number with `.` or `,` as the separator, or a percentage.
    static func number(_ text: String) -> Double? {
        var cleaned = text.replacingAll(",", with: ".")
        var scale = 1.0
        if cleaned.hasSuffix("%") {
            cleaned.removeLast()
            scale = 0.01
        }
        guard let value = Double(cleaned.trimmingSpaces), value.isFinite else { return nil }
        return value * scale
    }
}

/// The report of `rehearse stats`: item and test statistics of a marks matrix.
public struct StatsReport: Sendable {
    public var file: String
    public var items: [ItemStatistics]
    public var test: TestStatistics
    public var rejected: [RejectedRow]
    public var notes: [String]

    public init(file: String, read: MarksReader.Result) {
        self.file = file
        let analysis = ItemAnalysis.analyse(read.matrix)
        items = analysis.items
        test = analysis.test
        rejected = read.rejected
        notes = read.notes
    }

    public func render(_ format: ReportFormat) -> [UInt8] {
        switch format {
        case .json:
            var out = JSONWriter()
            out.raw("{\n  \"file\": ")
            out.string(file)
            out.raw(",\n  \"items\": [")
            for (offset, item) in items.enumerated() {
                out.raw(offset == 0 ? "\n    " : ",\n    ")
                item.writeJSON(into: &out)
            }
            out.raw(items.isEmpty ? "],\n  \"test\": " : "\n  ],\n  \"test\": ")
            test.writeJSON(into: &out)
            out.raw(",\n  \"rejected\": [")
            GradeJSON.writeRejected(rejected, into: &out)
            out.raw("],\n  \"notes\": [")
            for (offset, note) in notes.enumerated() {
                out.raw(offset == 0 ? "\n    " : ",\n    ")
                out.string(note)
            }
            out.raw(notes.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
            return out.bytes
        case .csv:
            return Array(GradeCSV.items(items).utf8)
        case .markdown, .html, .table:
            var text = GradeTable.itemsText(items, style: TextStyle(color: false))
            text += "\n" + GradeTable.testText(test) + "\n"
            text += GradeTable.notesText(
                rejectedTitle: "Rejected cells", rejected: rejected, notes: notes)
            return Array(text.utf8)
        }
    }
}
