import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

extension SheetReader {
    /// `learner,quiz,question,answer`, one row per answer (`quiz` may be left out with `--quiz`).
    ///
    /// The rows are read by `LongRowReader`: on the whole sheet, or, for a large sheet, on one
    /// slice per core cut at line breaks. What the slices read is merged in order, so learners,
    /// answer numbers and rejected rows come out as one pass gives them. A cut inside a quoted
    /// field (one with a line break) shows as a slice that ends inside quotes: the sheet is then
    /// read again in one pass.
    func readLong(
        file: String, buffer: UnsafeBufferPointer<UInt8>, delimiter: UInt8, header: [String]
    ) throws(GradingError) {
        guard let learnerColumn = learnerColumn(in: header) else {
            missingLearnerColumn(file)
            return
        }
        guard let columns = LongColumns(header: header, learner: learnerColumn) else { return }
        let quizColumn = columns.quiz
        let questionColumn = columns.question
        let answerColumn = columns.answer

        var fixed: QuizIndex?
        if quizColumn == nil {
            var id = options.quiz
            if id == nil {
                var refs = Set<String>()
                try? CSVParser.forEachRecord(in: Array(buffer), delimiter: delimiter) { record in
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
            fixed = collector(for: id)?.index
        }
        let reader = longRowReader(file: file, delimiter: delimiter, columns: columns, fixed: fixed)

        let workers = ProcessInfo.processInfo.activeProcessorCount
        var chunks: [LongChunk] = []
        if workers > 1, buffer.count >= parallelThreshold {
            chunks = Self.readSlices(buffer, count: workers, with: reader)
            if Self.cutInQuotes(chunks) {
                chunks = []
            } else {
                parallelReads += 1
            }
        }
        let sliced = !chunks.isEmpty
        if chunks.isEmpty { chunks = [reader.read(buffer, header: true)] }
        merge(consume chunks, file: file, answerColumn: answerColumn + 1) { number in
            sliced
                ? Self.readSlice(number, of: buffer, count: workers, with: reader)
                : reader.keepingLines.read(buffer, header: true)
        }
    }

    /// A large long sheet read on all cores with no scan before: each slice checks its bytes
    /// just ahead of its reader (`SheetBytes.Ahead`). Only for a sheet whose opening is UTF-8
    /// (no byte order mark, not JSON), whose header names a long sheet's columns, a learner
    /// column and the quiz (a quiz column, or `--quiz`); false when the sheet is not such a
    /// sheet, a slice meets an invalid byte after all, or a cut falls inside a quoted field:
    /// nothing is kept, the buffer is as it was, and the caller reads it the other way (scan
    /// first), with the same result a sheet of this kind would have had.
    func readLongInOnePass(file: String, buffer: UnsafeBufferPointer<UInt8>)
        throws(GradingError) -> Bool
    {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        guard workers > 1, buffer.count >= parallelThreshold else { return false }
        let head = Array(buffer.prefix(1 << 16))
        let bom = head.starts(with: [0xEF, 0xBB, 0xBF])
        let first = head.withUnsafeBufferPointer(Self.firstByte)
        guard !bom, let first, first != UInt8(ascii: "{"), first != UInt8(ascii: "[") else {
            return false
        }
        let delimiter = options.delimiter ?? CSVParser.detectDelimiter(head)
        guard let fields = try? Self.headerFields(head, delimiter: delimiter) else { return false }
        let header = fields.map(QuizIndex.foldHeader)
        guard Self.isLong(header), let learnerColumn = learnerColumn(in: header),
            let columns = LongColumns(header: header, learner: learnerColumn)
        else { return false }
        var fixed: QuizIndex?
        if columns.quiz == nil {
            guard let id = options.quiz, bank.quiz(id) != nil else { return false }
            fixed = collector(for: id)?.index
        }
        let reader = longRowReader(file: file, delimiter: delimiter, columns: columns, fixed: fixed)
        let chunks = Self.readSlices(
            buffer, count: workers, with: reader, checking: SheetBytes.Abandon())
        guard !chunks.contains(where: \.abandoned), !Self.cutInQuotes(chunks) else { return false }
        kinds.append((file, .long, .utf8))
        parallelReads += 1
        merge(consume chunks, file: file, answerColumn: columns.answer + 1) { number in
            Self.readSlice(number, of: buffer, count: workers, with: reader)
        }
        return true
    }

    /// The one row reader of a long sheet with `columns`, given the quizzes' indices built so far.
    private func longRowReader(
        file: String, delimiter: UInt8, columns: LongColumns, fixed: QuizIndex?
    ) -> LongRowReader {
        var indices: [String: QuizIndex] = [:]
        for (id, collector) in collectors { indices[id] = collector.index }
        return LongRowReader(
            bank: bank, file: file, delimiter: delimiter, columns: columns, fixed: fixed,
            wanted: options.quiz, indices: indices, memoryLimit: tableMemoryLimit,
            rejectedLimit: rejectedLimit)
    }

    /// Slice `number` of `buffer` cut as `readSlices` cuts it, read again by `reader` keeping
    /// the answers' lines (the slice was read whole before: no check is needed).
    private static func readSlice(
        _ number: Int, of buffer: UnsafeBufferPointer<UInt8>, count: Int, with reader: LongRowReader
    ) -> LongChunk {
        let slice = SheetBytes.lineSlices(buffer, count: count)[number]
        return reader.keepingLines.read(
            UnsafeBufferPointer(rebasing: buffer[slice]), header: number == 0)
    }

    /// `buffer` cut into `count` slices at line breaks, each read by `reader` on its own core
    /// (the first with the header), checked ahead of the reader when `checking` is given.
    private static func readSlices(
        _ buffer: UnsafeBufferPointer<UInt8>, count: Int, with reader: LongRowReader,
        checking: SheetBytes.Abandon? = nil
    ) -> [LongChunk] {
        nonisolated(unsafe) let shared = buffer
        let slices = SheetBytes.lineSlices(buffer, count: count)
        return parallelMap(Array(slices.enumerated())) { slice in
            reader.read(
                UnsafeBufferPointer(rebasing: shared[slice.element]),
                header: slice.offset == 0, checking: checking)
        }
    }

    /// Did a cut between slices fall inside a quoted field? Each slice but the first starts at a
    /// line feed, guessed to end a record; the guess holds exactly when the slice before, itself
    /// started at a record, does not end inside quotes (the last slice ending so is the sheet's
    /// own error, reported at its line).
    private static func cutInQuotes(_ chunks: [LongChunk]) -> Bool {
        chunks.dropLast().contains(where: \.endedInQuote)
    }

    /// Merges what the slices of a long sheet read into the collectors, in order. `reread(n)`
    /// reads slice `n` again keeping its answers' lines, for a second answer to report.
    func merge(
        _ chunks: consuming [LongChunk], file: String, answerColumn: Int,
        reread: (Int) -> LongChunk
    ) {
        let firstRejected = sheetRejected?.rows.count ?? 0
        var lineOffset = 0
        // Room for every learner the slices met, made once: growing the list while merging
        // would hold the old and the new storage at once. (The map by key grows only when a
        // later sheet or slice needs it: see `QuizCollector.indexNames`.)
        var met: [ObjectIdentifier: (QuizCollector, Int)] = [:]
        for number in chunks.indices {
            for part in chunks[number].parts {
                guard let collector = collector(for: part.index.quiz.id.value, index: part.index)
                else { continue }
                met[ObjectIdentifier(collector), default: (collector, 0)].1 += part.learners.count
            }
        }
        for (collector, count) in met.values {
            collector.learners.reserveCapacity(collector.learners.count + count)
        }
        for number in chunks.indices {
            var chunk = chunks[number]
            // Each slice's learners go once merged (the next slice's merge needs the room).
            chunks[number] = LongChunk()
            reject(
                chunk.rejected.listed.map { row in
                    var row = row
                    row.line += lineOffset
                    return row
                })
            sheetRejected?.leftOut(chunk.rejected.unlisted)
            for (quiz, count) in chunk.otherQuizRows { otherQuizRows[quiz, default: 0] += count }
            // The slice read again with its lines, once, when a part needs them.
            var withLines: LongChunk?
            for place in chunk.parts.indices {
                // The part's learner numbers by key, taken out: a collector that takes them
                // keeps the only reference.
                var names: [LearnerKey: Int] = [:]
                swap(&names, &chunk.parts[place].byKey)
                let part = chunk.parts[place]
                guard let collector = collector(for: part.index.quiz.id.value, index: part.index)
                else { continue }
                merge(
                    part, names: names, into: collector, file: file, lineOffset: lineOffset,
                    column: answerColumn
                ) {
                    let again = withLines ?? reread(number)
                    withLines = again
                    return again.parts.indices.contains(place)
                        ? again.parts[place].lines : part.lines
                }
            }
            lineOffset += chunk.lineCount
        }
        // A row is rejected at most once, so in line order the rejected rows are in the order
        // one pass over the sheet meets them.
        sheetRejected?.sortByLine(from: firstRejected)
    }

    /// Merges one quiz's part of a slice into its collector: new learners are added in order,
    /// and a learner already met (before the cut, or in an earlier sheet) gets the answers to
    /// questions they had not answered; a second answer is rejected, the first one kept.
    /// `names`, when it numbers every learner of the part by key, serves an empty collector as
    /// its own.
    func merge(
        _ part: LongPart, names: consuming [LearnerKey: Int] = [:], into collector: QuizCollector,
        file: String, lineOffset: Int, column: Int, lines: () -> SpillTable<Int32>
    ) {
        let questionCount = collector.questionCount
        // Per question, this part's answer numbers in the collector's book: question q's
        // answer number a is `renumber[base[q] + a]`. An empty collector takes the part's book
        // as it is.
        let adopt = collector.learners.isEmpty
        var base: [Int] = []
        var renumber: [Int32] = []
        if adopt {
            collector.book = part.book
        } else {
            for question in 0..<questionCount {
                base.append(renumber.count)
                for code in part.book.texts[question].indices {
                    let merged = collector.book.code(
                        question: question, as: Int32(code), in: part.book)
                    if case .success(let number) = merged {
                        renumber.append(number)
                    } else {
                        renumber.append(-1)
                    }
                }
            }
        }
        // Working copies, moved out of the collector and back (no class property in the loop).
        // An empty collector's rows are the part's table as it is.
        let flat = adopt ? part.flat : collector.flat
        var learners = collector.learners
        // An empty collector takes the part's numbers by key when they are whole (its learners
        // are the part's, in order).
        let adoptNames = adopt && names.count == part.learners.count
        // The part's learners are looked up among every earlier one; they are not added to the
        // map themselves (a part names each learner once): a later part or sheet adds them.
        if adoptNames {
            collector.byName = names
            collector.indexed = part.learners.count
        } else {
            collector.indexNames()
        }
        let byName = collector.byName
        // Each of the part's learners' number among the earlier ones (-1 if new), looked up
        // before the merge, on all cores for a large part: the map does not change while this
        // part is merged.
        let known = adoptNames ? [] : Self.numbers(of: part.learners, in: byName)
        collector.learners = []
        learners.reserveCapacity(learners.count + part.learners.count)
        var numbers: [Int] = []  // the collector's number of each of the part's learners
        numbers.reserveCapacity(part.learners.count)
        var added: [Int] = []  // the part's learners new to the collector, copied below
        // Each stored answer's line, read when the first second answer needs one.
        var answerLines: SpillTable<Int32>?
        for (local, learner) in part.learners.enumerated() {
            if adoptNames {
                learners.append(
                    LearnerSheet(
                        learner: learner.name, file: file, line: learner.line + lineOffset))
                numbers.append(local)
                continue
            }
            let from = local * questionCount
            if known[local] >= 0 {
                let known = known[local]
                numbers.append(known)
                let to = known * questionCount
                for question in 0..<questionCount {
                    let code = part.flat[from + question]
                    guard code >= 0 else { continue }
                    if flat[to + question] >= 0 {
                        let kept = answerLines ?? lines()
                        answerLines = kept
                        let line = from + question < kept.count ? Int(kept[from + question]) : 0
                        rejectRepeat(
                            learners[known].learner, collector.index.refs[question], file: file,
                            line: line + lineOffset, column: column)
                        continue
                    }
                    flat[to + question] = adopt ? code : renumber[base[question] + Int(code)]
                }
                continue
            }
            learners.append(
                LearnerSheet(learner: learner.name, file: file, line: learner.line + lineOffset))
            numbers.append(learners.count - 1)
            if !adopt { added.append(local) }
        }
        // The new learners' rows, copied once every learner is numbered: on all cores for many.
        if !added.isEmpty {
            Self.copyRows(
                added, of: part.flat, numbers: numbers, into: flat, width: questionCount,
                renumber: renumber, base: base)
        }
        for (learner, question, line) in part.repeats {
            rejectRepeat(
                learners[numbers[learner]].learner, collector.index.refs[question], file: file,
                line: line + lineOffset, column: column)
        }
        sheetRejected?.leftOut(part.unlistedRepeats)
        collector.flat = flat
        collector.learners = learners
    }

    /// Copies the rows of the part's learners `added` (new to the collector) from `source` into
    /// `target`, which grows to hold them: row `local` of `source` becomes row `numbers[local]`
    /// (past every row `target` held), each answer number renumbered into the collector's book
    /// (question q's number a is `renumber[base[q] + a]`). The rows are copied in slices on all
    /// cores for many learners, each slice giving back the pages it has copied.
    static func copyRows(
        _ added: [Int], of source: SpillTable<Int32>, numbers: [Int],
        into target: SpillTable<Int32>,
        width: Int, renumber: [Int32], base: [Int]
    ) {
        guard let last = added.last else { return }
        target.extend(to: (numbers[last] + 1) * width)
        let slices = added.count < 4096 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 4
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let range = (added.count * slice / slices)..<(added.count * (slice + 1) / slices)
            guard !range.isEmpty else { return }
            let from = source.buffer
            let to = target.buffer
            var releasedFrom = range.lowerBound
            for position in range {
                let local = added[position]
                let row = numbers[local] * width
                for question in 0..<width {
                    let code = from[local * width + question]
                    to[row + question] = code >= 0 ? renumber[base[question] + Int(code)] : -1
                }
                if position - releasedFrom >= 1024 || position == range.upperBound - 1 {
                    // Rows copied are given back (the source's were given back once already,
                    // as they were read).
                    let first = added[releasedFrom]
                    source.release((first * width)..<((local + 1) * width))
                    target.release((numbers[first] * width)..<(row + width))
                    releasedFrom = position + 1
                }
            }
        }
    }

    /// Rejects a second answer of a learner to a question; the first one is kept.
    func rejectRepeat(_ learner: String, _ ref: String, file: String, line: Int, column: Int) {
        reject(
            file, line, column,
            "a second answer from \(learner) to \(ref); the first one is kept")
    }

    /// The number of each of `learners` in `byName` by their key, -1 for one not in it; a large
    /// list is looked up in slices on all cores.
    static func numbers(of learners: [(name: String, line: Int)], in byName: [LearnerKey: Int])
        -> [Int]
    {
        let count = learners.count
        let slices = count < (1 << 14) ? 1 : ProcessInfo.processInfo.activeProcessorCount * 4
        let ranges = (0..<slices).map { (count * $0 / slices)..<(count * ($0 + 1) / slices) }
        return parallelMap(ranges) { range in
            range.map { local in
                byName[LearnerKey(learners[local].name)] ?? -1
            }
        }.flatMap { $0 }
    }
}
