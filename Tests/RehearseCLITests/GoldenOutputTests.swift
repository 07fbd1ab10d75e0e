import Foundation
import Testing

/// Byte-for-byte outputs of the shipped commands on the sample bank and the example sheet.
///
/// A change to any of these outputs must be deliberate: rerun with `REHEARSE_UPDATE_GOLDEN=1` and
/// review the diff of `Tests/RehearseCLITests/Golden/`.
@Suite struct GoldenOutputTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var arguments: [String]
        var input: String?
        /// Runs first in the same data folder (to record an attempt, say).
        var setup: [[String]] = []
        var setupInput: String?
        var description: String { name }
    }

    static let skipAll = String(repeating: ":skip\n", count: 40)

    static let cases: [Case] = [
        Case(name: "list", arguments: ["list"]),
        Case(name: "check-text", arguments: ["check", "--strict"]),
        Case(name: "check-json", arguments: ["check", "--format", "json"]),
        Case(name: "check-sarif", arguments: ["check", "--format", "sarif"]),
        Case(name: "check-junit", arguments: ["check", "--format", "junit"]),
        Case(name: "check-list-rules", arguments: ["check", "--list-rules"]),
        Case(name: "check-explain", arguments: ["check", "--explain", "unknown-key"]),
        Case(name: "schema-all", arguments: ["schema"]),
        Case(name: "schema-quiz", arguments: ["schema", "--for", "quiz"]),
        Case(name: "grade-table", arguments: ["grade", "examples/week-one-cohort.csv"]),
        Case(
            name: "grade-csv",
            arguments: ["grade", "examples/week-one-cohort.csv", "--format", "csv"]),
        Case(
            name: "grade-json",
            arguments: ["grade", "examples/week-one-cohort.csv", "--format", "json"]),
        Case(
            name: "grade-markdown",
            arguments: ["grade", "examples/week-one-cohort.csv", "--format", "markdown"]),
        Case(
            name: "grade-html",
            arguments: ["grade", "examples/week-one-cohort.csv", "--format", "html"]),
        Case(
            name: "grade-items",
            arguments: ["grade", "examples/week-one-cohort.csv", "--table", "items"]),
        Case(
            name: "take-practice",
            arguments: ["take", "week-one", "--learner", "sam", "--seed", "7"],
            input: "a\n30\nb\n" + skipAll),
        Case(
            name: "take-exam",
            arguments: [
                "take", "product-knowledge-check", "--learner", "sam", "--seed", "304902",
            ], input: "\na\n" + skipAll),  // Enter starts the clock
        Case(
            name: "progress-table", arguments: ["progress", "sam"],
            setup: [["take", "week-one", "--learner", "sam", "--seed", "7"]],
            setupInput: "a\n30\nb\nc\n" + skipAll),
        Case(
            name: "progress-json", arguments: ["progress", "sam", "--format", "json"],
            setup: [["take", "week-one", "--learner", "sam", "--seed", "7"]],
            setupInput: "a\n30\nb\nc\n" + skipAll),
        Case(
            name: "progress-csv", arguments: ["progress", "--all", "--format", "csv"],
            setup: [["take", "week-one", "--learner", "sam", "--seed", "7"]],
            setupInput: "a\n30\nb\nc\n" + skipAll),
    ]

    static let folder = CLI.packageRoot.appendingPathComponent("Tests/RehearseCLITests/Golden")

    @Test(arguments: cases)
    func outputIsUnchanged(_ testCase: Case) throws {
        // A relative data folder, so the paths the commands print are the same on every machine.
        let relative = ".build/golden/\(testCase.name)"
        let data = CLI.packageRoot.appendingPathComponent(relative)
        try? FileManager.default.removeItem(at: data)
        defer { try? FileManager.default.removeItem(at: data) }
        let environment = [
            "REHEARSE_NOW": "2026-03-01T09:00:00Z", "REHEARSE_HOME": relative, "NO_COLOR": "1",
        ]
        for setup in testCase.setup {
            _ = try CLI.run(setup, environment: environment, input: testCase.setupInput)
        }
        let result = try CLI.run(
            testCase.arguments, environment: environment, input: testCase.input ?? "")
        let actual =
            "exit \(result.status)\n--- stdout\n\(result.stdout)\n--- stderr\n"
            + result.stderr
        let file = Self.folder.appendingPathComponent("\(testCase.name).txt")
        if ProcessInfo.processInfo.environment["REHEARSE_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: file)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(
            actual == expected,
            "output of `rehearse \(testCase.arguments.joined(separator: " "))` changed")
    }
}
