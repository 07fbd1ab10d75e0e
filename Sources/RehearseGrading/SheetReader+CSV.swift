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

    // MARK: - Long sheets

    /// `learner,quiz,question,answer`, one row per answer (`quiz` may be left out with `--quiz`).
    func readLong(
        file: String, buffer: UnsafeMutableBufferPointer<UInt8>, delimiter: UInt8, header: [String]
    ) throws(GradingError) {
        guard let learnerColumn = learnerColumn(in: header) else {
            missingLearnerColumn(file)
            return
        }
        let quizColumn = header.firstIndex(of: "quiz")
        guard
            let questionColumn = header.firstIndex(of: "question") ?? header.firstIndex(of: "ref"),
            let answerColumn = header.firstIndex(of: "answer")
        else { return }
        let needed = Swift.max(learnerColumn, questionColumn, answerColumn, quizColumn ?? 0) + 1

        var fixed: QuizCollector?
        if quizColumn == nil {
            var id = options.quiz
            if id == nil {
                var refs = Set<String>()
                var copy = Array(buffer)
                try? CSVParser.forEachRecord(in: &copy, delimiter: delimiter) { record in
                    if record.line > 1, questionColumn < record.count {
                        refs.insert(record.string(questionColumn))
                    }
                }
                id = inferQuiz(from: Array(refs))
            }
            guard let id else {
                throw GradingError(
                    "\(file) has no quiz column and its questions do not tell one quiz; "
                        + "name the quiz with --quiz")
            }
            _ = try quiz(id)
            fixed = collector(for: id)
        }

        if let quizID = fixed?.index.quiz.id.value
            ?? Self.firstQuiz(
                buffer, delimiter: delimiter, column: quizColumn),
            options.quiz == nil || options.quiz == quizID, bank.quiz(quizID) != nil,
            readLongInParallel(
                file: file, buffer: buffer, delimiter: delimiter,
                columns: LongColumns(
                    learner: learnerColumn, quiz: quizColumn, question: questionColumn,
                    answer: answerColumn, needed: needed), quizID: quizID)
        {
            return
        }

        // The hot loop works on local copies of the active quiz's ref table, answers and book
        // (moved out of the collector and back), and reads records with a scanner rather than a
        // closure per record, so no row pays for a class property or a captured variable.
        var active: QuizCollector?
        var flat: [Int32] = []
        var book = AnswerBook(questions: [])
        var refs = ByteTable()
        Self.activate(fixed, &active, &flat, &book, &refs)
        let failure: CSVError? = {
            var scanner = CSVScanner(buffer, delimiter: delimiter)
            defer { scanner.deallocate() }
            var lastQuiz = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            var lastQuizKnown = fixed != nil
            var lastLearner = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            var lastLearnerIndex = -1
            var questionCount = fixed?.questionCount ?? 0
            do {
                guard try scanner.next() else { return nil }  // the header
                while try scanner.next() {
                    let line = scanner.recordLine
                    guard scanner.fieldCount >= needed else {
                        reject(
                            file, line, scanner.fieldCount,
                            "the row has \(scanner.fieldCount) field(s); the header has "
                                + "\(needed) or more")
                        continue
                    }
                    if let quizColumn {
                        let quizBytes = scanner.field(quizColumn)
                        if !(lastQuizKnown && Self.same(quizBytes, lastQuiz)) {
                            let id = String(decoding: quizBytes, as: UTF8.self).trimmingSpaces
                            lastQuiz = quizBytes
                            lastQuizKnown = true
                            lastLearnerIndex = -1
                            let next = self.collector(for: id)
                            if next !== active {
                                Self.activate(next, &active, &flat, &book, &refs)
                                questionCount = next?.questionCount ?? 0
                            }
                            if next == nil, bank.quiz(id) == nil {
                                lastQuizKnown = false
                                reject(
                                    file, scanner.line(of: quizColumn), quizColumn + 1,
                                    "there is no quiz `\(id)` in the bank"
                                        + Suggestion.phrase(
                                            for: id, in: bank.quizzes.map(\.id.value)))
                                continue
                            }
                        }
                        if active == nil {
                            if options.quiz != nil {
                                otherQuizRows[
                                    String(decoding: quizBytes, as: UTF8.self).trimmingSpaces,
                                    default: 0] += 1
                            }
                            continue
                        }
                    }
                    let learnerBytes = scanner.field(learnerColumn)
                    let learner: Int
                    if lastLearnerIndex >= 0, Self.same(learnerBytes, lastLearner) {
                        learner = lastLearnerIndex
                    } else {
                        guard let collector = active else { continue }
                        let name = String(decoding: learnerBytes, as: UTF8.self).trimmingSpaces
                        guard !name.isEmpty else {
                            reject(
                                file, scanner.line(of: learnerColumn), learnerColumn + 1,
                                "no learner given")
                            continue
                        }
                        let key = name.lowercased()
                        if let known = collector.byName[key] {
                            learner = known
                        } else {
                            collector.learners.append(
                                LearnerSheet(
                                    learner: name, file: file, line: line, seed: nil,
                                    attempt: nil, responses: []))
                            flat.append(contentsOf: repeatElement(-1, count: questionCount))
                            learner = collector.learners.count - 1
                            collector.byName[key] = learner
                        }
                        lastLearner = learnerBytes
                        lastLearnerIndex = learner
                    }
                    let refBytes = scanner.field(questionColumn)
                    var found = refs.value(for: refBytes)
                    if found == nil, let collector = active {
                        found = collector.index.question(
                            ref: String(decoding: refBytes, as: UTF8.self))
                    }
                    guard let question = found else {
                        if let collector = active {
                            reject(
                                file, scanner.line(of: questionColumn), questionColumn + 1,
                                unknownRef(
                                    String(decoding: refBytes, as: UTF8.self), collector.index))
                        }
                        continue
                    }
                    switch book.code(question: question, bytes: scanner.field(answerColumn)) {
                    case .success(let code):
                        let slot = learner * questionCount + question
                        if flat[slot] >= 0 {
                            if let collector = active {
                                reject(
                                    file, scanner.line(of: answerColumn), answerColumn + 1,
                                    "a second answer from \(collector.learners[learner].learner) "
                                        + "to \(collector.index.refs[question]); the first one is "
                                        + "kept")
                            }
                        } else {
                            flat[slot] = code
                        }
                    case .failure(let error):
                        if let collector = active {
                            reject(
                                file, scanner.line(of: answerColumn), answerColumn + 1,
                                "\(collector.index.refs[question]): \(error)")
                        }
                    }
                }
            } catch {
                return Self.csvError(error)
            }
            return nil
        }()
        if let failure { reject(file, failure.line, failure.column, failure.reason) }
        Self.activate(nil, &active, &flat, &book, &refs)
    }

    /// Moves the working copies of the active collector back into it and those of `next` out.
    static func activate(
        _ next: QuizCollector?, _ active: inout QuizCollector?, _ flat: inout [Int32],
        _ book: inout AnswerBook, _ refs: inout ByteTable
    ) {
        if let current = active {
            current.flat = flat
            current.book = book
        }
        active = next
        flat = []
        guard let next else { return }
        flat = next.flat
        next.flat = []
        book = next.book
        next.book = AnswerBook(questions: [])
        refs = next.index.refTable
    }

    /// The quiz named by the first data row (its quiz column), if any.
    static func firstQuiz(
        _ buffer: UnsafeMutableBufferPointer<UInt8>, delimiter: UInt8, column: Int?
    ) -> String? {
        guard let column else { return nil }
        var head = Array(buffer.prefix(1 << 16))
        var id: String?
        var records = 0
        try? CSVParser.forEachRecord(in: &head, delimiter: delimiter) { record in
            records += 1
            if records == 2, id == nil { id = record.string(column).trimmingSpaces }
        }
        return id
    }

    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard a.count > 0, let left = a.baseAddress, let right = b.baseAddress else { return true }
        return memcmp(left, right, a.count) == 0
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
