import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// Reads answer sheets of any form, detected by content: recorded attempts (JSON, one or an
/// array), long CSV (`learner,quiz,question,answer`) and wide CSV (a row per response, a column
/// per question named by ref or prompt, as Google Forms and Microsoft Forms export them). Rows that cannot be graded are collected in `rejected`.
public final class SheetReader {
    public let bank: Bank
    public let options: SheetOptions
    public internal(set) var rejected: [RejectedRow] = []
    public internal(set) var notes: [String] = []
    /// Learners' display names (a wide sheet's Name or Full name column), by learner id as
    /// graded.
    public internal(set) var displayNames: [String: String] = [:]
    public internal(set) var kinds: [(file: String, kind: SheetKind, encoding: SheetEncoding)] = []
    var collectors: [String: QuizCollector] = [:]
    var collectorOrder: [String] = []
    var otherQuizRows: [String: Int] = [:]
    /// Long sheets from this size up (in bytes) are read on all cores.
    public var parallelThreshold = 8 << 20
    /// Tables of answers (a value per learner and question) larger than this, in bytes, are
    /// kept in temporary files (see `SpillTable`).
    var tableMemoryLimit = SpillTable<Int32>.defaultMemoryLimit
    /// How many sheets were read on all cores.
    public internal(set) var parallelReads = 0
    /// Rejected rows listed per sheet: past this many, only those first in the sheet are listed
    /// and the others counted in a note (a sheet of millions of bad rows stays in bounded memory
    /// and gives a readable report).
    public var rejectedLimit = 1000
    /// The rejected rows of the sheet being read.
    var sheetRejected: RejectedList?
    /// Per sheet with rejected rows left out of `rejected`, the note that counts them (also in
    /// `notes`): to be shown where the listed rows are.
    public internal(set) var unlistedRejected: [String] = []

    public init(bank: Bank, options: SheetOptions = SheetOptions()) {
        self.bank = bank
        self.options = options
    }

    /// Reads one sheet. `file` is the name shown in messages.
    public func read(file: String, bytes raw: consuming [UInt8]) throws(GradingError) {
        let bytes = consume raw
        try listingRejected(file) { () throws(GradingError) in try read(file, bytes: bytes) }
    }

