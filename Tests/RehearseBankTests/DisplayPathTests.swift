import Testing

@testable import RehearseBank

/// The cache in front of `displayPath` (absolute paths with plain components under the base)
/// gives what the rule gives, on seeded paths with `.`, `..`, empty and non-ASCII components.
@Suite struct DisplayPathTests {
    static let components = [
        "a", "bank", "quizzes", "x.yaml", ".", "..", "", "é", "e\u{301}", "\u{301}b", ".hidden",
        "...",
    ]
    static let bases = [
        "/w/bank", "/w/bank/", "/", "bank", "/w/bank/..", "/w/ba", "/w//bank", "/w/bank/.", "",
        "/w/e\u{301}", "/w/é",
    ]

    @Test func theCacheGivesWhatTheRuleGives() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var checked = 0
        for _ in 0..<20_000 {
            let base = Self.bases[next(Self.bases.count)]
            var parts: [String] = []
            for _ in 0..<(1 + next(5)) {
                parts.append(Self.components[next(Self.components.count)])
            }
            let tail = parts.joined(separator: "/")
            let path: String
            switch next(3) {
            case 0: path = base + "/" + tail
            case 1: path = "/" + tail
            default: path = tail
            }
            let expected = BankDirectory.displayPathByRule(path, base: base)
            #expect(BankDirectory.displayPath(path, base: base) == expected, "\(path) in \(base)")
            checked += 1
        }
        #expect(checked == 20_000)
        // The common case takes the cache and is right.
        #expect(
            BankDirectory.displayPath("/w/bank/scenarios/a.yaml", base: "/w/bank")
                == "scenarios/a.yaml")
        #expect(
            BankDirectory.displayPath("/w/bank/scenarios/a.yaml", base: "/w/bank/")
                == "scenarios/a.yaml")
        #expect(BankDirectory.displayPath("/w/bank/../a.yaml", base: "/w/bank") == "/w/a.yaml")
    }
}
