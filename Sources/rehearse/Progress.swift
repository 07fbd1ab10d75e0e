import ArgumentParser
import Foundation
import RehearseBank
import RehearseCheck
import RehearseCore
import RehearseGrading
import RehearseProgress
import RehearseScoring
import RehearseSession

extension ProgressRenderer.Format: ExpressibleByArgument {}

/// `rehearse progress [LEARNER]`: a learner's dashboard, or with `--all` every learner's summary.
struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a learner's progress: attempts, mastery, questions due for review.",
        discussion: """
            The learner is the argument, else --learner, else $REHEARSE_LEARNER. With --all, \
            one line per learner of the data folder, for a trainer. Exit 2 when a progress file \
            cannot be read.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp("The learner id (an e-mail address serves).", valueName: "learner"))
    var learnerArgument: String?

    @Option(name: .long, help: "The learner id (default: $REHEARSE_LEARNER).")
    var learner: String?

    @Flag(name: .long, help: "Summarise every learner of the data folder.")
    var all = false

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: ProgressRenderer.Format = .table

    @Option(
        name: .customLong("stress-write"),
        help: ArgumentHelp("Test hook: record N attempts (0: until killed).", visibility: .private))
    var stressWrite: Int?

    @Option(
        name: .customLong("stress-id"),
        help: ArgumentHelp("Test hook: prefix of the attempt ids.", visibility: .private))
    var stressID: String?

    @Option(
        name: .customLong("stress-bench"),
        help: ArgumentHelp("Benchmark: time N answer saves.", visibility: .private))
    var stressBench: Int?

    @Option(
        name: .customLong("stress-history"),
        help: ArgumentHelp("Benchmark: past attempts on file.", visibility: .private))
    var stressHistory = 1000

    func validate() throws {
        if all && (learnerArgument != nil || learner != nil) {
            throw ValidationError("--all shows every learner: give no learner with it")
        }
        if (stressWrite != nil || stressBench != nil) && all {
            throw ValidationError("the stress options take one learner")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let now = try global.now()
        let store = global.progressStore()
        let color = global.useColor()
        if all {
            let rows: [LearnerSummary]
            do throws(ProgressError) {
                rows = try store.summary(at: now)
            } catch {
                throw fail(error)
            }
            writeOutput(ProgressRenderer.render(rows, at: now, as: format, color: color))
            let unreadable = rows.filter { $0.error != nil }
            for row in unreadable { printError("rehearse: \(row.error ?? row.learner)") }
            if !unreadable.isEmpty { throw ExitCode(2) }
            return
        }
        guard
            let id = learnerArgument ?? learner
                ?? environment["REHEARSE_LEARNER"].flatMap({ $0.isEmpty ? nil : $0 })
        else {
            printError(
                "rehearse: which learner? Give an id, --learner, set REHEARSE_LEARNER, or use --all"
            )
            throw ExitCode(64)
        }
        do throws(ProgressError) {
            if let count = stressWrite {
                try ProgressStress.write(
                    store: store, learner: id, count: count,
                    prefix: stressID ?? "p\(getpid())", start: now)
            } else if let count = stressBench {
                try ProgressStress.bench(
                    store: store, learner: id, saves: count, history: stressHistory, start: now)
            } else {
                let report = try store.report(learner: id, at: now)
                writeOutput(ProgressRenderer.render(report, as: format, color: color))
            }
        } catch {
            throw fail(error)
        }
    }

    /// Reports a store error; exit 64 for an invalid id, else 2 (a file cannot be read or written).
    private func fail(_ error: ProgressError) -> ExitCode {
        printError("rehearse: \(error)")
        return ExitCode(error.kind == .invalidID ? 64 : 2)
    }
}

/// The hidden test and benchmark hooks of `progress`: the kill and concurrency tests run the
/// binary as a writer in a child process; `bench/progress-bench.sh` times answer saves.
enum ProgressStress {
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
            writeOutput("saved \(id)\n")
            index += 1
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
            let begin = DispatchTime.now().uptimeNanoseconds
            try store.saveUnfinished(current)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6)
            if current.answers.count >= 20 { current.answers.removeAll() }
        }
        var fullWrites: [Double] = []
        for index in 0..<5 {
            let finished = attempt(
                "bench-full-\(getpid())-\(index)", learner: learner, at: start, answers: 10,
                status: .finished)
            let begin = DispatchTime.now().uptimeNanoseconds
            try store.record(finished, reviews: [])
            fullWrites.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6)
        }
        try store.discardUnfinished(learner: learner, quiz: "stress")
        let sorted = times.sorted()
        func quantile(_ values: [Double], _ q: Double) -> Double {
            values[min(values.count - 1, Int((Double(values.count - 1) * q).rounded()))]
        }
        let format = { (value: Double) in String(format: "%.2f", value) }
        writeOutput(
            """
            attempts on file: \(onFile) (\(size?.intValue ?? 0) bytes)
            saveUnfinished (one answer), \(sorted.count) saves: median \(format(quantile(sorted, 0.5))) ms, \
            p95 \(format(quantile(sorted, 0.95))) ms, max \(format(sorted.last ?? 0)) ms
            record (full rewrite of the learner file), 5 writes: median \
            \(format(quantile(fullWrites.sorted(), 0.5))) ms, max \(format(fullWrites.max() ?? 0)) ms

            """)
    }
}
