import Foundation
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseGrading
@testable import RehearseProgress
@testable import RehearseScoring

@Suite("CSV reader")
struct GradingCSVTests {
    func rows(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) throws -> [[String]] {
        try CSVParser.records(Array(text.utf8), delimiter: delimiter).map(\.fields)
    }

    /// What the one CSV encoder writes, this reader reads back, with every delimiter (line
    /// breaks in a field are read as LF, so the fields here use LF).
    @Test(arguments: [",", ";", "\t"] as [Unicode.Scalar])
    func encodedFieldsReadBack(delimiter: Unicode.Scalar) throws {
        let fields = [
            "plain", "a,b", "a;b", "a\tb", "say \"hi\"", "line\nbreak", "",
            "Café 日本 👩‍💻", "-12.5",
        ]
        let text = CSVField.record(
            fields.map { CSVField.text($0, delimiter: delimiter) },
            delimiter: delimiter)
        let read = try rows(text, delimiter: UInt8(delimiter.value))
        #expect(read == [fields])
        // Formula cells come back with the apostrophe that keeps a spreadsheet from running them.
        let formula = CSVField.record(
            ["=1+1", "@x"].map { CSVField.text($0, delimiter: delimiter) },
            delimiter: delimiter)
        #expect(try rows(formula, delimiter: UInt8(delimiter.value)) == [["'=1+1", "'@x"]])
    }

    @Test func plainFieldsAndBlankLines() throws {
        #expect(try rows("a,b,c\n\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(try rows("a,b,") == [["a", "b", ""]])
    }

