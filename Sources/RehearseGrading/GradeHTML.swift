import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// A self-contained HTML report: one file, inline CSS and SVG, no script and no request to any
/// other place. Charts: the score distribution with the pass mark, the cohort's competency
/// profile, and item analysis (facility against discrimination, flagged items marked). Every
/// piece of learner or author text is HTML-escaped.
public enum GradeHTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` as character references, byte by byte (a `<` that
    /// starts a grapheme with a combining mark is escaped too); text without any comes back as
    /// it is.
    public static func escape(_ text: String) -> String {
        func special(_ byte: UInt8) -> Bool {
            byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
        }
        var copy = text
        guard copy.withUTF8({ $0.contains(where: special) }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += "&amp;".utf8
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x22: out += "&quot;".utf8
            case 0x27: out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;\
        max-width:1100px;padding:0 1rem;color:#1f2933;background:#fff}
        h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;\
        border-bottom:1px solid #d9e2ec;padding-bottom:.3rem}
        .summary{color:#52606d;margin-top:0}
        .cards{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
        .card{border:1px solid #d9e2ec;border-radius:8px;padding:.6rem 1rem;min-width:8rem}
        .card b{display:block;font-size:1.4rem}
        .charts{display:flex;gap:1.5rem;flex-wrap:wrap}
        figure{margin:0}figcaption{font-size:.85rem;color:#52606d;max-width:520px}
        table{border-collapse:collapse;width:100%;font-size:.9rem;margin-top:.5rem}
        th,td{padding:.3rem .5rem;border-bottom:1px solid #e4e7eb;text-align:left}
        th{background:#f5f7fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
        .pass{color:#1f7a4d;font-weight:600}.fail{color:#b42318;font-weight:600}
        .flag{background:#fff4e5}.flagtext{color:#b54708;font-weight:600}
        code{font-size:.85rem}small{color:#52606d}
        .right{color:#1f7a4d;font-weight:700}td.low{color:#b42318}
        table.help{border:2px solid #f4b4b0}table.help th{background:#fdecea}\
        table.help td{vertical-align:top}table.help td:nth-child(3){min-width:13rem}table.help code{font-size:.75rem;color:#52606d}
        table.items td:first-child{min-width:20rem}table.items{font-size:.85rem}
        """

    public static func render(_ report: GradeReport) -> String {
        TextPieces.whole { render(report, into: &$0) }
    }

    /// The report, handed to `write` in pieces (see `TextPieces`).
    public static func render(_ report: GradeReport, write: ([UInt8]) -> Void) {
        TextPieces.write(write) { render(report, into: &$0) }
    }

    static func render(_ report: GradeReport, into out: inout TextPieces) {
        let graded = report.graded
        let learners = graded.learners
        let passed = learners.filter(\.passed).count
        let title = escape(report.index.quiz.title)
        out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(title): grades</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
        out += "<h1>\(title)</h1>\n"
        out +=
            "<p class=\"summary\">Quiz <code>\(escape(report.quizID))</code> · pass mark "
            + "\(GradeRendering.percent(graded.passPercent)) · \(learners.count) learner"
            + "\(learners.count == 1 ? "" : "s"), \(passed) passed</p>\n"
        needsHelp(report, into: &out)
        let test = report.test
        out += "<div class=\"cards\">"
        out += card("Learners", "\(learners.count)")
        out += card("Passed", "\(passed)")
        out += card(
            "Mean",
            GradeRendering.percent(
                learners.isEmpty
                    ? nil : learners.reduce(0) { $0 + $1.percent } / Double(learners.count)))
        out += card("Alpha", GradeRendering.fraction(test.alpha))
        out += card("Flagged items", "\(report.items.filter { !$0.flags.isEmpty }.count)")
        out += card("Rejected rows", "\(report.rejected.count)")
        out += "</div>\n<div class=\"charts\">\n"
        out += GradeCharts.distributionChart(learners.map(\.percent), pass: graded.passPercent)
        out += GradeCharts.profileChart(
            report.competencyProfile.map { entry in
                let title =
                    report.index.competencies.firstIndex(of: entry.id).map {
                        report.index.competencyTitles[$0]
                    } ?? entry.id
                return (title, entry.percent, entry.learners)
            })
        out += "</div>\n"
        out += "<h2>Learners</h2>\n"
        learnerTable(report, into: &out)
        out += "<h2>Item analysis</h2>\n"
        out += GradeCharts.itemChart(report.items)
        out += itemTable(report)
        out += "<h2>Test statistics</h2>\n<table><tr>"
        let headers = ["Learners", "Mean", "Median", "SD", "Skewness", "Kurtosis", "Alpha", "SEM"]
        out += headers.map { "<th>\($0)</th>" }.joined() + "</tr><tr>"
        let values = [
            "\(test.learners)", GradeRendering.decimal(test.mean),
            GradeRendering.decimal(test.median),
            GradeRendering.decimal(test.sd), GradeRendering.decimal(test.skewness),
            GradeRendering.decimal(test.kurtosis), GradeRendering.fraction(test.alpha),
            GradeRendering.decimal(test.sem),
        ]
        out += values.map { "<td class=\"n\">\($0)</td>" }.joined() + "</tr></table>\n"
        if !report.rejected.isEmpty {
            out += "<h2>Rejected rows</h2>\n<table><tr><th>File</th><th>Line</th><th>Column</th>"
            out += "<th>Reason</th></tr>\n"
            for row in report.rejected {
                out +=
                    "<tr><td>\(escape(row.file))</td><td class=\"n\">\(row.line)</td>"
                    + "<td class=\"n\">\(row.column)</td><td>\(prose(row.reason))</td></tr>\n"
            }
            out += "</table>\n"
        }
        if !report.notes.isEmpty {
            out += "<h2>Notes</h2>\n<ul>\n"
            for note in report.notes { out += "<li>\(prose(note))</li>\n" }
            out += "</ul>\n"
        }
        out += "</body>\n</html>\n"
    }

    static func card(_ label: String, _ value: String) -> String {
        "<div class=\"card\">\(escape(label))<b>\(escape(value))</b></div>"
    }

    /// Escaped text with its `code spans` shown as code, not as backticks.
    static func prose(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.count % 2 == 1 else { return escape(text) }
        return parts.enumerated().map { offset, part in
            offset % 2 == 1 ? "<code>\(escape(String(part)))</code>" : escape(String(part))
        }.joined()
    }

    /// Who needs help, first of all: lowest percent first, with their weakest competencies and
    /// the questions they missed.
    static func needsHelp(_ report: GradeReport, into out: inout TextPieces) {
        out += "<h2>Needs help</h2>\n"
        guard !report.needsHelp.isEmpty else {
            out += "<p>Nobody: everyone passed, with every competency at the pass mark.</p>\n"
            return
        }
        out +=
            "<p class=\"summary\">Failed, or a competency below the pass mark; lowest first.</p>\n"
        out += "<table class=\"help\"><tr><th>Learner</th><th>Percent</th><th>Weakest</th>"
        out += "<th>Missed questions</th></tr>\n"
        // Each question's cell text, made once (a learner misses tens of questions).
        let codes = report.index.questions.indices.map { question in
            "<code title=\"\(escape(report.index.questions[question].prompt))\">"
                + escape(report.index.refs[question]) + "</code>"
        }
        for entry in report.needsHelp {
            let learner = report.graded.learners[entry.learner]
            out += "<tr><td>" + learnerCell(learner, report) + "</td>"
            out +=
                "<td class=\"n \(learner.passed ? "pass" : "fail")\">"
                + "\(GradeRendering.percent(entry.percent))</td><td>"
            out += entry.weakest.map {
                escape(GradeRendering.competency($0, learner, in: report))
            }.joined(separator: "<br>")
            out += "</td><td>"
            let missed = report.missed(entry)
            out += "<b>\(missed.count)</b>: "
            out += missed.map { codes[$0] }.joined(separator: ", ")
            out += "</td></tr>\n"
        }
        out += "</table>\n"
    }

    /// A learner's display name over their id, or the id alone.
    static func learnerCell(_ learner: LearnerGrade, _ report: GradeReport) -> String {
        guard let name = report.name(of: learner) else { return escape(learner.learner) }
        return "<b>\(escape(name))</b><br><small>\(escape(learner.learner))</small>"
    }

    static func itemTable(_ report: GradeReport) -> String {
        var out =
            "<table class=\"items\"><tr><th>Question</th><th>N</th><th>Facility</th><th>SD</th>"
        out += "<th>Discrimination</th><th>Efficiency</th><th>Unanswered</th><th>Answers</th>"
        out += "<th>Flags</th></tr>\n"
        for (item, detail) in zip(report.items, report.details) {
            let flagged = !item.flags.isEmpty
            out += flagged ? "<tr class=\"flag\">" : "<tr>"
            out +=
                "<td>\(escape(detail.prompt))<br><small><code>\(escape(item.ref))</code></small>"
                + "</td><td class=\"n\">\(item.attempts)</td>"
            for value in [item.facility, item.sd, item.discrimination, item.efficiency] {
                out += "<td class=\"n\">\(GradeRendering.fraction(value))</td>"
            }
            out += "<td class=\"n\">\(item.unanswered)</td><td>"
            out += answersCell(item, detail)
            out += "</td><td class=\"flagtext\">\(escape(item.flags.joined(separator: ", ")))</td>"
            out += "</tr>\n"
        }
        return out + "</table>\n"
    }

    /// The options chosen with the right ones marked, or the key and common wrong answers.
    static func answersCell(_ item: ItemStatistics, _ detail: ItemDetail) -> String {
        if !item.options.isEmpty {
            return item.options.map { option in
                detail.rightOptions.contains(option.id)
                    ? "<span class=\"right\">\(escape(option.id)) ✓ \(option.count)</span>"
                    : "\(escape(option.id)) \(option.count)"
            }.joined(separator: " · ")
        }
        var out = detail.key.isEmpty ? "" : "key <code>\(escape(detail.key))</code>"
        if !detail.wrongAnswers.isEmpty {
            out += out.isEmpty ? "" : "<br>"
            out +=
                "wrong: "
                + detail.wrongAnswers.map { "“\(escape($0.answer))” ×\($0.count)" }
                .joined(separator: ", ")
        }
        return out
    }

    static func learnerTable(_ report: GradeReport, into out: inout TextPieces) {
        let profile = report.competencyProfile
        let competencyIndex = profile.map { report.index.competencies.firstIndex(of: $0.id) ?? 0 }
        out += "<table><tr><th>Learner</th><th>Score</th><th>Percent</th><th>Result</th>"
        out += "<th>Unanswered</th><th>Ignored</th>"
        out +=
            competencyIndex.map { "<th>\(escape(report.index.competencyTitles[$0]))</th>" }
            .joined() + "</tr>\n"
        for learner in report.graded.learners {
            out += "<tr><td>\(learnerCell(learner, report))</td>"
            out +=
                "<td class=\"n\">\(GradeRendering.decimal(learner.earned)) / "
                + "\(GradeRendering.decimal(learner.max))</td>"
            out += "<td class=\"n\">\(GradeRendering.percent(learner.percent))</td>"
            out +=
                learner.passed
                ? "<td class=\"pass\">pass</td>" : "<td class=\"fail\">fail</td>"
            out += "<td class=\"n\">\(learner.unanswered)</td>"
            out += "<td class=\"n\">\(learner.ignored.count)</td>"
            for index in competencyIndex {
                let percent = learner.competencies[index].percent
                let low = (percent ?? 100) < report.graded.passPercent
                out +=
                    "<td class=\"n\(low ? " low" : "")\">\(GradeRendering.percent(percent))</td>"
            }
            out += "</tr>\n"
        }
        out += "</table>\n"
    }
}
