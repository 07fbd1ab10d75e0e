import Foundation

/// What a read gave.
public enum LineInput: Sendable, Equatable {
    /// A line, without its end.
    case line(String)
    /// End of input: Ctrl-D on an empty line, or the end of a piped script.
    case end
    /// Ctrl-C on an empty line.
    case interrupt
    /// The deadline passed with no line.
    case timeout
    /// The terminal was closed (SIGHUP) or we were asked to stop (SIGTERM).
    case hangup
}

/// What tab completes at a prompt: given the line before the word and the word, the candidates.
public typealias Completer = @Sendable (_ before: String, _ word: String) -> [String]

/// Reads the learner's lines: readline on a terminal, plain lines from a pipe, or a script in
/// tests.
public protocol LineReader: AnyObject {
    /// True on a terminal: prompts are shown, and questions such as "leave?" can be asked.
    var isInteractive: Bool { get }
    /// Reads one line, showing `prompt` on a terminal, until `deadline` if given.
    func read(prompt: String, completer: Completer?, deadline: Date?) -> LineInput
    /// Remembers a line in the history (a no-op without a terminal).
    func remember(_ line: String)
    /// Loads the history of a learner and keeps it there from now on.
    func useHistory(at path: String)
    /// Saves what has to be saved; the reader is done.
    func close()
}
