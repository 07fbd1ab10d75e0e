import Foundation
import RehearseCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The cache behind `progress --all`: per learner, what the summary row needs from the
/// learner's file, with the identity of the file it was computed from. It is never the source
/// of truth: an entry is used only while the file's identity (inode, size, modification and
/// change times to the nanosecond) is unchanged, and only when the file was already older than
/// `racyWindow` when it was read, so a rewrite within the file system's timestamp granularity
/// cannot go unseen (git's "racily clean" rule). A file that cannot be read is never cached.
///
/// The index is a binary file in `DATA/cache/`, written as every store file is (temp file,
/// flush, rename); a file that is damaged (wrong magic, version, checksum or length) is ignored
/// and rebuilt.
struct SummaryIndex: Sendable, Equatable {
    /// What identifies the bytes of a learner's file.
    struct Identity: Sendable, Hashable {
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var changed: Int64

        /// The identity of the file at `path`, nil when it is not a regular file.
        init?(path: String) {
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            self.init(info)
        }

        init(_ info: stat) {
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_ctim.tv_nsec)
        }

        init(inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
            self.inode = inode
            self.size = size
            self.modified = modified
            self.changed = changed
        }

        /// The later of the modification and change times, in seconds since 1970.
        var latest: Double { Double(max(modified, changed)) / 1e9 }
    }

    /// What the summary row of a learner takes from their file (times in seconds since 1970).
    struct Entry: Sendable, Equatable {
        var identity: Identity
        var attempts: Int
        var quizzes: Int
        var quizzesPassed: Int
        var lastActivity: Double?
        var mastery: Double?
        /// The due times of the learner's refs, each with how many refs fall due then, in time
        /// order.
        var due: [(time: Double, count: Int)]

        static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.identity == rhs.identity && lhs.attempts == rhs.attempts
                && lhs.quizzes == rhs.quizzes && lhs.quizzesPassed == rhs.quizzesPassed
                && lhs.lastActivity == rhs.lastActivity && lhs.mastery == rhs.mastery
                && lhs.due.map(\.time) == rhs.due.map(\.time)
                && lhs.due.map(\.count) == rhs.due.map(\.count)
        }

        /// The entry of a learner's progress read from a file with `identity`.
        init(_ progress: LearnerProgress, identity: Identity) {
            self.identity = identity
            // The row's figures but the due count, which is kept per due time below: the memory
            // states are left out of the report, which would only list and sort them.
            var withoutItems = progress
            withoutItems.items = [:]
            let summary = LearnerSummary(ProgressReport(withoutItems, at: RehearseClock.earliest))
            attempts = summary.attempts
            quizzes = summary.quizzes
            quizzesPassed = summary.quizzesPassed
            lastActivity = summary.lastActivity?.timeIntervalSince1970
            mastery = summary.mastery
            var counts: [Double: Int] = [:]
            for state in progress.items.values {
                counts[state.due.timeIntervalSince1970, default: 0] += 1
            }
            due = counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }

        init(
            identity: Identity, attempts: Int, quizzes: Int, quizzesPassed: Int,
            lastActivity: Double?, mastery: Double?, due: [(time: Double, count: Int)]
        ) {
            self.identity = identity
            self.attempts = attempts
            self.quizzes = quizzes
            self.quizzesPassed = quizzesPassed
            self.lastActivity = lastActivity
            self.mastery = mastery
            self.due = due
        }

        /// The learner's summary row at a time.
        func summary(learner: String, at now: Date) -> LearnerSummary {
            let limit = now.timeIntervalSince1970
            var dueNow = 0
            for (time, count) in due where time <= limit { dueNow += count }
            return LearnerSummary(
                learner: learner, attempts: attempts, quizzes: quizzes,
                quizzesPassed: quizzesPassed,
                lastActivity: lastActivity.map(Date.init(timeIntervalSince1970:)),
                mastery: mastery, dueNow: dueNow)
        }
    }

    /// How long after its last change a file must be before its entry is kept.
    static let racyWindow: TimeInterval = 2

    static let magic = Array("RHPSUM01".utf8)

    var entries: [String: Entry] = [:]

    // MARK: Bytes

    /// The index in `bytes`; nil when they are not a whole, undamaged index.
    init?(bytes: [UInt8]) {
        var reader = ByteReader(bytes: bytes)
        guard reader.take(Self.magic.count) == Self.magic, let checksum = reader.u64(),
            Self.checksum(bytes[reader.offset...]) == checksum, let count = reader.u64()
        else { return nil }
        for _ in 0..<min(count, UInt64(bytes.count)) {
            guard let name = reader.string(), let inode = reader.u64(), let size = reader.i64(),
                let modified = reader.i64(), let changed = reader.i64(),
                let attempts = reader.i64(), let quizzes = reader.i64(),
                let passed = reader.i64(), let last = reader.optionalDouble(),
                let mastery = reader.optionalDouble(), let dueCount = reader.u64(),
                dueCount <= UInt64(bytes.count)
            else { return nil }
            var due: [(Double, Int)] = []
            for _ in 0..<dueCount {
                guard let time = reader.double(), let number = reader.i64() else { return nil }
                due.append((time, Int(number)))
            }
            entries[name] = Entry(
                identity: Identity(inode: inode, size: size, modified: modified, changed: changed),
                attempts: Int(attempts), quizzes: Int(quizzes), quizzesPassed: Int(passed),
                lastActivity: last.value, mastery: mastery.value, due: due)
        }
        guard reader.offset == bytes.count, entries.count == Int(count) else { return nil }
    }

    init() {}

    /// The index as bytes: magic, checksum of the rest, count, then the entries by learner.
    var bytes: [UInt8] {
        var body: [UInt8] = []
        func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { body += $0 } }
        func i64(_ value: Int) { u64(UInt64(bitPattern: Int64(value))) }
        func double(_ value: Double) { u64(value.bitPattern) }
        func optional(_ value: Double?) {
            body.append(value == nil ? 0 : 1)
            double(value ?? 0)
        }
        u64(UInt64(entries.count))
        for (name, entry) in entries.sorted(by: { $0.key < $1.key }) {
            u64(UInt64(name.utf8.count))
            body += name.utf8
            u64(entry.identity.inode)
            i64(Int(entry.identity.size))
            i64(Int(entry.identity.modified))
            i64(Int(entry.identity.changed))
            i64(entry.attempts)
            i64(entry.quizzes)
            i64(entry.quizzesPassed)
            optional(entry.lastActivity)
            optional(entry.mastery)
            u64(UInt64(entry.due.count))
            for (time, count) in entry.due {
                double(time)
                i64(count)
            }
        }
        var output = Self.magic
        withUnsafeBytes(of: Self.checksum(body[...]).littleEndian) { output += $0 }
        return output + body
    }

    /// FNV-1a, 64 bits.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

/// Little-endian fields read from bytes, nil past the end.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func u64() -> UInt64? {
        guard 8 <= bytes.count - offset else { return nil }
        var value: UInt64 = 0
        for place in 0..<8 { value |= UInt64(bytes[offset + place]) << (8 * place) }
        offset += 8
        return value
    }

    mutating func i64() -> Int64? { u64().map { Int64(bitPattern: $0) } }

    mutating func double() -> Double? { u64().map(Double.init(bitPattern:)) }

    /// A flag byte then a double: `value` is nil when the flag is 0.
    mutating func optionalDouble() -> (value: Double?, Void)? {
        guard offset < bytes.count else { return nil }
        let flag = bytes[offset]
        offset += 1
        guard flag <= 1, let value = double() else { return nil }
        return (flag == 1 ? value : nil, ())
    }

    mutating func string() -> String? {
        guard let count = u64(), count <= UInt64(bytes.count), let raw = take(Int(count)) else {
            return nil
        }
        return String(validating: raw, as: UTF8.self)
    }
}
