import Synchronization

/// Byte buffers handed back once written, for the next piece of a report: a report rendered in
/// pieces of megabytes then writes into memory it already has (mapped, and often still in the
/// cache) instead of touching fresh pages for every piece. At most `limit` buffers are kept.
///
/// A buffer taken while another reference to it still lives is copied on its first write, as
/// any array is: reuse is a saving, never a sharing.
public final class ByteBuffers: Sendable {
    private let kept = Mutex<[[UInt8]]>([])
    private let limit: Int

    public init(limit: Int) { self.limit = limit }

    /// An empty buffer with room for at least `capacity` bytes: one handed back when there is
    /// one.
    public func take(capacity: Int) -> [UInt8] {
        var bytes = kept.withLock { $0.popLast() } ?? []
        bytes.removeAll(keepingCapacity: true)
        bytes.reserveCapacity(capacity)
        return bytes
    }

    /// Hands `bytes` back (once nothing more reads them); kept while fewer than `limit` are.
    public func give(_ bytes: [UInt8]) {
        guard bytes.capacity > 0 else { return }
        kept.withLock { kept in
            if kept.count < limit { kept.append(bytes) }
        }
    }

    /// How many buffers are kept (for tests).
    public var count: Int { kept.withLock { $0.count } }
}
