import RehearseCore

/// The JSON of the item and test statistics.
extension ItemStatistics {
    /// The item's statistics; with `detail`, also its `prompt`, `key` and `wrongAnswers`.
    func writeJSON(into out: inout JSONWriter, detail: ItemDetail? = nil) {
        out.raw("{\"ref\": ")
        out.string(ref)
        out.raw(", \"max\": ")
        out.number(max)
        out.raw(", \"attempts\": ")
        out.int(attempts)
        out.raw(", \"facility\": ")
        out.number(facility)
        out.raw(", \"sd\": ")
        out.number(sd)
        out.raw(", \"discrimination\": ")
        out.number(discrimination)
        out.raw(", \"efficiency\": ")
        out.number(efficiency)
        out.raw(", \"effectiveWeight\": ")
        out.number(effectiveWeight)
        out.raw(", \"unanswered\": ")
        out.int(unanswered)
        out.raw(", \"options\": {")
        for (offset, option) in options.enumerated() {
            if offset > 0 { out.raw(", ") }
            out.string(option.id)
            out.raw(": ")
            out.int(option.count)
        }
        out.raw("}, \"flags\": [")
        for (offset, flag) in flags.enumerated() {
            if offset > 0 { out.raw(", ") }
            out.string(flag)
        }
        out.raw("]")
        if let detail {
            out.raw(", \"prompt\": ")
            out.string(detail.prompt)
            out.raw(", \"key\": ")
            out.string(detail.key)
            out.raw(", \"wrongAnswers\": [")
            for (offset, wrong) in detail.wrongAnswers.enumerated() {
                if offset > 0 { out.raw(", ") }
                out.raw("{\"answer\": ")
                out.string(wrong.answer)
                out.raw(", \"count\": ")
                out.int(wrong.count)
                out.raw("}")
            }
            out.raw("]")
        }
        out.raw("}")
    }
}

extension TestStatistics {
    func writeJSON(into out: inout JSONWriter) {
        out.raw("{\"learners\": ")
        out.int(learners)
        out.raw(", \"mean\": ")
        out.number(mean)
        out.raw(", \"median\": ")
        out.number(median)
        out.raw(", \"sd\": ")
        out.number(sd)
        out.raw(", \"skewness\": ")
        out.number(skewness)
        out.raw(", \"kurtosis\": ")
        out.number(kurtosis)
        out.raw(", \"alpha\": ")
        out.number(alpha)
        out.raw(", \"errorRatio\": ")
        out.number(errorRatio)
        out.raw(", \"sem\": ")
        out.number(sem)
        out.raw("}")
    }
}
