import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

extension SheetReader {
    /// Learner column names a wide or long sheet may use, in order of preference.
    static let learnerColumns = ["learner", "email", "email address", "name"]

    func learnerColumn(in header: [String]) -> Int? {
        if let wanted = options.learnerColumn {
            return header.firstIndex(of: QuizIndex.foldHeader(wanted))
        }
        for name in Self.learnerColumns {
            if let found = header.firstIndex(of: name) { return found }
        }
        return nil
    }

    func missingLearnerColumn(_ file: String) {
        if let wanted = options.learnerColumn {
            reject(file, 1, 1, "no column `\(wanted)` (given with --learner-column)")
        } else {
            reject(
                file, 1, 1,
                "no learner column (learner, email, email address or name); "
                    + "name it with --learner-column")
        }
    }

    static func csvError(_ error: any Error) -> CSVError {
        (error as? CSVError) ?? CSVError(line: 1, column: 1, reason: "\(error)")
    }

    // MARK: - Wide sheets

    /// One row per learner; one column per question, named by ref or prompt text.
    func readWide(file: String, bytes: inout [UInt8], delimiter: UInt8) throws(GradingError) {
        let records: [(line: Int, fields: [String], fieldLines: [Int])]
        do {
            records = try CSVParser.records(bytes, delimiter: delimiter)
        } catch {
            let failure = Self.csvError(error)
            reject(file, failure.line, failure.column, failure.reason)
            return
        }
        guard let headerRecord = records.first else { return }
        let header = headerRecord.fields
        let folded = header.map(QuizIndex.foldHeader)
        guard let learnerColumn = learnerColumn(in: folded) else {
            missingLearnerColumn(file)
            return
        }
        let others = header.indices.filter { $0 != learnerColumn }
        guard let quizID = options.quiz ?? inferQuiz(from: others.map { header[$0] }) else {
            throw GradingError(
                "cannot tell which quiz \(file) answers: no column names a question of exactly one "
                    + "quiz; name the quiz with --quiz")
        }
        _ = try quiz(quizID)
        guard let collector = collector(for: quizID) else { return }
        var columns: [(column: Int, question: Int)] = []
        var ignored: [String] = []
        for column in others {
            let found = collector.index.questions(header: header[column])
            if found.count == 1 {
                columns.append((column, found[0]))
            } else if found.count > 1 {
                notes.append(
                    "\(file): column \"\(header[column])\" matches several questions ("
                        + found.map { collector.index.refs[$0] }.joined(separator: ", ")
                        + "); name it by ref. Ignored.")
            } else {
                ignored.append(header[column].isEmpty ? "(column \(column + 1))" : header[column])
            }
        }
        if !ignored.isEmpty {
            notes.append(
                "\(file): columns that are not questions of `\(quizID)`, ignored: "
                    + ignored.joined(separator: ", "))
        }
        for record in records.dropFirst() {
            let fields = record.fields
            let name = learnerColumn < fields.count ? fields[learnerColumn].trimmingSpaces : ""
            guard !name.isEmpty else {
                reject(file, record.line, learnerColumn + 1, "no learner given")
                continue
            }
            let learner = collector.learner(name, file: file, line: record.line)
            for (column, question) in columns {
                let text = column < fields.count ? fields[column] : ""
                let line =
                    column < record.fieldLines.count ? record.fieldLines[column] : record.line
                switch collector.book.code(question: question, text: text) {
                case .success(let code):
                    store(
                        collector, learner, question, code, file: file, line: line,
                        column: column + 1)
                case .failure(let error):
                    reject(file, line, column + 1, "\(collector.index.refs[question]): \(error)")
                }
            }
        }
    }
}
