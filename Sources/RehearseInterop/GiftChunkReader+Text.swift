/// Where a run of GIFT text ends: the unescaped control characters that close it.
struct GiftTextStops: OptionSet {
    let rawValue: UInt8

    static let tilde = GiftTextStops(rawValue: 1 << 0)
    static let equals = GiftTextStops(rawValue: 1 << 1)
    /// Any `#`.
    static let hash = GiftTextStops(rawValue: 1 << 2)
    /// Only `####` (general feedback): a single `#` stays text.
    static let generalFeedback = GiftTextStops(rawValue: 1 << 3)
    static let openBrace = GiftTextStops(rawValue: 1 << 4)
    static let closeBrace = GiftTextStops(rawValue: 1 << 5)
    /// `::`.
    static let doubleColon = GiftTextStops(rawValue: 1 << 6)
    /// `->`.
    static let arrow = GiftTextStops(rawValue: 1 << 7)

    /// The end of an answer: the next answer, a feedback, or the end of the block.
    static let answer: GiftTextStops = [.tilde, .equals, .hash, .openBrace, .closeBrace]
    /// The end of an answer's feedback: the next answer, the general feedback or the block end.
    static let feedback: GiftTextStops = [
        .tilde, .equals, .generalFeedback, .openBrace, .closeBrace,
    ]
}

extension GiftChunkReader {
    /// Reads text up to the first unescaped stop (left unread) or the chunk's end. Escapes
    /// `\~ \= \# \{ \} \: \\` give the character, `\n` a line feed; any other backslash is
    /// kept. Runs of whitespace become one space, and the text is trimmed.
    mutating func readText(stops: GiftTextStops) -> String {
        var out: [UInt8] = []
        var pendingSpace = false
        while pos < end {
            let byte = bytes[pos]
            if isStop(byte, stops) { break }
            if GiftByte.isWhitespace(byte) {
                pendingSpace = !out.isEmpty
                pos += 1
                continue
            }
            if pendingSpace {
                out.append(GiftByte.space)
                pendingSpace = false
            }
            if byte == GiftByte.backslash && pos + 1 < end {
                let next = bytes[pos + 1]
                if let escaped = Self.escaped(next) {
                    out.append(escaped)
                    pos += 2
                    continue
                }
            }
            out.append(byte)
            pos += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func isStop(_ byte: UInt8, _ stops: GiftTextStops) -> Bool {
        switch byte {
        case GiftByte.tilde: return stops.contains(.tilde)
        case GiftByte.equals: return stops.contains(.equals)
        case GiftByte.hash:
            return stops.contains(.hash)
                || (stops.contains(.generalFeedback) && atGeneralFeedback())
        case GiftByte.openBrace: return stops.contains(.openBrace)
        case GiftByte.closeBrace: return stops.contains(.closeBrace)
        case GiftByte.colon:
            return stops.contains(.doubleColon) && startsWith(GiftByte.colon, GiftByte.colon)
        case GiftByte.minus:
            return stops.contains(.arrow) && startsWith(GiftByte.minus, GiftByte.greater)
        default: return false
        }
    }

    /// The character an escape `\c` stands for, nil when `\c` is not an escape.
    private static func escaped(_ byte: UInt8) -> UInt8? {
        switch byte {
        case GiftByte.tilde, GiftByte.equals, GiftByte.hash, GiftByte.openBrace,
            GiftByte.closeBrace, GiftByte.colon, GiftByte.backslash:
            return byte
        case 0x6E: return GiftByte.lineFeed  // n
        default: return nil
        }
    }
}
