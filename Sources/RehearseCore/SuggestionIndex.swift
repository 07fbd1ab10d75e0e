/// Candidates for "did you mean", prepared once for many look-ups: each lowercased into
/// scalars, with its cut-off, grouped by length, so a look-up only measures the candidates of a
/// length within the cut-off and stops each distance at the best found so far.
public struct SuggestionIndex: Sendable {
    private struct Entry: Sendable {
        var text: String
        var scalars: [Unicode.Scalar]
        var cutOff: Int
        /// Its place in the candidates given (equally close candidates: the first wins).
        var rank: Int
    }

    private var byLength: [Int: [Entry]] = [:]

    /// Every candidate, in the order of preference among equally close ones.
    public init(_ candidates: some Sequence<String>) {
        for (rank, text) in candidates.enumerated() {
            let scalars = Array(text.lowercased().unicodeScalars)
            byLength[scalars.count, default: []].append(
                Entry(
                    text: text, scalars: scalars,
                    cutOff: Suggestion.cutOff(forLength: text.count), rank: rank))
        }
    }

    /// The candidate closest to `word` within its cut-off, never `word` itself.
    public func closest(to word: String) -> String? {
        let lowered = Array(word.lowercased().unicodeScalars)
        let widest = Suggestion.cutOff(forLength: Int.max)
        var best: (entry: Entry, distance: Int)?
        for length in max(0, lowered.count - widest)...(lowered.count + widest) {
            for entry in byLength[length] ?? [] where entry.text != word {
                // Only a candidate closer than the best so far, or as close and earlier, counts.
                var limit = entry.cutOff
                if let best {
                    limit = min(
                        limit, entry.rank < best.entry.rank ? best.distance : best.distance - 1)
                }
                guard
                    let distance = Suggestion.boundedDistance(lowered, entry.scalars, limit: limit)
                else { continue }
                if let best, (distance, entry.rank) >= (best.distance, best.entry.rank) { continue }
                best = (entry, distance)
            }
        }
        return best?.entry.text
    }

    /// " (did you mean `x`?)" or "".
    public func phrase(for word: String) -> String {
        closest(to: word).map { " (did you mean `\($0)`?)" } ?? ""
    }
}
