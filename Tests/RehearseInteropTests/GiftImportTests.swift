import Foundation
import RehearseBank
import RehearseCore
import RehearseInterop
import Testing

@Suite struct GiftImportTests {
    @Test(
        .enabled(
            if: GiftFixtures.available, "the shared GIFT fixtures are not beside the repository"))
    func everyFixtureImportsCleanOrReportsWhatItSkips() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ImportSupport.fixtures.path)
            .filter { $0.hasSuffix(".gift") }.sorted()
        #expect(files.count > 20)
        for file in files {
            let bytes = try [UInt8](
                Data(contentsOf: ImportSupport.fixtures.appendingPathComponent(file)))
            let result: ImportResult
            do {
                result = try QuizImporter.importFile(
                    bytes: bytes, name: file, competency: "empathy")
            } catch {
                // Only files without a single answer block are refused as a whole.
                #expect(error.message.contains("no question has an answer block"), "\(file)")
                continue
            }
            for skip in result.skipped { #expect(skip.line > 0, "\(file): \(skip.message)") }
            guard result.importedCount > 0 else {
                #expect(!result.skipped.isEmpty, "\(file)")
                continue
            }
            let findings = ImportSupport.findings(result)
            #expect(findings.isEmpty, "\(file): \(findings.map(\.message))\n\(result.yaml)")
        }
    }

    @Test func choiceWithCorrectAnswerAndFeedback() throws {
        let result = try ImportSupport.importText(
            """
            // [tag:returns]
            ::Return window::How long may a customer return an item?{
              =30 days#Right.
              ~14 days#Too short.
              ####30 days from delivery.
            }
            """)
        #expect(ImportSupport.findings(result).isEmpty)
        let quiz = try #require(ImportSupport.load(result))
        let question = try #require(quiz.inlineQuestions.first)
        #expect(question.id.value == "return-window")
        #expect(question.kind == .choice)
        #expect(question.tags == ["returns"])
        #expect(question.explanation == "30 days from delivery.")
        #expect(question.options.map(\.text) == ["30 days", "14 days"])
        #expect(question.options.map { question.points(for: $0) } == [1, 0])
        #expect(question.options.first?.feedback == "Right.")
    }

    @Test func weightsOnOneAnswerQuestionBecomeScores() throws {
        let result = try ImportSupport.importText(
            "// [points:2]\nFirst words?{=Sorry, let me help ~%50%How can I help? ~%-25%Busy today}"
        )
        let question = try #require(ImportSupport.load(result)?.inlineQuestions.first)
        #expect(question.kind == .choice)
        #expect(question.options.map { question.points(for: $0) } == [2, 1, 0])
        #expect(result.notes.contains { $0.message.contains("negative weights") })
        #expect(ImportSupport.findings(result).isEmpty)
    }

    @Test func severalPositiveWeightsMakeMulti() throws {
        let result = try ImportSupport.importText(
            "Which help?{~%50%Apologise ~%50%Act ~%-50%Blame}")
        let question = try #require(ImportSupport.load(result)?.inlineQuestions.first)
        guard case .multi(let options, let scoring) = question.body else {
            Issue.record("not multi")
            return
        }
        #expect(scoring == .partial)
        #expect(options.map { $0.correct?.value } == [true, true, false])
    }

    @Test func trueFalseShortNumericalAndEmbedded() throws {
        let result = try ImportSupport.importText(
            """
            $CATEGORY: $course$/top/Customer service/Deliveries

            ::tf::Express ships furniture.{F####Parcels only.}

            ::loyalty::The programme is called {=Northwind Circle =Circle =%50%the club}.

            ::days::Standard delivery takes how many business days?{#5}

            ::fee::The fee is{#6.95:0.01} dollars.

            ::hold::Seconds between hold check-ins?{#30..60}
            """)
        let quiz = try #require(ImportSupport.load(result))
        let questions = quiz.inlineQuestions
        #expect(questions.map(\.kind) == [.truefalse, .text, .number, .number, .number])
        #expect(questions.allSatisfy { $0.tags == ["Deliveries"] })
        if case .truefalse(let answer) = questions[0].body { #expect(answer == false) }
        if case .text(let answer) = questions[1].body {
            #expect(answer.accept == ["Northwind Circle", "Circle"])
        }
        #expect(questions[1].prompt == "The programme is called _____ .")
        if case .number(let answer) = questions[3].body {
            #expect(answer.answer == 6.95 && answer.tolerance == 0.01)
        }
        if case .number(let answer) = questions[4].body { #expect(answer.range == 30...60) }
        #expect(result.notes.contains { $0.line == 5 && $0.message.contains("the club") })
        #expect(ImportSupport.findings(result).isEmpty)
    }

    @Test func unsupportedQuestionsAreSkippedAtTheirLine() throws {
        let result = try ImportSupport.importText(
            """
            ::ok::Fine?{T}

            ::essay::Describe your day.{}

            ::match::Match.{=a -> b =c -> d}

            ::broken::Unclosed {=a ~b

            Just a description.
            """)
        #expect(result.importedCount == 1)
        #expect(result.skipped.map(\.line) == [3, 5, 7, 9])
        #expect(result.skipped[0].message.contains("essay"))
        #expect(result.skipped[2].message.contains("not closed"))
        #expect(result.summary == "1 imported (1 truefalse), 4 skipped")
    }

    @Test func idsAreValidAndUnique() throws {
        let result = try ImportSupport.importText(
            """
            // [id:Bad_ID]
            ::Café opening hours::Open at eight?{T}

            ::Café opening hours::Open at nine?{F}

            Untitled?{T}

            // [id:kept-id]
            ::Whatever::Kept?{T}
            """)
        #expect(
            result.quiz.questions.map(\.id) == [
                "cafe-opening-hours", "cafe-opening-hours-2", "q3", "kept-id",
            ])
        #expect(ImportSupport.findings(result).isEmpty)
    }

    @Test func notGiftIsRefused() {
        #expect(throws: ImportFileError.self) {
            try ImportSupport.importText("Dear team,\n\nthe meeting is at noon.\n")
        }
    }

    @Test func invalidUTF8IsRefusedAtItsLine() {
        var bytes = Array("::a::Fine?{T}\n\n::b::Bad".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("?{T}\n".utf8)
        #expect(
            throws: ImportFileError(
                line: 3, message: "the file is not valid UTF-8 (byte 24); save it as UTF-8")
        ) {
            try QuizImporter.importFile(bytes: bytes, name: "x.gift", competency: "empathy")
        }
    }

    @Test func tooLargeIsRefusedBeforeReading() {
        let bytes = [UInt8](repeating: 0x41, count: QuizImporter.maxInputBytes + 1)
        #expect(throws: ImportFileError.self) {
            try QuizImporter.importFile(bytes: bytes, name: "big.gift", competency: "empathy")
        }
    }
}
