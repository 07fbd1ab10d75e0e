import Foundation
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseGrading
@testable import RehearseProgress
@testable import RehearseScoring

@Suite("Grade reports")
struct GradeRenderingTests {
    static let hostile = "=HYPERLINK(\"http://x\")<script>alert(1)</script>|*x*"

    func report() throws -> GradeReport {
        let text = """
            learner,quiz,question,answer
            ana@example.com,q,late-delivery/greet,a
            ana@example.com,q,late-delivery/lookup,5 days
            ana@example.com,q,q/listen-first,false
            "\(Self.hostile.replacingOccurrences(of: "\"", with: "\"\""))",q,late-delivery/greet,b
            "\(Self.hostile.replacingOccurrences(of: "\"", with: "\"\""))",q,late-delivery/escalation,"<b>sorry</b>, manager"
            -1+1@example.com,q,q/listen-first,true
            """
        return try GradingFixtures.grade(text, bank: GradingFixtures.bank).1
    }

    @Test func jsonHasTheSpecNames() throws {
        let report = try report()
        let json = GradeRendering.render(report, format: .json)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        #expect(object["quiz"] as? String == "q")
        let learners = try #require(object["learners"] as? [[String: Any]])
        #expect(learners.count == 3)
        let first = learners[0]
        for key in ["learner", "score", "max", "percent", "passed", "competencies", "answers"] {
            #expect(first[key] != nil, "learners[].\(key)")
        }
        #expect(first["percent"] as? Double == 80)
        let answers = try #require(first["answers"] as? [[String: Any]])
        #expect(Set(answers[0].keys).isSuperset(of: ["ref", "answer", "score", "max"]))
        #expect(answers[0]["ref"] as? String == "late-delivery/greet")
        let items = try #require(object["items"] as? [[String: Any]])
        for key in [
            "ref", "facility", "sd", "discrimination", "efficiency", "unanswered", "options",
        ] {
            #expect(items[0][key] != nil, "items[].\(key)")
        }
        let options = try #require(items[0]["options"] as? [String: Int])
        #expect(options == ["a": 1, "b": 1])
        let test = try #require(object["test"] as? [String: Any])
        for key in ["learners", "mean", "median", "sd", "skewness", "kurtosis", "alpha", "sem"] {
            #expect(test[key] != nil, "test.\(key)")
        }
        #expect(object["rejected"] is [Any])
        // The learner text survives JSON escaping intact.
        #expect(learners[1]["learner"] as? String == Self.hostile)
    }

    @Test func csvNeutralisesFormulasAndKeepsNumbers() throws {
        let csv = String(decoding: GradeRendering.render(try report(), format: .csv), as: UTF8.self)
        let rows = try CSVParser.records(Array(csv.utf8), delimiter: UInt8(ascii: ",")).map(
            \.fields)
        #expect(rows[0].prefix(6) == ["learner", "name", "score", "max", "percent", "passed"])
        #expect(rows[1].prefix(6) == ["ana@example.com", "", "4", "5", "80", "true"])
        #expect(rows[2][0] == "'" + Self.hostile)
        #expect(rows[3][0] == "'-1+1@example.com")
        #expect(GradeCSV.text("@SUM(A1)") == "'@SUM(A1)")
        #expect(GradeCSV.text("\tx") == "'\tx")
        #expect(GradeCSV.text("\rx") == "\"'\rx\"")
        #expect(GradeCSV.text("plain") == "plain")
        #expect(GradeCSV.number(-0.25) == "-0.25")
        let items = String(
            decoding: GradeRendering.render(try report(), format: .csv, itemsTable: true),
            as: UTF8.self)
        #expect(items.hasPrefix("ref,attempts,max,facility,sd,discrimination"))
    }

    @Test func htmlIsSelfContainedAndEscaped() throws {
        let html = String(
            decoding: GradeRendering.render(try report(), format: .html), as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("=HYPERLINK(&quot;http://x&quot;)"))
        #expect(html.contains("<svg"))
        #expect(html.contains("Score distribution"))
        #expect(html.contains("Competency profile"))
        #expect(html.contains("pass 50%"))
        // No reference that would make a request: no src, href or url() at all.
        for needle in ["src=", "href=", "url(", "@import", "<link", "<img", "<iframe"] {
            #expect(!html.contains(needle), "\(needle)")
        }
    }

