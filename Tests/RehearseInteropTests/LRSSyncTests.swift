import Foundation
import RehearseProgress
import RehearseScoring
import RehearseTestSupport
import Testing

@testable import RehearseInterop

/// An LRS in memory that keeps statements by id as the xAPI spec says (200 stored, 204 all
/// held already, 409 a different statement under a held id), with scripted answers first.
final class FakeLRS: LRSTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var held: [String: String] = [:]
    private var script: [Result<LRSResponse, LRSTransportError>] = []
    private(set) var requests: [(url: URL, headers: [String: String], count: Int)] = []
    /// Every statement id in every 200 answer, in order (a duplicate here is a stored duplicate).
    private(set) var storedIDs: [String] = []

    func answer(_ results: [Result<LRSResponse, LRSTransportError>]) {
        lock.withLock { script += results }
    }

    func hold(_ statement: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: statement, options: [.sortedKeys])
        lock.withLock {
            held[statement["id"] as? String ?? ""] = String(decoding: data, as: UTF8.self)
        }
    }

    var count: Int { lock.withLock { held.count } }

    func post(
        _ url: URL, body: Data, headers: [String: String]
    ) throws(LRSTransportError) -> LRSResponse {
        lock.lock()
        defer { lock.unlock() }
        let statements =
            (try? JSONSerialization.jsonObject(with: body) as? [[String: Any]]) ?? []
        requests.append((url, headers, statements.count))
        if !script.isEmpty { return try script.removeFirst().get() }
        var new: [(String, String)] = []
        for statement in statements {
            let id = statement["id"] as? String ?? ""
            let data =
                (try? JSONSerialization.data(withJSONObject: statement, options: [.sortedKeys]))
                ?? Data()
            let text = String(decoding: data, as: UTF8.self)
            if let old = held[id] {
                if old != text {
                    return LRSResponse(
                        status: 409, body: Data(#"{"detail":"differs: \#(id)"}"#.utf8))
                }
            } else {
                new.append((id, text))
            }
        }
        if new.isEmpty { return LRSResponse(status: 204) }
        for (id, text) in new { held[id] = text }
        storedIDs += new.map(\.0)
        return LRSResponse(status: 200, body: Data("[]".utf8))
    }
}

/// Sleeps recorded, never slept.
final class SleepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var delays: [Double] = []
    var all: [Double] { lock.withLock { delays } }
    var sleeper: @Sendable (Double) -> Void {
        { [self] delay in lock.withLock { delays.append(delay) } }
    }
}

/// Batching, retries, stops and the sync record, against an LRS in memory.
final class LRSSyncTests {
    /// The data folder, removed with the test.
    let fixture: FixtureFolder
    var folder: String { fixture.path }
    let store: ProgressStore

    init() throws {
        fixture = try FixtureFolder([:])
        store = ProgressStore(directory: fixture.path)
    }

    /// `learners` learners with two finished attempts and one unfinished each.
    func fill(learners: Int) throws {
        for learner in 0..<learners {
            for number in 0..<3 {
                var attempt = XAPIBuilderTests.attempt(
                    status: number == 2 ? .unfinished : .finished)
                attempt.id = "l\(learner)-a\(number)"
                attempt.learner = "learner\(learner)"
                if number == 2 { attempt.finishedAt = nil }
                try store.record(attempt, reviews: [])
            }
        }
    }

