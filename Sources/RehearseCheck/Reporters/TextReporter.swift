import RehearseBank
import RehearseCore
import RehearseScoring

/// The human format: one line per finding (`file:line:col: severity: message [rule]`) and its
/// hint, then a summary. On a terminal the severity and position are coloured and the source line
/// is shown with a caret under the column. Messages, hints, paths and source lines echo what the
/// files hold, so they pass through `TerminalText` first.
public struct TextReporter: Reporter {
    public static let name = "text"

    public init() {}

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        var output = ""
        var lineCache: [String: [Substring]] = [:]
        let style = TextStyle(color: context.color)
        for diagnostic in diagnostics {
            let location = TerminalText.sanitize(diagnostic.location.description)
            let severity = diagnostic.severity.rawValue
            let colour: TextStyle.Attribute = diagnostic.severity == .error ? .red : .yellow
            output += style.paint(location + ":", .bold) + " "
            output += style.paint(severity + ":", .bold, colour) + " "
            output += "\(TerminalText.sanitize(diagnostic.message)) [\(diagnostic.rule)]\n"
            if context.color,
                let excerpt = excerpt(
                    for: diagnostic.location, context: context, cache: &lineCache, style: style)
            {
                output += excerpt
            }
            if !diagnostic.hint.isEmpty {
                output += "  hint: \(TerminalText.sanitize(diagnostic.hint))\n"
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

    /// The source line of `location`, made safe to show, and a caret under its column (columns
    /// count Unicode scalars; tabs before the column are kept and every other character is
    /// matched by as many spaces as it is wide once shown, so the caret lines up with the line
    /// above it).
    private func excerpt(
        for location: SourceLocation, context: ReportContext,
        cache: inout [String: [Substring]], style: TextStyle
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
        for scalar in line.unicodeScalars.prefix(max(location.column - 1, 0)) {
            let shown = TerminalText.sanitize(String(scalar))
            padding +=
                scalar == "\t"
                ? "\t" : String(repeating: " ", count: TerminalText.displayWidth(shown))
        }
        let shownLine = TerminalText.sanitize(String(line))
        return "    \(shownLine)\n    \(padding)\(style.paint("^", .bold, .green))\n"
    }
}
