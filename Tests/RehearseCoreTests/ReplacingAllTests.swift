import Testing

@testable import RehearseCore

/// `replacingAll` and the cache in front of it: a text without the target's first byte comes
/// back as it is; any other text goes through the rule (a split on the target).
@Suite struct ReplacingAllTests {
    @Test func theCacheInFrontGivesWhatTheRuleGives() {
        let alphabet = ["a", "]", "-", " ", "\u{301}", "é", "\n", "日"]
        let targets = ["]", "--", "- -", "é", "\u{301}", "a]"]
        var untouched = 0
        for text in SeededText.strings(4_000, from: alphabet, maxLength: 31, seed: 0x9E37_79B9) {
            for target in targets {
                let fast = text.replacingAll(target, with: ")")
                #expect(fast == text.replacingAllByRule(target, with: ")"), "\(text) \(target)")
                if !text.utf8.contains(target.utf8.first ?? 0) { untouched += 1 }
            }
        }
        #expect(untouched > 1_000)
        // A combining mark after the target makes another character: no occurrence.
        #expect("a]\u{301}b".replacingAll("]", with: ")") == "a]\u{301}b")
        #expect("[tag]".replacingAll("]", with: ")") == "[tag)")
        #expect("a---b".replacingAll("--", with: "- -") == "a- --b")
    }
}
