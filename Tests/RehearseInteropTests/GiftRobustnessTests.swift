import Foundation
import Testing

@testable import RehearseInterop

/// The parser ends on any input, with positions inside the text, and says the same thing twice.
@Suite struct GiftRobustnessTests {
    /// SplitMix64, seeded: the same garbage on every run.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    /// Checks what must hold for any input: it ends, every position is inside the text, and a
    /// second parse gives the same result.
    private func checkInvariants(_ bytes: [UInt8], _ label: String) {
        let result = GiftParser.parse(bytes: bytes)
        let lineCount = bytes.count { $0 == 0x0A || $0 == 0x0D } + 1
        for question in result.questions {
            #expect(question.line >= 1 && question.line <= lineCount, "\(label)")
            #expect(question.column >= 1, "\(label)")
        }
        for error in result.errors {
            #expect(error.line >= 1 && error.line <= lineCount, "\(label)")
            #expect(error.column >= 1, "\(label)")
            #expect(!error.message.isEmpty && !error.hint.isEmpty, "\(label)")
        }
        #expect(GiftParser.parse(bytes: bytes) == result, "\(label)")
    }

    @Test func randomGarbage() {
        var generator = SeededGenerator(state: 13)
        let alphabet = Array("{}~=#:\\->%[]$/ \n\r\tTFab.1-0e*".utf8) + [0xC3, 0xA9, 0xFF, 0xEF]
        for round in 0..<3000 {
            let length = Int.random(in: 0...120, using: &generator)
            let bytes = (0..<length).map { _ in
                alphabet.randomElement(using: &generator) ?? 0x20
            }
            checkInvariants(bytes, "round \(round)")
            _ = GiftHTML.plainText(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func randomGiftShapedText() {
        var generator = SeededGenerator(state: 7)
        let pieces = [
            "::T::", "[html]", "<p>", "&amp;", "{", "}", "=a", "~b", "%50%", "%-1.5%", "#fb",
            "####g",
            "->", "\\", "\\{", "#1.5:0.1", "#1..2", "T", "FALSE", "\n", "\n\n", "// [id:x]\n",
            "$CATEGORY: c\n", " ", "é",
        ]
        for round in 0..<3000 {
            let count = Int.random(in: 0...25, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }
                .joined()
            checkInvariants(Array(text.utf8), "round \(round): \(text)")
        }
    }

    @Test(
        .enabled(
            if: GiftFixtures.available, "the shared GIFT fixtures are not beside the repository"))
    func everyTruncationOfEveryFixture() throws {
        for file in GiftFixtures.giftFiles() {
            let bytes = Array(try Data(contentsOf: file))
            for length in 0...bytes.count {
                checkInvariants(
                    Array(bytes[..<length]), "\(file.lastPathComponent) cut at \(length)")
            }
        }
    }
}
