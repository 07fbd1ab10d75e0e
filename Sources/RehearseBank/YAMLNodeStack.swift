/// The finished children of every open list and mapping of the composer, in one flat buffer:
/// a list's items, or a mapping's keys and values in turn, from the index where the collection
/// opened. Closing a collection moves its children out into one array of the right size, so a
/// node is neither copied (retained and released) nor appended to a growing array of its own.
struct YAMLNodeStack: ~Copyable {
    private var storage: UnsafeMutablePointer<YAMLNode>
    private var capacity: Int
    /// The number of nodes held.
    private(set) var count = 0

    init() {
        capacity = 64
        storage = UnsafeMutablePointer<YAMLNode>.allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    mutating func push(_ node: consuming YAMLNode) {
        if count == capacity {
            let larger = UnsafeMutablePointer<YAMLNode>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = larger
            capacity *= 2
        }
        (storage + count).initialize(to: node)
        count += 1
    }

    /// The node at `index` (below `count`).
    subscript(index: Int) -> YAMLNode { storage[index] }

    /// The nodes from `start` on, moved out as a list's items.
    mutating func popItems(from start: Int) -> [YAMLNode] {
        let taken = count - start
        guard taken > 0 else { return [] }
        let source = storage + start
        let items = [YAMLNode](unsafeUninitializedCapacity: taken) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            base.moveInitialize(from: source, count: taken)
            initialized = taken
        }
        count = start
        return items
    }

    /// The nodes from `start` on, moved out as a mapping's pairs (key, value, key, value...).
    /// A key left without its value (never the case for a closed mapping) is dropped.
    mutating func popPairs(from start: Int) -> [YAMLPair] {
        let pairs = (count - start) / 2
        var pairsOut: [YAMLPair] = []
        if pairs > 0 {
            let source = storage + start
            pairsOut = [YAMLPair](unsafeUninitializedCapacity: pairs) { buffer, initialized in
                guard let base = buffer.baseAddress else { return }
                for index in 0..<pairs {
                    (base + index).initialize(
                        to: YAMLPair(
                            key: (source + 2 * index).move(), value: (source + 2 * index + 1).move()
                        ))
                }
                initialized = pairs
            }
        }
        let left = start + 2 * pairs
        if count > left { (storage + left).deinitialize(count: count - left) }
        count = start
        return pairsOut
    }
}
