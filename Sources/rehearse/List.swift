import ArgumentParser
import RehearseKit

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the bank's quizzes and scenarios with competencies and sizes.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let loaded = try global.loadBank(then: "Listing what loaded.")
        writeOutput(BankCatalog.render(loaded.bank))
    }
}
