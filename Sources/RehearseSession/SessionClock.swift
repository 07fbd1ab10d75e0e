import Dispatch
import Foundation
import RehearseCore

/// The time a session reads: when a line arrived, when an exam's time runs out.
public protocol SessionClock: Sendable {
    /// The time now.
    func now() -> Date
}

/// The clock of one run of the program: `REHEARSE_NOW` (or the system clock) when the run
/// started, plus the time elapsed since on the monotonic clock. Runs get reproducible start
/// times, and an exam's time limit still runs out.
public final class RunClock: SessionClock {
    /// The time the run started.
    public let base: Date
    /// True when the start was given (`REHEARSE_NOW`) rather than read from the system clock.
    public let pinned: Bool
    let started: UInt64

    /// A clock that reads `base` now and moves on from there.
    public init(base: Date, pinned: Bool = false) {
        self.base = base
        self.pinned = pinned
        started = DispatchTime.now().uptimeNanoseconds
    }

    /// A clock started at `REHEARSE_NOW` (or the system clock), or why that value is unusable.
    public static func start(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Result<RunClock, ClockError> {
        let pinned = !(environment["REHEARSE_NOW"] ?? "").isEmpty
        return RehearseClock.now(environment: environment).map {
            RunClock(base: $0, pinned: pinned)
        }
    }

    /// The time a report is made at: exactly `REHEARSE_NOW` when it is set (so reports are the
    /// same on every run), else the system time now.
    public var reportTime: Date { pinned ? base : Date() }

    /// The start of the run plus the time elapsed since.
    public func now() -> Date {
        let elapsed = DispatchTime.now().uptimeNanoseconds &- started
        return base.addingTimeInterval(TimeInterval(elapsed) / 1e9)
    }
}
