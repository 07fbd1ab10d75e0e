import RehearseBank

/// The formats `rehearse export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    case gift
    case moodleXML = "moodle-xml"
    /// A QTI 3.0 package (a zip), written to a file only.
    case qti

    /// Whether the format is binary, so it cannot go to standard output.
    public var isBinary: Bool { self == .qti }
}

/// What an export gives: the text as UTF-8 bytes, and what the format could not hold (one line
/// each, as `REF: what`), for standard error.
public struct ExportResult: Sendable {
    /// The text in pieces, in order, as written to the file: a large quiz's export is tens of
    /// megabytes, written piece by piece with no copy into one buffer.
    public var pieces: [[UInt8]]
    public var notes: [String]

    /// The text's bytes, joined.
    public var bytes: [UInt8] { Array(pieces.joined()) }

    /// The text, as a string.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public init(pieces: [[UInt8]], notes: [String]) {
        self.pieces = pieces
        self.notes = notes
    }
}

/// Numbers shared by the exporters.
enum ExportNumbers {
    /// A weight in percent as GIFT and Moodle XML take it: at most 5 decimals (`33.33333`).
    static func percent(_ value: Double) -> String {
        let rounded = (value * 100_000).rounded() / 100_000
        return YAMLScalar.number(rounded == 0 ? 0 : rounded)
    }

    /// The bands of a rate response on a scale: rating within `distance` of the key earns
    /// `percent` (100 at the key, falling evenly to 0 at `scale - 1` away).
    static func rateBands(scale: Int) -> [(distance: Int, percent: Double)] {
        guard scale > 1 else { return [(0, 100)] }
        return (0..<(scale - 1)).map { ($0, 100 * (1 - Double($0) / Double(scale - 1))) }
    }

    /// The points an option of a `multi` question is worth per right pick, as a percent.
    static func multiShare(_ options: [ChoiceOption]) -> Double {
        let right = options.filter { $0.correct?.value == true }.count
        return 100 / Double(max(1, right))
    }
}
