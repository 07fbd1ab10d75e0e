import Testing

@testable import RehearseCore

/// The one table printer: columns measured in terminal columns, fitted to a width.
@Suite struct TextTableTests {
    static let rows = [
        ["ID", "N", "TITLE"],
        ["greeting", "3", "Saying hello"],
        ["refunds", "12", "Money back"],
    ]

    @Test func padsColumnsAndAlignsNumbersRight() {
        let table = TextTable(rightAligned: [1]).render(Self.rows)
        #expect(
            table == """
                  ID         N  TITLE
                  greeting   3  Saying hello
                  refunds   12  Money back

                """)
    }

    @Test func theLastCellIsNotPaddedButAnEmptyOneKeepsItsGap() {
        let table = TextTable(indent: "").render([["a", "bbb"], ["ccc", ""]])
        #expect(table == "a    bbb\nccc  \n")
    }

    @Test func minimumWidthsHold() {
        let table = TextTable(minimumWidths: [0: 6], indent: "").render([["ab", "x"]])
        #expect(table == "ab      x\n")
    }

    @Test func colourCodesDoNotWidenAColumn() {
        let red = "\u{1B}[31mfail\u{1B}[0m"
        let plain = TextTable().render([["x", "fail", "1"], ["yy", "pass", "2"]])
        let coloured = TextTable().render([["x", red, "1"], ["yy", "pass", "2"]])
        #expect(coloured.replacingAll(red, with: "fail") == plain)
    }

    @Test func wideCharactersTakeTwoColumns() {
        let table = TextTable(indent: "").render([["日本", "x"], ["abc", "y"]])
        #expect(table == "日本  x\nabc   y\n")
    }

    @Test func withoutAWidthNothingWraps() {
        let long = String(repeating: "word ", count: 40)
        let table = TextTable().render([["id", long]])
        #expect(table == "  id  \(long)\n")
    }

    @Test func aWideTableWrapsItsWidestTextColumnToFit() {
        let rows = [
            ["ID", "TITLE", "N"],
            ["refunds", "How to give money back when the customer asks twice", "12"],
        ]
        let laidOut = TextTable(rightAligned: [2]).lines(rows, width: 30)
        let lines = laidOut.map(\.text)
        #expect(lines.allSatisfy { TerminalText.displayWidth($0) <= 30 })
        // 30 columns less the indent, the gaps and the other columns leave 15 for the title.
        #expect(lines.first == "  ID       TITLE             N")
        #expect(lines[1] == "  refunds  How to give      12")
        #expect(laidOut.dropFirst().allSatisfy { $0.row == 1 })
        let words = lines.dropFirst().map { String($0.dropFirst(11).prefix(15)) }
            .joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(words == "How to give money back when the customer asks twice")
    }

    @Test func continuationLinesHaveNoTrailingPadding() {
        let lines = TextTable(rightAligned: [1]).lines([["aaaa bbbbbbbbb", "1"]], width: 13)
        #expect(lines.map(\.text) == ["  aaaa      1", "  bbbbbbbb", "  b"])
    }

    @Test func wrappedColouredCellsCloseTheirColourOnEveryLine() {
        let yellow = "\u{1B}[33m"
        let cell = "\(yellow)one two three four five six\u{1B}[0m"
        let lines = TextTable(indent: "").lines([[cell, "end"]], width: 16).map(\.text)
        #expect(lines.count > 1)
        for line in lines where line.contains(yellow) {
            #expect(line.contains("\u{1B}[0m"), "colour closed before the next column")
        }
        #expect(lines.allSatisfy { TerminalText.displayWidth($0) <= 16 })
    }

    @Test func aTableThatCannotFitStaysWhole() {
        let rows = [["abcdefghijkl", "123456789"]]
        let lines = TextTable(rightAligned: [1]).lines(rows, width: 10).map(\.text)
        // The text column stops at its narrowest; the numbers are never wrapped.
        #expect(lines == ["  abcdefgh  123456789", "  ijkl"])
    }
}
