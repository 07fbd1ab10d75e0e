import Testing

@testable import RehearseCore

/// Wrapping measured in columns, colour codes taking none.
@Suite struct TextWrapTests {
    @Test func wrapsAtSpacesWithAHangingIndent() {
        let lines = TextWrap.lines("one two three four", width: 12, first: "- ")
        #expect(lines == ["- one two", "  three four"])
    }

    @Test func keepsLineBreaksAndDropsTrailingEmptyLines() {
        #expect(TextWrap.lines("a\n\nb\n\n", width: 40) == ["a", "", "b"])
        #expect(TextWrap.lines("", width: 40) == [""])
    }

    @Test func leavesLongWordsWholeUnlessAskedToBreakThem() {
        #expect(TextWrap.lines("abcdefghij x", width: 4) == ["abcdefghij", "x"])
        #expect(
            TextWrap.lines("abcdefghij x", width: 4, breakingWords: true)
                == ["abcd", "efgh", "ij x"])
    }

    @Test func colourCodesTakeNoWidth() {
        let red = "\u{1B}[31m"
        let reset = "\u{1B}[0m"
        let text = "\(red)aaaa\(reset) \(red)bbbb\(reset) cccc"
        // Ten columns hold two words: the codes must not push the second word to a new line.
        let lines = TextWrap.lines(text, width: 10)
        #expect(lines == ["\(red)aaaa\(reset) \(red)bbbb\(reset)", "cccc"])
    }

    @Test func aColourOpenAtALineEndIsClosedAndReopened() {
        let yellow = "\u{1B}[33m"
        let reset = "\u{1B}[0m"
        let lines = TextWrap.lines("\(yellow)one two three\(reset)", width: 9, first: "  ")
        #expect(lines == ["  \(yellow)one two\(reset)", "  \(yellow)three\(reset)"])
    }

    @Test func wideCharactersCountTwice() {
        #expect(TextWrap.lines("日本 語語 x", width: 6) == ["日本", "語語 x"])
        #expect(TextWrap.lines("日本語", width: 4, breakingWords: true) == ["日本", "語"])
    }

    @Test func brokenWordsKeepTheirEscapeSequencesWhole() {
        let pieces = TextWrap.split("\u{1B}[32mabcdef\u{1B}[0m", width: 3)
        #expect(pieces == ["\u{1B}[32mabc", "def\u{1B}[0m"])
    }
}
