import Foundation

/// Raw writes to standard output and error. Errors are ignored on purpose: a closed terminal
/// (SIGHUP) or a closed pipe must never crash the program before it has saved the attempt.
enum Console {
    static func out(_ text: String) { write(STDOUT_FILENO, text) }

    static func err(_ text: String) { write(STDERR_FILENO, text) }

    static func write(_ descriptor: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(
                    descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    /// The terminal's width in columns, or 80 when output is not a terminal.
    static func width() -> Int { terminalWidth() ?? 80 }

    /// The terminal's width in columns, or nil when output is not a terminal (a pipe or a file
    /// gets tables at their natural width, for tools that read them).
    static func terminalWidth() -> Int? {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return nil
    }
}
