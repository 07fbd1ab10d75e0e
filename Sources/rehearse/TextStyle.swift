import Foundation

/// Colour, symbols and line width for terminal output. Colour and symbols only on a terminal
/// and never with `--no-color` or `NO_COLOR`; lines are wrapped at word boundaries to the
/// terminal's width (at most 100 columns, so text stays readable; 80 when not a terminal).
struct TextStyle: Sendable {
    var color: Bool
    var width: Int

    init(color: Bool, width: Int = 80) {
        self.color = color
        self.width = max(40, min(width, 100))
    }

    private func paint(_ code: String, _ text: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { paint("1", text) }
    func dim(_ text: String) -> String { paint("2", text) }
    func green(_ text: String) -> String { paint("32", text) }
    func red(_ text: String) -> String { paint("31", text) }
    func yellow(_ text: String) -> String { paint("33", text) }
    func cyan(_ text: String) -> String { paint("36", text) }

    /// A symbol on a colour terminal, else the word.
    func mark(_ symbol: String, or word: String) -> String { color ? symbol : word }

    /// A prompt for readline: colour codes wrapped in \001 ... \002 so the cursor maths holds.
    func prompt(_ text: String) -> String {
        color ? "\u{1}\u{1B}[1;36m\u{2}\(text)\u{1}\u{1B}[0m\u{2}" : text
    }

    /// `text` wrapped at word boundaries: the first line starts with `first`, the others with
    /// `rest` (a hanging indent). Line breaks in the text are kept; words longer than a line are
    /// left whole.
    func wrap(_ text: String, first: String = "", rest: String? = nil) -> String {
        let rest = rest ?? String(repeating: " ", count: first.count)
        var lines: [String] = []
        var indent = first
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = indent
            var empty = true
            for word in paragraph.split(separator: " ") {
                if !empty, line.count + 1 + word.count > width {
                    lines.append(line)
                    line = rest
                    empty = true
                }
                line += (empty ? "" : " ") + word
                empty = false
            }
            lines.append(empty ? "" : line)
            indent = rest
        }
        while lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
