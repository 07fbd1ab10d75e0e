import Testing

@testable import RehearseInterop

/// One construct of GIFT at a time, on small inline texts.
@Suite struct GiftParserTests {
    private func only(_ text: String) throws -> GiftQuestion {
        let result = GiftParser.parse(text)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.questions.count == 1)
        return try #require(result.questions.first)
    }

    private func moodle(_ text: String) -> GiftText { GiftText(format: .moodle, text: text) }

    @Test func titleIDAndTagsFromComments() throws {
        let question = try only(
            "// [id:refund-1] [tag:billing]\n// just a note [tag:refunds]\n::Refunds::Refund?{T}")
        #expect(question.title == "Refunds")
        #expect(question.id == "refund-1")
        #expect(question.tags == ["billing", "refunds"])
        #expect(question.line == 3)
        #expect(question.column == 1)
    }

    @Test func idsAndTagsBelongToTheirOwnQuestion() throws {
        let result = GiftParser.parse("// [id:a]\nOne{T}\n\nTwo{F}")
        #expect(result.questions.map(\.id) == ["a", nil])
    }

    @Test func categoryLine() throws {
        let result = GiftParser.parse("$CATEGORY: $course$/top/Billing\n\nRefund?{}")
        #expect(result.questions.map(\.kind) == [.category, .essay])
        #expect(result.questions.first?.category == "$course$/top/Billing")
        #expect(result.questions.first?.title == nil)
        #expect(result.questions.last?.line == 3)
    }

    @Test func categoryFollowedByAQuestionWithoutABlankLine() throws {
        let result = GiftParser.parse("$CATEGORY: top/Calls\nCall back?{T}")
        #expect(result.questions.map(\.kind) == [.category, .trueFalse])
        #expect(result.questions.last?.line == 2)
    }

    @Test func multipleChoiceWithWeights() throws {
        let question = try only("Pick{~%-33.333%a ~%66.5%b =c ~%abc%d}")
        #expect(question.kind == .multipleChoice)
        #expect(question.choices.map(\.weight) == [-33.333, 66.5, nil, nil])
        #expect(question.choices.map(\.isCorrect) == [false, false, true, false])
        // `%abc%` is not a weight: it stays in the answer text.
        #expect(question.choices.map(\.text.text) == ["a", "b", "c", "%abc%d"])
    }

    @Test func trueFalseForms() throws {
        let forms: [(String, Bool)] = [
            ("{T}", true), ("{F}", false), ("{TRUE}", true), ("{FALSE}", false), ("{true}", true),
        ]
        for (block, key) in forms {
            let question = try only("Is it?" + block)
            #expect(question.kind == .trueFalse, "\(block)")
            #expect(question.isTrue == key, "\(block)")
        }
        let both = try only("Is it?{TRUE#No, it is.#Yes.####Because.}")
        #expect(both.wrongFeedback == moodle("No, it is."))
        #expect(both.rightFeedback == moodle("Yes."))
        #expect(both.globalFeedback == moodle("Because."))
        let one = try only("Is it?{F#Not at all}")
        #expect(one.wrongFeedback == moodle("Not at all"))
        #expect(one.rightFeedback == nil)
    }

    @Test func shortAnswers() throws {
        let question = try only("Who?{=no one =%50%nobody#close}")
        #expect(question.kind == .shortAnswer)
        #expect(question.choices.map(\.text.text) == ["no one", "nobody"])
        #expect(question.choices.map(\.isCorrect) == [true, true])
        #expect(question.choices.map(\.weight) == [nil, 50])
        #expect(question.choices.last?.feedback == moodle("close"))
        let bare = try only("Number 1 in words?{One}")
        #expect(bare.kind == .shortAnswer)
        #expect(bare.choices == [GiftChoice(isCorrect: true, text: moodle("One"))])
    }

    @Test func numericalForms() throws {
        let forms: [(String, GiftNumber)] = [
            ("{#3.14:0.01}", .range(answer: 3.14, tolerance: 0.01)),
            ("{#3.1..3.2}", .highLow(low: 3.1, high: 3.2)),
            ("{# -2 }", .simple(-2)),
            ("{#.5}", .simple(0.5)),
            ("{#2e3}", .simple(2000)),
            ("{#1822 : 5}", .range(answer: 1822, tolerance: 5)),
        ]
        for (block, number) in forms {
            let question = try only("How many?" + block)
            #expect(question.kind == .numerical, "\(block)")
            #expect(question.choices.map(\.number) == [number], "\(block)")
            #expect(question.choices.first?.isCorrect == true)
        }
    }

    @Test func gradedNumericalBands() throws {
        let question = try only(
            "Born?{#\n=1822:0 #Right\n=%50%1822:2 #Close\n~#Completely wrong\n####Grant}")
        #expect(question.kind == .numerical)
        #expect(
            question.choices.map(\.number) == [
                .range(answer: 1822, tolerance: 0), .range(answer: 1822, tolerance: 2), nil,
            ])
        #expect(question.choices.map(\.weight) == [nil, 50, nil])
        #expect(question.choices.map(\.isCorrect) == [true, true, false])
        #expect(question.choices.map(\.feedback?.text) == ["Right", "Close", "Completely wrong"])
        #expect(question.choices.last?.text.text == "*")
        #expect(question.globalFeedback == moodle("Grant"))
    }

    @Test func essay() throws {
        let plain = try only("Describe the call. {}")
        #expect(plain.kind == .essay)
        #expect(plain.stem == moodle("Describe the call."))
        let withFeedback = try only("Describe the call.{####Mention the refund.}")
        #expect(withFeedback.kind == .essay)
        #expect(withFeedback.globalFeedback == moodle("Mention the refund."))
    }

    @Test func matching() throws {
        let question = try only("Match{\n=Canada -> Ottawa\n=Italy->Rome\n= -> Paris\n}")
        #expect(question.kind == .matching)
        #expect(question.matchPairs.map(\.subquestion.text) == ["Canada", "Italy", ""])
        #expect(question.matchPairs.map(\.subanswer) == ["Ottawa", "Rome", "Paris"])
    }

    @Test func aTildeMakesMultipleChoiceEvenWithAnArrow() throws {
        let question = try only("Which?{=go -> there ~stay}")
        #expect(question.kind == .multipleChoice)
        #expect(question.choices.map(\.text.text) == ["go -> there", "stay"])
    }

    @Test func description() throws {
        let question = try only("::Intro::Read the call notes first.")
        #expect(question.kind == .description)
        #expect(question.title == "Intro")
        #expect(question.stem == moodle("Read the call notes first."))
        #expect(question.choices.isEmpty)
    }

    @Test func perAnswerAndGeneralFeedback() throws {
        let question = try only(
            "Q?{\n~wrong#not this one\non two lines\n=right # well done\n####Because\nof this.}")
        #expect(
            question.choices.map(\.feedback) == [
                moodle("not this one on two lines"), moodle("well done"),
            ])
        #expect(question.globalFeedback == moodle("Because of this."))
    }

    @Test func answerBlockInsideTheSentence() throws {
        let question = try only("The {=cat ~dog} sat on the mat.")
        #expect(question.stem == moodle("The _____ sat on the mat."))
        #expect(question.hasEmbeddedAnswers)
        let first = try only("{=Asia} is the largest continent.")
        #expect(first.stem == moodle("_____ is the largest continent."))
        let last = try only("The largest continent is {=Asia}")
        #expect(last.stem == moodle("The largest continent is"))
        #expect(!last.hasEmbeddedAnswers)
    }

    @Test func formatMarkers() throws {
        let html = try only("::T::[html]<p>Hello</p>{=a#b ~[plain]c#[markdown]*d*}")
        #expect(html.stem == GiftText(format: .html, text: "<p>Hello</p>"))
        #expect(html.choices.map(\.text.format) == [.html, .plain])
        #expect(html.choices.map(\.feedback?.format) == [.html, .markdown])
        #expect(try only("[markdown]**Bold**{}").stem.format == .markdown)
        #expect(try only("[plain]x{}").stem.format == .plain)
        #expect(try only("[moodle]x{}").stem.format == .moodle)
        #expect(try only("[latex]x{}").stem == moodle("[latex]x"))
    }

    @Test func escapes() throws {
        let question = try only(
            ##"a\~b\=c\#d\{e\}f\:g\\h\ni \(x\) {=\=1 ~\~2 ~\#3 ~\{4\} ~a\:b ~c\\d}"##)
        #expect(question.stem.text == "a~b=c#d{e}f:g\\h\ni \\(x\\)")
        #expect(question.choices.map(\.text.text) == ["=1", "~2", "#3", "{4}", "a:b", "c\\d"])
        #expect(try only(#"::A\:B::Q{}"#).title == "A:B")
    }

    @Test func commentsAreDroppedEvenInsideAQuestion() throws {
        let question = try only("// heading\nWhich?{\n// not an answer =x\n=yes\n~no}")
        #expect(question.choices.map(\.text.text) == ["yes", "no"])
        #expect(GiftParser.parse("// only a comment\n// and another").questions.isEmpty)
    }

    @Test func multiLineQuestionsAndLineEnds() throws {
        let text = "::A::First\nline{T}\n\n::B::Second\n  line{F}"
        for variant in [
            text, text.replacingAll("\n", "\r\n"), text.replacingAll("\n", "\r"),
            "\u{FEFF}" + text,
        ] {
            let result = GiftParser.parse(variant)
            #expect(result.errors.isEmpty)
            #expect(result.questions.map(\.stem.text) == ["First line", "Second line"])
            #expect(result.questions.map(\.line) == [1, 4])
            #expect(result.questions.map(\.column) == [1, 1])
        }
    }

    @Test func positionsCountLinesAndCharacters() throws {
        let result = GiftParser.parse("\n\n   é{T}\n\n// c\n\n\t::X::Y{F}")
        #expect(result.questions.map(\.line) == [3, 7])
        #expect(result.questions.map(\.column) == [4, 2])
    }

    @Test func errorsHaveAPlaceAndAHint() throws {
        let cases: [(String, Int, Int, String)] = [
            ("Unclosed {=a ~b", 1, 10, "not closed"),
            ("Stray } here{T}", 1, 7, "without an opening"),
            ("::Title without end{T}", 1, 1, "title is not closed"),
            ("Two {=a} blocks {=b}", 1, 17, "second answer block"),
            ("Match{=a -> b =c}", 1, 15, "without '->'"),
            ("Number{#abc}", 1, 9, "not a number"),
            ("Number{#1:x}", 1, 9, "not a number"),
            ("Nested{=a {b}}", 1, 11, "'{' inside"),
            ("True{TRUE maybe}", 1, 11, "unexpected text"),
            ("::Only a title::", 1, 1, "no text"),
            ("// x\n\n  Q?{\n=a", 3, 5, "not closed"),
        ]
        for (text, line, column, message) in cases {
            let result = GiftParser.parse(text)
            #expect(result.questions.isEmpty, "\(text)")
            let error = try #require(result.errors.first, "\(text)")
            #expect(result.errors.count == 1, "\(text)")
            #expect(error.message.contains(message), "\(text): \(error.message)")
            #expect(error.line == line && error.column == column, "\(text): \(error)")
            #expect(!error.hint.isEmpty)
        }
    }

    @Test func aBrokenQuestionDoesNotStopTheOthers() throws {
        let result = GiftParser.parse("One{T}\n\nBroken{=a\n\nThree{F}")
        #expect(result.questions.map(\.stem.text) == ["One", "Three"])
        #expect(result.errors.map(\.line) == [3])
    }

    @Test func blankLinesEndAQuestionEvenInsideABlock() throws {
        let result = GiftParser.parse("Q?{\n=a\n\n=b}")
        #expect(result.errors.count == 2)
        #expect(result.questions.isEmpty)
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
