/// Puts a YAML syntax error in an author's words.
///
/// libyaml says where it stopped ("mapping values are not allowed in this context", "did not
/// find expected '-' indicator"), which is rarely where the author went wrong. Most of these
/// errors come from a few shapes of indentation: a key indented deeper or shallower than its
/// siblings, a list item whose `-` is out of line with the other items, a line of a `|`/`>`
/// text indented less than the text's first line, or an unquoted value holding `: `. This reads the lines around the error, recognises those shapes, and says
/// which line is out of line with which, and how to fix it. Other errors keep libyaml's words.
enum SyntaxDiagnosis {
    /// An explanation of a syntax error, and where to show it.
    struct Explanation: Sendable, Equatable {
        var message: String
        var hint: String
        var position: TextPosition
    }

    /// The explanation of libyaml's `problem` at `position` (with the line of the construct it
    /// was reading, when it says), when the text around it has a shape this knows; else nil.
    static func explain(
        _ problem: String, at position: TextPosition, contextLine: Int? = nil, in text: String
    ) -> Explanation? {
        if let explained = blockText(at: position, in: text) { return explained }
        if problem.contains("could not find expected ':'"), let line = contextLine {
            return keyWithoutColon(onLine: line, in: text)
        }
        let lines = YAMLLine.lines(of: text)
        guard let index = lines.firstIndex(where: { $0.number == position.line }) else {
            return nil
        }
        let line = lines[index]
        let before = lines[..<index]
        if problem.contains("mapping values are not allowed") {
            return colonInLine(line, at: position, after: before)
        }
        if problem.contains("did not find expected") || problem.contains("expected <block end>")
            || problem.contains("block sequence entries are not allowed")
        {
            return misaligned(line, after: before)
        }
        return nil
    }

