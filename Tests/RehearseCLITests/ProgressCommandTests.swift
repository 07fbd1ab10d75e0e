import Foundation
import RehearseCore
import RehearseProgress
import RehearseScoring
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A temporary data folder for the progress store, removed when the test ends.
final class TemporaryDataDirectory {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("rehearse-data-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A child `rehearse-stress write`: records attempts through the real store, saying each.
struct StressWriter {
    let process = Process()
    let output = Pipe()
    let errors = Pipe()

    init(learner: String, data: String, count: Int, prefix: String) throws {
        process.executableURL = CLI.stressBinary
        process.arguments = [
            "write", learner, "--data-dir", data, "--count", "\(count)", "--prefix", prefix,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["REHEARSE_NOW"] = "2026-01-05T09:00:00Z"
        process.environment = environment
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// The ids the child reported as saved in `text`.
    static func savedIDs(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            line.hasPrefix("saved ") ? String(line.dropFirst(6)) : nil
        }
    }
}

/// Reliability proofs and the `progress` command end to end.
@Suite(.serialized) struct ProgressCommandTests {
    // MARK: Reliability

    /// A writer killed with SIGKILL at random moments, 200 times: the file always decodes and
    /// holds every attempt the writer reported as saved. The moments come from a seed
    /// (`REHEARSE_TEST_SEED` replays one), shown when the test fails.
    @Test func killedWritersNeverTearTheFileNorLoseASavedAttempt() throws {
        let data = try TemporaryDataDirectory()
        let store = ProgressStore(directory: data.path)
        var saved: [String: Set<String>] = [:]
        let seed =
            ProcessInfo.processInfo.environment["REHEARSE_TEST_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 1...UInt64(UInt32.max))
        var generator = SeededGenerator(seed: seed)
        let folder = (data.path as NSString).appendingPathComponent("progress")
        // Kills that left a temp file behind: they landed in the middle of a write.
        var midWrite = 0
        for round in 0..<200 {
            // A few learners, so each file stays small and the rounds stay quick.
            let learner = "killed-\(round % 8)"
            let writer = try StressWriter(
                learner: learner, data: data.path, count: 0, prefix: "r\(round)")
            // Wait for the first save, then kill at a random moment of the following writes.
            var text = ""
            while !text.contains("\n") {
                let chunk = writer.output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            usleep(UInt32.random(in: 0...15_000, using: &generator))
            kill(writer.process.processIdentifier, SIGKILL)
            writer.process.waitUntilExit()
            text += String(
                decoding: writer.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let problems = String(
                decoding: writer.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let ids = StressWriter.savedIDs(text)
            #expect(
                !ids.isEmpty, "seed \(seed), round \(round): the writer saved nothing: \(problems)")
            saved[learner, default: []].formUnion(ids)

            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
            if leftovers.contains(where: { $0.contains(".tmp-") }) { midWrite += 1 }
            let progress = try store.load(learner: learner)
            let onFile = Set(progress.attempts.map(\.id))
            let lost = saved[learner, default: []].subtracting(onFile)
            #expect(
                lost.isEmpty,
                "seed \(seed), round \(round): attempts reported saved but lost: \(lost)")
            if !lost.isEmpty { return }
        }
        #expect(saved.values.map(\.count).reduce(0, +) >= 200)
        #expect(
            midWrite > 0, "seed \(seed): no kill landed during a write: the test proves nothing")
    }

    /// Eight processes add 25 attempts each to one learner at once: 200 attempts, none lost.
    @Test func concurrentWritersLoseNoAttempt() throws {
        let data = try TemporaryDataDirectory()
        let writers = try (0..<8).map {
            try StressWriter(learner: "shared", data: data.path, count: 25, prefix: "w\($0)")
        }
        var reported = Set<String>()
        for writer in writers {
            let text = String(
                decoding: writer.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let problems = String(
                decoding: writer.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            writer.process.waitUntilExit()
            #expect(writer.process.terminationStatus == 0, "\(problems)")
            reported.formUnion(StressWriter.savedIDs(text))
        }
        #expect(reported.count == 200)
        let progress = try ProgressStore(directory: data.path).load(learner: "shared")
        #expect(progress.attempts.count == 200)
        #expect(Set(progress.attempts.map(\.id)) == reported)
        let names = try FileManager.default.contentsOfDirectory(
            atPath: (data.path as NSString).appendingPathComponent("progress"))
        #expect(!names.contains { $0.contains(".tmp-") }, "no temp file is left behind")
    }

    // MARK: The command

    static let now = "2026-01-10T09:00:00Z"

    /// A data folder with two learners: ana with three attempts of one quiz and one of another,
    /// and reviews; bob with one failed attempt.
    static func seeded() throws -> TemporaryDataDirectory {
        let data = try TemporaryDataDirectory()
        let store = ProgressStore(directory: data.path)
        let day = 86_400.0
        let start = try #require(RehearseClock.parse("2026-01-01T09:00:00Z"))
        func attempt(
            _ id: String, _ learner: String, _ quiz: String, _ percent: Double, day offset: Double,
            competencies: [String: Double]
        ) -> AttemptRecord {
            AttemptRecord(
                id: id, learner: learner, quiz: quiz, quizHash: "h", mode: "practice", seed: 1,
                status: .finished, startedAt: start.addingTimeInterval(offset * day),
                finishedAt: start.addingTimeInterval(offset * day + 600), answers: [],
                score: percent, max: 100, percent: percent, passed: percent >= 70,
                competencies: competencies)
        }
        try store.record(
            attempt("a1", "ana", "week-one", 50, day: 0, competencies: ["empathy": 40]),
            reviews: [
                ReviewEvent(ref: "week-one/q1", rating: .again, at: start),
                ReviewEvent(ref: "week-one/q2", rating: .good, at: start),
            ])
        try store.record(
            attempt("a2", "ana", "week-one", 90, day: 1, competencies: ["empathy": 90]),
            reviews: [])
        try store.record(
            attempt("a3", "ana", "week-one", 80, day: 2, competencies: ["empathy": 80]),
            reviews: [
                ReviewEvent(
                    ref: "week-one/q3", rating: .easy, at: start.addingTimeInterval(2 * day))
            ])
        try store.record(
            attempt("a4", "ana", "refunds", 60, day: 3, competencies: ["=cmd|'/c calc'!A1": 60]),
            reviews: [])
        try store.record(
            attempt("b1", "bob", "week-one", 30, day: 4, competencies: ["empathy": 30]),
            reviews: [])
        var unfinished = attempt("a5", "ana", "escalation", 0, day: 5, competencies: [:])
        unfinished.status = .unfinished
        try store.saveUnfinished(unfinished)
        return data
    }

    @Test func theDashboardShowsAttemptsMasteryAndReviews() throws {
        let data = try Self.seeded()
        let result = try CLI.run(
            ["progress", "Ana", "--data-dir", data.path], environment: ["REHEARSE_NOW": Self.now])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Progress of ana as of 2026-01-10 09:00 UTC")
        #expect(
            lines.contains("  week-one           3   90%   80%    -10  passed"), "\(result.stdout)")
        #expect(lines.contains { $0.hasPrefix("  refunds") && $0.hasSuffix("not passed yet") })
        #expect(
            lines.contains("  escalation         0     -     -      -  unfinished"),
            "\(result.stdout)")
        #expect(
            lines.contains(
                "  escalation has an attempt in progress: `rehearse take escalation --resume`"))
        #expect(
            lines.contains {
                $0.hasPrefix("  empathy ") && $0.contains("################----  80%")
            })
        #expect(
            lines.contains("  2 due now, next in 1 day (2026-01-11 09:00 UTC)"), "\(result.stdout)")
        #expect(lines.contains("  week-one/q1  due 8 days ago"))
        #expect(lines.contains("  week-one/q3  in 1 day"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour in a pipe")
    }

    @Test func theLearnerComesFromTheOptionOrTheEnvironment() throws {
        let data = try Self.seeded()
        let byOption = try CLI.run(
            ["progress", "--learner", "bob", "--data-dir", data.path],
            environment: ["REHEARSE_NOW": Self.now])
        #expect(byOption.stdout.hasPrefix("Progress of bob "))
        let byEnvironment = try CLI.run(
            ["progress"],
            environment: [
                "REHEARSE_NOW": Self.now, "REHEARSE_LEARNER": "bob", "REHEARSE_HOME": data.path,
            ])
        #expect(byEnvironment.stdout.hasPrefix("Progress of bob "), "\(byEnvironment.stderr)")
        let none = try CLI.run(
            ["progress", "--data-dir", data.path], environment: ["REHEARSE_LEARNER": ""])
        #expect(none.status == 64)
        #expect(none.stderr.contains("which learner?"))
    }

    @Test func allSummarisesEveryLearner() throws {
        let data = try Self.seeded()
        let table = try CLI.run(
            ["progress", "--all", "--data-dir", data.path], environment: ["REHEARSE_NOW": Self.now])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "2 learners as of 2026-01-10 09:00 UTC")
        #expect(
            lines.contains("  ana             4     1/2  2026-01-06       2  #######--- 70%"),
            "\(table.stdout)")
        #expect(lines.contains("  bob             1     0/1  2026-01-05       0  ###------- 30%"))

