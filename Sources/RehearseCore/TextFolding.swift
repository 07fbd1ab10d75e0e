/// Folding for `text` answers: case, spaces and punctuation do not matter.
public enum TextFolding {
    /// Lower-cased words joined by single spaces; punctuation and symbols removed.
    /// "  Sorry,  I'll check!" becomes "sorry ill check".
    public static func fold(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// The folded words of a text.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character.isWhitespace || character == "-" || character == "/" {
                if !current.isEmpty {
                    words.append(current)
                    current = ""
                }
            }
            // Other punctuation (apostrophes, commas, full stops...) is dropped inside a word.
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Does the folded `phrase` occur in `words` as whole words?
    public static func contains(_ words: [String], phrase: String) -> Bool {
        let target = Self.words(phrase)
        guard !target.isEmpty, target.count <= words.count else { return false }
        for start in 0...(words.count - target.count)
        where words[start..<(start + target.count)].elementsEqual(target) {
            return true
        }
        return false
    }
}
