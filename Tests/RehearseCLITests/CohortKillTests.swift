import Foundation
import Testing

@testable import RehearseCore
@testable import RehearseProgress
@testable import RehearseScoring

#if canImport(Glibc)
    import Glibc
#endif

/// The grouped cohort write keeps the store's promise: a child writing whole cohorts
/// (`rehearse-stress cohort`) is killed with SIGKILL at random moments; after each kill every
/// learner's file must decode and hold every round the child reported saved. 150 learners in
/// CI; `REHEARSE_KILL_LEARNERS=10000` runs it at the scale of a contact centre.
@Suite(.serialized) struct CohortKillTests {
    @Test func killedCohortWritersLeaveEveryFileOldOrNew() throws {
        let environment = ProcessInfo.processInfo.environment
        let learners = environment["REHEARSE_KILL_LEARNERS"].flatMap { Int($0) } ?? 150
        let kills = environment["REHEARSE_KILL_ROUNDS"].flatMap { Int($0) } ?? 10
        let seed =
            environment["REHEARSE_TEST_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 1...UInt64(UInt32.max))
        var generator = SeededGenerator(seed: seed)
        let data = try TemporaryDataDirectory()
        let store = ProgressStore(directory: data.path)
        let folder = (data.path as NSString).appendingPathComponent("progress")
        var saved = Set<String>()
        var midWrite = 0
        // At least `kills` kills, and more (up to four times as many) until one lands during
        // the flushes of a group, where the temp files are on disk.
        for kill in 0..<(kills * 4) where kill < kills || midWrite == 0 {
            let process = Process()
            let output = Pipe()
            process.executableURL = CLI.stressBinary
            process.arguments = [
                "cohort", "--data-dir", data.path, "--learners", "\(learners)", "--attempts", "0",
                "--answers", "5", "--prefix", "k\(kill)",
            ]
            var childEnvironment = environment
            childEnvironment["REHEARSE_NOW"] = "2026-01-05T09:00:00Z"
            process.environment = childEnvironment
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // Wait for the first round, then kill at a random moment of the following ones.
            let started = DispatchTime.now().uptimeNanoseconds
            var text = ""
            while !text.contains("\n") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            let round = (DispatchTime.now().uptimeNanoseconds - started) / 1000
            usleep(UInt32(clamping: UInt64.random(in: 0...max(1, round), using: &generator)))
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            text += String(
                decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let rounds = text.split(separator: "\n").compactMap { line in
                line.hasPrefix("saved round ") ? "k\(kill)-round-\(line.dropFirst(12))" : nil
            }
            #expect(!rounds.isEmpty, "seed \(seed), kill \(kill): the writer saved nothing")
            saved.formUnion(rounds)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
            if leftovers.contains(where: { $0.contains(".tmp-") }) { midWrite += 1 }
            for index in 0..<learners {
                let learner = "learner" + String(format: "%05d", index) + "@example.com"
                let progress = try store.load(learner: learner)
                let lost = saved.subtracting(progress.attempts.map(\.id))
                #expect(lost.isEmpty, "seed \(seed), kill \(kill), \(learner): lost \(lost)")
                if !lost.isEmpty { return }
            }
        }
        #expect(
            midWrite > 0, "seed \(seed): no kill landed during a write: the test proves nothing")
    }
}
