import RehearseCore

/// The folding forms exports need: the text of a column header or a cell is compared with a
/// question's prompt or an option's text after case, space, quote and dash folding, as forms
/// tools and spreadsheets curl quotes, turn hyphens into dashes and drop or add quotes around
/// a quoted option.
public enum FormText {
    /// Lower-cased; runs of white space one space; trimmed; single curly quotes made `'`;
    /// double quotes of any kind dropped; dashes and minus signs made `-`; `…` made `...`.
    public static func fold(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            let replacement: String?
            switch character {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "`": replacement = "'"
            case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}",
                "\u{00BB}":
                replacement = ""
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}",
                "\u{2212}":
                replacement = "-"
            case "\u{2026}": replacement = "..."
            default: replacement = nil
            }
            if replacement == "" { continue }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            if let replacement {
                out += replacement
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// A column header folded, with what forms tools add around a question's text taken off:
    /// a required mark (`*`) at the end and a numbering prefix (`Q6.`, `6)`, `6 -`,
    /// `Question 6:`).
    public static func foldHeader(_ header: String) -> String {
        var text = fold(header)
        while text.hasSuffix("*") {
            text.removeLast()
            while text.hasSuffix(" ") { text.removeLast() }
        }
        return withoutNumbering(text)
    }

    /// `text` (folded) without a leading `Q6.`, `6)`, `6 -`, `6:` or `Question 6.`; as it is when
    /// nothing follows the number.
    static func withoutNumbering(_ text: String) -> String {
        var rest = Substring(text)
        if rest.hasPrefix("question ") {
            rest = rest.dropFirst("question ".count)
        } else if rest.hasPrefix("q") {
            rest = rest.dropFirst()
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return text }
        rest = rest.dropFirst(digits.count)
        if rest.hasPrefix(" ") { rest = rest.dropFirst() }
        guard let mark = rest.first, ".):-".contains(mark) else { return text }
        rest = rest.dropFirst()
        guard rest.hasPrefix(" ") else { return text }
        let stripped = rest.drop { $0 == " " }
        return stripped.isEmpty ? text : String(stripped)
    }

    /// A rating or a place as forms write it: a whole number alone, before a label (`4`,
    /// `4 - good`, `4 (very well)`, `4. Agree`) or as an ordinal (`2nd`).
    public static func rating(_ text: String) -> Int? {
        let trimmed = text.trimmingSpaces
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let value = Int(digits) else { return nil }
        let rest = trimmed.dropFirst(digits.count)
        guard let next = rest.first else { return value }
        // An ordinal place: `1st`, `2nd`, `3rd`, `4th`.
        for suffix in ["st", "nd", "rd", "th"] where rest.lowercased().hasPrefix(suffix) {
            let after = rest.dropFirst(2).first
            if after == nil || after?.isWhitespace == true { return value }
        }
        return next.isWhitespace || ".)-:(".contains(next) ? value : nil
    }
}
