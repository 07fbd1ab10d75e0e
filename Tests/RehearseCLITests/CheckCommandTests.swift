import Foundation
import Testing

/// End to end: the built binary on files, its output and its exit code.
@Suite struct CheckCommandTests {
    static let goodScenario = """
        id: greet
        title: Greeting
        competencies: [empathy]
        steps:
          - id: first
            kind: truefalse
            prompt: Smile on the phone?
            answer: true
        """

    static let brokenScenario = """
        id: broken
        title: Broken
        competencies: [empathy]
        steps:
          - id: first
            kind: truefalse
            prompt: Smile on the phone?
            answer: yes
            feeback: typo
        """

    @Test func theSampleBankIsCleanEvenWhenStrict() throws {
        let result = try CLI.run(["check", "--strict"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("no problems found"))
        #expect(result.stderr.isEmpty)
    }

    @Test func errorsExitOneWithFileLineColumnRuleAndHint() throws {
        let bank = try TemporaryBank([
            "scenarios/greet.yaml": Self.goodScenario, "scenarios/broken.yaml": Self.brokenScenario,
        ])
        let result = try CLI.run(["check", "--bank", "."], in: bank.url)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "scenarios/broken.yaml:8:13: error: `answer` of step `first` must be true or false, found `yes` [invalid-boolean]"
            ))
        #expect(lines.contains("  hint: write true (without quotes)"))
        #expect(
            lines.contains {
                $0.hasPrefix("scenarios/broken.yaml:9:5: error: unknown key `feeback`")
                    && $0.hasSuffix("[unknown-key]")
            })
        #expect(lines.last == "2 errors, 0 warnings in 2 files")
        #expect(!result.stdout.contains("\u{1B}["), "no colour codes in a pipe")
    }

    @Test func warningsFailOnlyWhenStrict() throws {
        let bank = try TemporaryBank(["scenarios/other-name.yaml": Self.goodScenario])
        let relaxed = try CLI.run(["check"], in: bank.url)
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("warning: id `greet` differs from the file name"))
        let strict = try CLI.run(["check", "--strict"], in: bank.url)
        #expect(strict.status == 1)
    }

    @Test func anUnreadablePathExitsTwo() throws {
        let result = try CLI.run(["check", "no/such/file.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read no/such/file.yaml"))
    }

    @Test func aFolderThatIsNoBankExitsTwo() throws {
        let empty = try TemporaryBank([:])
        let result = try CLI.run(["check"], in: empty.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a bank"))
    }

    @Test func usageErrorsExitSixtyFour() throws {
        #expect(try CLI.run(["check", "--format", "xml"]).status == 64)
        #expect(try CLI.run(["check", "--no-such-flag"]).status == 64)
        let explain = try CLI.run(["check", "--explain", "unknown-kee"])
        #expect(explain.status == 64)
        #expect(explain.stderr.contains("did you mean 'unknown-key'"))
    }

    @Test func aSingleFileResolvesReferencesAgainstItsBank() throws {
        let bank = try TemporaryBank([
            "scenarios/greet.yaml": Self.goodScenario,
            "quizzes/week.yaml":
                "id: week\ntitle: Week\nitems:\n  - scenario: greet\n  - scenario: gone\n",
        ])
        let result = try CLI.run(["check", "quizzes/week.yaml"], in: bank.url)
        #expect(result.status == 1)
        #expect(
            result.stdout.contains("quizzes/week.yaml:5:15: error: no scenario has the id `gone`"))
        #expect(!result.stdout.contains("`greet`"))
        #expect(result.stdout.hasSuffix("1 error, 0 warnings in 1 file\n"))
    }

    @Test func everyFormatRendersTheFindings() throws {
        let bank = try TemporaryBank(["scenarios/broken.yaml": Self.brokenScenario])
        let json = try CLI.run(["check", "--format", "json"], in: bank.url)
        #expect(json.status == 1)
        let object =
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 2)
        let github = try CLI.run(["check", "--format", "github"], in: bank.url)
        #expect(
            github.stdout.hasPrefix(
                "::error file=scenarios/broken.yaml,line=8,col=13,title=invalid-boolean::"))
        let sarif = try CLI.run(["check", "--format", "sarif"], in: bank.url)
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
        let junit = try CLI.run(["check", "--format", "junit"], in: bank.url)
        #expect(junit.stdout.hasPrefix("<?xml"))
        #expect(junit.stdout.contains("failures=\"2\""))
        for result in [json, github, sarif, junit] { #expect(result.status == 1) }
    }

    @Test func explainShowsTheRuleAndItsExamples() throws {
        let result = try CLI.run(["check", "--explain", "unknown-key"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("unknown-key (error)"))
        #expect(result.stdout.contains("feeback: Good"))
        let list = try CLI.run(["check", "--list-rules"])
        #expect(list.stdout.split(separator: "\n").count >= 25)
    }

    @Test func hostileFileGetsAFindingNotACrash() throws {
        var laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...40 {
            laughs +=
                "a\(level): &a\(level) ["
                + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let bank = try TemporaryBank(["scenarios/laughs.yaml": laughs])
        let result = try CLI.run(["check"], in: bank.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("[yaml-anchor]"))
    }
}

@Suite struct ListCommandTests {
    @Test func listsTheSampleBank() throws {
        let result = try CLI.run(["list"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Quizzes ("))
        #expect(result.stdout.contains("week-one"))
        #expect(!result.stdout.contains("Scenarios ("))  // a learner takes quizzes
        let all = try CLI.run(["list", "--all"])
        #expect(all.stdout.contains("Scenarios ("))
        #expect(all.stdout.contains("4 of 5"))  // steps on the best path of a branching one
    }

    @Test func listOutsideABankExitsTwo() throws {
        let empty = try TemporaryBank([:])
        let result = try CLI.run(["list"], in: empty.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a bank"))
    }
}

extension CheckCommandTests {
    @Test func aFolderWithoutYAMLFilesExitsTwo() throws {
        let bank = try TemporaryBank(["notes/readme.txt": "nothing"])
        let result = try CLI.run(["check", "notes"], in: bank.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read notes: no .yaml or .yml files in it"))
    }

    @Test func bankFoldersDecideTheRoleWhateverTheFoldersAbove() throws {
        let bank = try TemporaryBank([
            "scenarios/bank/quizzes/q.yaml": "id: q\ntitle: Q\nitems:\n  - scenario: s\n",
            "scenarios/bank/scenarios/s.yaml": CheckCommandTests.goodScenario.replacingOccurrences(
                of: "id: greet", with: "id: s"),
        ])
        let result = try CLI.run(["check", "--strict", "scenarios/bank"], in: bank.url)
        #expect(result.status == 0, "\(result.stdout)")
    }
}

extension CheckCommandTests {
    @Test func hiddenFoldersAreNotSearched() throws {
        let bank = try TemporaryBank([
            "scenarios/greet.yaml": CheckCommandTests.goodScenario,
            ".build/checkouts/junk.yaml": "id: [broken\n",
        ])
        let result = try CLI.run(["check", "--strict", "."], in: bank.url)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("in 1 file"))
    }
}
