import RehearseBank
import RehearseInterop
import Testing

/// Import of a 10,000-question GIFT text and export of a large quiz; times are printed for the
/// performance notes, not asserted (shared machines vary). For the figures, run in a release
/// build: `swift test -c release --filter ImportThroughputTests`.
@Suite struct ImportThroughputTests {
    @Test func importTenThousandQuestions() throws {
        let bytes = Array(GiftThroughputTests.generatedText(questions: 10_000).utf8)
        let clock = ContinuousClock()
        var outcome: Result<ImportResult, ImportFileError>?
        let elapsed = clock.measure {
            outcome = Result { () throws(ImportFileError) in
                try QuizImporter.importFile(bytes: bytes, name: "bench.gift", competency: "empathy")
            }
        }
        // Ten thousand questions are more than one bank file may hold: they come in parts.
        let result = try #require(try outcome?.get())
        #expect(result.isSplit)
        print(
            "GIFT import: 10,000 questions, \(bytes.count) bytes, \(result.files.count) files in "
                + "\(elapsed)")
    }

    @Test func importAThousandQuestionsWritesAQuiz() throws {
        let bytes = Array(GiftThroughputTests.generatedText(questions: 1_000).utf8)
        let result = try QuizImporter.importFile(
            bytes: bytes, name: "bench.gift", competency: "empathy")
        #expect(result.importedCount == 750)  // essays and matching questions are skipped
        #expect(result.skipped.count == 250)
        #expect(ImportSupport.findings(result).isEmpty)
    }

    @Test func exportALargeQuiz() throws {
        let bytes = Array(GiftThroughputTests.generatedText(questions: 2_000).utf8)
        let result = try QuizImporter.importFile(
            bytes: bytes, name: "big.gift", competency: "empathy")
        let bank = try #require(ImportSupport.bank(result))
        let quiz = try #require(bank.quizzes.first)
        let clock = ContinuousClock()
        var sizes = (0, 0)
        let elapsed = clock.measure {
            let plan = ExportPlan(quiz: quiz, bank: bank)
            sizes = (
                GiftExporter.export(plan).text.utf8.count,
                MoodleXMLExporter.export(plan).text.utf8.count
            )
        }
        #expect(sizes.0 > 0 && sizes.1 > 0)
        print(
            "Export of \(quiz.inlineQuestions.count) questions: GIFT \(sizes.0) bytes and Moodle "
                + "XML \(sizes.1) bytes in \(elapsed)")
    }
}
