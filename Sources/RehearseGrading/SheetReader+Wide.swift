import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// The responses of a wide sheet (its rows), read but not yet kept: a learner who submitted the
/// form twice has two, and `--attempt` keeps one. Answer numbers and the lines they are on are
/// tables of a row per response (spilled to a file past their memory limit), so a sheet of any
/// size is read in one pass with no text kept but the learners' ids, names and times.
struct WideResponses {
    var learners: [String] = []
    var names: [String?] = []
    var stamps: [String] = []
    var lines: [Int] = []
    /// Answer numbers, `questionCount` per response (-1: no answer).
    var codes: SpillTable<Int32>
    /// The line of each answer.
    var cellLines: SpillTable<Int32>
    /// The rows rejected while a response was read, by response: the first `rejectedLimit` of
    /// the sheet; past them only a count, by response (a sheet of millions of bad cells stays in
    /// bounded memory; `--attempt` decides later which responses' rows are reported).
    var rejected: [Int: [RejectedRow]] = [:]
    var rejectedCount = 0
    var unlisted: [Int: Int] = [:]
    let rejectedLimit: Int
    /// Rows that name no learner (rejected, not responses).
    var unnamed: [RejectedRow] = []
    let questionCount: Int

    init(questionCount: Int, memoryLimit: Int, rejectedLimit: Int) {
        self.questionCount = questionCount
        self.rejectedLimit = rejectedLimit
        codes = SpillTable(memoryLimit: memoryLimit)
        cellLines = SpillTable(memoryLimit: memoryLimit)
    }

    var count: Int { learners.count }
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
    /// columns forms tools add (see `WideLayout`). The rows are read in one pass straight from
    /// `buffer` (UTF-8); nothing of the sheet is kept if it turns out not to be CSV (a quote left
    /// open at its end).
    func readWide(file: String, buffer: UnsafeBufferPointer<UInt8>, delimiter: UInt8)
        throws(GradingError)
    {
        var scanner = CSVScanner(buffer, delimiter: delimiter)
        defer { scanner.deallocate() }
        var pages = PageRelease(buffer)
        let header: [String]
        do {
            guard try scanner.next() else { return }
            header = (0..<scanner.fieldCount).map {
                String(decoding: scanner.field($0), as: UTF8.self)
            }
        } catch {
            let failure = Self.csvError(error)
            reject(file, failure.line, failure.column, failure.reason)
            return
        }
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
        let found = try quiz(quizID)
        let known = collectors[quizID]
        let index = known?.index ?? QuizIndex(quiz: found, bank: bank)
        let layout = WideLayout(
            header: header, learner: learnerColumn, matcher: HeaderMatcher(index: index),
            file: file)
        var metadata = layout.metadata
        if layout.perQuestion > 0 {
            metadata.append("\(layout.perQuestion) Points/Feedback columns of questions")
        }
        // The answers are numbered in a copy of the book, kept (with the quiz's collector) only
        // once the whole sheet is read.
        var book = known?.book ?? AnswerBook(questions: index.questions)
        var responses = WideResponses(
            questionCount: index.questions.count, memoryLimit: tableMemoryLimit,
            rejectedLimit: rejectedLimit)
        do {
            var recordStart = scanner.read
            while try scanner.next() {
                if pages.due(recordStart) { pages.release(upTo: recordStart) }
                recordStart = scanner.read
                readResponse(scanner, layout: layout, index, &book, into: &responses, file: file)
            }
        } catch {
            let failure = Self.csvError(error)
            reject(file, failure.line, failure.column, failure.reason)
            return
        }
        guard let collector = collector(for: quizID, index: index) else { return }
        collector.book = book
        notes += layout.notes
        for (column, reason) in layout.unknown { reject(file, 1, column + 1, reason) }
        if !metadata.isEmpty {
            notes.append(
                "\(file): columns the forms tool adds, not graded: "
                    + metadata.joined(separator: ", "))
        }
        reject(responses.unnamed)
        let questionCount = collector.questionCount
        for kept in choose(responses, collector: collector, file: file) {
            reject(responses.rejected[kept] ?? [])
            sheetRejected?.leftOut(responses.unlisted[kept] ?? 0)
            let learner = collector.learner(
                responses.learners[kept], file: file, line: responses.lines[kept])
            if let name = responses.names[kept], !name.isEmpty,
                displayNames[responses.learners[kept]] == nil
            {
                displayNames[collector.learners[learner].learner] = name
            }
            for question in layout.answerOrder {
                let cell = kept * questionCount + question
                let code = responses.codes[cell]
                guard code >= 0 else { continue }
                store(
                    collector, learner, question, code, file: file,
                    line: Int(responses.cellLines[cell]), column: layout.answerColumn[question] + 1)
            }
        }
    }

