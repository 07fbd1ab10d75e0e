import Testing

@testable import RehearseBank
@testable import RehearseCore

/// Syntax errors from indentation are explained in the author's terms: which line is out of
/// line with which, and how to fix it.
@Suite struct SyntaxDiagnosisTests {
    /// The one syntax finding of a scenario text.
    func syntaxError(_ text: String) throws -> Diagnostic {
        let result = BankLoader.load([SourceFile(path: "scenarios/s.yaml", text: text)])
        #expect(result.diagnostics.count == 1)
        let found = try #require(result.diagnostics.first)
        #expect(found.rule == LoadRule.yamlSyntax.rawValue)
        return found
    }

    static let head = "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n"

    @Test func aKeyIndentedDeeperThanItsSibling() throws {
        let found = try syntaxError(
            Self.head + "  - id: one\n    kind: truefalse\n      prompt: Is it?\n    answer: true\n"
        )
        #expect(found.location.line == 7 && found.location.column == 7)
        #expect(
            found.message
                == "`prompt` on line 7 is indented deeper than `kind` on line 6, so YAML reads it as more of the value of `kind`"
        )
        #expect(found.hint == "line `prompt` up with `kind`: indent it by 4 spaces")
    }

    @Test func aKeyIndentedDeeperAfterAQuotedValue() throws {
        let found = try syntaxError(
            Self.head + "  - id: one\n    kind: \"truefalse\"\n      prompt: P\n    answer: true\n")
        #expect(found.location.line == 7)
        #expect(found.message.contains("`prompt` on line 7 is indented deeper than `kind`"))
        #expect(found.hint.contains("indent it by 4 spaces"))
    }

    @Test func aKeyOutdentedToTheDashOfItsItem() throws {
        let found = try syntaxError(
            Self.head
                + "  - id: one\n    kind: number\n    prompt: How many?\n    answer: 5\n  unit: days\n"
        )
        #expect(found.location.line == 9 && found.location.column == 3)
        #expect(
            found.message
                == "`unit` on line 9 is in line with the `-` of the list item on line 5, not with the keys inside that item (`answer` on line 8)"
        )
        #expect(found.hint.contains("indent it by 4 spaces like `answer`"))
        #expect(found.hint.contains("write `- ` before it"))
    }

    @Test func aKeyBetweenTwoLevels() throws {
        let found = try syntaxError(
            Self.head + "  - id: one\n    kind: truefalse\n    prompt: P\n   answer: true\n")
        #expect(found.location.line == 8 && found.location.column == 4)
        #expect(found.message.contains("`answer` on line 8 is indented 3 spaces"))
        #expect(found.message.contains("`prompt` on line 7 (4 spaces)"))
        #expect(found.hint == "line `answer` up with `prompt`: indent it by 4 spaces")
    }

    @Test func aListItemOutOfLineWithItsList() throws {
        let text =
            Self.head
            + "  - id: one\n    kind: choice\n    prompt: P\n    options:\n      - id: a\n"
            + "        text: A\n        score: 1\n    - id: b\n        text: B\n"
        let found = try syntaxError(text)
        #expect(found.location.line == 12 && found.location.column == 5)
        #expect(
            found.message
                == "the list item on line 12 has its `-` at column 5, but the item on line 9 has its `-` at column 7"
        )
        #expect(found.hint.contains("indent it by 6 spaces"))
    }

    @Test func aListItemIndentedUnderAKeyWithAValue() throws {
        let text =
            Self.head
            + "  - id: one\n    kind: choice\n    prompt: P\n    options:\n      - id: a\n"
            + "        text: A\n    next: end\n      - id: b\n        text: B\n"
        let found = try syntaxError(text)
        #expect(found.location.line == 12 && found.location.column == 7)
        #expect(found.message.contains("indented under `next` on line 11"))
    }

    @Test func aColonInAnUnquotedValue() throws {
        let found = try syntaxError(
            Self.head + "  - id: one\n    kind: truefalse\n    prompt: Note: this is it\n")
        #expect(found.location.line == 7 && found.location.column == 17)
        #expect(found.message.contains("the value of `prompt` on line 7 contains `: `"))
        #expect(found.hint == "quote the value: prompt: \"Note: this is it\"")
    }

    @Test func aColonInAValueWithDoubleQuotesIsSingleQuoted() throws {
        let found = try syntaxError(
            Self.head
                + "  - id: one\n    kind: truefalse\n    prompt: She said \"no\": why's that\n")
        #expect(found.hint == "quote the value: prompt: 'She said \"no\": why''s that'")
    }

    @Test func aContinuationLineWithAColonIsNotCalledAKey() throws {
        let found = try syntaxError(
            Self.head + "  - id: one\n    kind: truefalse\n    prompt: A long\n      line: here\n")
        #expect(found.message.contains("line 8 is indented under `prompt` (line 7)"))
        #expect(found.hint.contains("quotes"))
    }

    @Test func blockTextIsNotMistakenForKeys() throws {
        // The `|` block holds `Text: with colon` lines; the real mistake comes after it.
        let text =
            Self.head
            + "  - id: one\n    kind: truefalse\n    prompt: |\n      Text: with colon\n"
            + "        and: more\n    answer: true\n   explanation: x\n"
        let found = try syntaxError(text)
        #expect(found.location.line == 11)
        #expect(found.message.contains("`explanation` on line 11 is indented 3 spaces"))
        #expect(found.message.contains("`answer` on line 10"))
    }

    @Test func aLineOfBlockTextIndentedLessThanItsFirstLine() throws {
        let text =
            Self.head
            + "  - id: one\n    kind: truefalse\n    prompt: >-\n      A long question that\n"
            + "    goes on here?\n    answer: true\n"
        let found = try syntaxError(text)
        #expect(found.location.line == 9 && found.location.column == 5)
        #expect(
            found.message
                == "line 9 is indented 4 spaces, less than the first line of the text of `prompt` (line 8, 6 spaces), so YAML ends the text there"
        )
        #expect(found.hint == "indent it by 6 spaces, like the rest of the text")
    }

    @Test func aKeyAfterBlockTextIndentedBetweenTheLevels() throws {
        let text =
            Self.head
            + "  - id: one\n    kind: choice\n    prompt: >-\n      Which reply?\n"
            + "     options:\n      - {id: a, text: A, score: 1}\n"
        let found = try syntaxError(text)
        #expect(found.location.line == 9)
        #expect(
            found.hint.hasSuffix(
                "if `options` is the next key, indent it by 4 spaces like `prompt`"))
    }

    @Test func blockTextNotIndentedPastItsKey() throws {
        let found = try syntaxError(
            "id: s\ntitle: S\ncontext: >-\nTom writes that nothing came\nand he is cross.\nsteps: []\n"
        )
        #expect(found.location.line == 4 && found.location.column == 1)
        #expect(
            found.message
                == "the text of `context` (line 3) must be indented deeper than `context`, but line 4 is not"
        )
        #expect(found.hint == "indent every line of the text by 2 spaces")
    }

    @Test func aKeyWithoutASpaceAfterItsColon() throws {
        let found = try syntaxError("id: s\ntitle: S\nchannel:chat\nsteps: []\n")
        #expect(found.location.line == 3 && found.location.column == 1)
        #expect(
            found.message
                == "`channel:chat` on line 3 has no space after the colon, so YAML reads it as text rather than the key `channel`"
        )
        #expect(found.hint == "put a space after the colon: `channel: chat`")
    }

    @Test func aPieceOfTextOnALineOfItsOwn() throws {
        let found = try syntaxError(
            Self.head
                + "  - id: one\n    kind: truefalse\n    prompt: Is it\n    true?\n    answer: true\n"
        )
        #expect(found.location.line == 8 && found.location.column == 5)
        #expect(found.message.hasPrefix("line 8 (`true?`) is neither `key: value` nor a list item"))
        #expect(found.hint.contains("join it to that line"))
    }

    @Test func otherErrorsKeepTheParserWords() throws {
        let found = try syntaxError("id: s\ntitle: \"S\n")
        #expect(found.message.contains("found unexpected end of stream"))
        #expect(found.hint == "close the quote or bracket that was opened")
    }

    @Test func linesAreReadAsAuthorsLayThemOut() {
        let lines = YAMLLine.lines(of: "a: 1\n\n# note\n  - b: |\n      c: 2\n  - d:\n    e: 'x'\n")
        #expect(lines.map(\.number) == [1, 4, 6, 7])
        #expect(lines[1].dashColumn == 3 && lines[1].key == "b" && lines[1].value == .block)
        #expect(lines[2].key == "d" && lines[2].value == .empty && lines[2].contentColumn == 5)
        #expect(lines[3].key == "e" && lines[3].valueText == "'x'")
    }
}