    private func read(_ file: String, bytes raw: consuming [UInt8]) throws(GradingError) {
        var bytes = consume raw
        let encoding = SheetText.normalise(&bytes)
        if encoding == .windows1252 {
            notes.append("\(file): not UTF-8; read as Windows-1252")
        }
        let first = bytes.withUnsafeBufferPointer(Self.firstByte)
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            kinds.append((file, .attempts, encoding))
            try readAttempts(file: file, bytes: bytes)
            return
        }
        guard first != nil else {
            notes.append("\(file): empty")
            return
        }
        var failure: GradingError?
        bytes.withUnsafeBufferPointer { buffer in
            do throws(GradingError) {
                try readCSV(file: file, buffer: buffer, encoding: encoding)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    /// Reads one sheet from memory the caller owns (a file mapping): a UTF-8 CSV sheet is read
    /// where it lies, without a copy; anything else is copied and read as bytes.
    public func read(file: String, buffer: UnsafeBufferPointer<UInt8>) throws(GradingError) {
        try listingRejected(file) { () throws(GradingError) in try read(file, buffer: buffer) }
    }

    private func read(_ file: String, buffer: UnsafeBufferPointer<UInt8>) throws(GradingError) {
        if try readLongInOnePass(file: file, buffer: buffer) { return }
        let hasBOM =
            buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
        let first = Self.firstByte(buffer)
        let json = first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        if !hasBOM, !json, first != nil, SheetBytes.isValidUTF8(buffer) {
            try readCSV(file: file, buffer: buffer, encoding: .utf8)
            return
        }
        try read(file, bytes: Array(buffer))
    }

    /// Runs `body`, the read of sheet `file`, with its rejected rows gathered in a
    /// `RejectedList`, then listed in `rejected` (with a note of those left out).
    private func listingRejected(_ file: String, _ body: () throws(GradingError) -> Void)
        throws(GradingError)
    {
        sheetRejected = RejectedList(limit: rejectedLimit)
        defer {
            if let sheet = sheetRejected {
                rejected += sheet.listed
                if sheet.unlisted > 0 {
                    let note =
                        "\(file): \(sheet.unlisted) more rejected row(s) not listed (the first "
                        + "\(sheet.rows.count) in the sheet are)"
                    notes.append(note)
                    unlistedRejected.append(note)
                }
            }
            sheetRejected = nil
        }
        try body()
    }

    /// A CSV sheet in UTF-8 without a byte order mark: long or wide, as its header tells.
    func readCSV(file: String, buffer: UnsafeBufferPointer<UInt8>, encoding: SheetEncoding)
        throws(GradingError)
    {
        let head = Array(buffer[..<Self.headerEnd(buffer)])
        let delimiter = options.delimiter ?? CSVParser.detectDelimiter(head)
        let header: [String]
        do {
            header = try Self.headerFields(head, delimiter: delimiter)
        } catch {
            reject(file, error.line, error.column, error.reason)
            return
        }
        let folded = header.map(QuizIndex.foldHeader)
        if Self.isLong(folded) {
            kinds.append((file, .long, encoding))
            try readLong(file: file, buffer: buffer, delimiter: delimiter, header: folded)
        } else {
            kinds.append((file, .wide, encoding))
            try readWide(file: file, buffer: buffer, delimiter: delimiter)
        }
    }

    /// The cohort of the one quiz the sheets answer.
    public func cohort() throws(GradingError) -> Cohort { try cohort(handOver: false) }

    /// The cohort; with `handOver`, the reader lets go of it (nothing more is read).
    func cohort(handOver: Bool) throws(GradingError) -> Cohort {
        for (quiz, count) in otherQuizRows.sorted(by: { $0.key < $1.key }) {
            notes.append(
                "\(count) answer(s) to quiz `\(quiz)` skipped (grading `\(options.quiz ?? "")`)")
        }
        if let wanted = options.quiz {
            guard let collector = collectors[wanted] else {
                if bank.quiz(wanted) == nil {
                    throw GradingError("there is no quiz `\(wanted)` in the bank")
                }
                let index = QuizIndex(quiz: try quiz(wanted), bank: bank)
                return Cohort(
                    index: index, answers: AnswerBook(questions: index.questions), learners: [],
                    responses: [])
            }
            return collector.cohort(handOver: handOver)
        }
        guard collectorOrder.count <= 1 else {
            throw GradingError(
                "the sheets answer several quizzes (\(collectorOrder.joined(separator: ", "))); "
                    + "choose one with --quiz")
        }
        guard let only = collectorOrder.first, let collector = collectors[only] else {
            throw GradingError("the sheets hold no answers")
        }
        return collector.cohort(handOver: handOver)
    }

    // MARK: - Helpers

    func reject(_ file: String, _ line: Int, _ column: Int, _ reason: String) {
        reject([RejectedRow(file: file, line: line, column: column, reason: reason)])
    }

    /// Rejects `rows` (of the sheet being read, when one is).
    func reject(_ rows: some Sequence<RejectedRow>) {
        if sheetRejected != nil {
            sheetRejected?.append(contentsOf: rows)
        } else {
            rejected += rows
        }
    }

    func quiz(_ id: String) throws(GradingError) -> Quiz {
        guard let quiz = bank.quiz(id) else {
            throw GradingError(Self.unknownQuiz(id, bank))
        }
        return quiz
    }

    /// The collector of quiz `id`, or nil when `--quiz` names another one (its rows are counted
    /// and skipped) or the bank has no such quiz. A new collector takes `index` when given (the
    /// quiz's index, already built).
    func collector(for id: String, index: QuizIndex? = nil) -> QuizCollector? {
        if let known = collectors[id] { return known }
        if let wanted = options.quiz, wanted != id {
            otherQuizRows[id, default: 0] += 1
            return nil
        }
        guard let quiz = bank.quiz(id) else { return nil }
        let collector = QuizCollector(
            index: index ?? QuizIndex(quiz: quiz, bank: bank), memoryLimit: tableMemoryLimit)
        collectors[id] = collector
        collectorOrder.append(id)
        return collector
    }

    /// The first byte that is not white space, if any.
    static func firstByte(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        bytes.first { ![9, 10, 13, 32].contains($0) }
    }

    /// Does a (folded) header name the columns of a long sheet (a question or ref, and an
    /// answer)?
    static func isLong(_ header: [String]) -> Bool {
        (header.contains("question") || header.contains("ref")) && header.contains("answer")
    }

    /// Where the first record of `bytes` ends: at its first line break outside quotes.
    static func headerEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = 0
        var quoted = false
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, byte == 10 || byte == 13 { break }
            end += 1
        }
        return end
    }

