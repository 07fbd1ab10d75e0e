import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// The graded learners of a cohort, kept compact: per learner a fixed record of its totals, its
/// outcome numbers in one flat table, its competency scores in another, the questions it
/// answered off its path in a third and its id in a `NameTable`; plans and files shared, seeds
/// and attempts kept only for the learners who have them. A learner is read as a
/// `LearnerGrade`, made on access.
///
/// The tables are `SpillTable`s: past their memory limit they live in temporary files and only
/// the pages read lately stay in memory (given back every `releaseEvery` learners in the passes
/// front to back, and every `readsBetweenReleases` learners read through the subscript or
/// `withOutcomes`, which may read them in any order: each read in a new place maps up to 16
/// neighbouring pages of every table, the kernel's fault-around, so a read in any order counts
/// more). The
/// tables are shared by copies of the value; only the grader appends, to values of its own.
public struct GradedLearners: RandomAccessCollection, Sendable {
    /// One learner's fixed-size part.
    struct Record: Sendable {
        var earned: Double
        var max: Double
        var percent: Double
        /// Where the learner's outcome numbers start in `outcomes`.
        var start: Int
        var line: Int
        var plan: Int32
        var file: Int32
        var unanswered: Int32
        /// How many questions the learner answered off their path; they are the `ignored`
        /// count values from `ignoredStart` on.
        var ignoredCount: Int32
        var ignoredStart: Int
        var passed: Bool
    }

    let competencyCount: Int
    let records: SpillTable<Record>
    let names: NameTable
    /// The distinct plans (blocks in plan order) and files.
    var plans: [[Int]] = []
    var files: [String] = []
    private var planNumbers: [[Int]: Int32] = [:]
    private var fileNumbers: [String: Int32] = [:]
    /// Per learner, in plan order: the outcome number of each block of its plan.
    let outcomes: SpillTable<Int32>
    /// `competencyCount` per learner, each as its earned and its maximum points.
    let competencies: SpillTable<Double>
    /// Learners read through the subscript, and the weight of outcome readers' reads (see
    /// `OutcomeReader`), to give the tables' pages back now and then.
    let reads = ReadCounter()
    /// How many learners are read between two releases of the tables' pages in passes front to
    /// back, and through the subscript (mostly in order).
    static let releaseEvery = 1 << 13
    static let readsBetweenReleases = 256
    /// How many bytes of the tables `withOutcomes` may map between two releases of their pages,
    /// by the reads' estimate (`weight`). A release is a walk over the whole tables and a flush
    /// of the other cores' address caches: the `needsHelp` entries of a million learners, read
    /// a percent after the other, released the tables some 2,000 times when each read counted
    /// as a learner's worth or more, a fifth of the report's time. The report's passes run after
    /// the sheet is read and its buffers given back, so these pages fit under the peak.
    static let releaseBytes = 16 << 20
    /// The pages the kernel maps around a page read from a file (its fault-around): what a read
    /// far from the one before maps in each table.
    static let faultAroundBytes = 64 << 10
    /// The tables a read of a learner looks at (records, outcomes, competencies, the names and
    /// their ends).
    static let tablesRead = 5

    /// What a read of `position` right after one of `previous` may map that the one before did
    /// not, in bytes, for tables of `rowBytes` per learner in all: the rows passed over for a
    /// read further on (the pages between are mapped once, whatever the steps), and the
    /// fault-around of every table for a read anywhere else or far ahead.
    static func weight(_ position: Int, after previous: Int, rowBytes: Int) -> Int {
        let jump = tablesRead * faultAroundBytes
        guard position > previous else { return jump }
        let (distance, over) = position.subtractingReportingOverflow(previous)
        let (bytes, past) = distance.multipliedReportingOverflow(by: Swift.max(1, rowBytes))
        return over || past ? jump : Swift.min(bytes, jump)
    }

    /// The tables' bytes per learner, on average.
    var rowBytes: Int {
        let total =
            records.byteCount + outcomes.byteCount + competencies.byteCount + names.byteCount
            + ignored.byteCount
        return total / Swift.max(1, records.count)
    }

