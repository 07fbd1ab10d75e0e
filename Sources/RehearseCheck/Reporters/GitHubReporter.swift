import RehearseBank
import RehearseCore
import RehearseScoring

/// GitHub Actions workflow commands, one per finding, so findings show as annotations on the pull
/// request: `::error file=F,line=L,col=C,title=RULE::MESSAGE (hint: HINT)`. The log is shown on
/// a terminal-like viewer, so the message and the path pass through `TerminalText` first (CR
/// stays: the commands encode it).
public struct GitHubReporter: Reporter {
    public static let name = "github"

    public init() {}

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        var output = ""
        for diagnostic in diagnostics {
            let location = diagnostic.location
            let properties = [
                ("file", TerminalText.sanitize(location.file)), ("line", String(location.line)),
                ("col", String(location.column)), ("title", diagnostic.rule),
            ]
            .map { "\($0.0)=\(Self.escapeProperty($0.1))" }
            .joined(separator: ",")
            var message = diagnostic.message
            if !diagnostic.hint.isEmpty { message += " (hint: \(diagnostic.hint))" }
            message = TerminalText.sanitize(message, keeping: ["\r"])
            output +=
                "::\(diagnostic.severity.rawValue) \(properties)::\(Self.escapeData(message))\n"
        }
        return output
    }

    /// Escapes a command's message as the Actions toolkit does: `%`, CR and LF. Works on scalars,
    /// since "\r\n" is a single `Character`.
    static func escapeData(_ text: String) -> String {
        escape(text, alsoPropertyDelimiters: false)
    }

    /// Escapes a property value: as a message, and also `:` and `,`, which end a value.
    static func escapeProperty(_ text: String) -> String {
        escape(text, alsoPropertyDelimiters: true)
    }

    private static func escape(_ text: String, alsoPropertyDelimiters: Bool) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            case ":" where alsoPropertyDelimiters: output += "%3A"
            case "," where alsoPropertyDelimiters: output += "%2C"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
