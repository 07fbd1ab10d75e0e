import Testing

@testable import RehearseCore

/// The bounded distance agrees with the full one within its limit and gives up past it; the
/// prepared index suggests what the plain look-up does.
@Suite struct SuggestionTests {
    /// The whole optimal-string-alignment table, as a reference to compare against.
    static func fullDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(
                    table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// A small seeded generator (xorshift), so every run draws the same words.
    struct Words {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        mutating func word() -> [Unicode.Scalar] {
            let letters = Array("abcd-".unicodeScalars)
            return (0..<next(9)).map { _ in letters[next(letters.count)] }
        }
    }

    @Test func theBoundedDistanceIsTheFullOneWithinTheLimitAndNilBeyond() {
        var words = Words(state: 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<3000 {
            let a = words.word()
            let b = words.word()
            let limit = words.next(5)
            let full = Self.fullDistance(a, b)
            let bounded = Suggestion.boundedDistance(a, b, limit: limit)
            #expect(bounded == (full <= limit ? full : nil), "\(a) \(b) limit \(limit)")
            #expect(
                Suggestion.editDistance(
                    String(String.UnicodeScalarView(a)), String(String.UnicodeScalarView(b)))
                    == full)
        }
    }

    @Test func theLetterCountBoundNeverExceedsTheDistance() {
        var words = Words(state: 7)
        var pruned = 0
        for _ in 0..<3000 {
            let a = words.word()
            let b = words.word()
            let bound = SuggestionIndex.lowerBound(
                SuggestionIndex.counts(a), SuggestionIndex.counts(b))
            let distance = Self.fullDistance(a, b)
            // Int.max only when the distance is past the widest cut-off.
            #expect(bound == Int.max ? distance > 3 : bound <= distance, "\(a) \(b)")
            if bound > 1 { pruned += 1 }
        }
        let many = Array("aaaaaaaaaa".unicodeScalars)
        let none = Array("bbbbbbbbbb".unicodeScalars)
        #expect(
            SuggestionIndex.lowerBound(SuggestionIndex.counts(many), SuggestionIndex.counts(none))
                == Int.max)
        // The bound is not trivial: it rules out many pairs at a cut-off of 1.
        #expect(pruned > 1000)
    }

    @Test func lengthsFurtherApartThanTheLimitAreRefusedAtOnce() {
        let short = Array("refund".unicodeScalars)
        let long = Array(String(repeating: "refund", count: 2000).unicodeScalars)
        #expect(Suggestion.boundedDistance(short, long, limit: 3) == nil)
        // Equal long lengths, different text: the first rows past the limit end the work.
        let other = Array(String(repeating: "xyzabc", count: 2000).unicodeScalars)
        #expect(Suggestion.boundedDistance(long, other, limit: 3) == nil)
        #expect(Suggestion.boundedDistance(long, long, limit: 3) == 0)
        #expect(Suggestion.boundedDistance([], Array("ab".unicodeScalars), limit: 2) == 2)
        #expect(Suggestion.boundedDistance([], Array("abc".unicodeScalars), limit: 2) == nil)
        #expect(Suggestion.boundedDistance(short, short, limit: -1) == nil)
    }

    @Test func theIndexSuggestsTheClosestAndTheFirstOfEquals() {
        let index = SuggestionIndex(["late-delivery", "late-delivers", "wrong-colour", "refund"])
        #expect(index.closest(to: "late-dlivery") == "late-delivery")
        // One edit from both: the first given wins.
        #expect(index.closest(to: "late-deliverz") == "late-delivery")
        #expect(index.closest(to: "LATE-DELIVERS") == "late-delivers")
        #expect(index.closest(to: "refnud") == "refund")
        #expect(index.closest(to: "refund") == nil)
        #expect(index.closest(to: "something-else") == nil)
        #expect(index.phrase(for: "wrong-color") == " (did you mean `wrong-colour`?)")
    }

    @Test func theIndexAgreesWithAPlainScanOnManyCandidates() {
        var words = Words(state: 42)
        let candidates = (0..<400).map { _ in String(String.UnicodeScalarView(words.word())) }
        let index = SuggestionIndex(candidates)
        for _ in 0..<300 {
            let word = String(String.UnicodeScalarView(words.word()))
            var expected: (String, Int)?
            for candidate in candidates where candidate != word {
                let distance = Self.fullDistance(
                    Array(word.unicodeScalars), Array(candidate.unicodeScalars))
                if distance <= Suggestion.cutOff(forLength: candidate.count),
                    distance < (expected?.1 ?? Int.max)
                {
                    expected = (candidate, distance)
                }
            }
            #expect(index.closest(to: word) == expected?.0, "\(word)")
        }
    }
}
