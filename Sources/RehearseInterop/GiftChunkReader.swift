/// Reads the questions of one chunk (a run of non-blank lines) by recursive descent over its
/// bytes: an optional `$CATEGORY:` line, then `::title::`, a format marker, the text before the
/// answer block, the block, and the text after it.
struct GiftChunkReader {
    let bytes: [UInt8]
    let chunk: GiftChunk
    /// The next byte to read.
    var pos: Int
    /// Where the chunk ends (exclusive).
    let end: Int
    /// The format of the question being read: the default of its answers and feedbacks.
    var format: GiftTextFormat = .moodle

    init(bytes: [UInt8], chunk: GiftChunk) {
        self.bytes = bytes
        self.chunk = chunk
        self.pos = chunk.start
        self.end = min(chunk.end, bytes.count)
    }

    /// Appends the chunk's category and question, or its error, to `result`.
    mutating func read(into result: inout GiftParseResult) {
        skipWhitespace()
        if let category = readCategory() {
            result.questions.append(category)
            skipWhitespace()
        }
        guard pos < end else { return }
        do {
            result.questions.append(try readQuestion())
        } catch {
            result.errors.append(error)
        }
    }

    // MARK: - The question

    /// `$CATEGORY: path` up to the end of its line.
    private mutating func readCategory() -> GiftQuestion? {
        guard bytes[pos..<end].starts(with: Self.categoryKeyword) else { return nil }
        let (line, column) = location(of: pos)
        var lineEnd = pos
        while lineEnd < end && bytes[lineEnd] != GiftByte.lineFeed { lineEnd += 1 }
        let path = GiftByte.trimmedString(bytes[(pos + Self.categoryKeyword.count)..<lineEnd])
        pos = lineEnd
        return GiftQuestion(kind: .category, category: path, line: line, column: column)
    }

    private mutating func readQuestion() throws(GiftParseError) -> GiftQuestion {
        let start = pos
        let (line, column) = location(of: start)
        var title: String?
        if startsWith(GiftByte.colon, GiftByte.colon) {
            pos += 2
            let text = readText(stops: [.doubleColon])
            guard startsWith(GiftByte.colon, GiftByte.colon) else {
                throw error(
                    at: start, "the title is not closed",
                    hint: "end the title with '::' (write '\\:' for a colon inside it)")
            }
            pos += 2
            title = text.isEmpty ? nil : text
            skipWhitespace()
        }
        format = readFormatMarker() ?? .moodle
        let before = readText(stops: [.openBrace, .closeBrace])
        var question = GiftQuestion(
            kind: .description, title: title, id: chunk.id, tags: chunk.tags, points: chunk.points,
            stem: GiftText(format: format, text: before), line: line, column: column)
        guard pos < end else {
            guard !before.isEmpty else {
                throw error(
                    at: start, "the question has a title but no text",
                    hint: "write the question text after the title")
            }
            return question
        }
        guard bytes[pos] == GiftByte.openBrace else { throw strayCloseBrace() }
        try readAnswerBlock(into: &question)
        let after = readText(stops: [.openBrace, .closeBrace])
        if pos < end {
            guard bytes[pos] == GiftByte.openBrace else { throw strayCloseBrace() }
            throw error(
                at: pos, "a second answer block",
                hint: "a GIFT question has one answer block; write '\\{' for a literal brace")
        }
        if !after.isEmpty {
            question.hasEmbeddedAnswers = true
            question.stem.text = before.isEmpty ? "_____ " + after : before + " _____ " + after
        }
        return question
    }

    private func strayCloseBrace() -> GiftParseError {
        error(
            at: pos, "'}' without an opening '{'",
            hint: "write '\\}' for a literal brace, or open the answer block with '{'")
    }

    private static let categoryKeyword = Array("$CATEGORY:".utf8)

    // MARK: - Positions and small steps

    /// The 1-based line and column (in characters) of a byte of the chunk.
    func location(of target: Int) -> (line: Int, column: Int) {
        var line = chunk.firstLine
        var lineStart = chunk.start
        var index = chunk.start
        let stop = min(target, bytes.count)
        while index < stop {
            if bytes[index] == GiftByte.lineFeed {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        var column = 1
        index = lineStart
        while index < stop {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (line, column)
    }

    func error(at target: Int, _ message: String, hint: String) -> GiftParseError {
        let (line, column) = location(of: target)
        return GiftParseError(line: line, column: column, message: message, hint: hint)
    }

    mutating func skipWhitespace() {
        while pos < end && GiftByte.isWhitespace(bytes[pos]) { pos += 1 }
    }

    func startsWith(_ first: UInt8, _ second: UInt8) -> Bool {
        pos + 1 < end && bytes[pos] == first && bytes[pos + 1] == second
    }

    /// At `####` (general feedback)?
    func atGeneralFeedback() -> Bool {
        pos + 3 < end && bytes[pos] == GiftByte.hash && bytes[pos + 1] == GiftByte.hash
            && bytes[pos + 2] == GiftByte.hash && bytes[pos + 3] == GiftByte.hash
    }

    /// Reads `[html]`, `[markdown]`, `[plain]` or `[moodle]` (any letter case) if one is next.
    mutating func readFormatMarker() -> GiftTextFormat? {
        guard pos < end && bytes[pos] == GiftByte.openBracket else { return nil }
        for format in GiftTextFormat.allCases {
            let name = format.rawValue.utf8
            let close = pos + 1 + name.count
            guard close < end, bytes[close] == GiftByte.closeBracket else { continue }
            let matches = zip(bytes[(pos + 1)..<close], name).allSatisfy { $0 | 0x20 == $1 }
            if matches {
                pos = close + 1
                return format
            }
        }
        return nil
    }
}
