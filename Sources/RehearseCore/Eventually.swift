import Dispatch
import Synchronization

/// A value computed on another thread from the moment it is made, so the caller can go on with
/// work that does not need it; reading `value` waits until it is ready (at once after that).
/// With `now: true` it is computed on the caller's thread before `init` returns.
public final class Eventually<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let ready = DispatchSemaphore(value: 0)

    public init(now: Bool = false, _ compute: @escaping @Sendable () -> Value) {
        if now {
            let value = compute()
            result.withLock { $0 = value }
            ready.signal()
            return
        }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let value = compute()
            result.withLock { $0 = value }
            ready.signal()
        }
    }

    /// The value, once computed.
    public var value: Value {
        if let value = result.withLock({ $0 }) { return value }
        ready.wait()
        // Let every later reader through as well.
        ready.signal()
        guard let value = result.withLock({ $0 }) else {
            preconditionFailure("Eventually: signalled before its value was stored")
        }
        return value
    }
}
