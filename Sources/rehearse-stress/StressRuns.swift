import Dispatch
import Foundation
import RehearseProgress
import RehearseScoring

/// The runs of `rehearse-stress`: fabricated attempts written through the real store.
enum StressRuns {
    static func attempt(
        _ id: String, learner: String, at time: Date, answers: Int, status: AttemptRecord.Status
    ) -> AttemptRecord {
        AttemptRecord(
            id: id, learner: learner, quiz: "stress", quizHash: "stress", mode: "practice",
            seed: 1, status: status, startedAt: time,
            finishedAt: status == .finished ? time.addingTimeInterval(60) : nil,
            answers: (0..<answers).map {
                AttemptRecord.Answer(
                    ref: "stress/q\($0)", answer: "a", score: 1, max: 1,
                    answeredAt: time.addingTimeInterval(Double($0)))
            }, score: Double(answers), max: Double(answers), percent: 100, passed: true,
            competencies: ["stress": 100])
    }

    /// Records attempts one by one; after each durable save prints `saved ID`.
    static func write(
        store: ProgressStore, learner: String, count: Int, prefix: String, start: Date
    ) throws(ProgressError) {
        var index = 0
        while count == 0 || index < count {
            let id = "\(prefix)-\(index)"
            let time = start.addingTimeInterval(Double(index))
            try store.record(
                attempt(id, learner: learner, at: time, answers: 3, status: .finished),
                reviews: [ReviewEvent(ref: "stress/q\(index % 5)", rating: .good, at: time)])
            say("saved \(id)\n")
            index += 1
        }
    }

    /// Records `rounds` attempts for each of `learners` learners (learner00000@example.com, …),
    /// one cohort write per round, dated a day apart before `start`; prints `saved round R`
    /// once a round is durable.
    static func cohort(
        store: ProgressStore, learners: Int, rounds: Int, answers: Int, prefix: String,
        start: Date
    ) throws(ProgressError) {
        var round = 0
        while rounds == 0 || round < rounds {
            let time = start.addingTimeInterval(Double((round - max(rounds, round + 1)) * 86_400))
            let recordings = (0..<learners).map { index in
                let learner = "learner" + String(format: "%05d", index) + "@example.com"
                var record = attempt(
                    "\(prefix)-round-\(round)", learner: learner, at: time, answers: answers,
                    status: .finished)
                for offset in record.answers.indices {
                    // Scores that vary by learner and round, as a cohort's do.
                    let score = Double((index &* 7 &+ offset &* 3 &+ round) % 3) / 2
                    record.answers[offset].score = score
                    record.answers[offset].answeredAt = nil
                }
                let earned = record.answers.compactMap(\.score).reduce(0, +)
                record.score = earned
                record.percent = answers == 0 ? 0 : earned / Double(answers) * 100
                record.passed = (record.percent ?? 0) >= 70
                record.competencies = ["stress": record.percent ?? 0]
                let reviews = record.answers.map {
                    ReviewEvent(
                        ref: $0.ref,
                        rating: Rating.from(earned: $0.score ?? 0, max: $0.max ?? 1), at: time)
                }
                return LearnerRecording(attempts: [record], reviews: reviews)
            }
            try store.recordCohort(recordings)
            say("saved round \(round)\n")
            round += 1
        }
    }

    /// Times saving one answer (the attempt in progress) with `history` past attempts on file.
    static func bench(
        store: ProgressStore, learner: String, saves: Int, history: Int, start: Date
    ) throws(ProgressError) {
        let existing = try store.load(learner: learner).attempts.count
        if existing < history {
            let missing = (existing..<history).map {
                attempt(
                    "past-\($0)", learner: learner, at: start.addingTimeInterval(Double($0 * 3600)),
                    answers: 10, status: .finished)
            }
            try store.recordAll(missing, reviews: [])
        }
        let onFile = try store.load(learner: learner).attempts.count
        let size =
            (try? FileManager.default.attributesOfItem(atPath: store.progressPath(learner: learner)))?[
                .size] as? NSNumber
        var current = attempt(
            "bench-\(getpid())", learner: learner, at: start, answers: 0, status: .unfinished)
        var times: [Double] = []
        for index in 0..<max(1, saves) {
            current.answers.append(
                AttemptRecord.Answer(
                    ref: "stress/q\(index % 20)", answer: "a", score: 1, max: 1,
                    answeredAt: start.addingTimeInterval(Double(index))))
            times.append(
                try milliseconds { () throws(ProgressError) in try store.saveUnfinished(current) })
            if current.answers.count >= 20 { current.answers.removeAll() }
        }
        var fullWrites: [Double] = []
        for index in 0..<5 {
            let finished = attempt(
                "bench-full-\(getpid())-\(index)", learner: learner, at: start, answers: 10,
                status: .finished)
            fullWrites.append(
                try milliseconds { () throws(ProgressError) in
                    try store.record(finished, reviews: [])
                })
        }
        try store.discardUnfinished(learner: learner, quiz: "stress")
        let sorted = times.sorted()
        func quantile(_ values: [Double], _ q: Double) -> Double {
            values[min(values.count - 1, Int((Double(values.count - 1) * q).rounded()))]
        }
        let format = { (value: Double) in String(format: "%.2f", value) }
        say(
            """
            attempts on file: \(onFile) (\(size?.intValue ?? 0) bytes)
            saveUnfinished (one answer), \(sorted.count) saves: median \(format(quantile(sorted, 0.5))) ms, \
            p95 \(format(quantile(sorted, 0.95))) ms, max \(format(sorted.last ?? 0)) ms
            record (full rewrite of the learner file), 5 writes: median \
            \(format(quantile(fullWrites.sorted(), 0.5))) ms, max \(format(fullWrites.max() ?? 0)) ms

            """)
    }

    /// Writes to standard output at once (unbuffered: a killed writer has said what it saved).
    static func say(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// How long `body` takes, in milliseconds on the monotonic clock.
    static func milliseconds(_ body: () throws(ProgressError) -> Void) throws(ProgressError)
        -> Double
    {
        let begin = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds &- begin) / 1e6
    }
}
