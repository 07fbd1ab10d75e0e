import Testing

@testable import RehearseCore

/// The sanitizer every string from a file passes through before a terminal sees it.
@Suite struct TerminalTextTests {
    /// Hostile titles: every escape a terminal acts on, as issue reports found them.
    static let hostile: [(name: String, text: String, shown: String)] = [
        ("OSC 0 window title", "\u{1B}]0;pwned\u{7}", "\\u{1B}]0;pwned\\u{7}"),
        (
            "OSC 8 hyperlink", "\u{1B}]8;;https://x.test\u{1B}\\link\u{1B}]8;;\u{1B}\\",
            "\\u{1B}]8;;https://x.test\\u{1B}\\link\\u{1B}]8;;\\u{1B}\\"
        ),
        ("OSC 52 clipboard", "\u{1B}]52;c;cm0gLXJmIH4=\u{7}", "\\u{1B}]52;c;cm0gLXJmIH4=\\u{7}"),
        ("clear screen", "a\u{1B}[2Jb", "a\\u{1B}[2Jb"),
        ("alternate screen", "\u{1B}[?1049h", "\\u{1B}[?1049h"),
        ("cursor report", "\u{1B}[6n", "\\u{1B}[6n"),
        ("one-byte CSI", "\u{9B}31mred", "\\u{9B}31mred"),
        ("DEL and NUL", "a\u{7F}b\u{0}c", "a\\u{7F}b\\u{0}c"),
        ("carriage return", "safe\roverwritten", "safe\\u{D}overwritten"),
        ("C1 NEL", "a\u{85}b", "a\\u{85}b"),
        ("bidi override", "abc\u{202E}fed", "abc\\u{202E}fed"),
        ("bidi isolates", "\u{2066}x\u{2069}", "\\u{2066}x\\u{2069}"),
    ]

    @Test(arguments: hostile.indices)
    func escapesAreShownNeverEmitted(_ index: Int) {
        let (name, text, shown) = Self.hostile[index]
        let safe = TerminalText.sanitize(text)
        #expect(safe == shown, "\(name)")
        #expect(!safe.unicodeScalars.contains { TerminalText.isUnsafe($0) }, "\(name)")
    }

    /// The printable-ASCII cache in front of `sanitize` and `sanitizeLine` gives what their
    /// rule gives, on seeded texts of printable ASCII, controls, line ends and other scalars.
    @Test func theCacheInFrontGivesWhatTheRuleGives() {
        let alphabet: [String] = [
            "a", "Z", " ", "~", "-", "\n", "\t", "\r", "\u{1B}", "\u{7F}", "\u{0}", "\u{85}", "é",
            "\u{202E}", "\u{2066}", "日", "\u{1F600}",
        ]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var plain = 0
        for _ in 0..<5_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 60)
            // Half the texts are printable ASCII only, the others draw from the whole alphabet.
            let pool = state & 1 == 0 ? 5 : alphabet.count
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += alphabet[Int((state >> 33) % UInt64(pool))]
            }
            if TerminalText.isPrintableASCII(text) { plain += 1 }
            #expect(TerminalText.sanitizeLine(text) == TerminalText.sanitizeLineByRule(text))
            #expect(TerminalText.sanitize(text) == TerminalText.sanitizeByRule(text))
            #expect(
                TerminalText.sanitize(text, keeping: ["\r"])
                    == TerminalText.sanitizeByRule(text, keeping: ["\r"]))
        }
        #expect(plain > 1_000)
        #expect(!TerminalText.isPrintableASCII("a\tb"))
        #expect(!TerminalText.isPrintableASCII("caf\u{E9}"))
    }

    @Test func plainTextNewlinesAndTabsAreKept() {
        let text = "Café 日本語 👩‍💻\n\tindented \"quoted\" \\ back"
        #expect(TerminalText.sanitize(text) == text)
    }

    @Test func oneLineTextEscapesNewlinesAndTabsToo() {
        #expect(TerminalText.sanitizeLine("a\nb\tc\u{1B}") == "a\\u{A}b\\u{9}c\\u{1B}")
        #expect(TerminalText.sanitizeLine("plain") == "plain")
    }

    @Test func controlsAFormatEncodesItselfCanBeKept() {
        #expect(TerminalText.sanitize("a\r\nb\u{1B}", keeping: ["\r"]) == "a\r\nb\\u{1B}")
    }

    @Test func escapeSequencesCanBeRemoved() {
        #expect(TerminalText.removingEscapeSequences("\u{1B}[1;31merror:\u{1B}[0m x") == "error: x")
        #expect(TerminalText.removingEscapeSequences("a\u{1B}7b") == "ab")
        #expect(TerminalText.removingEscapeSequences("plain") == "plain")
    }

    @Test func displayWidthSkipsColourCodes() {
        #expect(TerminalText.displayWidth("plain") == 5)
        #expect(TerminalText.displayWidth("\u{1B}[1;31merror:\u{1B}[0m") == 6)
        #expect(TerminalText.displayWidth("\u{1B}[mx\u{1B}[38;5;208my") == 2)
        #expect(TerminalText.displayWidth("\u{1}\u{1B}[1;36m\u{2}> \u{1}\u{1B}[0m\u{2}") == 2)
        #expect(TerminalText.displayWidth("") == 0)
    }

    @Test func displayWidthCountsWideCharactersTwiceAndMarksNever() {
        #expect(TerminalText.displayWidth("日本語") == 6)
        #expect(TerminalText.displayWidth("한국") == 4)
        #expect(TerminalText.displayWidth("ＡＢ") == 4)
        #expect(TerminalText.displayWidth("Cafe\u{301}") == 4)
        #expect(TerminalText.displayWidth("👍") == 2)
        #expect(TerminalText.displayWidth("👩‍💻") == 2)
        #expect(TerminalText.displayWidth("a\u{200B}b") == 2)
    }
}
