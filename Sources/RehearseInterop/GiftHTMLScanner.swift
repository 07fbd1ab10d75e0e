import RehearseCore

/// A forward-only pass over HTML text, for `GiftHTML`: every loop moves on by at least one
/// character, so any input ends.
struct GiftHTMLScanner {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    /// Searches for `>` and `-->` that failed from these positions: later ones fail too, so they
    /// are not repeated (which keeps text full of unclosed `<` linear).
    private var noGreaterFrom = Int.max
    private var noCommentEndFrom = Int.max

    init(_ html: String) {
        scalars = Array(html.unicodeScalars)
    }

    mutating func plainText() -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        func emit(_ scalar: Unicode.Scalar) {
            if Self.isWhitespace(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        // The open link's address and where its words start in `out`.
        var link: (address: String, start: Int)?
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let tag = readTag() {
                if Self.rawTextElements.contains(tag.name) && !tag.isClosing {
                    skipRawText(until: tag.name)
                }
                if Self.breakingElements.contains(tag.name) { emit(" ") }
                if tag.name == "a" && !tag.isClosing {
                    link = attribute("href", in: tag.body).flatMap(Self.shownAddress).map {
                        ($0, out.count)
                    }
                } else if tag.name == "a", let open = link {
                    // The address after the link's words, unless they already say it.
                    let words = String(String.UnicodeScalarView(out.dropFirst(open.start)))
                    if !words.contains(open.address) {
                        for scalar in " (\(open.address))".unicodeScalars { emit(scalar) }
                    }
                    link = nil
                }
            } else if scalar == "&", let character = readEntity() {
                character.unicodeScalars.forEach(emit)
            } else {
                emit(scalar)
                index += 1
            }
        }
        return String(out)
    }

    /// Unicode's White_Space, without a table search for ASCII (tab to carriage return, space).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            ? scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)
            : scalar.properties.isWhitespace
    }

    mutating func mediaSources() -> [String] {
        var sources: [String] = []
        while index < scalars.count {
            guard scalars[index] == "<", let tag = readTag() else {
                index += 1
                continue
            }
            if Self.mediaElements.contains(tag.name),
                let source = attribute("src", in: tag.body)
                    ?? attribute("data", in: tag.body)
            {
                sources.append(source)
            }
        }
        return sources
    }

    // MARK: - Tags and entities

    /// A tag, comment or declaration at `<`, read through its `>`; nil (nothing read) when
    /// `<` does not open one.
    private mutating func readTag() -> (name: String, isClosing: Bool, body: String)? {
        let start = index
        var cursor = index + 1
        guard cursor < scalars.count else { return nil }
        let opener = scalars[cursor]
        guard opener == "/" || opener == "!" || opener == "?" || opener.properties.isAlphabetic
        else { return nil }
        if scalars[cursor...].starts(with: "!--".unicodeScalars) {
            guard cursor < noCommentEndFrom, let close = find("-->", from: cursor + 3) else {
                noCommentEndFrom = min(noCommentEndFrom, cursor)
                return nil
            }
            index = close + 3
            return ("!--", false, "")
        }
        guard cursor < noGreaterFrom else { return nil }
        while cursor < scalars.count && scalars[cursor] != ">" { cursor += 1 }
        guard cursor < scalars.count else {
            noGreaterFrom = start
            return nil
        }
        index = cursor + 1
        var body = String.UnicodeScalarView(scalars[(start + 1)..<cursor])
        let isClosing = body.first == "/"
        if isClosing { body.removeFirst() }
        let name = String(String(body).prefix { $0.isLetter || $0.isNumber }).lowercased()
        return (name, isClosing, String(body))
    }

    /// Skips the contents of `<script>` or `<style>` through its closing tag.
    private mutating func skipRawText(until name: String) {
        let closing = "</" + name
        while index < scalars.count {
            if scalars[index] == "<",
                String(
                    String.UnicodeScalarView(
                        scalars[index..<min(index + closing.count, scalars.count)])
                )
                .lowercased() == closing
            {
                _ = readTag()
                return
            }
            index += 1
        }
    }

    /// An entity at `&` through its `;`; nil (nothing read) when unknown.
    private mutating func readEntity() -> String? {
        var cursor = index + 1
        while cursor < scalars.count && cursor - index <= 10 && scalars[cursor] != ";" {
            cursor += 1
        }
        guard cursor < scalars.count, scalars[cursor] == ";" else { return nil }
        let name = String(String.UnicodeScalarView(scalars[(index + 1)..<cursor]))
        guard let character = GiftHTML.character(ofEntity: name[...]) else { return nil }
        index = cursor + 1
        return character
    }

    private func find(_ text: String, from start: Int) -> Int? {
        let needle = Array(text.unicodeScalars)
        var cursor = start
        while cursor + needle.count <= scalars.count {
            if scalars[cursor..<(cursor + needle.count)].elementsEqual(needle) { return cursor }
            cursor += 1
        }
        return nil
    }

    /// The value of `name="..."` (or `'...'`, or unquoted) in a tag's body; the name must
    /// start the body or follow whitespace.
    private func attribute(_ name: String, in body: String) -> String? {
        let characters = Array(body)
        let key = Array(name + "=")
        var cursor = 0
        while cursor + key.count <= characters.count {
            let starts = cursor == 0 || characters[cursor - 1].isWhitespace
            let matches = characters[cursor..<(cursor + key.count)].map { $0.lowercased() }
                .elementsEqual(key.map { String($0) })
            if starts && matches {
                let rest = characters[(cursor + key.count)...]
                guard let quote = rest.first, quote == "\"" || quote == "'" else {
                    return String(rest.prefix { !$0.isWhitespace && $0 != "/" })
                }
                return String(rest.dropFirst().prefix { $0 != quote })
            }
            cursor += 1
        }
        return nil
    }

    /// A link's address as a reader can use it (entities decoded), nil for one that leads
    /// nowhere outside the question: empty, a fragment (`#top`), a script, or one of Moodle's
    /// own files (`@@PLUGINFILE@@/`, not carried).
    private static func shownAddress(_ href: String) -> String? {
        let address = GiftHTML.plainText(href).trimmingSpaces
        let lowered = address.lowercased()
        guard !address.isEmpty, !address.hasPrefix("#"), !lowered.hasPrefix("javascript:"),
            !address.hasPrefix("@@PLUGINFILE@@")
        else { return nil }
        return address
    }

    private static let rawTextElements: Set<String> = ["script", "style"]
    private static let breakingElements: Set<String> = [
        "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4",
        "h5", "h6", "blockquote", "pre", "hr", "dd", "dt",
    ]
    private static let mediaElements: Set<String> = [
        "img", "audio", "video", "source", "embed", "object", "iframe", "track",
    ]
}
