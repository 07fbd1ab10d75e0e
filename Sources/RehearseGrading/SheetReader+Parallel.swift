import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// What one worker read from its slice of a long sheet.
struct LongChunk: Sendable {
    var learners: [(name: String, key: String, line: Int)] = []
    var flat: [Int32] = []
    /// The (chunk-relative) line of each stored answer, to report a clash when slices merge.
    var lines: [Int32] = []
    var book: AnswerBook
    var rejected: [RejectedRow] = []
    /// Line breaks in the slice (to turn chunk lines into file lines).
    var lineCount = 0
    /// A row named another quiz: the slice cannot be read this way.
    var bailed = false
}

/// The columns of a long sheet.
struct LongColumns: Sendable {
    var learner: Int
    var quiz: Int?
    var question: Int
    var answer: Int
    var needed: Int
}

extension SheetReader {
    /// Reads a long sheet of one quiz on all cores: the buffer is cut at line breaks into one
    /// slice per core, each slice read with its own answer book and learner list, and the slices
    /// merged in order, so learners, answers and rejected rows come out as a single pass would
    /// give them. Only for sheets without any `"` (nothing is unquoted in place, so a fallback
    /// to the single pass reads the same bytes); returns false when the sheet does not qualify.
    func readLongInParallel(
        file: String, buffer: UnsafeMutableBufferPointer<UInt8>, delimiter: UInt8,
        columns: LongColumns, quizID: String
    ) -> Bool {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        guard workers > 1, buffer.count >= parallelThreshold,
            !(quoteFree.map { !$0 }
                ?? Self.contains(UInt8(ascii: "\""), in: UnsafeBufferPointer(buffer))),
            let collector = collector(for: quizID), collector.learners.isEmpty
        else { return false }
        // Slice boundaries just after a line feed (no quotes, so every line feed ends a record).
        var starts = [0]
        for worker in 1..<workers {
            var position = buffer.count * worker / workers
            while position < buffer.count, buffer[position] != 10 { position += 1 }
            if position + 1 < buffer.count, position + 1 > starts[starts.count - 1] {
                starts.append(position + 1)
            }
        }
        let ranges = starts.indices.map { index in
            starts[index]..<(index + 1 < starts.count ? starts[index + 1] : buffer.count)
        }
        nonisolated(unsafe) let shared = buffer
        let index = collector.index
        let quizBytes = Array(quizID.utf8)
        let chunks = parallelMap(Array(ranges.enumerated().map { $0 })) { part in
            Self.readChunk(
                UnsafeMutableBufferPointer(rebasing: shared[part.element]), first: part.offset == 0,
                file: file, delimiter: delimiter, columns: columns, index: index,
                quiz: quizBytes)
        }
        guard !chunks.contains(where: \.bailed) else { return false }
        merge(chunks, into: collector, file: file, answerColumn: columns.answer + 1)
        parallelReads += 1
        return true
    }

    /// Merges read slices into the collector, in order.
    func merge(
        _ chunks: [LongChunk], into collector: QuizCollector, file: String, answerColumn: Int
    ) {
        let questionCount = collector.questionCount
        var lineOffset = 0
        // The collector is empty: the first slice's book and answers become its own as they are.
        guard let first = chunks.first else { return }
        var book = first.book
        var flat = first.flat
        var learners = collector.learners
        var byName = collector.byName
        for learner in first.learners {
            learners.append(
                LearnerSheet(
                    learner: learner.name, file: file, line: learner.line, seed: nil,
                    attempt: nil, responses: []))
            byName[learner.key] = learners.count - 1
        }
        rejected += first.rejected
        lineOffset = first.lineCount
        for chunk in chunks.dropFirst() {
            rejected += chunk.rejected.map { row in
                var row = row
                row.line += lineOffset
                return row
            }
            // This slice's answer numbers in the merged book, flat: question q's answer number
            // a is `renumber[base[q] + a]`.
            var base: [Int] = []
            var renumber: [Int32] = []
            for question in 0..<questionCount {
                base.append(renumber.count)
                for text in chunk.book.texts[question] {
                    if case .success(let code) = book.code(question: question, text: text) {
                        renumber.append(code)
                    } else {
                        renumber.append(-1)
                    }
                }
            }
            for (local, learner) in chunk.learners.enumerated() {
                let from = local * questionCount
                if let known = byName[learner.key] {
                    // A learner already met (across the cut): answer by answer, first one kept.
                    let to = known * questionCount
                    for question in 0..<questionCount {
                        let code = chunk.flat[from + question]
                        guard code >= 0 else { continue }
                        if flat[to + question] >= 0 {
                            reject(
                                file, Int(chunk.lines[from + question]) + lineOffset, answerColumn,
                                "a second answer from \(learner.name) to "
                                    + "\(collector.index.refs[question]); the first one is kept")
                            continue
                        }
                        flat[to + question] = renumber[base[question] + Int(code)]
                    }
                    continue
                }
                learners.append(
                    LearnerSheet(
                        learner: learner.name, file: file, line: learner.line + lineOffset,
                        seed: nil, attempt: nil, responses: []))
                byName[learner.key] = learners.count - 1
                chunk.flat.withUnsafeBufferPointer { source in
                    renumber.withUnsafeBufferPointer { map in
                        base.withUnsafeBufferPointer { start in
                            for question in 0..<questionCount {
                                let code = source[from + question]
                                flat.append(code >= 0 ? map[start[question] + Int(code)] : -1)
                            }
                        }
                    }
                }
            }
            lineOffset += chunk.lineCount
        }
        collector.book = book
        collector.flat = flat
        collector.learners = learners
        collector.byName = byName
    }

