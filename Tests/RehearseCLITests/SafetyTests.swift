import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile paths, values and progress files given to the commands: clear refusals, nothing
/// replaced that was not ours, no crash.
@Suite struct SafetyTests {
    typealias F = TakeFixtures

    func take(
        _ bank: TemporaryBank, _ arguments: [String], input: String = F.lines(F.firstBranch),
        environment: [String: String] = F.environment
    ) throws -> CLIResult {
        try CLI.run(
            ["take", "every-kind", "--learner", "sam", "--seed", "5"] + arguments + [
                "--bank", bank.url.path, "--data-dir", bank.url.appendingPathComponent("data").path,
            ],
            environment: environment, input: input)
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        _ = lstat(path, &info)
        return info.st_mode
    }

    @Test func recordRefusesAFolderWithAClearMessage() throws {
        let bank = try F.bank()
        let folder = bank.url.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let result = try take(bank, ["--record", folder])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(
            result.stderr.contains("cannot write \(folder): it is a folder"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test func recordRefusesAFIFOAndLeavesIt() throws {
        let bank = try F.bank()
        let fifo = bank.url.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let result = try take(bank, ["--record", fifo])
        #expect(result.status == 64)
        #expect(result.stderr.contains("it is a FIFO"), "\(result.stderr)")
        #expect(Self.mode(fifo) & S_IFMT == S_IFIFO, "still a FIFO")
    }

    @Test func recordRefusesASymlinkAndLeavesItsTarget() throws {
        let bank = try F.bank()
        let target = bank.url.appendingPathComponent("target.txt").path
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: target))
        let link = bank.url.appendingPathComponent("link.json").path
        #expect(symlink(target, link) == 0)
        let result = try take(bank, ["--record", link])
        #expect(result.status == 64)
        #expect(result.stderr.contains("it is a symbolic link"), "\(result.stderr)")
        #expect(Self.mode(link) & S_IFMT == S_IFLNK)
        #expect(FileManager.default.contents(atPath: target) == Data("mine\n".utf8))
    }

    @Test func recordRefusesAnotherFileButReplacesAnEarlierRecording() throws {
        let bank = try F.bank()
        let notes = bank.url.appendingPathComponent("notes.json").path
        try Data("{\"mine\": true}\n".utf8).write(to: URL(fileURLWithPath: notes))
        let refused = try take(bank, ["--record", notes])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("a file that this command did not write is there"))
        #expect(FileManager.default.contents(atPath: notes) == Data("{\"mine\": true}\n".utf8))

        let record = bank.url.appendingPathComponent("attempt.json").path
        let first = try take(bank, ["--record", record])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(Self.mode(record) & 0o777 == 0o644)
        let again = try take(bank, ["--record", record])
        #expect(again.status == 0, "an earlier recording is replaced: \(again.stderr)")
        #expect(again.stdout.contains("Attempt recorded in"))
    }

    @Test func recordInAMissingFolderIsRefusedBeforeTheQuiz() throws {
        let bank = try F.bank()
        let path = bank.url.appendingPathComponent("nowhere/attempt.json").path
        let result = try take(bank, ["--record", path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("its folder does not exist"))
        #expect(!result.stdout.contains("Result:"), "refused before the quiz started")
    }

    @Test func aBadClockIsAUsageErrorShownSafely() throws {
        let bank = try F.bank()
        for value in ["-2026-01-01T00:00:00Z", "99999-01-01T00:00:00Z", "\u{1B}[2Jnow"] {
            let result = try take(bank, [], environment: ["REHEARSE_NOW": value])
            #expect(result.status == 64, "\(value): \(result.stderr)")
            #expect(result.stderr.contains("bad REHEARSE_NOW"))
            #expect(!result.stderr.unicodeScalars.contains("\u{1B}"))
        }
    }

    @Test func tamperedNamesInProgressAreEscapedInTableAndCSV() throws {
        let bank = try F.bank()
        let progress = bank.url.appendingPathComponent("data/progress")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        let text = """
            {"format": "rehearse-progress", "version": 1, "learner": "ana",
             "attempts": [{"id": "a1", "learner": "ana", "quiz": "q\\u001b]0;pwned\\u0007",
               "quizHash": "h", "mode": "practice", "seed": 7, "status": "finished",
               "startedAt": "2026-01-01T08:00:00Z", "finishedAt": "2026-01-01T08:10:00Z",
               "answers": [], "percent": 50, "competencies": {"e\\u001b[2J": 50},
               "format": "rehearse-attempt", "version": 1}],
             "items": {}}
            """
        try Data(text.utf8).write(to: progress.appendingPathComponent("ana.json"))
        for format in ["table", "csv", "json"] {
            let result = try CLI.run(
                [
                    "progress", "ana", "--format", format, "--data-dir",
                    bank.url.appendingPathComponent("data").path,
                ],
                environment: F.environment)
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(!result.stdout.unicodeScalars.contains("\u{1B}"), "\(format)")
        }
    }

    @Test func twoTakesOfOneQuizKeepBothAttemptsAndResumeSaysSo() throws {
        let bank = try F.bank()
        for at in ["2026-01-05T09:00:00Z", "2026-01-05T10:00:00Z"] {
            let left = try take(bank, [], input: "true\n", environment: ["REHEARSE_NOW": at])
            #expect(left.stdout.contains("Your answers are kept"), "\(left.stdout)")
        }
        let folder = bank.url.appendingPathComponent("data/progress/unfinished/sam").path
        let logs = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".log") }
        #expect(logs.count == 2, "\(logs)")
        let resumed = try take(
            bank, ["--resume"], input: F.lines(Array(F.firstBranch.dropFirst())),
            environment: ["REHEARSE_NOW": "2026-01-05T11:00:00Z"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(
            resumed.stdout.contains(
                "You have 2 unfinished attempts at every-kind; resuming the latest, started 2026-01-05T10:00:00Z."
            ), "\(resumed.stdout)")
    }

    @Test func anAttemptFromTheFutureIsRefusedWhenRecorded() throws {
        let bank = try F.bank()
        let data = bank.url.appendingPathComponent("data")
        let record = bank.url.appendingPathComponent("attempt.json")
        let made = try take(
            bank, ["--record", record.path], environment: ["REHEARSE_NOW": "9999-01-01T00:00:00Z"])
        #expect(made.status == 0, "\(made.stderr)")
        let graded = try CLI.run(
            [
                "grade", record.path, "--update-progress", "--bank", bank.url.path, "--data-dir",
                data.appendingPathComponent("other").path,
            ], environment: ["REHEARSE_NOW": "2026-01-05T09:00:00Z"])
        #expect(graded.status != 0)
        #expect(graded.stderr.contains("after the present"), "\(graded.stderr)")
        #expect(
            !FileManager.default.fileExists(
                atPath: data.appendingPathComponent("other/progress/sam.json").path))
    }
}
