import Testing

@testable import RehearseCore

/// The one CSV field encoder: quoting and formula neutralisation.
@Suite struct CSVFieldTests {
    @Test func plainFieldsStayPlain() {
        #expect(CSVField.text("plain text") == "plain text")
        #expect(CSVField.text("") == "")
        #expect(CSVField.text("Café 日本") == "Café 日本")
    }

    @Test func quotesDelimitersQuotesAndLineBreaks() {
        #expect(CSVField.text("a,b") == "\"a,b\"")
        #expect(CSVField.text("a;b") == "\"a;b\"", "`;` quoted with `,` in use too")
        #expect(CSVField.text("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVField.text("line\nbreak") == "\"line\nbreak\"")
        #expect(CSVField.text("line\r\nbreak") == "\"line\r\nbreak\"")
        #expect(CSVField.text("a\tb") == "a\tb", "a tab is data with `,` in use")
    }

    @Test func quotesWhicheverDelimiterIsInUse() {
        #expect(CSVField.text("a;b", delimiter: ";") == "\"a;b\"")
        #expect(CSVField.text("a,b", delimiter: ";") == "\"a,b\"")
        #expect(CSVField.text("a\tb", delimiter: "\t") == "\"a\tb\"")
        #expect(CSVField.text("a b", delimiter: "\t") == "a b")
        #expect(CSVField.record(["a", "b c", ""], delimiter: "\t") == "a\tb c\t\r\n")
        #expect(CSVField.record(["a", "b"]) == "a,b\r\n")
    }

    @Test func formulaCellsAreNeutralised() {
        #expect(CSVField.text("=1+1") == "'=1+1")
        #expect(CSVField.text("+1+1") == "'+1+1")
        #expect(CSVField.text("-x") == "'-x")
        #expect(CSVField.text("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVField.text("\tx") == "'\tx")
        #expect(CSVField.text("\rx") == "\"'\rx\"")
        #expect(CSVField.text("=cmd|'/c calc'!A1") == "'=cmd|'/c calc'!A1")
        #expect(CSVField.text("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")
        #expect(CSVField.text("\tx", delimiter: "\t") == "\"'\tx\"")
    }

    @Test func plainNumbersAreNotFormulas() {
        #expect(CSVField.text("-12") == "-12")
        #expect(CSVField.text("+0.5") == "+0.5")
        #expect(CSVField.text("-3.25") == "-3.25")
        #expect(CSVField.text("12") == "12")
        #expect(CSVField.text("-") == "'-")
        #expect(CSVField.text("-1.") == "'-1.")
        #expect(CSVField.text("-1e5") == "'-1e5")
        #expect(CSVField.text("-1-1") == "'-1-1")
        #expect(CSVField.text("+.5") == "'+.5")
    }
}
