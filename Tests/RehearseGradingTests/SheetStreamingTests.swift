import Foundation
import Testing

@testable import RehearseGrading

/// A mapped sheet gives its pages back while it is read (`PageRelease`), and what is read is
/// exactly what reading the same bytes from memory gives.
@Suite("Sheets read in a bounded window")
struct SheetStreamingTests {
    /// A temp file holding `bytes`; removed by the caller.
    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "rehearse-stream-\(UUID().uuidString).csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func releasedPagesOfAMappingReadTheFileAgain() throws {
        let page = PageRelease.pageSize
        let bytes = (0..<(page * 8 + 100)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = try Self.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mapping = try #require(MappedFile(path: path))
        defer { mapping.unmap() }
        #expect(Array(mapping.buffer) == bytes)
        var pages = PageRelease(mapping.buffer, step: page)
        #expect(pages.due(page))
        pages.release(upTo: page * 3 + 5)
        #expect(pages.released == page * 3)
        #expect(!pages.due(page * 3 + 5))
        #expect(Array(mapping.buffer) == bytes)
    }

    @Test func memoryNotMappedFromAFileIsLeftAlone() {
        let page = PageRelease.pageSize
        var bytes = [UInt8](repeating: 7, count: page * 8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            var pages = PageRelease(UnsafeBufferPointer(buffer), step: page)
            pages.release(upTo: buffer.count)
        }
        #expect(bytes.allSatisfy { $0 == 7 })
    }

    /// Copies of a generated sheet, each with its own learners, long enough that each slice
    /// read on its own core passes a release step.
    static func bigSheet(quoted: Bool) -> String {
        let bank = GradingFixtures.bank
        var body = GraderTests.sheet(bank: bank, quiz: "q", learners: 400, seed: 5)
        if !quoted {
            body =
                body.replacingOccurrences(of: "\"", with: "")
                .split(separator: "\n")
                .filter { $0.split(separator: ",", omittingEmptySubsequences: false).count <= 4 }
                .joined(separator: "\n") + "\n"
        }
        let rows = body.drop { $0 != "\n" }.dropFirst()
        var text = "learner,quiz,question,answer\n"
        var copy = 0
        while text.utf8.count < 2 * (8 << 20) + (2 << 20) {
            text += rows.replacingOccurrences(of: "@example.com", with: "@c\(copy).example.com")
            copy += 1
        }
        // A few rows to reject, at the end.
        text += "c0@example.com,q,q/listen-frist,true\nl1@c0.example.com,nope,q/x,true\n"
        return text
    }

    /// Quoted or not, a large sheet is read on all cores, from its read-only mapping as from
    /// memory.
    @Test(arguments: [false, true])
    func aMappedSheetReadsLikeBytesInMemory(quoted: Bool) throws {
        let (mapped, inMemory) = try Self.readBothWays(Array(Self.bigSheet(quoted: quoted).utf8))
        #expect(mapped.rejected.count >= 2)
        #expect(mapped.parallelReads == inMemory.parallelReads)
        #expect(mapped.parallelReads == (ProcessInfo.processInfo.activeProcessorCount > 1 ? 1 : 0))
    }

    /// A quoted answer with line breaks that spans every place a slice could be cut (the middle
    /// two fifths of the sheet): the slice before the cut ends inside quotes, so the sheet is read
    /// again in one pass, with the answer and the rows around it read as one pass reads them.
    @Test func aCutInsideAQuotedFieldIsReadAgainInOnePass() throws {
        var bytes = Array(Self.bigSheet(quoted: true).utf8)
        var at = bytes.count * 3 / 10
        while bytes[at - 1] != 10 { at += 1 }
        let lines = String(repeating: "I'd call back, then \"\"check\"\" twice.\r\n", count: 1)
        var answer = ""
        while answer.utf8.count < bytes.count * 2 / 5 { answer += lines }
        let row = Array("long@late.example.com,q,q/listen-first,\"\(answer)\"\n".utf8)
        bytes.insert(contentsOf: row, at: at)
        let (mapped, inMemory) = try Self.readBothWays(bytes)
        #expect(mapped.parallelReads == 0)
        #expect(inMemory.parallelReads == 0)
        // The rows after the long answer are read at their own lines, as in one pass.
        let breaks = answer.utf8.count(where: { $0 == 13 })
        let tail = mapped.rejected.filter { $0.reason.contains("listen-frist") }
        let before = bytes[..<at].count(where: { $0 == 10 })
        #expect(tail.count == 1)
        #expect(tail.first.map { $0.line > before + breaks } == true)
    }

    /// Reads `bytes` from a mapped file and from memory, expects the same cohort, rejected rows
    /// and notes, and returns both readers.
    static func readBothWays(_ bytes: [UInt8]) throws -> (
        mapped: SheetReader, inMemory: SheetReader
    ) {
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bank = GradingFixtures.bank
        let mapped = SheetReader(bank: bank)
        mapped.rejectedLimit = .max
        let fromFile = try mapped.cohort(readingFiles: [path])
        let inMemory = SheetReader(bank: bank)
        inMemory.rejectedLimit = .max
        try inMemory.read(file: path, bytes: bytes)
        let fromBytes = try inMemory.cohort()
        #expect(fromFile.learners.count > 10_000)
        expectSame(fromFile, mapped, fromBytes, inMemory)
        return (mapped, inMemory)
    }

