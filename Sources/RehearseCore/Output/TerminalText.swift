/// Text that is safe to put on a terminal, and how wide text is once it is there.
///
/// Every string that comes from a file, a sheet or a progress record passes through
/// ``sanitize(_:)`` before it reaches a terminal, so it can neither move the cursor, retitle the
/// window, write the clipboard, switch screens, ask the terminal to answer, nor reorder what is
/// shown around it.
public enum TerminalText {
    /// The text with every character a terminal would act on shown as a visible escape, never
    /// emitted. The one convention: a Swift-style escape with the scalar's hexadecimal value,
    /// `\u{1B}` for ESC, so `ESC[2J` is shown as `\u{1B}[2J` and the one-byte CSI as `\u{9B}`.
    /// Escaped: C0 controls other than newline and tab (CR included), DEL, C1 controls
    /// (U+0080-U+009F) and the bidirectional embeddings, overrides and isolates (U+202A-U+202E,
    /// U+2066-U+2069). Newline and tab are kept, and the controls in `kept` (for a format that
    /// encodes them itself, as GitHub's workflow commands do CR); everything else is kept as it
    /// is.
    public static func sanitize(_ text: String, keeping kept: Set<Unicode.Scalar> = []) -> String {
        if isPrintableASCII(text) { return text }
        return sanitizeByRule(text, keeping: kept)
    }

    /// As ``sanitize(_:)``, and newline and tab escaped too (`\u{A}`, `\u{9}`): for text that
    /// must stay on one line, such as a table cell or a one-line message.
    public static func sanitizeLine(_ text: String) -> String {
        if isPrintableASCII(text) { return text }
        return sanitizeLineByRule(text)
    }

    /// `sanitize` by its rule, without the cache in front.
    static func sanitizeByRule(_ text: String, keeping kept: Set<Unicode.Scalar> = []) -> String {
        escape(text) { isUnsafe($0) && !kept.contains($0) }
    }

    /// `sanitizeLine` by its rule, without the cache in front.
    static func sanitizeLineByRule(_ text: String) -> String {
        escape(text) { isUnsafe($0) || $0 == "\n" || $0 == "\t" }
    }

    /// The cache in front of `sanitize` and `sanitizeLine`: text of printable ASCII bytes alone
    /// (space to `~`) holds no scalar `isUnsafe` refuses, and no newline or tab, so it comes
    /// back as it is. Read byte by byte (a note export writes 15,000 of them): decoding every
    /// scalar of every line cost more than writing the lines.
    static func isPrintableASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
    }

    /// Whether a terminal would act on `scalar` rather than show it (see ``sanitize(_:)``).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00..<0x20, 0x7F..<0xA0: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func escape(_ text: String, when unsafe: (Unicode.Scalar) -> Bool) -> String {
        guard text.unicodeScalars.contains(where: unsafe) else { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if unsafe(scalar) {
                output.append(
                    contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                        .unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    // MARK: Width

    /// The columns `text` takes on a terminal: ANSI escape sequences (CSI sequences such as the
    /// SGR colour codes, and the `\u{1}`/`\u{2}` markers readline prompts use) take none, East
    /// Asian wide and fullwidth characters and emoji take two, combining marks ride on the
    /// character before them, other control characters take none. Measures one line.
    public static func displayWidth(_ text: String) -> Int {
        var width = 0
        var scalars = text.unicodeScalars.makeIterator()
        var previousJoins = false
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                skipEscapeSequence(&scalars)
                continue
            }
            let joined = previousJoins
            previousJoins = scalar == "\u{200D}"
            if joined { continue }
            width += columns(of: scalar)
        }
        return width
    }

    /// `text` without its escape sequences (colour codes and the like): what a reader sees.
    public static func removingEscapeSequences(_ text: String) -> String {
        guard text.unicodeScalars.contains("\u{1B}") else { return text }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                skipEscapeSequence(&scalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Skips the rest of an escape sequence after ESC: a CSI sequence up to its final byte, or the
    /// one character of a two-character sequence.
    static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let next = scalars.next(), next == "[" else { return }
        while let scalar = scalars.next() {
            if (0x40...0x7E).contains(scalar.value) { return }
        }
    }

    /// The columns one scalar takes: 0 for controls, combining marks and zero-width characters,
    /// 2 for wide ones, else 1.
    public static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0xFE0F || (0xFE00...0xFE0E).contains(value) { return 0 }
        return isWide(value) || scalar.properties.isEmojiPresentation ? 2 : 1
    }

    /// East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth.txt, W and F, folded into
    /// blocks).
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E,
            0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
            0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}
