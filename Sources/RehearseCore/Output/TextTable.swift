/// A terminal table: columns padded to their widest cell, measured in terminal columns (colour
/// codes take none, wide characters two), so cells may be coloured before they are laid out.
/// Rows are written as `indent` then the cells joined by `gap`; the last cell of a row is not
/// padded unless it is right-aligned. Given a width, a table wider than it is narrowed by
/// wrapping the cells of its widest left-aligned columns onto more lines.
public struct TextTable: Sendable {
    /// How a column's cells sit in it.
    public enum Alignment: Sendable {
        case left, right
    }

    /// The columns aligned right (numbers); the others are aligned left.
    public var rightAligned: Set<Int>
    /// The least width of a column, by column, however narrow its cells.
    public var minimumWidths: [Int: Int]
    /// What every line starts with.
    public var indent: String
    /// What stands between two cells.
    public var gap: String

    public init(
        rightAligned: Set<Int> = [], minimumWidths: [Int: Int] = [:], indent: String = "  ",
        gap: String = "  "
    ) {
        self.rightAligned = rightAligned
        self.minimumWidths = minimumWidths
        self.indent = indent
        self.gap = gap
    }

    /// The narrowest a column is wrapped to when the table must fit a width.
    public static let narrowestColumn = 8

    /// The table, one line per row (more for a row with wrapped cells), each line ending in a
    /// newline. With `width`, left-aligned columns are narrowed (not below
    /// ``narrowestColumn`` nor their minimum width) until the table fits, if it can.
    public func render(_ rows: [[String]], width: Int? = nil) -> String {
        lines(rows, width: width).map { $0.text + "\n" }.joined()
    }

    /// The lines of ``render(_:width:)`` without their newlines, with the index of the row each
    /// line belongs to.
    public func lines(_ rows: [[String]], width: Int? = nil) -> [(row: Int, text: String)] {
        var output: [(row: Int, text: String)] = []
        forEachLine(rows, width: width) { output.append(($0, $1)) }
        return output
    }

    /// Hands each line of ``lines(_:width:)`` to `body` as it is made (the row's index, the
    /// text), so a long table is never held whole as text.
    public func forEachLine(
        _ rows: [[String]], width: Int? = nil, _ body: (_ row: Int, _ text: String) -> Void
    ) {
        var widths = naturalWidths(rows)
        if let width { narrow(&widths, toFit: width) }
        for (index, row) in rows.enumerated() {
            let wrapped = row.enumerated().map { column, cell in
                TerminalText.displayWidth(cell) > widths[column]
                    ? TextWrap.lines(cell, width: widths[column], breakingWords: true) : [cell]
            }
            let height = wrapped.map(\.count).max() ?? 1
            for line in 0..<Swift.max(height, 1) {
                let cells = wrapped.enumerated().map { column, pieces in
                    pad(
                        line < pieces.count ? pieces[line] : "", column: column,
                        width: widths[column], last: column == row.count - 1)
                }
                var text = indent + cells.joined(separator: gap)
                if line > 0 {  // a continuation line: no padding after its last wrapped cell
                    while text.hasSuffix(" ") { text.removeLast() }
                }
                body(index, text)
            }
        }
    }

    private func pad(_ cell: String, column: Int, width: Int, last: Bool) -> String {
        let padding = String(
            repeating: " ", count: Swift.max(0, width - TerminalText.displayWidth(cell)))
        if rightAligned.contains(column) { return padding + cell }
        return last ? cell : cell + padding
    }

    private func naturalWidths(_ rows: [[String]]) -> [Int] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = (0..<columns).map { minimumWidths[$0] ?? 0 }
        for row in rows {
            for (column, cell) in row.enumerated() {
                widths[column] = Swift.max(widths[column], TerminalText.displayWidth(cell))
            }
        }
        return widths
    }

    /// Takes columns from the widest left-aligned column, one at a time, until the table fits.
    private func narrow(_ widths: inout [Int], toFit width: Int) {
        let fixed =
            TerminalText.displayWidth(indent)
            + TerminalText.displayWidth(gap) * Swift.max(0, widths.count - 1)
        var excess = fixed + widths.reduce(0, +) - width
        let floors = widths.indices.map { Swift.max(Self.narrowestColumn, minimumWidths[$0] ?? 0) }
        while excess > 0 {
            let candidates = widths.indices.filter {
                !rightAligned.contains($0) && widths[$0] > floors[$0]
            }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { return }
            widths[widest] -= 1
            excess -= 1
        }
    }
}
