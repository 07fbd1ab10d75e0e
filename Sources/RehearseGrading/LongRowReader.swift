import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// The columns of a long sheet.
struct LongColumns: Sendable {
    var learner: Int
    var quiz: Int?
    var question: Int
    var answer: Int
    /// Fields a row needs (up to the last of the columns above).
    var needed: Int
    /// Fields in the header: a row with more, the extra ones not empty, is rejected.
    var width: Int

    /// The columns of a long sheet's (folded) header, given its learner column; nil without a
    /// question (or ref) and an answer column.
    init?(header: [String], learner: Int) {
        guard let question = header.firstIndex(of: "question") ?? header.firstIndex(of: "ref"),
            let answer = header.firstIndex(of: "answer")
        else { return nil }
        self.learner = learner
        quiz = header.firstIndex(of: "quiz")
        self.question = question
        self.answer = answer
        needed = Swift.max(learner, question, answer, quiz ?? 0) + 1
        width = header.count
    }
}

/// What a slice of a long sheet holds for one quiz: its learners (in order of first sight), the
/// first answer number each gave to each question, and the answers given again.
struct LongPart: Sendable {
    var index: QuizIndex
    var book: AnswerBook
    /// The learners in order of first sight (their key is `QuizCollector.key(name)`).
    var learners: [(name: String, line: Int)] = []
    /// Learner numbers by key, while the slice is read (emptied before merging, but for the
    /// first slice's parts: see `SheetReader.merge`).
    var byKey: [LearnerKey: Int] = [:]
    /// Answer numbers, a row of `questionCount` per learner (-1: no answer).
    var flat: SpillTable<Int32>
    /// The (slice) line of each stored answer, to report a second answer found when merging;
    /// empty unless the reader keeps lines (`LongRowReader.keepLines`).
    var lines: SpillTable<Int32>
    /// Answers given a second time in the slice: (learner, question, slice line); the first is
    /// kept. At most `LongRowReader.rejectedLimit`, the first in the slice; the others are
    /// counted in `unlistedRepeats`.
    var repeats: [(learner: Int, question: Int, line: Int)] = []
    var unlistedRepeats = 0

    init(index: QuizIndex, book: AnswerBook? = nil, memoryLimit: Int) {
        self.index = index
        flat = SpillTable(memoryLimit: memoryLimit)
        lines = SpillTable(memoryLimit: memoryLimit)
        self.book = book ?? AnswerBook(questions: index.questions)
    }
}

/// What one slice of a long sheet holds.
struct LongChunk: Sendable {
    /// The quizzes the slice answers, in order of first sight.
    var parts: [LongPart] = []
    /// Rows that cannot be graded, with slice lines (the first `rejectedLimit`, and a count).
    var rejected: RejectedList
    /// Rows skipped because they answer another quiz than `--quiz`'s, by quiz.
    var otherQuizRows: [String: Int] = [:]
    /// Line breaks in the slice (to turn slice lines into file lines).
    var lineCount = 0
    /// The slice was checked as it was read and met an invalid byte (or another slice did): what
    /// it holds is incomplete, and the sheet must be read the other way.
    var abandoned = false

    init(rejectedLimit: Int = 1) {
        rejected = RejectedList(limit: rejectedLimit)
    }

    /// The slice ended inside a quoted field: a field with a line break spans the cut after it,
    /// so the next slice did not start at a record (and this one misses its last record's end).
    var endedInQuote = false
}

