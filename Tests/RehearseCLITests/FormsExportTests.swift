import Foundation
import Testing

/// End to end: `rehearse grade` on the Google Forms and Microsoft Forms exports in
/// `examples/forms`, made from the example cohort's answers: they grade with no rejected cell
/// and every learner's score equals the one the cohort's own sheet gives.
@Suite struct FormsExportTests {
    static let google = "examples/forms/google-forms.csv"
    static let microsoft = "examples/forms/microsoft-forms.csv"

    func report(_ arguments: [String]) throws -> (CLIResult, [String: Any]) {
        let result = try CLI.run(["grade"] + arguments + ["--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return (result, try #require(object as? [String: Any]))
    }

    func scores(_ report: [String: Any]) throws -> [String: Double] {
        let learners = try #require(report["learners"] as? [[String: Any]])
        var result: [String: Double] = [:]
        for learner in learners {
            let id = try #require(learner["learner"] as? String)
            result[id] = try #require(learner["score"] as? Double)
        }
        return result
    }

    @Test(arguments: [google, microsoft])
    func exportGradesLikeTheCohortSheet(_ sheet: String) throws {
        let (result, exported) = try report([sheet])
        #expect(result.status == 0, "\(result.stderr)")
        #expect((exported["rejected"] as? [Any])?.isEmpty == true)
        let (_, cohort) = try report([GradeCommandTests.cohort])
        let expected = try scores(cohort)
        let got = try scores(exported)
        #expect(got.count == 12)
        for (learner, score) in expected {
            #expect(abs((got[learner] ?? -1) - score) < 1e-9, "\(learner)")
        }
        let learners = try #require(exported["learners"] as? [[String: Any]])
        let amara = try #require(
            learners.first { $0["learner"] as? String == "amara.okafor@example.com" })
        #expect(amara["name"] as? String == "Amara Okafor")
        let help = try #require(exported["needsHelp"] as? [[String: Any]])
        #expect(
            help.compactMap { $0["name"] as? String } == [
                "Elif Yilmaz", "Jonas Berg", "Hugo Martins",
            ])
    }

    @Test func aSecondSubmissionGivesOneNoteAndTheAttemptChosen() throws {
        // Elif sent the Google form twice; the earlier response answered two questions, wrongly.
        let (last, lastReport) = try report([Self.google])
        #expect(last.status == 0)
        let notes = try #require(lastReport["notes"] as? [String])
        #expect(notes.filter { $0.contains("answered more than once") }.count == 1)
        #expect(try scores(lastReport)["elif.yilmaz@example.net"] == 6.083333333)
        let (_, first) = try report([Self.google, "--attempt", "first"])
        #expect(try scores(first)["elif.yilmaz@example.net"] == 0)
        let (_, best) = try report([Self.google, "--attempt", "best"])
        #expect(try scores(best)["elif.yilmaz@example.net"] == 6.083333333)
    }

    @Test func anUnknownColumnExitsOneNamingIt() throws {
        let text = try String(
            contentsOfFile: CLI.packageRoot.appendingPathComponent(Self.google).path,
            encoding: .utf8)
        let renamed = text.replacingOccurrences(
            of: "Write the last thing you say to Maria before the call ends.",
            with: "Favourite colour of the sofa")
        let folder = try TemporaryBank(["form.csv": renamed])
        let path = folder.url.appendingPathComponent("form.csv").path
        let result = try CLI.run(["grade", path, "--format", "json"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "form.csv:1:13: rejected: column \"Favourite colour of the sofa\" is not a question "
                    + "of `week-one`"), "\(result.stderr)")
        // A header off by a little is taken for its question, with a note.
        let near = text.replacingOccurrences(
            of: "Write the last thing you say to Maria before the call ends.",
            with: "Q9. Write the last thing you say to Maria before the call ends *"
        )
        .replacingOccurrences(
            of: "How many days from delivery does a customer have to return an item?",
            with: "How many days from delivery does a customer have to return an item")
        let nearFolder = try TemporaryBank(["form.csv": near])
        let (nearResult, nearReport) = try report([
            nearFolder.url.appendingPathComponent("form.csv").path
        ])
        #expect(nearResult.status == 0, "\(nearResult.stderr)")
        let notes = try #require(nearReport["notes"] as? [String])
        #expect(notes.contains { $0.contains("taken for `week-one/return-window`") })
        #expect(try scores(nearReport) == scores(try report([Self.google]).1))
    }

    @Test func marksTableIsWhatStatsReads() throws {
        let folder = try TemporaryBank([:])
        let marks = folder.url.appendingPathComponent("marks.csv").path
        let written = try CLI.run([
            "grade", Self.microsoft, "--format", "csv", "--table", "marks", "-o", marks,
        ])
        #expect(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOfFile: marks, encoding: .utf8)
        #expect(text.hasPrefix("learner,week-one/first-words,"))
        let stats = try CLI.run(["stats", marks, "--format", "json"])
        #expect(stats.status == 0, "\(stats.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 30)
        // The learners table is read for its items too, never its totals.
        let learners = folder.url.appendingPathComponent("learners.csv").path
        _ = try CLI.run(["grade", Self.microsoft, "--format", "csv", "-o", learners])
        let fromLearners = try CLI.run(["stats", learners, "--format", "json"])
        #expect(fromLearners.status == 0, "\(fromLearners.stderr)")
        let second = try #require(
            try JSONSerialization.jsonObject(with: Data(fromLearners.stdout.utf8)) as? [String: Any]
        )
        let refs = (second["items"] as? [[String: Any]])?.compactMap { $0["ref"] as? String } ?? []
        #expect(refs == items.compactMap { $0["ref"] as? String })
    }

    @Test func everyReportOpensWithWhoNeedsHelp() throws {
        let table = try CLI.run(["grade", Self.google], environment: ["COLUMNS": "100"])
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.dropFirst(2).first?.hasPrefix("Needs help (3") == true)
        let folder = try TemporaryBank([:])
        let file = folder.url.appendingPathComponent("report.html")
        _ = try CLI.run(["grade", Self.google, "--format", "html", "-o", file.path])
        let html = try String(contentsOf: file, encoding: .utf8)
        let help = try #require(html.range(of: "<h2>Needs help</h2>"))
        let learners = try #require(html.range(of: "<h2>Learners</h2>"))
        let items = try #require(html.range(of: "<h2>Item analysis</h2>"))
        #expect(help.lowerBound < learners.lowerBound && learners.lowerBound < items.lowerBound)
        #expect(!html.contains("`"))
        let markdown = try CLI.run(["grade", Self.google, "--format", "markdown"])
        #expect(markdown.stdout.contains("## Needs help\n"))
        let first = try #require(markdown.stdout.range(of: "## Needs help"))
        let then = try #require(markdown.stdout.range(of: "## Learners"))
        #expect(first.lowerBound < then.lowerBound)
    }
}