        let json = try CLI.run(
            ["progress", "--all", "--format", "json", "--data-dir", data.path],
            environment: ["REHEARSE_NOW": Self.now])
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let learners = try #require(document["learners"] as? [[String: Any]])
        #expect(learners.map { $0["learner"] as? String } == ["ana", "bob"])
        #expect(learners[0]["dueNow"] as? Int == 2)
    }

    @Test func csvKeepsNumbersAndNeutralisesFormulas() throws {
        let data = try Self.seeded()
        let result = try CLI.run(
            ["progress", "ana", "--format", "csv", "--data-dir", data.path],
            environment: ["REHEARSE_NOW": Self.now])
        #expect(result.status == 0)
        let lines = result.stdout.components(separatedBy: "\r\n")
        #expect(lines[0] == "learner,kind,id,attempts,best,last,trend,passed,percent,due")
        #expect(lines.contains("ana,quiz,week-one,3,90,80,-10,true,,"))
        #expect(lines.contains("ana,competency,'=cmd|'/c calc'!A1,,,,,,60,"))
        #expect(lines.contains("ana,review,week-one/q1,,,,,,,2026-01-02T09:00:00Z"))
        #expect(CSVCell.text("+1+1").encoded == "'+1+1")
        #expect(CSVCell.text("@x").encoded == "'@x")
        #expect(CSVCell.text("\tx").encoded == "'\tx")
        #expect(CSVCell.text("\rx").encoded == "\"'\rx\"")
        #expect(CSVCell.text("a,\"b\"").encoded == "\"a,\"\"b\"\"\"")
        #expect(CSVCell.number(-3).encoded == "-3")
    }

    @Test func jsonHasTheDashboardFields() throws {
        let data = try Self.seeded()
        let result = try CLI.run(
            ["progress", "ana", "--format", "json", "--data-dir", data.path],
            environment: ["REHEARSE_NOW": Self.now])
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["learner"] as? String == "ana")
        #expect((document["competencies"] as? [String: Double])?["empathy"] == 80)
        #expect(
            (document["due"] as? [[String: Any]])?.map { $0["ref"] as? String }
                == ["week-one/q1", "week-one/q2"])
        #expect(document["inProgress"] as? [String] == ["escalation"])
        let quizzes = try #require(document["quizzes"] as? [[String: Any]])
        #expect(quizzes.first { $0["quiz"] as? String == "week-one" }?["trend"] as? Double == -10)
    }

    @Test func anUnreadableFileExitsTwoNamingIt() throws {
        let data = try Self.seeded()
        let file = (data.path as NSString).appendingPathComponent("progress/bob.json")
        try Data("{\"format\": \"rehearse-progress\", \"version\": 9}".utf8)
            .write(to: URL(fileURLWithPath: file))
        let single = try CLI.run(["progress", "bob", "--data-dir", data.path])
        #expect(single.status == 2)
        #expect(single.stderr.contains(file))
        #expect(single.stderr.contains("newer rehearse"))
        #expect(single.stdout.isEmpty)
        let all = try CLI.run(["progress", "--all", "--data-dir", data.path])
        #expect(all.status == 2)
        #expect(all.stdout.contains("ana"), "the other learners are still shown")
        #expect(all.stderr.contains(file))
    }

    @Test(arguments: ["../x", "/x", String(repeating: "a", count: 129)])
    func anInvalidLearnerIsAUsageError(id: String) throws {
        let data = try TemporaryDataDirectory()
        let result = try CLI.run(["progress", id, "--data-dir", data.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("invalid learner id"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).isEmpty)
    }

    @Test func theShippedBinaryHasNoStressHooks() throws {
        let help = try CLI.run(["progress", "--help"])
        #expect(help.stdout.contains("--all"))
        #expect(!help.stdout.contains("stress"))
        let data = try TemporaryDataDirectory()
        let hook = try CLI.run(["progress", "sam", "--data-dir", data.path, "--stress-write", "1"])
        #expect(hook.status == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).isEmpty)
    }
}
