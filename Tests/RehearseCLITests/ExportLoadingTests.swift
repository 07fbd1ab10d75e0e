import Foundation
import RehearseTestSupport
import Testing

/// `rehearse export` reads a quiz as `take` does (its file, the scenarios it lists and its
/// draws' pools), and falls back to loading the whole bank when those files have findings, so
/// a broken quiz is reported as before.
@Suite struct ExportLoadingTests {
    static func scenario(_ id: String, channel: String, prompt: String) -> String {
        """
        id: \(id)
        title: \(id)
        channel: \(channel)
        steps:
          - id: one
            kind: truefalse
            prompt: \(prompt)
            answer: true
        """
    }

    static let files: [String: String] = [
        "quizzes/listed.yaml": """
        id: listed
        title: Listed
        items:
          - scenario: alpha
        """,
        "quizzes/drawn.yaml": """
        id: drawn
        title: Drawn
        items:
          - draw: 1
            from: {channel: chat}
        """,
        "scenarios/phone/alpha.yaml": scenario("alpha", channel: "phone", prompt: "Alpha here?"),
        "scenarios/chat/beta.yaml": scenario("beta", channel: "chat", prompt: "Beta here?"),
        "scenarios/chat/gamma.yaml": scenario("gamma", channel: "chat", prompt: "Gamma here?"),
    ]

    @Test func aBrokenFileTheQuizDoesNotUseIsNeverRead() throws {
        var files = Self.files
        files["scenarios/phone/broken.yaml"] = "id: [unclosed\n"
        let bank = try FixtureFolder(files)
        let result = try CLI.run(["export", "listed", "--to", "gift", "--bank", bank.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("::alpha-one::Alpha here? {TRUE}"))
        #expect(!result.stderr.contains("error"), "\(result.stderr)")
    }

    @Test func aBrokenFileOfTheQuizIsReportedAsByAWholeLoad() throws {
        var files = Self.files
        files["scenarios/phone/alpha.yaml"] =
            Self.scenario(
                "alpha", channel: "phone", prompt: "Alpha here?") + "\n    hnt: typo\n"
        let bank = try FixtureFolder(files)
        for format in ["gift", "moodle-xml"] {
            let result = try CLI.run(["export", "listed", "--to", format, "--bank", bank.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stderr.contains(
                    "the bank has 1 error; `rehearse check` lists them. Exporting what loaded."))
            #expect(result.stdout.contains("Alpha here?"))
        }
        let unknown = try CLI.run(["export", "lsted", "--to", "gift", "--bank", bank.path])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no quiz 'lsted' in the bank (did you mean 'listed'?)"))
    }

    @Test func aScenarioInAFileOfAnotherNameIsFound() throws {
        var files = Self.files
        files["scenarios/phone/alpha.yaml"] = nil
        files["scenarios/phone/first.yaml"] = Self.scenario(
            "alpha", channel: "phone", prompt: "Alpha here?")
        let bank = try FixtureFolder(files)
        let result = try CLI.run(["export", "listed", "--to", "gift", "--bank", bank.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("::alpha-one::Alpha here? {TRUE}"))
    }

    @Test func aDrawExportsItsWholePoolInBankOrder() throws {
        let bank = try FixtureFolder(Self.files)
        let result = try CLI.run(["export", "drawn", "--to", "gift", "--bank", bank.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("drawn: a draw of 1 from 2 scenarios"))
        let beta = try #require(result.stdout.range(of: "::beta-one::Beta here? {TRUE}"))
        let gamma = try #require(result.stdout.range(of: "::gamma-one::Gamma here? {TRUE}"))
        #expect(beta.lowerBound < gamma.lowerBound)
        #expect(!result.stdout.contains("Alpha"))
    }
}
