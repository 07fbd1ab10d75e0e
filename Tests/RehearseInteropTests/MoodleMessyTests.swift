import RehearseBank
import RehearseCore
import RehearseInterop
import Testing

/// Moodle XML as older Moodle versions and hand edits write it: HTML in names, media in
/// answers and in the 1.9 `<image>` field, answers outside `<text>`, true/false answers in
/// another language, case-sensitive short answers.
@Suite struct MoodleMessyTests {
    private func quiz(_ questions: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
        \(questions)
        </quiz>
        """
    }

    @Test func htmlInANameIsNotPartOfTheID() throws {
        let text = quiz(
            """
              <question type="truefalse">
                <name><text><![CDATA[Refunds <strong>abroad</strong> & fees < 5]]></text></name>
                <questiontext format="html"><text>Refunds abroad are free.</text></questiontext>
                <answer fraction="100"><text>true</text></answer>
                <answer fraction="0"><text>false</text></answer>
              </question>
            """)
        let result = try ImportSupport.importText(text, name: "names.xml")
        let question = try #require(ImportSupport.load(result)?.inlineQuestions.first)
        #expect(question.id.value == "refunds-abroad-fees-5")
    }

    @Test func mediaAreNamedOnceWithoutMoodlesPlaceholder() throws {
        let text = quiz(
            """
              <question type="multichoice">
                <name><text>Which greeting</text></name>
                <questiontext format="html"><text><![CDATA[<p><img src="@@PLUGINFILE@@/desk.png"> Which greeting?</p>]]></text>
                <file name="desk.png" encoding="base64">AAAA</file></questiontext>
                <single>true</single>
                <answer fraction="100"><text><![CDATA[<img src="https://example.com/smile.png"> Good morning]]></text></answer>
                <answer fraction="0"><text>What?</text>
                  <feedback format="html"><text><![CDATA[<img src="https://example.com/frown.png"> Rude.]]></text></feedback>
                </answer>
              </question>
            """)
        let result = try ImportSupport.importText(text, name: "media.xml")
        #expect(ImportSupport.findings(result).isEmpty, "\(result.yaml)")
        let notes = result.notes.map(\.message)
        #expect(
            notes.contains(
                "which-greeting: media not carried: desk.png, https://example.com/smile.png, "
                    + "https://example.com/frown.png"), "\(notes)")
    }

    @Test func anOldImageFieldIsReported() throws {
        let text = quiz(
            """
              <question type="multichoice">
                <name><text>Counter sign</text></name>
                <questiontext format="html"><text>What does the sign above the counter say?</text></questiontext>
                <image>counter.png</image>
                <image_base64>AAAA</image_base64>
                <single>true</single>
                <answer fraction="100"><text>Returns</text></answer>
                <answer fraction="0"><text>Exit</text></answer>
              </question>
            """)
        let result = try ImportSupport.importText(text, name: "image.xml")
        #expect(result.notes.map(\.message) == ["counter-sign: media not carried: counter.png"])
        #expect(result.notes.first?.line == 3)
    }

    @Test func aNumericalAnswerOutsideTextIsRead() throws {
        let text = quiz(
            """
              <question type="numerical">
                <name><text>Refund days</text></name>
                <questiontext format="html"><text>How many working days does a refund take?</text></questiontext>
                <answer fraction="100">14<tolerance>1</tolerance>
                  <feedback><text>Right.</text></feedback>
                </answer>
              </question>
            """)
        let result = try ImportSupport.importText(text, name: "numbers.xml")
        #expect(result.skipped.isEmpty, "\(result.skipped.map(\.message))")
        let question = try #require(ImportSupport.load(result)?.inlineQuestions.first)
        guard case .number(let key) = question.body else {
            Issue.record("not a number question: \(question.kind)")
            return
        }
        #expect(key.answer == 14 && key.tolerance == 1)
    }

    @Test func trueFalseAnswersInAnotherLanguageGoByOrder() throws {
        let text = quiz(
            """
              <question type="truefalse">
                <name><text>Sunday desk</text></name>
                <questiontext format="html"><text>Le guichet est ouvert le dimanche.</text></questiontext>
                <answer fraction="0"><text>Vrai</text></answer>
                <answer fraction="100"><text>Faux</text></answer>
              </question>
              <question type="truefalse">
                <name><text>Three answers</text></name>
                <questiontext format="html"><text>Is it open?</text></questiontext>
                <answer fraction="100"><text>Oui</text></answer>
                <answer fraction="0"><text>Non</text></answer>
                <answer fraction="0"><text>Peut-être</text></answer>
              </question>
            """)
        let result = try ImportSupport.importText(text, name: "vrai.xml")
        #expect(ImportSupport.findings(result).isEmpty, "\(result.yaml)")
        let question = try #require(ImportSupport.load(result)?.inlineQuestions.first)
        guard case .truefalse(let answer) = question.body else {
            Issue.record("not a true/false question: \(question.kind)")
            return
        }
        #expect(answer == false)
        #expect(result.notes.map(\.message).contains { $0.contains("'Vrai' and 'Faux'") })
        #expect(result.skipped.map(\.line) == [9])
        #expect(result.skipped.first?.message.contains("not one true, one false") == true)
    }

    @Test func caseSensitiveShortAnswersAreNoted() throws {
        let text = quiz(
            """
              <question type="shortanswer">
                <name><text>Code word</text></name>
                <questiontext format="html"><text>Type the escalation code word.</text></questiontext>
                <usecase>1</usecase>
                <answer fraction="100"><text>NorthWind</text></answer>
              </question>
              <question type="shortanswer">
                <name><text>Any case</text></name>
                <questiontext format="html"><text>Type the team name.</text></questiontext>
                <usecase>0</usecase>
                <answer fraction="100"><text>support</text></answer>
              </question>
            """)
        let result = try ImportSupport.importText(text, name: "case.xml")
        #expect(
            result.notes.map(\.message) == [
                "code-word: case-sensitive matching not carried: accepted answers ignore case"
            ])
    }
}
