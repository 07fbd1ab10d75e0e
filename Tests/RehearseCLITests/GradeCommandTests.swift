import Foundation
import Testing

/// End to end: `rehearse grade` on the sample bank and the example cohort.
@Suite struct GradeCommandTests {
    static let cohort = "examples/week-one-cohort.csv"

    func json(_ result: CLIResult) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(object as? [String: Any])
    }

    func learner(_ report: [String: Any], _ id: String) throws -> [String: Any] {
        let learners = try #require(report["learners"] as? [[String: Any]])
        return try #require(learners.first { $0["learner"] as? String == id })
    }

    @Test func theExampleCohortGradesWithExactScores() throws {
        let result = try CLI.run(["grade", Self.cohort, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result)
        #expect(report["quiz"] as? String == "week-one")
        let amara = try learner(report, "amara.okafor@example.com")
        #expect(amara["score"] as? Double == 47)
        #expect(amara["max"] as? Double == 47)
        #expect(amara["percent"] as? Double == 100)
        #expect(amara["passed"] as? Bool == true)
        let ben = try learner(report, "ben.whitfield@example.com")
        #expect(ben["score"] as? Double == 42.75)
        #expect(abs((ben["percent"] as? Double ?? 0) - 42.75 / 47 * 100) < 1e-6)
        let competencies = try #require(ben["competencies"] as? [String: Double])
        #expect(competencies["product-knowledge"] == 95)
        #expect(competencies["above-and-beyond"] == 87.5)
        let jonas = try learner(report, "jonas.berg@example.net")
        #expect(jonas["passed"] as? Bool == false)
        #expect(abs((jonas["score"] as? Double ?? 0) - 19.833333333) < 1e-6)
        // Ines answered steps off her path: reported as ignored.
        let ines = try learner(report, "ines.carvalho@example.com")
        #expect(
            ines["ignored"] as? [String] == [
                "late-sofa-delivery/recover", "store-return-no-receipt/card-lookup",
            ])
        let notes = try #require(report["notes"] as? [String])
        // Timestamp and Full name are read (a time, a display name); Score is the tool's own.
        #expect(notes.contains { $0.contains("not graded: Score") })
        #expect(amara["name"] as? String == "Amara Okafor")
        let test = try #require(report["test"] as? [String: Any])
        #expect(test["learners"] as? Int == 12)
    }

    @Test func everyFormat() throws {
        let table = try CLI.run(["grade", Self.cohort])
        #expect(table.status == 0)
        #expect(table.stdout.contains("Quiz week-one: Week one at Northwind Home"))
        #expect(table.stdout.contains("amara.okafor@example.com"))
        let markdown = try CLI.run(["grade", Self.cohort, "--format", "markdown"])
        #expect(markdown.stdout.contains("## Item analysis"))
        let csv = try CLI.run(["grade", Self.cohort, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("learner,name,score,max,percent,passed"))
        let items = try CLI.run(["grade", Self.cohort, "--format", "csv", "--table", "items"])
        #expect(items.stdout.contains("week-one/first-words,12,2,"))
        let folder = try TemporaryBank([:])
        let file = folder.url.appendingPathComponent("report.html")
        let html = try CLI.run(["grade", Self.cohort, "--format", "html", "-o", file.path])
        #expect(html.status == 0)
        #expect(html.stdout.isEmpty)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("<svg") && text.contains("Item analysis"))
    }

    @Test func rejectedRowsExitOne() throws {
        let folder = try TemporaryBank([
            "sheet.csv": """
            learner,question,answer
            ana@example.com,week-one/return-window,a month
            ana@example.com,week-one/first-words,a

            """
        ])
        let sheet = folder.url.appendingPathComponent("sheet.csv").path
        let result = try CLI.run(["grade", sheet, "--quiz", "week-one", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("sheet.csv:2:3: rejected: week-one/return-window"))
        let report = try json(result)
        let rejected = try #require(report["rejected"] as? [[String: Any]])
        #expect(rejected.count == 1)
        #expect(rejected[0]["line"] as? Int == 2)
        #expect(rejected[0]["column"] as? Int == 3)
        #expect(try learner(report, "ana@example.com")["score"] as? Double == 2)
    }

    @Test func emptyAndUnreadableSheets() throws {
        let folder = try TemporaryBank([
            "header.csv": "learner,quiz,question,answer\n",
            "bad.json": "{\"not\": \"an attempt\"}",
        ])
        let header = folder.url.appendingPathComponent("header.csv").path
        let empty = try CLI.run(["grade", header, "--quiz", "week-one", "--format", "json"])
        #expect(empty.status == 0)
        #expect(try json(empty)["learners"] as? [Any] != nil)
        // Nothing to grade but a rejected file: the row is reported, exit 1.
        let bad = try CLI.run(["grade", folder.url.appendingPathComponent("bad.json").path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.json:1:1: rejected: not a recorded attempt"))
    }

    @Test func usageErrors() throws {
        #expect(try CLI.run(["grade", Self.cohort, "--format", "pdf"]).status == 64)
        #expect(try CLI.run(["grade", "no-such-sheet.csv"]).status == 2)
        #expect(try CLI.run(["grade", Self.cohort, "--quiz", "no-such-quiz"]).status == 64)
    }

    @Test func updateProgressRecordsEachLearner() throws {
        let folder = try TemporaryBank([
            "sheet.csv": """
            learner,quiz,question,answer
            ana@example.com,week-one,week-one/first-words,a
            ../evil,week-one,week-one/first-words,b

            """
        ])
        let data = folder.url.appendingPathComponent("data")
        let result = try CLI.run(
            [
                "grade", folder.url.appendingPathComponent("sheet.csv").path, "--update-progress",
                "--data-dir", data.path, "--format", "json",
            ], environment: ["REHEARSE_NOW": "2026-03-02T10:00:00Z"])
        // The invalid learner id is skipped and reported.
        #expect(result.status == 1)
        #expect(result.stderr.contains("invalid learner id"))
        let progress = data.appendingPathComponent("progress/ana@example.com.json")
        #expect(FileManager.default.fileExists(atPath: progress.path))
        let text = try String(contentsOf: progress, encoding: .utf8)
        #expect(text.contains("week-one/first-words"))
        // Grading again replaces the attempt (same id) rather than adding a second one.
        _ = try CLI.run(
            [
                "grade", folder.url.appendingPathComponent("sheet.csv").path, "--update-progress",
                "--data-dir", data.path,
            ], environment: ["REHEARSE_NOW": "2026-03-02T10:00:00Z"])
        let again = try String(contentsOf: progress, encoding: .utf8)
        #expect(
            again.components(separatedBy: "\"grade-").count
                == text.components(separatedBy: "\"grade-").count)
    }

    /// A sheet of 1,500 learners who each answered the same question twice: the 1,500 second
    /// answers are rejected (exit 1), 1,000 are listed on standard error, the first in the
    /// sheet, and one line counts the 500 others.
    @Test func rejectedRowsPastTheLimitAreCountedNotListed() throws {
        var text = "learner,quiz,question,answer\n"
        for learner in 0..<1500 {
            text += "l\(learner)@example.com,week-one,week-one/let-them-finish,false\n"
            text += "l\(learner)@example.com,week-one,week-one/let-them-finish,true\n"
        }
        let folder = try TemporaryBank(["twice.csv": text])
        let sheet = folder.url.appendingPathComponent("twice.csv").path
        let result = try CLI.run(["grade", sheet, "--format", "json"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        let listed = lines.filter { $0.contains(": rejected: a second answer from") }
        #expect(listed.count == 1000)
        #expect(listed.first?.hasPrefix("\(sheet):3:4: rejected: a second answer from l0@") == true)
        #expect(listed.last?.hasPrefix("\(sheet):2001:4: rejected:") == true)
        let note = "\(sheet): 500 more rejected row(s) not listed (the first 1000 in the sheet are)"
        #expect(lines.contains(Substring(note)))
        let report = try json(result)
        #expect((report["rejected"] as? [[String: Any]])?.count == 1000)
        #expect((report["learners"] as? [[String: Any]])?.count == 1500)
    }
}
