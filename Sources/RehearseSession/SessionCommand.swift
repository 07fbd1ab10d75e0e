import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// A `:` command typed at a question instead of an answer.
public enum SessionCommand: String, Sendable, CaseIterable {
    case hint, skip, `repeat`, progress, help, quit

    /// What the command does, for `:help`.
    public var summary: String {
        switch self {
        case .hint: "show a hint for this question, when it has one"
        case .skip: "leave this question unanswered and go on"
        case .repeat: "show the question again"
        case .progress: "how far you are, and the time left in an exam"
        case .help: "this list, and how to answer this question"
        case .quit: "leave; your answers are kept and `--resume` continues"
        }
    }

    /// Every command as typed, for completion.
    public static var typed: [String] { allCases.map { ":" + $0.rawValue } }

    /// What a line means: a command, an answer, or a command that does not exist.
    public enum Reading: Sendable, Hashable {
        case command(SessionCommand)
        case answer(String)
        case unknown(String, suggestion: String?)
    }

    /// Reads a line. `:x` is a command (a unique prefix is enough: `:h` is ambiguous, `:hi` is
    /// `:hint`); `::text` is the answer `:text`, for the rare text answer that starts with `:`.
    public static func read(_ line: String) -> Reading {
        let text = line.trimmingSpaces
        guard text.hasPrefix(":") else { return .answer(line) }
        if text.hasPrefix("::") { return .answer(String(text.dropFirst())) }
        let name = String(text.dropFirst()).lowercased()
        if let exact = SessionCommand(rawValue: name) { return .command(exact) }
        let matches = allCases.filter { !name.isEmpty && $0.rawValue.hasPrefix(name) }
        if matches.count == 1, let only = matches.first { return .command(only) }
        let guess = Suggestion.closest(to: name, in: allCases.map(\.rawValue))
        return .unknown(text, suggestion: guess.map { ":" + $0 })
    }
}