/// The one reader of a long sheet's rows (`learner,quiz,question,answer`): the serial reader
/// calls it on the whole sheet and the parallel reader on slices cut at line breaks, and
/// `SheetReader` merges what it read in order. It reads only what it is given (the bank, the
/// options, the columns), so slices are read on all cores.
///
/// The hot loop keeps the active quiz's tables in local variables and reads records with a
/// scanner rather than a closure per record, so no row pays for a class property or a captured
/// variable; refs, learners and answers are looked up from their bytes.
struct LongRowReader {
    let bank: Bank
    let file: String
    let delimiter: UInt8
    let columns: LongColumns
    /// The quiz of every row when the sheet has no quiz column.
    let fixed: QuizIndex?
    /// `--quiz`: rows of other quizzes are counted and skipped.
    let wanted: String?
    /// Indices already built, by quiz id.
    let indices: [String: QuizIndex]
    /// The answer and line tables of a part move to temporary files past this size in bytes.
    let memoryLimit: Int
    /// Rejected rows (and second answers) kept per slice; the others are counted.
    let rejectedLimit: Int
    /// Whether each stored answer's line is kept (`LongPart.lines`). A sheet is read without;
    /// the merge reads a slice again with them only when it meets a second answer to report
    /// (a learner who answered the same question in two slices or two sheets), which a sheet of
    /// one answer per learner and question never has: a table as large as the answers' own is
    /// then never made.
    var keepLines = false

    /// This reader, keeping the answers' lines.
    var keepingLines: LongRowReader {
        var reader = self
        reader.keepLines = true
        return reader
    }

