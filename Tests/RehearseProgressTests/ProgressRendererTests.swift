import Foundation
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseProgress
@testable import RehearseScoring

/// The dashboard's pieces: bars, colour only when asked, times, CSV cells.
@Suite struct ProgressRendererTests {
    @Test func barsAreHashesPaddedWithDashes() {
        #expect(ProgressRenderer.bar(0) == String(repeating: "-", count: 20))
        #expect(ProgressRenderer.bar(50) == "##########----------")
        #expect(ProgressRenderer.bar(100, width: 10) == "##########")
        #expect(ProgressRenderer.bar(140, width: 4) == "####")
    }

    @Test func colourOnlyWhenEnabled() {
        var progress = LearnerProgress(learner: "ana")
        progress.attempts = [Sample.attempt("a1", learner: "ana")]
        let report = ProgressReport(progress, at: Sample.start.addingTimeInterval(86_400))
        let plain = ProgressRenderer.render(report, as: .table, color: false)
        let colored = ProgressRenderer.render(report, as: .table, color: true)
        #expect(!plain.contains("\u{1B}["))
        #expect(colored.contains("\u{1B}[32m################\u{1B}[0m"))
        #expect(plain.contains("  empathy  ################----  80%"))
    }

    @Test func relativeTimes() {
        let now = Sample.start
        #expect(ProgressRenderer.relative(now.addingTimeInterval(30), from: now) == "now")
        #expect(ProgressRenderer.relative(now.addingTimeInterval(120), from: now) == "in 2 minutes")
        #expect(ProgressRenderer.relative(now.addingTimeInterval(-3600), from: now) == "1 hour ago")
        #expect(
            ProgressRenderer.relative(now.addingTimeInterval(3 * 86_400), from: now) == "in 3 days")
    }

    @Test func csvCellsQuoteAndNeutralise() {
        #expect(CSVCell.text("plain").encoded == "plain")
        #expect(CSVCell.text("=1+1").encoded == "'=1+1")
        #expect(CSVCell.text("-x").encoded == "'-x")
        #expect(CSVCell.text("line\r\nbreak").encoded == "\"line\r\nbreak\"")
        #expect(CSVCell.number(80).encoded == "80")
        #expect(CSVCell.number(-12.345).encoded == "-12.35")
        #expect(CSVCell.empty.encoded == "")
        #expect(CSVCell.text("a;b").encoded == "\"a;b\"", "quoted as the grade CSV quotes it")
        #expect(CSVCell.text("-12").encoded == "-12", "a plain number is not a formula")
    }

    /// A tampered progress file: quiz and competency names that would drive the terminal.
    static func tamperedReport() -> ProgressReport {
        var progress = LearnerProgress(learner: "ana")
        var attempt = Sample.attempt("a1", learner: "ana", quiz: "\u{1B}]0;pwned\u{7}")
        attempt.competencies = ["\u{1B}[2J\u{1B}[?1049h": 80, "em\u{9B}6n\u{202E}": 40]
        progress.attempts = [attempt]
        return ProgressReport(progress, at: Sample.start.addingTimeInterval(86_400))
    }

    @Test(arguments: [false, true])
    func tableShowsTamperedNamesVisibly(color: Bool) {
        let table = ProgressRenderer.render(Self.tamperedReport(), as: .table, color: color)
        let escapes = table.unicodeScalars.filter { $0 == "\u{1B}" }.count
        #expect(escapes == table.components(separatedBy: "\u{1B}[").count - 1, "ours only")
        #expect(color || escapes == 0)
        #expect(!table.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\u{1B}" })
        #expect(table.contains("\\u{1B}]0;pwned\\u{7}"))
        #expect(table.contains("\\u{1B}[2J\\u{1B}[?1049h"))
        #expect(table.contains("em\\u{9B}6n\\u{202E}"))
    }

    @Test func tableColumnsIgnoreColourCodes() {
        let report = Self.tamperedReport()
        let plain = ProgressRenderer.render(report, as: .table, color: false)
        let colored = ProgressRenderer.render(report, as: .table, color: true)
        #expect(TerminalText.removingEscapeSequences(colored) == plain)
    }

    @Test func aTableFitsTheWidthItIsGiven() {
        var progress = LearnerProgress(learner: "ana")
        let quiz = "handling-an-angry-customer-who-was-promised-a-refund-last-week"
        progress.attempts = [Sample.attempt("a1", learner: "ana", quiz: quiz)]
        let report = ProgressReport(progress, at: Sample.start.addingTimeInterval(86_400))
        let natural = ProgressRenderer.render(report, as: .table)
        let fitted = ProgressRenderer.render(report, as: .table, width: 60)
        #expect(natural.split(separator: "\n").contains { $0.count > 60 })
        #expect(
            fitted.split(separator: "\n").filter { $0.hasPrefix("  ") }.allSatisfy {
                $0.count <= 60
            })
        #expect(fitted.replacingOccurrences(of: " ", with: "").contains("handling-an-angry"))
    }

    @Test func anUnreadableInProgressFileNamesItself() throws {
        let data = try TemporaryDataFolder()
        try data.write("progress/unfinished/ana/week-one.json", "{ torn")
        let store = ProgressStore(directory: data.path)
        let error = #expect(throws: ProgressError.self) {
            _ = try store.unfinished(learner: "ana", quiz: "week-one")
        }
        #expect(error?.kind == .unreadable)
        #expect(error?.path == data.file("progress/unfinished/ana/week-one.json"))
        #expect(try store.load(learner: "ana").attempts.isEmpty, "loading skips it")
    }
}
