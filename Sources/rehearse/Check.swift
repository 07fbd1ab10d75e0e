import ArgumentParser
import Foundation
import RehearseBank
import RehearseCheck
import RehearseCore
import RehearseGrading
import RehearseProgress
import RehearseScoring
import RehearseSession

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint quiz and scenario files.",
        discussion: """
            Checks the whole bank, or the files and folders given. Exit codes: 0 clean; 1 errors \
            (or warnings with --strict); 2 a path cannot be read; 64 usage error.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Files or folders to check (default: the bank).")
    var paths: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output format (markdown only with --list-rules).",
            valueName: CheckFormat.allCases.map(\.rawValue).joined(separator: "|")))
    var format: CheckFormat = .text

    @Flag(name: .long, help: "Fail on warnings too.")
    var strict = false

    @Option(name: .long, help: "Explain a rule, with examples, and exit.")
    var explain: String?

    @Flag(name: .long, help: "List every rule and exit (as a table with --format markdown).")
    var listRules = false

    func validate() throws {
        if format == .markdown && !listRules {
            throw ValidationError("--format markdown lists the rules: use it with --list-rules")
        }
        if let explain, RuleRegistry.description(of: explain) == nil {
            let ids = RuleRegistry.descriptions.map(\.id)
            let guess =
                Suggestion.closest(to: explain, in: ids).map { " (did you mean '\($0)'?)" } ?? ""
            throw ValidationError(
                "unknown rule '\(explain)'\(guess); `rehearse check --list-rules` lists them")
        }
    }

    func run() throws {
        if let explain, let rule = RuleRegistry.description(of: explain) {
            writeOutput(RuleDocumentation.explain(rule))
            return
        }
        if listRules {
            let rules = RuleRegistry.descriptions
            writeOutput(
                format == .markdown
                    ? RuleDocumentation.markdownTable(rules) : RuleDocumentation.list(rules))
            return
        }
        guard let reporter = format.reporter else { throw RehearseError.usage }
        let color = format == .text && global.useColor()
        let outcome = Checker.checkPaths(
            paths, bankRoot: paths.isEmpty ? global.bankRoot : global.explicitBankRoot,
            keepSources: color)
        if let lines = outcome.nothingChecked {
            for line in lines { printError("rehearse: \(line)") }
            throw ExitCode(2)
        }
        for failure in outcome.failures {
            printError("rehearse: cannot read \(failure.path): \(failure.reason)")
        }
        let context = ReportContext(files: outcome.files, sources: outcome.sources, color: color)
        writeOutput(reporter.report(outcome.diagnostics, context: context))
        if !outcome.failures.isEmpty { throw RehearseError.io }
        if outcome.errorCount > 0 || (strict && outcome.warningCount > 0) {
            throw RehearseError.rejected
        }
    }
}
