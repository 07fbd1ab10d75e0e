import Foundation
import Testing

@testable import RehearseInterop

/// The byte-level escapes of the GIFT and Moodle XML writers give what the plain per-character
/// rules say, on text with every special character, line ends of each kind, and non-ASCII.
@Suite struct ExportBytesTests {
    static let texts = [
        "", "plain text", "~=#{}:\\", "a\r\nb\rc\nd\n\re", "\n", "\r", "\r\n\r\n",
        "Tom & Jerry <b>\"quoted\"</b> > all", "ünïcode 😀 {é}", "ends with :",
        ":starts", "a--b", "x\u{2028}y\u{85}z", String(repeating: "ab~", count: 2000),
    ]

    /// GIFT's escape rule, one character at a time.
    static func giftReference(_ text: String) -> String {
        var out = ""
        var previous: Character?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "~", "=", "#", "{", "}", ":", "\\": out += "\\" + String(scalar)
            case "\r": out += "\\n"
            case "\n": if previous != "\r" { out += "\\n" }
            default: out.unicodeScalars.append(scalar)
            }
            previous = Character(scalar)
        }
        return out
    }

    @Test(arguments: texts)
    func giftEscapeFollowsTheRule(text: String) {
        var out = ExportBytes()
        out.add("[")
        GiftExporter.escape(text, into: &out)
        #expect(out.text == "[" + Self.giftReference(text))
    }

    @Test(arguments: texts)
    func moodleEscapeFollowsTheRule(text: String) {
        let expected = text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
        #expect(MoodleXMLExporter.escape(text) == expected)
        var out = ExportBytes()
        out.add("[")
        MoodleXMLExporter.escape(text, into: &out)
        #expect(out.text == "[" + expected)
    }

    @Test(arguments: texts)
    func aPlainLineIsOneLineAsSplittingSeesIt(text: String) {
        if ExportBytes.isPlainLine(text) {
            #expect(text.split(whereSeparator: \.isNewline).joined(separator: " ") == text)
        }
    }

    @Test func containsTestsTheBytes() {
        #expect(ExportBytes.contains("x<y") { $0 == 0x3C })
        #expect(!ExportBytes.contains("xy") { $0 == 0x3C })
    }

    @Test(arguments: [
        ("", false), ("-", false), ("a-b-c", false), ("a--b", true), ("--", true), ("é—-x", false),
        ("x -- y", true), ("ends-", false), ("ends--", true),
    ])
    func doubleHyphenIsFoundByteByByte(text: String, found: Bool) {
        #expect(MoodleXMLExporter.hasDoubleHyphen(text) == found)
        #expect(MoodleXMLExporter.hasDoubleHyphen(text) == text.contains("--"))
    }
}
