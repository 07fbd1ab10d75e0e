import RehearseBank
import RehearseCore
import RehearseScoring

extension SheetReader {
    /// The responses to keep, one per learner, in the order learners first appear: a learner who
    /// submitted more than once keeps the one `--attempt` chooses (the latest by timestamp, the
    /// earliest, or the best scored; by row when a timestamp cannot be read). One note says how
    /// many learners answered more than once.
    /// Returns the numbers of the responses kept.
    func choose(_ responses: WideResponses, collector: QuizCollector, file: String) -> [Int] {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (offset, learner) in responses.learners.enumerated() {
            let key = QuizCollector.key(learner)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(offset)
        }
        let repeated = order.filter { (groups[$0]?.count ?? 0) > 1 }
        guard !repeated.isEmpty else { return Array(0..<responses.count) }
        let stamps = FormTimestamp.keys(responses.stamps)
        let byTime = stamps.allSatisfy { $0 != nil }
        // Row order, then time when every row has one (a stable sort keeps rows for ties).
        func chronological(_ rows: [Int]) -> [Int] {
            guard byTime else { return rows }
            return rows.sorted { lhs, rhs in
                guard let left = stamps[lhs], let right = stamps[rhs] else { return lhs < rhs }
                return left == right ? lhs < rhs : left.lexicographicallyPrecedes(right)
            }
        }
        var scores: [Double] = []
        if options.attempt == .best {
            scores = score(responses, collector: collector)
        }
        var kept: [Int] = []
        var extra = 0
        for key in order {
            guard let rows = groups[key] else { continue }
            extra += rows.count - 1
            let sorted = chronological(rows)
            let pick: Int?
            switch options.attempt {
            case .last: pick = sorted.last
            case .first: pick = sorted.first
            case .best:
                pick = sorted.reversed().max { scores[$0] < scores[$1] }
            }
            if let pick { kept.append(pick) }
        }
        let how: String
        switch options.attempt {
        case .last: how = byTime ? "the latest by timestamp" : "the last row"
        case .first: how = byTime ? "the earliest by timestamp" : "the first row"
        case .best: how = "the best scored"
        }
        notes.append(
            "\(file): \(repeated.count) learner\(repeated.count == 1 ? "" : "s") answered more "
                + "than once (\(extra) more response\(extra == 1 ? "" : "s")); graded "
                + "\(how) of each (--attempt \(options.attempt.rawValue))")
        return kept
    }

    /// Each response's score, graded by the one grader as if each were a learner of its own.
    private func score(_ responses: WideResponses, collector: QuizCollector) -> [Double] {
        let sheets = responses.lines.enumerated().map { offset, line in
            LearnerSheet(learner: "\(offset)", file: "", line: line)
        }
        let cohort = Cohort(
            index: collector.index, answers: collector.book, learners: sheets,
            table: responses.codes)
        return Grader.grade(bank: bank, cohort: cohort).learners.map(\.earned)
    }
}
