import Foundation
import Testing

@testable import RehearseGrading

@Suite struct ReportSinkTests {
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "rehearse-sink-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Pieces past the writeback step (its disk writes started on the way) arrive whole, in
    /// order, and the temp file is gone once the report is in place.
    @Test func aLargeReportArrivesWholeAndInOrder() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.json"
        let pieces = (0..<20).map { index in
            [UInt8](repeating: UInt8(ascii: "a") + UInt8(index), count: (1 << 20) + index)
        }
        #expect(pieces.reduce(0) { $0 + $1.count } > 2 * ReportSink.writebackStep)
        let sink = try ReportSink(path: path)
        for piece in pieces { sink.write(piece) }
        try sink.close()
        let written = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(written) == pieces.flatMap { $0 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.json"])
    }

    /// Pieces written into buffers the sink handed back arrive whole and in order: a buffer is
    /// handed back only once written.
    @Test func piecesInHandedBackBuffersArriveWhole() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.json"
        let sink = try ReportSink(path: path)
        var expected: [UInt8] = []
        for index in 0..<64 {
            var piece = sink.buffers.take(capacity: 1 << 16)
            piece.append(contentsOf: [UInt8](repeating: UInt8(index), count: (1 << 16) + index))
            expected += piece
            sink.write(piece)
        }
        try sink.close()
        #expect(sink.buffers.count > 0)
        let written = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(written) == expected)
    }

    @Test func aFolderThatIsNotThereIsNamedInTheError() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/missing/report.json"
        #expect {
            _ = try ReportSink(path: path)
        } throws: { error in
            "\(error)".contains(path) || "\(error)".contains(folder + "/missing")
        }
    }
}
