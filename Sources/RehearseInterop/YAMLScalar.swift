/// Writes strings and numbers as YAML scalars that the bank loader reads back unchanged: plain
/// when that is safe, a folded block for long prose, a literal block for simple multi-line
/// text, and double quotes (with escapes) for everything else.
public enum YAMLScalar {
    /// Text longer than this (on one line) is written as a folded block.
    static let foldWidth = 88

    /// The scalar for `text` as the value of a key at `indent` spaces (a block scalar's lines
    /// are indented two more). The result starts without a space and has no final newline.
    public static func string(_ text: String, indent: Int) -> String {
        if text.utf8.contains(0x0A) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.allSatisfy(isSafeBlockLine), lines.first?.isEmpty == false,
                lines.last?.isEmpty == false
            {
                let pad = String(repeating: " ", count: indent + 2)
                return "|-\n" + lines.map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
            }
            return doubleQuoted(text)
        }
        // A text of at most `foldWidth` bytes has at most as many characters.
        let isLong = text.utf8.count > foldWidth && text.count > foldWidth
        if isPlainSafe(text) {
            if isLong, isFoldable(text) {
                return folded(text, indent: indent + 2)
            }
            return text
        }
        if isLong, isFoldable(text) {
            return folded(text, indent: indent + 2)
        }
        return doubleQuoted(text)
    }

    /// A regular expression: in single quotes, as the bank format advises for patterns (YAML
    /// leaves backslashes alone there, and a `'` is written twice); a pattern that one line in
    /// single quotes cannot hold (a line break, a tab, a control character) as `string` writes
    /// it.
    public static func pattern(_ text: String, indent: Int) -> String {
        let fits = text.unicodeScalars.allSatisfy {
            $0 != "\n" && $0 != "\t" && $0 != "\u{FEFF}" && $0 != "\u{85}" && !isEscaped($0)
        }
        guard fits, !text.isEmpty else { return string(text, indent: indent) }
        var out = String.UnicodeScalarView()
        out.append("'")
        for scalar in text.unicodeScalars {
            if scalar == "'" { out.append(scalar) }
            out.append(scalar)
        }
        out.append("'")
        return String(out)
    }

    /// A number: whole numbers without a decimal point, others in the shortest form that reads
    /// back as the same `Double`.
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// Text written as `"..."` with `\\`, `\"` and every control character escaped.
    public static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if isEscaped(scalar) {
                    out += "\\u" + hex(scalar.value, digits: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Whether `text` reads back as the same string when written plain.
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else {
            return false
        }
        if first == " " || last == " " || last == ":" { return false }
        if indicators.contains(first) { return false }
        if hasPair(text, 0x3A, 0x20) || hasPair(text, 0x20, 0x23) || text.utf8.contains(0x09) {
            return false
        }
        if text.unicodeScalars.contains(where: isEscaped) { return false }
        if text.unicodeScalars.contains(where: { $0 == "\u{FEFF}" || $0 == "\u{85}" }) {
            return false
        }
        return !mayResolveToNonString(text)
    }

    /// Whether a YAML 1.1 or 1.2 reader might take the plain text for a null, a boolean, a
    /// number, a date or a merge key.
    private static func mayResolveToNonString(_ text: String) -> Bool {
        // The longest reserved word is five bytes: longer text needs no lower-cased copy.
        if text.utf8.count <= 5 && reserved.contains(text.lowercased()) { return true }
        guard let first = text.unicodeScalars.first else { return true }
        // Numbers (including `1_000`, `0x1F`, `1:30`, `.5`, `+1`) and dates start with a digit,
        // a sign or a dot; text that starts so is quoted (a little more often than needed).
        return first == "." || first == "+" || ("0"..."9").contains(first)
    }

    /// One line of single-spaced words without controls: it folds and unfolds unchanged.
    private static func isFoldable(_ text: String) -> Bool {
        isSafeBlockLine(text[...]) && !hasPair(text, 0x20, 0x20) && !text.utf8.contains(0x09)
    }

    /// Whether the byte `first` is followed by the byte `second` somewhere in `text`.
    private static func hasPair(_ text: String, _ first: UInt8, _ second: UInt8) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == first && byte == second { return true }
            previous = byte
        }
        return false
    }

    private static func isSafeBlockLine(_ line: Substring) -> Bool {
        guard let first = line.unicodeScalars.first else { return true }
        if first == " " || first == "\t" || line.unicodeScalars.last == " " { return false }
        if line.unicodeScalars.last == "\t" { return false }
        return !line.unicodeScalars.contains(where: { isEscaped($0) || $0 == "\u{FEFF}" })
    }

    /// A folded block (`>-`): words wrapped at `foldWidth`, each line indented `indent`.
    private static func folded(_ text: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > foldWidth {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return ">-\n" + lines.map { pad + $0 }.joined(separator: "\n")
    }

    /// Characters never written raw: C0 and C1 controls other than newline and tab, DEL, the
    /// line and paragraph separators, and the bidirectional controls.
    private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    private static let indicators: Set<Unicode.Scalar> = [
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%",
        "@", "`", "~", "=", "<",
    ]

    private static let reserved: Set<String> = [
        "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf",
        ".nan", "<<", "=",
    ]
}
