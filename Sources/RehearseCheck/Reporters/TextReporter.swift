import RehearseBank
import RehearseCore
import RehearseScoring

/// The human format: one line per finding (`file:line:col: severity: message [rule]`) and its
/// hint, then a summary. On a terminal the severity and position are coloured and the source line
/// is shown with a caret under the column.
public struct TextReporter: Reporter {
    public static let name = "text"

    public init() {}

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        var output = ""
        var lineCache: [String: [Substring]] = [:]
        for diagnostic in diagnostics {
            let location = diagnostic.location
            let severity = diagnostic.severity.rawValue
            if context.color {
                let colour = diagnostic.severity == .error ? Self.red : Self.yellow
                output += "\(Self.bold)\(location):\(Self.reset) "
                output += "\(colour)\(severity):\(Self.reset) "
                output += "\(diagnostic.message) [\(diagnostic.rule)]\n"
                if let excerpt = excerpt(for: location, context: context, cache: &lineCache) {
                    output += excerpt
                }
            } else {
                output += "\(location): \(severity): \(diagnostic.message) [\(diagnostic.rule)]\n"
            }
            if !diagnostic.hint.isEmpty {
                output += "  hint: \(diagnostic.hint)\n"
            }
        }
        output += Self.summary(diagnostics, fileCount: context.files.count) + "\n"
        return output
    }

    /// `N errors, M warnings in K files`, or `no problems found in K files`.
    static func summary(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        let files = plural(fileCount, "file")
        if diagnostics.isEmpty { return "no problems found in \(files)" }
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count - errors
        return "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(files)"
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// The source line of `location` and a caret under its column (columns count Unicode scalars;
    /// tabs before the column are kept so the caret lines up with the line above it).
    private func excerpt(
        for location: SourceLocation, context: ReportContext, cache: inout [String: [Substring]]
    ) -> String? {
        let lines: [Substring]
        if let cached = cache[location.file] {
            lines = cached
        } else if let text = context.sources[location.file] {
            // Split on scalars: as a `Character`, "\r\n" is one grapheme and never equals "\n".
            lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
                .map { Substring($0) }
            cache[location.file] = lines
        } else {
            return nil
        }
        guard location.line >= 1, location.line <= lines.count else { return nil }
        var line = lines[location.line - 1]
        if line.unicodeScalars.last == "\r" {
            line = Substring(line.unicodeScalars.dropLast())
        }
        var padding = ""
        var scalars = line.unicodeScalars.makeIterator()
        for _ in 0..<max(location.column - 1, 0) {
            padding += scalars.next() == "\t" ? "\t" : " "
        }
        return "    \(line)\n    \(padding)\(Self.green)^\(Self.reset)\n"
    }

    private static let reset = "\u{1B}[0m"
    private static let bold = "\u{1B}[1m"
    private static let red = "\u{1B}[1;31m"
    private static let yellow = "\u{1B}[1;33m"
    private static let green = "\u{1B}[1;32m"
}
