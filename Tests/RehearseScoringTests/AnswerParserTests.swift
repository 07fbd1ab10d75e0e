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

    func number(_ answer: String, _ question: Question) -> Double? {
        if case .success(.number(let value)?) = AnswerParser.parse(answer, for: question) {
            return value
        }
        return nil
    }

    @Test(arguments: [
        ("$50", 50.0), ("50$", 50), ("50 USD", 50), ("usd 50", 50), ("50 dollars", 50),
        ("$ 49,50", 49.5), ("$1,234.50", 1234.5), ("50", 50),
    ])
    func currencyBeforeOrAfter(_ answer: String, _ value: Double) {
        let question = F.question(
            "  - {id: q, kind: number, prompt: P, answer: 50, unit: dollars}\n")
        #expect(number(answer, question) == value)
    }

    @Test(arguments: [("48 hrs", 48.0), ("48h", 48), ("48 Hours", 48), ("48hr", 48)])
    func unitAliases(_ answer: String, _ value: Double) {
        let question = F.question("  - {id: q, kind: number, prompt: P, answer: 48, unit: hours}\n")
        #expect(number(answer, question) == value)
    }

    @Test func aUnitThatIsNotTheQuestionsIsRefusedNeverScored() {
        let days = F.question("  - {id: q, kind: number, prompt: P, answer: 30, unit: days}\n")
        #expect(number("30d", days) == 30)
        #expect(number("30 business days", days) == 30)
        #expect(error("30 hrs", days)?.hint == "the answer is in days")
        #expect(error("$30", days)?.hint == "the answer is in days")
        let dollars = F.question(
            "  - {id: q, kind: number, prompt: P, answer: 5, unit: dollars}\n")
        #expect(error("5 EUR", dollars)?.hint == "the answer is in dollars")
        #expect(error("$5 EUR", dollars) != nil)
    }

    @Test func aQuestionWithoutAUnitTakesACurrencyOnly() {
        let question = F.question("  - {id: q, kind: number, prompt: P, answer: 56.05}\n")
        #expect(number("$56.05", question) == 56.05)
        #expect(number("56,05 €", question) == 56.05)
        #expect(error("56 days", question)?.hint == "answer with the number alone")
    }

    @Test(arguments: [
        "A = 5, B = 4, C = 1", "a=5,b=4,c=1", "a=5 b=4 c=1", "c=1; b = 4; a=5", "5,4,1", "5 4 1",
    ])
    func lenientRatings(_ answer: String) {
        let question = F.question(
            "  - {id: q, kind: rate, prompt: P, responses: [{id: a, text: A, key: 5}, {id: b, text: B, key: 4}, {id: c, text: C, key: 1}]}\n"
        )
        guard case .success(.rate(let ratings)?) = AnswerParser.parse(answer, for: question)
        else {
            Issue.record("\(answer) unread")
            return
        }
        #expect(ratings == ["a": 5, "b": 4, "c": 1])
    }

    @Test func bareRatingsFollowTheOrderShown() {
        let question = F.question(
            "  - {id: q, kind: rate, prompt: P, responses: [{id: a, text: A, key: 5}, {id: b, text: B, key: 4}, {id: c, text: C, key: 1}]}\n"
        )
        let read = AnswerParser.parse("3,5,1", for: question, shown: ["c", "a", "b"])
        guard case .success(.rate(let ratings)?) = read else {
            Issue.record("unread")
            return
        }
        #expect(ratings == ["c": 3, "a": 5, "b": 1])
        if case .failure(let error) = AnswerParser.parse("3,5", for: question) {
            #expect(error.message == "2 ratings for 3 responses")
        } else {
            Issue.record("two ratings for three responses must be refused")
        }
    }

    @Test func foldingDropsPunctuationKeepsWords() {
        #expect(TextFolding.fold("  I'm SORRY,  truly! ") == "im sorry truly")
        #expect(TextFolding.words("follow-up/next") == ["follow", "up", "next"])
        #expect(TextFolding.contains(["please", "follow", "up"], phrase: "Follow up"))
        #expect(!TextFolding.contains(["followup"], phrase: "follow up"))
    }
}
