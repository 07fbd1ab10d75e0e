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
        // A change in a page released is forgotten: the page is the file's again.
        mapping.buffer[10] = bytes[10] &+ 1
        var pages = PageRelease(UnsafeBufferPointer(mapping.buffer), step: page)
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

    @Test(arguments: [false, true])
    func aMappedSheetReadsLikeBytesInMemory(quoted: Bool) throws {
        let text = Self.bigSheet(quoted: quoted)
        let path = try Self.temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bank = GradingFixtures.bank
        let mapped = SheetReader(bank: bank)
        let fromFile = try mapped.cohort(readingFiles: [path])
        let inMemory = SheetReader(bank: bank)
        try inMemory.read(file: path, bytes: Array(text.utf8))
        let fromBytes = try inMemory.cohort()
        #expect(fromFile.learners.count > 10_000)
        #expect(fromFile.learners.map(\.learner) == fromBytes.learners.map(\.learner))
        #expect(fromFile.learners.map(\.line) == fromBytes.learners.map(\.line))
        #expect(fromFile.responses == fromBytes.responses)
        #expect(fromFile.answers.texts == fromBytes.answers.texts)
        #expect(mapped.rejected == inMemory.rejected)
        #expect(mapped.rejected.count >= 2)
        #expect(mapped.notes == inMemory.notes)
        #expect(mapped.parallelReads == (quoted ? 0 : inMemory.parallelReads))
    }
}
