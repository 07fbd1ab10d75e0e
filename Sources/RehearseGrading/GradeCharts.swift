import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// The inline SVG charts of the HTML report: the score distribution with the pass mark, the
/// cohort's competency profile, and item analysis (facility against discrimination). Every piece
/// of learner or author text is HTML-escaped.
enum GradeCharts {
    static func number(_ value: Double) -> String { GradeRendering.decimal(value, digits: 1) }

    /// Histogram of percent in ten bands, with the pass mark as a dashed line.
    static func distributionChart(_ percents: [Double], pass: Double) -> String {
        var bins = [Int](repeating: 0, count: 10)
        for percent in percents { bins[Swift.min(9, Swift.max(0, Int(percent / 10)))] += 1 }
        let width = 520.0
        let height = 260.0
        let left = 40.0
        let bottom = 220.0
        let top = 20.0
        let plot = width - left - 20
        let tallest = Double(Swift.max(1, bins.max() ?? 1))
        var svg =
            "<figure><svg width=\"\(Int(width))\" "
            + "height=\"\(Int(height))\" role=\"img\" aria-label=\"Score distribution\">"
        svg += "<text x=\"\(number(left))\" y=\"14\" font-size=\"13\" font-weight=\"600\">"
        svg += "Score distribution (learners per 10% band)</text>"
        svg += line(left, bottom, left + plot, bottom, "#9aa5b1")
        svg += line(left, top, left, bottom, "#9aa5b1")
        let band = plot / 10
        for (index, count) in bins.enumerated() {
            let barHeight = Double(count) / tallest * (bottom - top - 10)
            let x = left + Double(index) * band + 3
            let passing = Double(index * 10) >= pass
            svg +=
                "<rect x=\"\(number(x))\" y=\"\(number(bottom - barHeight))\" "
                + "width=\"\(number(band - 6))\" height=\"\(number(barHeight))\" "
                + "fill=\"\(passing ? "#3e9c6f" : "#7b93b0")\"><title>\(index * 10)-"
                + "\(index * 10 + 10)%: \(count)</title></rect>"
            if count > 0 {
                svg +=
                    "<text x=\"\(number(x + (band - 6) / 2))\" y=\"\(number(bottom - barHeight - 3))\" "
                    + "font-size=\"11\" text-anchor=\"middle\">\(count)</text>"
            }
            svg +=
                "<text x=\"\(number(left + Double(index) * band))\" y=\"\(number(bottom + 14))\" "
                + "font-size=\"10\" text-anchor=\"middle\">\(index * 10)</text>"
        }
        svg +=
            "<text x=\"\(number(left + plot))\" y=\"\(number(bottom + 14))\" font-size=\"10\" "
            + "text-anchor=\"middle\">100</text>"
        let passX = left + plot * Swift.min(100, Swift.max(0, pass)) / 100
        svg +=
            "<line x1=\"\(number(passX))\" y1=\"\(number(top))\" x2=\"\(number(passX))\" "
            + "y2=\"\(number(bottom))\" stroke=\"#b42318\" stroke-width=\"2\" "
            + "stroke-dasharray=\"6 4\"/>"
        svg +=
            "<text x=\"\(number(passX + 4))\" y=\"\(number(top + 12))\" font-size=\"11\" "
            + "fill=\"#b42318\">pass \(GradeRendering.percent(pass))</text>"
        svg +=
            "<text x=\"\(number(left + plot / 2))\" y=\"\(number(bottom + 32))\" font-size=\"11\" "
            + "text-anchor=\"middle\">percent</text>"
        svg += "</svg><figcaption>Each bar counts the learners whose percent falls in the band; "
        svg += "the dashed line is the pass mark.</figcaption></figure>\n"
        return svg
    }

    /// The cohort's mean percent per competency, as horizontal bars.
    static func profileChart(_ profile: [(id: String, percent: Double, learners: Int)]) -> String {
        // `id` is shown as it is: the caller passes competency titles.
        let rowHeight = 34.0
        let left = 150.0
        let plot = 300.0
        let height = 40 + Double(Swift.max(1, profile.count)) * rowHeight + 24
        var svg =
            "<figure><svg width=\"500\" "
            + "height=\"\(Int(height))\" role=\"img\" aria-label=\"Competency profile\">"
        svg += "<text x=\"10\" y=\"14\" font-size=\"13\" font-weight=\"600\">"
        svg += "Competency profile (cohort mean percent)</text>"
        for (index, entry) in profile.enumerated() {
            let y = 30 + Double(index) * rowHeight
            let barWidth = plot * Swift.min(100, Swift.max(0, entry.percent)) / 100
            svg +=
                "<text x=\"\(number(left - 8))\" y=\"\(number(y + 17))\" font-size=\"12\" "
                + "text-anchor=\"end\">\(GradeHTML.escape(entry.id))</text>"
            svg +=
                "<rect x=\"\(number(left))\" y=\"\(number(y + 4))\" width=\"\(number(plot))\" "
                + "height=\"20\" fill=\"#eef2f6\"/>"
            svg +=
                "<rect x=\"\(number(left))\" y=\"\(number(y + 4))\" width=\"\(number(barWidth))\" "
                + "height=\"20\" fill=\"#4c78a8\"><title>\(GradeHTML.escape(entry.id)): "
                + "\(GradeRendering.percent(entry.percent))</title></rect>"
            svg +=
                "<text x=\"\(number(left + barWidth + 6))\" y=\"\(number(y + 19))\" "
                + "font-size=\"12\">\(GradeRendering.percent(entry.percent))</text>"
        }
        let axis = 30 + Double(profile.count) * rowHeight + 6
        for tick in stride(from: 0, through: 100, by: 25) {
            let x = left + plot * Double(tick) / 100
            svg +=
                "<text x=\"\(number(x))\" y=\"\(number(axis + 10))\" font-size=\"10\" "
                + "text-anchor=\"middle\">\(tick)%</text>"
        }
        svg += "</svg><figcaption>Mean over the learners who met each competency.</figcaption>"
        svg += "</figure>\n"
        return svg
    }

