import Foundation
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseProgress
@testable import RehearseScoring

/// One definition of mastery: the latest ended attempt of each quiz, and the latest review
/// answers as one more source; review answers are kept in the file only as long as they count.
@Suite struct MasteryTests {
    static func answer(
        _ ref: String, _ score: Double, day: Int, competencies: [String] = ["empathy"]
    ) -> ReviewAnswer {
        ReviewAnswer(
            ref: ref, at: Sample.start.addingTimeInterval(Double(day) * 86_400), score: score,
            max: 1, competencies: competencies)
    }

    @Test func attemptsAloneGiveTheMeanOfEachQuizsLatestAttempt() {
        var progress = LearnerProgress(learner: "ana")
        progress.upsert(Sample.attempt("a", quiz: "one", percent: 20))
        progress.upsert(Sample.attempt("b", quiz: "one", percent: 30, at: Sample.start + 60))
        progress.upsert(Sample.attempt("c", quiz: "two", percent: 50))
        progress.upsert(Sample.attempt("d", quiz: "two", status: .unfinished, percent: 0))
        #expect(Mastery.byCompetency(progress) == ["empathy": 40])
        let report = ProgressReport(progress, at: Sample.start)
        #expect(report.competencies.map(\.mastery) == [40])
    }

    @Test func reviewAnswersAreOneMoreSourceOverTheLatestTen() {
        var progress = LearnerProgress(learner: "ana")
        progress.upsert(Sample.attempt("a", quiz: "one", percent: 22))
        // Eleven review answers: the oldest (wrong) falls out of the window of ten.
        progress.log([Self.answer("one/q1", 0, day: 1)])
        progress.log((2...11).map { Self.answer("one/q\($0)", 1, day: $0) })
        #expect(progress.reviewAnswers?.count == 10)
        #expect(Mastery.byCompetency(progress)["empathy"] == 61)
        // A competency seen only in review gets its mastery from review alone.
        progress.log([
            Self.answer("s/x", 0.5, day: 12, competencies: ["above-and-beyond", "empathy"])
        ])
        let mastery = Mastery.byCompetency(progress)
        #expect(mastery["above-and-beyond"] == 50)
        #expect(mastery["empathy"] == 58.5)
        #expect(ProgressReport(progress, at: Sample.start).competencies.count == 2)
    }

    @Test func reviewAnswersAreStoredAndOlderFilesReadTheSame() throws {
        let data = try TemporaryDataFolder()
        let store = ProgressStore(directory: data.path)
        try store.record(Sample.attempt("a", learner: "ana"), reviews: [])
        let plain = try #require(data.contents("progress/ana.json"))
        #expect(!String(decoding: plain, as: UTF8.self).contains("reviewAnswers"))
        #expect(!String(decoding: plain, as: UTF8.self).contains("profile"))
        try store.review(
            learner: "ana",
            [ReviewEvent(ref: "week-one/q1", rating: .good, at: Sample.start + 86_400)],
            answers: [Self.answer("week-one/q1", 1, day: 1)])
        let progress = try store.load(learner: "ana")
        #expect(progress.reviewAnswers == [Self.answer("week-one/q1", 1, day: 1)])
        #expect(progress.items["week-one/q1"]?.reps == 1)
        #expect(Mastery.byCompetency(progress)["empathy"] == 90)
    }

    @Test func aProfileTimeFactorIsReadAndRangeChecked() throws {
        let data = try TemporaryDataFolder()
        try data.write(
            "progress/ana.json",
            HostileProgressTests.file(top: ", \"profile\": {\"timeFactor\": 1.5}"))
        let store = ProgressStore(directory: data.path)
        #expect(try store.load(learner: "ana").profile?.timeFactor == 1.5)
        for bad in ["0.5", "4.5", "1e308", "\"slow\""] {
            let error = try HostileProgressTests.refusal(
                HostileProgressTests.file(top: ", \"profile\": {\"timeFactor\": \(bad)}"))
            #expect(error?.description.contains("profile.timeFactor") == true)
        }
        let attempt = try HostileProgressTests.refusal(
            HostileProgressTests.file(overriding: ["timeFactor": "-2"]))
        #expect(attempt?.description.contains("attempts[0].timeFactor") == true)
    }

    @Test(arguments: [
        (
            "\"at\": \"2026-01-02T08:00:00Z\", \"score\": 1e308, \"max\": 1",
            "reviewAnswers[0].score"
        ),
        ("\"at\": \"2026-01-02T08:00:00Z\", \"score\": 1, \"max\": -1e300", "reviewAnswers[0].max"),
        ("\"at\": \"99999-01-01T00:00:00Z\", \"score\": 1, \"max\": 1", "reviewAnswers[0].at"),
    ])
    func reviewAnswersOutOfRangeAreRefused(members: String, place: String) throws {
        let error = try HostileProgressTests.refusal(
            HostileProgressTests.file(
                top: ", \"reviewAnswers\": [{\"ref\": \"q/q1\", \"competencies\": [], \(members)}]")
        )
        #expect(error?.description.contains(place) == true, "\(error?.description ?? "")")
    }
}
