import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// `rehearse sync`: sends the statements of learners' attempts to an LRS in batches, and
/// records, per learner, the attempts whose every statement the LRS has.
///
/// An attempt is sent once it is over (finished or timed out), whole: its statements may span
/// two batches, and it is recorded only after the batch holding its last statement was
/// accepted. A kill at any moment therefore loses nothing (what was not recorded is sent again)
/// and duplicates nothing (the statement ids are derived from the attempt, so the LRS keeps one
/// copy: it answers 204 for a batch it holds already). A 409 (the LRS holds a different
/// statement under an id, say after the bank's text changed) is narrowed down by halving the
/// batch; the statements it holds are counted as conflicts and not sent again.
public struct LRSSync {
    /// What a sync did (or, dry, would do).
    public struct Report: Sendable, Hashable {
        /// A learner with something to send: how many attempts and statements.
        public struct Learner: Sendable, Hashable {
            public var learner: String
            public var attempts: Int
            public var statements: Int
        }

        public var learners = 0
        public var attempts = 0
        public var statements = 0
        /// Requests made (a 409 splits a batch into more).
        public var batches = 0
        /// Statements in batches the LRS held already (204).
        public var alreadyStored = 0
        /// Statements the LRS holds in another version (409), with its first message.
        public var conflicts = 0
        public var conflictMessage: String?
        public var perLearner: [Learner] = []
    }

    public let client: LRSClient
    public let store: ProgressStore
    public let bank: Bank
    public let settings: XAPISettings
    public var batchSize: Int
    /// Only attempts at this quiz (a cohort after `grade --update-progress`).
    public var quiz: String?

    public init(
        client: LRSClient, store: ProgressStore, bank: Bank, settings: XAPISettings,
        batchSize: Int = 500, quiz: String? = nil
    ) {
        self.client = client
        self.store = store
        self.bank = bank
        self.settings = settings
        self.batchSize = max(1, batchSize)
        self.quiz = quiz
    }

    /// Sends what is new for `learners` (in order); with `dryRun`, only counts it.
    public func run(learners: [String], dryRun: Bool = false) throws(SyncError) -> Report {
        var report = Report()
        var builder = XAPIBuilder(bank: bank, settings: settings)
        var batch = Batch()
        for raw in learners {
            let learner: String
            let progress: LearnerProgress
            do throws(ProgressError) {
                learner = try ProgressStore.learnerID(raw)
                progress = try store.load(learner: learner)
            } catch {
                throw .progress("\(error)", invalidID: error.kind == .invalidID)
            }
            let sent = try SyncRecord.load(learner: learner, dataDirectory: store.directory)
                .attempts(sentTo: client.endpoint)
            var attempts = 0
            var statements = 0
            for attempt in progress.attempts
            where attempt.status != .unfinished && !sent.contains(attempt.id)
                && (quiz == nil || attempt.quiz == quiz)
            {
                let made = builder.statements(for: attempt)
                attempts += 1
                statements += made.count
                if dryRun { continue }
                if made.isEmpty {
                    batch.finished.append((learner, attempt.id))
                    continue
                }
                for (index, statement) in made.enumerated() {
                    batch.add(statement)
                    if index == made.count - 1 { batch.finished.append((learner, attempt.id)) }
                    if batch.count >= batchSize { try send(&batch, report: &report) }
                }
            }
            if attempts > 0 {
                report.learners += 1
                report.attempts += attempts
                report.statements += statements
                report.perLearner.append(
                    Report.Learner(learner: learner, attempts: attempts, statements: statements))
            }
        }
        if !dryRun && (batch.count > 0 || !batch.finished.isEmpty) {
            try send(&batch, report: &report)
        }
        return report
    }

    /// Statements waiting to be sent, and the attempts whose last statement is among them.
    struct Batch {
        var json = JSONWriter(capacity: 1 << 16)
        var statements: [[UInt8]] = []
        var finished: [(learner: String, attempt: String)] = []
        var count: Int { statements.count }

        mutating func add(_ statement: XAPIStatement) {
            json.bytes.removeAll(keepingCapacity: true)
            statement.write(into: &json)
            statements.append(json.bytes)
        }
    }

    private func send(_ batch: inout Batch, report: inout Report) throws(SyncError) {
        if !batch.statements.isEmpty {
            try post(batch.statements[...], report: &report)
        }
        var byLearner: [String: [String]] = [:]
        var order: [String] = []
        for (learner, attempt) in batch.finished {
            if byLearner[learner] == nil { order.append(learner) }
            byLearner[learner, default: []].append(attempt)
        }
        for learner in order {
            try SyncRecord.add(
                byLearner[learner] ?? [], sentTo: client.endpoint, learner: learner,
                dataDirectory: store.directory)
        }
        batch.statements.removeAll(keepingCapacity: true)
        batch.finished.removeAll(keepingCapacity: true)
    }

    /// POSTs statements; on a 409 sends each half on its own, down to single statements.
    private func post(_ statements: ArraySlice<[UInt8]>, report: inout Report) throws(SyncError) {
        var body = Data()
        body.reserveCapacity(statements.reduce(2) { $0 + $1.count + 2 })
        body.append(UInt8(ascii: "["))
        for (index, statement) in statements.enumerated() {
            if index > 0 { body.append(contentsOf: [UInt8(ascii: ","), 0x0A]) }
            body.append(contentsOf: statement)
        }
        body.append(UInt8(ascii: "]"))
        let outcome: LRSClient.Outcome
        do throws(LRSError) {
            outcome = try client.post(body)
        } catch {
            throw .lrs(error)
        }
        report.batches += 1
        switch outcome {
        case .stored: break
        case .alreadyStored: report.alreadyStored += statements.count
        case .conflict(let message):
            if statements.count == 1 {
                report.conflicts += 1
                if report.conflictMessage == nil { report.conflictMessage = message }
                return
            }
            let middle = statements.startIndex + statements.count / 2
            try post(statements[..<middle], report: &report)
            try post(statements[middle...], report: &report)
        }
    }
}