    /// Only the learners who have them.
    /// The questions each learner answered off their path, one learner after the other.
    let ignored: SpillTable<Int32>
    var seeds: [Int: UInt64] = [:]
    var attempts: [Int: AttemptRecord] = [:]
    /// For a slice of a cohort graded on several cores: where its next learner goes in the
    /// tables it shares with the whole cohort (nil: learners are appended). See `slice(_:of:)`.
    var slot: SliceSlot?

    init(competencyCount: Int, memoryLimit: Int = SpillTable<Int32>.defaultMemoryLimit) {
        self.init(
            competencyCount: competencyCount, records: SpillTable(memoryLimit: memoryLimit),
            outcomes: SpillTable(memoryLimit: memoryLimit),
            competencies: SpillTable(memoryLimit: memoryLimit), memoryLimit: memoryLimit)
    }

    /// Learners kept in these records, outcomes and competency tables (shared with others when
    /// a slice's), with names and ignored questions of their own.
    init(
        competencyCount: Int, records: SpillTable<Record>, outcomes: SpillTable<Int32>,
        competencies: SpillTable<Double>, memoryLimit: Int
    ) {
        self.competencyCount = competencyCount
        self.records = records
        self.outcomes = outcomes
        self.competencies = competencies
        ignored = SpillTable(memoryLimit: memoryLimit)
        names = NameTable(memoryLimit: memoryLimit)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    public subscript(position: Int) -> LearnerGrade {
        if reads.next() % Self.readsBetweenReleases == 0 { release() }
        let record = records[position]
        let plan = plans[Int(record.plan)]
        let from = position * competencyCount * 2
        return LearnerGrade(
            learner: names[position], file: files[Int(record.file)], line: record.line,
            blocks: plan, outcomes: outcomes.values(record.start..<(record.start + plan.count)),
            ignored: ignored(position), earned: record.earned, max: record.max,
            percent: record.percent, passed: record.passed,
            competencies: competencyScores(from),
            unanswered: Int(record.unanswered), seed: seeds[position],
            attempt: attempts[position])
    }

    /// Whether any table lives in a temporary file (past its memory limit).
    var isSpilled: Bool {
        records.isSpilled || ignored.isSpilled || names.isSpilled || outcomes.isSpilled
            || competencies.isSpilled
    }

    /// The learner's id, without making the whole `LearnerGrade`.
    public func name(_ position: Int) -> String { names[position] }

    /// The learner's id written as a JSON string, without making it a `String`.
    func writeName(_ position: Int, into out: inout JSONWriter) {
        names.withUTF8(position) { out.string(utf8: $0) }
    }

    /// The learner's total mark.
    public func earned(_ position: Int) -> Double { records[position].earned }

    /// Where a learner's outcome numbers are: their start in `outcomes` and the learner's plan.
    struct OutcomePlace: Sendable {
        var start: Int
        var plan: Int32
    }

    /// The questions the learner answered off their path (see `LearnerGrade.ignored`).
    func ignored(_ position: Int) -> [Int] {
        let record = records[position]
        guard record.ignoredCount > 0 else { return [] }
        return ignored.values(
            record.ignoredStart..<(record.ignoredStart + Int(record.ignoredCount))
        ).map(Int.init)
    }

    /// The learner's score in competency number `competency`, without making the whole
    /// `LearnerGrade` (for passes over every learner that need only their standing).
    func competencyScore(_ position: Int, _ competency: Int) -> CompetencyScore {
        let at = (position * competencyCount + competency) * 2
        return CompetencyScore(earned: competencies[at], max: competencies[at + 1])
    }

    /// The competency scores stored from `start` on.
    private func competencyScores(_ start: Int) -> [CompetencyScore] {
        (0..<competencyCount).map {
            CompetencyScore(
                earned: competencies[start + 2 * $0], max: competencies[start + 2 * $0 + 1])
        }
    }

    /// The learner's record.
    func record(_ position: Int) -> Record { records[position] }

    /// Gives the pages of the tables back to the system (spilled tables only; nothing is lost).
    func release() {
        records.release()
        ignored.release()
        names.release()
        outcomes.release()
        competencies.release()
    }

    /// Makes room for `count` more learners and `outcomes` more outcome numbers.
    mutating func reserve(_ count: Int, outcomes outcomeCount: Int) {
        records.reserve(records.count + count)
        names.reserve(count)
        competencies.reserve(competencies.count + count * competencyCount * 2)
        outcomes.reserve(outcomes.count + outcomeCount)
    }

    /// How many learners reached each outcome: `[block][outcome]`, for `outcomes` (the
    /// cohort's distinct outcomes per block). A large cohort is counted in slices on all cores.
    func tally(_ outcomes: [[BlockOutcome]]) -> [[Int]] {
        let count = records.count
        let slices = count < (1 << 16) ? 1 : ProcessInfo.processInfo.activeProcessorCount
        return tally(outcomes, slices: slices)
    }

    /// `first`: only the first learners, that many.
    func tally(_ outcomes: [[BlockOutcome]], slices: Int, first: Int? = nil) -> [[Int]] {
        // The counts of every block's outcomes one after the other: block b's from firsts[b].
        let (firsts, total) = {
            var firsts: [Int] = []
            var total = 0
            for block in outcomes {
                firsts.append(total)
                total += block.count
            }
            return (firsts, total)
        }()
        let count = Swift.min(records.count, first ?? records.count)
        let slices = Swift.max(1, Swift.min(slices, count))
        let ranges = (0..<slices).map { (count * $0 / slices)..<(count * ($0 + 1) / slices) }
        let plans = planTable
        let parts = parallelMap(ranges) { range in
            var counts = [Int](repeating: 0, count: total)
            plans.withView { plans in
                counts.withUnsafeMutableBufferPointer { counts in
                    for position in range {
                        let record = records[position]
                        for (offset, block) in plans[Int(record.plan)].enumerated() {
                            counts[firsts[block] + Int(self.outcomes[record.start + offset])] += 1
                        }
                        if position % Self.releaseEvery == 0 { release() }
                    }
                }
            }
            return counts
        }
        release()
        return outcomes.indices.map { block in
            (0..<outcomes[block].count).map { outcome in
                parts.reduce(0) { $0 + $1[firsts[block] + outcome] }
            }
        }
    }

    /// Adds a learner.
    mutating func append(_ grade: LearnerGrade) {
        if slot != nil {
            appendInSlot(grade)
            return
        }
        let position = records.count
        records.append(record(of: grade, outcomesAt: outcomes.count))
        grade.outcomes.withUnsafeBufferPointer { outcomes.append(contentsOf: $0) }
        for score in grade.competencies {
            competencies.append(score.earned)
            competencies.append(score.max)
        }
        keepRest(of: grade, at: position)
        if position % Self.releaseEvery == 0 { release() }
    }

    /// The learner's record, its plan and file numbered, its outcome numbers from `start` on and
    /// its ignored questions where `keepRest` will put them.
    mutating func record(of grade: LearnerGrade, outcomesAt start: Int) -> Record {
        Record(
            earned: grade.earned, max: grade.max, percent: grade.percent, start: start,
            line: grade.line, plan: intern(grade.blocks), file: intern(file: grade.file),
            unanswered: Int32(clamping: grade.unanswered),
            ignoredCount: Int32(clamping: grade.ignored.count), ignoredStart: ignored.count,
            passed: grade.passed)
    }

    /// Keeps the learner's name, ignored questions, seed and attempt, for `position`.
    mutating func keepRest(of grade: LearnerGrade, at position: Int) {
        names.append(grade.learner)
        for question in grade.ignored { ignored.append(Int32(truncatingIfNeeded: question)) }
        if let seed = grade.seed { seeds[position] = seed }
        if let attempt = grade.attempt { attempts[position] = attempt }
    }

    mutating func intern(_ plan: [Int]) -> Int32 {
        // Learners mostly share a plan: the last one is tried first.
        if let last = plans.last, last == plan { return Int32(plans.count - 1) }
        if let known = planNumbers[plan] { return known }
        plans.append(plan)
        planNumbers[plan] = Int32(plans.count - 1)
        return Int32(plans.count - 1)
    }

    mutating func intern(file: String) -> Int32 {
        if let last = files.last, last == file { return Int32(files.count - 1) }
        if let known = fileNumbers[file] { return known }
        files.append(file)
        fileNumbers[file] = Int32(files.count - 1)
        return Int32(files.count - 1)
    }
}
