import Foundation
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseGrading
@testable import RehearseProgress
@testable import RehearseScoring

@Suite("Answer sheets")
struct GradingSheetTests {
    let bank = GradingFixtures.bank

    static let long = """
        learner,quiz,question,answer
        ana@example.com,q,late-delivery/greet,a
        ana@example.com,q,late-delivery/lookup,5 days
        ana@example.com,q,late-delivery/escalation,"sorry, I'll get a manager"
        ana@example.com,q,q/listen-first,false
        bo@example.com,q,late-delivery/greet,b
        bo@example.com,q,late-delivery/escalation,"I understand, let me get my supervisor"
        bo@example.com,q,q/listen-first,true

        """

    func check(_ report: GradeReport) throws {
        let ana = try #require(GradingFixtures.learner(report, "ana@example.com"))
        #expect(ana.earned == 4)
        #expect(ana.max == 5)
        #expect(ana.percent == 80)
        #expect(ana.passed)
        #expect(ana.ignored.map { report.index.refs[$0] } == ["late-delivery/escalation"])
        let bo = try #require(GradingFixtures.learner(report, "bo@example.com"))
        #expect(bo.earned == 2)
        #expect(bo.percent == 40)
        #expect(!bo.passed)
        #expect(bo.ignored.isEmpty)
        let empathy = try #require(report.index.competencies.firstIndex(of: "empathy"))
        let knowledge = try #require(report.index.competencies.firstIndex(of: "product-knowledge"))
        #expect(ana.competencies[empathy].percent == 100)
        #expect(bo.competencies[empathy].percent == 40)
        #expect(bo.competencies[knowledge].percent == 50)
    }

    @Test func longSheetWithBranching() throws {
        let (reader, report) = try GradingFixtures.grade(Self.long, bank: bank)
        try check(report)
        #expect(reader.kinds.map(\.kind) == [.long])
        #expect(reader.rejected.isEmpty)
    }

