extension GiftChunkReader {
    /// Reads the answer block at `{` (through its `}`) into the question: its kind, answers,
    /// pairs or key, and general feedback.
    mutating func readAnswerBlock(into question: inout GiftQuestion) throws(GiftParseError) {
        let open = pos
        guard let shape = scanBlock(from: open + 1) else {
            throw error(
                at: open, "the answer block is not closed",
                hint: "end it with '}' before the blank line that ends the question "
                    + "(write '\\{' for a literal brace)")
        }
        pos = open + 1
        skipWhitespace()
        switch shape.kind {
        case .essay:
            question.globalFeedback = readGeneralFeedback()
        case .numerical:
            pos += 1
            try readChoices(into: &question, numerical: true)
        case .trueFalse:
            readTrueFalse(into: &question)
        case .matching:
            try readPairs(into: &question)
        default:
            try readChoices(into: &question, numerical: false)
        }
        question.kind = shape.kind
        skipWhitespace()
        if pos < end && bytes[pos] == GiftByte.openBrace {
            throw error(
                at: pos, "'{' inside an answer block",
                hint: "write '\\{' for a literal brace, and close the block with '}'")
        }
        guard pos < end && bytes[pos] == GiftByte.closeBrace else {
            throw error(
                at: pos, "unexpected text in the answer block",
                hint: "answers start with '=' or '~', feedback with '#'; "
                    + "write '\\{' for a literal brace")
        }
        pos += 1
    }

    /// Finds the block's closing `}` and decides its kind, much as Moodle does: empty is an
    /// essay, `#` numerical, `T`/`F`/`TRUE`/`FALSE` true/false, any `~` multiple choice, `=`
    /// first with a `->` matching, else short answer. Nil when the block is not closed.
    private func scanBlock(from start: Int) -> (kind: GiftQuestion.Kind, close: Int)? {
        var index = start
        var hasTilde = false
        var hasArrow = false
        while index < end {
            switch bytes[index] {
            case GiftByte.backslash: index += 1
            case GiftByte.tilde: hasTilde = true
            case GiftByte.minus:
                if index + 1 < end && bytes[index + 1] == GiftByte.greater { hasArrow = true }
            case GiftByte.closeBrace: return (kind(from: start, hasTilde, hasArrow), index)
            default: break
            }
            index += 1
        }
        return nil
    }

    private func kind(from start: Int, _ hasTilde: Bool, _ hasArrow: Bool) -> GiftQuestion.Kind {
        var first = start
        while first < end && GiftByte.isWhitespace(bytes[first]) { first += 1 }
        guard first < end else { return .essay }
        let reader = GiftChunkReader(copyOf: self, at: first)
        switch bytes[first] {
        case GiftByte.closeBrace: return .essay
        case GiftByte.hash: return reader.atGeneralFeedback() ? .essay : .numerical
        default:
            if reader.trueFalseKey() != nil { return .trueFalse }
            if hasTilde { return .multipleChoice }
            return bytes[first] == GiftByte.equals && hasArrow ? .matching : .shortAnswer
        }
    }

    private init(copyOf other: GiftChunkReader, at position: Int) {
        self = other
        pos = position
    }

    /// `T`, `F`, `TRUE` or `FALSE` (any case) followed by whitespace, `#` or `}`: the key and
    /// the length of the word.
    private func trueFalseKey() -> (isTrue: Bool, length: Int)? {
        var wordEnd = pos
        while wordEnd < end && GiftByte.isLetter(bytes[wordEnd]) && wordEnd - pos < 6 {
            wordEnd += 1
        }
        guard wordEnd < end,
            GiftByte.isWhitespace(bytes[wordEnd]) || bytes[wordEnd] == GiftByte.hash
                || bytes[wordEnd] == GiftByte.closeBrace
        else { return nil }
        switch String(decoding: bytes[pos..<wordEnd], as: UTF8.self).uppercased() {
        case "T", "TRUE": return (true, wordEnd - pos)
        case "F", "FALSE": return (false, wordEnd - pos)
        default: return nil
        }
    }

    // MARK: - Block shapes

