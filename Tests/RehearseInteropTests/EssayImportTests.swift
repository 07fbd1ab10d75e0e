import RehearseBank
import RehearseCore
import RehearseInterop
import RehearseScoring
import Testing

/// Essays (GIFT `{}`, Moodle XML `essay`): skipped with a reason that names
/// `--essay-as-text`, or with it imported as `text` questions that any answer that is not
/// blank passes, each noted, in a quiz that passes `check --strict`.
@Suite struct EssayImportTests {
    static let gift = """
        $CATEGORY: $course$/top/Complaints

        // [id:broken-parcel]
        // [tag:written-reply]
        // [points:3]
        ::Broken parcel::A customer writes that the vase arrived in pieces. Write your reply.{
        ####Apologise, offer a replacement or a refund, and confirm the delivery address.}

        ::Closing a call::Describe how you close a call with an upset customer.{}

        ::Refund window::A refund may be asked for within 30 days.{T}
        """

    static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <quiz>
          <question type="category">
            <category><text>$course$/top/Customer service/Refunds</text></category>
          </question>
          <question type="essay">
            <name><text>Late refund</text></name>
            <questiontext format="html"><text><![CDATA[<p>A customer's refund is <b>two weeks</b> late. Write your reply.</p>]]></text></questiontext>
            <generalfeedback format="html"><text><![CDATA[<p>Own the delay &amp; give a date.</p>]]></text></generalfeedback>
            <defaultgrade>5.0000000</defaultgrade>
            <idnumber>late-refund-reply</idnumber>
            <responseformat>editor</responseformat>
            <responserequired>1</responserequired>
            <graderinfo format="html"><text><![CDATA[<p>I'm sorry for the wait: the refund was sent today&nbsp;and reaches you within 3 days.</p>]]></text></graderinfo>
            <responsetemplate format="html"><text><![CDATA[<p>Dear customer,</p>]]></text></responsetemplate>
            <tags><tag><text>written-reply</text></tag></tags>
          </question>
          <question type="essay">
            <name><text>Model answer only</text></name>
            <questiontext format="plain_text"><text>How do you tell a caller their order is delayed?</text></questiontext>
            <graderinfo format="plain_text"><text>Say sorry, give the new date, offer a follow-up call.</text></graderinfo>
          </question>
          <question type="essay">
            <name><text>Bare essay</text></name>
            <questiontext format="plain_text"><text>Describe your best support chat.</text></questiontext>
            <generalfeedback format="html"><text></text></generalfeedback>
            <graderinfo format="html"><text></text></graderinfo>
          </question>
        </quiz>
        """

    static let note =
        "essay imported as a text question that accepts any answer: add accepted answers or a "
        + "rubric to score it"

    private func textKey(_ question: Question) -> TextAnswer? {
        if case .text(let key) = question.body { return key }
        return nil
    }

    // MARK: - GIFT

    @Test func giftEssaysAreSkippedWithoutTheFlagAndTheReasonNamesIt() throws {
        let result = try ImportSupport.importText(Self.gift, name: "complaints.gift")
        #expect(result.summary == "1 imported (1 truefalse), 2 skipped")
        #expect(result.skipped.map(\.line) == [6, 9])
        for skip in result.skipped {
            #expect(skip.message.hasPrefix("an essay: a text question needs accepted answers"))
            #expect(skip.message.contains("--essay-as-text"))
        }
        #expect(!result.notes.contains { $0.message.contains("essay imported") })
    }

    @Test func giftEssaysWithTheFlagBecomeTextQuestionsThatAcceptAnyAnswer() throws {
        let result = try ImportSupport.importText(
            Self.gift, name: "complaints.gift", essayAsText: true)
        #expect(result.summary == "3 imported (1 truefalse, 2 text), 0 skipped")
        #expect(result.skipped.isEmpty)
        #expect(ImportSupport.findings(result).isEmpty, "\(result.yaml)")
        let questions = try #require(ImportSupport.load(result)).inlineQuestions
        #expect(questions.map(\.id.value) == ["broken-parcel", "closing-a-call", "refund-window"])
        #expect(questions.map(\.kind) == [.text, .text, .truefalse])

        let parcel = questions[0]
        #expect(
            parcel.prompt == "A customer writes that the vase arrived in pieces. Write your reply.")
        #expect(parcel.maxPoints == 3)
        #expect(parcel.tags == ["written-reply", "Complaints"])
        #expect(
            parcel.explanation
                == "Apologise, offer a replacement or a refund, and confirm the delivery address.")
        let key = try #require(textKey(parcel))
        #expect(key.accept.isEmpty && key.rubric.isEmpty)
        #expect(key.patterns.map(\.value) == [#"\S"#])

        let closing = questions[1]
        #expect(closing.maxPoints == 1)
        #expect(closing.explanation == nil)
        #expect(closing.tags == ["Complaints"])

        #expect(
            result.notes.map { "\($0.line): \($0.message)" } == [
                "6: broken-parcel: \(Self.note)", "9: closing-a-call: \(Self.note)",
            ])
        #expect(result.yaml.contains("      patterns:\n        - '\\S'\n"), "\(result.yaml)")
        #expect(!result.yaml.contains("accept:"))
    }

    // MARK: - Moodle XML

    @Test func moodleEssaysAreSkippedWithoutTheFlagAndTheReasonNamesIt() throws {
        let result = try ImportSupport.importText(Self.xml, name: "refunds.xml")
        #expect(result.importedCount == 0)
        #expect(result.skipped.map(\.line) == [6, 18, 23])
        #expect(result.skipped.allSatisfy { $0.message.contains("--essay-as-text") })
    }

    @Test func moodleEssaysWithTheFlagKeepGraderInfoAndFeedbackAsTheExplanation() throws {
        let result = try ImportSupport.importText(
            Self.xml, name: "refunds.xml", essayAsText: true)
        #expect(result.summary == "3 imported (3 text), 0 skipped")
        #expect(ImportSupport.findings(result).isEmpty, "\(result.yaml)")
        let questions = try #require(ImportSupport.load(result)).inlineQuestions
        #expect(
            questions.map(\.id.value) == ["late-refund-reply", "model-answer-only", "bare-essay"])

        let late = questions[0]
        #expect(late.prompt == "A customer's refund is two weeks late. Write your reply.")
        #expect(late.maxPoints == 5)
        #expect(late.tags == ["written-reply", "Refunds"])
        // The grader information (the model answer) first, then the general feedback.
        #expect(
            late.explanation
                == "I'm sorry for the wait: the refund was sent today and reaches you "
                + "within 3 days.\n\nOwn the delay & give a date.")
        #expect(textKey(late)?.patterns.map(\.value) == [#"\S"#])
        // The response template is not carried.
        #expect(!result.yaml.contains("Dear customer"))

        #expect(
            questions[1].explanation == "Say sorry, give the new date, offer a follow-up call.")
        #expect(questions[1].maxPoints == 1)
        #expect(questions[2].explanation == nil)

        #expect(result.notes.map(\.line) == [6, 18, 23])
        #expect(result.notes.allSatisfy { $0.message.hasSuffix(Self.note) })
    }

    @Test func mediaInGraderInfoAreNoted() throws {
        let text = """
            <quiz><question type="essay">
              <name><text>Screenshot</text></name>
              <questiontext><text>Explain the error on the checkout page.</text></questiontext>
              <graderinfo format="html"><text><![CDATA[<p>See <img src="@@PLUGINFILE@@/checkout.png"></p>]]></text></graderinfo>
            </question></quiz>
            """
        let result = try ImportSupport.importText(text, name: "media.xml", essayAsText: true)
        #expect(result.notes.contains { $0.message.hasSuffix("media not carried: checkout.png") })
        #expect(ImportSupport.findings(result).isEmpty, "\(result.yaml)")
    }

    // MARK: - Scoring

    @Test(arguments: [("complaints.gift", gift), ("refunds.xml", xml)])
    func anyAnswerThatIsNotBlankScoresFullMarks(name: String, source: String) throws {
        let result = try ImportSupport.importText(source, name: name, essayAsText: true)
        let essays = try #require(ImportSupport.load(result)).inlineQuestions.filter {
            $0.kind == .text
        }
        #expect(!essays.isEmpty)
        for essay in essays {
            for reply in [
                "I'm so sorry about the vase; a replacement ships today.", "ok", "  sorry  ", "1",
            ] {
                let response = try AnswerParser.parse(reply, for: essay).get()
                let score = QuestionScorer.score(response, for: essay)
                #expect(score.earned == essay.maxPoints, "\(essay.id.value): '\(reply)'")
                #expect(score.outcome == .correct)
            }
            for blank in ["", "   ", "\t\n"] {
                let response = try AnswerParser.parse(blank, for: essay).get()
                #expect(QuestionScorer.score(response, for: essay).earned == 0)
            }
            // White space that reaches the scorer does not match either.
            #expect(QuestionScorer.score(.text(" \t "), for: essay).earned == 0)
        }
    }

    // MARK: - Writing patterns

    @Test(arguments: [
        #"\S"#, #"^\s*NW-\d{7}\s*$"#, "it's", #"say "hi""#, "#hash", "- dash", "a: b", "tab\there",
        "line\nbreak", "café ''", #"back\\slash"#,
    ])
    func patternsReadBackUnchanged(_ pattern: String) throws {
        let question = DraftQuestion(
            prompt: "Type an order number.", body: .text(accept: [], patterns: [pattern]),
            line: 1)
        let quiz = ImportedQuiz(
            id: "patterns", title: "Patterns", description: nil, competency: "empathy",
            questions: [("q1", question)])
        var writer = QuizYAMLWriter()
        let yaml = writer.write(quiz, source: "patterns.gift")
        let loaded = BankLoader.load([
            SourceFile(path: "quizzes/patterns.yaml", text: yaml, role: .quiz)
        ])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))\n\(yaml)")
        let back = try #require(loaded.bank.quizzes.first?.inlineQuestions.first, "\(yaml)")
        #expect(textKey(back)?.patterns.map(\.value) == [pattern], "\(yaml)")
        #expect(textKey(back)?.accept == [])
    }

    @Test func aOneLinePatternIsWrittenInSingleQuotes() {
        #expect(YAMLScalar.pattern(#"\S"#, indent: 8) == #"'\S'"#)
        #expect(YAMLScalar.pattern("it's", indent: 8) == "'it''s'")
    }
}
