import RehearseCore

/// Reads the timestamps forms tools write, to put one learner's responses in order:
/// `2024/05/13 2:31:07 PM GMT+2` (Google Forms), `5/13/24 14:31:07` (Microsoft Forms),
/// `13/05/2024 14:31` (a European spreadsheet), ISO 8601 (`2024-05-13T14:31:07Z`). Whether a
/// column writes day or month first is decided for the column: day first when some date's first
/// part is above 12. Time zones are not read (one export writes one zone).
enum FormTimestamp {
    /// A sort key for each text (year, month, day, hour, minute, second), nil where the text is
    /// not a timestamp.
    static func keys(_ texts: [String]) -> [[Int]?] {
        let parts = texts.map(parts)
        let dayFirst = parts.contains { part in
            guard let part, part.date[0] <= 31 else { return false }
            return part.date[0] > 12
        }
        return parts.map { part in
            guard let part else { return nil }
            let d = part.date
            var date: [Int]
            if d[0] > 31 {
                date = d
            } else {
                let year = d[2] < 100 ? 2000 + d[2] : d[2]
                date = dayFirst ? [year, d[1], d[0]] : [year, d[0], d[1]]
            }
            guard (1...12).contains(date[1]), (1...31).contains(date[2]) else { return nil }
            return date + part.time
        }
    }

    /// The three numbers of the date as written and the time (24-hour), or nil.
    static func parts(_ text: String) -> (date: [Int], time: [Int])? {
        let lowered = text.trimmingSpaces.lowercased()
        let pieces = lowered.split { $0 == " " || $0 == "t" }.map(String.init)
        guard let first = pieces.first else { return nil }
        let date = first.split { $0 == "/" || $0 == "-" || $0 == "." }.compactMap { Int($0) }
        guard date.count == 3, first.split(whereSeparator: { "/-.".contains($0) }).count == 3
        else { return nil }
        var time = [0, 0, 0]
        if pieces.count > 1 {
            let clock = pieces[1].prefix { $0.isNumber || $0 == ":" || $0 == "." }
            // A number of the clock too large for a time (or not finite) is no timestamp.
            let numbers = clock.split { $0 == ":" }.map { part in
                Double(part).flatMap { $0.isFinite && $0 < 1_000_000 ? Int($0) : nil } ?? -1
            }
            guard !numbers.isEmpty, numbers.count <= 3, numbers.allSatisfy({ $0 >= 0 }) else {
                return nil
            }
            for (offset, value) in numbers.enumerated() { time[offset] = value }
            let meridiem = pieces.dropFirst(2).first
            if meridiem == "pm", time[0] < 12 { time[0] += 12 }
            if meridiem == "am", time[0] == 12 { time[0] = 0 }
        }
        return (date, time)
    }
}
