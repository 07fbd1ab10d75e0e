import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseScoring

/// Patterns whose matching can blow up are told before they run, and matching is bounded.
@Suite struct TextPatternSafetyTests {
    @Test(arguments: [
        "(a+)+$", "(a*)*", "^(a|a)*$", "(a|ab)+", "(?:\\w+\\s?)*$", "(.|x)*y", "(x+x+)+y",
        "((a+))+", "(a|)*", "(\\d+){2,}", "(a)\\1", "(?<w>a)\\k<w>", "(?i:(ab|a)+)c",
    ])
    func riskyPatternsAreTold(pattern: String) {
        #expect(TextPattern.riskReason(pattern) != nil, "\(pattern)")
    }

    @Test(arguments: [
        "refund", "\\brefunds?\\b", "(refund|return)s? policy", "^[a-z]+@[a-z]+\\.com$",
        "(ab)+", "(a|b)*", "a{2,5}", "(a+){2}", "[(a+)+]", "\\(a+\\)+", "(a++)+", "colou?r",
        "(?:mr|ms)\\. [a-z]+",
    ])
    func ordinaryPatternsAreNot(pattern: String) {
        #expect(TextPattern.riskReason(pattern) == nil, "\(pattern)")
    }

    @Test func aBlowingUpMatchGivesUpWithinItsBudget() throws {
        let regex = try #require(TextPattern.compile("(x+x+)+y"))
        let started = Date()
        let outcome = TextPattern.match(regex, in: String(repeating: "x", count: 60), budget: 0.2)
        #expect(outcome == .gaveUp)
        #expect(Date().timeIntervalSince(started) < 5)
        let plain = try #require(TextPattern.compile("refund"))
        #expect(TextPattern.match(plain, in: "I want a REFUND") == .found)
        #expect(TextPattern.match(plain, in: "no") == .notFound)
    }

    @Test func longAnswersAreRefusedWithAClearMessage() {
        let question = ScoringFixtures.question(
            """
              - id: q
                kind: text
                prompt: Why?
                accept: [because]
            """)
        let long = String(repeating: "a", count: TextPattern.maximumAnswerLength + 1)
        guard case .failure(let error) = AnswerParser.parse(long, for: question) else {
            Issue.record("a long answer was accepted")
            return
        }
        #expect("\(error)".contains("1001 characters"))
        let fits = String(repeating: "a", count: TextPattern.maximumAnswerLength)
        #expect((try? AnswerParser.parse(fits, for: question).get()) != nil)
    }

    @Test func aUnitTakesOnePluralSNotTwo() {
        #expect(NumberParser.accepts("days", unit: "days"))
        #expect(NumberParser.accepts("day", unit: "days"))
        #expect(NumberParser.accepts("hours", unit: "hour"))
        #expect(!NumberParser.accepts("dayss", unit: "days"))
        #expect(!NumberParser.accepts("daysss", unit: "day"))
    }
}
