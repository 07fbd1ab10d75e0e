import ArgumentParser
import RehearseBank
import RehearseCheck
import RehearseCore
import RehearseGrading
import RehearseProgress
import RehearseScoring
import RehearseSession

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
            Check.self, Schema.self, VersionCommand.self,
        ],
        defaultSubcommand: Shell.self
    )
}
