import RehearseBank
import RehearseCore
import RehearseScoring

/// A progress file or folder that cannot be read or written, or a learner id that cannot name one.
public struct ProgressError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The learner id (or quiz id) is not valid; no path was built from it.
        case invalidID
        /// The file exists but cannot be understood (corrupt, another format, a newer version).
        /// It is never overwritten.
        case unreadable
        /// The operating system refused a read or a write (permissions, full disk, ...).
        case io
        /// What was to be recorded is refused: a value out of range, a time after the present.
        /// Nothing was written.
        case rejected
    }

    /// The file or folder concerned (for `invalidID`, the id as given).
    public var path: String
    public var reason: String
    public var kind: Kind
    /// The previous generation of the file, when one exists.
    public var backup: String?

    public init(path: String, reason: String, kind: Kind = .io, backup: String? = nil) {
        self.path = path
        self.reason = reason
        self.kind = kind
        self.backup = backup
    }

    public var description: String {
        switch kind {
        case .invalidID:
            return reason
        case .rejected:
            return path.isEmpty
                ? reason : "learner `\(TerminalText.sanitizeLine(path))`: \(reason)"
        case .unreadable, .io:
            var text = "\(path): \(reason)"
            if let backup { text += " (the previous version is kept in \(backup))" }
            return text
        }
    }
}
