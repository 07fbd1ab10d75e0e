import Dispatch

/// Maps `transform` over `items` on all cores, keeping the order.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R)
    -> [R]
{
    guard items.count > 1 else { return items.map(transform) }
    let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    results.initialize(repeating: nil)
    defer {
        // The results are copied out below; the buffer's own references must be released
        // before it is freed, or every result leaks.
        _ = results.deinitialize()
        results.deallocate()
    }
    nonisolated(unsafe) let output = results
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        output[index] = transform(items[index])
    }
    return results.compactMap { $0 }
}
