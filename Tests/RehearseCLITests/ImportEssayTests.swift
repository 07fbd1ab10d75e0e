import Foundation
import RehearseTestSupport
import Testing

/// `rehearse import --essay-as-text`: essays in GIFT and Moodle XML become text questions that
/// accept any answer, noted, in a bank that passes `check --strict`; without the flag they are
/// skipped and the reason names it.
@Suite struct ImportEssayTests {
    static let gift = """
        // [points:2]
        ::Broken parcel::A customer writes that the vase arrived in pieces. Write your reply.{
        ####Apologise and offer a replacement.}

        ::Closing a call::Describe how you close a call with an upset customer.{}
        """

    static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
          <question type="essay">
            <name><text>Late refund</text></name>
            <questiontext format="html"><text><![CDATA[<p>A refund is <b>two weeks</b> late. Write your reply.</p>]]></text></questiontext>
            <generalfeedback format="html"><text>Own the delay.</text></generalfeedback>
            <defaultgrade>4</defaultgrade>
            <graderinfo format="html"><text><![CDATA[<p>Sorry for the wait: the refund was sent today.</p>]]></text></graderinfo>
          </question>
        </quiz>
        """

    static let note =
        "essay imported as a text question that accepts any answer: add accepted answers or a "
        + "rubric to score it"

    @Test func essaysImportAsTextWithTheFlagAndTheBankPassesStrictCheck() throws {
        let files = try FixtureFolder(["complaints.gift": Self.gift, "refunds.xml": Self.xml])
        let result = try CLI.run([
            "import", files.file("complaints.gift"), files.file("refunds.xml"), "--into",
            files.file("bank"), "--essay-as-text",
        ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stdout.contains("-> quizzes/complaints.yaml: 2 imported (2 text), 0 skipped"))
        #expect(result.stdout.contains("-> quizzes/refunds.yaml: 1 imported (1 text), 0 skipped"))
        #expect(
            result.stdout.contains(
                "  note    \(files.file("complaints.gift")):2: broken-parcel: \(Self.note)"))
        #expect(
            result.stdout.contains(
                "  note    \(files.file("complaints.gift")):5: closing-a-call: \(Self.note)"))
        #expect(
            result.stdout.contains(
                "  note    \(files.file("refunds.xml")):3: late-refund: \(Self.note)"))
        let yaml = try String(
            contentsOfFile: files.file("bank/quizzes/refunds.yaml"), encoding: .utf8)
        #expect(yaml.contains("      points: 4\n"), "\(yaml)")
        #expect(
            yaml.contains(
                "      explanation: |-\n        Sorry for the wait: the refund was sent today.\n\n"
                    + "        Own the delay.\n"), "\(yaml)")
        #expect(yaml.contains("      patterns:\n        - '\\S'\n"), "\(yaml)")
        let check = try CLI.run(["check", "--strict", "--bank", files.file("bank")])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func withoutTheFlagEssaysAreSkippedAndTheReasonNamesIt() throws {
        let files = try FixtureFolder(["complaints.gift": Self.gift, "refunds.xml": Self.xml])
        let result = try CLI.run([
            "import", files.file("complaints.gift"), files.file("refunds.xml"), "--into",
            files.file("bank"),
        ])
        #expect(result.status == 1)
        let reason =
            "an essay: a text question needs accepted answers, patterns or a rubric "
            + "(--essay-as-text imports it as one that accepts any answer)"
        #expect(result.stdout.contains("skipped \(files.file("complaints.gift")):2: \(reason)"))
        #expect(result.stdout.contains("skipped \(files.file("complaints.gift")):5: \(reason)"))
        #expect(result.stdout.contains("skipped \(files.file("refunds.xml")):3: \(reason)"))
        #expect(!FileManager.default.fileExists(atPath: files.file("bank/quizzes")))
    }

    @Test func helpListsTheFlag() throws {
        let help = try CLI.run(["import", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--essay-as-text"))
        // ArgumentParser wraps the help; compare the words.
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("--essay-as-text Import essays as text questions that accept any"))
    }

    @Test(arguments: ["gift", "moodle-xml"])
    func sampleQuizzesExportAndImportBackWithNothingSkipped(format: String) throws {
        let folder = try FixtureFolder([:])
        var files: [String] = []
        for quiz in ["empathy-essentials", "above-and-beyond", "remote-support"] {
            let file = folder.file("\(quiz).\(format == "gift" ? "gift" : "xml")")
            let export = try CLI.run(["export", quiz, "--to", format, "-o", file])
            #expect(export.status == 0, "\(export.stderr)")
            files.append(file)
        }
        let imported = try CLI.run(
            ["import"] + files + ["--into", folder.file("bank"), "--essay-as-text"])
        // Rubric questions come back as essays: imported as text, each with a note.
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.contains(Self.note))
        let check = try CLI.run(["check", "--strict", "--bank", folder.file("bank")])
        #expect(check.status == 0, "\(check.stdout)")
    }
}
