import Foundation
import RehearseTestSupport
import Testing

/// `rehearse import` and `rehearse export` on files: the examples, the sample bank, bad input.
@Suite struct ImportExportTests {
    static let examples = CLI.packageRoot.appendingPathComponent("examples/moodle")
    static let gift = examples.appendingPathComponent("service-basics.gift").path
    static let xml = examples.appendingPathComponent("service-chat.xml").path

    @Test func examplesImportIntoABankThatPassesStrictCheck() throws {
        let bank = try FixtureFolder([:])
        let result = try CLI.run(["import", Self.gift, Self.xml, "--into", bank.path])
        #expect(result.status == 1, "\(result.stderr)")  // the examples hold an essay and more
        #expect(result.stdout.contains("-> quizzes/service-basics.yaml: 7 imported"))
        #expect(result.stdout.contains("-> quizzes/service-chat.yaml: 6 imported"))
        #expect(result.stdout.contains("skipped \(Self.gift):33: an essay"))
        #expect(result.stdout.contains("skipped \(Self.xml):59: a description"))
        let check = try CLI.run(["check", "--strict", "--bank", bank.path])
        #expect(check.status == 0, "\(check.stdout)")
        let names = try FileManager.default.contentsOfDirectory(atPath: bank.file("quizzes"))
        #expect(names.sorted() == ["service-basics.yaml", "service-chat.yaml"])
    }

    @Test func neverOverwritesWithoutForce() throws {
        let bank = try FixtureFolder(["quizzes/service-chat.yaml": "# mine\n"])
        let refused = try CLI.run(["import", Self.xml, "--into", bank.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("exists (use --force to replace it)"))
        #expect(
            try String(contentsOfFile: bank.file("quizzes/service-chat.yaml"), encoding: .utf8)
                == "# mine\n")
        let forced = try CLI.run(["import", Self.xml, "--into", bank.path, "--force"])
        #expect(forced.status == 1)
        #expect(
            try String(contentsOfFile: bank.file("quizzes/service-chat.yaml"), encoding: .utf8)
                .contains("id: service-chat"))
    }

    @Test func dryRunWritesNothing() throws {
        let bank = try FixtureFolder([:])
        let result = try CLI.run([
            "import", Self.gift, "--into", bank.path, "--dry-run", "--quiz", "basics",
        ])
        #expect(result.status == 1)
        #expect(result.stdout.contains("-> quizzes/basics.yaml"))
        #expect(!FileManager.default.fileExists(atPath: bank.file("quizzes")))
    }

    @Test func everythingImportedExitsZero() throws {
        let files = try FixtureFolder(["ok.gift": "::a::Fine?{T}\n\n::b::Days?{#5}\n"])
        let result = try CLI.run(["import", files.file("ok.gift"), "--into", files.file("bank")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 imported (1 truefalse, 1 number), 0 skipped"))
    }

    @Test(arguments: [
        (
            "notes.txt", "Dear team,\n\nlunch at noon.\n",
            "notes.txt:1: not a GIFT or Moodle XML file"
        ),
        ("broken.xml", "<quiz>\n<question>\n</quiz>\n", "broken.xml:3: broken XML"),
        (
            "bomb.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE q [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>\n<quiz>&b;</quiz>\n",
            "bomb.xml:2: the XML declares a document type"
        ),
        (
            "external.xml",
            "<!DOCTYPE quiz [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><quiz>&x;</quiz>",
            "external.xml:1: the XML declares a document type"
        ),
    ])
    func unreadableInputIsAClearErrorAtItsLine(name: String, text: String, message: String) throws {
        let files = try FixtureFolder([name: text])
        let result = try CLI.run(["import", files.file(name), "--into", files.file("bank")])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: files.file("bank")))
    }

    @Test func invalidUTF8AndHugeFilesAreRefused() throws {
        let files = try FixtureFolder([:])
        var bytes = Array("::a::Fine?{T}\n\n::b::".utf8)
        bytes += [0xFF, 0xFE]
        try Data(bytes).write(to: URL(fileURLWithPath: files.file("bad.gift")))
        let bad = try CLI.run(["import", files.file("bad.gift"), "--into", files.file("bank")])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.gift:3: the file is not valid UTF-8"))
        // A sparse 50 MB file: refused by its size before it is read.
        _ = FileManager.default.createFile(atPath: files.file("huge.gift"), contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: files.file("huge.gift")))
        try handle.truncate(atOffset: 50_000_000)
        try handle.close()
        let huge = try CLI.run(["import", files.file("huge.gift"), "--into", files.file("bank")])
        #expect(huge.status == 2)
        #expect(huge.stderr.contains("over the 16 MiB an import reads"))
    }

    @Test func unclosedBraceSkipsThatQuestionAtItsLine() throws {
        let files = try FixtureFolder(["open.gift": "::a::Fine?{T}\n\n::b::Open {=a ~b\n"])
        let result = try CLI.run(["import", files.file("open.gift"), "--into", files.file("bank")])
        #expect(result.status == 1)
        #expect(result.stdout.contains("open.gift:3: the answer block is not closed"))
    }

    @Test func unwritableBankLeavesNothingHalfWritten() throws {
        let bank = try FixtureFolder(["quizzes": "a file where the folder should be\n"])
        let result = try CLI.run(["import", Self.gift, "--into", bank.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: bank.path) == ["quizzes"])
    }

    @Test func usageErrors() throws {
        #expect(try CLI.run(["import", Self.gift]).status == 64)
        #expect(try CLI.run(["import", "--into", "x"]).status == 64)
        #expect(try CLI.run(["import", Self.gift, "--into", "x", "--quiz", "Bad_Id"]).status == 64)
        #expect(
            try CLI.run(["import", Self.gift, "--into", "x", "--competency", "nope"]).status == 64)
        #expect(try CLI.run(["export", "week-one", "--to", "pdf"]).status == 64)
    }

    @Test func exportWritesGiftAndListsWhatItCannotHold() throws {
        let result = try CLI.run(["export", "week-one", "--to", "gift"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("::first-words::"))
        #expect(result.stdout.contains("$CATEGORY: week-one/late-sofa-delivery"))
        #expect(result.stderr.contains("late-sofa-delivery/greet: branching not carried"))
        #expect(result.stderr.contains("week-one/complaint-steps: an order question"))
        let unknown = try CLI.run(["export", "week-on", "--to", "gift"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("did you mean 'week-one'?"))
    }

    @Test(arguments: ["gift", "moodle-xml"])
    func everySampleQuizExportsAndImportsBackClean(format: String) throws {
        let folder = try FixtureFolder([:])
        let quizzes = [
            "week-one", "empathy-essentials", "product-knowledge-check", "above-and-beyond",
            "remote-support", "daily-drill",
        ]
        var files: [String] = []
        for quiz in quizzes {
            let file = folder.file("\(quiz).\(format == "gift" ? "gift" : "xml")")
            let export = try CLI.run(["export", quiz, "--to", format, "-o", file])
            #expect(export.status == 0, "\(export.stderr)")
            files.append(file)
        }
        let imported = try CLI.run(["import"] + files + ["--into", folder.file("bank")])
        #expect(imported.status == 1)  // rubric questions come back as essays, skipped
        #expect(!imported.stdout.contains("not closed"))
        let check = try CLI.run(["check", "--strict", "--bank", folder.file("bank")])
        #expect(check.status == 0, "\(check.stdout)")
    }
}
