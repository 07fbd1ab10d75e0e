import ArgumentParser
import Foundation
import RehearseBank
import RehearseCheck
import RehearseCore
import RehearseGrading
import RehearseProgress
import RehearseScoring
import RehearseSession

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long, help: "The bank folder (default: $REHEARSE_BANK, else the current folder).")
    var bank: String?

    @Option(
        name: .long,
        help:
            "The data folder for progress (default: $REHEARSE_HOME, else $XDG_DATA_HOME/rehearse).")
    var dataDir: String?

    @Flag(name: .long, help: "No colour or symbols (also when NO_COLOR is set).")
    var noColor = false

    /// The bank root given on the command line or in the environment, if any.
    var explicitBankRoot: String? {
        if let bank { return bank }
        if let fromEnvironment = ProcessInfo.processInfo.environment["REHEARSE_BANK"],
            !fromEnvironment.isEmpty
        {
            return fromEnvironment
        }
        return nil
    }

    /// The bank root: `--bank`, `$REHEARSE_BANK`, else the current folder.
    var bankRoot: String { explicitBankRoot ?? FileManager.default.currentDirectoryPath }

    /// Loads the bank, or says on standard error why it cannot and exits 2. Errors in the bank
    /// are counted on standard error (`then` says what happens next), not fatal.
    func loadBank(then next: String) throws -> LoadResult {
        let loaded: LoadResult
        do {
            loaded = try BankCatalog.load(root: bankRoot)
        } catch {
            printError("rehearse: cannot read \(error.path): \(error.reason)")
            throw ExitCode(2)
        }
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            printError(
                "rehearse: the bank has \(errors) error\(errors == 1 ? "" : "s"); "
                    + "`rehearse check` lists them. \(next)")
        }
        return loaded
    }

    /// The time of this run (`REHEARSE_NOW`, else the clock); a bad `REHEARSE_NOW` exits 64.
    func now() throws -> Date {
        switch RehearseClock.now() {
        case .success(let date): return date
        case .failure(let error):
            printError("rehearse: \(error)")
            throw ExitCode(64)
        }
    }

    /// The progress store of the data folder (`--data-dir`, `$REHEARSE_HOME`, ...).
    func progressStore() -> ProgressStore {
        ProgressStore(
            directory: DataDirectory.resolve(
                flag: dataDir, environment: ProcessInfo.processInfo.environment))
    }

    /// Colour only on a terminal, and never with `--no-color` or `NO_COLOR`.
    func useColor(for stream: Int32 = STDOUT_FILENO) -> Bool {
        guard !noColor else { return false }
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty {
            return false
        }
        return isatty(stream) == 1
    }
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Writes to standard output without an extra newline.
func writeOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
