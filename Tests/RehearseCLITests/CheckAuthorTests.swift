import Foundation
import Testing

/// `rehearse check` as an author meets it: each message points at the real mistake, once.
@Suite struct CheckAuthorTests {
    static let head = "id: s\ntitle: S\ncompetencies: [empathy]\nsteps:\n"

    @Test func outsideABankItSaysOnlyWhatIsWrongAndHowToPointAtABank() throws {
        let empty = try TemporaryBank([:])
        let result = try CLI.run(["check"], in: empty.url)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        #expect(result.stderr.contains("is not a bank: it has no quizzes/ or scenarios/ folder"))
        #expect(result.stderr.contains("--bank DIR"))
        #expect(result.stderr.contains("rehearse check FILE..."))
        #expect(!result.stderr.contains("cannot read"))
    }

    @Test func aNamedFolderWithoutBankFilesPrintsNoReport() throws {
        let bank = try TemporaryBank(["notes/readme.txt": "nothing"])
        let result = try CLI.run(["check", "--format", "json", "notes"], in: bank.url)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "rehearse: cannot read notes: no .yaml or .yml files in it\n")
    }

    @Test func indentationMistakesNameTheLinesOutOfLine() throws {
        let bank = try TemporaryBank([
            "scenarios/deeper.yaml": Self.head.replacingOccurrences(of: "id: s", with: "id: deeper")
                + "  - id: one\n    kind: truefalse\n      prompt: Is it?\n    answer: true\n",
            "scenarios/outdented.yaml": Self.head.replacingOccurrences(
                of: "id: s", with: "id: outdented")
                + "  - id: one\n    kind: number\n    prompt: How many?\n    answer: 5\n"
                + "  unit: days\n",
        ])
        let result = try CLI.run(["check", "--no-color"], in: bank.url)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "scenarios/deeper.yaml:7:7: error: `prompt` on line 7 is indented deeper than `kind` on line 6, so YAML reads it as more of the value of `kind` [yaml-syntax]"
            ))
        #expect(lines.contains("  hint: line `prompt` up with `kind`: indent it by 4 spaces"))
        #expect(
            lines.contains(
                "scenarios/outdented.yaml:9:3: error: `unit` on line 9 is in line with the `-` of the list item on line 5, not with the keys inside that item (`answer` on line 8) [yaml-syntax]"
            ))
        #expect(!result.stdout.contains("mapping values are not allowed"))
        #expect(!result.stdout.contains("did not find expected"))
    }

    @Test func aFractionalPassMarkWarnsAndFailsTheStrictCheck() throws {
        let bank = try TemporaryBank([
            "quizzes/q.yaml": """
            id: q
            title: Q
            pass: 0.7
            items:
              - question: {id: a, kind: truefalse, competency: empathy, prompt: P, answer: true}
            """
        ])
        let relaxed = try CLI.run(["check", "--no-color"], in: bank.url)
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("quizzes/q.yaml:3:7: warning: pass mark `0.7`"))
        #expect(relaxed.stdout.contains("(did you mean 70%?) [pass-mark-fraction]"))
        #expect(try CLI.run(["check", "--strict"], in: bank.url).status == 1)
    }

    @Test(arguments: ["pass-mark-fraction", "weaker-answer-pays-more", "yaml-syntax"])
    func explainCoversTheRule(_ rule: String) throws {
        let result = try CLI.run(["check", "--explain", rule])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("\(rule) ("))
        #expect(result.stdout.contains("Triggers it (↓ marks where the finding lands):"))
        #expect(result.stdout.contains("Does not trigger it:"))
        let list = try CLI.run(["check", "--list-rules"])
        #expect(list.stdout.contains(rule))
    }

    /// check-jsonschema, when it is installed (CI installs it).
    static let validator: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/check-jsonschema"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    @Test(.enabled(if: validator != nil, "needs check-jsonschema"))
    func theCombinedSchemaMakesValidatorsNameTheWrongKey() throws {
        let bank = try TemporaryBank([
            "scenarios/broken.yaml": Self.head
                + "  - id: one\n    kind: truefalse\n    promt: Is it?\n    answer: true\n",
            "quizzes/broken.yaml": "id: broken\ntitle: B\nitems:\n  - scenaro: s\n",
        ])
        let schema = try CLI.run(["schema"])
        #expect(schema.status == 0)
        let schemaFile = bank.url.appendingPathComponent("rehearse.schema.json")
        try Data(schema.stdout.utf8).write(to: schemaFile)
        for (file, wrongKey) in [
            ("scenarios/broken.yaml", "promt"), ("quizzes/broken.yaml", "scenaro"),
        ] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(Self.validator))
            process.arguments = ["--schemafile", schemaFile.path, file]
            process.currentDirectoryURL = bank.url
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(
                decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1, "\(text)")
            #expect(text.contains("('\(wrongKey)' was unexpected)"), "\(text)")
            // The branch follows the file's keys: no complaint that it is not the other kind.
            #expect(!text.contains("'items' is a required property"), "\(text)")
            #expect(!text.contains("'steps' is a required property"), "\(text)")
        }
    }
}
