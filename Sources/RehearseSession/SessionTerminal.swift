/// What a session talks through: the learner's lines, the text it shows, and the clock. The
/// program passes the real terminal; tests pass a script, a collector and a fake clock.
public struct SessionTerminal {
    /// The learner's lines.
    public let reader: LineReader
    /// Where the session's text and errors go.
    public let output: SessionOutput
    /// When lines arrive and time limits run out.
    public let clock: SessionClock

    /// A terminal of these three parts.
    public init(reader: LineReader, output: SessionOutput, clock: SessionClock) {
        self.reader = reader
        self.output = output
        self.clock = clock
    }
}
