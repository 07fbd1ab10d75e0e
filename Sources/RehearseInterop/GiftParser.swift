/// The questions of a GIFT text and the questions that could not be read, both in file order.
public struct GiftParseResult: Sendable, Equatable {
    public var questions: [GiftQuestion]
    public var errors: [GiftParseError]

    public init(questions: [GiftQuestion] = [], errors: [GiftParseError] = []) {
        self.questions = questions
        self.errors = errors
    }
}

/// Reads Moodle's GIFT format. Questions are separated by blank lines; lines starting with `//`
/// are comments (their `[id:...]` and `[tag:...]` belong to the question they stand in). A
/// question that cannot be read becomes an error with its line and column and the others are
/// still read; the parser never traps, and every loop moves forward, so any input ends.
public enum GiftParser {
    /// Parses GIFT text.
    public static func parse(_ text: String) -> GiftParseResult {
        parse(bytes: Array(text.utf8))
    }

    /// Parses GIFT bytes (UTF-8, with or without a byte order mark; LF, CRLF or CR line ends).
    /// Invalid UTF-8 sequences become U+FFFD in the texts.
    public static func parse(bytes input: [UInt8]) -> GiftParseResult {
        var bytes = normalized(input)
        let chunks = splitChunks(&bytes)
        var result = GiftParseResult()
        result.questions.reserveCapacity(chunks.count)
        for chunk in chunks {
            var reader = GiftChunkReader(bytes: bytes, chunk: chunk)
            reader.read(into: &result)
        }
        return result
    }

    /// Drops a UTF-8 byte order mark and turns line ends into LF without moving any byte: the
    /// CR of a CRLF becomes a space (whitespace is folded anyway), a lone CR becomes LF.
    private static func normalized(_ input: [UInt8]) -> [UInt8] {
        var bytes =
            input.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(input.dropFirst(3)) : input
        var index = 0
        while index < bytes.count {
            if bytes[index] == GiftByte.carriageReturn {
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                bytes[index] = next == GiftByte.lineFeed ? GiftByte.space : GiftByte.lineFeed
            }
            index += 1
        }
        return bytes
    }

    /// Splits the text into runs of non-blank lines. Comment lines count as non-blank (as in
    /// Moodle) but are blanked out with spaces once their ids and tags are read, so positions
    /// stay true.
    private static func splitChunks(_ bytes: inout [UInt8]) -> [GiftChunk] {
        var chunks: [GiftChunk] = []
        var current: GiftChunk?
        var lineStart = 0
        var lineNumber = 1
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != GiftByte.lineFeed { lineEnd += 1 }
            var first = lineStart
            while first < lineEnd && GiftByte.isWhitespace(bytes[first]) { first += 1 }
            if first == lineEnd {
                if let done = current { chunks.append(done) }
                current = nil
            } else {
                var chunk =
                    current
                    ?? GiftChunk(start: lineStart, end: lineEnd, firstLine: lineNumber)
                chunk.end = lineEnd
                if first + 1 < lineEnd && bytes[first] == GiftByte.slash
                    && bytes[first + 1] == GiftByte.slash
                {
                    chunk.readComment(bytes[first..<lineEnd])
                    for index in first..<lineEnd { bytes[index] = GiftByte.space }
                }
                current = chunk
            }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        if let done = current { chunks.append(done) }
        return chunks
    }
}

/// A run of non-blank lines: one question (or a category line and a question).
struct GiftChunk {
    var start: Int
    var end: Int
    var firstLine: Int
    var id: String?
    var tags: [String] = []
    var points: Double?

    init(start: Int, end: Int, firstLine: Int) {
        self.start = start
        self.end = end
        self.firstLine = firstLine
    }

    /// Takes `[id:...]` and `[points:...]` (the first of each) and every `[tag:...]` of a
    /// comment line.
    mutating func readComment(_ line: ArraySlice<UInt8>) {
        var index = line.startIndex
        while index < line.endIndex {
            guard line[index] == GiftByte.openBracket else {
                index += 1
                continue
            }
            guard
                let opening = [Self.idOpening, Self.tagOpening, Self.pointsOpening].first(where: {
                    line[index...].starts(with: $0)
                }),
                let close = line[index...].firstIndex(of: GiftByte.closeBracket)
            else {
                index += 1
                continue
            }
            let value = GiftByte.trimmedString(line[(index + opening.count)..<close])
            if !value.isEmpty {
                if opening == Self.tagOpening {
                    tags.append(value)
                } else if opening == Self.idOpening {
                    if id == nil { id = value }
                } else if points == nil, let number = Double(value), number.isFinite, number > 0 {
                    points = number
                }
            }
            index = close + 1
        }
    }

    private static let idOpening = Array("[id:".utf8)
    private static let tagOpening = Array("[tag:".utf8)
    private static let pointsOpening = Array("[points:".utf8)
}
