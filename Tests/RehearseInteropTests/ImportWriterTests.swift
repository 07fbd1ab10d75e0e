import Foundation
import RehearseBank
import RehearseInterop
import RehearseTestSupport
import Testing

/// Writing an import into a bank: all files or none, and what an earlier import left.
@Suite struct ImportWriterTests {
    /// An import of `count` questions as quiz `big`, in parts when `limits` say so.
    static func result(_ count: Int, parts limits: YAMLLimits = .standard) throws -> ImportResult {
        let quiz = QuizFileSplitterTests.quiz(count)
        let files = try QuizFileSplitter.files(quiz, source: "big", limits: limits)
        return ImportResult(
            format: .gift, quiz: quiz, files: files, imported: [.truefalse: count], skipped: [],
            notes: [])
    }

    static let small = YAMLLimits(maxBytes: 8_000, maxNodes: 100_000)

    /// The names in `folder`, hidden ones too, sorted.
    static func names(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func partsAreWrittenWithNothingHiddenLeft() throws {
        let bank = try FixtureFolder([:])
        let result = try Self.result(200, parts: Self.small)
        try ImportWriter.write(result, into: bank.path, force: false)
        #expect(
            try Self.names(bank.file("quizzes"))
                == result.files.map(\.path).map {
                    String($0.dropFirst("quizzes/".count))
                }.sorted())
        for file in result.files { #expect(try Self.text(bank.file(file.path)) == file.yaml) }
    }

    @Test func anEarlierWholeQuizIsRefusedThenReplacedByItsParts() throws {
        let bank = try FixtureFolder(["quizzes/big.yaml": "# the earlier import\n"])
        let result = try Self.result(200, parts: Self.small)
        #expect(throws: AtomicFileWriter.Failure.self) {
            try ImportWriter.write(result, into: bank.path, force: false)
        }
        #expect(try Self.names(bank.file("quizzes")) == ["big.yaml"])
        let removed = try ImportWriter.write(result, into: bank.path, force: true)
        #expect(removed == ["quizzes/big.yaml"])
        #expect(!(try Self.names(bank.file("quizzes")).contains("big.yaml")))
        #expect(try Self.names(bank.file("quizzes")).count == result.files.count)
    }

    @Test func earlierPartsAreRemovedWhenTheQuizNowFitsOneFile() throws {
        var files: [String: String] = ["quizzes/other.yaml": "# another quiz\n"]
        for number in 1...4 { files["quizzes/big-part-\(number).yaml"] = "# part \(number)\n" }
        files["quizzes/big-partial.yaml"] = "# not a part\n"
        let bank = try FixtureFolder(files)
        let result = try Self.result(20)
        #expect(ImportWriter.stale(result, in: bank.path).count == 4)
        #expect(throws: AtomicFileWriter.Failure.self) {
            try ImportWriter.write(result, into: bank.path, force: false)
        }
        #expect(!FileManager.default.fileExists(atPath: bank.file("quizzes/big.yaml")))
        try ImportWriter.write(result, into: bank.path, force: true)
        #expect(
            try Self.names(bank.file("quizzes")) == ["big-partial.yaml", "big.yaml", "other.yaml"])
    }

    @Test func pathsWrittenEarlierInTheRunAreKept() throws {
        let bank = try FixtureFolder(["quizzes/big-part-1.yaml": "# from the first file\n"])
        let result = try Self.result(20)
        try ImportWriter.write(
            result, into: bank.path, force: true, keeping: ["quizzes/big-part-1.yaml"])
        #expect(try Self.names(bank.file("quizzes")) == ["big-part-1.yaml", "big.yaml"])
    }

    @Test func earlierFileNames() {
        #expect(ImportWriter.isEarlierFile(stem: "big", of: "big"))
        #expect(ImportWriter.isEarlierFile(stem: "big-part-3", of: "big"))
        #expect(ImportWriter.isEarlierFile(stem: "big-part-12", of: "big"))
        #expect(!ImportWriter.isEarlierFile(stem: "big-part-03", of: "big"))
        #expect(!ImportWriter.isEarlierFile(stem: "big-part-0", of: "big"))
        #expect(!ImportWriter.isEarlierFile(stem: "big-part-", of: "big"))
        #expect(!ImportWriter.isEarlierFile(stem: "bigger-part-1", of: "big"))
        #expect(!ImportWriter.isEarlierFile(stem: "big-part-1", of: "bi"))
    }

    @Test func aFailedPlaceUndoesEverything() throws {
        // The second target is a folder with a file in it: renaming onto it fails after the
        // first target was replaced and a file set aside for removal.
        let folder = try FixtureFolder([
            "one.yaml": "old one\n", "two.yaml/inside.txt": "x\n", "stale.yaml": "stale\n",
        ])
        #expect(throws: AtomicFileWriter.Failure.self) {
            try AtomicFileWriter.writeAll(
                [
                    .init(path: folder.file("one.yaml"), text: "new one\n"),
                    .init(path: folder.file("two.yaml"), text: "new two\n"),
                ],
                removing: [folder.file("stale.yaml")], replace: true)
        }
        #expect(try Self.names(folder.path) == ["one.yaml", "stale.yaml", "two.yaml"])
        #expect(try Self.text(folder.file("one.yaml")) == "old one\n")
        #expect(try Self.text(folder.file("stale.yaml")) == "stale\n")
    }

    @Test func aFailedStageWritesNothing() throws {
        // The second file's folder cannot be made: a plain file stands in its way.
        let folder = try FixtureFolder(["blocker": "a file\n"])
        #expect(throws: AtomicFileWriter.Failure.self) {
            try AtomicFileWriter.writeAll(
                [
                    .init(path: folder.file("one.yaml"), text: "one\n"),
                    .init(path: folder.file("blocker/two.yaml"), text: "two\n"),
                ],
                replace: false)
        }
        #expect(try Self.names(folder.path) == ["blocker"])
    }

    @Test func nothingIsReplacedWithoutReplace() throws {
        let folder = try FixtureFolder(["two.yaml": "mine\n"])
        #expect(throws: AtomicFileWriter.Failure.self) {
            try AtomicFileWriter.writeAll(
                [
                    .init(path: folder.file("one.yaml"), text: "one\n"),
                    .init(path: folder.file("two.yaml"), text: "two\n"),
                ],
                replace: false)
        }
        #expect(try Self.names(folder.path) == ["two.yaml"])
        #expect(try Self.text(folder.file("two.yaml")) == "mine\n")
    }
}
