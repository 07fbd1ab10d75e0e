import ArgumentParser
import Foundation
import RehearseBank
import RehearseCore
import RehearseSession

struct Shell: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The interactive shell (what `rehearse` alone opens).",
        discussion: """
            Commands: list, take QUIZ [--mode practice|exam] [--seed N] [--record FILE] \
            [--resume], review, progress, help, quit. Tab completes commands, quiz ids, : commands \
            and answer ids; the arrow keys recall earlier lines (kept per learner).
            """)

    @OptionGroup var global: GlobalOptions

    @OptionGroup var who: LearnerOption

    func run() throws {
        let terminal = try global.terminal()
        defer { terminal.reader.close() }
        let style = global.style()
        if terminal.reader.isInteractive {
            Console.out(
                style.bold("Rehearse \(Version.current)")
                    + style.dim("  type help for the commands")
                    + "\n")
        }
        let store = SessionStore(global.progressStore())
        let learner = try who.resolve(reader: terminal.reader, store: store)
        var shell = ShellLoop(
            global: global, learner: learner, terminal: terminal, store: store, style: style)
        try shell.run()
    }
}

/// The shell's read-and-run loop.
struct ShellLoop {
    let global: GlobalOptions
    let learner: String
    let terminal: SessionTerminal
    let store: SessionStore
    let style: TextStyle
    var bank: Bank?
    var failed = false

    static let commands: [(name: String, usage: String, summary: String)] = [
        ("list", "list [--all]", "the quizzes you can take (--all: scenarios too)"),
        (
            "take",
            "take QUIZ [--mode practice|exam] [--seed N] [--record FILE] [--resume] [--time-factor F]",
            "take a quiz"
        ),
        ("review", "review [--limit N]", "spaced review of the questions that are due"),
        ("progress", "progress", "your dashboard"),
        ("help", "help", "this list"),
        ("quit", "quit", "leave (Ctrl-D too)"),
    ]

    init(
        global: GlobalOptions, learner: String, terminal: SessionTerminal, store: SessionStore,
        style: TextStyle
    ) {
        self.global = global
        self.learner = learner
        self.terminal = terminal
        self.store = store
        self.style = style
    }

    var reader: LineReader { terminal.reader }

    mutating func run() throws(RehearseError) {
        let root = global.bankRoot
        if !BankDirectory.isBankRoot(root) {
            Console.out(
                style.wrap(
                    "There is no bank here (no quizzes/ or scenarios/ folder). Start with --bank DIR or set REHEARSE_BANK."
                ) + "\n")
        } else if reader.isInteractive {
            Console.out(
                "Hello, \(learner). \(style.dim("list shows the quizzes; take QUIZ starts one."))\n"
            )
        }
        let completer: Completer = { before, word in
            let words = before.split(separator: " ")
            if words.isEmpty { return ShellLoop.commands.map(\.name) }
            if words.first == "take", words.count == 1 { return QuizLoader.quizIDs(root: root) }
            if words.first == "take", !word.isEmpty, word.hasPrefix("-") {
                return ["--mode", "--seed", "--record", "--resume"]
            }
            if words.last == "--mode" { return ["practice", "exam"] }
            return []
        }
        while true {
            let input = reader.read(
                prompt: style.prompt("rehearse> "), completer: completer, deadline: nil)
            switch input {
            case .line(let line):
                reader.remember(line)
                if try !execute(line) {
                    if failed { throw RehearseError.io }
                    return
                }
            case .timeout:
                continue
            case .interrupt:
                let answer = reader.read(
                    prompt: "Leave rehearse? [y/N] ", completer: nil, deadline: nil)
                if case .line(let text) = answer,
                    !["y", "yes"].contains(text.trimmingCharacters(in: .whitespaces).lowercased())
                {
                    continue
                }
                if failed { throw RehearseError.io }
                return
            case .end:
                if reader.isInteractive { Console.out("\n") }
                if failed { throw RehearseError.io }
                return
            case .hangup:
                throw RehearseError.hangup
            }
        }
    }

