/// Why a session could not start. The program maps the kind to its exit code.
public struct SessionError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as far as the caller must know.
    public enum Kind: Sendable, Hashable {
        /// The learner asked for something that does not exist (an unknown quiz).
        case usage
        /// The bank is there but has errors that stop the session.
        case rejected
        /// A file or folder cannot be read or written.
        case io
    }

    /// What went wrong.
    public var kind: Kind
    /// What to tell the learner (without a program name).
    public var message: String

    /// An error of `kind` saying `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
