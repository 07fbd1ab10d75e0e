import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseGrading
@testable import RehearseProgress
@testable import RehearseScoring

/// Wide sheets as Google Forms and Microsoft Forms export them: option texts in cells, awkward
/// option texts, metadata columns, header variants, rate grids and repeated responses.
@Suite("Forms exports") struct FormsSheetTests {
    /// A quiz whose option texts hold commas, quotes, curly apostrophes and dashes.
    static let bank: Bank = ScoringFixtures.bank([
        "quizzes/forms.yaml": """
        id: forms
        title: Forms
        pass: 60%
        items:
          - question:
              id: greet
              kind: choice
              competency: empathy
              prompt: What do you say first?
              options:
                - id: a
                  text: '"I''m sorry, weeks of a sore back – that''s awful."'
                  correct: true
                - id: b
                  text: Nothing, I wait
          - question:
              id: offer
              kind: multi
              competency: product-knowledge
              prompt: What can you offer? Select all that apply.
              scoring: partial
              points: 2
              options:
                - id: a
                  text: A refund, or a replacement
                  correct: true
                - id: b
                  text: A voucher
                  correct: true
                - id: c
                  text: A refund
                  correct: false
          - question:
              id: fee
              kind: number
              competency: product-knowledge
              prompt: What is the refund, in dollars?
              answer: 56.05
              tolerance: 0.01
              unit: dollars
          - question:
              id: steps
              kind: order
              competency: empathy
              prompt: Put the steps in order.
              items:
                - {id: listen, text: Listen; then wait}
                - {id: solve, text: Solve it}
                - {id: thank, text: Thank them}
          - question:
              id: phrases
              kind: rate
              competency: empathy
              prompt: Rate each phrase.
              scale: 4
              responses:
                - {id: a, text: '"I can hear how frustrating this is."', key: 4}
                - {id: b, text: '"Please calm down."', key: 1}
        """
    ])

    func grade(_ text: String, options: SheetOptions = SheetOptions()) throws -> (
        SheetReader, GradeReport
    ) {
        try GradingFixtures.grade(text, bank: Self.bank, options: options)
    }

    func question(_ id: String) throws -> Question {
        let quiz = try #require(Self.bank.quiz("forms"))
        let index = QuizIndex(quiz: quiz, bank: Self.bank)
        let number = try #require(index.question(ref: "forms/\(id)"))
        return index.questions[number]
    }