    /// Runs one line; false when the shell should end.
    mutating func execute(_ line: String) throws(RehearseError) -> Bool {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let command = words.first?.lowercased() else { return true }
        let arguments = Array(words.dropFirst())
        switch command {
        case "quit", "exit", "q", ":quit", ":q":
            return false
        case "help", "?", ":help":
            Console.out(help())
        case "list", "ls":
            list(all: arguments.contains("--all"))
        case "take":
            return take(arguments)
        case "review":
            var limit = 20
            if arguments.count == 2, arguments[0] == "--limit", let value = Int(arguments[1]),
                value > 0
            {
                limit = value
            } else if !arguments.isEmpty {
                Console.out("usage: review [--limit N]\n")
                return true
            }
            let outcome = Self.guarded {
                [global, learner, terminal, store] () throws(RehearseError) in
                try Review.review(
                    learner: learner, limit: limit, seed: nil, global: global,
                    terminal: terminal, store: store)
            }
            if outcome == .saveFailed { failed = true }
            if outcome == .hangup { throw RehearseError.hangup }
        case "progress":
            showProgress(arguments)
        default:
            let names = Self.commands.map(\.name)
            let guess = Suggestion.closest(to: command, in: names).map {
                " (did you mean `\($0)`?)"
            }
            Console.out("There is no command `\(command)`\(guess ?? ""). Type help for the list.\n")
        }
        return true
    }

    mutating func take(_ arguments: [String]) -> Bool {
        let options: TakeOptions
        do {
            options = try TakeOptions.parse(arguments)
        } catch {
            Console.out(TakeOptions.message(for: error) + "\n")
            Console.out("usage: \(Self.commands[1].usage)\n")
            return true
        }
        let outcome = Self.guarded { [global, learner, terminal, store] () throws(RehearseError) in
            try Take.take(
                options, learner: learner, global: global, terminal: terminal, store: store)
        }
        if outcome == .saveFailed { failed = true }
        return outcome != .hangup
    }

    /// Runs a quiz or a review. One that cannot start says why; the shell goes on.
    static func guarded(_ body: () throws(RehearseError) -> SessionOutcome) -> SessionOutcome {
        do {
            return try body()
        } catch {
            error.report()
            return .left
        }
    }

    mutating func list(all: Bool) {
        if bank == nil {
            do {
                bank = try BankCatalog.load(root: global.bankRoot).bank
            } catch {
                printError("rehearse: cannot read \(error.path): \(error.reason)")
                return
            }
        }
        if let bank {
            Console.out(QuizCatalog.render(bank, scenarios: all, width: List.width()))
        }
    }

    /// `progress [LEARNER] [--all] [--format F]`: the command, run with the shell's options;
    /// the learner is the shell's unless another (or `--all`) is given.
    func showProgress(_ arguments: [String]) {
        do {
            var command = try Progress.parse(arguments)
            command.global = global
            if !command.all, command.learnerArgument == nil, command.learner == nil {
                command.learner = learner
            }
            try command.run()
        } catch let error as RehearseError {
            error.report()
        } catch {
            let message = Progress.message(for: error)
            if !message.isEmpty { Console.out(message + "\n") }
        }
    }

    func help() -> String {
        var lines = [style.bold("Commands")]
        let width = Self.commands.map(\.usage.count).max() ?? 0
        for command in Self.commands {
            if command.usage.count + 4 > style.width / 2 {
                lines.append("  " + command.usage)
                lines.append(String(repeating: " ", count: 6) + style.dim(command.summary))
            } else {
                lines.append(
                    "  "
                        + command.usage.padding(
                            toLength: min(width, 20) + 2, withPad: " ", startingAt: 0)
                        + style.dim(command.summary))
            }
        }
        lines.append(
            style.wrap(
                "Inside a quiz, :help lists the : commands. Tab completes; the up arrow recalls earlier lines.",
                first: "  "))
        return lines.joined(separator: "\n") + "\n"
    }
}
