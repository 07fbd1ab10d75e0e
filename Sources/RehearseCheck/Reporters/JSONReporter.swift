import RehearseBank
import RehearseCore
import RehearseScoring

/// The machine format: a versioned JSON object with counts and one entry per finding, its keys in
/// a fixed order, pretty-printed.
public struct JSONReporter: Reporter {
    public static let name = "json"

    public init() {}

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        let errors = diagnostics.count { $0.severity == .error }
        let entries: [Value] = diagnostics.map { diagnostic in
            .object([
                ("file", .string(diagnostic.location.file)),
                ("line", .integer(diagnostic.location.line)),
                ("column", .integer(diagnostic.location.column)),
                ("severity", .string(diagnostic.severity.rawValue)),
                ("rule", .string(diagnostic.rule)),
                ("message", .string(diagnostic.message)),
                ("hint", .string(diagnostic.hint)),
            ])
        }
        let document: Value = .object([
            ("version", .integer(1)),
            ("files", .integer(context.files.count)),
            ("errors", .integer(errors)),
            ("warnings", .integer(diagnostics.count - errors)),
            ("diagnostics", .array(entries)),
        ])
        return document.rendered() + "\n"
    }

    /// Findings are written as ordered JSON values (shared with the SARIF reporter).
    typealias Value = JSONValue
}
