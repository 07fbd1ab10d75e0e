import RehearseBank
import RehearseCore
import RehearseScoring

/// What a reporter knows besides the findings.
public struct ReportContext: Sendable {
    /// The files that were checked, as displayed (repo-relative where possible), sorted.
    public var files: [String]
    /// The text of each checked file by display path, for source lines under findings.
    public var sources: [String: String]
    /// Colour and the source-line-with-caret excerpt: on a terminal only.
    public var color: Bool
    /// The rules of the registry, for formats that describe rules (SARIF).
    public var rules: [RuleDescription]
    /// The tool's version, for formats that name the tool.
    public var toolVersion: String

    public init(
        files: [String], sources: [String: String] = [:], color: Bool = false,
        rules: [RuleDescription] = RuleRegistry.descriptions, toolVersion: String = Version.current
    ) {
        self.files = files
        self.sources = sources
        self.color = color
        self.rules = rules
        self.toolVersion = toolVersion
    }
}

/// Turns findings into one output format. Each format is one small type in its own file.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var name: String { get }
    init()
    /// The whole output for these findings (already sorted by file, line, column).
    func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String
}

/// The formats `rehearse check --format` offers.
public enum ReporterRegistry {
    public static let all: [any Reporter.Type] = [
        TextReporter.self, JSONReporter.self, GitHubReporter.self, SARIFReporter.self,
        JUnitReporter.self,
    ]

    public static func reporter(named name: String) -> (any Reporter)? {
        all.first { $0.name == name }.map { $0.init() }
    }

    public static var names: [String] { all.map { $0.name } }
}