    @Test func optionTextsLabelsAndIds() throws {
        let greet = try question("greet")
        // Curly quotes and apostrophes, a hyphen for the dash, quotes dropped, another case.
        #expect(
            FormCell.canonical(
                "\u{201C}I\u{2019}m sorry, weeks of a sore back - that's awful.\u{201D}", for: greet
            )
                == "a")
        #expect(
            FormCell.canonical("i'm SORRY, weeks of a sore back – that's awful.", for: greet) == "a"
        )
        #expect(FormCell.canonical("b) Nothing, I wait", for: greet) == "b")
        #expect(FormCell.canonical("Nothing at all", for: greet) == nil)
        let offer = try question("offer")
        // Google joins with ", ", and the first option's text holds ", " itself.
        #expect(FormCell.canonical("A refund, or a replacement, A voucher", for: offer) == "a,b")
        #expect(FormCell.canonical("A refund, A refund, or a replacement", for: offer) == "c,a")
        // Microsoft writes `;` after every option.
        #expect(FormCell.canonical("A voucher;A refund;", for: offer) == "b,c")
        #expect(FormCell.canonical("A voucher, A gift", for: offer) == nil)
        let steps = try question("steps")
        // An item text holding `;` is still one item.
        #expect(
            FormCell.canonical("Listen; then wait;Solve it;Thank them;", for: steps)
                == "listen,solve,thank")
    }

    @Test func headersFoldNumberingRequiredMarksAndQuotes() {
        #expect(FormText.foldHeader("Q6. What do you say first? *") == "what do you say first?")
        #expect(FormText.foldHeader("6) What do you say first?") == "what do you say first?")
        #expect(
            FormText.foldHeader("Question 6: What do you say FIRST?") == "what do you say first?")
        #expect(FormText.foldHeader("6 - What  do you say first?") == "what do you say first?")
        // A number that is the question's own start stays.
        #expect(FormText.foldHeader("30 days or more?") == "30 days or more?")
        #expect(FormText.fold("\u{201C}It\u{2019}s\u{201D} \u{2014} ok\u{2026}") == "it's - ok...")
        #expect(FormText.rating("4 - good") == 4)
        #expect(FormText.rating("3") == 3)
        #expect(FormText.rating("four") == nil)
        #expect(FormText.rating("4x") == nil)
    }

    @Test func googleFormsExportGrades() throws {
        let text = """
            Timestamp,Email Address,Score,Name,Q1. What do you say first?,What can you offer? Select all that apply. *,"What is the refund, in dollars?",Put the steps in order.,"Rate each phrase. [""I can hear how frustrating this is.""]",Rate each phrase. ["Please calm down."]
            2026/03/02 9:14:03 AM GMT+1,Ana@Example.com,4 / 6,Ana Lima,"“I’m sorry, weeks of a sore back – that’s awful.”","A refund, or a replacement, A voucher",$56.05,"Listen; then wait, Solve it, Thank them",4 - very well,1
            2026/03/02 9:20:00 AM GMT+1,bo@example.com,1 / 6,Bo Berg,Nothing; I wait,A refund,56.05 USD,"Solve it, Listen; then wait, Thank them",2,3

            """
        let (reader, report) = try grade(text)
        // `Nothing; I wait` is not an option (the text is `Nothing, I wait`): one rejected cell.
        #expect(reader.rejected.count == 1)
        #expect(reader.rejected.first?.column == 5)
        #expect(reader.rejected.first?.reason.contains("did you mean \"Nothing, I wait\"") == true)
        let ana = try #require(GradingFixtures.learner(report, "ana@example.com"))
        #expect(ana.earned == ana.max)
        #expect(report.names["ana@example.com"] == "Ana Lima")
        let bo = try #require(GradingFixtures.learner(report, "bo@example.com"))
        #expect(bo.earned < 3)
        #expect(reader.notes.contains { $0.hasSuffix("not graded: Score") })
    }

    @Test func microsoftFormsExportGrades() throws {
        let text = #"""
            ID,Start time,Completion time,Email,Name,Total points,Quiz feedback,What do you say first?,Points - What do you say first?,Feedback - What do you say first?,What can you offer? Select all that apply.,Points - What can you offer? Select all that apply.,Feedback - What can you offer? Select all that apply.,"What is the refund, in dollars?",Put the steps in order.,"""I can hear how frustrating this is.""","""Please calm down."""
            1,3/2/26 9:02:11,3/2/26 9:14:03,ana@example.com,Ana Lima,5,,"""I'm sorry, weeks of a sore back - that's awful.""",1,,"A refund, or a replacement;A voucher;",2,,56.05,Listen; then wait;Solve it;Thank them;,4,1

            """#
        let (reader, report) = try grade(text)
        #expect(reader.rejected.isEmpty, "\(reader.rejected)")
        let ana = try #require(GradingFixtures.learner(report, "ana@example.com"))
        #expect(ana.earned == ana.max)
        #expect(reader.notes.contains { $0.contains("4 Points/Feedback columns of questions") })
    }

    @Test func anonymousResponsesAreLearnersOfTheirOwn() throws {
        // A Microsoft form that does not ask who answers writes `anonymous` in every row.
        let text = """
            ID,Start time,Completion time,Email,Name,What do you say first?
            1,3/2/26 9:02:11,3/2/26 9:14:03,anonymous,,a
            2,3/2/26 9:05:00,3/2/26 9:15:00,anonymous,,b
            3,3/2/26 9:06:00,3/2/26 9:16:00,Anonymous,,a

            """
        let (reader, report) = try grade(text, options: SheetOptions(quiz: "forms"))
        #expect(reader.rejected.isEmpty, "\(reader.rejected)")
        #expect(!reader.notes.contains { $0.contains("more than once") })
        #expect(report.graded.learners.count == 3)
        let second = try #require(GradingFixtures.learner(report, "anonymous-2"))
        #expect(second.earned == 0)
        #expect(GradingFixtures.learner(report, "anonymous-3")?.earned == 1)
    }

    @Test func unknownColumnIsRejectedWithADidYouMean() throws {
        let text = """
            Email,Favourite colour,What do you say frst,Put the steps in order
            ana@example.com,blue,b,"solve,listen,thank"

            """
        let (reader, report) = try grade(text, options: SheetOptions(quiz: "forms"))
        #expect(reader.rejected.count == 1)
        #expect(reader.rejected.first?.line == 1)
        #expect(reader.rejected.first?.column == 2)
        #expect(
            reader.rejected.first?.reason.contains("\"Favourite colour\" is not a question") == true
        )
        // Near misses are taken, and named in a note.
        #expect(
            reader.notes.contains {
                $0.contains("\"What do you say frst\" taken for `forms/greet`")
            })
        #expect(
            reader.notes.contains {
                $0.contains("\"Put the steps in order\" taken for `forms/steps`")
            })
        let ana = try #require(GradingFixtures.learner(report, "ana@example.com"))
        #expect(ana.unanswered == 3)
        let suggestion = try grade(
            "Email,What can you ofer? Select all\nana@example.com,A voucher\n",
            options: SheetOptions(quiz: "forms")
        ).0
        #expect(suggestion.rejected.first?.reason.contains("did you mean") == true)
    }

    @Test func repeatedResponsesKeepOneWithOneNote() throws {
        // Bo sent the form three times; rows are not in time order (12 PM is after 9 AM).
        let text = """
            Timestamp,Email Address,What do you say first?,"What is the refund, in dollars?"
            2026/03/02 12:05:00 PM GMT+1,bo@example.com,a,56.05
            2026/03/02 9:00:00 AM GMT+1,bo@example.com,b,12
            2026/03/02 9:30:00 AM GMT+1,BO@example.com,a,12
            2026/03/02 9:40:00 AM GMT+1,ana@example.com,a,56.05

            """
        func bo(_ attempt: AttemptChoice) throws -> (Double, [String]) {
            let (reader, report) = try grade(text, options: SheetOptions(attempt: attempt))
            #expect(reader.rejected.isEmpty)
            #expect(report.graded.learners.count == 2)
            let learner = try #require(GradingFixtures.learner(report, "bo@example.com"))
            return (learner.earned, reader.notes)
        }
        let last = try bo(.last)
        #expect(last.0 == 2)
        #expect(last.1.filter { $0.contains("more than once") }.count == 1)
        #expect(
            last.1.contains { $0.contains("1 learner answered more than once (2 more responses)") })
        #expect(try bo(.first).0 == 0)
        #expect(try bo(.best).0 == 2)
    }

    @Test func orderAsAGridOfPlacesAndTextsWithoutTheFullStop() throws {
        // Google Forms has no ranking: trainers ask for each item's place in a grid.
        let text = """
            Email,Put the steps in order. [Listen; then wait],Put the steps in order. [Solve it],Put the steps in order. [Thank them],What do you say first?
            ana@example.com,1st,2nd,3rd,"I'm sorry, weeks of a sore back - that's awful"
            bo@example.com,3,1,2,Nothing. I wait
            cy@example.com,1,,2,

            """
        let (reader, report) = try grade(text)
        let ana = try #require(GradingFixtures.learner(report, "ana@example.com"))
        #expect(ana.earned == 2)
        let bo = try #require(GradingFixtures.learner(report, "bo@example.com"))
        #expect(bo.earned == 0)
        // Bo's `Nothing. I wait` is no option; Cy left an item without a place.
        #expect(reader.rejected.map(\.line) == [3, 4])
        #expect(reader.rejected.last?.reason.contains("leaves out solve") == true)
        #expect(FormText.rating("2nd") == 2)
        #expect(FormText.rating("2ndly") == nil)
    }

    @Test func timestampsOfEveryTool() {
        let google = FormTimestamp.keys([
            "2026/03/02 12:05:00 PM GMT+1", "2026/03/02 9:00:00 AM GMT+1",
        ])
        #expect(google == [[2026, 3, 2, 12, 5, 0], [2026, 3, 2, 9, 0, 0]])
        let microsoft = FormTimestamp.keys(["3/2/26 9:14:03", "12/1/25 17:00:00"])
        #expect(microsoft == [[2026, 3, 2, 9, 14, 3], [2025, 12, 1, 17, 0, 0]])
        // Day first when some date says so.
        let european = FormTimestamp.keys(["13/05/2024 14:31", "02/05/2024 08:00"])
        #expect(european == [[2024, 5, 13, 14, 31, 0], [2024, 5, 2, 8, 0, 0]])
        #expect(
            FormTimestamp.keys(["2026-03-02T09:14:03Z", "soon"]) == [[2026, 3, 2, 9, 14, 3], nil])
        // A clock number too large for a time (found by fuzzing: it stopped the program) is no
        // timestamp.
        #expect(
            FormTimestamp.keys([
                "2013/03/02 9:14:77777777777777777777777703 AM",
                "2013/03/02 9:" + String(repeating: "9", count: 400),
                "2013/03/02 9:30",
            ]) == [nil, nil, [2013, 3, 2, 9, 30, 0]])
    }

    @Test func reportsNameWhoNeedsHelpAndTheKey() throws {
        let text = """
            Email,Name,What do you say first?,"What is the refund, in dollars?",What can you offer? Select all that apply.
            ana@example.com,Ana Lima,a,56.05,"a,b"
            bo@example.com,Bo Berg,b,64,c
            cy@example.com,,b,64 dollars,b

            """
        let (_, report) = try grade(text)
        // Ana passed, but left the empathy questions unanswered: below the pass mark there.
        #expect(
            report.needsHelp.map { report.graded.learners[$0.learner].learner } == [
                "bo@example.com", "cy@example.com", "ana@example.com",
            ])
        let empathy = try #require(report.index.competencies.firstIndex(of: "empathy"))
        #expect(report.needsHelp.last?.weakest == [empathy])
        let fee = try #require(report.items.firstIndex { $0.ref == "forms/fee" })
        #expect(report.details[fee].key == "56.05 ± 0.01 dollars")
        // `64` and `64 dollars` are one wrong answer.
        #expect(report.details[fee].wrongAnswers.map(\.count) == [2])
        let greet = try #require(report.items.firstIndex { $0.ref == "forms/greet" })
        #expect(report.details[greet].rightOptions == ["a"])
        let json = String(decoding: GradeJSON.render(report), as: UTF8.self)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let help = try #require(object["needsHelp"] as? [[String: Any]])
        #expect(help.first?["name"] as? String == "Bo Berg")
        #expect(
            help.first?["missed"] as? [String] == [
                "forms/greet", "forms/offer", "forms/fee", "forms/steps", "forms/phrases",
            ])
        let learners = try #require(object["learners"] as? [[String: Any]])
        #expect(learners.last?["name"] is NSNull)
        let items = try #require(object["items"] as? [[String: Any]])
        let feeItem = try #require(items.first { $0["ref"] as? String == "forms/fee" })
        #expect(feeItem["prompt"] as? String == "What is the refund, in dollars?")
        let wrong = try #require(feeItem["wrongAnswers"] as? [[String: Any]])
        #expect(wrong.first?["count"] as? Int == 2)
        // The terminal table fits the width it is given.
        let table = GradeTable.render(report, width: 80)
        #expect(
            table.hasPrefix(
                "Quiz forms: Forms\nPass mark 60% · 3 learners · 1 passed\n\nNeeds help"))
        for line in table.split(separator: "\n") {
            #expect(TerminalText.displayWidth(String(line)) <= 80, "\(line)")
        }
    }

    /// A quote left open at the end of a wide sheet is found only when its last row is read:
    /// nothing of the sheet is kept (no learner, no answer text), only the error at its place.
    @Test func aQuoteLeftOpenKeepsNothingOfTheSheet() throws {
        let text = """
            Timestamp,Email Address,What do you say first?,"What is the refund, in dollars?"
            2026/03/02 9:40:00 AM GMT+1,ana@example.com,a,56.05
            2026/03/02 9:41:00 AM GMT+1,bo@example.com,b,"12

            """
        let reader = SheetReader(bank: Self.bank, options: SheetOptions(quiz: "forms"))
        try reader.read(file: "form.csv", bytes: Array(text.utf8))
        #expect(
            reader.rejected == [
                RejectedRow(
                    file: "form.csv", line: 3, column: 4,
                    reason: "a quoted field is never closed (a `\"` is missing)")
            ])
        let cohort = try reader.cohort()
        #expect(cohort.learners.isEmpty)
        #expect(cohort.answers.texts.allSatisfy { $0.isEmpty })
        // Without --quiz, the sheets hold no answers at all.
        let alone = SheetReader(bank: Self.bank)
        try alone.read(file: "form.csv", bytes: Array(text.utf8))
        #expect(throws: GradingError.self) { try alone.cohort() }
    }

    /// A large forms export (more responses than a slice of grading, a learner who sent the form
    /// twice, a row without a learner, an answer over two lines) read from its mapped file with
    /// its tables spilled to temporary files, and read from memory with its tables in memory:
    /// the same cohort, rejected rows and notes.
    @Test func aLargeWideSheetReadsTheSameMappedAndSpilled() throws {
        var text =
            "Timestamp,Email Address,Name,What do you say first?,\"What is the refund, in dollars?\","
            + "Put the steps in order.\n"
        let greet = ["a", "b", "\"Nothing, I wait\"", "\"Sorry\nreally\"", ""]
        let fee = ["56.05", "12", "$56.05", "abc"]
        for row in 0..<5000 {
            let email = row == 17 ? "" : "l\(row % 4800)@example.com"
            let steps = row % 3 == 0 ? "\"Listen; then wait, Solve it, Thank them\"" : "x"
            text +=
                "2026/03/02 9:\(10 + row % 50):00 AM GMT+1,\(email),Learner \(row),"
                + "\(greet[row % greet.count]),\(fee[row % fee.count]),\(steps)\n"
        }
        let path = try SheetStreamingTests.temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mapped = SheetReader(bank: Self.bank)
        mapped.tableMemoryLimit = 0
        let fromFile = try mapped.cohort(readingFiles: [path])
        let inMemory = SheetReader(bank: Self.bank)
        try inMemory.read(file: path, bytes: Array(text.utf8))
        let fromBytes = try inMemory.cohort()
        #expect(fromFile.table.isSpilled)
        #expect(!fromBytes.table.isSpilled)
        #expect(fromFile.learners.count == 4800)
        SheetStreamingTests.expectSame(fromFile, mapped, fromBytes, inMemory)
        // Row 17 names no learner: its line counts the answers over two lines above it (rows
        // 3, 8 and 13).
        #expect(mapped.rejected.contains { $0.reason == "no learner given" && $0.line == 22 })
        #expect(mapped.rejected.contains { $0.reason.contains("`sorry\nreally`") })
        #expect(mapped.notes.contains { $0.contains("199 learners answered more than once") })
    }

    /// A forms export with a bad cell in every row, past the rows listed per sheet: the first
    /// rows are listed, the others counted in one note, and the good cells are graded.
    @Test func badCellsPastTheLimitAreCounted() throws {
        var text = "Email Address,What do you say first?,\"What is the refund, in dollars?\"\n"
        for row in 0..<50 { text += "l\(row)@example.com,a,lots\n" }
        let reader = SheetReader(bank: Self.bank, options: SheetOptions(quiz: "forms"))
        reader.rejectedLimit = 10
        try reader.read(file: "form.csv", bytes: Array(text.utf8))
        let cohort = try reader.cohort()
        #expect(cohort.learners.count == 50)
        #expect(reader.rejected.map(\.line) == Array(2...11))
        #expect(reader.rejected.allSatisfy { $0.column == 3 })
        #expect(
            reader.notes.contains(
                "form.csv: 40 more rejected row(s) not listed (the first 10 in the sheet are)"))
        #expect(reader.unlistedRejected.count == 1)
    }
}
