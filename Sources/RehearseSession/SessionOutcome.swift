/// How a session run ended.
public enum SessionOutcome: Sendable, Hashable {
    /// The quiz or review came to its end (or had nothing to ask).
    case finished
    /// The learner left before the end; what was answered is kept.
    case left
    /// The terminal went away (SIGHUP) or the program was asked to stop (SIGTERM); what was
    /// answered is kept.
    case hangup
    /// Saving failed; the error was reported.
    case saveFailed
}
