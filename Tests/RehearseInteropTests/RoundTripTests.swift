import Foundation
import RehearseBank
import RehearseCore
import RehearseInterop
import Testing

/// `import` of an `export` gives back the same kinds, option texts, correct answers and scores
/// for everything the format holds, on every quiz of the sample bank.
@Suite struct RoundTripTests {
    static let sampleBank: Bank? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        return try? BankCatalog.load(root: root).bank
    }()

    static let quizIDs = [
        "week-one", "empathy-essentials", "product-knowledge-check", "above-and-beyond",
        "remote-support", "daily-drill",
    ]

    @Test(arguments: quizIDs, [ExportFormat.gift, .moodleXML])
    func roundTrip(quizID: String, format: ExportFormat) throws {
        let bank = try #require(Self.sampleBank)
        let quiz = try #require(bank.quiz(quizID))
        let plan = ExportPlan(quiz: quiz, bank: bank)
        #expect(!plan.entries.isEmpty)
        let exported =
            format == .gift ? GiftExporter.export(plan) : MoodleXMLExporter.export(plan)
        let result = try QuizImporter.importFile(
            bytes: Array(exported.text.utf8), name: "\(quizID).export", competency: "empathy")
        #expect(ImportSupport.findings(result).isEmpty)
        let imported = try #require(ImportSupport.load(result))
        var byID: [String: Question] = [:]
        for question in imported.inlineQuestions { byID[question.id.value] = question }
        var compared = 0
        for entry in plan.entries {
            let original = entry.question
            if case .rate = original.body { continue }  // not held: one number per response
            if case .text(let key) = original.body, key.accept.isEmpty { continue }  // an essay
            let copy = try #require(byID[entry.name], "\(entry.ref) missing")
            #expect(copy.kind == original.kind, "\(entry.ref)")
            #expect(
                copy.prompt
                    == entry.prompt.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    || copy.prompt == entry.prompt, "\(entry.ref)")
            #expect(abs(copy.maxPoints - original.maxPoints) < 1e-3, "\(entry.ref)")
            compareBodies(original, copy, ref: entry.ref, format: format)
            compared += 1
        }
        #expect(compared > 0)
    }

    private func compareBodies(
        _ original: Question, _ copy: Question, ref: String, format: ExportFormat
    ) {
        switch (original.body, copy.body) {
        case (.choice(let options), .choice(let copied)):
            #expect(options.map(\.text) == copied.map(\.text), "\(ref)")
            #expect(options.map(\.feedback) == copied.map(\.feedback), "\(ref)")
            let scores = options.map { original.points(for: $0) }
            let copiedScores = copied.map { copy.points(for: $0) }
            #expect(zip(scores, copiedScores).allSatisfy { abs($0 - $1) < 1e-3 }, "\(ref)")
        case (.multi(let options, let scoring), .multi(let copied, let copiedScoring)):
            #expect(options.map(\.text) == copied.map(\.text), "\(ref)")
            #expect(
                options.map { $0.correct?.value == true }
                    == copied.map { $0.correct?.value == true },
                "\(ref)")
            // All-or-nothing is not held by either format (noted on export).
            if scoring == .partial { #expect(copiedScoring == .partial, "\(ref)") }
        case (.truefalse(let answer), .truefalse(let copied)):
            #expect(answer == copied, "\(ref)")
        case (.order(let items, let scoring), .order(let copied, let copiedScoring)):
            #expect(items.map(\.text) == copied.map(\.text), "\(ref)")
            if format == .moodleXML { #expect(scoring == copiedScoring, "\(ref)") }
        case (.text(let key), .text(let copied)):
            #expect(key.accept == copied.accept, "\(ref)")
        case (.number(let key), .number(let copied)):
            #expect(interval(key) == interval(copied), "\(ref)")
            if format == .moodleXML { #expect(key.unit == copied.unit, "\(ref)") }
        default:
            Issue.record("\(ref): \(original.kind) came back as \(copy.kind)")
        }
    }

    /// The numbers a number question accepts, rounded against float noise.
    private func interval(_ key: NumberAnswer) -> [Double] {
        let bounds =
            key.range.map { [$0.lowerBound, $0.upperBound] }
            ?? [(key.answer ?? 0) - key.tolerance, (key.answer ?? 0) + key.tolerance]
        return bounds.map { ($0 * 1e6).rounded() / 1e6 }
    }
}
