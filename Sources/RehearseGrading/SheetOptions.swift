import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// How a sheet was recognised.
public enum SheetKind: String, Sendable, Hashable {
    case attempts = "recorded attempts"
    case long = "long CSV"
    case wide = "wide CSV"
}

/// Options of `rehearse grade` that shape how sheets are read.
public struct SheetOptions: Sendable {
    /// The quiz the sheets answer (required when a sheet does not say and it cannot be inferred).
    public var quiz: String?
    /// The learner column of a wide sheet (default: `learner`, `email`, `email address`, `name`).
    public var learnerColumn: String?
    /// The CSV delimiter (default: detected from the header line).
    public var delimiter: UInt8?

    public init(quiz: String? = nil, learnerColumn: String? = nil, delimiter: UInt8? = nil) {
        self.quiz = quiz
        self.learnerColumn = learnerColumn
        self.delimiter = delimiter
    }
}

/// A problem that stops grading as a whole (not one row): a usage or content error.
public struct GradingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
