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
                ("line", .int(diagnostic.location.line)),
                ("column", .int(diagnostic.location.column)),
                ("severity", .string(diagnostic.severity.rawValue)),
                ("rule", .string(diagnostic.rule)),
                ("message", .string(diagnostic.message)),
                ("hint", .string(diagnostic.hint)),
            ])
        }
        let document: Value = .object([
            ("version", .int(1)),
            ("files", .int(context.files.count)),
            ("errors", .int(errors)),
            ("warnings", .int(diagnostics.count - errors)),
            ("diagnostics", .array(entries)),
        ])
        return document.rendered() + "\n"
    }

    /// A JSON value whose objects keep their keys in the order given, written pretty-printed with
    /// two-space indentation. Shared with the SARIF reporter.
    enum Value {
        case string(String)
        case int(Int)
        case bool(Bool)
        case array([Value])
        case object([(key: String, value: Value)])

        /// The value as pretty-printed JSON text, without a trailing newline.
        func rendered() -> String {
            var output = ""
            write(to: &output, indent: "")
            return output
        }

        private func write(to output: inout String, indent: String) {
            switch self {
            case .string(let text):
                Self.writeString(text, to: &output)
            case .int(let number):
                output += String(number)
            case .bool(let flag):
                output += flag ? "true" : "false"
            case .array(let elements):
                guard !elements.isEmpty else {
                    output += "[]"
                    return
                }
                let inner = indent + "  "
                output += "[\n"
                for (index, element) in elements.enumerated() {
                    output += inner
                    element.write(to: &output, indent: inner)
                    output += index == elements.count - 1 ? "\n" : ",\n"
                }
                output += indent + "]"
            case .object(let members):
                guard !members.isEmpty else {
                    output += "{}"
                    return
                }
                let inner = indent + "  "
                output += "{\n"
                for (index, member) in members.enumerated() {
                    output += inner
                    Self.writeString(member.key, to: &output)
                    output += ": "
                    member.value.write(to: &output, indent: inner)
                    output += index == members.count - 1 ? "\n" : ",\n"
                }
                output += indent + "}"
            }
        }

        /// A JSON string literal: quotes, backslashes and control characters escaped; everything
        /// else, non-ASCII included, written as is (the output is UTF-8).
        private static func writeString(_ text: String, to output: inout String) {
            output += "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case "\u{08}": output += "\\b"
                case "\u{0C}": output += "\\f"
                case "\u{2028}": output += "\\u2028"
                case "\u{2029}": output += "\\u2029"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        let hex = String(scalar.value, radix: 16, uppercase: false)
                        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        output.unicodeScalars.append(scalar)
                    }
                }
            }
            output += "\""
        }
    }
}
