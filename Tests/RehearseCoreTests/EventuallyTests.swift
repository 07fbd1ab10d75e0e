import Dispatch
import Synchronization
import Testing

@testable import RehearseCore

@Suite struct EventuallyTests {
    @Test func initReturnsBeforeTheValueIsComputed() {
        let gate = DispatchSemaphore(value: 0)
        // Computed on this thread, the value would wait for a gate only opened after `init`
        // returns: it would time out and be -1.
        let eventually = Eventually { gate.wait(timeout: .now() + 30) == .success ? 42 : -1 }
        gate.signal()
        #expect(eventually.value == 42)
        #expect(eventually.value == 42)
    }

    @Test func nowComputesOnTheCallersThreadBeforeInitReturns() {
        let computed = Mutex(false)
        let eventually = Eventually(now: true) {
            computed.withLock { $0 = true }
            return "ready"
        }
        #expect(computed.withLock { $0 })
        #expect(eventually.value == "ready")
    }

    @Test func everyReaderOnEveryThreadGetsTheOneValue() {
        let runs = Mutex(0)
        let eventually = Eventually {
            runs.withLock { $0 += 1 }
            return Array(0..<1000)
        }
        let sums = parallelMap(Array(0..<64)) { _ in eventually.value.reduce(0, +) }
        #expect(sums.allSatisfy { $0 == 499_500 })
        #expect(runs.withLock { $0 } == 1)
    }
}
