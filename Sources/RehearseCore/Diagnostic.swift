/// How serious a finding is. Errors fail `rehearse check`; warnings fail it with `--strict`.
public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case warning, error

    private var rank: Int { self == .error ? 1 : 0 }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding: which rule, how serious, where, what is wrong and how to fix it.
public struct Diagnostic: Sendable, Hashable, Codable {
    public var rule: String
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var hint: String

    public init(
        rule: String, severity: Severity, location: SourceLocation, message: String, hint: String
    ) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// Orders findings by file, line, column, then rule.
    public static func ordered(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        return lhs.rule < rhs.rule
    }
}
