import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built `rehearse` on a pseudo-terminal, as a learner meets it: a real terminal for
/// readline (echo, editing, completion, Ctrl-C as a signal). Every read is bounded by a timeout
/// and the child is killed when the test ends, so a test never hangs.
final class PseudoTerminal {
    private(set) var master: Int32
    private(set) var slave: Int32
    let process = Process()
    private(set) var output = ""
    private var consumed: String.Index

    /// Starts `rehearse ARGUMENTS` in a new session whose controlling terminal is the pty (via
    /// `setsid --ctty --wait`, so Ctrl-C reaches the program as SIGINT, as it does in a real
    /// terminal, and the exit status is the program's).
    init(
        _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil,
        columns: UInt16 = 80
    ) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw TerminalError("cannot open a pseudo-terminal")
        }
        // Never leak the terminal into programs that other tests start meanwhile.
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        self.master = master
        self.slave = slave
        consumed = output.startIndex
        let setsid = "/usr/bin/setsid"
        if FileManager.default.isExecutableFile(atPath: setsid) {
            process.executableURL = URL(fileURLWithPath: setsid)
            process.arguments = ["--ctty", "--wait", CLI.binary.path] + arguments
        } else {
            process.executableURL = CLI.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory ?? CLI.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["REHEARSE_BANK"] = nil
        env["REHEARSE_LEARNER"] = nil
        env["TERM"] = "xterm"
        env["INPUTRC"] = "/dev/null"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        hangUp()
    }

    /// Closes the terminal, as when its window is closed: the program gets SIGHUP.
    func hangUp() {
        if master >= 0 { close(master) }
        if slave >= 0 { close(slave) }
        master = -1
        slave = -1
    }

    /// Types `text` (use "\r" for Enter, "\t" for Tab, "\u{3}" for Ctrl-C, "\u{4}" for Ctrl-D).
    func send(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Reads until the output since the last wait contains `text` (or the time is up); returns
    /// that new output. The output is read with colour codes; `plain` strips them.
    @discardableResult
    func wait(for text: String, timeout: Double = 10) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while !output[consumed...].contains(text), Date() < deadline {
            pump(until: deadline)
        }
        let found = output[consumed...]
        if let range = found.range(of: text) {
            let chunk = String(output[consumed..<range.upperBound])
            consumed = range.upperBound
            return chunk
        }
        consumed = output.endIndex
        return String(found)
    }

    /// Reads whatever arrives for `seconds`.
    func drain(_ seconds: Double) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline { pump(until: deadline) }
        let chunk = String(output[consumed...])
        consumed = output.endIndex
        return chunk
    }

    private func pump(until deadline: Date) {
        guard master >= 0 else {
            usleep(50_000)
            return
        }
        var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
        let wait = Int32(max(0, min(100, deadline.timeIntervalSinceNow * 1000)))
        guard poll(&fds, 1, wait) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 {
            let offset = output.distance(from: output.startIndex, to: consumed)
            output += String(decoding: buffer[0..<count], as: UTF8.self)
            consumed = output.index(output.startIndex, offsetBy: offset)
        } else {
            usleep(20_000)
        }
    }

    /// Waits for the program to end (killing it after `timeout`); its exit status.
    func exitStatus(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline {
            _ = drain(0.05)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            hangUp()  // the program itself (behind setsid) goes with its terminal
            return nil
        }
        return process.terminationStatus
    }

    struct TerminalError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// Output without terminal control sequences (colour, bracketed paste, cursor moves).
func plain(_ text: String) -> String {
    var result = ""
    var iterator = text.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
        if scalar == "\u{1B}" {
            guard let next = iterator.next() else { break }
            if next == "[" {
                while let c = iterator.next(), !(c.value >= 0x40 && c.value <= 0x7E) {}
            }
            continue
        }
        if scalar == "\r" || scalar == "\u{7}" || scalar == "\u{1}" || scalar == "\u{2}" {
            continue
        }
        result.unicodeScalars.append(scalar)
    }
    return result
}

/// The shell on a pseudo-terminal: completion, history kept per learner, Ctrl-C and Ctrl-D.
@Suite(.serialized) struct ShellPseudoTerminalTests {
    static let environment = ["REHEARSE_NOW": "2026-01-05T09:00:00Z"]

