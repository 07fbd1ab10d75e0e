/// Strings made of pieces of `alphabet`, the same for the same seed: for tests that compare a
/// fast path with its rule on many texts.
enum SeededText {
    static func strings(
        _ count: Int, from alphabet: [String], maxLength: Int = 15, seed: UInt64
    ) -> [String] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        return (0..<count).map { _ in
            let length = Int(next() >> 33) % (maxLength + 1)
            return (0..<length).map { _ in alphabet[Int((next() >> 33) % UInt64(alphabet.count))] }
                .joined()
        }
    }
}
