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
        var counts: [SIMD32<UInt8>] = []
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
    /// 255. An insertion or a deletion changes the counts by 1, a substitution by 2 and a swap
    /// of neighbours by 0, so half their difference (rounded up) never exceeds the distance.
    static func counts(_ scalars: [Unicode.Scalar]) -> SIMD32<UInt8> {
        var counts = SIMD32<UInt8>()
        for scalar in scalars {
            let bin = Int(scalar.value & 31)
            if counts[bin] < .max { counts[bin] += 1 }
        }
        return counts
    }

    /// The least distance the letter counts allow between two words.
    static func lowerBound(_ a: SIMD32<UInt8>, _ b: SIMD32<UInt8>) -> Int {
        let difference =
            SIMD32<UInt16>(truncatingIfNeeded: a.replacing(with: b, where: a .< b))
            &- SIMD32<UInt16>(truncatingIfNeeded: b.replacing(with: a, where: a .< b))
        return (Int(difference.wrappedSum()) + 1) / 2
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
