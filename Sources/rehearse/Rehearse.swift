import ArgumentParser
import Foundation
import RehearseCore

@main
struct Rehearse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Scenario-based quizzes for customer-service training.",
        discussion: """
            Exit codes: 0 success; 1 findings (check) or rejected input; 2 a file or folder \
            cannot be read or written; 64 usage error.
            """,
        version: VersionCommand.versionLine,
        subcommands: [
            Shell.self, List.self, Take.self, Review.self, Progress.self, Grade.self, Stats.self,
            Check.self, Schema.self, New.self, Import.self, Export.self, Sync.self,
            VersionCommand.self,
        ],
        defaultSubcommand: Shell.self
    )

    /// Parses and runs the command; a `RehearseError` is reported and mapped to its exit code
    /// here, every other error (a usage error of the parser) as the parser does.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as RehearseError {
            error.report()
            Foundation.exit(error.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
