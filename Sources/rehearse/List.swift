import ArgumentParser
import RehearseBank
import RehearseCheck
import RehearseCore
import RehearseGrading
import RehearseProgress
import RehearseScoring
import RehearseSession

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the bank's quizzes and scenarios with competencies and sizes.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let loaded = try global.loadBank(then: "Listing what loaded.")
        writeOutput(BankCatalog.render(loaded.bank, width: Console.terminalWidth()))
    }
}