    /// Facility (x) against discrimination (y); the bands that flag an item are shaded.
    static func itemChart(_ items: [ItemStatistics]) -> String {
        let width = 1040.0
        let height = 330.0
        let left = 50.0
        let top = 20.0
        let plotWidth = 560.0
        let plotHeight = 260.0
        func x(_ facility: Double) -> Double {
            left + plotWidth * Swift.min(1, Swift.max(0, facility))
        }
        func y(_ discrimination: Double) -> Double {
            top + plotHeight * (1 - (Swift.min(1, Swift.max(-1, discrimination)) + 1) / 2)
        }
        var svg =
            "<figure><svg width=\"\(Int(width))\" "
            + "height=\"\(Int(height))\" role=\"img\" aria-label=\"Item analysis\">"
        let low = ItemAnalysis.facilityRange.lowerBound
        let high = ItemAnalysis.facilityRange.upperBound
        let minimum = ItemAnalysis.minimumDiscrimination
        // Flag regions.
        svg += rect(x(0), top, x(low) - x(0), plotHeight, "#fde8e8")
        svg += rect(x(high), top, x(1) - x(high), plotHeight, "#fde8e8")
        svg += rect(x(low), y(minimum), x(high) - x(low), y(-1) - y(minimum), "#fff4e5")
        svg += line(left, y(0), left + plotWidth, y(0), "#9aa5b1")
        svg += line(left, top, left, top + plotHeight, "#9aa5b1")
        svg += line(left, top + plotHeight, left + plotWidth, top + plotHeight, "#9aa5b1")
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg +=
                "<text x=\"\(number(x(tick)))\" y=\"\(number(top + plotHeight + 14))\" "
                + "font-size=\"10\" text-anchor=\"middle\">\(GradeRendering.fraction(tick))</text>"
        }
        for tick in [-1.0, -0.5, 0, 0.5, 1] {
            svg +=
                "<text x=\"\(number(left - 6))\" y=\"\(number(y(tick) + 3))\" font-size=\"10\" "
                + "text-anchor=\"end\">\(GradeRendering.decimal(tick))</text>"
        }
        svg +=
            "<text x=\"\(number(left + plotWidth / 2))\" y=\"\(number(top + plotHeight + 32))\" "
            + "font-size=\"11\" text-anchor=\"middle\">facility (share of the marks earned)</text>"
        svg +=
            "<text x=\"12\" y=\"\(number(top + plotHeight / 2))\" font-size=\"11\" "
            + "text-anchor=\"middle\" transform=\"rotate(-90 12 \(number(top + plotHeight / 2)))\">"
            + "discrimination</text>"
        // Flagged items are numbered on the chart and named in a legend beside it.
        var flaggedCount = 0
        var unplotted: [String] = []
        for item in items {
            // An undefined statistic is not a 0: such an item is named, not plotted.
            guard let facility = item.facility, let discrimination = item.discrimination else {
                unplotted.append(item.ref)
                continue
            }
            let flagged = !item.flags.isEmpty
            if flagged { flaggedCount += 1 }
            svg +=
                "<circle cx=\"\(number(x(facility)))\" cy=\"\(number(y(discrimination)))\" "
                + "r=\"\(flagged ? 7 : 4)\" fill=\"\(flagged ? "#d9480f" : "#4c78a8")\" "
                + "fill-opacity=\"0.85\"><title>\(GradeHTML.escape(item.ref)): facility "
                + "\(GradeRendering.fraction(item.facility)), discrimination "
                + "\(GradeRendering.fraction(item.discrimination))"
                + "\(flagged ? " (" + GradeHTML.escape(item.flags.joined(separator: ", ")) + ")" : "")"
                + "</title></circle>"
            if flagged {
                svg +=
                    "<text x=\"\(number(x(facility)))\" y=\"\(number(y(discrimination) + 3.5))\" "
                    + "font-size=\"9\" fill=\"#fff\" text-anchor=\"middle\" "
                    + "font-weight=\"700\">\(flaggedCount)</text>"
                let row = Double(flaggedCount - 1)
                svg +=
                    "<text x=\"\(number(left + plotWidth + 24))\" y=\"\(number(top + 10 + row * 16))\" "
                    + "font-size=\"11\"><tspan font-weight=\"700\" fill=\"#d9480f\">"
                    + "\(flaggedCount)</tspan> \(GradeHTML.escape(item.ref)) "
                    + "<tspan fill=\"#7a2e0e\">(\(GradeHTML.escape(item.flags.joined(separator: ", "))))</tspan>"
                    + "</text>"
            }
        }
        svg += "</svg><figcaption>Each dot is an item. Shaded: facility outside "
        svg +=
            "\(low)-\(high) (red) or discrimination below \(minimum) (orange); flagged items are "
        svg += "numbered and named on the right."
        if !unplotted.isEmpty {
            svg +=
                " Not plotted (discrimination n/a: everyone scored alike, or too few learners): "
                + unplotted.map { "<code>\(GradeHTML.escape($0))</code>" }.joined(separator: ", ")
                + "."
        }
        svg += "</figcaption></figure>\n"
        return svg
    }

    static func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, _ fill: String)
        -> String
    {
        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(Swift.max(0, width)))\" "
            + "height=\"\(number(Swift.max(0, height)))\" fill=\"\(fill)\"/>"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ color: String)
        -> String
    {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" "
            + "stroke=\"\(color)\" stroke-width=\"1\"/>"
    }
}
