import RehearseBank
import RehearseCore

/// Why a quiz could not be loaded.
public enum QuizLoadError: Error, Sendable, CustomStringConvertible {
    /// No quiz has this id; `known` lists the quiz ids found (for a suggestion).
    case notFound(id: String, known: [String])
    /// A file or folder could not be read.
    case unreadable(ReadFailure)

    public var description: String {
        switch self {
        case .notFound(let id, let known):
            let guess = Suggestion.closest(to: id, in: known).map { " (did you mean `\($0)`?)" }
            return "there is no quiz `\(id)` in the bank\(guess ?? "")"
        case .unreadable(let failure):
            return failure.description
        }
    }
}
