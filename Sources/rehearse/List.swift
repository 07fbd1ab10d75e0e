import ArgumentParser
import RehearseKit

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the bank's quizzes and scenarios with competencies and sizes.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let loaded: LoadResult
        do {
            loaded = try BankCatalog.load(root: global.bankRoot)
        } catch {
            printError("rehearse: cannot read \(error.path): \(error.reason)")
            throw ExitCode(2)
        }
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            printError(
                "rehearse: the bank has \(errors) error\(errors == 1 ? "" : "s"); `rehearse check` lists them. Listing what loaded."
            )
        }
        writeOutput(BankCatalog.render(loaded.bank))
    }
}
