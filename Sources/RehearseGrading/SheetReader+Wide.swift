import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// One response of a wide sheet (a row), read but not yet kept: a learner who submitted the
/// form twice has two, and `--attempt` keeps one.
struct WideResponse {
    var learner: String
    var name: String?
    var stamp: String
    var line: Int
    /// (question, answer number, line, column) per answered cell.
    var cells: [(question: Int, code: Int32, line: Int, column: Int)]
    var rejected: [RejectedRow]
}

extension SheetReader {
    /// Learner column names a long sheet may use, in order of preference.
    static let learnerColumns = ["learner", "email", "email address", "username", "name"]

    /// The learner column of a long sheet's (folded) header.
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
                "no learner column (learner, email, email address, username or name); "
                    + "name it with --learner-column")
        }
    }

    static func csvError(_ error: any Error) -> CSVError {
        (error as? CSVError) ?? CSVError(line: 1, column: 1, reason: "\(error)")
    }

    // MARK: - Wide sheets

    /// One row per response; one column per question, named by ref or prompt text, and the
    /// columns forms tools add (see `WideLayout`).
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
        guard let learnerColumn = WideLayout.learnerColumn(header, wanted: options.learnerColumn)
        else {
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
        let layout = WideLayout(
            header: header, learner: learnerColumn, matcher: HeaderMatcher(index: collector.index),
            file: file)
        notes += layout.notes
        for (column, reason) in layout.unknown { reject(file, 1, column + 1, reason) }
        var metadata = layout.metadata
        if layout.perQuestion > 0 {
            metadata.append("\(layout.perQuestion) Points/Feedback columns of questions")
        }
        if !metadata.isEmpty {
            notes.append(
                "\(file): columns the forms tool adds, not graded: "
                    + metadata.joined(separator: ", "))
        }
        var responses: [WideResponse] = []
        for record in records.dropFirst() {
            if let response = readResponse(record, layout: layout, collector, file: file) {
                responses.append(response)
            }
        }
        for response in choose(responses, collector: collector, file: file) {
            rejected += response.rejected
            let learner = collector.learner(response.learner, file: file, line: response.line)
            if let name = response.name, !name.isEmpty, displayNames[response.learner] == nil {
                displayNames[collector.learners[learner].learner] = name
            }
            for cell in response.cells {
                store(
                    collector, learner, cell.question, cell.code, file: file, line: cell.line,
                    column: cell.column)
            }
        }
    }

    /// One row read into answer numbers; nil (and rejected) when it names no learner.
    func readResponse(
        _ record: (line: Int, fields: [String], fieldLines: [Int]), layout: WideLayout,
        _ collector: QuizCollector, file: String
    ) -> WideResponse? {
        let fields = record.fields
        func field(_ column: Int) -> String { column < fields.count ? fields[column] : "" }
        func line(_ column: Int) -> Int {
            column < record.fieldLines.count ? record.fieldLines[column] : record.line
        }
        var learner = field(layout.learner).trimmingSpaces
        if layout.lowercaseLearner { learner = learner.lowercased() }
        // Microsoft Forms writes `anonymous` for every learner of a form that does not ask who
        // answered: each response is then a learner of its own, named by the form's ID column.
        if learner.lowercased() == "anonymous", let column = layout.responseID {
            let number = field(column).trimmingSpaces
            if !number.isEmpty { learner = "anonymous-\(number)" }
        }
        guard !learner.isEmpty else {
            reject(file, record.line, layout.learner + 1, "no learner given")
            return nil
        }
        var response = WideResponse(
            learner: learner, name: nil, stamp: "", line: record.line, cells: [], rejected: [])
        // Grid columns (a rate question's ratings, an order question's places), gathered and
        // read as one answer.
        var grid: [Int: (pairs: [(id: String, value: Int)], column: Int, bad: Bool)] = [:]
        for (column, role) in layout.roles.enumerated() {
            switch role {
            case .name: response.name = field(column).trimmingSpaces
            case .timestamp: response.stamp = field(column)
            case .question(let question):
                code(field(column), question, line(column), column, collector, file, &response)
            case .rating(let question, let id):
                let text = field(column).trimmingSpaces
                var entry = grid[question] ?? ([], column, false)
                if text.isEmpty {
                    grid[question] = entry
                    continue
                }
                if let value = FormText.rating(text) {
                    entry.pairs.append((id, value))
                } else {
                    entry.bad = true
                    response.rejected.append(
                        RejectedRow(
                            file: file, line: line(column), column: column + 1,
                            reason:
                                "\(collector.index.refs[question]): `\(text)` is not a number "
                                + "(a whole number, or one before a label: `4 - good`, `1st`)"))
                }
                grid[question] = entry
            case .learner, .metadata, .ignored: break
            }
        }
        for (question, entry) in grid.sorted(by: { $0.key < $1.key }) where !entry.bad {
            let text: String
            if case .order = collector.index.questions[question].body {
                // Places to an order: the item in place 1 first.
                text = entry.pairs.enumerated().sorted {
                    ($0.element.value, $0.offset) < ($1.element.value, $1.offset)
                }.map(\.element.id).joined(separator: ",")
            } else {
                text = entry.pairs.map { "\($0.id)=\($0.value)" }.joined(separator: ",")
            }
            code(text, question, line(entry.column), entry.column, collector, file, &response)
        }
        return response
    }

    private func code(
        _ text: String, _ question: Int, _ line: Int, _ column: Int, _ collector: QuizCollector,
        _ file: String, _ response: inout WideResponse
    ) {
        switch collector.book.code(question: question, text: text) {
        case .success(let code):
            if code >= 0 { response.cells.append((question, code, line, column + 1)) }
        case .failure(let error):
            response.rejected.append(
                RejectedRow(
                    file: file, line: line, column: column + 1,
                    reason: "\(collector.index.refs[question]): \(error)"))
        }
    }
}
