import RehearseCore

/// The units and currencies every `number` question knows by their common names: `h`, `hr`,
/// `hrs` and `hours` are one unit; `$`, `USD` and `dollars` one currency.
public enum UnitAliases {
    /// Canonical name by alias (folded: lower case).
    static let table: [String: String] = {
        let groups: [String: [String]] = [
            "second": ["s", "sec", "secs", "second", "seconds"],
            "minute": ["m", "min", "mins", "minute", "minutes"],
            "hour": ["h", "hr", "hrs", "hour", "hours"],
            "day": ["d", "day", "days", "business day", "business days", "working days"],
            "week": ["w", "wk", "wks", "week", "weeks"],
            "month": ["mo", "month", "months"],
            "year": ["y", "yr", "yrs", "year", "years"],
            "night": ["night", "nights"],
            "percent": ["%", "percent", "per cent", "pct"],
            "usd": ["$", "usd", "us$", "dollar", "dollars", "bucks"],
            "eur": ["€", "eur", "euro", "euros"],
            "gbp": ["£", "gbp", "pound", "pounds"],
            "jpy": ["¥", "jpy", "yen"],
            "cad": ["cad", "c$"],
            "aud": ["aud", "a$"],
            "chf": ["chf", "franc", "francs"],
        ]
        var table: [String: String] = [:]
        for (canonical, aliases) in groups {
            for alias in aliases { table[alias] = canonical }
        }
        return table
    }()

    static let currencies: Set<String> = ["usd", "eur", "gbp", "jpy", "cad", "aud", "chf"]

    /// The unit `written` names, or nil when it is not a known one.
    public static func canonical(_ written: String) -> String? {
        let key = written.trimmingSpaces.lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return table[key]
    }

    /// Whether `written` names a currency (`$`, `USD`, `euros`).
    public static func isCurrency(_ written: String) -> Bool {
        canonical(written).map(currencies.contains) ?? false
    }

    /// `$`, `€`, `£` or `¥`.
    static func isCurrencySign(_ character: Character) -> Bool { "$€£¥".contains(character) }
}
