import ArgumentParser
import RehearseBank
import RehearseCheck
import RehearseCore

extension BankSkeleton.Kind: ExpressibleByArgument {}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented skeleton of a new scenario or quiz into the bank.",
        discussion: """
            Writes scenarios/ID.yaml or quizzes/ID.yaml in the bank (--bank, $REHEARSE_BANK, \
            else the current folder). The skeleton passes `rehearse check --strict` as it \
            stands; an existing file is never overwritten. Exit codes: 0 written; 1 the file \
            exists; 2 the bank folder cannot be written; 64 usage error (an invalid id).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "What to create: scenario or quiz.")
    var kind: BankSkeleton.Kind

    @Argument(help: "The id, which is also the file name: lower-case letters, digits and '-'.")
    var id: String

    func validate() throws {
        if case .failure(let failure) = BankSkeleton.validate(id: id) {
            throw ValidationError("\(failure.message); \(failure.hint)")
        }
    }

    func run() throws {
        switch BankSkeleton.create(kind, id: id, bankRoot: global.bankRoot) {
        case .success(let created):
            writeOutput(created.message + "\n")
        case .failure(let failure):
            printError("rehearse: \(failure.message)\n  hint: \(failure.hint)")
            switch failure.reason {
            case .invalidID: throw ExitCode(64)
            case .exists: throw ExitCode(1)
            case .unwritable: throw ExitCode(2)
            }
        }
    }
}
