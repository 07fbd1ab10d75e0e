import Foundation
import RehearseTestSupport
import Testing

/// `rehearse export QUIZ --to qti -o FILE`: a zip written at the path, never to a terminal or
/// over a file it did not write; what QTI cannot hold listed on standard error.
@Suite struct ExportQTITests {
    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    @Test func writesAPackageAndListsWhatItCannotHold() throws {
        let folder = try FixtureFolder([:])
        let file = folder.file("quiz.zip")
        let result = try CLI.run(["export", "week-one", "--to", "qti", "-o", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("late-sofa-delivery/greet: branching not carried"))
        #expect(result.stderr.contains("a rubric: exported as extended text scored by hand"))
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(Array(bytes.prefix(4)) == Self.zipMagic)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("imsmanifest.xml"))
        #expect(text.contains("items/first-words.xml"))
        // The same quiz gives the same bytes, and a package it wrote is replaced.
        let again = try CLI.run(["export", "week-one", "--to", "qti", "-o", file])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: file))) == bytes)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["quiz.zip"])
    }

    @Test func refusesToWriteAZipWithoutAFile() throws {
        let result = try CLI.run(["export", "week-one", "--to", "qti"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--to qti writes a zip file: give the file with -o"))
    }

    @Test func neverReplacesAFileItDidNotWrite() throws {
        let folder = try FixtureFolder(["notes.zip": "my notes\n"])
        let result = try CLI.run([
            "export", "week-one", "--to", "qti", "-o", folder.file("notes.zip"),
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("a file that this command did not write is there"))
        #expect(
            try String(contentsOfFile: folder.file("notes.zip"), encoding: .utf8) == "my notes\n")
        let missing = try CLI.run([
            "export", "week-one", "--to", "qti", "-o", folder.file("no/such/q.zip"),
        ])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("its folder does not exist"))
    }
}
