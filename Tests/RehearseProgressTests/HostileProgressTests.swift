import Foundation
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseProgress
@testable import RehearseScoring

#if canImport(Glibc)
    import Glibc
#endif

/// Progress files a learner tampered with: every one is refused with a clear reason naming the
/// place, never a crash, and never overwritten.
@Suite struct HostileProgressTests {
    /// A current-version file of `ana` with one attempt and one memory state, with `attempt`
    /// and `item` members replaced as given.
    static func file(
        attempt: String = "", item: String = "", top: String = "",
        overriding: [String: String] = [:]
    ) -> String {
        var fields: [String: String] = [
            "\"id\"": "\"a1\"", "\"learner\"": "\"ana\"", "\"quiz\"": "\"q\"",
            "\"quizHash\"": "\"h\"", "\"mode\"": "\"practice\"", "\"seed\"": "7",
            "\"status\"": "\"finished\"", "\"startedAt\"": "\"2026-01-01T08:00:00Z\"",
            "\"answers\"": "[]", "\"format\"": "\"rehearse-attempt\"", "\"version\"": "1",
        ]
        for (key, value) in overriding { fields["\"\(key)\""] = value }
        let members = fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            .joined(separator: ", ")
        return """
            {"format": "rehearse-progress", "version": 1, "learner": "ana"\(top),
             "attempts": [{\(members)\(attempt)}],
             "items": {"q/q1": {"stability": 2.3, "difficulty": 5, "due": "2026-01-03T08:00:00Z",
               "lastReview": "2026-01-01T08:00:00Z", "reps": 1, "lapses": 0\(item)}}}
            """
    }