    /// Reads the records of `buffer` (the header first when `header` is true). With `checking`,
    /// the bytes are checked just ahead of the reader (`SheetBytes.Ahead`: valid UTF-8), and the
    /// read stops, `abandoned`, at the first step that fails. The buffer is only read, so it can
    /// be read again another way.
    func read(
        _ buffer: UnsafeBufferPointer<UInt8>, header: Bool, checking: SheetBytes.Abandon? = nil
    ) -> LongChunk {
        var chunk = LongChunk(rejectedLimit: rejectedLimit)
        var ahead = checking.map { SheetBytes.Ahead(buffer, abandon: $0) }
        var partOfQuiz: [String: Int] = [:]
        // The active quiz's part (-1: none) is moved out of `chunk.parts` into these while its
        // rows are read.
        var active = -1
        var index: QuizIndex?
        var refs = ByteTable()
        var questionCount = 0
        var book = AnswerBook(questions: [])
        var learners: [(name: String, line: Int)] = []
        var byKey: [LearnerKey: Int] = [:]
        var flat = SpillTable<Int32>(memoryLimit: memoryLimit)
        var lines = SpillTable<Int32>(memoryLimit: memoryLimit)
        var repeats: [(learner: Int, question: Int, line: Int)] = []
        var unlistedRepeats = 0
        func activate(_ next: Int) {
            if active >= 0 {
                chunk.parts[active].unlistedRepeats = unlistedRepeats
                chunk.parts[active].book = book
                chunk.parts[active].learners = learners
                chunk.parts[active].byKey = byKey
                chunk.parts[active].flat = flat
                chunk.parts[active].lines = lines
                chunk.parts[active].repeats = repeats
            }
            active = next
            guard next >= 0 else {
                index = nil
                return
            }
            let part = chunk.parts[next]
            chunk.parts[next] = LongPart(
                index: part.index, book: AnswerBook(questions: []), memoryLimit: memoryLimit)
            index = part.index
            refs = part.index.refTable
            questionCount = part.index.questions.count
            book = part.book
            learners = part.learners
            byKey = part.byKey
            flat = part.flat
            lines = part.lines
            repeats = part.repeats
            unlistedRepeats = part.unlistedRepeats
        }
        func reject(_ line: Int, _ column: Int, _ reason: String) {
            chunk.rejected.append(
                RejectedRow(file: file, line: line, column: column, reason: reason))
        }
        if let fixed {
            chunk.parts.append(LongPart(index: fixed, memoryLimit: memoryLimit))
            partOfQuiz[fixed.quiz.id.value] = 0
            activate(0)
        }
        let learnerColumn = columns.learner
        let questionColumn = columns.question
        let answerColumn = columns.answer
        var scanner = CSVScanner(buffer, delimiter: delimiter)
        defer { scanner.deallocate() }
        var lastQuiz = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var lastQuizKnown = fixed != nil
        var lastLearner = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var lastLearnerIndex = -1
        // Pages behind the current row and the remembered quiz and learner are given back as
        // the rows are read (a mapped sheet then never sits in memory whole).
        var pages = PageRelease(buffer)
        let origin = UnsafeRawPointer(buffer.baseAddress)
        func offset(_ bytes: UnsafeBufferPointer<UInt8>, or fallback: Int) -> Int {
            guard let origin, let start = bytes.baseAddress else { return fallback }
            return UnsafeRawPointer(start) - origin
        }
        /// Whether the record at the scanner lies in checked bytes (always, when not checking);
        /// the check goes a step further only when the reader reaches its end.
        var checkedEnd = ahead == nil ? Int.max : 0
        func covered() -> Bool {
            if scanner.read < checkedEnd { return true }
            guard var check = ahead else { return true }
            defer { ahead = check }
            guard check.cover(scanner.read) else {
                chunk.abandoned = true
                return false
            }
            checkedEnd = check.end < buffer.count ? check.end : Int.max
            return true
        }
        do {
            if header {
                guard covered() else { return chunk }
                _ = try scanner.next()
            }
            var recordStart = scanner.read
            var rowsRead = 0
            while covered(), try scanner.next() {
                rowsRead += 1
                if pages.due(recordStart) {
                    // The rows of learners before this one go too (they stay in the tables'
                    // files; a learner met again brings theirs back).
                    if lastLearnerIndex > 0 {
                        flat.release(upTo: lastLearnerIndex * questionCount)
                        if keepLines { lines.release(upTo: lastLearnerIndex * questionCount) }
                    }
                    pages.release(
                        upTo: Swift.min(
                            recordStart, offset(lastQuiz, or: recordStart),
                            offset(lastLearner, or: recordStart)))
                }
                recordStart = scanner.read
                let line = scanner.recordLine
                guard scanner.fieldCount >= columns.needed else {
                    reject(
                        line, scanner.fieldCount,
                        "the row has \(scanner.fieldCount) field(s); the header has "
                            + "\(columns.needed) or more")
                    continue
                }
                if scanner.fieldCount > columns.width,
                    (columns.width..<scanner.fieldCount).contains(where: {
                        !scanner.field($0).isEmpty
                    })
                {
                    let separator = String(UnicodeScalar(delimiter))
                    reject(
                        line, columns.width + 1,
                        "the row has \(scanner.fieldCount) fields; the header has "
                            + "\(columns.width): a field that holds `\(separator)` must be in quotes "
                            + "(\"a\(separator)b\")")
                    continue
                }
                if let quizColumn = columns.quiz {
                    let quizBytes = scanner.field(quizColumn)
                    if lastQuizKnown && SheetBytes.same(quizBytes, lastQuiz) {
                        // The same bytes, remembered from this row so the pages behind it can go.
                        lastQuiz = quizBytes
                    } else {
                        let id = String(decoding: quizBytes, as: UTF8.self).trimmingSpaces
                        lastQuiz = quizBytes
                        lastQuizKnown = true
                        lastLearnerIndex = -1
                        var next = -1
                        if let known = partOfQuiz[id] {
                            next = known
                        } else if wanted == nil || wanted == id, let quiz = bank.quiz(id) {
                            chunk.parts.append(
                                LongPart(
                                    index: indices[id] ?? QuizIndex(quiz: quiz, bank: bank),
                                    memoryLimit: memoryLimit))
                            next = chunk.parts.count - 1
                            partOfQuiz[id] = next
                        }
                        if next != active { activate(next) }
                        if next < 0, bank.quiz(id) == nil {
                            lastQuizKnown = false
                            if wanted != nil { chunk.otherQuizRows[id, default: 0] += 1 }
                            reject(
                                scanner.line(of: quizColumn), quizColumn + 1,
                                SheetReader.unknownQuiz(id, bank))
                            continue
                        }
                    }
                    if scanner.isCopy(quizColumn) {
                        // An unescaped copy goes with the next row: it is not remembered.
                        lastQuiz = UnsafeBufferPointer(start: nil, count: 0)
                        lastQuizKnown = false
                    }
                    if active < 0 {
                        chunk.otherQuizRows[
                            String(decoding: quizBytes, as: UTF8.self).trimmingSpaces, default: 0] +=
                            1
                        continue
                    }
                }
                // (The index is read only on the rare paths: binding it copies a large struct.)
                guard active >= 0 else { continue }
                let learnerBytes = scanner.field(learnerColumn)
                let learner: Int
                if lastLearnerIndex >= 0, SheetBytes.same(learnerBytes, lastLearner) {
                    learner = lastLearnerIndex
                    lastLearner = learnerBytes
                } else {
                    let name = String(decoding: learnerBytes, as: UTF8.self).trimmingSpaces
                    guard !name.isEmpty else {
                        reject(
                            scanner.line(of: learnerColumn), learnerColumn + 1, "no learner given")
                        continue
                    }
                    // Looked up and, when new, numbered in one hashing of the key.
                    let next = learners.count
                    learner = Self.number(&byKey[LearnerKey(name), default: next])
                    if learner == next {
                        learners.append((name, line))
                        flat.append(repeating: -1, count: questionCount)
                        if keepLines { lines.append(repeating: 0, count: questionCount) }
                        if learners.count == Self.sizingPoint {
                            Self.reserve(
                                &byKey, learners: learners.count, rows: rowsRead,
                                read: recordStart, of: buffer.count)
                        }
                    }
                    lastLearner = learnerBytes
                    lastLearnerIndex = learner
                }
                if scanner.isCopy(learnerColumn) {
                    lastLearner = UnsafeBufferPointer(start: nil, count: 0)
                    lastLearnerIndex = -1
                }
                let refBytes = scanner.field(questionColumn)
                guard
                    let question = refs.value(for: refBytes)
                        ?? index?.question(ref: String(decoding: refBytes, as: UTF8.self))
                else {
                    if let index {
                        reject(
                            scanner.line(of: questionColumn), questionColumn + 1,
                            SheetReader.unknownRef(String(decoding: refBytes, as: UTF8.self), index)
                        )
                    }
                    continue
                }
                switch book.code(question: question, bytes: scanner.field(answerColumn)) {
                case .success(let code):
                    let slot = learner * questionCount + question
                    let answerLine = scanner.line(of: answerColumn)
                    if flat[slot] >= 0 {
                        if repeats.count < rejectedLimit {
                            repeats.append((learner, question, answerLine))
                        } else {
                            unlistedRepeats += 1
                        }
                    } else {
                        flat[slot] = code
                        if keepLines { lines[slot] = Int32(truncatingIfNeeded: answerLine) }
                    }
                case .failure(let error):
                    if let index {
                        reject(
                            scanner.line(of: answerColumn), answerColumn + 1,
                            "\(index.refs[question]): \(error)")
                    }
                }
            }
        } catch {
            let failure = (error as? CSVError) ?? CSVError(line: 1, column: 1, reason: "\(error)")
            reject(failure.line, failure.column, failure.reason)
            chunk.endedInQuote = scanner.endedInQuote
        }
        activate(-1)
        // The learners' numbers by key serve while rows are read, and for the first slice, as
        // the collectors' own when they take its parts as they are; the others go before
        // merging.
        if !header { for part in chunk.parts.indices { chunk.parts[part].byKey = [:] } }
        chunk.lineCount = scanner.lineCount
        return chunk
    }

    /// The value in place (a map's entry, made with its default when missing).
    @inline(__always)
    private static func number(_ value: inout Int) -> Int { value }

    /// How many learners a slice's map holds before it is sized for the whole slice.
    static let sizingPoint = 4096

    /// Sizes the map of learners for the whole slice once, when its learners come a row after
    /// the other (at least two rows each so far, as a sheet in learner order has them): as many
    /// as the share of the slice read so far promises, and at most one per 16 bytes. A map
    /// that grows moves every entry at each doubling, and holds its old and new storage at once;
    /// a sheet in question order (a row per learner so far) is left to grow.
    static func reserve(
        _ map: inout [LearnerKey: Int], learners: Int, rows: Int, read: Int, of bytes: Int
    ) {
        guard rows >= 2 * learners, read > 0, read < bytes else { return }
        let expected = Double(learners) * Double(bytes) / Double(read) * 1.1
        let most = bytes / 16
        map.reserveCapacity(Swift.min(most, Int(expected.rounded(.up))))
    }
}
