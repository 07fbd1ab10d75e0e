/// What a session talks through: the learner's lines, the text it shows, and the clock. The
/// program passes the real terminal; tests pass a script, a collector and a fake clock.
public struct SessionTerminal {
    public let reader: LineReader
    public let output: SessionOutput
    public let clock: SessionClock

    public init(reader: LineReader, output: SessionOutput, clock: SessionClock) {
        self.reader = reader
        self.output = output
        self.clock = clock
    }
}