    static func refusal(_ text: String) throws -> ProgressError? {
        let data = try TemporaryDataFolder()
        try data.write("progress/ana.json", text)
        let store = ProgressStore(directory: data.path)
        let error = #expect(throws: ProgressError.self) { _ = try store.load(learner: "ana") }
        #expect(error?.kind == .unreadable)
        let writeError = #expect(throws: ProgressError.self) {
            try store.record(Sample.attempt("b", learner: "ana"), reviews: [])
        }
        #expect(writeError?.kind == .unreadable)
        #expect(data.contents("progress/ana.json") == Data(text.utf8), "never overwritten")
        return error
    }

    @Test func theCleanFileIsRead() throws {
        let data = try TemporaryDataFolder()
        try data.write("progress/ana.json", Self.file())
        let progress = try ProgressStore(directory: data.path).load(learner: "ana")
        #expect(progress.attempts.count == 1)
        #expect(progress.items["q/q1"]?.reps == 1)
    }

    @Test(arguments: [
        (", \"stability\": 1e308", "items.q/q1.stability"),
        (", \"stability\": 1e400", "items.q/q1.stability"),
        (", \"stability\": 0", "items.q/q1.stability"),
        (", \"stability\": -3", "items.q/q1.stability"),
        (", \"difficulty\": 11", "items.q/q1.difficulty"),
        (", \"reps\": 9223372036854775807", "items.q/q1.reps"),
        (", \"lapses\": -1", "items.q/q1.lapses"),
        (", \"reps\": 1.5", "items.q/q1.reps"),
        (", \"due\": \"-2026-01-01T00:00:00Z\"", "items.q/q1.due"),
        (", \"lastReview\": \"99999-01-01T00:00:00Z\"", "items.q/q1.lastReview"),
    ])
    func memoryStatesOutOfRangeAreRefused(member: String, place: String) throws {
        // The default member is removed, or the file would be refused for a duplicate key.
        let key = String(member.dropFirst(3).prefix { $0 != "\"" })
        let cleaned = Self.withoutFirst(key: key, in: Self.file(item: member))
        let error = try Self.refusal(cleaned)
        #expect(error?.description.contains(place) == true, "\(error?.description ?? "")")
    }

    /// The file with the first occurrence of `"key": value,` (the default one) removed.
    static func withoutFirst(key: String, in text: String) -> String {
        guard let range = text.range(of: "\"\(key)\": ") else { return text }
        let rest = text[range.upperBound...]
        guard let end = rest.firstIndex(where: { $0 == "," || $0 == "}" }) else { return text }
        let stop = rest[end] == "," ? rest.index(after: end) : end
        return String(text[..<range.lowerBound] + text[stop...])
    }

    @Test(arguments: [
        ("seed", "-5", "not a seed"),
        ("seed", "18446744073709551616", "not a seed"),
        ("percent", "-1e300", "not a percent"),
        ("percent", "101", "not a percent"),
        ("score", "1e308", "points"),
        ("version", "2", "attempt version"),
        ("startedAt", "\"10000-01-01T00:00:00Z\"", "1970-9999"),
    ])
    func attemptValuesOutOfRangeAreRefused(key: String, value: String, reason: String) throws {
        let error = try Self.refusal(Self.file(overriding: [key: value]))
        let description = error?.description ?? ""
        #expect(description.contains("attempts[0].\(key)"), "\(description)")
        #expect(description.contains(reason), "\(description)")
    }

    @Test func aDuplicateKeyIsRefusedByName() throws {
        let error = try Self.refusal(Self.file(top: ", \"learner\": \"bob\""))
        #expect(error?.description.contains("`learner` is given twice") == true)
        let nested = try Self.refusal(Self.file(item: ", \"reps\": 4"))
        #expect(nested?.description.contains("`reps` is given twice in items.q/q1") == true)
    }

    @Test(arguments: ["-1", "1.5", "\"1\"", "99"])
    func anUnknownVersionIsRefusedClearly(version: String) throws {
        let text = Self.file().replacingOccurrences(
            of: "\"version\": 1, \"learner\"", with: "\"version\": \(version), \"learner\"")
        let error = try Self.refusal(text)
        let description = error?.description ?? ""
        #expect(
            description.contains("unknown format version") || description.contains("newer"),
            "\(description)")
    }

    @Test func aFileOverTheSizeCapIsRefused() throws {
        let data = try TemporaryDataFolder()
        try data.write("progress/ana.json", Self.file())
        let handle = try #require(FileHandle(forWritingAtPath: data.file("progress/ana.json")))
        try handle.truncate(atOffset: UInt64(DurableFile.maximumSize + 1))
        try handle.close()
        let error = #expect(throws: ProgressError.self) {
            _ = try ProgressStore(directory: data.path).load(learner: "ana")
        }
        #expect(error?.description.contains("over the limit of 64 MiB") == true)
    }

    @Test func aFIFOInPlaceOfTheFileIsRefusedWithoutBlocking() throws {
        let data = try TemporaryDataFolder()
        try FileManager.default.createDirectory(
            atPath: data.file("progress"), withIntermediateDirectories: true)
        #expect(mkfifo(data.file("progress/ana.json"), 0o644) == 0)
        let error = #expect(throws: ProgressError.self) {
            _ = try ProgressStore(directory: data.path).load(learner: "ana")
        }
        #expect(error?.description.contains("not a regular file") == true)
    }

    @Test func unknownKeysAreKeptOnRewrite() throws {
        let data = try TemporaryDataFolder()
        try data.write(
            "progress/ana.json",
            Self.file(
                attempt: ", \"device\": {\"kind\": \"kiosk\"}", item: ", \"note\": \"mine\"",
                top: ", \"team\": \"north\""))
        let store = ProgressStore(directory: data.path)
        try store.record(Sample.attempt("b", learner: "ana"), reviews: [])
        let written = try #require(data.contents("progress/ana.json"))
        let document = try StrictJSON.parse(Array(written))
        #expect(document["team"] == .string("north"))
        #expect(document["attempts"]?.elements.first?["device"]?["kind"] == .string("kiosk"))
        #expect(document["items"]?["q/q1"]?["note"] == .string("mine"))
        #expect(try store.load(learner: "ana").attempts.count == 2, "still readable")
    }

    @Test func fsrsNeverTrapsOnExtremeStates() {
        let scheduler = FSRS()
        let now = Sample.start
        let extreme = MemoryState(
            stability: .greatestFiniteMagnitude, difficulty: .nan, due: now,
            lastReview: Date(timeIntervalSince1970: -1e15), reps: .max, lapses: .max)
        for rating in Rating.allCases {
            let next = scheduler.review(extreme, rating: rating, at: now)
            #expect(next.stability.isFinite && next.stability <= FSRS.maximumStability)
            #expect((1...10).contains(next.difficulty))
            #expect(next.reps == FSRS.maximumCount)
            #expect(RehearseClock.isInRange(next.due))
        }
        let late = scheduler.review(nil, rating: .good, at: RehearseClock.latest)
        #expect(late.due == RehearseClock.latest, "a due date never leaves the years 1970-9999")
        #expect(scheduler.intervalDays(stability: 1e300) == scheduler.maximumInterval)
    }

    @Test func renderingNeverTrapsOnHugeValues() {
        #expect(ProgressRenderer.percent(-1e300) == "-1000000000000000%")
        #expect(ProgressRenderer.percent(.nan) == "0%")
        #expect(ProgressRenderer.trend(.infinity) == "+1000000000000000")
        #expect(ProgressRenderer.bar(1e300, width: 4) == "####")
    }

    @Test func tamperedNamesAreEscapedInCSV() {
        let cell = CSVCell.text("team\u{1B}]0;pwned\u{7}").encoded
        #expect(!cell.unicodeScalars.contains("\u{1B}"))
        #expect(cell.contains("\\u{1B}"))
    }

    @Test func aPlantedSymlinkNeverLendsItsModeToTheWrittenFile() throws {
        let data = try TemporaryDataFolder()
        try data.write("elsewhere.json", Self.file())
        chmod(data.file("elsewhere.json"), 0o600)
        try FileManager.default.createDirectory(
            atPath: data.file("progress"), withIntermediateDirectories: true)
        #expect(symlink(data.file("elsewhere.json"), data.file("progress/ana.json")) == 0)
        let before = data.contents("elsewhere.json")
        try ProgressStore(directory: data.path).record(
            Sample.attempt("b", learner: "ana"), reviews: [])
        var info = stat()
        #expect(lstat(data.file("progress/ana.json"), &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFREG, "the link is replaced, not written through")
        #expect(info.st_mode & 0o7777 == 0o644, "an explicit mode, not the link's 0777")
        #expect(data.contents("elsewhere.json") == before)
    }

    @Test func aRegularFileKeepsItsPermissionsButNeverExecuteBits() throws {
        let data = try TemporaryDataFolder()
        try data.write("progress/ana.json", Self.file())
        chmod(data.file("progress/ana.json"), 0o4755)
        try ProgressStore(directory: data.path).record(
            Sample.attempt("b", learner: "ana"), reviews: [])
        var info = stat()
        #expect(stat(data.file("progress/ana.json"), &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o644)
    }
}
