import RehearseBank
import RehearseCore

/// A learner's answer to one question, read for the question's kind.
public enum Response: Sendable, Hashable, Codable {
    case choice(String)
    case multi([String])
    case truefalse(Bool)
    case order([String])
    case text(String)
    case number(Double)
    case rate([String: Int])

    /// The answer written back in the shared answer encoding (what sheets and attempts store).
    public var encoded: String {
        switch self {
        case .choice(let id): id
        case .multi(let ids): ids.joined(separator: ",")
        case .truefalse(let value): value ? "true" : "false"
        case .order(let ids): ids.joined(separator: ",")
        case .text(let text): text
        case .number(let value): format(value)
        case .rate(let ratings):
            ratings.keys.sorted().map { "\($0)=\(ratings[$0] ?? 0)" }.joined(separator: ",")
        }
    }
}

/// Why an answer could not be read for its question, and how to write it.
public struct AnswerError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var hint: String

    public init(_ message: String, hint: String) {
        self.message = message
        self.hint = hint
    }

    public var description: String { "\(message) (\(hint))" }
}
