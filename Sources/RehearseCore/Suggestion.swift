/// "Did you mean" suggestions by edit distance.
///
/// A look-up costs one length test per candidate and, for the few of a near length, a distance
/// bounded by the cut-off (`boundedDistance`), so it stays linear in the candidates. Many
/// look-ups against the same candidates (a check of every reference of a bank) prepare them
/// once with `SuggestionIndex`.
public enum Suggestion {
    /// The largest distance a suggestion may be from the word, for a candidate of `length`
    /// characters: 1 for short ids, a third of the length, at most 3.
    public static func cutOff(forLength length: Int) -> Int { max(1, min(3, length / 3)) }

    /// The candidate closest to `word`, if it is close enough to be a likely typo (within
    /// `cutOff` of the candidate's length). Of candidates equally close, the first.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        SuggestionIndex(candidates).closest(to: word)
    }

    /// Edit distance counting insertions, deletions, substitutions and swaps of two neighbours
    /// (optimal string alignment), over Unicode scalars.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        return boundedDistance(a, b, limit: max(a.count, b.count)) ?? max(a.count, b.count)
    }

    /// The edit distance of `a` and `b` (as `editDistance` counts it) when it is at most
    /// `limit`, else nil. Lengths further apart than `limit` are refused at once; otherwise only
    /// the cells within `limit` of the diagonal are computed, and the work stops at the first
    /// row whose every cell is past `limit`: O(length × limit).
    public static func boundedDistance(
        _ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int
    ) -> Int? {
        guard limit >= 0, abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let over = limit + 1
        let width = b.count + 1
        // Rows i-2, i-1 and i of the table, in one scratch buffer on the stack; cells outside
        // the band hold `over`.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { scratch in
            scratch.initialize(repeating: over)
            var before = 0
            var previous = width
            var current = 2 * width
            for j in 0...min(b.count, limit) { scratch[previous + j] = j }
            for i in 1...a.count {
                let low = max(1, i - limit)
                let high = min(b.count, i + limit)
                // Only the band (and one cell either side, which the next rows read) is reset.
                for j in max(0, low - 1)...min(b.count, high + 1) { scratch[current + j] = over }
                scratch[current] = i <= limit ? i : over
                var rowBest = scratch[current]
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var best = min(
                        scratch[previous + j] + 1, scratch[current + j - 1] + 1,
                        scratch[previous + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        best = min(best, scratch[before + j - 2] + 1)
                    }
                    scratch[current + j] = min(best, over)
                    rowBest = min(rowBest, best)
                }
                if rowBest > limit { return nil }
                (before, previous, current) = (previous, current, before)
            }
            let distance = scratch[previous + b.count]
            return distance <= limit ? distance : nil
        }
    }

    /// " (did you mean `x`?)" or "".
    package static func phrase(for word: String, in candidates: [String]) -> String {
        SuggestionIndex(candidates).phrase(for: word)
    }
}
