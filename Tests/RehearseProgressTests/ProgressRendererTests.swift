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
