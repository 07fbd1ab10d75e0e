import RehearseBank
import RehearseCore
import RehearseScoring

/// An example bank for a rule: files by path. In a triggering example, each `↓` marks where a
/// finding of the rule must land (the marker is removed before the files are read).
public struct RuleExample: Sendable, CustomStringConvertible {
    public var files: [(path: String, text: String)]

    public init(_ files: [(path: String, text: String)]) { self.files = files }

    /// A one-file example: a scenario (`scenarios/NAME.yaml`) or a quiz (`quizzes/NAME.yaml`).
    public static func scenario(_ text: String, name: String = "s") -> RuleExample {
        RuleExample([(path: "scenarios/\(name).yaml", text: text)])
    }

    public static func quiz(_ text: String, name: String = "q") -> RuleExample {
        RuleExample([(path: "quizzes/\(name).yaml", text: text)])
    }

    public static let marker: Character = "↓"

    /// The files without markers, and the locations the markers stood at.
    public func resolved() -> (files: [(path: String, text: String)], markers: [SourceLocation]) {
        var markers: [SourceLocation] = []
        let files = files.map { file -> (path: String, text: String) in
            var output = ""
            var line = 1
            var column = 1
            for scalar in file.text.unicodeScalars {
                if Character(scalar) == Self.marker {
                    markers.append(SourceLocation(file: file.path, line: line, column: column))
                    continue
                }
                output.unicodeScalars.append(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            if !output.hasSuffix("\n") { output += "\n" }
            return (file.path, output)
        }
        return (files, markers)
    }

    public var description: String {
        files.map { "\($0.path):\n\($0.text)" }.joined(separator: "\n")
    }
}

/// What a rule is: its id, default severity, summary, why it matters and its examples.
public struct RuleDescription: Sendable {
    public var id: String
    public var severity: Severity
    public var summary: String
    public var rationale: String
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]

    public init(
        id: String, severity: Severity, summary: String, rationale: String,
        triggering: [RuleExample], nonTriggering: [RuleExample]
    ) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A validation rule. Rules found while reading a file (syntax, keys, types) are reported by the
/// loader under their id; the others look at the loaded bank in `check`.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ bank: Bank) -> [Diagnostic]
}

extension Rule {
    public static var id: String { description.id }

    public func check(_ bank: Bank) -> [Diagnostic] { [] }

    /// A finding of this rule with its default severity.
    public static func finding(at location: SourceLocation, _ message: String, hint: String)
        -> Diagnostic
    {
        Diagnostic(
            rule: description.id, severity: description.severity, location: location,
            message: message, hint: hint)
    }
}
