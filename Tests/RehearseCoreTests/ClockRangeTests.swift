import Foundation
import Testing

@testable import RehearseCore

/// Times outside the years 1970-9999 never get in, and a bad `REHEARSE_NOW` is shown safely.
@Suite struct ClockRangeTests {
    @Test(arguments: [
        "-2026-01-01T00:00:00Z", "+2026-01-01T00:00:00Z", "10000-01-01T00:00:00Z",
        "1969-12-31T23:59:59Z", "99999-05-07", "tomorrow", "2026-13-01T00:00:00Z",
    ])
    func timesOutsideTheRangeAreRefused(value: String) {
        let result = RehearseClock.now(environment: ["REHEARSE_NOW": value])
        guard case .failure(let error) = result else {
            Issue.record("\(value) was accepted")
            return
        }
        #expect(error.description.hasPrefix("bad REHEARSE_NOW"))
    }

    @Test(arguments: ["2026-01-03T09:00:00Z", "1970-01-01", "9999-12-31T23:59:59Z"])
    func timesInTheRangeAreRead(value: String) throws {
        let date = try RehearseClock.now(environment: ["REHEARSE_NOW": value]).get()
        #expect(RehearseClock.isInRange(date))
    }

    @Test func aBadValueIsShownWithItsControlCharactersEscaped() {
        let result = RehearseClock.now(environment: ["REHEARSE_NOW": "x\u{1B}]0;pwned\u{7}"])
        guard case .failure(let error) = result else {
            Issue.record("accepted")
            return
        }
        #expect(!error.description.unicodeScalars.contains("\u{1B}"))
        #expect(error.description.contains("x\\u{1B}]0;pwned\\u{7}"))
    }

    @Test func learnerIdErrorsEscapeTheId() {
        guard case .failure(let error) = LearnerID.normalise("\u{1B}[2Jana") else {
            Issue.record("accepted")
            return
        }
        #expect(!error.description.unicodeScalars.contains("\u{1B}"))
    }

    @Test func relativeTimesRoundDownTheSameEverywhere() {
        let now = Date(timeIntervalSince1970: 1_767_254_400)
        #expect(RelativeTime.phrase(now.addingTimeInterval(1.5 * 86_400), from: now) == "in 1 day")
        #expect(RelativeTime.phrase(now.addingTimeInterval(2 * 86_400), from: now) == "in 2 days")
        #expect(RelativeTime.phrase(now.addingTimeInterval(-7200), from: now) == "2 hours ago")
    }

    @Test func aSuggestionIsNeverTheWordItself() {
        #expect(Suggestion.closest(to: "a", in: ["a"]) == nil)
        #expect(Suggestion.closest(to: "week-on", in: ["week-one"]) == "week-one")
    }
}
