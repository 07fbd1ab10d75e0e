import ArgumentParser

// Placeholder until its issue lands; replaced by the real command.
struct Take: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "(not built yet)", shouldDisplay: false)

    func run() throws {
        printError("rehearse: this command is not built yet")
        throw ExitCode(1)
    }
}
