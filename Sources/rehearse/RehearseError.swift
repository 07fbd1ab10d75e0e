import Foundation

/// Every way a command ends other than success, and the one place its exit code is decided
/// (`exitCode`); `Rehearse.main` reports it and exits.
struct RehearseError: Error {
    enum Kind {
        /// Findings (`check`) or rejected input: exit 1.
        case rejected
        /// A file, folder or server cannot be read or written: exit 2.
        case io
        /// A usage error: exit 64.
        case usage
        /// The terminal went away (SIGHUP) or we were asked to stop (SIGTERM): exit 129.
        case hangup
        /// The learner left before anything began (end of input at a question): exit 0.
        case quit
    }

    var kind: Kind
    /// Said on standard error as `rehearse: MESSAGE`; nil when it has been said already.
    var message: String?

    init(_ kind: Kind, _ message: String? = nil) {
        self.kind = kind
        self.message = message
    }

    static let rejected = RehearseError(.rejected)
    static let io = RehearseError(.io)
    static let usage = RehearseError(.usage)
    static let hangup = RehearseError(.hangup)
    static let quit = RehearseError(.quit)

    var exitCode: Int32 {
        switch kind {
        case .quit: 0
        case .rejected: 1
        case .io: 2
        case .usage: 64
        case .hangup: 129
        }
    }

    /// Says the message, if there is one left to say.
    func report() {
        if let message { printError("rehearse: \(message)") }
    }
}
