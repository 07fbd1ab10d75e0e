import Testing

@testable import RehearseBank
@testable import RehearseCheck
@testable import RehearseCore

/// Untrusted input: every hostile file is refused with a clear finding at a line, never a crash
/// or a hang.
@Suite struct HostileInputTests {
    func findings(_ text: String, path: String = "scenarios/s.yaml") -> [Diagnostic] {
        Checker.check([SourceFile(path: path, text: text)])
    }

    func findings(bytes: [UInt8], path: String = "scenarios/s.yaml") -> [Diagnostic] {
        Checker.check([SourceFile(path: path, bytes: bytes)])
    }

    @Test func billionLaughsIsRefusedAtTheFirstAnchor() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...30 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let found = findings(text)
        #expect(found.map(\.rule) == [YAMLAnchorRule.id])
        #expect(found.first?.location.line == 1)
        #expect(found.first?.location.column == 5)
    }

    @Test func aliasAsMappingKeyIsRefused() {
        let text = "base: &k {a: 1}\nmap:\n  ? *k\n  : value\n"
        let found = findings(text)
        #expect(found.map(\.rule) == [YAMLAnchorRule.id])
        #expect(found.first?.location.line == 1)
    }

    @Test func aliasWithoutAnchorIsRefusedWhereItStands() {
        let found = findings("id: s\ntitle: *nothing\n")
        #expect(found.map(\.rule) == [YAMLAnchorRule.id])
        #expect(
            found.first?.location == SourceLocation(file: "scenarios/s.yaml", line: 2, column: 8))
    }

    @Test func deepFlowNestingIsRefused() {
        let text = "id: s\ntags: " + String(repeating: "[", count: 200_000) + "\n"
        let found = findings(text)
        #expect(found.map(\.rule) == [InputLimitRule.id])
        #expect(found.first?.location.line == 2)
    }

    @Test func deepBlockNestingIsRefused() {
        var text = ""
        for depth in 0..<60 { text += String(repeating: "  ", count: depth) + "k\(depth):\n" }
        let found = findings(text)
        #expect(found.map(\.rule) == [InputLimitRule.id])
        #expect(found.first?.message.contains("nesting") == true)
    }

    @Test func oversizedFileIsRefusedBeforeParsing() {
        let text = "id: s\ncontext: \"" + String(repeating: "x", count: 1 << 21) + "\"\n"
        let found = findings(text)
        #expect(found.map(\.rule) == [InputLimitRule.id])
        #expect(found.first?.message.contains("bytes") == true)
    }

    @Test func tooManyNodesAreRefused() {
        let text = "tags: [" + Array(repeating: "x", count: 150_000).joined(separator: ",") + "]\n"
        let found = findings(text)
        #expect(found.map(\.rule) == [InputLimitRule.id])
        #expect(found.first?.message.contains("nodes") == true)
    }

    @Test func invalidUTF8IsReportedAtItsLineAndColumn() {
        var bytes = Array("id: s\ntitle: Caf".utf8)
        bytes += [0xC3, 0x28]  // a lead byte followed by a non-continuation byte
        bytes += Array("\nsteps: []\n".utf8)
        let found = findings(bytes: bytes)
        #expect(found.map(\.rule) == [InvalidEncodingRule.id])
        #expect(
            found.first?.location == SourceLocation(file: "scenarios/s.yaml", line: 2, column: 11))
    }

    @Test(
        arguments: [
            [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
        ] as [[UInt8]])
    func malformedSequencesAreInvalid(_ sequence: [UInt8]) {
        #expect(UTF8Check.firstInvalidOffset(in: Array("ok ".utf8) + sequence) == 3)
    }

    @Test func validMultiByteTextPasses() {
        #expect(UTF8Check.firstInvalidOffset(in: Array("Grüße, 東京, 🎧".utf8)) == nil)
    }

    @Test func tabIndentationIsNamed() {
        let found = findings("id: s\nsteps:\n\t- id: a\n")
        #expect(found.map(\.rule) == [YAMLSyntaxRule.id])
        #expect(found.first?.message.contains("tab") == true)
        #expect(found.first?.location.line == 3)
    }

    @Test func rawControlCharactersAreAControlCharacterErrorAtTheirLine() {
        let found = findings(bytes: Array("id: s\ntitle: a".utf8) + [0x01] + Array("\n".utf8))
        #expect(found.map(\.rule) == [ControlCharacterRule.id])
        #expect(found.first?.location.line == 2)
    }

    @Test func escapedControlCharactersAndOverridesAreFoundInEveryText() {
        let text = """
            id: s
            title: "Hi \\e]0;pwned\\a"
            customer: "Ana \\u202Eevil"
            competencies: [empathy]
            steps:
              - id: a
                kind: truefalse
                prompt: "P \\x9b6n"
                answer: true
            """
        let found = findings(bytes: Array(text.utf8)).filter { $0.rule == ControlCharacterRule.id }
        #expect(found.map(\.location.line) == [2, 3, 8])
        #expect(found.first?.message.contains("U+001B") == true)
    }

    @Test func aSecondDocumentIsRefused() {
        let found = findings("id: s\n---\nid: t\n")
        #expect(found.map(\.rule) == [YAMLSyntaxRule.id])
        #expect(found.first?.location.line == 2)
    }

    @Test func emptyAndNonMappingFilesAreReported() {
        #expect(findings("").map(\.rule) == [MissingKeyRule.id])
        #expect(findings("# only a comment\n").map(\.rule) == [MissingKeyRule.id])
        #expect(findings("- a\n- b\n").map(\.rule) == [WrongTypeRule.id])
    }

    /// Random bytes and random cuts of a real file never crash the checker.
    @Test func garbageNeverCrashes() {
        var generator = SplitMix(seed: 42)
        let valid = Array(
            "id: s\ntitle: \"S\"\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: choice\n    prompt: P\n    options:\n      - {id: x, text: X, correct: true, next: end}\n"
                .utf8)
        for round in 0..<400 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int(generator.next() % 300)).map { _ in
                    UInt8(truncatingIfNeeded: generator.next())
                }
            } else {
                bytes = valid
                let specials = Array("[]{}:-&*!|>'\"\t\n #".utf8)
                for _ in 0..<3 {
                    let index = Int(generator.next() % UInt64(bytes.count))
                    bytes[index] = specials[Int(generator.next() % UInt64(specials.count))]
                }
                bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count + 1))))
            }
            _ = findings(bytes: bytes)
        }
    }

    @Test func oneBrokenFileDoesNotStopTheOthers() {
        let good =
            "id: good\ntitle: G\ncompetencies: [empathy]\nsteps:\n  - id: a\n    kind: truefalse\n    prompt: P\n    answer: yes\n"
        let found = Checker.check([
            SourceFile(path: "scenarios/bad.yaml", text: "id: bad\ntitle: &x B\n"),
            SourceFile(path: "scenarios/good.yaml", text: good),
        ])
        #expect(found.map(\.rule).sorted() == [InvalidBooleanRule.id, YAMLAnchorRule.id])
    }
}

/// A small deterministic generator for tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
