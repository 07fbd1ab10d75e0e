import Foundation

/// Turns SIGINT, SIGWINCH, SIGHUP and SIGTERM into bytes on a pipe that the line readers poll
/// next to standard input, so signals are handled on the main thread between reads, never inside
/// a signal handler. The handler only writes the signal's number to the pipe (write(2) is
/// async-signal-safe). SIGPIPE is ignored: a closed pipe makes writes fail instead of killing us.
final class SignalWatcher: Sendable {
    static let shared = SignalWatcher()

    /// The read end: one byte per signal, the signal's number.
    let descriptor: Int32

    private init() {
        let ends = signalPipe
        descriptor = ends.read
        signal(SIGPIPE, SIG_IGN)
        var mask = sigset_t()
        sigemptyset(&mask)
        for number in Self.watched {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = signalToPipe
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
            sigaddset(&mask, number)
        }
        // A parent may have blocked them (test runners do); we want them delivered.
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
    }

    static let watched: [Int32] = [SIGINT, SIGWINCH, SIGHUP, SIGTERM]

    /// Signals that arrived since the last call, in order.
    func drain() -> [Int32] {
        var found: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            found += buffer[0..<count].map { Int32($0) }
        }
        return found
    }
}

/// The pipe signals are written to: non-blocking, closed on exec. Created once, before any
/// handler is installed, and never changed.
private let signalPipe: (read: Int32, write: Int32) = {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return (-1, -1) }
    for end in ends {
        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
    }
    return (ends[0], ends[1])
}()

/// The signal handler: the signal's number onto the pipe, errno untouched.
private let signalToPipe: @convention(c) (Int32) -> Void = { number in
    let saved = errno
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipe.write, &byte, 1)
    errno = saved
}
