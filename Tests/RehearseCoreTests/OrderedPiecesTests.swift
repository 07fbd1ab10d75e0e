import Foundation
import Testing

@testable import RehearseCore

/// `forEachPieceInOrder`: every piece made once, consumed in order, never more than the window
/// made and not consumed; pieces are made on several threads.
struct OrderedPiecesTests {
    /// What the makers saw: which pieces they made, how many were in flight, on which threads.
    private final class Log: @unchecked Sendable {
        let lock = NSLock()
        var made: [Int] = []
        var inFlight = 0
        var mostInFlight = 0
        var threads: Set<UInt64> = []

        func started(_ index: Int) {
            lock.lock()
            defer { lock.unlock() }
            made.append(index)
            inFlight += 1
            mostInFlight = max(mostInFlight, inFlight)
            threads.insert(UInt64(pthread_self()))
        }

        func consumed() {
            lock.lock()
            defer { lock.unlock() }
            inFlight -= 1
        }
    }

    /// Work enough for a piece that another thread can take the next one meanwhile.
    private static func work(_ index: Int) -> Int {
        var value = index
        for step in 0..<20_000 { value = (value &* 31 &+ step) % 1_000_003 }
        return value
    }

    @Test(arguments: [0, 1, 2, 7, 500])
    func everyPieceOnceInOrder(count: Int) {
        let log = Log()
        var consumed: [Int] = []
        forEachPieceInOrder(count: count) { index in
            log.started(index)
            _ = Self.work(index)
            return index
        } consume: { index in
            log.consumed()
            consumed.append(index)
        }
        #expect(consumed == Array(0..<count))
        #expect(log.made.sorted() == Array(0..<count))
        #expect(log.inFlight == 0)
    }

    @Test(arguments: [1, 2, 3])
    func neverMoreThanTheWindowInFlight(window: Int) {
        let log = Log()
        var consumed = 0
        forEachPieceInOrder(count: 200, window: window) { index in
            log.started(index)
            return Self.work(index)
        } consume: { _ in
            log.consumed()
            consumed += 1
        }
        #expect(consumed == 200)
        #expect(log.mostInFlight <= window)
    }

    @Test func piecesAreMadeOnSeveralThreadsWhenThereAreCores() throws {
        try #require(ProcessInfo.processInfo.activeProcessorCount > 1)
        let log = Log()
        let secondStarted = DispatchSemaphore(value: 0)
        let waited = Log()
        // The first piece made waits for the second to start: only another thread can start it.
        // (The wait is bounded, so a run with no helper thread fails instead of hanging.)
        forEachPieceInOrder(count: 8) { index in
            log.started(index)
            if index == 0 {
                let result = secondStarted.wait(timeout: .now() + 60)
                waited.started(result == .success ? 1 : 0)
            } else if index == 1 {
                secondStarted.signal()
            }
            return Self.work(index)
        } consume: { _ in
            log.consumed()
        }
        #expect(waited.made == [1])
        #expect(log.threads.count > 1)
    }

    @Test func resultsAreValuesOfTheirOwnPiece() {
        var sums: [Int] = []
        forEachPieceInOrder(count: 50, window: 4) { index in
            (0...index).reduce(0, +)
        } consume: {
            sums.append($0)
        }
        #expect(sums == (0..<50).map { $0 * ($0 + 1) / 2 })
    }
}