    func dataDir() -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("rehearse-data-\(UUID().uuidString)")
    }

    @Test func tabCompletesCommandsQuizIdsAndAnswerIdsAndUpRecallsHistory() throws {
        let data = dataDir()
        defer { try? FileManager.default.removeItem(at: data) }
        let shell = try PseudoTerminal(
            ["--learner", "sam", "--data-dir", data.path, "--no-color"],
            environment: Self.environment)
        shell.wait(for: "rehearse> ")
        shell.send("ta\t")
        #expect(plain(shell.wait(for: "take ")).hasSuffix("take "))
        shell.send("week-o\t")
        #expect(plain(shell.wait(for: "week-one ")).contains("week-one "))
        shell.send("--seed 7\r")
        let first = plain(shell.wait(for: "> "))
        #expect(first.contains("Question 1 of about 27  week-one/first-words"))
        #expect(first.contains("seed 7"))
        shell.send("\t\t")
        #expect(plain(shell.wait(for: "> ")).contains("a  b  c"))
        shell.send(":he\t")
        #expect(plain(shell.wait(for: ":help")).contains(":help"))
        shell.send("\u{15}a\r")  // Ctrl-U clears the line, then the answer
        let scored = plain(shell.wait(for: "> "))
        #expect(scored.contains("Right: 2 of 2 points."))
        shell.send("\u{1B}[A")  // up: the last line comes back
        #expect(plain(shell.drain(0.5)).hasSuffix("a"))
        shell.send("\u{15}\u{4}")  // Ctrl-D leaves the quiz, back to the shell
        let left = plain(shell.wait(for: "rehearse> "))
        #expect(left.contains("You left week-one after 1 answer."))
        shell.send("quit\r")
        #expect(shell.exitStatus() == 0)

        // A new shell of the same learner recalls the history of the last one.
        let again = try PseudoTerminal(
            ["--learner", "sam", "--data-dir", data.path, "--no-color"],
            environment: Self.environment)
        again.wait(for: "rehearse> ")
        again.send("\u{1B}[A")
        #expect(plain(again.drain(0.5)).hasSuffix("quit"))
        again.send("\u{1B}[A\u{1B}[A")
        #expect(plain(again.drain(0.5)).contains("take week-one --seed 7"))
        again.send("\u{15}\u{4}")
        #expect(again.exitStatus() == 0)
        let history = try String(
            contentsOf: data.appendingPathComponent("history/sam.history"), encoding: .utf8)
        #expect(history.contains("take week-one --seed 7"))
    }

    @Test func ctrlCClearsALineAndOnAnEmptyLineAsksToLeave() throws {
        let data = dataDir()
        defer { try? FileManager.default.removeItem(at: data) }
        let shell = try PseudoTerminal(
            ["--learner", "sam", "--data-dir", data.path], environment: Self.environment)
        shell.wait(for: "rehearse> ")
        shell.send("lis")
        shell.wait(for: "lis")  // typed and shown (a Ctrl-C flushes keys not yet read)
        shell.send("\u{3}")
        shell.wait(for: "rehearse> ")
        shell.send("\u{3}")
        #expect(plain(shell.wait(for: "[y/N] ")).contains("Leave rehearse?"))
        shell.send("n\r")
        shell.wait(for: "rehearse> ")
        shell.send("help\r")
        #expect(plain(shell.wait(for: "rehearse> ")).contains("take QUIZ"))
        shell.send("\u{3}")
        shell.wait(for: "[y/N] ")
        shell.send("y\r")
        #expect(shell.exitStatus() == 0)
    }

    @Test func theLearnerIsAskedOnceWhenNotGiven() throws {
        let data = dataDir()
        defer { try? FileManager.default.removeItem(at: data) }
        let shell = try PseudoTerminal(
            ["--data-dir", data.path, "--no-color"], environment: Self.environment)
        shell.wait(for: "will do): ")
        shell.send("../x\r")
        #expect(plain(shell.wait(for: "will do): ")).contains("learner ids use letters"))
        shell.send("Sam@Example.com\r")
        #expect(plain(shell.wait(for: "rehearse> ")).contains("Hello, sam@example.com."))
        shell.send("quit\r")
        #expect(shell.exitStatus() == 0)
    }
}
