import ArgumentParser
import RehearseBank
import RehearseCheck
import RehearseCore
import RehearseGrading
import RehearseProgress
import RehearseScoring
import RehearseSession

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a JSON Schema of quiz and scenario files.",
        discussion: """
            Prints a JSON Schema (draft 2020-12) of the bank format, for editors and other \
            validators. `--for all` describes every bank file: a quiz, a scenario or \
            rehearse.yaml. References between files, scoring and branching are checked by \
            `rehearse check`, not by the schema.
            """)

    @Option(
        name: .customLong("for"),
        help: ArgumentHelp(
            "The files to describe.",
            valueName: FormatSchema.Target.allCases.map(\.rawValue).joined(separator: "|")))
    var target: FormatSchema.Target = .all

    func run() throws {
        writeOutput(FormatSchema.json(for: target) + "\n")
    }
}
