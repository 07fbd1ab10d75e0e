/// Where a session writes: the text it shows, and its error messages. The program writes to
/// standard output and standard error; tests collect the text.
public protocol SessionOutput: AnyObject {
    /// Shows text to the learner, as it is (no newline is added).
    func write(_ text: String)
    /// Reports a problem (a line such as `rehearse: cannot save ...`, without its newline).
    func error(_ text: String)
}
