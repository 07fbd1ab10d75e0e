import Foundation
import Synchronization

@testable import RehearseProgress
@testable import RehearseSession

/// A clock the test moves by hand.
final class FakeClock: SessionClock {
    private let time: Mutex<Date>

    init(_ start: Date) { time = Mutex(start) }

    func now() -> Date { time.withLock { $0 } }

    func set(_ date: Date) { time.withLock { $0 = date } }

    func advance(_ seconds: TimeInterval) { time.withLock { $0 += seconds } }
}

/// The learner, as a script: each step is what they do and how long they think first. A read
/// with a deadline that passes while they think returns `.timeout` at the deadline (the step
/// stays for the next read), as the real readers do.
final class ScriptedReader: LineReader {
    struct Step {
        var thinking: TimeInterval
        var input: LineInput
    }

    let clock: FakeClock
    let isInteractive: Bool
    private(set) var steps: [Step]
    private(set) var prompts: [String] = []
    private(set) var remembered: [String] = []

    init(_ steps: [Step], clock: FakeClock, interactive: Bool = false) {
        self.steps = steps
        self.clock = clock
        isInteractive = interactive
    }

    /// Lines typed `every` seconds apart.
    convenience init(lines: [String], every seconds: TimeInterval = 10, clock: FakeClock) {
        self.init(lines.map { Step(thinking: seconds, input: .line($0)) }, clock: clock)
    }

    func read(prompt: String, completer: Completer?, deadline: Date?) -> LineInput {
        prompts.append(prompt)
        guard !steps.isEmpty else { return .end }
        let step = steps[0]
        let arrival = clock.now().addingTimeInterval(step.thinking)
        if let deadline, arrival > deadline {
            steps[0].thinking = arrival.timeIntervalSince(deadline)
            clock.set(deadline)
            return .timeout
        }
        steps.removeFirst()
        clock.set(arrival)
        return step.input
    }

    func remember(_ line: String) { remembered.append(line) }
    func useHistory(at path: String) {}
    func close() {}
}

/// Collects what a session writes.
final class CollectedOutput: SessionOutput {
    private(set) var text = ""
    private(set) var errors: [String] = []

    func write(_ text: String) { self.text += text }
    func error(_ text: String) { errors.append(text) }
}

/// No colour, words for symbols, and a plain greedy wrap at `width`.
struct PlainStyle: SessionStyle {
    var width = 80

    func bold(_ text: String) -> String { text }
    func dim(_ text: String) -> String { text }
    func green(_ text: String) -> String { text }
    func red(_ text: String) -> String { text }
    func yellow(_ text: String) -> String { text }
    func cyan(_ text: String) -> String { text }
    func mark(_ symbol: String, or word: String) -> String { word }
    func prompt(_ text: String) -> String { text }

    func wrapped(_ text: String, first: String, rest: String?) -> String {
        let rest = rest ?? String(repeating: " ", count: first.count)
        var lines: [String] = []
        var line = first
        var empty = true
        for word in text.split(separator: " ") {
            if !empty, line.count + 1 + word.count > width {
                lines.append(line)
                line = rest
                empty = true
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}

/// A temporary data folder for the progress store, removed when the test ends.
final class TemporaryStore {
    let path: String
    let store: SessionStore

    init() throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("rehearse-session-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        store = SessionStore(ProgressStore(directory: path))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
