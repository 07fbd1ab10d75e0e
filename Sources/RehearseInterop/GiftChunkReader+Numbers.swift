extension GiftChunkReader {
    /// `%n%` after `=` or `~`: a percentage, possibly negative or decimal. Nil (nothing read)
    /// when the text does not have that shape.
    mutating func readWeight() throws(GiftParseError) -> Double? {
        guard pos < end && bytes[pos] == GiftByte.percent else { return nil }
        var index = pos + 1
        if index < end && (bytes[index] == GiftByte.minus || bytes[index] == GiftByte.plus) {
            index += 1
        }
        let digitsStart = index
        while index < end && (GiftByte.isDigit(bytes[index]) || bytes[index] == GiftByte.dot) {
            index += 1
        }
        guard index > digitsStart, index < end, bytes[index] == GiftByte.percent else {
            return nil
        }
        let token = String(decoding: bytes[(pos + 1)..<index], as: UTF8.self)
        guard let weight = Double(token), weight.isFinite else {
            throw error(
                at: pos, "'%\(token)%' is not a weight",
                hint: "write a percentage such as %50% or %-33.333%")
        }
        pos = index + 1
        return weight
    }

    /// The answer of a numerical block after `=`/`~` and the weight: `x`, `x:tolerance`,
    /// `low..high`, or nothing (or `*`) for "any other answer".
    mutating func readNumericalAnswer(
        isCorrect: Bool, weight: Double?
    ) throws(GiftParseError) -> GiftChoice {
        let start = pos
        if pos < end && bytes[pos] == GiftByte.asterisk { pos += 1 }
        skipWhitespace()
        if pos >= end
            || [GiftByte.hash, GiftByte.closeBrace, GiftByte.equals, GiftByte.tilde]
                .contains(bytes[pos])
        {
            return GiftChoice(
                isCorrect: isCorrect, weight: weight, text: GiftText(format: format, text: "*"))
        }
        pos = start
        let number = try readNumberSpec()
        let source = GiftByte.trimmedString(bytes[start..<pos])
        skipWhitespace()
        guard
            pos >= end
                || [GiftByte.hash, GiftByte.closeBrace, GiftByte.equals, GiftByte.tilde]
                    .contains(bytes[pos])
        else { throw notANumber(from: start) }
        return GiftChoice(
            isCorrect: isCorrect, weight: weight, text: GiftText(format: format, text: source),
            number: number)
    }

    private mutating func readNumberSpec() throws(GiftParseError) -> GiftNumber {
        let start = pos
        guard let first = readNumber() else { throw notANumber(from: start) }
        skipWhitespace()
        if pos < end && bytes[pos] == GiftByte.colon {
            pos += 1
            skipWhitespace()
            guard let tolerance = readNumber() else { throw notANumber(from: start) }
            return .range(answer: first, tolerance: tolerance)
        }
        if startsWith(GiftByte.dot, GiftByte.dot) {
            pos += 2
            skipWhitespace()
            guard let high = readNumber() else { throw notANumber(from: start) }
            return .highLow(low: first, high: high)
        }
        return .simple(first)
    }

    /// A decimal number (`-1.5`, `.5`, `2e3`), finite; nil (nothing read) when none is next.
    private mutating func readNumber() -> Double? {
        var index = pos
        if index < end && (bytes[index] == GiftByte.minus || bytes[index] == GiftByte.plus) {
            index += 1
        }
        var digits = 0
        while index < end && GiftByte.isDigit(bytes[index]) {
            index += 1
            digits += 1
        }
        // A dot belongs to the number unless it starts `..` (a range).
        if index < end && bytes[index] == GiftByte.dot
            && !(index + 1 < end && bytes[index + 1] == GiftByte.dot)
        {
            index += 1
            while index < end && GiftByte.isDigit(bytes[index]) {
                index += 1
                digits += 1
            }
        }
        guard digits > 0 else { return nil }
        if index < end && (bytes[index] | 0x20) == 0x65 {  // e or E
            var exponentEnd = index + 1
            if exponentEnd < end
                && (bytes[exponentEnd] == GiftByte.minus || bytes[exponentEnd] == GiftByte.plus)
            {
                exponentEnd += 1
            }
            let exponentStart = exponentEnd
            while exponentEnd < end && GiftByte.isDigit(bytes[exponentEnd]) { exponentEnd += 1 }
            if exponentEnd > exponentStart { index = exponentEnd }
        }
        guard let value = Double(String(decoding: bytes[pos..<index], as: UTF8.self)),
            value.isFinite
        else { return nil }
        pos = index
        return value
    }

    private func notANumber(from start: Int) -> GiftParseError {
        error(
            at: start, "a numerical answer that is not a number",
            hint: "write '#3.14', '#3.14:0.01' (with a tolerance) or '#3.1..3.2' (a range)")
    }
}
