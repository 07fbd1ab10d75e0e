import Foundation
import Testing

@testable import RehearseScoring
@testable import RehearseSession

@Suite struct ResumePolicyTests {
    static let saved = AttemptRecord(
        id: "a1", learner: "sam", quiz: "q", quizHash: "h1", mode: "practice", seed: 7,
        status: .unfinished, startedAt: Date(timeIntervalSince1970: 0),
        answers: [
            AttemptRecord.Answer(ref: "q/x", answer: "a", score: 1, max: 1, answeredAt: nil)
        ])

    @Test func resumesAnUnchangedQuizWithItsOwnSeed() {
        let same = ResumePolicy.decide(
            resume: true, seed: nil, saved: Self.saved, quiz: "q", quizHash: "h1")
        #expect(same.resuming?.id == "a1")
        #expect(same.note == nil)
        let other = ResumePolicy.decide(
            resume: true, seed: 9, saved: Self.saved, quiz: "q", quizHash: "h1")
        #expect(other.resuming?.id == "a1")
        #expect(other.note == "Resuming with the attempt's own seed 7, not 9.\n")
    }

    @Test func startsAfreshWhenTheQuizChangedOrNothingIsKept() {
        let changed = ResumePolicy.decide(
            resume: true, seed: nil, saved: Self.saved, quiz: "q", quizHash: "h2")
        #expect(changed.resuming == nil)
        #expect(
            changed.note
                == "The quiz has changed since your unfinished attempt; starting a new one.\n")
        let nothing = ResumePolicy.decide(
            resume: true, seed: nil, saved: nil, quiz: "q", quizHash: "h1")
        #expect(nothing.resuming == nil)
        #expect(nothing.note == "No unfinished attempt at q to resume; starting one.\n")
    }

    @Test func withoutResumeAKeptAttemptIsMentionedNotContinued() {
        let kept = ResumePolicy.decide(
            resume: false, seed: nil, saved: Self.saved, quiz: "q", quizHash: "h1")
        #expect(kept.resuming == nil)
        #expect(
            kept.note
                == "You have an unfinished attempt at q (1 answers); --resume continues it. Starting a new one.\n"
        )
        let none = ResumePolicy.decide(
            resume: false, seed: nil, saved: nil, quiz: "q", quizHash: "h1")
        #expect(none.resuming == nil)
        #expect(none.note == nil)
    }
}
