/// The rejected rows of one sheet, in bounded memory: every row, in the order met, up to `limit`;
/// past it, only the `limit` rows that come first in the sheet (by line, then column), listed in
/// that order, and a count of the others. Which rows are listed depends only on the rows, not on
/// the order they are met in, so a sheet read in slices lists what one pass lists.
struct RejectedList: Sendable {
    let limit: Int
    /// The rows kept: in the order met, or, once past the limit, a heap with the row that comes
    /// last in the sheet on top.
    private(set) var rows: [RejectedRow] = []
    /// Rows met past the limit and not kept.
    private(set) var unlisted = 0
    /// Whether `rows` is a heap (rows were left out).
    private var isHeap = false

    init(limit: Int) {
        self.limit = Swift.max(1, limit)
    }

    var isEmpty: Bool { rows.isEmpty }

    /// Does `a` come after `b` in the sheet?
    private static func after(_ a: RejectedRow, _ b: RejectedRow) -> Bool {
        (a.line, a.column) > (b.line, b.column)
    }

    mutating func append(_ row: RejectedRow) {
        if rows.count < limit {
            rows.append(row)
            if isHeap { siftUp(rows.count - 1) }
            return
        }
        makeHeap()
        unlisted += 1
        guard Self.after(rows[0], row) else { return }
        rows[0] = row
        siftDown(0)
    }

    mutating func append(contentsOf other: some Sequence<RejectedRow>) {
        for row in other { append(row) }
    }

    /// Counts `count` rows left out where they were met: rows of one source (a slice, say) met
    /// in the order of the sheet after `limit` of its rows that are kept, so none of them could
    /// be listed.
    mutating func leftOut(_ count: Int) {
        guard count > 0 else { return }
        makeHeap()
        unlisted += count
    }

    /// Sorts the rows met from `start` on by line, when no row was left out (a left-out row puts
    /// every row in the order of the sheet anyway).
    mutating func sortByLine(from start: Int) {
        guard !isHeap, start < rows.count else { return }
        let sorted = rows[start...].enumerated().sorted {
            ($0.element.line, $0.offset) < ($1.element.line, $1.offset)
        }
        rows.replaceSubrange(start..., with: sorted.map(\.element))
    }

    /// The rows to list: in the order met, or, past the limit, in the order of the sheet.
    var listed: [RejectedRow] {
        isHeap ? rows.sorted { Self.after($1, $0) } : rows
    }

    private mutating func makeHeap() {
        guard !isHeap else { return }
        isHeap = true
        for index in stride(from: rows.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.after(rows[child], rows[parent]) else { return }
            rows.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var largest = parent
            for child in [2 * parent + 1, 2 * parent + 2]
            where child < rows.count && Self.after(rows[child], rows[largest]) {
                largest = child
            }
            if largest == parent { return }
            rows.swapAt(parent, largest)
            parent = largest
        }
    }
}
