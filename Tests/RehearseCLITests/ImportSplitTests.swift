import Foundation
import RehearseTestSupport
import Testing

/// `rehearse import` of a bank too large for one quiz file: parts that pass `check --strict`.
@Suite struct ImportSplitTests {
    /// A GIFT text of `count` questions of several kinds, in a new category every 50, every
    /// one importable.
    static func gift(questions count: Int) -> String {
        var text = "// Generated\n"
        for index in 0..<count {
            if index % 50 == 0 { text += "$CATEGORY: $course$/top/Service/Topic \(index / 50)\n\n" }
            text += "// [id:q\(index)] [tag:generated]\n::Question \(index)::"
            switch index % 5 {
            case 0:
                text +=
                    "A caller is upset about order \(index). First?{\n  =Listen#Right.\n"
                    + "  ~%50%Apologise#Partly.\n  ~Transfer#No.\n  ####Listen first.\n}\n\n"
            case 1: text += "Refunds need a receipt (\(index)).{TRUE#Check.#Yes.}\n\n"
            case 2: text += "One word for money back (\(index)).{=refund =reimbursement}\n\n"
            case 3: text += "Days for delivery of parcel \(index)?{#3:1}\n\n"
            default:
                text += "Security details for \(index)?{~%50%postcode ~%50%account ~%-100%pet}\n\n"
            }
        }
        return text
    }

    @Test func tenThousandQuestionsImportAsPartsThatPassStrictCheck() throws {
        let folder = try FixtureFolder(["big.gift": Self.gift(questions: 10_000)])
        let bank = folder.file("bank")
        let dry = try CLI.run(["import", folder.file("big.gift"), "--into", bank, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("parts, quizzes/big-part-1.yaml ... quizzes/big-part-"))
        #expect(dry.stdout.contains("part 1 of "))
        #expect(!FileManager.default.fileExists(atPath: bank))

        let result = try CLI.run(["import", folder.file("big.gift"), "--into", bank])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == dry.stdout)
        #expect(result.stdout.contains("10000 imported"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.file("bank/quizzes"))
        #expect(names.count > 1)
        #expect(names.sorted() == (1...names.count).map { "big-part-\($0).yaml" }.sorted())
        #expect(result.stdout.contains("part \(names.count) of \(names.count) quizzes/big-part-"))
        let check = try CLI.run(["check", "--strict", "--bank", bank])
        #expect(check.status == 0, "\(check.stdout)")
        let list = try CLI.run(["list", "--bank", bank])
        #expect(list.stdout.contains("(part 1 of \(names.count))"), "\(list.stdout)")

        // A smaller bank of the same name now fits one file: refused without --force; with
        // it the parts make way for the one file.
        try folder.write("big.gift", Self.gift(questions: 100))
        let refused = try CLI.run(["import", folder.file("big.gift"), "--into", bank])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("an earlier import of quiz 'big'"), "\(refused.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.file("bank/quizzes")).count
                == names.count)
        let dryForce = try CLI.run([
            "import", folder.file("big.gift"), "--into", bank, "--force", "--dry-run",
        ])
        #expect(dryForce.stdout.contains("would remove quizzes/big-part-1.yaml"))
        let forced = try CLI.run(["import", folder.file("big.gift"), "--into", bank, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("-> quizzes/big.yaml: 100 imported"))
        #expect(forced.stdout.contains("removed quizzes/big-part-\(names.count).yaml"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.file("bank/quizzes"))
                == ["big.yaml"])
        #expect(try CLI.run(["check", "--strict", "--bank", bank]).status == 0)
    }

    @Test func twoFilesOfOneQuizIDAreNotBothWritten() throws {
        let text = "::a::Fine?{T}\n"
        let folder = try FixtureFolder(["one/same.gift": text, "two/same.gift": text])
        let bank = folder.file("bank")
        let result = try CLI.run([
            "import", folder.file("one/same.gift"), folder.file("two/same.gift"), "--into", bank,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("two files of this import give the quiz id 'same'"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.file("bank/quizzes"))
                == ["same.yaml"])
    }
}
