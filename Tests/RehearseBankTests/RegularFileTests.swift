import Foundation
import RehearseBank
import RehearseCore
import RehearseTestSupport
import Testing

/// Whole files read straight into arrays: the bytes as written, and nil (never a block) for
/// what is not a regular file.
@Suite struct RegularFileTests {
    @Test func aFileIsReadByteForByte() throws {
        let big = String(repeating: "é line\r\n", count: 20_000)  // past one read's chunk
        let folder = try FixtureFolder(["a.yaml": "id: a\n", "empty.yaml": "", "big.yaml": big])
        #expect(RegularFile.bytes(atPath: folder.file("a.yaml")) == Array("id: a\n".utf8))
        #expect(RegularFile.bytes(atPath: folder.file("empty.yaml")) == [])
        #expect(RegularFile.bytes(atPath: folder.file("big.yaml")) == Array(big.utf8))
    }

    @Test func aFolderAFIFOAndAMissingFileGiveNil() throws {
        let folder = try FixtureFolder(["sub/x.yaml": "x"])
        let fifo = folder.file("pipe.yaml")
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(RegularFile.bytes(atPath: fifo) == nil)  // no writer: a blocking open would hang
        #expect(RegularFile.bytes(atPath: folder.file("sub")) == nil)
        #expect(RegularFile.bytes(atPath: folder.file("missing.yaml")) == nil)
    }

    @Test func theBankReaderReportsWhatItCannotRead() throws {
        let folder = try FixtureFolder(["ok.yaml": "id: ok\n"])
        let fifo = folder.file("pipe.yaml")
        #expect(mkfifo(fifo, 0o644) == 0)
        let results = BankDirectory.read([folder.file("ok.yaml"), fifo]) { $0 }
        #expect(results.count == 2)
        if case .success(let source) = results[0] {
            #expect(source.bytes == Array("id: ok\n".utf8))
        } else {
            Issue.record("ok.yaml was not read")
        }
        if case .failure(let failure) = results[1] {
            #expect(failure.path == fifo)
            #expect(failure.reason == "cannot be read")
        } else {
            Issue.record("a FIFO was read")
        }
    }
}
