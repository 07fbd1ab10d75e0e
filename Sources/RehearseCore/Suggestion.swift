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
        // Rows i-2, i-1 and i of the table; cells outside the band hold `over`.
        var before = [Int](repeating: over, count: b.count + 1)
        var previous = [Int](repeating: over, count: b.count + 1)
        var current = [Int](repeating: over, count: b.count + 1)
        for j in 0...min(b.count, limit) { previous[j] = j }
        for i in 1...a.count {
            let low = max(1, i - limit)
            let high = min(b.count, i + limit)
            // Only the band (and one cell either side, which the next rows read) is reset.
            for j in max(0, low - 1)...min(b.count, high + 1) { current[j] = over }
            current[0] = i <= limit ? i : over
            var rowBest = current[0]
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        best = min(best, before[j - 2] + 1)
                    }
                    current[j] = min(best, over)
                    rowBest = min(rowBest, current[j])
                }
            }
            if rowBest > limit { return nil }
            swap(&before, &previous)
            swap(&previous, &current)
        }
        let distance = previous[b.count]
        return distance <= limit ? distance : nil
    }

    /// " (did you mean `x`?)" or "".
    package static func phrase(for word: String, in candidates: [String]) -> String {
        SuggestionIndex(candidates).phrase(for: word)
    }
}
