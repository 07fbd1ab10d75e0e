import Foundation
import RehearseSession

/// Plain lines from standard input when it is not a terminal: no prompt, no echo, no editing,
/// so a whole attempt can be piped in (`printf 'a\n30\n' | rehearse take week-one`).
final class PlainReader: LineReader {
    private var buffer: [UInt8] = []
    private var ended = false
    let clock: SessionClock

    init(clock: SessionClock) {
        self.clock = clock
    }

    var isInteractive: Bool { false }

    func read(prompt: String, completer: Completer?, deadline: Date?) -> LineInput {
        while true {
            if let line = takeLine() { return .line(line) }
            if ended {
                guard !buffer.isEmpty else { return .end }
                let rest = String(decoding: buffer, as: UTF8.self)
                buffer.removeAll()
                return .line(rest)
            }
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: SignalWatcher.shared.descriptor, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, LineReaders.timeout(until: deadline, clock: clock))
            if ready < 0 {
                if errno == EINTR { continue }
                ended = true
                continue
            }
            if ready == 0 { return .timeout }
            if fds[1].revents != 0 {
                for number in SignalWatcher.shared.drain() {
                    if number == SIGINT { return .interrupt }
                    if number == SIGHUP || number == SIGTERM { return .hangup }
                }
            }
            if fds[0].revents != 0 { fill() }
        }
    }

    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = Glibc.read(STDIN_FILENO, &chunk, chunk.count)
        if count > 0 {
            buffer += chunk[0..<count]
        } else if count == 0 || errno != EINTR && errno != EAGAIN {
            ended = true
        }
    }

    private func takeLine() -> String? {
        guard let newline = buffer.firstIndex(of: 10) else { return nil }
        var line = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        if line.last == 13 { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }

    func remember(_ line: String) {}
    func useHistory(at path: String) {}
    func close() {}
}