    @Test func longSheetWithoutQuizColumn() throws {
        let text = Self.long.split(separator: "\n").map { line in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false)
            fields.remove(at: 1)
            return fields.joined(separator: ",")
        }.joined(separator: "\n")
        let (_, withOption) = try GradingFixtures.grade(
            text, bank: bank, options: SheetOptions(quiz: "q"))
        try check(withOption)
        // Without --quiz the refs tell the quiz.
        let (_, inferred) = try GradingFixtures.grade(text, bank: bank)
        try check(inferred)
    }

    @Test func wideSheetByRefAndPrompt() throws {
        let text = """
            Timestamp;Email Address;Maria sounds upset.  What do you say FIRST?;late-delivery/lookup;late-delivery/escalation;Interrupting shows you care.;Score
            2026-03-02 09:00;ana@example.com;a;5;sorry, I'll get a manager;false;4
            2026-03-02 09:05;bo@example.com;b;;"I understand;\r\nlet me get my supervisor";true;2

            """
        let bytes =
            [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let (reader, cohort) = try GradingFixtures.read([("form.csv", bytes)], bank: bank)
        let graded = Grader.grade(bank: bank, cohort: cohort)
        try check(GradeReport(graded: graded))
        #expect(reader.kinds.map(\.kind) == [.wide])
        #expect(reader.kinds.map(\.encoding) == [.utf8WithBOM])
        #expect(reader.notes.contains { $0.hasSuffix("not graded: Score") })
    }

    @Test func utf16AndWindows1252Sheets() throws {
        let text = "learner\tquiz\tquestion\tanswer\r\nRené\tq\tq/listen-first\tfalse\r\n"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let (_, fromUTF16) = try GradingFixtures.read([("u16.csv", utf16)], bank: bank)
        #expect(fromUTF16.learners.map(\.learner) == ["René"])

        let windows =
            Array("learner,quiz,question,answer\nRen".utf8) + [0xE9]
            + Array(",q,q/listen-first,false\n".utf8)
        let (reader, fromWindows) = try GradingFixtures.read([("w.csv", windows)], bank: bank)
        #expect(fromWindows.learners.map(\.learner) == ["René"])
        #expect(reader.notes.contains { $0.contains("Windows-1252") })
    }

    @Test func recordedAttemptsOutOfRangeAreRejectedWhole() throws {
        // An attempt dated in the year 99999: the progress store's range rules, at the sheet.
        func attempt(_ learner: String, _ start: Date) -> AttemptRecord {
            AttemptRecord(
                id: "a-\(learner)", learner: learner, quiz: "q", quizHash: "old", mode: "exam",
                seed: 7, status: .finished, startedAt: start, finishedAt: start,
                answers: [AttemptRecord.Answer(ref: "q/listen-first", answer: "false")])
        }
        let attempts = [
            attempt("ana@example.com", Date(timeIntervalSince1970: 1_770_000_000)),  // 2026
            attempt("cy@example.com", Date(timeIntervalSince1970: 1_800_000_000)),  // 2027
        ]
        let data = try AttemptRecord.makeEncoder().encode(attempts)
        let text = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "2027-", with: "99999-")
        let (reader, cohort) = try GradingFixtures.read(
            [("future.json", Array(text.utf8))], bank: bank)
        #expect(reader.rejected.count == 1)
        #expect(reader.rejected.first?.reason.contains("1970-9999") == true)
        #expect(cohort.learners.map(\.learner) == ["ana@example.com"])
    }

    @Test func recordedAttempts() throws {
        let start = Date(timeIntervalSince1970: 1_770_000_000)
        func attempt(_ learner: String, _ answers: [(String, String)]) -> AttemptRecord {
            AttemptRecord(
                id: "a-\(learner)", learner: learner, quiz: "q", quizHash: "old", mode: "exam",
                seed: 7, status: .finished, startedAt: start, finishedAt: start,
                answers: answers.map { AttemptRecord.Answer(ref: $0.0, answer: $0.1) })
        }
        let attempts = [
            attempt(
                "ana@example.com",
                [
                    ("late-delivery/greet", "a"), ("late-delivery/lookup", "5 days"),
                    ("late-delivery/escalation", "sorry, I'll get a manager"),
                    ("q/listen-first", "false"),
                ]),
            attempt(
                "bo@example.com",
                [
                    ("late-delivery/greet", "b"),
                    ("late-delivery/escalation", "I understand, let me get my supervisor"),
                    ("q/listen-first", "true"),
                ]),
        ]
        let data = try AttemptRecord.makeEncoder().encode(attempts)
        let single = try AttemptRecord.makeEncoder().encode(attempts[0])
        let (reader, cohort) = try GradingFixtures.read(
            [("all.json", [UInt8](data)), ("one.json", [UInt8](single))], bank: bank)
        // ana appears twice: the second file's answers are duplicates, rejected, first kept.
        #expect(reader.rejected.count == 4)
        #expect(reader.rejected.allSatisfy { $0.file == "one.json" && $0.line > 1 })
        #expect(cohort.learners.map(\.seed) == [7, 7])
        #expect(reader.notes.contains { $0.contains("earlier version") })
        try check(GradeReport(graded: Grader.grade(bank: bank, cohort: cohort)))
    }

    /// A row with more fields than the header is an answer with an unquoted separator: it is
    /// rejected at the first extra field (grading its first part would grade what the learner
    /// did not answer). Extra fields left empty (a trailing separator) are let through.
    @Test func aRowWithAnUnquotedSeparatorIsRejected() throws {
        let text = """
            learner,quiz,question,answer
            ana@example.com,q,q/listen-first,true,
            bo@example.com,q,late-delivery/escalation,sorry, I'll get a manager
            bo@example.com,q,q/listen-first,false

            """
        let reader = SheetReader(bank: bank)
        try reader.read(file: "sheet.csv", bytes: Array(text.utf8))
        let report = GradeReport(graded: Grader.grade(bank: bank, cohort: try reader.cohort()))
        #expect(
            reader.rejected == [
                RejectedRow(
                    file: "sheet.csv", line: 3, column: 5,
                    reason: "the row has 5 fields; the header has 4: a field that holds `,` "
                        + "must be in quotes (\"a,b\")")
            ])
        let ana = try #require(GradingFixtures.learner(report, "ana@example.com"))
        #expect(ana.unanswered < report.index.questions.count)
        let bo = try #require(GradingFixtures.learner(report, "bo@example.com"))
        #expect(!bo.ignored.contains { report.index.refs[$0] == "late-delivery/escalation" })
    }

    /// Learners whose names hold doubled quotes, one after the other, of the same length: each
    /// name is unescaped into the scanner's own copy, which the next row reuses, so a name read
    /// that way must not be remembered as the learner of the rows that follow.
    @Test func unescapedNamesInConsecutiveRowsStayApart() throws {
        let text = """
            learner,quiz,question,answer
            "Ana ""Red"" Diaz",q,q/listen-first,true
            "Bob ""Tan"" Dias",q,q/listen-first,false
            "Bob ""Tan"" Dias","q",late-delivery/greet,"b"
            Cy,q,q/listen-first,true
            "Cy",q,late-delivery/greet,a

            """
        let (reader, report) = try GradingFixtures.grade(text, bank: bank)
        #expect(reader.rejected.isEmpty)
        let learners: [LearnerGrade] = Array(report.graded.learners)
        #expect(learners.map(\.learner) == ["Ana \"Red\" Diaz", "Bob \"Tan\" Dias", "Cy"])
        // Bob and Cy answered one question more than Ana.
        let unanswered: [Int] = learners.map(\.unanswered)
        #expect(unanswered == [unanswered[0], unanswered[0] - 1, unanswered[0] - 1])
    }

    @Test func rejectedRowsHaveFileLineColumnAndReason() throws {
        let text = """
            learner,quiz,question,answer
            ana@example.com,q,late-delivery/greet,a
            ana@example.com,q,late-delivery/lookup,five
            ana@example.com,q,late-delivery/gret,a
            ana@example.com,q,late-delivery/greet,b
            ana@example.com,nope,q/listen-first,true
            """
        let (reader, report) = try GradingFixtures.grade(text, bank: bank)
        let rows = reader.rejected
        #expect(rows.count == 4)
        #expect(
            rows[0]
                == RejectedRow(
                    file: "sheet.csv", line: 3, column: 4,
                    reason:
                        "late-delivery/lookup: `five` is not a number (answer with a number, e.g. 5 days)"
                ))
        #expect(rows[1].line == 4 && rows[1].column == 3)
        #expect(rows[1].reason.contains("did you mean `late-delivery/greet`"))
        #expect(rows[2].line == 5 && rows[2].reason.contains("second answer"))
        #expect(
            rows[3].line == 6 && rows[3].column == 2 && rows[3].reason.contains("no quiz `nope`"))
        // The rest is graded: greet a (2 points), lookup unanswered.
        let ana = try #require(GradingFixtures.learner(report, "ana@example.com"))
        #expect(ana.earned == 2)
        #expect(ana.unanswered == 2)
    }

    @Test func severalQuizzesNeedAChoice() throws {
        let text = """
            learner,quiz,question,answer
            a@example.com,q,q/listen-first,false
            a@example.com,r,r/hold,true
            a@example.com,r,chat-a/open,a
            b@example.com,r,r/hold,true
            """
        #expect(throws: GradingError.self) { try GradingFixtures.grade(text) }
        let (reader, report) = try GradingFixtures.grade(text, options: SheetOptions(quiz: "q"))
        #expect(report.quizID == "q")
        // Every skipped row counts once.
        #expect(reader.notes == ["3 answer(s) to quiz `r` skipped (grading `q`)"])
    }
}