    static func readChunk(
        _ buffer: UnsafeMutableBufferPointer<UInt8>, first: Bool, file: String, delimiter: UInt8,
        columns: LongColumns, index: QuizIndex, quiz: [UInt8]
    ) -> LongChunk {
        var chunk = LongChunk(book: AnswerBook(questions: index.questions))
        let refs = index.refTable
        let questionCount = index.questions.count
        var byKey: [String: Int] = [:]
        var scanner = CSVScanner(buffer, delimiter: delimiter)
        defer { scanner.deallocate() }
        var lastLearner = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var lastLearnerIndex = -1
        var skipHeader = first
        func reject(_ line: Int, _ column: Int, _ reason: String) {
            chunk.rejected.append(
                RejectedRow(file: file, line: line, column: column, reason: reason))
        }
        do {
            while try scanner.next() {
                if skipHeader {
                    skipHeader = false
                    continue
                }
                let line = scanner.recordLine
                guard scanner.fieldCount >= columns.needed else {
                    reject(
                        line, scanner.fieldCount,
                        "the row has \(scanner.fieldCount) field(s); the header has "
                            + "\(columns.needed) or more")
                    continue
                }
                if let quizColumn = columns.quiz {
                    let bytes = scanner.field(quizColumn)
                    let same = quiz.withUnsafeBufferPointer { SheetReader.same(bytes, $0) }
                    if !same {
                        chunk.bailed = true
                        return chunk
                    }
                }
                let learnerBytes = scanner.field(columns.learner)
                let learner: Int
                if lastLearnerIndex >= 0, SheetReader.same(learnerBytes, lastLearner) {
                    learner = lastLearnerIndex
                } else {
                    let name = String(decoding: learnerBytes, as: UTF8.self).trimmingSpaces
                    guard !name.isEmpty else {
                        reject(
                            scanner.line(of: columns.learner), columns.learner + 1,
                            "no learner given")
                        continue
                    }
                    let key = name.lowercased()
                    if let known = byKey[key] {
                        learner = known
                    } else {
                        chunk.learners.append((name, key, line))
                        chunk.flat.append(contentsOf: repeatElement(-1, count: questionCount))
                        chunk.lines.append(contentsOf: repeatElement(0, count: questionCount))
                        learner = chunk.learners.count - 1
                        byKey[key] = learner
                    }
                    lastLearner = learnerBytes
                    lastLearnerIndex = learner
                }
                let refBytes = scanner.field(columns.question)
                guard
                    let question = refs.value(for: refBytes)
                        ?? index.question(ref: String(decoding: refBytes, as: UTF8.self))
                else {
                    let ref = String(decoding: refBytes, as: UTF8.self)
                    reject(
                        scanner.line(of: columns.question), columns.question + 1,
                        "no question `\(ref)` in quiz `\(index.quiz.id.value)`"
                            + Suggestion.phrase(for: ref, in: index.refs))
                    continue
                }
                switch chunk.book.code(question: question, bytes: scanner.field(columns.answer)) {
                case .success(let code):
                    let slot = learner * questionCount + question
                    if chunk.flat[slot] >= 0 {
                        reject(
                            scanner.line(of: columns.answer), columns.answer + 1,
                            "a second answer from \(chunk.learners[learner].name) to "
                                + "\(index.refs[question]); the first one is kept")
                    } else {
                        chunk.flat[slot] = code
                        chunk.lines[slot] = Int32(truncatingIfNeeded: line)
                    }
                case .failure(let error):
                    reject(
                        scanner.line(of: columns.answer), columns.answer + 1,
                        "\(index.refs[question]): \(error)")
                }
            }
        } catch {
            // No quotes in the sheet: the scanner cannot fail; read it in one pass to be sure.
            chunk.bailed = true
        }
        chunk.lineCount = scanner.lineCount
        return chunk
    }

    /// Is `buffer` valid UTF-8, and does it hold a `"`? On all cores for a large buffer: cut just
    /// after line feeds, which no UTF-8 sequence contains.
    static func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> (valid: Bool, hasQuote: Bool) {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        guard workers > 1, buffer.count >= 1 << 20 else {
            return (SheetText.isValidUTF8(buffer), contains(UInt8(ascii: "\""), in: buffer))
        }
        var starts = [0]
        for worker in 1..<workers {
            var position = buffer.count * worker / workers
            while position < buffer.count, buffer[position] != 10 { position += 1 }
            if position + 1 < buffer.count, position + 1 > starts[starts.count - 1] {
                starts.append(position + 1)
            }
        }
        let ranges = starts.indices.map { index in
            starts[index]..<(index + 1 < starts.count ? starts[index + 1] : buffer.count)
        }
        nonisolated(unsafe) let shared = buffer
        let parts = parallelMap(ranges) { range in
            let slice = UnsafeBufferPointer(rebasing: shared[range])
            return (SheetText.isValidUTF8(slice), contains(UInt8(ascii: "\""), in: slice))
        }
        return (parts.allSatisfy(\.0), parts.contains(where: \.1))
    }

    /// Does `byte` occur in `buffer`? (Eight bytes at a time.)
    static func contains(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        let mask = UInt64(byte) &* CSVParser.ones
        var offset = 0
        while offset + 8 <= buffer.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            if CSVParser.hasByte(word, mask) { return true }
            offset += 8
        }
        while offset < buffer.count {
            if buffer[offset] == byte { return true }
            offset += 1
        }
        return false
    }
}
