/// The marks of a group of items, every learner's at their place (see `ItemAnalysis.analyse`):
/// an item whose marks take few distinct values as one byte per learner, its code among them
/// (`notMet` where the learner did not meet the item), so a pass over a large cohort makes
/// columns for eight times as many items; any other item as marks, NaN where not met.
struct MarkColumns: Sendable {
    /// Learners per column.
    let count: Int
    /// Per item of the group: its distinct marks, which its codes number, or nil when its
    /// column is in `marks`; and where its column starts in `codes` or `marks`.
    let values: [[Double]?]
    let starts: [Int]
    let codes: [UInt8]
    let marks: [Double]

    static let notMet: UInt8 = 255
    /// The most distinct marks an item may have to be kept as codes.
    static let codeLimit = 255

    init(values: [[Double]?], starts: [Int], codes: [UInt8], marks: [Double], count: Int) {
        self.values = values
        self.starts = starts
        self.codes = codes
        self.marks = marks
        self.count = count
    }

    /// Every item of the group as marks, one column after the other.
    init(marks: [Double], count: Int) {
        let items = count == 0 ? 0 : marks.count / count
        self.init(
            values: Array(repeating: nil, count: items),
            starts: (0..<items).map { $0 * count }, codes: [], marks: marks, count: count)
    }

    /// Runs `body` with the marks of the group's `item`th item, NaN where not met.
    func withColumn<R>(_ item: Int, _ body: (UnsafeBufferPointer<Double>) -> R) -> R {
        let start = starts[item]
        guard let values = values[item] else {
            return marks.withUnsafeBufferPointer {
                body(UnsafeBufferPointer(rebasing: $0[start..<(start + count)]))
            }
        }
        let column = [Double](unsafeUninitializedCapacity: count) { column, filled in
            for place in 0..<count {
                let code = codes[start + place]
                column[place] = code == Self.notMet ? .nan : values[Int(code)]
            }
            filled = count
        }
        return column.withUnsafeBufferPointer(body)
    }
}