@Suite("Answer sheets read on all cores")
struct GradingParallelSheetTests {
    /// A long sheet read in slices gives exactly what one pass gives: learners in order, the
    /// same answer numbers, rows of other quizzes counted, and rejected rows in order with their
    /// file lines (bad answers, unknown refs, a learner's answer repeated in another slice, or
    /// already given in an earlier sheet).
    @Test func slicesMergeLikeOnePass() throws {
        let bank = GradingFixtures.bank
        var text = GraderTests.sheet(bank: bank, quiz: "q", learners: 400, seed: 9)
            .replacingOccurrences(of: "\"", with: "")
        // Drop rows whose unquoted answer now holds a comma (they would change the columns).
        var rows = text.split(separator: "\n").filter {
            $0.split(separator: ",", omittingEmptySubsequences: false).count <= 4
        }
        // l0 answers again, in the last slice, a question l0 answered in the first one.
        let l0 = try #require(rows.first { $0.hasPrefix("l0@") })
        let l7 = try #require(rows.first { $0.hasPrefix("l7@") })
        // Rows of another quiz, among the others.
        var others = 0
        for position in stride(from: rows.count - 1, to: 0, by: -97) {
            rows.insert("r\(position)@example.com,r,r/hold,true", at: position)
            others += 1
        }
        text = rows.joined(separator: "\n") + "\n"
        text += "l3@example.com,q,late-delivery/lookup,a month\n"
        text += "l0@example.com,q,q/listen-frist,true\n"
        text += l0 + "\n"
        text += "zed@example.com,q,q/listen-first,true\n"
        text += "l1@example.com,nope,q/listen-first,true\n"
        // An earlier sheet: l7 is known before the long sheet is read, and has answered a
        // question l7 answers again in it.
        let earlier = "learner,quiz,question,answer\nL7" + l7.dropFirst(2) + "\n"
        func read(threshold: Int) throws -> (SheetReader, Cohort) {
            let reader = SheetReader(bank: bank, options: SheetOptions(quiz: "q"))
            reader.parallelThreshold = threshold
            try reader.read(file: "earlier.csv", bytes: Array(earlier.utf8))
            let bytes = Array(text.utf8)
            try bytes.withUnsafeBufferPointer { buffer in
                try reader.read(file: "big.csv", buffer: buffer)
            }
            return (reader, try reader.cohort())
        }
        let (oneReader, one) = try read(threshold: Int.max)
        let (manyReader, many) = try read(threshold: 0)
        #expect(oneReader.parallelReads == 0)
        #expect(
            manyReader.parallelReads == (ProcessInfo.processInfo.activeProcessorCount > 1 ? 2 : 0))
        #expect(one.learners.map(\.learner) == many.learners.map(\.learner))
        #expect(one.learners.map(\.line) == many.learners.map(\.line))
        #expect(one.responses == many.responses)
        #expect(one.answers.texts == many.answers.texts)
        #expect(oneReader.rejected == manyReader.rejected)
        #expect(oneReader.notes == manyReader.notes)
        #expect(oneReader.notes.contains("\(others) answer(s) to quiz `r` skipped (grading `q`)"))
        // The rows added at the end: all but zed's are rejected; l7's answer from the earlier
        // sheet is kept.
        let last = text.split(separator: "\n").count
        let tail = oneReader.rejected.map(\.line).filter { $0 >= last - 4 }
        #expect(tail == [last - 4, last - 3, last - 2, last])
        #expect(oneReader.rejected.contains { $0.line == last - 2 && $0.reason.contains("second") })
        #expect(one.learners.first?.learner == "L7@example.com")
        #expect(
            oneReader.rejected.contains {
                $0.file == "big.csv" && $0.reason.hasPrefix("a second answer from L7@example.com")
            })
    }
}
