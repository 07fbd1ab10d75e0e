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
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var untouched = 0
        for _ in 0..<6_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 60)
            var text = ""
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += alphabet[Int((state >> 33) % UInt64(alphabet.count))]
            }
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
