import Foundation
import RehearseCore
import Testing

@Suite struct VersionCommandTests {
    @Test func versionLineNamesTheCommitOrSaysItIsUnknown() {
        #expect(Version.line(commit: "4b233d4") == "\(Version.current) (commit 4b233d4)")
        #expect(Version.line(commit: nil) == "\(Version.current) (unknown commit)")
        #expect(Version.line(commit: "") == "\(Version.current) (unknown commit)")
    }

    @Test func detailsAddCompilerPlatformAndDate() {
        let stamped = Version.details(commit: "4b233d4", buildDate: "2026-01-05T09:00:00Z")
        #expect(
            stamped == [
                "\(Version.current) (commit 4b233d4)", "Swift: \(Version.swiftCompiler)",
                "Platform: \(Version.platform)", "Built: 2026-01-05T09:00:00Z",
            ])
        let unstamped = Version.details(commit: nil, buildDate: nil)
        #expect(unstamped.first == "\(Version.current) (unknown commit)")
        #expect(unstamped.last == "Built: unknown")
    }

    /// The test build is not stamped, so the binary must say the commit is unknown rather
    /// than invent one; a stamped build is checked by CI on the packaged binary.
    @Test func versionFlagPrintsTheVersionLine() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == Version.line(commit: nil) + "\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func versionCommandPrintsWhatTheFlagPrints() throws {
        let flag = try CLI.run(["--version"])
        let command = try CLI.run(["version"])
        #expect(command.status == 0)
        #expect(command.stdout == flag.stdout)
    }

    @Test func verboseAddsCompilerPlatformAndBuildDate() throws {
        let result = try CLI.run(["version", "--verbose"])
        #expect(result.status == 0)
        #expect(
            result.stdout
                == Version.details(commit: nil, buildDate: nil).joined(separator: "\n") + "\n")
        #expect(result.stdout.contains("Swift: \(Version.swiftCompiler)\n"))
    }

    @Test func unknownFlagIsAUsageError() throws {
        let result = try CLI.run(["version", "--colour"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
    }
}
