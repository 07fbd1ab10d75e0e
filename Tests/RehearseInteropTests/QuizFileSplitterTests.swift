import RehearseBank
import RehearseCheck
import RehearseCore
import RehearseInterop
import Testing

/// A quiz too large for one bank file is laid out as parts, cut between questions.
@Suite struct QuizFileSplitterTests {
    /// `count` true/false questions `t1`, `t2`... with prompts of about `width` characters.
    static func quiz(_ count: Int, width: Int = 40, id: String = "big") -> ImportedQuiz {
        let questions = (1...count).map { index in
            let prompt = "Statement \(index) " + String(repeating: "x", count: width)
            return (
                id: "t\(index)",
                question: DraftQuestion(
                    prompt: prompt, body: .truefalse(index % 2 == 0), line: index * 2)
            )
        }
        return ImportedQuiz(
            id: id, title: "Big bank", description: "Imported from big (GIFT).",
            competency: "empathy", questions: questions)
    }

    /// Every finding `check --strict` reports on the files together, as a bank.
    static func findings(_ files: [ImportedFile]) -> [Diagnostic] {
        Checker.check(files.map { SourceFile(path: $0.path, text: $0.yaml, role: .quiz) })
    }

    @Test func aQuizThatFitsIsOneFile() throws {
        let files = try QuizFileSplitter.files(Self.quiz(50), source: "big")
        #expect(files.map(\.path) == ["quizzes/big.yaml"])
        #expect(files[0].quiz.title == "Big bank")
        #expect(files[0].quiz.questions.count == 50)
        #expect(Self.findings(files).isEmpty)
    }

    @Test func noQuestionsNoFile() throws {
        #expect(try QuizFileSplitter.files(Self.quiz(1).withoutQuestions, source: "big").isEmpty)
    }

    @Test func partsKeepEveryQuestionInOrderUnderTheBudget() throws {
        let limits = YAMLLimits(maxBytes: 8_000, maxNodes: 100_000)
        let quiz = Self.quiz(200)
        let files = try QuizFileSplitter.files(quiz, source: "big", limits: limits)
        let count = files.count
        #expect(count > 2)
        #expect(files.map(\.quiz.id) == (1...count).map { "big-part-\($0)" })
        #expect(files.map(\.path) == (1...count).map { "quizzes/big-part-\($0).yaml" })
        #expect(files.map(\.quiz.title) == (1...count).map { "Big bank (part \($0) of \(count))" })
        #expect(files.allSatisfy { $0.quiz.description == quiz.description })
        #expect(files.flatMap(\.quiz.questions).map(\.id) == quiz.questions.map(\.id))
        let budget = QuizFileSplitter.budget(limits)
        for file in files {
            #expect(file.yaml.utf8.count <= budget.bytes)
            #expect(!file.quiz.questions.isEmpty)
            let ids = file.quiz.questions.map(\.id)
            #expect(Set(ids).count == ids.count)
        }
        // Greedy: every part but the last is full enough that the next question would not fit.
        for (file, next) in zip(files, files.dropFirst()) {
            let nextItem = next.yaml.utf8.count / next.quiz.questions.count
            #expect(file.yaml.utf8.count + nextItem > budget.bytes - 200)
        }
        #expect(Self.findings(files).isEmpty)
        let bank = BankLoader.load(
            files.map { SourceFile(path: $0.path, text: $0.yaml, role: .quiz) }
        ).bank
        #expect(bank.quizzes.map(\.inlineQuestions.count).reduce(0, +) == 200)
    }

