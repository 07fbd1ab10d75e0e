import RehearseCore

/// Durations as the format writes them.
enum Duration {
    /// Seconds of `20m`, `90s`, `1h30m`, `1h 30m`; a bare number is minutes. Nil when unreadable.
    static func seconds(_ text: String) -> Int? {
        let trimmed = text.trimmingSpaces.lowercased()
        guard !trimmed.isEmpty else { return nil }
        if let minutes = Int(trimmed) {
            let (seconds, overflow) = minutes.multipliedReportingOverflow(by: 60)
            return overflow ? nil : seconds
        }
        var total = 0
        var digits = ""
        for character in trimmed where character != " " {
            if character.isASCII && character.isNumber {
                digits.append(character)
                continue
            }
            guard let amount = Int(digits), digits.count <= 6 else { return nil }
            switch character {
            case "h": total += amount * 3600
            case "m": total += amount * 60
            case "s": total += amount
            default: return nil
            }
            digits = ""
        }
        return digits.isEmpty ? total : nil
    }
}
