/// Candidates for "did you mean", prepared once for many look-ups: each lowercased into
/// scalars, with its cut-off and a letter count, grouped by length. A look-up only considers the
/// candidates of a length within the cut-off, skips those whose letter counts alone put them
/// past it, and stops each distance at the best found so far.
public struct SuggestionIndex: Sendable {
    private struct Entry: Sendable {
        var text: String
        var scalars: [Unicode.Scalar]
        var cutOff: Int
        /// Its place in the candidates given (equally close candidates: the first wins).
        var rank: Int
    }

    /// The candidates of one length, with their letter counts side by side (scanned first).
    private struct Bucket: Sendable {
        var counts: [LetterCounts] = []
        var entries: [Entry] = []
    }

    private var byLength: [Int: Bucket] = [:]

    /// Every candidate, in the order of preference among equally close ones.
    public init(_ candidates: some Sequence<String>) {
        for (rank, text) in candidates.enumerated() {
            let scalars = Array(text.lowercased().unicodeScalars)
            byLength[scalars.count, default: Bucket()].counts.append(Self.counts(scalars))
            byLength[scalars.count, default: Bucket()].entries.append(
                Entry(
                    text: text, scalars: scalars,
                    cutOff: Suggestion.cutOff(forLength: text.count), rank: rank))
        }
    }

    /// How often each scalar occurs, folded into 32 bins (by its value modulo 32) and capped at
    /// 127. An insertion or a deletion changes the counts by 1, a substitution by 2 and a swap
    /// of neighbours by 0, so half their difference (rounded up) never exceeds the distance.
    static func counts(_ scalars: [Unicode.Scalar]) -> LetterCounts {
        var counts = LetterCounts()
        for scalar in scalars { counts.add(bin: Int(scalar.value & 31)) }
        return counts
    }

    /// The least distance the letter counts allow between two words, or `Int.max` when a
    /// single bin already puts it past any cut-off (more than 7 apart).
    static func lowerBound(_ a: LetterCounts, _ b: LetterCounts) -> Int {
        var sum = 0
        for index in 0..<4 {
            let difference = LetterCounts.absoluteDifference(a.word(index), b.word(index))
            // A bin more than 7 apart is past the widest cut-off (3) whatever the rest.
            if difference & 0xF8F8_F8F8_F8F8_F8F8 != 0 { return Int.max }
            // Eight bins of at most 7: their sum (at most 56) is the top byte of the product.
            sum += Int((difference &* 0x0101_0101_0101_0101) >> 56)
        }
        return (sum + 1) / 2
    }

    /// The candidate closest to `word` within its cut-off, never `word` itself.
    public func closest(to word: String) -> String? {
        let lowered = Array(word.lowercased().unicodeScalars)
        let counts = Self.counts(lowered)
        let widest = Suggestion.cutOff(forLength: Int.max)
        var best: (text: String, distance: Int, rank: Int)?
        for length in max(0, lowered.count - widest)...(lowered.count + widest) {
            guard let bucket = byLength[length] else { continue }
            for index in bucket.entries.indices {
                // Only a candidate closer than the best so far, or as close and earlier, counts.
                let cutOff = bucket.entries[index].cutOff
                let rank = bucket.entries[index].rank
                var limit = cutOff
                if let best {
                    limit = min(limit, rank < best.rank ? best.distance : best.distance - 1)
                }
                guard limit >= 0, abs(length - lowered.count) <= limit,
                    Self.lowerBound(counts, bucket.counts[index]) <= limit,
                    bucket.entries[index].text != word,
                    let distance = Suggestion.boundedDistance(
                        lowered, bucket.entries[index].scalars, limit: limit)
                else { continue }
                if let best, (distance, rank) >= (best.distance, best.rank) { continue }
                best = (bucket.entries[index].text, distance, rank)
            }
        }
        return best?.text
    }

    /// " (did you mean `x`?)" or "".
    public func phrase(for word: String) -> String {
        closest(to: word).map { " (did you mean `\($0)`?)" } ?? ""
    }
}

/// 32 counts of at most 127, a byte each, in four words: compared eight at a time.
struct LetterCounts: Sendable, Hashable {
    /// Bins 8 × index to 8 × index + 7.
    func word(_ index: Int) -> UInt64 {
        switch index {
        case 0: w0
        case 1: w1
        case 2: w2
        default: w3
        }
    }
    private var w0: UInt64 = 0
    private var w1: UInt64 = 0
    private var w2: UInt64 = 0
    private var w3: UInt64 = 0

    /// Counts one more in `bin` (0-31), up to 127.
    mutating func add(bin: Int) {
        let shift = UInt64(bin % 8 * 8)
        func bump(_ word: inout UInt64) {
            if (word >> shift) & 0xFF < 127 { word &+= 1 << shift }
        }
        switch bin / 8 {
        case 0: bump(&w0)
        case 1: bump(&w1)
        case 2: bump(&w2)
        default: bump(&w3)
        }
    }

    /// The byte-wise |a - b| of two words whose bytes are at most 127: each byte of
    /// `(a | high) - b` is 128 + a - b (no borrow crosses bytes), so its high bit says which of
    /// the two differences is the non-negative one.
    static func absoluteDifference(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let aMinusB = (a | high) &- b
        let bMinusA = (b | high) &- a
        let aNotLess = ((aMinusB & high) >> 7) &* 0xFF
        return ((aMinusB & aNotLess) | (bMinusA & ~aNotLess)) & ~high
    }
}
