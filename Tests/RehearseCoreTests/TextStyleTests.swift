import Testing

@testable import RehearseCore

/// The one colourer: codes only when colouring.
@Suite struct TextStyleTests {
    @Test func colourOnlyWhenOn() {
        let on = TextStyle(color: true)
        let off = TextStyle(color: false)
        #expect(on.red("x") == "\u{1B}[31mx\u{1B}[0m")
        #expect(on.paint("x", .bold, .green) == "\u{1B}[1;32mx\u{1B}[0m")
        #expect(on.red("") == "")
        #expect(off.red("x") == "x")
        #expect(off.paint("x", .bold, .yellow) == "x")
        #expect(on.mark("✓", or: "right") == "✓")
        #expect(off.mark("✓", or: "right") == "right")
    }

    @Test func promptsHideTheirCodesFromReadline() {
        #expect(
            TextStyle(color: true).prompt("> ") == "\u{1}\u{1B}[1;36m\u{2}> \u{1}\u{1B}[0m\u{2}")
        #expect(TextStyle(color: false).prompt("> ") == "> ")
    }

    @Test func widthStaysReadable() {
        #expect(TextStyle(color: false, width: 10).width == 40)
        #expect(TextStyle(color: false, width: 300).width == 100)
        #expect(TextStyle(color: false, width: 72).width == 72)
    }

    @Test func wrappingIsTheSameWithColourOnAndOff() {
        let words = (1...30).map { "word\($0)" }
        let on = TextStyle(color: true, width: 40)
        let off = TextStyle(color: false, width: 40)
        let coloured = on.wrap(words.map { on.bold($0) }.joined(separator: " "), first: "  ")
        let plain = off.wrap(words.joined(separator: " "), first: "  ")
        #expect(TerminalText.removingEscapeSequences(coloured) == plain)
    }
}
