/// The positions of `values` in ascending order of their value, ties in position order (as the
/// standard library's stable sort gives them). Scores take few distinct values in a cohort
/// (totals, percents), so they are counted and laid out bucket by bucket in one pass; with more
/// than `distinctLimit` distinct values (or a NaN), a sort.
public func ascendingOrder(of values: [Double], distinctLimit: Int = 1 << 12) -> [Int] {
    // Each value's number among the distinct ones, in order of first sight.
    var numbers: [Double: Int32] = [:]
    var distinct: [Double] = []
    var seen = [Int32](repeating: 0, count: values.count)
    var few = true
    for (position, value) in values.enumerated() {
        if let number = numbers[value] {
            seen[position] = number
            continue
        }
        guard !value.isNaN, distinct.count < distinctLimit else {
            few = false
            break
        }
        numbers[value] = Int32(distinct.count)
        seen[position] = Int32(distinct.count)
        distinct.append(value)
    }
    guard few else { return values.indices.sorted { values[$0] < values[$1] } }
    // Each distinct value's bucket in ascending order, and where the buckets start.
    let byValue = distinct.indices.sorted { distinct[$0] < distinct[$1] }
    var bucketOf = [Int](repeating: 0, count: distinct.count)
    for (bucket, number) in byValue.enumerated() { bucketOf[number] = bucket }
    var starts = [Int](repeating: 0, count: distinct.count + 1)
    for number in seen { starts[bucketOf[Int(number)] + 1] += 1 }
    for bucket in distinct.indices { starts[bucket + 1] += starts[bucket] }
    var order = [Int](repeating: 0, count: values.count)
    for (position, number) in seen.enumerated() {
        let bucket = bucketOf[Int(number)]
        order[starts[bucket]] = position
        starts[bucket] += 1
    }
    return order
}
