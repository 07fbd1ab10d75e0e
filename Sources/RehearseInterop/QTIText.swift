/// Text for the XML of a QTI package: escaped for element content and attribute values, with
/// the characters XML 1.0 forbids removed and counted, so the exporter can report them.
struct QTIText {
    /// How many characters XML 1.0 cannot hold were removed so far.
    private(set) var removed = 0

    /// `text` for element content or a double-quoted attribute value: `&`, `<`, `>` and `"` as
    /// entities (so `]]>` cannot occur), characters XML 1.0 forbids (C0 controls but tab, line
    /// feed and carriage return, U+FFFE and U+FFFF) removed.
    mutating func escape(_ text: String) -> String {
        guard text.utf8.contains(where: Self.needsWork) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if Self.isAllowed(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    removed += 1
                }
            }
        }
        return out
    }

    /// `text` as one line for an attribute of type `normalizedString` (a title): runs of white
    /// space as one space, trimmed, escaped.
    mutating func line(_ text: String) -> String {
        escape(text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
    }

    /// `text` as XHTML paragraphs: a blank line starts a new `<p>`, a single line break is a
    /// `<br/>`; nothing for empty text.
    mutating func paragraphs(_ text: String) -> String {
        var blocks: [[Substring]] = [[]]
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.allSatisfy(\.isWhitespace) {
                if blocks[blocks.count - 1].isEmpty == false { blocks.append([]) }
            } else {
                blocks[blocks.count - 1].append(line)
            }
        }
        var out = ""
        for block in blocks where !block.isEmpty {
            out += "<p>" + block.map { escape(String($0)) }.joined(separator: "<br/>") + "</p>"
        }
        return out
    }

    /// Whether XML 1.0 allows the character: tab, line feed, carriage return, U+0020-U+D7FF,
    /// U+E000-U+FFFD and U+10000 up (Swift strings hold no surrogates).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value == 0x09 || value == 0x0A || value == 0x0D }
        return value != 0xFFFE && value != 0xFFFF
    }

    /// Whether a UTF-8 byte may need escaping or removal: `&`, `<`, `>`, `"`, a C0 control, or
    /// the lead byte of U+F000-U+FFFF (where U+FFFE and U+FFFF lie).
    private static func needsWork(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0xEF
    }
}
