/// One line of a YAML text as an author sees its layout: indentation, a list dash, a leading
/// `key:` and what follows it. Only used to explain a syntax error, so it reads the common
/// block style (`key: value`, `- key: value`) and leaves everything else as plain text.
struct YAMLLine: Sendable, Equatable {
    /// What stands after a key's colon.
    enum Value: Sendable, Equatable {
        /// Nothing (or a comment): the children follow on the next lines.
        case empty
        /// A `|` or `>` block: the text follows on the next, deeper lines.
        case block
        /// Text on the same line.
        case inline(String)
    }

    /// The 1-based line number.
    var number: Int
    /// Leading spaces.
    var indent: Int
    /// The 1-based column of the list dash, when the line starts a list item.
    var dashColumn: Int?
    /// The leading plain key, if the line starts with `key:`.
    var key: String?
    /// The 1-based column of the key, or of the first character after the dash and indent.
    var contentColumn: Int
    /// The 1-based column of the key's colon.
    var colonColumn: Int?
    var value: Value

    /// The line's text after its key's colon (trimmed).
    var valueText: String? {
        if case .inline(let text) = value { return text }
        return nil
    }

    /// Splits a text into lines; blank lines, comments and the content of `|`/`>` blocks are
    /// left out, so that every line returned carries structure or plain text of its own.
    static func lines(of text: String) -> [YAMLLine] {
        var result: [YAMLLine] = []
        var blockOwnerIndent: Int?
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let scalars = Array(raw.unicodeScalars).filter { $0 != "\r" }
            let indent = scalars.prefix { $0 == " " }.count
            let rest = scalars[indent...]
            if rest.isEmpty || rest.first == "#" { continue }
            if let owner = blockOwnerIndent {
                if indent > owner { continue }
                blockOwnerIndent = nil
            }
            let line = parse(Array(rest), indent: indent, number: number)
            if line.value == .block { blockOwnerIndent = line.contentColumn - 1 }
            result.append(line)
        }
        return result
    }

    static func parse(_ rest: [Unicode.Scalar], indent: Int, number: Int) -> YAMLLine {
        var index = 0
        var dashColumn: Int?
        if rest.first == "-", rest.count == 1 || rest[1] == " " {
            dashColumn = indent + 1
            index = 1
            while index < rest.count, rest[index] == " " { index += 1 }
        }
        var line = YAMLLine(
            number: number, indent: indent, dashColumn: dashColumn, key: nil,
            contentColumn: indent + index + 1, colonColumn: nil, value: .inline(""))
        let content = rest[index...]
        guard let first = content.first, !"\"'[{#&*!|>%@`".unicodeScalars.contains(first) else {
            line.value = .inline(String(String.UnicodeScalarView(content)))
            return line
        }
        var cursor = content.startIndex
        while cursor < content.endIndex {
            let scalar = content[cursor]
            if scalar == ":",
                cursor + 1 == content.endIndex || content[cursor + 1] == " "
            {
                break
            }
            if scalar == "#" && cursor > content.startIndex && content[cursor - 1] == " " {
                cursor = content.endIndex
                break
            }
            cursor += 1
        }
        guard cursor < content.endIndex else {
            line.value = .inline(String(String.UnicodeScalarView(content)))
            return line
        }
        let key = String(String.UnicodeScalarView(content[content.startIndex..<cursor]))
        line.key = key.trimmingSpaces
        line.colonColumn = indent + cursor + 1
        var after = String(String.UnicodeScalarView(content[(cursor + 1)...])).trimmingSpaces
        if after.hasPrefix("#") { after = "" }
        if after.isEmpty {
            line.value = .empty
        } else if let first = after.unicodeScalars.first, first == "|" || first == ">" {
            line.value = .block
        } else {
            line.value = .inline(after)
        }
        return line
    }
}
