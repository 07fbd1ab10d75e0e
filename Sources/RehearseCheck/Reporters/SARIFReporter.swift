import RehearseBank
import RehearseCore
import RehearseScoring

/// SARIF 2.1.0, for code-scanning services: one run describing every rule, the checked files as
/// artifacts and one result per finding. Paths are relative to the checkout (`%SRCROOT%`).
public struct SARIFReporter: Reporter {
    public static let name = "sarif"

    public init() {}

    private typealias Value = JSONReporter.Value

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in context.rules.enumerated() where ruleIndex[rule.id] == nil {
            ruleIndex[rule.id] = index
        }
        var artifactIndex: [String: Int] = [:]
        for (index, file) in context.files.enumerated() where artifactIndex[file] == nil {
            artifactIndex[file] = index
        }

        let rules: [Value] = context.rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("fullDescription", .object([("text", .string(rule.rationale))])),
                ("defaultConfiguration", .object([("level", .string(rule.severity.rawValue))])),
            ])
        }
        let artifacts: [Value] = context.files.map { file in
            .object([("location", Self.artifactLocation(file, index: nil))])
        }
        let results: [Value] = diagnostics.map { diagnostic in
            var members: [(key: String, value: Value)] = [("ruleId", .string(diagnostic.rule))]
            if let index = ruleIndex[diagnostic.rule] {
                members.append(("ruleIndex", .integer(index)))
            }
            let location = diagnostic.location
            let region: Value = .object([
                ("startLine", .integer(location.line)), ("startColumn", .integer(location.column)),
            ])
            let physical: Value = .object([
                (
                    "artifactLocation",
                    Self.artifactLocation(location.file, index: artifactIndex[location.file])
                ),
                ("region", region),
            ])
            members += [
                ("level", .string(diagnostic.severity.rawValue)),
                ("message", .object([("text", .string(diagnostic.message))])),
                ("locations", .array([.object([("physicalLocation", physical)])])),
            ]
            // The fix stays apart from the message, as the text format shows it: SARIF's `fixes`
            // are concrete edits, which a hint is not, so it is a result property.
            if !diagnostic.hint.isEmpty {
                members.append(("properties", .object([("hint", .string(diagnostic.hint))])))
            }
            return .object(members)
        }

        let driver: Value = .object([
            ("name", .string("rehearse")),
            ("version", .string(context.toolVersion)),
            ("rules", .array(rules)),
        ])
        let run: Value = .object([
            ("tool", .object([("driver", driver)])),
            ("columnKind", .string("unicodeCodePoints")),
            ("artifacts", .array(artifacts)),
            ("results", .array(results)),
        ])
        let log: Value = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return log.rendered() + "\n"
    }

    private static func artifactLocation(_ path: String, index: Int?) -> Value {
        var members: [(key: String, value: Value)] = [
            ("uri", .string(uri(forPath: path))), ("uriBaseId", .string("%SRCROOT%")),
        ]
        if let index { members.append(("index", .integer(index))) }
        return .object(members)
    }

    /// A relative URI reference for a repo-relative path: every byte of its UTF-8 form other than
    /// an unreserved character (RFC 3986) or `/` is percent-encoded, so a space becomes `%20`, and
    /// a `:` in the first segment cannot be read as a scheme.
    static func uri(forPath path: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var output = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "%"
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            }
        }
        return output
    }
}
