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
    /// The learner column of a wide sheet (default: `learner`, `email`, `email address`,
    /// `username`, else `name`).
    public var learnerColumn: String?
    /// The CSV delimiter (default: detected from the header line).
    public var delimiter: UInt8?
    /// Which response is graded when a learner submitted a form more than once.
    public var attempt: AttemptChoice

    public init(
        quiz: String? = nil, learnerColumn: String? = nil, delimiter: UInt8? = nil,
        attempt: AttemptChoice = .last
    ) {
        self.quiz = quiz
        self.learnerColumn = learnerColumn
        self.delimiter = delimiter
        self.attempt = attempt
    }
}

/// `--attempt`: which of a learner's several responses to a wide sheet is graded.
public enum AttemptChoice: String, Sendable, CaseIterable {
    /// The latest by timestamp (else the last row).
    case last
    /// The earliest by timestamp (else the first row).
    case first
    /// The one that scores most (the latest of equals).
    case best
}

/// A problem that stops grading as a whole (not one row): a usage or content error.
public struct GradingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
