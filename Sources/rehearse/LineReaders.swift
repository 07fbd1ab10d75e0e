import Foundation
import RehearseSession

/// The line readers of the program: readline on a terminal, plain lines from a pipe.
enum LineReaders {
    /// Readline when standard input and output are terminals (and TERM is not `dumb`... which
    /// readline handles itself); plain lines otherwise.
    static func make(clock: SessionClock) -> LineReader {
        if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
            return ReadlineReader(clock: clock)
        }
        return PlainReader(clock: clock)
    }

    /// Milliseconds until `deadline` for poll(2): -1 without one.
    static func timeout(until deadline: Date?, clock: SessionClock) -> Int32 {
        guard let deadline else { return -1 }
        let seconds = deadline.timeIntervalSince(clock.now())
        if seconds <= 0 { return 0 }
        return Int32(min(seconds * 1000 + 1, Double(Int32.max / 2)))
    }
}
