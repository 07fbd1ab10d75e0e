import RehearseBank
import RehearseCore
import RehearseScoring

/// JUnit XML, for CI test dashboards: one test suite per checked file, one failing test case per
/// finding (warnings too, the severity named in the message) and one passing case for a clean file.
public struct JUnitReporter: Reporter {
    public static let name = "junit"

    public init() {}

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        // Group by file, in the order of the checked files; a finding in a file that is not among
        // them (should not happen) still gets a suite, after the others.
        var seen: Set<String> = []
        var files = context.files.filter { seen.insert($0).inserted }
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            let file = diagnostic.location.file
            if seen.insert(file).inserted { files.append(file) }
            byFile[file, default: []].append(diagnostic)
        }

        let total = files.reduce(0) { $0 + max(byFile[$1]?.count ?? 0, 1) }
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output +=
            "<testsuites name=\"rehearse check\" tests=\"\(total)\" failures=\"\(diagnostics.count)\">\n"
        for file in files {
            let findings = byFile[file] ?? []
            let name = Self.escape(file)
            output += "  <testsuite name=\"\(name)\" tests=\"\(max(findings.count, 1))\""
            output += " failures=\"\(findings.count)\">\n"
            if findings.isEmpty {
                output += "    <testcase classname=\"\(name)\" name=\"check\"/>\n"
            }
            for finding in findings {
                let location = finding.location
                let caseName = "\(finding.rule) \(location.line):\(location.column)"
                let message = "\(finding.severity.rawValue): \(finding.message)"
                var body = "\(location): \(message)"
                if !finding.hint.isEmpty { body += "\nhint: \(finding.hint)" }
                output += "    <testcase classname=\"\(name)\" name=\"\(Self.escape(caseName))\">\n"
                output += "      <failure type=\"\(Self.escape(finding.rule))\""
                output += " message=\"\(Self.escape(message))\">"
                output += "\(Self.escape(body, inAttribute: false))</failure>\n"
                output += "    </testcase>\n"
            }
            output += "  </testsuite>\n"
        }
        output += "</testsuites>\n"
        return output
    }

    /// Escapes text for XML 1.0: the five special characters become entities and characters XML
    /// 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are dropped. CR is written as a character
    /// reference so parsers keep it; in attributes, so are LF and tab, which parsers would
    /// otherwise turn into spaces.
    static func escape(_ text: String, inAttribute: Bool = true) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\r": output += "&#13;"
            case "\n" where inAttribute: output += "&#10;"
            case "\t" where inAttribute: output += "&#9;"
            case "\n", "\t": output.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    continue
                }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