    /// The cache in front of the CSV number cell gives what the cell's rule gives, asked once or
    /// many times.
    @Test func csvNumbersFromTheCacheAreTheRulesOwn() {
        var numbers = GradeCSV.Numbers()
        let values: [Double] = [0, -0.0, 0.5, 1, 2, 0.1 + 0.2, 1e-7, 123_456.789, -3.25, 1.0 / 3]
        for _ in 0..<3 {
            for value in values { #expect(numbers.text(value) == GradeCSV.number(value)) }
        }
        #expect(numbers.text(.nan) == "")
    }

    /// HTML escaping works on bytes: a special character that starts a grapheme with a
    /// combining mark is escaped too, and text without any comes back as it is.
    @Test func htmlEscapesEverySpecialByte() {
        #expect(GradeHTML.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(GradeHTML.escape("<\u{301}script>") == "&lt;\u{301}script&gt;")
        #expect(GradeHTML.escape("Café 日本 👩‍💻") == "Café 日本 👩‍💻")
        #expect(GradeHTML.escape("") == "")
    }

    @Test func markdownAndTable() throws {
        let report = try report()
        let markdown = String(
            decoding: GradeRendering.render(report, format: .markdown), as: UTF8.self)
        #expect(markdown.contains("| ana@example.com | 4 / 5 | 80% | pass |"))
        #expect(markdown.contains("&lt;script&gt;"))
        #expect(markdown.contains("\\|\\*x\\*"))
        let table = String(decoding: GradeRendering.render(report, format: .table), as: UTF8.self)
        #expect(table.contains("Quiz q: Q"))
        #expect(table.contains("ana@example.com"))
        #expect(table.contains("late-delivery/greet"))
        #expect(table.contains("Test: 3 learners"))
    }

    /// A sheet whose learner ids and answers would drive a terminal.
    func tamperedReport() throws -> GradeReport {
        let text = """
            learner,quiz,question,answer
            "\u{1B}]0;pwned\u{7}",q,late-delivery/greet,a
            "\u{1B}[2J\u{9B}6n",q,late-delivery/greet,"\u{1B}[?1049h"
            "\u{1B}[2J\u{9B}6n",q,no-such-question,x
            """
        return try GradingFixtures.grade(text, bank: GradingFixtures.bank).1
    }

    @Test(arguments: [false, true])
    func tableShowsSheetEscapesVisibly(color: Bool) throws {
        let report = try tamperedReport()
        let table = String(
            decoding: GradeRendering.render(report, format: .table, color: color), as: UTF8.self)
        let escapes = table.unicodeScalars.filter { $0 == "\u{1B}" }.count
        #expect(escapes == table.components(separatedBy: "\u{1B}[").count - 1, "ours only")
        #expect(color || escapes == 0)
        #expect(!table.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\u{1B}" })
        #expect(table.contains("\\u{1B}]0;pwned\\u{7}"))
        #expect(table.contains("\\u{1B}[2J\\u{9B}6n"))
        // JSON keeps the text as it is, escaped the JSON way.
        let json = String(decoding: GradeRendering.render(report, format: .json), as: UTF8.self)
        #expect(json.contains("\"\\u001b]0;pwned\\u0007\""))
    }

    @Test func tableColumnsLineUpWithColourOn() throws {
        let report = try report()
        let plain = String(
            decoding: GradeRendering.render(report, format: .table), as: UTF8.self)
        let colored = String(
            decoding: GradeRendering.render(report, format: .table, color: true), as: UTF8.self)
        #expect(colored != plain)
        #expect(TerminalText.removingEscapeSequences(colored) == plain)
    }

    @Test func csvQuotesSemicolonsAndLeavesPlainNumbersAlone() {
        #expect(GradeCSV.text("a;b") == "\"a;b\"")
        #expect(GradeCSV.text("-12.5") == "-12.5")
        #expect(GradeCSV.text("-12.5+1") == "'-12.5+1")
    }

    @Test(.enabled(if: MoodleFixtures.available, "Moodle's fixture is not beside the repository"))
    func statsReportJSONUsesTheSameItemFields() throws {
        let read = try MarksReader.read(
            file: "results00.csv", bytes: MoodleFixtures.bytes("results00.csv"))
        let json = StatsReport(file: "results00.csv", read: read).render(.json)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 7)
        #expect(items[0]["ref"] as? String == "slots.1.mark")
        #expect(abs((items[0]["facility"] as? Double ?? 0) - 0.704) < 1e-9)
        for key in [
            "ref", "facility", "sd", "discrimination", "efficiency", "unanswered", "options",
        ] {
            #expect(items[0][key] != nil)
        }
    }
}
