import RehearseBank
import RehearseCore
import RehearseInterop
import Testing

/// Feedback written for one answer, in questions whose Rehearse kind has no feedback per answer:
/// true/false (carried in the explanation, labelled by answer), short answer and numerical
/// (noted); and the penalties of wrong answers in a multi-answer question, as Moodle's own test
/// files write them.
@Suite struct AnswerFeedbackImportTests {
    private func explanation(_ result: ImportResult) throws -> String? {
        try #require(ImportSupport.load(result)?.inlineQuestions.first).explanation
    }

    /// GIFT's first feedback is for a wrong answer, the second for the right one (Moodle's own
    /// test: `{FALSE#42 is the Ultimate Answer.#You gave the right answer.}`).
    @Test func giftTrueFalseFeedbackIsLabelledByAnswer() throws {
        let result = try ImportSupport.importText(
            "::Q1:: 42 is the Absolute Answer to everything.{\n"
                + "FALSE#42 is the Ultimate Answer.#You gave the right answer.}")
        let question = try #require(ImportSupport.load(result)?.inlineQuestions.first)
        guard case .truefalse(let answer) = question.body else {
            Issue.record("not truefalse")
            return
        }
        #expect(answer == false)
        #expect(
            question.explanation
                == "If you answered true: 42 is the Ultimate Answer.\n"
                + "If you answered false: You gave the right answer.")
        #expect(result.notes.map(\.message).contains { $0.contains("labelled by answer") })
        #expect(ImportSupport.findings(result).isEmpty)
    }

    @Test func giftTrueFalseWithOneFeedbackAndGeneralFeedback() throws {
        // One feedback: the one for a wrong answer (here, answering false).
        #expect(
            try explanation(ImportSupport.importText("Refunds take a week.{T#Three days.}"))
                == "If you answered false: Three days.")
        #expect(
            try explanation(ImportSupport.importText("Refunds take a week.{T####Always.}"))
                == "Always.")
        #expect(
            try explanation(
                ImportSupport.importText("Refunds take a week.{T#Three days.#Yes.####Always.}"))
                == "Always.\nIf you answered true: Yes.\nIf you answered false: Three days.")
        let plain = try ImportSupport.importText("Refunds take a week.{TRUE}")
        #expect(try explanation(plain) == nil)
        #expect(plain.notes.isEmpty)
    }

    @Test func moodleTrueFalseFeedbackIsLabelledByAnswer() throws {
        let result = try ImportSupport.importText(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
              <question type="truefalse">
                <name><text>Refund time</text></name>
                <questiontext format="html"><text><![CDATA[<p>Refunds take a week.</p>]]></text></questiontext>
                <generalfeedback format="html"><text>See the refunds page.</text></generalfeedback>
                <answer fraction="0"><text>true</text><feedback><text>No: three days.</text></feedback></answer>
                <answer fraction="100"><text>false</text><feedback><text>Right.</text></feedback></answer>
              </question>
              <question type="truefalse">
                <name><text>Vrai ou faux</text></name>
                <questiontext format="html"><text>Refunds take three days.</text></questiontext>
                <answer fraction="100"><text>Vrai</text><feedback><text>Oui.</text></feedback></answer>
                <answer fraction="0"><text>Faux</text></answer>
              </question>
            </quiz>
            """, name: "tf.xml")
        let questions = try #require(ImportSupport.load(result)).inlineQuestions
        #expect(
            questions.map(\.explanation) == [
                "See the refunds page.\nIf you answered true: No: three days.\n"
                    + "If you answered false: Right.",
                "If you answered true: Oui.",
            ])
        #expect(ImportSupport.findings(result).isEmpty)
    }

    @Test func answerFeedbackOfTextAndNumberQuestionsIsNoted() throws {
        let result = try ImportSupport.importText(
            """
            ::frog::What's between orange and green in the spectrum?{=yellow#Good! =%50%gold}

            ::n::How many days?{#3:1#Close enough. ~#Completely wrong}

            ::plain::How many days?{#3}
            """)
        let notes = result.notes.map { ($0.line, $0.message) }
        #expect(notes.contains { $0 == (1, "frog: feedback of the answers not carried") })
        #expect(notes.contains { $0 == (3, "n: feedback of the answers not carried") })
        #expect(!notes.contains { $0.0 == 5 })
    }

    /// Moodle's own multi-answer tests: wrong answers at -100% and at -50%, which Rehearse's
    /// partial scoring does not take off; the note says what the source took off.
    @Test func wrongAnswerPenaltiesNameTheSources() throws {
        let full = try ImportSupport.importText(
            "Colours?{~%50%yellow ~%50%off-beige ~%-100%red ~%-100%blue}")
        #expect(
            full.notes.map(\.message).contains {
                $0.hasSuffix("wrong answers cost 50% each under partial scoring (the source: 100%)")
            })
        let mixed = try ImportSupport.importText(
            "Colours?{~%100%yellow ~%-50%red ~%0%blue}")
        #expect(
            mixed.notes.map(\.message).contains {
                $0.hasSuffix(
                    "wrong answers cost 100% each under partial scoring (the source: 0% to 50%)")
            })
        let same = try ImportSupport.importText("Colours?{~%50%yellow ~%50%beige ~%-50%red}")
        #expect(!same.notes.map(\.message).contains { $0.contains("wrong answers cost") })
    }
}
