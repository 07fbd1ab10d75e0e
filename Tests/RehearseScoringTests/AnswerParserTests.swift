import RehearseTestSupport
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseScoring

/// Unreadable answers are errors with a hint, never a silent zero.
@Suite struct AnswerParserTests {
    typealias F = ScoringFixtures

    func error(_ answer: String, _ question: Question) -> AnswerError? {
        if case .failure(let error) = AnswerParser.parse(answer, for: question) { return error }
        return nil
    }

    @Test func unknownOptionSuggestsTheClosest() {
        let question = F.question(
            "  - {id: q, kind: choice, prompt: P, options: [{id: yes-now, text: A, correct: true}, {id: b, text: B}]}\n"
        )
        #expect(
            error("yes-no", question)?.message
                == "there is no option `yes-no` (did you mean `yes-now`?)")
        #expect(error("z", question)?.hint == "answer with one of: yes-now, b")
    }

    @Test(arguments: ["maybe", "2", "truee"])
    func unreadableBooleans(_ answer: String) {
        let question = F.question("  - {id: q, kind: truefalse, prompt: P, answer: true}\n")
        #expect(error(answer, question) != nil)
    }

    @Test(arguments: ["five", "5 weeks", "1.2.3", "5,5,5", "--"])
    func unreadableNumbers(_ answer: String) {
        let question = F.question("  - {id: q, kind: number, prompt: P, answer: 5, unit: days}\n")
        #expect(error(answer, question) != nil)
    }

    @Test func trailingTextWithoutAUnitIsRefused() {
        let question = F.question("  - {id: q, kind: number, prompt: P, answer: 5}\n")
        #expect(error("5 days", question)?.hint == "answer with the number alone")
    }

    @Test func orderMustNameEveryItemOnce() {
        let question = F.question(
            "  - {id: q, kind: order, prompt: P, items: [{id: a, text: A}, {id: b, text: B}, {id: c, text: C}]}\n"
        )
        #expect(error("a,b", question)?.message == "the order leaves out c")
        #expect(error("a,b,b,c", question)?.message == "`b` is given twice")
        #expect(error("a,b,x", question) != nil)
    }

    @Test func rateNeedsEveryResponseInScale() {
        let question = F.question(
            "  - {id: q, kind: rate, prompt: P, responses: [{id: a, text: A, key: 2}, {id: b, text: B, key: 4}]}\n"
        )
        #expect(error("a=2", question)?.message == "no rating for b")
        #expect(
            error("a=2,b=6", question)?.message
                == "the rating of `b` must be a whole number from 1 to 5")
        #expect(error("a:2,b=1", question) != nil)
        #expect(error("a=2,b=1,a=3", question)?.message == "`a` is rated twice")
    }

    @Test func encodingRoundTrips() throws {
        let question = F.question(
            "  - {id: q, kind: rate, prompt: P, responses: [{id: a, text: A, key: 2}, {id: b, text: B, key: 4}]}\n"
        )
        guard case .success(let response?) = AnswerParser.parse("b=1, a=5", for: question) else {
            Issue.record("readable")
            return
        }
        #expect(response.encoded == "a=5,b=1")
        guard case .success(let again?) = AnswerParser.parse(response.encoded, for: question) else {
            Issue.record("round trip")
            return
        }
        #expect(again == response)
    }

    @Test func foldingDropsPunctuationKeepsWords() {
        #expect(TextFolding.fold("  I'm SORRY,  truly! ") == "im sorry truly")
        #expect(TextFolding.words("follow-up/next") == ["follow", "up", "next"])
        #expect(TextFolding.contains(["please", "follow", "up"], phrase: "Follow up"))
        #expect(!TextFolding.contains(["followup"], phrase: "follow up"))
    }
}