    /// Expects two reads of one sheet to give the same cohort, rejected rows, notes and names.
    static func expectSame(
        _ one: Cohort, _ oneReader: SheetReader, _ other: Cohort, _ otherReader: SheetReader,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            one.learners.map(\.learner) == other.learners.map(\.learner),
            sourceLocation: sourceLocation)
        #expect(
            one.learners.map(\.line) == other.learners.map(\.line), sourceLocation: sourceLocation)
        #expect(one.responses == other.responses, sourceLocation: sourceLocation)
        #expect(one.answers.texts == other.answers.texts, sourceLocation: sourceLocation)
        #expect(oneReader.rejected == otherReader.rejected, sourceLocation: sourceLocation)
        #expect(oneReader.notes == otherReader.notes, sourceLocation: sourceLocation)
        #expect(oneReader.displayNames == otherReader.displayNames, sourceLocation: sourceLocation)
    }

    /// A step of the check made ahead of a slice's reader ends after a line feed, and takes any
    /// blank lines after it and the line after them: the reader reads past blank lines into the
    /// next record in one go, so that record must be checked too.
    @Test func aStepTakesBlankLinesAndTheLineAfterThem() {
        func cut(_ text: String, after position: Int) -> Int {
            Array(text.utf8).withUnsafeBufferPointer { SheetBytes.cut($0, after: position) }
        }
        #expect(cut("ab\ncd\n", after: 1) == 3)
        #expect(cut("ab\ncd\n", after: 3) == 3)
        #expect(cut("ab\n\n\r\n\"q\"\ncd\n", after: 1) == 10)
        #expect(cut("ab\n\n", after: 1) == 4)
        #expect(cut("ab", after: 1) == 2)
        #expect(cut("ab\ncd", after: 0) == 0)
    }

    /// A large unquoted sheet read in one pass, where something after its opening is not what
    /// it promised: a `"` late in the sheet or a blank line followed by a quoted record (read in
    /// the same go as the blank line) are read in the same pass; a byte that is not UTF-8 stops
    /// each slice at the step that holds it, nothing is kept, and the sheet is read the other
    /// way. Either way the result is exactly what the same bytes read from memory give.
    @Test(arguments: ["quote", "blank line, then a quote", "not UTF-8"])
    func aLateSurpriseReadsLikeBytesInMemory(surprise: String) throws {
        var bytes = Array(Self.bigSheet(quoted: false).utf8)
        // Three quarters in, at the start of a line.
        var at = bytes.count * 3 / 4
        while bytes[at - 1] != 10 { at += 1 }
        let row: [UInt8]
        switch surprise {
        case "quote": row = Array("l1@late.example.com,q,q/listen-first,\"true\"\n".utf8)
        case "not UTF-8": row = Array("l1@late.example.com,q,q/listen-first,true\n".utf8)
        default: row = Array("\n\nl1@late.example.com,q,q/listen-first,\"true\"\n".utf8)
        }
        bytes.insert(contentsOf: row, at: at)
        if surprise == "not UTF-8" { bytes[at + 1] = 0xE9 }  // l\u{E9} in Windows-1252
        let (mapped, inMemory) = try Self.readBothWays(bytes)
        // On all cores either way: a sheet that is not UTF-8 is read as its bytes, which are
        // made UTF-8 first.
        #expect(mapped.parallelReads == inMemory.parallelReads)
        #expect(mapped.parallelReads == (ProcessInfo.processInfo.activeProcessorCount > 1 ? 1 : 0))
        if surprise == "not UTF-8" {
            #expect(mapped.notes.contains { $0.contains("Windows-1252") })
        }
    }

    /// The same sheet with nothing surprising is read in one pass, on all cores.
    @Test func aPlainLargeSheetIsReadInOnePass() throws {
        let text = Self.bigSheet(quoted: false)
        let path = try Self.temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = SheetReader(bank: GradingFixtures.bank)
        let mapping = try #require(MappedFile(path: path))
        defer { mapping.unmap() }
        #expect(try reader.readLongInOnePass(file: path, buffer: mapping.buffer))
        #expect(reader.parallelReads == (ProcessInfo.processInfo.activeProcessorCount > 1 ? 1 : 0))
    }

    /// `same` against the bytes compared one by one: every length up to past the word-wise
    /// path's limit, equal, and different at each position in turn (so the overlapping last
    /// word and each word before it are all seen to count).
    @Test func sameBytesAreFoundAtEveryLengthAndEveryDifference() {
        var generator = SystemRandomNumberGenerator()
        for count in 0...80 {
            let left = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            left.withUnsafeBufferPointer { left in
                #expect(SheetBytes.same(left, left), "length \(count)")
                let copy = Array(left)
                copy.withUnsafeBufferPointer { copy in
                    #expect(SheetBytes.same(left, copy), "length \(count)")
                }
                if count > 0 {
                    let shorter = Array(left.dropLast())
                    shorter.withUnsafeBufferPointer { shorter in
                        #expect(!SheetBytes.same(left, shorter), "length \(count)")
                    }
                }
            }
            for position in 0..<count {
                var right = left
                right[position] ^= 1 << UInt8(position % 8)
                let same = left.withUnsafeBufferPointer { left in
                    right.withUnsafeBufferPointer { SheetBytes.same(left, $0) }
                }
                #expect(!same, "length \(count), different at \(position)")
            }
        }
    }
}
