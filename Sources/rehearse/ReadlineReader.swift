import CReadline
import Foundation
import RehearseSession
import Synchronization

/// GNU readline through its callback interface: the program owns the loop, so it can wait on
/// standard input and on signals at once, time out at an exam's deadline, and treat Ctrl-C on an
/// empty line as "leave?" instead of readline's own handling. Line editing, history (saved per
/// learner) and tab completion come from readline.
final class ReadlineReader: LineReader {
    let clock: SessionClock
    private var historyPath: String?
    private var lastLine: String?

    /// Keeps at most this many lines of history, in memory and in the file.
    static let historyLimit: Int32 = 500

    init(clock: SessionClock) {
        self.clock = clock
        // Readline keeps the pointer: give it a copy that lives as long as the program.
        rehearse_rl_configure(UnsafePointer(strdup(ReadlineState.name)))
        rehearse_rl_set_completion(readlineCompletion)
        rehearse_rl_stifle_history(Self.historyLimit)
    }

    var isInteractive: Bool { true }

    func read(prompt: String, completer: Completer?, deadline: Date?) -> LineInput {
        ReadlineState.shared.withLock { state in
            state.completer = completer
            state.result = nil
            state.matches = []
        }
        // A Ctrl-C pressed while nothing was being read is dropped; a hangup is not.
        let pending = SignalWatcher.shared.drain()
        if pending.contains(SIGHUP) || pending.contains(SIGTERM) { return .hangup }
        rl_callback_handler_install(prompt, readlineLineHandler)
        defer { rl_callback_handler_remove() }
        while true {
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: SignalWatcher.shared.descriptor, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, LineReaders.timeout(until: deadline, clock: clock))
            if ready < 0 {
                if errno == EINTR { continue }
                return .end
            }
            if ready == 0 {
                rehearse_rl_before_output()
                return .timeout
            }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                return .hangup  // the terminal is gone
            }
            // Typed-ahead keys first: a Ctrl-C typed after them acts on the line they make.
            if fds[0].revents & Int16(POLLIN) != 0 {
                rl_callback_read_char()
                let result = ReadlineState.shared.withLock { state in
                    let taken = state.result
                    state.result = nil
                    return taken
                }
                switch result {
                case .line(let text)?: return .line(text)
                case .end?: return .end
                case nil: continue
                }
            }
            if fds[1].revents != 0 {
                for number in SignalWatcher.shared.drain() {
                    switch number {
                    case SIGINT:
                        if rehearse_rl_end() == 0 {
                            rehearse_rl_before_output()
                            return .interrupt
                        }
                        rehearse_rl_cancel_line()
                    case SIGWINCH:
                        rl_resize_terminal()
                    case SIGHUP, SIGTERM:
                        return .hangup
                    default:
                        break
                    }
                }
            }
        }
    }

    func remember(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed != lastLine else { return }
        lastLine = trimmed
        add_history(trimmed)
        if let historyPath { _ = append_history(1, historyPath) }
    }

    func useHistory(at path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true)
        clear_history()
        lastLine = nil
        if FileManager.default.fileExists(atPath: path) {
            _ = read_history(path)
        } else {
            _ = write_history(path)  // creates the file, so later lines can be appended
        }
        historyPath = path
    }

    func close() {
        if let historyPath { _ = history_truncate_file(historyPath, Self.historyLimit) }
    }
}

/// What the C callbacks share with the reader. Readline calls them on the main thread from
/// inside `rl_callback_read_char`; the mutex keeps Swift 6 (and any future caller) honest.
struct ReadlineState: Sendable {
    enum Result: Sendable {
        case line(String)
        case end
    }

    static let name = "rehearse"
    static let shared = Mutex(ReadlineState())

    var completer: Completer?
    var result: Result?
    var matches: [String] = []
}

/// Called by readline with a finished line (nil at end of input). The handler is removed at
/// once so readline does not show the prompt again before the program has answered.
let readlineLineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { line in
    rl_callback_handler_remove()
    let result: ReadlineState.Result
    if let line {
        result = .line(String(cString: line))
        free(line)
    } else {
        result = .end
    }
    ReadlineState.shared.withLock { $0.result = result }
}

/// Readline's completion generator: called with state 0 for a new word, then 1, 2, ... until it
/// returns nil. Each match is a malloc'd copy that readline frees.
let readlineCompletion:
    @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<
        CChar
    >? = { text, state in
        let word = text.map { String(cString: $0) } ?? ""
        if state == 0 {
            let line = String(cString: rehearse_rl_line_buffer())
            let point = Int(rehearse_rl_point())
            let bytes = Array(line.utf8.prefix(point))
            let before = String(decoding: bytes.dropLast(word.utf8.count), as: UTF8.self)
            ReadlineState.shared.withLock { state in
                let candidates = state.completer?(before, word) ?? []
                state.matches = candidates.filter { $0.hasPrefix(word) }
            }
        }
        return ReadlineState.shared.withLock { state in
            guard !state.matches.isEmpty else { return nil }
            return strdup(state.matches.removeFirst())
        }
    }
