import RehearseCore

/// Reads a `number` answer: a decimal number (`,` or `.` as the separator) with the question's
/// unit or a known alias after it (`48 hrs`, `48h`, `30d`), and currency signs or codes before or
/// after it (`$50`, `50$`, `50 USD`, `€12,50`). A unit that is not the question's is refused,
/// never scored; a question without a unit takes a currency (amounts of money are often asked
/// without one) but no other unit.
public enum NumberParser {
    /// The number in `text`, for a question in `unit` (nil: a bare number).
    public static func parse(_ text: String, unit: String?) throws(AnswerError) -> Double {
        let example = unit.map { "5 \($0)" } ?? "5"
        let notANumber = AnswerError(
            "`\(text)` is not a number", hint: "answer with a number, e.g. \(example)")
        var rest = Substring(text.trimmingSpaces)
        let before = leadingCurrency(&rest)
        rest = Substring(String(rest).trimmingSpaces)
        var digits = ""
        while let first = rest.first, first.isASCII, first.isNumber || "+-.,".contains(first) {
            digits.append(first)
            rest.removeFirst()
        }
        guard let value = decimal(digits) else { throw notANumber }
        let trailing = String(rest).trimmingSpaces
        var written: [String] = []
        if let before { written.append(before) }
        if !trailing.isEmpty { written.append(trailing) }
        if written.count == 2 {
            // `$50 USD` names the same currency twice; anything else is one thing too many.
            guard let a = UnitAliases.canonical(written[0]),
                a == UnitAliases.canonical(written[1])
            else { throw unexpected(written[1], unit: unit) }
            written = [written[1]]
        }
        if let word = written.first, !accepts(word, unit: unit) {
            throw unexpected(word, unit: unit)
        }
        return value
    }

    static func unexpected(_ word: String, unit: String?) -> AnswerError {
        let expected = unit.map { "the answer is in \($0)" } ?? "answer with the number alone"
        if word.first.map({ !$0.isLetter && !UnitAliases.isCurrencySign($0) }) ?? false {
            return AnswerError("`\(word)` is not a number", hint: expected)
        }
        return AnswerError("unexpected `\(word)` with the number", hint: expected)
    }

    /// A currency sign or code before the number (`$`, `€`, `USD `), removed from `text`.
    static func leadingCurrency(_ text: inout Substring) -> String? {
        guard let first = text.first else { return nil }
        if UnitAliases.isCurrencySign(first) {
            text.removeFirst()
            return String(first)
        }
        let letters = text.prefix { $0.isLetter }
        guard !letters.isEmpty, UnitAliases.isCurrency(String(letters)) else { return nil }
        text.removeFirst(letters.count)
        return String(letters)
    }

    /// `12`, `12.5`, `12,5`, `-3`; with both separators (`1,234.50`, `1.234,50`) the last one is
    /// the decimal separator and the first groups thousands.
    static func decimal(_ digits: String) -> Double? {
        guard !digits.isEmpty else { return nil }
        let separators = digits.filter { $0 == "." || $0 == "," }
        var normalised = digits
        switch separators.count {
        case 0, 1:
            normalised = digits.replacingAll(",", with: ".")
        case 2 where separators.first != separators.last:
            let grouping = separators.first.map(String.init) ?? ""
            normalised = digits.replacingAll(grouping, with: "").replacingAll(",", with: ".")
        default:
            return nil
        }
        guard let value = Double(normalised), value.isFinite else { return nil }
        return value
    }

    /// Whether `written` names the question's unit (an alias of it, or the unit itself with or
    /// without a plural `s`), or a currency when the question has no unit.
    static func accepts(_ written: String, unit: String?) -> Bool {
        guard let unit else { return UnitAliases.isCurrency(written) }
        if written.trimmingSpaces == unit.trimmingSpaces { return true }
        if let a = UnitAliases.canonical(written), let b = UnitAliases.canonical(unit) {
            return a == b
        }
        let a = TextFolding.fold(written)
        let b = TextFolding.fold(unit)
        guard !a.isEmpty, !b.isEmpty else { return false }
        // One plural `s` either way, not two: `30 dayss` is not in days.
        return a == b || (a + "s" == b && !a.hasSuffix("s")) || (a == b + "s" && !b.hasSuffix("s"))
    }
}
