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

    static let targetNames = FormatSchema.Target.allCases.map(\.rawValue)

    @Option(
        name: .customLong("for"),
        help: ArgumentHelp(
            "The files to describe (default: all).",
            valueName: Schema.targetNames.joined(separator: "|")),
        completion: .list(Schema.targetNames),
        transform: { text in
            guard let target = FormatSchema.Target(rawValue: text) else {
                let names = Schema.targetNames.joined(separator: ", ")
                throw ValidationError("unknown target '\(text)'; use one of: \(names)")
            }
            return target
        })
    var target: FormatSchema.Target = .all

    func run() throws {
        writeOutput(FormatSchema.json(for: target) + "\n")
    }
}