    /// Reads the scanner's record as one response into `responses`; a row that names no learner
    /// is rejected and not kept.
    func readResponse(
        _ record: CSVScanner, layout: WideLayout, _ index: QuizIndex, _ book: inout AnswerBook,
        into responses: inout WideResponses, file: String
    ) {
        let fieldCount = record.fieldCount
        func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8> {
            column < fieldCount ? record.field(column) : UnsafeBufferPointer(start: nil, count: 0)
        }
        func field(_ column: Int) -> String { String(decoding: bytes(column), as: UTF8.self) }
        func line(_ column: Int) -> Int {
            column < fieldCount ? record.line(of: column) : record.recordLine
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
            responses.unnamed.append(
                RejectedRow(
                    file: file, line: record.recordLine, column: layout.learner + 1,
                    reason: "no learner given"))
            return
        }
        let response = responses.count
        let questionCount = responses.questionCount
        let row = response * questionCount
        responses.codes.append(repeating: -1, count: questionCount)
        responses.cellLines.append(repeating: 0, count: questionCount)
        var name: String?
        var stamp = ""
        var rejected: [RejectedRow] = []
        func code(_ answer: UnsafeBufferPointer<UInt8>, _ question: Int, _ line: Int, _ column: Int)
        {
            switch book.code(question: question, bytes: answer) {
            case .success(let code):
                responses.codes[row + question] = code
                responses.cellLines[row + question] = Int32(truncatingIfNeeded: line)
            case .failure(let error):
                rejected.append(
                    RejectedRow(
                        file: file, line: line, column: column + 1,
                        reason: "\(index.refs[question]): \(error)"))
            }
        }
        // Grid columns (a rate question's ratings, an order question's places), gathered and
        // read as one answer.
        var grid: [Int: (pairs: [(id: String, value: Int)], column: Int, bad: Bool)] = [:]
        for (column, role) in layout.roles.enumerated() {
            switch role {
            case .name: name = field(column).trimmingSpaces
            case .timestamp: stamp = field(column)
            case .question(let question): code(bytes(column), question, line(column), column)
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
                    rejected.append(
                        RejectedRow(
                            file: file, line: line(column), column: column + 1,
                            reason:
                                "\(index.refs[question]): `\(text)` is not a number "
                                + "(a whole number, or one before a label: `4 - good`, `1st`)"))
                }
                grid[question] = entry
            case .learner, .metadata, .ignored: break
            }
        }
        for (question, entry) in grid.sorted(by: { $0.key < $1.key }) where !entry.bad {
            var text: String
            if case .order = index.questions[question].body {
                // Places to an order: the item in place 1 first.
                text = entry.pairs.enumerated().sorted {
                    ($0.element.value, $0.offset) < ($1.element.value, $1.offset)
                }.map(\.element.id).joined(separator: ",")
            } else {
                text = entry.pairs.map { "\($0.id)=\($0.value)" }.joined(separator: ",")
            }
            text.withUTF8 { code($0, question, line(entry.column), entry.column) }
        }
        responses.learners.append(learner)
        responses.names.append(name)
        responses.stamps.append(stamp)
        responses.lines.append(record.recordLine)
        if !rejected.isEmpty {
            let room = Swift.max(0, responses.rejectedLimit - responses.rejectedCount)
            if room > 0 { responses.rejected[response] = Array(rejected.prefix(room)) }
            if rejected.count > room { responses.unlisted[response] = rejected.count - room }
            responses.rejectedCount += rejected.count
        }
    }
}
