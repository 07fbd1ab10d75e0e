/// Word wrapping measured in terminal columns: ANSI colour codes take no width, wide characters
/// two (``TerminalText/displayWidth(_:)``). A colour open at the end of a line is closed there
/// and opened again on the next line, so it never bleeds into an indent or a neighbouring column.
public enum TextWrap {
    /// `text` wrapped at spaces to lines of at most `width` columns. The first line starts with
    /// `first`, the others with `rest` (a hanging indent; by default as many spaces as `first` is
    /// wide). Line breaks in the text are kept and an empty paragraph gives an empty line; runs of
    /// spaces fold into one. A word longer than a line is left whole, or with `breakingWords`
    /// broken at the width. Trailing empty lines are dropped (one line is always returned).
    public static func lines(
        _ text: String, width: Int, first: String = "", rest: String? = nil,
        breakingWords: Bool = false
    ) -> [String] {
        let rest = rest ?? String(repeating: " ", count: TerminalText.displayWidth(first))
        let restWidth = TerminalText.displayWidth(rest)
        var lines: [String] = []
        var indent = first
        var colour = ""
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = indent + colour
            var used = TerminalText.displayWidth(indent)
            var empty = true
            func endLine() {
                lines.append(colour.isEmpty ? line : line + reset)
                line = rest + colour
                used = restWidth
                empty = true
            }
            for word in paragraph.split(separator: " ") {
                var pieces = [String(word)]
                if breakingWords {
                    pieces = split(String(word), width: Swift.max(1, width - restWidth))
                }
                for (index, piece) in pieces.enumerated() {
                    let wordWidth = TerminalText.displayWidth(piece)
                    let gap = empty || index > 0 ? 0 : 1
                    if !empty, used + gap + wordWidth > width { endLine() }
                    line += (empty || index > 0 ? "" : " ") + piece
                    used += (empty || index > 0 ? 0 : 1) + wordWidth
                    empty = false
                    colour = openColour(after: piece, current: colour)
                }
            }
            if empty {
                lines.append("")
            } else {
                lines.append(colour.isEmpty ? line : line + reset)
            }
            indent = rest
        }
        while lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    private static let reset = "\u{1B}[0m"

    /// The SGR codes still in effect after `text`, given those in effect before it: a reset
    /// (`ESC[0m` or `ESC[m`) clears them, any other SGR sequence adds to them.
    static func openColour(after text: String, current: String) -> String {
        guard text.unicodeScalars.contains("\u{1B}") else { return current }
        var colour = current
        var scalars = text.unicodeScalars[...]
        while let start = scalars.firstIndex(of: "\u{1B}") {
            scalars = scalars[scalars.index(after: start)...]
            guard scalars.first == "[" else { continue }
            guard
                let end = scalars.firstIndex(where: {
                    (0x40...0x7E).contains($0.value) && $0 != "["
                })
            else { break }
            let parameters = String(
                String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<end]))
            if scalars[end] == "m" {
                colour =
                    parameters.isEmpty || parameters == "0" ? "" : colour + "\u{1B}[\(parameters)m"
            }
            scalars = scalars[scalars.index(after: end)...]
        }
        return colour
    }

    /// `word` cut into pieces of at most `width` columns, escape sequences kept whole (a
    /// character wider than `width` is a piece of its own).
    static func split(_ word: String, width: Int) -> [String] {
        guard TerminalText.displayWidth(word) > width else { return [word] }
        var pieces: [String] = []
        var piece = ""
        var used = 0
        var escape: String?
        for character in word {
            if var sequence = escape {
                sequence.append(character)
                let isFinal = character.unicodeScalars.allSatisfy {
                    (0x40...0x7E).contains($0.value)
                }
                if sequence.unicodeScalars.count == 2 ? character != "[" : isFinal {
                    piece += sequence
                    escape = nil
                } else {
                    escape = sequence
                }
                continue
            }
            if character == "\u{1B}" {
                escape = "\u{1B}"
                continue
            }
            let columns = TerminalText.displayWidth(String(character))
            if used > 0, used + columns > width {
                pieces.append(piece)
                piece = ""
                used = 0
            }
            piece.append(character)
            used += columns
        }
        piece += escape ?? ""
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }
}
