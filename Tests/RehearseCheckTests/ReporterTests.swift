import Foundation
import Testing

@testable import RehearseBank
@testable import RehearseCheck
@testable import RehearseCore
@testable import RehearseScoring

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct ReporterTests {
    static let rules = [
        RuleDescription(
            id: "duplicate-id", severity: .error, summary: "Ids are unique.",
            rationale: "A repeated id makes progress ambiguous.", triggering: [], nonTriggering: []),
        RuleDescription(
            id: "long-prompt", severity: .warning, summary: "Prompts are short.",
            rationale: "Long prompts tire the learner.", triggering: [], nonTriggering: []),
    ]

    static let findings = [
        Diagnostic(
            rule: "duplicate-id", severity: .error,
            location: SourceLocation(file: "quizzes/a.yaml", line: 3, column: 7),
            message: "`q1` is used twice", hint: "rename one of them"),
        Diagnostic(
            rule: "long-prompt", severity: .warning,
            location: SourceLocation(file: "quizzes/a.yaml", line: 5, column: 1),
            message: "the prompt has 300 words", hint: "keep it under 120"),
    ]

    static func context(
        files: [String] = ["quizzes/a.yaml", "quizzes/b.yaml"], sources: [String: String] = [:],
        color: Bool = false
    ) -> ReportContext {
        ReportContext(
            files: files, sources: sources, color: color, rules: rules, toolVersion: "9.8.7")
    }

    static func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    static func stripANSI(_ text: String) -> String {
        var output = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                while let next = scalars.next(), next != "m" {}
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    // MARK: - Registry

    @Test func registryNamesEveryFormat() {
        #expect(ReporterRegistry.names == ["text", "json", "github", "sarif", "junit"])
        for name in ReporterRegistry.names {
            let reporter = ReporterRegistry.reporter(named: name)
            #expect(reporter != nil)
            let output = reporter?.report(Self.findings, context: Self.context()) ?? ""
            #expect(output.hasSuffix("\n"), "\(name) output ends with a newline")
        }
        #expect(ReporterRegistry.reporter(named: "xml") == nil)
    }

    // MARK: - Text

    @Test func textWithoutColour() {
        let output = TextReporter().report(Self.findings, context: Self.context())
        #expect(
            output == """
                quizzes/a.yaml:3:7: error: `q1` is used twice [duplicate-id]
                  hint: rename one of them
                quizzes/a.yaml:5:1: warning: the prompt has 300 words [long-prompt]
                  hint: keep it under 120
                1 error, 1 warning in 2 files

                """)
    }

    @Test func textWithoutColourHasNoEscapesOrExcerpt() {
        let context = Self.context(sources: ["quizzes/a.yaml": "a\nb\nid: q1\nd\ne\n"])
        let output = TextReporter().report(Self.findings, context: context)
        #expect(!output.contains("\u{1B}"))
        #expect(!output.contains("id: q1"))
        #expect(!output.contains("^"))
    }

    @Test func textSummaryCounts() {
        let text = TextReporter()
        #expect(text.report([], context: Self.context()) == "no problems found in 2 files\n")
        #expect(
            text.report([], context: Self.context(files: ["a.yaml"]))
                == "no problems found in 1 file\n")
        let errors = [Self.findings[0], Self.findings[0]]
        #expect(
            text.report(errors, context: Self.context(files: ["quizzes/a.yaml"])).hasSuffix(
                "\n2 errors, 0 warnings in 1 file\n"))
        let warnings = [Self.findings[1], Self.findings[1]]
        #expect(
            text.report(warnings, context: Self.context()).hasSuffix(
                "\n0 errors, 2 warnings in 2 files\n"))
    }

    @Test func textColourShowsSourceLineAndCaret() throws {
        // A tab, then "Cafe" with a combining acute accent (two scalars, one character) before the
        // column; the file has CRLF line endings.
        let line = "\tCafe\u{301}: x"
        let source = "first: 1\r\n\(line)\r\nlast: 2\r\n"
        let finding = Diagnostic(
            rule: "duplicate-id", severity: .error,
            location: SourceLocation(file: "quizzes/a.yaml", line: 2, column: 9),
            message: "bad value", hint: "change it")
        let context = Self.context(
            files: ["quizzes/a.yaml"], sources: ["quizzes/a.yaml": source], color: true)
        let output = TextReporter().report([finding], context: context)

        #expect(output.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(output.contains("\u{1B}[1mquizzes/a.yaml:2:9:\u{1B}[0m"))
        let lines = Self.stripANSI(output).components(separatedBy: "\n")
        #expect(
            lines == [
                "quizzes/a.yaml:2:9: error: bad value [duplicate-id]",
                "    \(line)",
                "    \t      ^",
                "  hint: change it",
                "1 error, 0 warnings in 1 file",
                "",
            ])
        // The caret sits under the `x` on the screen: as many columns precede both (the accent
        // rides on the `e`).
        let caret = try #require(lines[2].firstIndex(of: "^"))
        let x = try #require(lines[1].firstIndex(of: "x"))
        #expect(
            TerminalText.displayWidth(String(lines[2][..<caret]))
                == TerminalText.displayWidth(String(lines[1][..<x])))
    }

    @Test func textColourWarningIsYellowAndMissingSourceHasNoExcerpt() {
        let context = Self.context(color: true)
        let output = TextReporter().report([Self.findings[1]], context: context)
        #expect(output.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
        #expect(!output.contains("^"))
    }

    // MARK: - JSON

    @Test func jsonDecodesWithCountsAndFields() throws {
        var findings = Self.findings
        findings[0].message = "quote \" backslash \\ newline \n tab \t bell \u{7} é 😀"
        let output = JSONReporter().report(findings, context: Self.context())
        #expect(output.hasSuffix("}\n"))
        let object = try Self.json(output)
        #expect(object["version"] as? Int == 1)
        #expect(object["files"] as? Int == 2)
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 1)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 2)
        let first = diagnostics[0]
        #expect(first["file"] as? String == "quizzes/a.yaml")
        #expect(first["line"] as? Int == 3)
        #expect(first["column"] as? Int == 7)
        #expect(first["severity"] as? String == "error")
        #expect(first["rule"] as? String == "duplicate-id")
        #expect(first["message"] as? String == findings[0].message)
        #expect(first["hint"] as? String == "rename one of them")
        #expect(diagnostics[1]["severity"] as? String == "warning")
        #expect(
            Set(first.keys) == ["file", "line", "column", "severity", "rule", "message", "hint"])
    }

    @Test func jsonKeysHaveAStableOrderAndArePrettyPrinted() throws {
        let output = JSONReporter().report(Self.findings, context: Self.context())
        let keys = ["\"version\"", "\"files\"", "\"errors\"", "\"warnings\"", "\"diagnostics\""]
        let positions = try keys.map { try #require(output.range(of: $0)).lowerBound }
        #expect(positions == positions.sorted())
        #expect(output.hasPrefix("{\n  \"version\": 1,\n  \"files\": 2,\n"))
        #expect(output == JSONReporter().report(Self.findings, context: Self.context()))
    }

    @Test func jsonWithoutFindings() throws {
        let output = JSONReporter().report([], context: Self.context(files: ["a.yaml"]))
        let object = try Self.json(output)
        #expect(object["files"] as? Int == 1)
        #expect(object["errors"] as? Int == 0)
        #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
    }

    // MARK: - GitHub

    @Test func githubCommands() {
        let output = GitHubReporter().report(Self.findings, context: Self.context())
        #expect(
            output == """
                ::error file=quizzes/a.yaml,line=3,col=7,title=duplicate-id::`q1` is used twice \
                (hint: rename one of them)
                ::warning file=quizzes/a.yaml,line=5,col=1,title=long-prompt::the prompt has 300 \
                words (hint: keep it under 120)

                """)
        #expect(GitHubReporter().report([], context: Self.context()) == "")
    }

    /// A finding that echoes hostile file content: terminal escapes in the path, the message
    /// and the hint are shown, never emitted, by the formats read on a terminal.
    static let hostileFinding = Diagnostic(
        rule: "unknown-key", severity: .error,
        location: SourceLocation(file: "quizzes/\u{1B}]0;pwned\u{7}.yaml", line: 2, column: 1),
        message: "unknown key `\u{1B}[2J\u{1B}[?1049h`", hint: "did you mean `\u{9B}6n\u{202E}`?")

    @Test(arguments: [false, true])
    func textShowsEscapesFromFilesVisibly(color: Bool) {
        let source = "title: x\n\u{1B}[2J: y\n"
        let context = Self.context(
            files: [Self.hostileFinding.location.file],
            sources: [Self.hostileFinding.location.file: source], color: color)
        let output = TextReporter().report([Self.hostileFinding], context: context)
        let plain = Self.stripANSI(output)
        #expect(!plain.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\u{1B}" })
        #expect(plain.contains("quizzes/\\u{1B}]0;pwned\\u{7}.yaml:2:1:"))
        #expect(plain.contains("unknown key `\\u{1B}[2J\\u{1B}[?1049h`"))
        #expect(plain.contains("hint: did you mean `\\u{9B}6n\\u{202E}`?"))
        // The only escapes left are our own colour codes.
        let escapes = output.unicodeScalars.filter { $0 == "\u{1B}" }.count
        let colourCodes = output.components(separatedBy: "\u{1B}[").count - 1
        #expect(escapes == colourCodes)
        #expect(color || escapes == 0)
        if color { #expect(output.contains("    \\u{1B}[2J: y\n")) }
    }

    @Test func githubShowsEscapesFromFilesVisibly() {
        let output = GitHubReporter().report([Self.hostileFinding], context: Self.context())
        #expect(!output.unicodeScalars.contains { TerminalText.isUnsafe($0) })
        #expect(output.contains("file=quizzes/\\u{1B}]0;pwned\\u{7}.yaml"))
        #expect(output.contains("::unknown key `\\u{1B}[2J\\u{1B}[?1049h`"))
    }

    @Test func githubEscapesDataAndProperties() {
        let finding = Diagnostic(
            rule: "duplicate-id", severity: .error,
            location: SourceLocation(file: "quizzes/50%,a:b.yaml", line: 2, column: 4),
            message: "100% sure\nnext: a, b\r\nend", hint: "fix: it, now")
        let output = GitHubReporter().report([finding], context: Self.context())
        #expect(
            output == "::error file=quizzes/50%25%2Ca%3Ab.yaml,line=2,col=4,title=duplicate-id"
                + "::100%25 sure%0Anext: a, b%0D%0Aend (hint: fix: it, now)\n")
        #expect(GitHubReporter.escapeProperty("a\r\n%:,") == "a%0D%0A%25%3A%2C")
        #expect(GitHubReporter.escapeData("a\r\n%:,") == "a%0D%0A%25:,")
    }

    // MARK: - SARIF

    @Test func sarifLog() throws {
        var findings = Self.findings
        findings[1].location.file = "quizzes/my quiz é.yaml"
        findings.append(
            Diagnostic(
                rule: "not-registered", severity: .warning,
                location: SourceLocation(file: "quizzes/a.yaml", line: 9, column: 2),
                message: "odd", hint: ""))
        let context = Self.context(files: ["quizzes/a.yaml", "quizzes/my quiz é.yaml"])
        let output = SARIFReporter().report(findings, context: context)
        #expect(output.hasSuffix("}\n"))

        let log = try Self.json(output)
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = runs[0]
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        #expect(run["originalUriBaseIds"] == nil)

        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "rehearse")
        #expect(driver["version"] as? String == "9.8.7")
        #expect(driver["informationUri"] == nil)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == ["duplicate-id", "long-prompt"])
        let shortText = (rules[1]["shortDescription"] as? [String: Any])?["text"] as? String
        #expect(shortText == "Prompts are short.")
        let fullText = (rules[0]["fullDescription"] as? [String: Any])?["text"] as? String
        #expect(fullText == "A repeated id makes progress ambiguous.")
        let defaultLevels = rules.map {
            ($0["defaultConfiguration"] as? [String: Any])?["level"] as? String
        }
        #expect(defaultLevels == ["error", "warning"])

        let artifacts = try #require(run["artifacts"] as? [[String: Any]])
        let artifactURIs = artifacts.map {
            ($0["location"] as? [String: Any])?["uri"] as? String
        }
        #expect(artifactURIs == ["quizzes/a.yaml", "quizzes/my%20quiz%20%C3%A9.yaml"])

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3)
        for result in results.prefix(2) {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        #expect(results[1]["ruleIndex"] as? Int == 1)
        #expect(results[2]["ruleIndex"] == nil)
        #expect(results.map { $0["level"] as? String } == ["error", "warning", "warning"])
        let messages = results.map { ($0["message"] as? [String: Any])?["text"] as? String }
        #expect(
            messages == ["`q1` is used twice", "the prompt has 300 words", "odd"])
        let hints = results.map { ($0["properties"] as? [String: Any])?["hint"] as? String }
        #expect(hints == ["rename one of them", "keep it under 120", nil])

        let locations = try #require(results[1]["locations"] as? [[String: Any]])
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "quizzes/my%20quiz%20%C3%A9.yaml")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        #expect(artifact["index"] as? Int == 1)
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 5)
        #expect(region["startColumn"] as? Int == 1)
    }

    @Test func sarifURIEncoding() {
        #expect(SARIFReporter.uri(forPath: "quizzes/a b.yaml") == "quizzes/a%20b.yaml")
        #expect(SARIFReporter.uri(forPath: "a:b/c#d?e%f.yaml") == "a%3Ab/c%23d%3Fe%25f.yaml")
        #expect(SARIFReporter.uri(forPath: "x-y_z.~/ok.yaml") == "x-y_z.~/ok.yaml")
    }

    // MARK: - JUnit

    #if canImport(FoundationXML) || os(macOS)
        @Test func junitParsesAndGroupsByFile() throws {
            var findings = Self.findings
            findings[0].message = "a <b> & \"c\" 'd'\nsecond\u{1}\u{1B} line"
            let output = JUnitReporter().report(findings, context: Self.context())
            #expect(output.hasSuffix("</testsuites>\n"))
            #expect(!output.contains("\u{1}"))
            #expect(!output.contains("\u{1B}"))

            let document = try XMLDocument(xmlString: output, options: [])
            let root = try #require(document.rootElement())
            #expect(root.name == "testsuites")
            #expect(root.attribute(forName: "name")?.stringValue == "rehearse check")
            #expect(root.attribute(forName: "tests")?.stringValue == "3")
            #expect(root.attribute(forName: "failures")?.stringValue == "2")

            let suites = root.elements(forName: "testsuite")
            #expect(
                suites.map { $0.attribute(forName: "name")?.stringValue } == [
                    "quizzes/a.yaml", "quizzes/b.yaml",
                ])
            #expect(suites.map { $0.attribute(forName: "tests")?.stringValue } == ["2", "1"])
            #expect(suites.map { $0.attribute(forName: "failures")?.stringValue } == ["2", "0"])

            let cases = suites[0].elements(forName: "testcase")
            #expect(
                cases.map { $0.attribute(forName: "name")?.stringValue } == [
                    "duplicate-id 3:7", "long-prompt 5:1",
                ])
            #expect(cases[0].attribute(forName: "classname")?.stringValue == "quizzes/a.yaml")
            let failure = try #require(cases[0].elements(forName: "failure").first)
            #expect(failure.attribute(forName: "type")?.stringValue == "duplicate-id")
            #expect(
                failure.attribute(forName: "message")?.stringValue
                    == "error: a <b> & \"c\" 'd'\nsecond line")
            #expect(
                failure.stringValue
                    == "quizzes/a.yaml:3:7: error: a <b> & \"c\" 'd'\nsecond line\n"
                    + "hint: rename one of them")
            let warning = try #require(cases[1].elements(forName: "failure").first)
            #expect(
                warning.attribute(forName: "message")?.stringValue
                    == "warning: the prompt has 300 words")

            let clean = suites[1].elements(forName: "testcase")
            #expect(clean.count == 1)
            #expect(clean.first?.attribute(forName: "name")?.stringValue == "check")
            #expect(clean.first?.elements(forName: "failure").isEmpty == true)
        }
    #endif

    @Test func junitEscapes() {
        #expect(
            JUnitReporter.escape("<a & \"b\" 'c'>") == "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;"
        )
        #expect(JUnitReporter.escape("a\u{0}b\u{8}c\u{FFFF}d\u{FFFE}") == "abcd")
        #expect(JUnitReporter.escape("a\nb\tc\rd") == "a&#10;b&#9;c&#13;d")
        #expect(JUnitReporter.escape("a\nb\tc\rd", inAttribute: false) == "a\nb\tc&#13;d")
        let output = JUnitReporter().report([], context: Self.context(files: ["a & b.yaml"]))
        #expect(
            output == """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="rehearse check" tests="1" failures="0">
                  <testsuite name="a &amp; b.yaml" tests="1" failures="0">
                    <testcase classname="a &amp; b.yaml" name="check"/>
                  </testsuite>
                </testsuites>

                """)
    }
}
