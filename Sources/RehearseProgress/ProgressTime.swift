import Foundation
import RehearseCore
import RehearseScoring

/// The times of progress files, read and written fast: a progress file holds two times per
/// memory state and one or two per attempt, and creating an ICU date formatter per time cost
/// more than everything else of reading a file.
///
/// Each function is a cache in front of the one rule: the canonical form the store writes,
/// `YYYY-MM-DDTHH:MM:SSZ` with a year from 1970 to 9999, is read and written by arithmetic
/// (`RehearseClock.parseUTCSeconds` and `formatUTCSeconds`, over `CivilDate`); any other text or
/// time goes to the formatter, so the results are those of the rule.
enum ProgressTime {
    /// `RehearseClock.parse`, fast for the canonical form.
    static func parse(_ text: String) -> Date? {
        RehearseClock.parse(text)
    }

    /// What `JSONDecoder.DateDecodingStrategy.iso8601` reads (internet date and time, no
    /// fractional seconds), fast for the canonical form.
    static func parseInternet(_ text: String) -> Date? {
        RehearseClock.parseUTCSeconds(text) ?? ISO8601DateFormatter().date(from: text)
    }

    /// What `JSONEncoder.DateEncodingStrategy.iso8601` writes, fast for a whole second in the
    /// years 1970-9999.
    static func format(_ date: Date) -> String {
        RehearseClock.formatUTCSeconds(date) ?? ISO8601DateFormatter().string(from: date)
    }

    /// The store's encoder: `AttemptRecord.makeEncoder()` with its dates written by `format`.
    static func encoder() -> JSONEncoder {
        let encoder = AttemptRecord.makeEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(format(date))
        }
        return encoder
    }

    /// The store's decoder: `AttemptRecord.makeDecoder()` with its dates read by
    /// `parseInternet`.
    static func decoder() -> JSONDecoder {
        let decoder = AttemptRecord.makeDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseInternet(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "Expected date string to be ISO8601-formatted."
                )
            }
            return date
        }
        return decoder
    }
}