    func sync(_ lrs: FakeLRS, batch: Int, sleeps: SleepLog = SleepLog(), retries: Int = 6)
        throws -> LRSSync
    {
        let client = try #require(
            LRSClient(
                endpoint: "https://lrs.example.com/xapi/", user: "u", password: "p:w",
                transport: lrs, policy: LRSRetryPolicy(retries: retries), sleep: sleeps.sleeper))
        return LRSSync(
            client: client, store: store, bank: XAPIBuilderTests.bank, settings: XAPISettings(),
            batchSize: batch)
    }

    @Test func sendsInBatchesWithHeadersAndSendsNothingTwice() throws {
        try fill(learners: 3)
        let lrs = FakeLRS()
        let learners = try store.learners()
        let report = try sync(lrs, batch: 7).run(learners: learners)
        // Two finished attempts of 11 statements per learner; the unfinished one waits.
        #expect(report.attempts == 6)
        #expect(report.statements == 66)
        #expect(lrs.count == 66)
        #expect(lrs.requests.map(\.count) == [7, 7, 7, 7, 7, 7, 7, 7, 7, 3])
        let first = try #require(lrs.requests.first)
        #expect(first.url.absoluteString == "https://lrs.example.com/xapi/statements")
        #expect(first.headers["X-Experience-API-Version"] == "1.0.3")
        #expect(
            first.headers["Authorization"] == "Basic " + Data("u:p:w".utf8).base64EncodedString())
        let record = try SyncRecord.load(learner: "learner1", dataDirectory: folder)
        #expect(record.sent == ["https://lrs.example.com/xapi": ["l1-a0", "l1-a1"]])
        let again = try sync(lrs, batch: 7).run(learners: learners)
        #expect(again.statements == 0)
        #expect(lrs.requests.count == 10)
        #expect(Set(lrs.storedIDs).count == lrs.storedIDs.count)
    }

    @Test func retriesTooManyRequestsAndServerErrorsWithBackOff() throws {
        try fill(learners: 1)
        let lrs = FakeLRS()
        lrs.answer([
            .success(LRSResponse(status: 429, retryAfter: 3)), .success(LRSResponse(status: 503)),
            .failure(LRSTransportError(reason: "lost", unreachable: false)),
            .success(LRSResponse(status: 500)),
        ])
        let sleeps = SleepLog()
        let report = try sync(lrs, batch: 100, sleeps: sleeps).run(learners: ["learner0"])
        #expect(report.statements == 22)
        #expect(sleeps.all == [3, 1, 2, 4])
        #expect(lrs.count == 22)
    }

    @Test func givesUpAfterTheRetriesNamingTheStatus() throws {
        try fill(learners: 1)
        let lrs = FakeLRS()
        lrs.answer(
            Array(
                repeating: .success(LRSResponse(status: 502, body: Data("bad gateway".utf8))),
                count: 3))
        let sleeps = SleepLog()
        #expect {
            _ = try sync(lrs, batch: 100, sleeps: sleeps, retries: 2).run(learners: ["learner0"])
        } throws: { error in
            "\(error)".contains("HTTP 502 3 times: bad gateway")
        }
        #expect(sleeps.all == [0.5, 1])
        #expect(try SyncRecord.load(learner: "learner0", dataDirectory: folder).sent.isEmpty)
    }

    @Test func aClientErrorStopsAtOnceWithTheLRSMessage() throws {
        try fill(learners: 2)
        let lrs = FakeLRS()
        lrs.answer([.success(LRSResponse(status: 400, body: Data(#"{"detail":"bad verb"}"#.utf8)))])
        let sleeps = SleepLog()
        #expect {
            _ = try sync(lrs, batch: 5, sleeps: sleeps).run(learners: ["learner0", "learner1"])
        } throws: { error in
            guard case SyncError.lrs(.refused(_, 400, "bad verb")) = error else { return false }
            return "\(error)".contains("https://lrs.example.com/xapi")
        }
        #expect(sleeps.all.isEmpty)
        #expect(lrs.requests.count == 1)
    }

    @Test func anUnreachableLRSIsNamed() throws {
        try fill(learners: 1)
        let lrs = FakeLRS()
        lrs.answer([.failure(LRSTransportError(reason: "connection refused", unreachable: true))])
        #expect {
            _ = try sync(lrs, batch: 5).run(learners: ["learner0"])
        } throws: { error in
            "\(error)" == "cannot reach the LRS at https://lrs.example.com/xapi: connection refused"
        }
    }

    /// A sync that stops after each possible number of accepted batches (as a kill would), then
    /// a rerun: every statement held once, every attempt recorded, and the reruns resent at most
    /// the batch in flight.
    @Test func aStopAtAnyBatchThenARerunLosesAndDuplicatesNothing() throws {
        try fill(learners: 4)
        let learners = try store.learners()
        for stopAfter in 0..<9 {
            let lrs = FakeLRS()
            try? FileManager.default.removeItem(atPath: folder + "/sync")
            let stopping = StoppingTransport(inner: lrs, after: stopAfter)
            let client = try #require(
                LRSClient(
                    endpoint: "https://lrs.example.com/xapi", user: nil, password: nil,
                    transport: stopping))
            let interrupted = LRSSync(
                client: client, store: store, bank: XAPIBuilderTests.bank, settings: XAPISettings(),
                batchSize: 10)
            #expect(throws: SyncError.self) { _ = try interrupted.run(learners: learners) }
            let report = try sync(lrs, batch: 10).run(learners: learners)
            #expect(lrs.count == 88, "stopped after \(stopAfter)")
            #expect(Set(lrs.storedIDs).count == lrs.storedIDs.count)
            #expect(report.statements <= 88 - stopAfter * 10 + 10)
            let sent = try learners.flatMap {
                try SyncRecord.load(learner: $0, dataDirectory: folder).sent.values.flatMap { $0 }
            }
            #expect(sent.count == 8)
        }
    }

    @Test func aConflictIsNarrowedDownAndTheRestStored() throws {
        try fill(learners: 1)
        var builder = XAPIBuilder(bank: XAPIBuilderTests.bank, settings: XAPISettings())
        var attempt = XAPIBuilderTests.attempt()
        attempt.id = "l0-a0"
        attempt.learner = "learner0"
        let statements = builder.statements(for: attempt)
        var changed = try #require(
            JSONSerialization.jsonObject(with: Data(statements[3].json.utf8)) as? [String: Any])
        changed["timestamp"] = "2020-01-01T00:00:00Z"
        let lrs = FakeLRS()
        try lrs.hold(changed)
        let report = try sync(lrs, batch: 100).run(learners: ["learner0"])
        #expect(report.conflicts == 1)
        #expect(report.conflictMessage?.contains(statements[3].id.uuidString.lowercased()) == true)
        #expect(lrs.count == 22)
        #expect(
            try SyncRecord.load(learner: "learner0", dataDirectory: folder).sent.values.first?.count
                == 2)
    }

    @Test func aDryRunSendsAndRecordsNothing() throws {
        try fill(learners: 2)
        let lrs = FakeLRS()
        let report = try sync(lrs, batch: 5).run(learners: ["learner0", "learner1"], dryRun: true)
        #expect(report.statements == 44)
        #expect(report.perLearner.map(\.learner) == ["learner0", "learner1"])
        #expect(lrs.requests.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder + "/sync"))
    }

    @Test func aBrokenRecordStopsTheSyncAndIsLeftAlone() throws {
        try fill(learners: 1)
        try FileManager.default.createDirectory(
            atPath: folder + "/sync", withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: folder + "/sync/learner0.json"))
        #expect {
            _ = try sync(FakeLRS(), batch: 5).run(learners: ["learner0"])
        } throws: { error in
            "\(error)".contains("sync/learner0.json is not a sync record")
        }
        #expect(
            try String(contentsOfFile: folder + "/sync/learner0.json", encoding: .utf8)
                == "{not json")
    }
}

/// Passes requests on until `after` were accepted, then answers as a dead server would.
final class StoppingTransport: LRSTransport, @unchecked Sendable {
    let inner: FakeLRS
    let after: Int
    private var count = 0

    init(inner: FakeLRS, after: Int) {
        self.inner = inner
        self.after = after
    }

    func post(
        _ url: URL, body: Data, headers: [String: String]
    ) throws(LRSTransportError) -> LRSResponse {
        guard count < after else { throw LRSTransportError(reason: "killed", unreachable: true) }
        count += 1
        return try inner.post(url, body: body, headers: headers)
    }
}
