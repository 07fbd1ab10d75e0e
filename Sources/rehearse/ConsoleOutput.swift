import RehearseSession

/// Session text to standard output and its errors to standard error, as `rehearse: MESSAGE`.
final class ConsoleOutput: SessionOutput {
    func write(_ text: String) { Console.out(text) }

    func error(_ text: String) { Console.err("rehearse: \(text)\n") }
}