    /// The fields of the first record of `bytes`.
    static func headerFields(_ bytes: [UInt8], delimiter: UInt8) throws(CSVError) -> [String] {
        let head = bytes.withUnsafeBufferPointer { Array($0[..<headerEnd($0)]) }
        var fields: [String] = []
        do {
            try CSVParser.forEachRecord(in: head, delimiter: delimiter) { record in
                if fields.isEmpty { fields = record.strings }
            }
        } catch let error as CSVError {
            throw error
        } catch {
            throw CSVError(line: 1, column: 1, reason: "\(error)")
        }
        return fields
    }

    /// The quiz that contains the most of `names` (refs or prompts), when one stands out.
    func inferQuiz(from names: [String]) -> String? {
        var best: (id: String, count: Int)?
        var tied = false
        for quiz in bank.quizzes {
            let matcher = HeaderMatcher(index: QuizIndex(quiz: quiz, bank: bank))
            let count = names.filter {
                matcher.match($0, nearMisses: false) != .none || matcher.rating($0) != nil
            }.count
            guard count > 0 else { continue }
            if let current = best, count == current.count {
                tied = true
            } else if best == nil || count > best?.count ?? 0 {
                best = (quiz.id.value, count)
                tied = false
            }
        }
        return tied ? nil : best?.id
    }

    /// Adds one answer given as text; rejects it with a reason when it cannot be graded.
    func add(
        _ collector: QuizCollector, _ learner: Int, ref: String, answer: String, file: String,
        line: Int, refColumn: Int, answerColumn: Int
    ) {
        guard let question = collector.index.question(ref: ref) else {
            reject(file, line, refColumn, Self.unknownRef(ref, collector.index))
            return
        }
        switch collector.book.code(question: question, text: answer) {
        case .success(let code):
            store(collector, learner, question, code, file: file, line: line, column: answerColumn)
        case .failure(let error):
            reject(file, line, answerColumn, "\(ref): \(error)")
        }
    }

    @inline(__always)
    func store(
        _ collector: QuizCollector, _ learner: Int, _ question: Int, _ code: Int32, file: String,
        line: Int, column: Int
    ) {
        let slot = learner * collector.questionCount + question
        if collector.flat[slot] >= 0 {
            rejectRepeat(
                collector.learners[learner].learner, collector.index.refs[question], file: file,
                line: line, column: column)
            return
        }
        collector.flat[slot] = code
    }

    static func unknownQuiz(_ id: String, _ bank: Bank) -> String {
        "there is no quiz `\(id)` in the bank"
            + Suggestion.phrase(for: id, in: bank.quizzes.map(\.id.value))
    }

    static func unknownRef(_ ref: String, _ index: QuizIndex) -> String {
        "no question `\(ref)` in quiz `\(index.quiz.id.value)`"
            + Suggestion.phrase(for: ref, in: index.refs)
    }
}
