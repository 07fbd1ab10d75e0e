import ArgumentParser
import RehearseCore

/// `rehearse version`: the version and the commit this binary was built from; `--verbose` adds
/// what a bug report needs (the Swift compiler, the platform and the build date).
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version and the commit this binary was built from.",
        discussion: """
            The first line is what `rehearse --version` prints. A build made without \
            scripts/package-deb.sh (a plain `swift build`) does not know its commit or date and \
            says so.
            """)

    @Flag(name: .shortAndLong, help: "Also print the Swift compiler, platform and build date.")
    var verbose = false

    /// What `rehearse --version` prints.
    static var versionLine: String { Version.line(commit: BuildStamp.commit) }

    func run() throws {
        let lines =
            verbose
            ? Version.details(commit: BuildStamp.commit, buildDate: BuildStamp.buildDate)
            : [Self.versionLine]
        writeOutput(lines.joined(separator: "\n") + "\n")
    }
}
