import ArgumentParser
import Dispatch
import Foundation
import RehearseBank
import RehearseCheck
import RehearseCore
import RehearseGrading
import RehearseProgress
import RehearseScoring
import RehearseSession

/// The time the session uses: `REHEARSE_NOW` (or the system clock) when the program started,
/// plus the time elapsed since on the monotonic clock. Tests get reproducible start times, and
/// an exam's time limit still runs out.
final class SessionClock: Sendable {
    static let shared = SessionClock()

    let base: Date
    let started: UInt64

    private init() {
        base = (try? RehearseClock.now().get()) ?? Date()
        started = DispatchTime.now().uptimeNanoseconds
    }

    func now() -> Date {
        let elapsed = DispatchTime.now().uptimeNanoseconds &- started
        return base.addingTimeInterval(TimeInterval(elapsed) / 1e9)
    }

    /// Stops with a clear error when `REHEARSE_NOW` is set but cannot be read.
    static func validate() throws {
        if case .failure(let error) = RehearseClock.now() {
            printError("rehearse: \(error)")
            throw ExitCode(64)
        }
    }
}