    @Test func theNodeLimitSplitsToo() throws {
        let limits = YAMLLimits(maxBytes: 1 << 20, maxNodes: 500)
        let files = try QuizFileSplitter.files(Self.quiz(100), source: "big", limits: limits)
        #expect(files.count > 1)
        for file in files { #expect(file.nodes <= QuizFileSplitter.budget(limits).nodes) }
        #expect(files.flatMap(\.quiz.questions).count == 100)
        #expect(Self.findings(files).isEmpty)
    }

    @Test func theBudgetComesFromTheLoaderLimits() {
        let budget = QuizFileSplitter.budget(.standard)
        #expect(budget.bytes < YAMLLimits.standard.maxBytes)
        #expect(budget.nodes < YAMLLimits.standard.maxNodes)
        #expect(budget.bytes >= YAMLLimits.standard.maxBytes * 8 / 10)
    }

    @Test func aLongQuizIDStaysValidInItsParts() throws {
        let long = String(repeating: "customer-service-", count: 4).prefix(64)
        let id = String(long.hasSuffix("-") ? long.dropLast() : long)
        #expect(ImportIDs.isValid(id))
        let limits = YAMLLimits(maxBytes: 8_000, maxNodes: 100_000)
        let files = try QuizFileSplitter.files(
            Self.quiz(200, id: id), source: "big", limits: limits)
        #expect(files.count > 2)
        for file in files { #expect(ImportIDs.isValid(file.quiz.id), "\(file.quiz.id)") }
        #expect(Set(files.map(\.quiz.id)).count == files.count)
        #expect(QuizFileSplitter.partID(id, 12).hasSuffix("-part-12"))
        #expect(Self.findings(files).isEmpty)
    }

    @Test func aQuestionAloneTooLargeIsRefused() {
        let limits = YAMLLimits(maxBytes: 2_000, maxNodes: 100_000)
        #expect(throws: ImportFileError.self) {
            try QuizFileSplitter.files(Self.quiz(3, width: 3_000), source: "big", limits: limits)
        }
    }

    @Test func aCategoryChangeIsNoBoundary() throws {
        var text = ""
        for index in 0..<60 {
            if index % 7 == 0 { text += "$CATEGORY: $course$/top/Topic \(index / 7)\n\n" }
            text += "::c\(index)::Statement \(index) " + String(repeating: "y", count: 80)
            text += ".{T}\n\n"
        }
        let result = try QuizImporter.importFile(
            bytes: Array(text.utf8), name: "topics.gift", competency: "empathy")
        #expect(result.files.count == 1)  // far under the limits: one file
        let files = try QuizFileSplitter.files(
            result.quiz, source: "topics", limits: YAMLLimits(maxBytes: 6_000, maxNodes: 100_000))
        #expect(files.count > 1)
        // Parts are cut on size only: some part holds questions of two categories.
        #expect(files.contains { Set($0.quiz.questions.flatMap(\.question.tags)).count > 1 })
        #expect(files.flatMap(\.quiz.questions).map(\.id) == (0..<60).map { "c\($0)" })
    }

    @Test func tenThousandGiftQuestionsImportAsPartsThatPassTheCheck() throws {
        let bytes = Array(GiftThroughputTests.generatedText(questions: 10_000).utf8)
        let result = try QuizImporter.importFile(
            bytes: bytes, name: "bench.gift", competency: "empathy")
        #expect(result.isSplit)
        #expect(result.yaml.isEmpty)
        #expect(result.files.flatMap(\.quiz.questions).map(\.id) == result.quiz.questions.map(\.id))
        #expect(result.importedCount == 7_500)
        #expect(Self.findings(result.files).isEmpty)
    }

    @Test func moodleXMLTakesTheSamePath() throws {
        var text = "<?xml version=\"1.0\"?>\n<quiz>\n"
        for index in 0..<80 {
            text += """
                <question type="truefalse"><name><text>m\(index)</text></name>
                <questiontext format="plain_text"><text>Statement \(index) \
                \(String(repeating: "z", count: 60))</text></questiontext>
                <answer fraction="100"><text>true</text></answer>
                <answer fraction="0"><text>false</text></answer></question>

                """
        }
        text += "</quiz>\n"
        let result = try QuizImporter.importFile(
            bytes: Array(text.utf8), name: "chat.xml", competency: "empathy")
        let files = try QuizFileSplitter.files(
            result.quiz, source: "chat", limits: YAMLLimits(maxBytes: 5_000, maxNodes: 100_000))
        #expect(files.count > 1)
        #expect(files.first?.quiz.id == "chat-part-1")
        #expect(files.flatMap(\.quiz.questions).map(\.id) == (0..<80).map { "m\($0)" })
        #expect(Self.findings(files).isEmpty)
    }
}

extension ImportedQuiz {
    fileprivate var withoutQuestions: ImportedQuiz {
        var quiz = self
        quiz.questions = []
        return quiz
    }
}
