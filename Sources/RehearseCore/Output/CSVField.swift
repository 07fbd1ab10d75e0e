/// The one CSV field encoder (RFC 4180). Text the program did not choose (names, ids, refs,
/// answers, reasons) is written with ``text(_:delimiter:)``: neutralised against spreadsheet
/// formulas and quoted when needed. Numbers the program formats itself are written as they are.
public enum CSVField {
    /// A text field: a leading `'` when a spreadsheet would run it as a formula
    /// (``isFormula(_:)``), then quoted (``quoted(_:delimiter:)``).
    public static func text(_ value: String, delimiter: Unicode.Scalar = ",") -> String {
        quoted(isFormula(value) ? "'" + value : value, delimiter: delimiter)
    }

    /// The field in double quotes, inner quotes doubled, when it holds the delimiter in use, a
    /// double quote, CR or LF, or either common delimiter `,` and `;` (so the file stays whole
    /// when a spreadsheet assumes the other one, as those of decimal-comma locales do); else as
    /// it is.
    public static func quoted(_ value: String, delimiter: Unicode.Scalar = ",") -> String {
        let needsQuotes = value.unicodeScalars.contains { scalar in
            scalar == delimiter || scalar == "," || scalar == ";" || scalar == "\""
                || scalar == "\n" || scalar == "\r"
        }
        guard needsQuotes else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }

    /// Whether a spreadsheet would read `value` as a formula: it starts with `=`, `+`, `-`, `@`,
    /// tab or CR and is not a plain number (an optional sign, digits, an optional decimal part:
    /// `-12`, `+0.5`), which a spreadsheet only shows.
    public static func isFormula(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first,
            ["=", "+", "-", "@", "\t", "\r"].contains(first)
        else { return false }
        return !isPlainNumber(value)
    }

    /// An optional `+` or `-`, at least one digit, and optionally `.` and at least one digit.
    static func isPlainNumber(_ value: String) -> Bool {
        var scalars = Substring(value).unicodeScalars
        if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
        let isDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        let whole = scalars.prefix(while: isDigit)
        guard !whole.isEmpty else { return false }
        scalars = scalars.dropFirst(whole.count)
        if scalars.isEmpty { return true }
        guard scalars.first == "." else { return false }
        let fraction = scalars.dropFirst()
        return !fraction.isEmpty && fraction.allSatisfy(isDigit)
    }

    /// A record: the fields joined by the delimiter, ended by CRLF.
    public static func record(_ fields: [String], delimiter: Unicode.Scalar = ",") -> String {
        fields.joined(separator: String(delimiter)) + "\r\n"
    }
}
