import ArgumentParser
import Foundation
import RehearseBank
import RehearseSession

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the quizzes you can take (scenarios too with --all), with sizes.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Also list the scenarios the quizzes are made of.")
    var all = false

    func run() throws {
        let loaded = try global.loadBank(then: "Listing what loaded.")
        writeOutput(QuizCatalog.render(loaded.bank, scenarios: all, width: Self.width()))
    }

    /// `COLUMNS` when set, else the terminal's width; nil (natural width) for a pipe.
    static func width(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Int?
    {
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return Console.terminalWidth()
    }
}
