import RehearseSession

extension SessionOutcome {
    /// Ends the command with this outcome: an error when saving failed or on a hang-up.
    func exit() throws(RehearseError) {
        switch self {
        case .saveFailed: throw RehearseError.io
        case .hangup: throw RehearseError.hangup
        case .finished, .left: break
        }
    }
}

extension RehearseError {
    /// The error of a session that could not start.
    init(_ error: SessionError) {
        switch error.kind {
        case .usage: self.init(.usage, error.message)
        case .rejected: self.init(.rejected, error.message)
        case .io: self.init(.io, error.message)
        }
    }
}