    @Test func quotedCommasQuotesAndNewlines() throws {
        let text = "name,answer\n\"Lopez, Maria\",\"She said \"\"sorry\"\"\nthen left\"\nnext,1\n"
        let records = try CSVParser.records(Array(text.utf8), delimiter: UInt8(ascii: ","))
        #expect(records.map(\.fields)[1] == ["Lopez, Maria", "She said \"sorry\"\nthen left"])
        // The record after a quoted line break starts on line 4.
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func crlfAndCR() throws {
        #expect(try rows("a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
        #expect(try rows("a,b\r1,2") == [["a", "b"], ["1", "2"]])
        // CRLF inside a quoted field becomes LF.
        #expect(try rows("\"x\r\ny\",z\r\n") == [["x\ny", "z"]])
    }

    @Test func unterminatedQuoteIsAnErrorWithPosition() {
        do {
            _ = try rows("a,b\n1,\"open\n")
            Issue.record("expected an error")
        } catch let error as CSVError {
            #expect(error.line == 2)
            #expect(error.column == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func delimiterDetection() {
        #expect(CSVParser.detectDelimiter(Array("a;b;c\n1,5;2;3".utf8)) == UInt8(ascii: ";"))
        #expect(CSVParser.detectDelimiter(Array("a\tb\tc\n".utf8)) == 9)
        #expect(CSVParser.detectDelimiter(Array("\"a;b\",c\n".utf8)) == UInt8(ascii: ","))
        #expect(CSVParser.detectDelimiter(Array("single\n".utf8)) == UInt8(ascii: ","))
    }

    @Test func semicolonAndTabRecords() throws {
        #expect(try rows("a;\"b;c\"\n", delimiter: UInt8(ascii: ";")) == [["a", "b;c"]])
        #expect(try rows("a\tb\n", delimiter: 9) == [["a", "b"]])
    }

    @Test func longFieldsCrossTheEightByteFastPath() throws {
        let long = String(repeating: "x", count: 37)
        #expect(try rows("\(long),\(long)y\n") == [[long, long + "y"]])
    }

    /// Text after a closing quote is kept, appended to the field, quotes and all.
    @Test func textAfterAClosingQuoteIsAppended() throws {
        #expect(try rows("\"ab\"cd,e\n") == [["abcd", "e"]])
        #expect(try rows("\"a\"\"b\"c\"d,e\n") == [["a\"bc\"d", "e"]])
        #expect(try rows("\"\"x\n") == [["x"]])
    }

    /// The scanner only reads its buffer: a quoted field is a span of it, and only a field that
    /// must be unescaped is a copy, kept until the next record.
    @Test func quotedFieldsAreSpansUnlessUnescaped() {
        let text = "\"plain, quoted\",\"say \"\"hi\"\"\",\"x\r\ny\",bare\n\"\"\"\"\n"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(buffer, delimiter: UInt8(ascii: ","))
            defer { scanner.deallocate() }
            #expect((try? scanner.next()) == true)
            #expect(scanner.fieldCount == 4)
            let fields = (0..<4).map { String(decoding: scanner.field($0), as: UTF8.self) }
            #expect(fields == ["plain, quoted", "say \"hi\"", "x\ny", "bare"])
            #expect((0..<4).map(scanner.isCopy) == [false, true, true, false])
            // The span points into the buffer, just inside the opening quote.
            #expect(scanner.field(0).baseAddress == buffer.baseAddress.map { $0 + 1 })
            #expect((try? scanner.next()) == true)
            #expect(String(decoding: scanner.field(0), as: UTF8.self) == "\"")
            #expect(scanner.isCopy(0))
            #expect((try? scanner.next()) == false)
        }
        // Nothing was written.
        #expect(bytes == Array(text.utf8))
    }

    /// A file mapped read only (a write would fault) is read with every kind of quoted field.
    @Test func aReadOnlyMappingIsReadWithEscapes() throws {
        let text = "learner,answer\n\"O\"\"Brien\",\"a,b\"\n\"x\",\"line\r\nbreak\"\"\"\n"
        let path = try SheetStreamingTests.temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mapping = try #require(MappedFile(path: path))
        defer { mapping.unmap() }
        var read: [[String]] = []
        var scanner = CSVScanner(mapping.buffer, delimiter: UInt8(ascii: ","))
        defer { scanner.deallocate() }
        while try scanner.next() {
            read.append(
                (0..<scanner.fieldCount).map { String(decoding: scanner.field($0), as: UTF8.self) })
        }
        #expect(read == [["learner", "answer"], ["O\"Brien", "a,b"], ["x", "line\nbreak\""]])
    }

    @Test func encodings() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,é".utf8)
        #expect(SheetText.utf8(bom).bytes == Array("a,é".utf8))
        #expect(SheetText.utf8(bom).encoding == .utf8WithBOM)

        var little: [UInt8] = [0xFF, 0xFE]
        for unit in "a,é\r\n".utf16 { little += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(SheetText.utf8(little).bytes == Array("a,é\r\n".utf8))
        #expect(SheetText.utf8(little).encoding == .utf16LittleEndian)

        var big: [UInt8] = [0xFE, 0xFF]
        for unit in "Zoë".utf16 { big += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(SheetText.utf8(big).bytes == Array("Zoë".utf8))

        // Windows-1252: é is 0xE9, the euro sign 0x80, a curly apostrophe 0x92.
        let windows: [UInt8] = Array("Ren".utf8) + [0xE9, 0x20, 0x80, 0x92]
        #expect(SheetText.utf8(windows).encoding == .windows1252)
        #expect(String(decoding: SheetText.utf8(windows).bytes, as: UTF8.self) == "René €\u{2019}")
    }

    @Test func utf8Validation() {
        #expect(SheetText.isValidUTF8(Array("plain ascii, long enough to use words".utf8)))
        #expect(SheetText.isValidUTF8(Array("naïve café 😀".utf8)))
        #expect(!SheetText.isValidUTF8([0xC0, 0xAF]))  // overlong
        #expect(!SheetText.isValidUTF8([0xED, 0xA0, 0x80]))  // surrogate
        #expect(!SheetText.isValidUTF8([0xE9, 0x20]))  // Latin-1
    }
}