    /// `####...` up to the block's end, if next.
    private mutating func readGeneralFeedback() -> GiftText? {
        guard atGeneralFeedback() else { return nil }
        pos += 4
        skipWhitespace()
        let textFormat = readFormatMarker() ?? format
        let text = readText(stops: [.openBrace, .closeBrace])
        return text.isEmpty ? nil : GiftText(format: textFormat, text: text)
    }

    /// `#feedback` after an answer, if next (stopping at `####`).
    private mutating func readFeedback(stops: GiftTextStops) -> GiftText? {
        guard pos < end && bytes[pos] == GiftByte.hash && !atGeneralFeedback() else { return nil }
        pos += 1
        skipWhitespace()
        let textFormat = readFormatMarker() ?? format
        let text = readText(stops: stops)
        return text.isEmpty ? nil : GiftText(format: textFormat, text: text)
    }

    /// `{T}`, `{FALSE#wrong#right}`, with an optional general feedback.
    private mutating func readTrueFalse(into question: inout GiftQuestion) {
        guard let key = trueFalseKey() else { return }
        question.isTrue = key.isTrue
        pos += key.length
        var feedbacks: [GiftText?] = []
        while true {
            skipWhitespace()
            if let general = readGeneralFeedback() {
                question.globalFeedback = general
            } else if pos < end && bytes[pos] == GiftByte.hash && feedbacks.count < 2 {
                feedbacks.append(readFeedback(stops: [.hash, .openBrace, .closeBrace]))
            } else {
                break
            }
        }
        question.wrongFeedback = feedbacks.first ?? nil
        question.rightFeedback = feedbacks.count > 1 ? feedbacks[1] : nil
    }

    /// `=a -> b` pairs.
    private mutating func readPairs(into question: inout GiftQuestion) throws(GiftParseError) {
        while true {
            skipWhitespace()
            if let general = readGeneralFeedback() {
                question.globalFeedback = general
                continue
            }
            guard pos < end && bytes[pos] == GiftByte.equals else { return }
            let pairStart = pos
            pos += 1
            skipWhitespace()
            let textFormat = readFormatMarker() ?? format
            let subquestion = readText(stops: GiftTextStops.answer.union(.arrow))
            guard startsWith(GiftByte.minus, GiftByte.greater) else {
                throw error(
                    at: pairStart, "a matching pair without '->'",
                    hint: "write each pair as '=question -> answer'")
            }
            pos += 2
            let subanswer = readText(stops: .answer)
            question.matchPairs.append(
                GiftMatchPair(
                    subquestion: GiftText(format: textFormat, text: subquestion),
                    subanswer: subanswer, feedback: readFeedback(stops: .feedback)))
        }
    }

    /// `=right ~wrong ~%50%partly #feedback` answers (and numerical ones with `numerical`).
    /// The first answer may omit `=` (`{One}`, `{#4}`): it is then a right answer.
    private mutating func readChoices(
        into question: inout GiftQuestion, numerical: Bool
    ) throws(GiftParseError) {
        while true {
            skipWhitespace()
            if let general = readGeneralFeedback() {
                question.globalFeedback = general
                continue
            }
            guard pos < end else { return }
            let isCorrect: Bool
            switch bytes[pos] {
            case GiftByte.equals:
                isCorrect = true
                pos += 1
            case GiftByte.tilde:
                isCorrect = false
                pos += 1
            case GiftByte.hash, GiftByte.openBrace, GiftByte.closeBrace:
                return
            default:
                guard question.choices.isEmpty else { return }
                isCorrect = true
            }
            let weight = try readWeight()
            skipWhitespace()
            var choice: GiftChoice
            if numerical {
                choice = try readNumericalAnswer(isCorrect: isCorrect, weight: weight)
            } else {
                let textFormat = readFormatMarker() ?? format
                let text = readText(stops: .answer)
                choice = GiftChoice(
                    isCorrect: isCorrect, weight: weight,
                    text: GiftText(format: textFormat, text: text))
            }
            choice.feedback = readFeedback(stops: .feedback)
            question.choices.append(choice)
        }
    }
}
