import ArgumentParser
import RehearseBank
import RehearseCheck
import RehearseGrading
import RehearseInterop
import RehearseProgress

// The option values with a fixed set, checked once by the argument parser.

/// `--mode practice|exam`, in any case.
extension QuizMode: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}

/// `grade --format`.
extension ReportFormat: ExpressibleByArgument {}

/// `grade --table learners|items|marks`: which table `--format csv` writes.
enum GradeTable: String, CaseIterable, ExpressibleByArgument {
    case learners, items, marks
}

/// `--delimiter , ; tab` of a CSV sheet (also `comma`, `semicolon`, a tab or `\t`). The help
/// of the option lists the values.
enum SheetDelimiter: ExpressibleByArgument {
    case comma, semicolon, tab

    init?(argument: String) {
        switch argument {
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "\t", "tab", "\\t": self = .tab
        default: return nil
        }
    }

    /// The byte that separates cells.
    var byte: UInt8 {
        switch self {
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: 9
        }
    }
}

/// `check --format`: a reporter's name, or `markdown` for `--list-rules`.
enum CheckFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, github, sarif, junit, markdown

    /// The reporter of this format; nil for `markdown`, which only lists rules.
    var reporter: (any Reporter)? { ReporterRegistry.reporter(named: rawValue) }
}

/// `stats --format`.
enum StatsFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json, markdown

    /// The grade report format that renders it.
    var reportFormat: ReportFormat {
        switch self {
        case .table: .table
        case .csv: .csv
        case .json: .json
        case .markdown: .markdown
        }
    }
}

/// `schema --for`.
extension FormatSchema.Target: ExpressibleByArgument {}

/// `progress --format`: the dashboard's formats, and `xapi` statements.
enum ProgressFormat: String, CaseIterable, ExpressibleByArgument {
    case table, json, csv, xapi

    /// The dashboard renderer's format (`table` for `xapi`, which is not a dashboard).
    var renderer: ProgressRenderer.Format { ProgressRenderer.Format(rawValue: rawValue) ?? .table }
}

/// `grade --format`: the report's formats, and `xapi` statements.
enum GradeFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json, markdown, html, xapi

    /// The grade report's format (`table` for `xapi`, which is not a report).
    var report: ReportFormat { ReportFormat(rawValue: rawValue) ?? .table }
}

/// `--actor account|mbox`.
extension XAPISettings.ActorForm: ExpressibleByArgument {}
