import ArgumentParser
import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
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

    /// Loads the bank, or throws why it cannot (exit 2). Errors in the bank are counted on
    /// standard error (`then` says what happens next), not fatal.
    func loadBank(then next: String) throws(RehearseError) -> LoadResult {
        let loaded: LoadResult
        do {
            loaded = try BankCatalog.load(root: bankRoot)
        } catch {
            throw RehearseError(.io, "cannot read \(error.path): \(error.reason)")
        }
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            printError(
                "rehearse: the bank has \(errors) error\(errors == 1 ? "" : "s"); "
                    + "`rehearse check` lists them. \(next)")
        }
        return loaded
    }

    /// The clock of this run: `REHEARSE_NOW` (else the system clock) when it was first asked
    /// for, moving on from there; a bad `REHEARSE_NOW` is a usage error.
    func clock() throws(RehearseError) -> RunClock {
        switch runClock {
        case .success(let clock): return clock
        case .failure(let error): throw RehearseError(.usage, "\(error)")
        }
    }

    /// The time of a report (`progress`, `grade --update-progress`): see `RunClock.reportTime`.
    func now() throws(RehearseError) -> Date { try clock().reportTime }

    /// The progress store of the data folder (`--data-dir`, `$REHEARSE_HOME`, ...).
    func progressStore() -> ProgressStore {
        ProgressStore(
            directory: DataDirectory.resolve(
                flag: dataDir, environment: ProcessInfo.processInfo.environment))
    }

    /// The terminal of a session command: the run's clock, a line reader (closed by the
    /// caller), standard output and error.
    func terminal() throws(RehearseError) -> SessionTerminal {
        let clock = try clock()
        return SessionTerminal(
            reader: LineReaders.make(clock: clock), output: ConsoleOutput(), clock: clock)
    }

    /// The style of text on standard output.
    func style() -> TextStyle { TextStyle(color: useColor(), width: Console.width()) }

    /// Colour only on a terminal, and never with `--no-color` or `NO_COLOR`.
    func useColor(for stream: Int32 = STDOUT_FILENO) -> Bool {
        guard !noColor else { return false }
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty {
            return false
        }
        return isatty(stream) == 1
    }
}

/// The clock of the run, started when a command first asks for it (the shell's commands share
/// it).
private let runClock = RunClock.start()

/// Writes to standard error.
///
/// This is the terminal edge of every error message: messages quote paths, learner ids and values
/// from files, so control characters and escape sequences are shown as visible escapes here,
/// never emitted.
func printError(_ text: String) {
    let safe = TerminalText.sanitize(text)
    FileHandle.standardError.write(Data((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
}

/// Writes to standard output without an extra newline.
func writeOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Writes `bytes` to standard output as they are, with no copy (an export can be megabytes).
func writeOutput(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
        guard let base = buffer.baseAddress else { return }
        FileHandle.standardOutput.write(
            Data(
                bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count,
                deallocator: .none))
    }
}
