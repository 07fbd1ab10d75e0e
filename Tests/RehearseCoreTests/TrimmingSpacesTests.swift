import Testing

@testable import RehearseCore

/// `trimmingSpaces` and the cache in front of it: a text that starts and ends with printable
/// ASCII other than a space comes back as it is; any other goes through the rule.
@Suite struct TrimmingSpacesTests {
    @Test func theCacheInFrontGivesWhatTheRuleGives() {
        let alphabet = [
            "a", "1", " ", "\t", "\n", "\r\n", "\u{1F}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2003}",
            "\u{301}", "é", "日", "~", "!", "\u{600}",
        ]
        var untouched = 0
        for text in SeededText.strings(6_000, from: alphabet, seed: 0x2545_F491) {
            #expect(
                text.trimmingSpaces == text.trimmingSpacesByRule, "\(Array(text.unicodeScalars))")
            if let first = text.utf8.first, let last = text.utf8.last,
                (0x21...0x7E).contains(first), (0x21...0x7E).contains(last)
            {
                untouched += 1
            }
        }
        #expect(untouched > 300)
        #expect("  a b \u{A0}".trimmingSpaces == "a b")
        #expect("a\u{301} ".trimmingSpaces == "a\u{301}")
        #expect("".trimmingSpaces == "")
    }
}
