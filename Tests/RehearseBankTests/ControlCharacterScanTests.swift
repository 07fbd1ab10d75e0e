import Testing

@testable import RehearseBank
@testable import RehearseCore

/// The scan of keys and values for control characters only runs when the file's bytes, or a
/// double-quoted value, can hold one: these cases must be found whichever way they are written.
@Suite struct ControlCharacterScanTests {
    func findings(_ text: String) -> [Diagnostic] {
        BankLoader.load([SourceFile(path: "scenarios/s.yaml", text: text)]).diagnostics
            .filter { $0.rule == LoadRule.controlCharacter.rawValue }
    }

    static let steps = "steps:\n  - id: a\n    kind: truefalse\n    prompt: P\n    answer: true\n"

    @Test(arguments: [
        ("title: \"Hello \\e]0;x\\a\"\n", 2, 8, "U+001B (character 7"),
        ("title: \"Ana \\u202Eevil\"\n", 2, 8, "U+202E (character 5"),
        ("title: \"next \\N line\"\n", 2, 8, "U+0085 (character 6"),
        ("title: Ana \u{202E}evil\n", 2, 8, "U+202E (character 5"),
        ("title: plain\n\u{2066}key: x\n", 3, 1, "U+2066 (character 1"),
        ("title: x\ncustomer: |\n  one\n  two \u{2067}three\n", 3, 11, "U+2067 (character 9"),
    ])
    func foundWhereverItIsWritten(_ field: String, line: Int, column: Int, _ code: String) {
        let found = findings("id: s\n" + field + Self.steps)
        #expect(found.count == 1)
        #expect(found.first?.location.line == line)
        #expect(found.first?.location.column == column)
        #expect(found.first?.message.contains(code) == true)
    }

    @Test(arguments: [
        "title: '^\\s*\\d{3}\\e$'\n",
        "title: \"tab\\there, newline\\n, quote \\\" and \\\\ backslash\"\n",
        "title: Café — “quoted” ’s\n",
    ])
    func backslashesAndOtherTextAreNoFinding(_ field: String) {
        #expect(findings("id: s\n" + field + Self.steps).isEmpty)
    }

    @Test func bytesOnlyPassWithoutAnUnsafeCharacter() {
        #expect(!ControlCharacterScan.mayHoldUnsafe(Array("a: b\n\tc — ’\\e\n".utf8)))
        for unsafe in ["\u{1B}", "\r", "\u{7F}", "\u{85}", "\u{9F}", "\u{202A}", "\u{2069}"] {
            #expect(ControlCharacterScan.mayHoldUnsafe(Array("a: b\(unsafe)c\n".utf8)))
        }
        #expect(!ControlCharacterScan.mayHoldUnsafe(Array("a: \u{A0}\u{2029}\u{2070}\n".utf8)))
    }
}
