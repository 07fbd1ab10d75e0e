import RehearseCore

/// Reads a `rate` answer: `id=rating` pairs, with any case and spaces (`a=5,b=2`,
/// `A = 5, B = 2`, `a=5 b=2`), or the ratings alone in the order the responses were shown
/// (`5,2,4`). Every response is rated once, each rating a whole number from 1 to the scale.
public enum RatingParser {
    /// The ratings in `text` of the responses `ids` (in the order shown).
    public static func parse(_ text: String, ids: [String], scale: Int) throws(AnswerError)
        -> [String: Int]
    {
        let example = ids.enumerated().map { "\($0.element)=\(Swift.min(scale, $0.offset + 1))" }
            .joined(separator: ",")
        let bare = ids.indices.map { "\(Swift.min(scale, $0 + 1))" }.joined(separator: ",")
        let tokens = tokenize(text)
        var result: [String: Int] = [:]
        func rate(_ id: String, _ written: String) throws(AnswerError) {
            guard ids.contains(id) else {
                throw AnswerError(
                    "there is no response `\(id)`" + Suggestion.phrase(for: id, in: ids),
                    hint: "answer with one of: \(ids.joined(separator: ", "))")
            }
            guard let rating = Int(written), (1...Swift.max(1, scale)).contains(rating) else {
                throw AnswerError(
                    "the rating of `\(id)` must be a whole number from 1 to \(scale)",
                    hint: "answer like \(example)")
            }
            guard result[id] == nil else {
                throw AnswerError("`\(id)` is rated twice", hint: "rate each response once")
            }
            result[id] = rating
        }
        if !tokens.contains("=") {
            // The ratings alone, in the order shown.
            guard tokens.count == ids.count, tokens.allSatisfy({ Int($0) != nil }) else {
                let what = tokens.count == 1 ? "`\(text)`" : "\(tokens.count) ratings"
                throw AnswerError(
                    "\(what) for \(ids.count) responses",
                    hint: "answer like \(example), or rate them in the order shown: \(bare)")
            }
            for (id, written) in zip(ids, tokens) { try rate(id, written) }
            return result
        }
        var index = 0
        while index < tokens.count {
            guard index + 2 < tokens.count, tokens[index] != "=", tokens[index + 1] == "=",
                tokens[index + 2] != "="
            else {
                let near = tokens[index...].prefix(3).joined()
                throw AnswerError(
                    "`\(near)` is not an id=rating pair", hint: "answer like \(example)")
            }
            try rate(tokens[index].lowercased(), tokens[index + 2])
            index += 3
        }
        let missing = ids.filter { result[$0] == nil }
        guard missing.isEmpty else {
            throw AnswerError(
                "no rating for \(missing.joined(separator: ", "))",
                hint: "rate every response: \(example)")
        }
        return result
    }

    /// Words and `=` signs; commas, semicolons and spaces separate.
    static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character == "=" {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                tokens.append("=")
            } else if character == "," || character == ";" || character.isWhitespace {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
