import Foundation
import RehearseScoring
import Testing

@testable import RehearseProgress

#if canImport(Glibc)
    import Glibc
#endif

/// `grade --update-progress` of a whole cohort keeps the store's promise when it is killed: a
/// cohort graded once (the old files), then a second sheet graded over it (the new files) by a
/// child killed with SIGKILL at a seeded moment seen on disk, never timed: at once, once it has
/// a seeded number of its own temp files (also every kill after the planned ones while none has
/// landed mid-write), or once a seeded learner's file has been replaced. After each kill every
/// learner's file is
/// byte for byte the old one or the new one (the new ones made by an uninterrupted run in another
/// folder), every backup too, and `progress --all` reads them all; a kill counts as mid-write when
/// temp files were left or some files were new and others old. A last run completes and leaves
/// every file new. 300 learners by default; CI sets `REHEARSE_KILL_LEARNERS=10000` (`.ci/run`).
@Suite(.serialized) struct GradeKillTests {
    static let questions = 5

    /// A quiz of five choice questions (refs `kill/q0` … `kill/q4`).
    static var quiz: String {
        var lines = ["id: kill", "title: Kill test", "pass: 60%", "mode: exam", "items:"]
        for index in 0..<questions {
            lines += [
                "  - question:", "      id: q\(index)", "      kind: choice",
                "      competency: empathy", "      prompt: Question \(index)?", "      options:",
                "        - {id: a, text: A, correct: true}", "        - {id: b, text: B}",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A long sheet: every learner answers every question; `variant` changes the answers.
    static func sheet(learners: Int, variant: Int) -> String {
        var text = "learner,quiz,question,answer\n"
        for index in 0..<learners {
            for question in 0..<questions {
                let answer = (index &+ question &+ variant) % 3 == 0 ? "b" : "a"
                text += "\(learner(index)),kill,kill/q\(question),\(answer)\n"
            }
        }
        return text
    }

    static func learner(_ index: Int) -> String {
        "learner" + String(format: "%05d", index) + "@example.com"
    }

    /// Each learner's file (and its backup, when there is one) in a data folder.
    static func files(in data: String, learners: Int) -> [(file: Data?, backup: Data?)] {
        let folder = (data as NSString).appendingPathComponent("progress")
        return (0..<learners).map { index in
            let file = (folder as NSString).appendingPathComponent(learner(index) + ".json")
            return (
                FileManager.default.contents(atPath: file),
                FileManager.default.contents(atPath: file + ".bak")
            )
        }
    }

    static func grade(_ sheet: String, bank: String, data: String, now: String) -> Process {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = [
            "grade", "--bank", bank, sheet, "--update-progress", "--data-dir", data,
            "--format", "json",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["REHEARSE_NOW"] = now
        environment["REHEARSE_HOME"] = nil
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        return process
    }

    /// The temp files of the store in `folder` now.
    static func tempFiles(in folder: String) -> Set<String> {
        Set(
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
                $0.contains(".tmp-")
            })
    }

    /// Where a killed run stands when it is killed: observed on disk, never timed.
    enum Moment {
        /// As soon as it has started (reading the sheet, grading).
        case atStart
        /// Once it has `count` temp files of its own (writing).
        case tempFiles(count: Int)
        /// Once the file at `path` has been replaced (renaming).
        case replaced(path: String)
    }

    /// Returns once `process` has reached `moment`, or has ended. `earlier` are the temp files
    /// a killed run left behind, which are not this run's.
    static func wait(
        for moment: Moment, in folder: String, besides earlier: Set<String>, while process: Process
    ) {
        switch moment {
        case .atStart:
            return
        case .tempFiles(let count):
            while process.isRunning {
                guard let entries = opendir(folder) else { return }
                defer { closedir(entries) }
                var own = 0
                while let entry = readdir(entries) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { name in
                        String(decoding: name.prefix { $0 != 0 }, as: UTF8.self)
                    }
                    if name.contains(".tmp-") && !earlier.contains(name) { own += 1 }
                }
                if own >= count { return }
                sched_yield()
            }
        case .replaced(let path):
            let inode = { () -> ino_t? in
                var info = stat()
                return stat(path, &info) == 0 ? info.st_ino : nil
            }
            let before = inode()
            while process.isRunning && inode() == before { sched_yield() }
        }
    }

    @Test func killedGradeLeavesEveryLearnerFileOldOrNew() throws {
        let environment = ProcessInfo.processInfo.environment
        let learners = environment["REHEARSE_KILL_LEARNERS"].flatMap { Int($0) } ?? 300
        let kills = environment["REHEARSE_KILL_ROUNDS"].flatMap { Int($0) } ?? 3
        let seed =
            environment["REHEARSE_TEST_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 1...UInt64(UInt32.max))
        print("GradeKillTests: \(learners) learners, seed \(seed) (REHEARSE_TEST_SEED replays)")
        var generator = SeededGenerator(seed: seed)
        let bank = try TemporaryBank(["quizzes/kill.yaml": Self.quiz])
        let sheets = try TemporaryDataDirectory()
        let first = (sheets.path as NSString).appendingPathComponent("first.csv")
        let second = (sheets.path as NSString).appendingPathComponent("second.csv")
        try Data(Self.sheet(learners: learners, variant: 0).utf8).write(
            to: URL(fileURLWithPath: first))
        try Data(Self.sheet(learners: learners, variant: 1).utf8).write(
            to: URL(fileURLWithPath: second))
        let (day1, day2) = ("2026-01-05T09:00:00Z", "2026-01-06T09:00:00Z")
        let work = try TemporaryDataDirectory()
        let reference = try TemporaryDataDirectory()
        for data in [work.path, reference.path] {
            let process = Self.grade(first, bank: bank.url.path, data: data, now: day1)
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "the first grade failed")
        }
        let old = Self.files(in: work.path, learners: learners).map(\.file)
        // The new files, from a run nothing interrupts.
        let full = Self.grade(second, bank: bank.url.path, data: reference.path, now: day2)
        try full.run()
        full.waitUntilExit()
        try #require(full.terminationStatus == 0, "the second grade failed")
        let new = Self.files(in: reference.path, learners: learners).map(\.file)
        for index in 0..<learners {
            try #require(old[index] != nil && new[index] != nil && old[index] != new[index])
        }

        let folder = (work.path as NSString).appendingPathComponent("progress")
        var midWrite = 0
        var newerBefore = 0
        for kill in 0..<(kills * 4) where kill < kills || midWrite == 0 {
            let leftBehind = Self.tempFiles(in: folder)
            let process = Self.grade(second, bank: bank.url.path, data: work.path, now: day2)
            try process.run()
            let learner = Int.random(in: 0..<learners, using: &generator)
            let moment: Moment =
                switch kill < kills ? kill % 3 : 1 {
                case 0: .atStart
                case 2:
                    .replaced(
                        path: (folder as NSString).appendingPathComponent(
                            Self.learner(learner) + ".json"))
                // Temp files exist a group of learners at a time.
                default: .tempFiles(count: 1 + learner % min(learners, ProgressStore.cohortGroup))
                }
            Self.wait(for: moment, in: folder, besides: leftBehind, while: process)
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let tempFiles = Self.tempFiles(in: folder)
            let temps = tempFiles.count
            var (newer, older) = (0, 0)
            for (index, found) in Self.files(in: work.path, learners: learners).enumerated() {
                let place = "seed \(seed), kill \(kill), \(Self.learner(index))"
                if found.file == new[index] {
                    newer += 1
                } else if found.file == old[index] {
                    older += 1
                } else {
                    Issue.record("\(place): the file is neither the old nor the new one")
                    return
                }
                if let backup = found.backup, backup != old[index], backup != new[index] {
                    Issue.record("\(place): the backup is neither the old nor the new file")
                    return
                }
            }
            // This run's own temp files left, or some files renamed by it and others not yet
            // (a killed run's leftovers and renames do not count again).
            let killedMidWrite =
                !tempFiles.subtracting(leftBehind).isEmpty
                || (newer != newerBefore && newer > 0 && older > 0)
            newerBefore = newer
            if killedMidWrite { midWrite += 1 }
            print(
                "GradeKillTests: kill \(kill): \(newer) files new, \(older) old, \(temps) temp files"
                    + (killedMidWrite ? " (mid-write)" : ""))
            let read = try CLI.run(
                ["progress", "--all", "--format", "csv", "--data-dir", work.path],
                environment: ["REHEARSE_NOW": day2])
            #expect(read.status == 0, "seed \(seed), kill \(kill): \(read.stderr)")
            // The CSV's lines end with CRLF: counted by their LF bytes.
            #expect(read.stdout.utf8.split(separator: 0x0A).count == learners + 1)
        }
        #expect(
            midWrite > 0, "seed \(seed): no kill landed during a write: the test proves nothing")

        let rerun = Self.grade(second, bank: bank.url.path, data: work.path, now: day2)
        try rerun.run()
        rerun.waitUntilExit()
        #expect(rerun.terminationStatus == 0, "seed \(seed): the rerun failed")
        let after = Self.files(in: work.path, learners: learners).map(\.file)
        #expect(after == new, "seed \(seed): after the rerun some files are not the new ones")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "seed \(seed): temp files left after the rerun: \(leftovers)")
    }
}