    /// The hint for an error no shape explains.
    static func genericHint(_ problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return "quote a value that contains `: `, e.g. text: \"Note: ...\""
        }
        if problem.contains("cannot start any token") {
            return "quote a value that starts with `@`, `` ` `` or another reserved character"
        }
        if problem.contains("did not find expected key") || problem.contains("expected <block end>")
        {
            return "check the indentation: keys of one mapping line up, list items start with `- `"
        }
        if problem.contains("found unexpected end of stream") || problem.contains("closing quote") {
            return "close the quote or bracket that was opened"
        }
        if problem.contains("did not find expected ',' or") {
            return
                "close the `[` or `{` opened here, or quote the value if the bracket is part of the text"
        }
        return "fix the YAML syntax at this point"
    }

    // MARK: Shapes

    /// "mapping values are not allowed": either the line's own key is indented under a value
    /// (so YAML reads the line as more of that value), or the value holds a second `: `.
    static func colonInLine(
        _ line: YAMLLine, at position: TextPosition, after before: ArraySlice<YAMLLine>
    ) -> Explanation? {
        guard let key = line.key, let colon = line.colonColumn else { return nil }
        if position.column == colon, let dash = line.dashColumn {
            // A list item under a key that already has its value.
            guard let owner = before.last(where: { $0.key != nil && $0.contentColumn < dash }),
                let ownerKey = owner.key, owner.valueText != nil
            else { return nil }
            return Explanation(
                message:
                    "the list item on line \(line.number) is indented under `\(ownerKey)` on line "
                    + "\(owner.number), which already has its value",
                hint:
                    "move the item into its list, in line with the list's other items "
                    + "(a list follows a key that ends with `:`)",
                position: TextPosition(line: line.number, column: dash))
        }
        if position.column == colon {
            // The line's own key: YAML is still reading the value of a line above.
            guard
                let owner = before.last(where: {
                    $0.key != nil && $0.contentColumn < line.contentColumn
                }), let ownerKey = owner.key, owner.valueText != nil
            else { return nil }
            let at = TextPosition(line: line.number, column: line.contentColumn)
            guard FormatKeys.all.contains(key) else {
                return Explanation(
                    message:
                        "line \(line.number) is indented under `\(ownerKey)` (line \(owner.number)), "
                        + "so it continues that value, and the value holds `: `",
                    hint:
                        "put the whole value of `\(ownerKey)` in quotes, or write it as a `>-` block",
                    position: at)
            }
            return Explanation(
                message:
                    "`\(key)` on line \(line.number) is indented deeper than `\(ownerKey)` on line "
                    + "\(owner.number), so YAML reads it as more of the value of `\(ownerKey)`",
                hint: "line `\(key)` up with `\(ownerKey)`: \(indentation(owner.contentColumn))"
                    + (textKeys.contains(ownerKey)
                        ? "; if line \(line.number) continues the text of `\(ownerKey)`, quote "
                            + "that text instead" : ""),
                position: at)
        }
        guard position.column > colon, let value = line.valueText else { return nil }
        return Explanation(
            message:
                "the value of `\(key)` on line \(line.number) contains `: `, which YAML reads as "
                + "the start of another key",
            hint: "quote the value: " + quoted(key, value), position: position)
    }

    /// "did not find expected key / '-' indicator": a key or a list item out of line.
    static func misaligned(_ line: YAMLLine, after before: ArraySlice<YAMLLine>) -> Explanation? {
        let levels = openLevels(before)
        if let dash = line.dashColumn {
            let items = levels.filter(\.isDash)
            guard !items.contains(where: { $0.column == dash }),
                let target = closest(to: dash, in: items)
            else { return nil }
            return Explanation(
                message:
                    "the list item on line \(line.number) has its `-` at column \(dash), but the "
                    + "item on line \(target.line.number) has its `-` at column \(target.column)",
                hint:
                    "line the `-` up with the other items of its list: \(indentation(target.column))",
                position: TextPosition(line: line.number, column: dash))
        }
        guard let key = line.key else { return nil }
        let column = line.contentColumn
        let at = TextPosition(line: line.number, column: column)
        let keys = levels.filter { !$0.isDash }
        guard !keys.contains(where: { $0.column == column }), let last = levels.first else {
            return nil
        }
        if column > last.column {
            guard let lastKey = last.line.key, !last.isDash, last.line.valueText != nil else {
                return nil
            }
            return Explanation(
                message:
                    "`\(key)` on line \(line.number) is indented deeper than `\(lastKey)` on line "
                    + "\(last.line.number), which already has its value",
                hint: "line `\(key)` up with `\(lastKey)`: \(indentation(last.column))",
                position: at)
        }
        if let item = levels.firstIndex(where: { $0.isDash && $0.column == column }) {
            let owner = levels[item].line
            let sibling = levels[..<item].last { !$0.isDash }
            guard let sibling, let siblingKey = sibling.line.key else { return nil }
            return Explanation(
                message:
                    "`\(key)` on line \(line.number) is in line with the `-` of the list item on "
                    + "line \(owner.number), not with the keys inside that item (`\(siblingKey)` "
                    + "on line \(sibling.line.number))",
                hint:
                    "to keep `\(key)` in that item, \(indentation(sibling.column)) like "
                    + "`\(siblingKey)`; to start a new item, write `- ` before it",
                position: at)
        }
        guard let sibling = closest(to: column, in: keys), let siblingKey = sibling.line.key else {
            return nil
        }
        return Explanation(
            message:
                "`\(key)` on line \(line.number) is indented \(spaces(column - 1)), out of line "
                + "with `\(siblingKey)` on line \(sibling.line.number) (\(spaces(sibling.column - 1)))",
            hint: "line `\(key)` up with `\(siblingKey)`: \(indentation(sibling.column))",
            position: at)
    }

    /// A `|` or `>` text whose lines are indented too little: YAML ends the text at the first
    /// line indented less than its first one (or the text is not indented past its key at
    /// all), and reads the rest as keys. The text runs, as the author meant it, up to the next
    /// line that is a key of the format, indented no deeper than the text's own key.
    static func blockText(at position: TextPosition, in text: String) -> Explanation? {
        let raw = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            Array($0.unicodeScalars).filter { $0 != "\r" }
        }
        guard position.line >= 2, position.line <= raw.count else { return nil }
        func indent(_ line: Int) -> Int? {
            let scalars = raw[line - 1]
            let count = scalars.prefix { $0 == " " }.count
            return count == scalars.count || scalars[count] == "#" ? nil : count
        }
        func parsed(_ line: Int) -> YAMLLine? {
            indent(line).map {
                YAMLLine.parse(Array(raw[line - 1][$0...]), indent: $0, number: line)
            }
        }
        // The nearest `key: |` or `key: >` line above the error.
        guard
            let header = (1..<position.line).reversed().lazy.compactMap(parsed).first(where: {
                $0.value == .block
            }), let key = header.key
        else { return nil }
        let owner = header.contentColumn - 1
        var end = raw.count + 1
        for line in (header.number + 1)..<(raw.count + 1) {
            guard let parsed = parsed(line), parsed.indent <= owner,
                let found = parsed.key, FormatKeys.all.contains(found)
            else { continue }
            end = line
            break
        }
        let content = ((header.number + 1)..<end).filter { indent($0) != nil }
        guard position.line <= end, let first = content.first, let firstIndent = indent(first)
        else { return nil }
        if firstIndent <= owner {
            return Explanation(
                message:
                    "the text of `\(key)` (line \(header.number)) must be indented deeper than "
                    + "`\(key)`, but line \(first) is not",
                hint: "indent every line of the text by \(spaces(owner + 2))",
                position: TextPosition(line: first, column: firstIndent + 1))
        }
        guard let short = content.first(where: { (indent($0) ?? 0) < firstIndent }),
            short <= position.line, let shortIndent = indent(short)
        else { return nil }
        var hint = "indent it by \(spaces(firstIndent)), like the rest of the text"
        if let next = parsed(short)?.key, FormatKeys.all.contains(next) {
            hint += "; if `\(next)` is the next key, \(indentation(owner + 1)) like `\(key)`"
        }
        return Explanation(
            message:
                "line \(short) is indented \(spaces(shortIndent)), less than the first line of the "
                + "text of `\(key)` (line \(first), \(spaces(firstIndent))), so YAML ends the text there",
            hint: hint, position: TextPosition(line: short, column: shortIndent + 1))
    }

    /// "could not find expected ':'": the line YAML took for the start of a key has no `: `,
    /// either because the space after the colon is missing (`points:2`) or because it is a
    /// piece of text on a line of its own.
    static func keyWithoutColon(onLine number: Int, in text: String) -> Explanation? {
        let raw = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard number >= 1, number <= raw.count else { return nil }
        let scalars = Array(raw[number - 1].unicodeScalars).filter { $0 != "\r" }
        let indent = scalars.prefix { $0 == " " }.count
        let line = YAMLLine.parse(Array(scalars[indent...]), indent: indent, number: number)
        let content = String(String.UnicodeScalarView(scalars[(line.contentColumn - 1)...]))
        let at = TextPosition(line: number, column: line.contentColumn)
        if let colon = content.firstIndex(of: ":") {
            let key = String(content[..<colon])
            let value = content[content.index(after: colon)...]
            guard FormatKeys.all.contains(key), let first = value.first, first != " " else {
                return nil
            }
            return Explanation(
                message:
                    "`\(key):\(value)` on line \(number) has no space after the colon, so YAML "
                    + "reads it as text rather than the key `\(key)`",
                hint: "put a space after the colon: `\(key): \(value)`", position: at)
        }
        return Explanation(
            message:
                "line \(number) (`\(content.trimmingSpaces)`) is neither `key: value` nor a list "
                + "item, so YAML cannot tell what it belongs to",
            hint:
                "if it continues the value above, join it to that line or quote the whole value; "
                + "otherwise write it as `key: value`",
            position: at)
    }

    // MARK: Helpers

    /// A key or a list dash that is still open at some line: later lines at its column are
    /// its siblings.
    struct Level {
        var column: Int
        var line: YAMLLine
        var isDash: Bool
    }

    /// The keys and list dashes still open before a line, innermost first: walking back, each
    /// line that starts further left than every line after it opens one more level.
    static func openLevels(_ before: ArraySlice<YAMLLine>) -> [Level] {
        var levels: [Level] = []
        var limit = Int.max
        for line in before.reversed() {
            if line.key != nil, line.contentColumn < limit {
                levels.append(Level(column: line.contentColumn, line: line, isDash: false))
                limit = line.contentColumn
            }
            if let dash = line.dashColumn, dash < limit {
                levels.append(Level(column: dash, line: line, isDash: true))
                limit = dash
            }
            if limit <= 1 { break }
        }
        return levels
    }

    /// The level nearest to `column`; on a tie, the inner one.
    static func closest(to column: Int, in levels: [Level]) -> Level? {
        var best: Level?
        for level in levels where abs(level.column - column) < abs((best?.column ?? .max) - column)
        {
            best = level
        }
        return best
    }

    /// Keys whose value is free text, which may run over several lines.
    static let textKeys: Set<String> = [
        "title", "description", "customer", "context", "prompt", "hint", "explanation", "text",
        "feedback",
    ]

    static func spaces(_ count: Int) -> String { count == 1 ? "1 space" : "\(count) spaces" }

    static func indentation(_ column: Int) -> String {
        column == 1 ? "start it at the beginning of the line" : "indent it by \(spaces(column - 1))"
    }

    /// `key: "value"` with the quotes that need no escaping (single quotes double inner ones).
    static func quoted(_ key: String, _ value: String) -> String {
        guard value.unicodeScalars.count <= 60 else {
            return "\(key): \"...\" (or write it as a `>-` block)"
        }
        if !value.contains("\"") && !value.contains("\\") { return "\(key): \"\(value)\"" }
        return "\(key): '\(value.replacingAll("'", with: "''"))'"
    }
}
