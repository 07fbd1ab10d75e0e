/// The outcomes of the slices of a cohort graded on all cores, merged: an outcome a slice reached
/// for answers another slice already met is the same outcome (the grader scores a block's
/// answers one way), so it is kept once and the slice's learners are renumbered to it.
struct OutcomeMerge {
    /// Per block: the distinct outcomes, in the order slices met them.
    private(set) var outcomes: [[BlockOutcome]]
    /// Per block: the merged outcome number of the answers, keyed as the grader keys them.
    private var packed: [[UInt64: Int32]]
    private var lists: [[[Int32]: Int32]]

    init(blocks: Int) {
        outcomes = Array(repeating: [], count: blocks)
        packed = Array(repeating: [:], count: blocks)
        lists = Array(repeating: [:], count: blocks)
    }

    /// The merge of the first slice alone: its outcomes and memos as they are (its outcome
    /// numbers are the merged ones).
    init(first outcomes: [[BlockOutcome]], packed: [[UInt64: Int32]], lists: [[[Int32]: Int32]]) {
        self.outcomes = outcomes
        self.packed = packed
        self.lists = lists
    }

    /// Adds a slice's outcomes and the answers each was reached for (the slice grader's memos);
    /// returns, per block, the merged number of each of the slice's outcomes.
    mutating func add(
        _ slice: [[BlockOutcome]], packed slicePacked: [[UInt64: Int32]],
        lists sliceLists: [[[Int32]: Int32]]
    ) -> [[Int32]] {
        var renumber: [[Int32]] = []
        for block in slice.indices {
            var keys = [UInt64?](repeating: nil, count: slice[block].count)
            var listKeys = [[Int32]?](repeating: nil, count: slice[block].count)
            for (key, id) in slicePacked[block] { keys[Int(id)] = key }
            for (key, id) in sliceLists[block] { listKeys[Int(id)] = key }
            var numbers: [Int32] = []
            numbers.reserveCapacity(slice[block].count)
            for id in slice[block].indices {
                if let key = keys[id], let known = packed[block][key] {
                    numbers.append(known)
                } else if let key = listKeys[id], let known = lists[block][key] {
                    numbers.append(known)
                } else {
                    outcomes[block].append(slice[block][id])
                    let number = Int32(outcomes[block].count - 1)
                    if let key = keys[id] { packed[block][key] = number }
                    if let key = listKeys[id] { lists[block][key] = number }
                    numbers.append(number)
                }
            }
            renumber.append(numbers)
        }
        return renumber
    }
}
