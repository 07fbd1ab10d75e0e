import Foundation
import Testing

@testable import RehearseCore

/// The one JSON writer: string escaping and numbers, and JSONValue written through it.
@Suite struct JSONWriterTests {
    static func string(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return writer.rendered
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() {
        #expect(Self.string("plain") == "\"plain\"")
        #expect(Self.string("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(Self.string("\n\r\t\u{8}\u{C}") == "\"\\n\\r\\t\\b\\f\"")
        #expect(Self.string("\u{0}\u{1B}[2J\u{1F}") == "\"\\u0000\\u001b[2J\\u001f\"")
        #expect(Self.string("\u{7F}") == "\"\\u007f\"")
        #expect(Self.string("a\u{2028}b\u{2029}") == "\"a\\u2028b\\u2029\"")
        #expect(Self.string("\u{9B}") == "\"\u{9B}\"", "C1 is valid JSON text, written as UTF-8")
    }

    @Test func nonASCIIAndNonBMPCharactersAreWrittenAsUTF8() {
        #expect(Self.string("Café 日本 €") == "\"Café 日本 €\"")
        #expect(Self.string("👩‍💻 𝄞 \u{10FFFF}") == "\"👩‍💻 𝄞 \u{10FFFF}\"")
        #expect(Self.string("\u{E2}\u{80}") == "\"\u{E2}\u{80}\"", "not a line separator")
    }

    /// Runs without escapes are copied whole: escapes at the start, the end and side by side,
    /// and every byte value around them, give what escaping byte by byte gives.
    @Test func runsAroundEscapesAreCopiedWhole() throws {
        #expect(Self.string("\"abc\"") == "\"\\\"abc\\\"\"")
        #expect(Self.string("\n\n") == "\"\\n\\n\"")
        #expect(Self.string("ab\u{2028}") == "\"ab\\u2028\"")
        #expect(Self.string("€\u{2029}€") == "\"€\\u2029€\"")
        // Every string of up to three of these characters.
        let alphabet: [Character] = [
            "a", "\"", "\\", "\n", "\u{1}", "\u{7F}", "€", "\u{2028}", "é", " ",
        ]
        var texts: [String] = [""]
        for length in 1...3 {
            texts += texts.filter { $0.count == length - 1 }.flatMap { text in
                alphabet.map { text + String($0) }
            }
        }
        #expect(texts.count == 1 + 10 + 100 + 1_000)
        for text in texts {
            let back = try JSONDecoder().decode(String.self, from: Data(Self.string(text).utf8))
            #expect(back == text)
            // Nothing a terminal or JavaScript takes as a control or a line break is left raw.
            let written = Array(Self.string(text).utf8)
            #expect(!written.contains { $0 < 0x20 || $0 == 0x7F }, "\(text.debugDescription)")
            #expect(!Self.string(text).contains("\u{2028}"), "\(text.debugDescription)")
        }
    }

    @Test func everyStringReadsBack() throws {
        let texts = [
            "", "a\"b", "\\", "\u{0}\u{1}\u{7F}", "\u{2028}\u{2029}", "👩‍💻𝄞", "\u{1B}]0;x\u{7}",
            String((0..<0x250).compactMap { Unicode.Scalar($0) }.map(Character.init)),
        ]
        for text in texts {
            let data = Data(Self.string(text).utf8)
            let back = try JSONDecoder().decode(String.self, from: data)
            #expect(back == text)
        }
    }

    @Test func numbers() {
        func number(_ value: Double?) -> String {
            var writer = JSONWriter()
            writer.number(value)
            return writer.rendered
        }
        #expect(number(3) == "3")
        #expect(number(-0.25) == "-0.25")
        #expect(number(43.449999999999996) == "43.45")
        #expect(number(.nan) == "null")
        #expect(number(.infinity) == "null")
        #expect(number(nil) == "null")
        #expect(number(1e20) == "1e+20")
    }

    @Test func valuesAreWrittenThroughTheWriter() {
        let value: JSONValue = [
            "name": "a\u{1B}b", "list": [1, 2], "empty": [], "none": .null, "ok": true,
            "nested": ["x": .number(0.5)],
        ]
        #expect(
            value.rendered(inlineWidth: 40) == """
                {
                  "name": "a\\u001bb",
                  "list": [1, 2],
                  "empty": [],
                  "none": null,
                  "ok": true,
                  "nested": {
                    "x": 0.5
                  }
                }
                """)
        #expect(
            JSONValue.array([1, 2]).rendered() == """
                [
                  1,
                  2
                ]
                """)
    }

    /// Whole numbers are written digit by digit as Swift's own decimal text has them: both ends
    /// of `Int`, the powers of ten and their neighbours, and seeded random values.
    @Test func wholeNumbersAsDecimalText() {
        var values: [Int] = [0, 9, 10, 11, 99, 100, -1, -9, -10, Int.max, Int.min, Int.min + 1]
        var power = 1
        while power <= Int.max / 10 {
            power *= 10
            values += [power - 1, power, power + 1, -power]
        }
        var state: UInt64 = 7
        values += (0..<500).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state) >> Int(state % 60)
        }
        for value in values {
            var out = JSONWriter()
            out.int(value)
            #expect(out.rendered == String(value))
        }
    }
}
